import { simpleParser } from 'mailparser';
import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { open, schoolConcern } from '../harness/flows';
import { DeadlineRig, eventually, startDeadlineRig } from '../harness/deadline-rig';
import { children } from '../harness/test-app';

interface Received {
  to: string[];
  subject: string;
  text: string;
  raw: string;
}

/** A real SMTP server inside the test receives Trygg's e-mails; they hold no personal data. */
describe('e-mail notifications over SMTP', () => {
  let rig: DeadlineRig;
  let smtp: SMTPServer;
  const inbox: Received[] = [];

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, done) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', async () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          const mail = await simpleParser(raw);
          inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), subject: mail.subject ?? '', text: mail.text ?? '', raw });
          done();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = (smtp.server.address() as AddressInfo).port;
    rig = await startDeadlineRig({
      now: '2027-03-01T09:30:00+01:00',
      worker: { smtpUrl: `smtp://127.0.0.1:${port}`, publicUrl: 'https://trygg.demo.kommune.no' },
    });
  });
  afterAll(async () => {
    await rig.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it('sends the owner one e-mail per staff-offence case, with the unit and a link but no child, text or names', async () => {
    const c = await open(
      rig.api,
      'larer',
      schoolConcern({ staffOffender: true, concern: 'Eva Nordmann says a teacher shoved her in the corridor.' }),
    );
    await eventually(async () => inbox.length >= 1);
    await rig.settle();
    expect(inbox).toHaveLength(1);
    const mail = inbox[0];
    expect(mail.to).toEqual(['kommune@demo.trygg.invalid']);
    expect(mail.subject).toContain('Demo skole');
    expect(mail.text).toContain('Demo skole');
    expect(mail.text).toContain(`https://trygg.demo.kommune.no/cases/${c.id}`);
    for (const child of children) {
      for (const part of child.name.split(' ')) {
        expect(mail.text).not.toContain(part);
        expect(mail.subject).not.toContain(part);
      }
    }
    expect(mail.text).not.toMatch(/shoved|corridor|teacher/i);
    expect(mail.text).not.toMatch(/Lærer Larsen|Rektor Ruud|Kommune Kristiansen/);

    const [row] = await rig.sql<{ id: string; email_status: string }>(
      `SELECT id, email_status FROM notifications WHERE case_id = $1 AND kind = 'owner_informed'`,
      [c.id],
    );
    expect(row.email_status).toBe('sent');

    // The mail job delivered again: no second e-mail.
    await rig.mail.add('email', { notificationId: row.id }, { jobId: 'mail-again' });
    await rig.settle();
    expect(inbox).toHaveLength(1);
  });

  it('sends the reminder to the responsible principal', async () => {
    inbox.length = 0;
    await open(rig.api, 'larer', schoolConcern());
    await rig.travelTo('2027-03-01T16:00:01+01:00');
    // The staff-offence case above is overdue by now too; that e-mail goes to the principal as well.
    const reminder = await eventually(async () => inbox.find((m) => m.text.includes('A deadline is near')));
    expect(reminder.to).toEqual(['rektor@demo.trygg.invalid']);
    await rig.settle();
    expect(inbox.filter((m) => m.text.includes('A deadline is near'))).toHaveLength(1);
    expect(inbox.every((m) => m.to[0] === 'rektor@demo.trygg.invalid')).toBe(true);
  });
});
