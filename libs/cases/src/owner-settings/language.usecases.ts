import { toOsloIso } from '../../../workflow/src';
import { mayChangeOwnerSettings, mayReadOwnerSettings } from '../authorization.policy';
import { ForbiddenError, NotFoundError, StaleVersionError } from '../errors';
import { Clock, OwnerLanguage, OwnerSettingsStore, UserContext } from '../ports';

export interface OwnerLanguageView extends OwnerLanguage {
  ownerId: string;
  isDefault: boolean;
  changedBy: string | null;
  changedAt: string | null;
}

/**
 * The owner's default language: what everyone working for it sees until they choose bokmål or
 * nynorsk themselves (målloven lets each municipality choose its form, or stay neutral).
 */
export class OwnerLanguageSetting {
  constructor(
    private readonly settings: OwnerSettingsStore,
    private readonly clock: Clock,
  ) {}

  async get(user: UserContext, ownerId: string): Promise<OwnerLanguageView> {
    if (!mayReadOwnerSettings(user, ownerId)) throw new NotFoundError('owner not found');
    return this.view(ownerId);
  }

  async change(user: UserContext, ownerId: string, input: { expectedVersion: number; defaultLanguage: 'nb' | 'nn' }) {
    if (!mayReadOwnerSettings(user, ownerId)) throw new NotFoundError('owner not found');
    if (!mayChangeOwnerSettings(user, ownerId)) throw new ForbiddenError('only the owner (kommune) chooses its default language', 'owner');
    const saved = await this.settings.saveLanguage(
      ownerId,
      { version: input.expectedVersion + 1, defaultLanguage: input.defaultLanguage },
      input.expectedVersion,
      user.id,
      this.clock.now(),
    );
    const now = await this.view(ownerId);
    if (!saved)
      throw new StaleVersionError(
        `the language setting is at version ${now.version}, not ${input.expectedVersion}: reload it and try again`,
        now.version,
      );
    return now;
  }

  private async view(ownerId: string): Promise<OwnerLanguageView> {
    const l = await this.settings.currentLanguage(ownerId);
    return {
      ownerId,
      ...l.language,
      isDefault: l.changedAt === null,
      changedBy: l.changedBy,
      changedAt: l.changedAt ? toOsloIso(l.changedAt) : null,
    };
  }
}
