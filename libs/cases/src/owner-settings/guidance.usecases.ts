import { BTI_SERVICES, Guidance, GuidanceRule, toOsloIso } from '../../../workflow/src';
import { mayChangeOwnerSettings, mayReadOwnerSettings } from '../authorization.policy';
import { ForbiddenError, NotFoundError, StaleVersionError } from '../errors';
import { Clock, OwnerSettingsStore, UserContext } from '../ports';

export interface GuidanceView extends Guidance {
  ownerId: string;
  isDefault: boolean;
  changedBy: string | null;
  changedAt: string | null;
  notice: string;
}

const NOTICE = 'Decision support set by the owner (policy), never law: warnings and suggestions do not block anything.';

/** The owner's Omni guidance: when a plan gets an FFSS warning, and what is suggested at which staircase step. */
export class OwnerGuidance {
  constructor(
    private readonly settings: OwnerSettingsStore,
    private readonly clock: Clock,
  ) {}

  async get(user: UserContext, ownerId: string): Promise<GuidanceView> {
    if (!mayReadOwnerSettings(user, ownerId)) throw new NotFoundError('owner not found');
    return this.view(ownerId);
  }

  async change(
    user: UserContext,
    ownerId: string,
    input: { expectedVersion: number; ffssWarningFromStep: Guidance['ffssWarningFromStep']; rules: GuidanceRule[]; btiServices?: string[] },
  ): Promise<GuidanceView> {
    if (!mayReadOwnerSettings(user, ownerId)) throw new NotFoundError('owner not found');
    if (!mayChangeOwnerSettings(user, ownerId)) throw new ForbiddenError('only the owner (kommune) sets its guidance', 'owner');
    const { expectedVersion, btiServices, ...fields } = input;
    // The standard services are always there; the owner adds its own.
    const services = [...new Set([...BTI_SERVICES, ...(btiServices ?? [])])];
    const saved = await this.settings.saveGuidance(
      ownerId,
      { ...fields, btiServices: services, version: expectedVersion + 1 },
      expectedVersion,
      user.id,
      this.clock.now(),
    );
    const now = await this.view(ownerId);
    if (!saved)
      throw new StaleVersionError(
        `the guidance is at version ${now.version}, not ${expectedVersion}: reload it and try again`,
        now.version,
      );
    return now;
  }

  private async view(ownerId: string): Promise<GuidanceView> {
    const g = await this.settings.currentGuidance(ownerId);
    return {
      ownerId,
      ...g.guidance,
      isDefault: g.changedAt === null,
      changedBy: g.changedBy,
      changedAt: g.changedAt ? toOsloIso(g.changedAt) : null,
      notice: NOTICE,
    };
  }
}
