import { DataSource } from 'typeorm';
import { NotificationKind } from '../../cases/src/ports';
import { composeNotificationEmail } from './notification-email.composer';
import { Mailer } from './smtp.mailer';

export type EmailOutcome = 'sent' | 'skipped' | 'not_owed';

/**
 * Sends the e-mail a notification owes, once: the row is locked while sending and marked sent
 * in the same transaction, so a second delivery of the job finds it already sent. (A crash
 * after the SMTP server accepted but before the commit can resend; SMTP offers no better.)
 */
export class SendNotificationEmail {
  constructor(
    private readonly ds: DataSource,
    private readonly mailer: Mailer | null,
    private readonly publicUrl: string,
  ) {}

  async execute(notificationId: string, now: Date): Promise<EmailOutcome> {
    if (!this.mailer) {
      // No SMTP configured: in-app only. One statement, no lock needed.
      const [, affected] = await this.ds.query(`UPDATE notifications SET email_status = 'skipped' WHERE id = $1 AND email_status = 'pending'`, [notificationId]);
      return affected === 1 ? 'skipped' : 'not_owed';
    }
    const mailer = this.mailer;
    return this.ds.transaction(async (m) => {
      const [n] = await m.query(
        `SELECT n.id, n.kind, n.case_id, n.email_status, u.email, un.name AS unit_name
         FROM notifications n JOIN users u ON u.id = n.user_id LEFT JOIN units un ON un.id = n.unit_id
         WHERE n.id = $1 FOR UPDATE OF n`,
        [notificationId],
      );
      if (!n || n.email_status !== 'pending') return 'not_owed';
      if (!n.email) {
        await m.query(`UPDATE notifications SET email_status = 'skipped' WHERE id = $1`, [n.id]);
        return 'skipped';
      }
      const mail = composeNotificationEmail({ kind: n.kind as NotificationKind, unitName: n.unit_name, caseId: n.case_id, publicUrl: this.publicUrl });
      await m.query('UPDATE notifications SET email_attempts = email_attempts + 1 WHERE id = $1', [n.id]);
      await mailer.send(n.email, mail.subject, mail.text);
      await m.query(`UPDATE notifications SET email_status = 'sent', emailed_at = $2 WHERE id = $1`, [n.id, now]);
      return 'sent';
    });
  }
}
