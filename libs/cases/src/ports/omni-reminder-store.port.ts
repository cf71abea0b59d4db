import { NewNotification } from './case-record';
import { token } from './token';

export interface PrincipalGroup {
  userId: string;
  ownerId: string;
  unitId: string;
  groupId: string;
}

export interface OmniReminderStore {
  /** Every principal with each group of their unit, in a stable order. */
  principalGroups(): Promise<PrincipalGroup[]>;
  /** Adds the notifications in one transaction; one whose dedupe key exists is left out. */
  notify(notifications: NewNotification[], at: Date): Promise<void>;
}
export const OMNI_REMINDER_STORE = token<OmniReminderStore>('OmniReminderStore');
