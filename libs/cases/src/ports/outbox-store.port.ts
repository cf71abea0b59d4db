import { DeadlineRecord } from './case-record';
import { token } from './token';

/** A batch of the outbox: what must reach the job queue now that its transaction has committed. */
export interface OutboxBatch {
  /** The deadlines the batch names, as they are now (one met meanwhile is no longer pending). */
  deadlines: DeadlineRecord[];
  /** Notifications whose e-mail is owed. */
  emailIds: string[];
  /** Journal entries owed to the archive service (when there is one). */
  archiveEntryIds: string[];
}

/** The transactional outbox and what the reconciler reads to make the queue agree with the database. */
export interface OutboxStore {
  /**
   * Takes up to `limit` rows no other relay holds, hands them to `relay`, and deletes them only
   * once it has returned: a failure or a crash leaves them for the next try. E-mails `relay`
   * names as skipped (no SMTP) are settled in the same transaction. Returns the rows relayed.
   */
  relayBatch(limit: number, relay: (batch: OutboxBatch) => Promise<{ skippedEmailIds: string[] }>): Promise<number>;
  /** Pending deadlines in id order after `afterId` (null: from the start). */
  pendingDeadlines(afterId: string | null, limit: number): Promise<DeadlineRecord[]>;
  /** Notifications whose e-mail is still owed, oldest first. */
  owedEmails(): Promise<string[]>;
}
export const OUTBOX_STORE = token<OutboxStore>('OutboxStore');
