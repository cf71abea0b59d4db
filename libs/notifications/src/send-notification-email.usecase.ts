import { EmailDeliveryStore, EmailOutcome } from '../../cases/src/ports';
import { composeNotificationEmail } from './notification-email.composer';
import { Mailer } from './smtp.mailer';

export type { EmailOutcome };

/**
 * Sends the e-mail a notification owes, once: the store locks the row while sending and marks it
 * sent in the same transaction, so a second delivery of the job finds it already sent. (A crash
 * after the SMTP server accepted but before the commit can resend; SMTP offers no better.)
 */
export class SendNotificationEmail {
  constructor(
    private readonly deliveries: EmailDeliveryStore,
    private readonly mailer: Mailer | null,
    private readonly publicUrl: string,
  ) {}

  async execute(notificationId: string, now: Date): Promise<EmailOutcome> {
    const mailer = this.mailer;
    // No SMTP configured: in-app only.
    if (!mailer) return this.deliveries.skip(notificationId);
    return this.deliveries.deliver(notificationId, now, async (n) => {
      const mail = composeNotificationEmail({ kind: n.kind, unitName: n.unitName, caseId: n.caseId, publicUrl: this.publicUrl });
      await mailer.send(n.to, mail.subject, mail.text);
    });
  }
}
