import { BTI_SERVICES, Guidance, GuidanceRule } from '../../../workflow/src';
import { mayReadOwnerSettings } from '../authorization.policy';
import { NotFoundError } from '../errors';
import { Clock, OwnerSettingsStore, UserContext } from '../ports';
import { assertMayChangeSetting, changeStamp, saveNextVersion } from './versioned-setting';

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
    assertMayChangeSetting(user, ownerId, 'sets its guidance');
    const { expectedVersion, btiServices, ...fields } = input;
    // The standard services are always there; the owner adds its own.
    const services = [...new Set([...BTI_SERVICES, ...(btiServices ?? [])])];
    return saveNextVersion(
      'guidance',
      expectedVersion,
      () =>
        this.settings.saveGuidance(
          ownerId,
          { ...fields, btiServices: services, version: expectedVersion + 1 },
          expectedVersion,
          user.id,
          this.clock.now(),
        ),
      () => this.view(ownerId),
    );
  }

  private async view(ownerId: string): Promise<GuidanceView> {
    const g = await this.settings.currentGuidance(ownerId);
    return {
      ownerId,
      ...g.guidance,
      ...changeStamp(g),
      notice: NOTICE,
    };
  }
}
