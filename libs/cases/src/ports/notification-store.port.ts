import { token } from './token';
import { NotificationKind } from './case-record';

export interface NotificationRecord {
  id: string;
  userId: string;
  kind: NotificationKind;
  unitId: string | null;
  caseId: string | null;
  groupId: string | null;
  deadlineId: string | null;
  createdAt: Date;
  readAt: Date | null;
  emailStatus: 'none' | 'pending' | 'sent' | 'skipped' | 'failed';
}

export interface NotificationStore {
  listFor(
    userId: string,
    opts: { unreadOnly: boolean; limit: number; before?: { createdAt: Date; id: string } },
  ): Promise<NotificationRecord[]>;
  /** Marks one of the user's notifications read; undefined when it is not theirs. */
  markRead(userId: string, id: string, at: Date): Promise<NotificationRecord | undefined>;
}

export const NOTIFICATION_STORE = token<NotificationStore>('NotificationStore');
