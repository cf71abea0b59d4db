import { NotificationKind } from '../../cases/src/ports';

export interface EmailFacts {
  kind: NotificationKind;
  unitName: string | null;
  caseId: string | null;
  publicUrl: string;
}

export interface ComposedEmail {
  subject: string;
  text: string;
}

const WHY: Record<NotificationKind, string> = {
  owner_informed: 'Kommunen skal varslast om ei sak. / The owner is to be informed of a case.',
  case_acknowledged: 'Bekymringa du melde er teken imot. / The concern you reported is taken up.',
  deadline_reminder: 'Ein frist nærmar seg. / A deadline is near.',
  deadline_overdue: 'Ein frist er passert. / A deadline has passed.',
  deadline_escalated: 'Ein frist er passert og sendt vidare til deg. / An overdue item was escalated to you.',
  evaluation_started: 'Det er tid for evaluering. / It is time to evaluate.',
  omni_assessment_due: 'Det er tid for å vurdere Omni-trappa for gruppene. / Time to assess the Omni staircase for the groups.',
};

/**
 * The e-mail for a notification. It carries NO personal data (no child, no free text, no names
 * from the case): only the unit, that something needs attention, and a link behind sign-in.
 */
export function composeNotificationEmail(f: EmailFacts): ComposedEmail {
  const where = f.unitName ?? 'Trygg';
  const base = f.publicUrl.replace(/\/+$/, '');
  const link = f.caseId ? `${base}/cases/${f.caseId}` : `${base}/notifications`;
  return {
    subject: `Trygg: ei sak treng merksemda di (${where})`,
    text: [
      'Hei,',
      '',
      `Ei sak ved ${where} treng merksemda di. / A case at ${where} needs your attention.`,
      WHY[f.kind],
      '',
      `Logg inn for å sjå meir / Sign in to see more: ${link}`,
      '',
      'Denne e-posten inneheld ingen personopplysningar. / This e-mail holds no personal data.',
    ].join('\n'),
  };
}
