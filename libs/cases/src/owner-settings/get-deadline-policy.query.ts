import { mayReadOwnerSettings } from '../authorization.policy';
import { NotFoundError } from '../errors';
import { OwnerSettingsStore, UserContext } from '../ports';
import { deadlinePolicyView, DeadlinePolicyView } from './deadline-policy.view';

/** The deadline policy in force for an owner (Trygg's defaults until the owner changes them). */
export class GetDeadlinePolicy {
  constructor(private readonly settings: OwnerSettingsStore) {}

  async execute(user: UserContext, ownerId: string): Promise<DeadlinePolicyView> {
    if (!mayReadOwnerSettings(user, ownerId)) throw new NotFoundError('owner not found');
    return deadlinePolicyView(ownerId, await this.settings.currentPolicy(ownerId));
  }
}
