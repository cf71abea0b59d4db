import { mayReadOwnerSettings } from '../authorization.policy';
import { NotFoundError } from '../errors';
import { Clock, Language, OwnerLanguage, OwnerSettingsStore, UserContext } from '../ports';
import { assertMayChangeSetting, changeStamp, saveNextVersion } from './versioned-setting';

export interface OwnerLanguageView extends OwnerLanguage {
  ownerId: string;
  isDefault: boolean;
  changedBy: string | null;
  changedAt: string | null;
}

/**
 * The owner's default language: what everyone working for it sees until they choose bokmål or
 * nynorsk themselves. Under språklova § 11 a municipality decides on bokmål, nynorsk or neutrality (its
 * språkvedtak), and may apply it to its own services; this is where it says so in Trygg.
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

  async change(user: UserContext, ownerId: string, input: { expectedVersion: number; defaultLanguage: Language }) {
    assertMayChangeSetting(user, ownerId, 'chooses its default language');
    const { expectedVersion, defaultLanguage } = input;
    return saveNextVersion(
      'language setting',
      expectedVersion,
      () =>
        this.settings.saveLanguage(ownerId, { version: expectedVersion + 1, defaultLanguage }, expectedVersion, user.id, this.clock.now()),
      () => this.view(ownerId),
    );
  }

  private async view(ownerId: string): Promise<OwnerLanguageView> {
    const l = await this.settings.currentLanguage(ownerId);
    return { ownerId, ...l.language, ...changeStamp(l) };
  }
}
