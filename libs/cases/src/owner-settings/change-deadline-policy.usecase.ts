import { DeadlinePolicy } from '../../../workflow/src';
import { FieldError, InvalidInputError, StaleVersionError } from '../errors';
import { assertMayChangeSetting } from './versioned-setting';
import { Clock, OwnerSettingsStore, UserContext } from '../ports';
import { deadlinePolicyView, DeadlinePolicyView } from './deadline-policy.view';

export type DeadlinePolicyInput = Omit<DeadlinePolicy, 'version'> & { expectedVersion: number };

/**
 * The owner changes its deadline policy. Each change is a new version (the old ones stay, so a
 * supervisor can see which policy a deadline was computed with); it applies to deadlines created
 * from now on, and running deadlines keep their dates and steps.
 */
export class ChangeDeadlinePolicy {
  constructor(
    private readonly settings: OwnerSettingsStore,
    private readonly clock: Clock,
  ) {}

  async execute(user: UserContext, ownerId: string, input: DeadlinePolicyInput): Promise<DeadlinePolicyView> {
    assertMayChangeSetting(user, ownerId, 'changes its deadline policy');
    const errors: FieldError[] = [];
    if (input.escalateToOwnerSchoolDays <= input.escalateToPrincipalSchoolDays) {
      errors.push({
        field: 'escalateToOwnerSchoolDays',
        message: 'must be greater than escalateToPrincipalSchoolDays (the owner comes after the principal)',
      });
    }
    if (errors.length) throw new InvalidInputError(errors);

    const { expectedVersion, ...fields } = input;
    const current = await this.settings.currentPolicy(ownerId);
    if (current.policy.version !== expectedVersion) {
      throw new StaleVersionError(
        `the policy is at version ${current.policy.version}, not ${expectedVersion}: reload it and try again`,
        current.policy.version,
      );
    }
    const saved = await this.settings.savePolicy(
      ownerId,
      { ...fields, version: expectedVersion + 1 },
      expectedVersion,
      user.id,
      this.clock.now(),
    );
    const now = await this.settings.currentPolicy(ownerId);
    if (!saved)
      throw new StaleVersionError(
        `the policy changed meanwhile (now version ${now.policy.version}): reload it and try again`,
        now.policy.version,
      );
    return deadlinePolicyView(ownerId, now);
  }
}
