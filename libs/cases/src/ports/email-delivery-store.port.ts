import { NotificationKind } from './case-record';
import { token } from './token';

/** A notification whose e-mail is owed, with what the mail says and where it goes. */
export interface OwedEmail {
  notificationId: string;
  kind: NotificationKind;
  caseId: string | null;
  unitName: string | null;
  /** The user's address; null when they have none. */
  to: string | null;
}

export type EmailOutcome = 'sent' | 'skipped' | 'not_owed';

export interface EmailDeliveryStore {
  /** No e-mail will be sent (no SMTP configured): settles the notification as skipped if it is still owed. */
  skip(notificationId: string): Promise<EmailOutcome>;
  /**
   * Sends an owed e-mail once: the notification is locked while `send` runs and marked sent in
   * the same transaction, so a second delivery of the job finds it sent. No address: skipped.
   */
  deliver(notificationId: string, now: Date, send: (mail: OwedEmail & { to: string }) => Promise<void>): Promise<EmailOutcome>;
}
export const EMAIL_DELIVERY_STORE = token<EmailDeliveryStore>('EmailDeliveryStore');
