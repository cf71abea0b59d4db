import { DataSource } from 'typeorm';
import { EmailDeliveryStore, EmailOutcome, NotificationKind, OwedEmail } from '../../cases/src/ports';

/** E-mail delivery state on the notifications table. */
export class TypeormEmailDeliveryStore implements EmailDeliveryStore {
  constructor(private readonly ds: DataSource) {}

  async skip(notificationId: string): Promise<EmailOutcome> {
    // One statement, no lock needed.
    const [, affected] = await this.ds.query(
      `UPDATE notifications SET email_status = 'skipped' WHERE id = $1 AND email_status = 'pending'`,
      [notificationId],
    );
    return affected === 1 ? 'skipped' : 'not_owed';
  }

  deliver(notificationId: string, now: Date, send: (mail: OwedEmail & { to: string }) => Promise<void>): Promise<EmailOutcome> {
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
      await m.query('UPDATE notifications SET email_attempts = email_attempts + 1 WHERE id = $1', [n.id]);
      await send({ notificationId: n.id, kind: n.kind as NotificationKind, caseId: n.case_id, unitName: n.unit_name, to: n.email });
      await m.query(`UPDATE notifications SET email_status = 'sent', emailed_at = $2 WHERE id = $1`, [n.id, now]);
      return 'sent';
    });
  }
}
