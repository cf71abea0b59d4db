import { currentLanguage, inLanguage } from '../i18n/current';
import type { MessageKey } from '../i18n/nb';
import { tr } from '../i18n/translate';
import { STAIRCASE_LABELS } from '../../../../libs/workflow/src/omni';

/**
 * The words people read, in one place, in bokmål (the same words as docs/brukerveiledning.md) and in
 * nynorsk; each table is read in the language chosen now. Entry labels of the history come from the
 * API, the same as in the case file.
 */
export type Regime = 'school' | 'kindergarten';

export interface RegimeWords {
  leader: string;
  Leader: string;
  child: string;
  children: string;
  Child: string;
  unit: string;
  law: string;
  staffLaw: string;
  whichChildren: string;
}

const REGIME_NB: Record<Regime, RegimeWords> = {
  school: {
    leader: 'rektor',
    Leader: 'Rektor',
    child: 'eleven',
    children: 'elever',
    Child: 'Eleven',
    unit: 'skole',
    law: 'opplæringslova § 12-4',
    staffLaw: 'opplæringslova § 12-5',
    whichChildren: 'Hvilke elever gjelder det?',
  },
  kindergarten: {
    leader: 'styrer',
    Leader: 'Styrer',
    child: 'barnet',
    children: 'barn',
    Child: 'Barnet',
    unit: 'barnehage',
    law: 'barnehageloven § 42',
    staffLaw: 'barnehageloven § 43',
    whichChildren: 'Hvilke barn gjelder det?',
  },
};

const REGIME_NN: Record<Regime, RegimeWords> = {
  school: { ...REGIME_NB.school, children: 'elevar', unit: 'skule', whichChildren: 'Kva elevar gjeld det?' },
  kindergarten: {
    ...REGIME_NB.kindergarten,
    leader: 'styrar',
    Leader: 'Styrar',
    law: 'barnehagelova § 42',
    staffLaw: 'barnehagelova § 43',
    whichChildren: 'Kva barn gjeld det?',
  },
};

export const REGIME: Record<Regime, RegimeWords> = inLanguage({ nb: REGIME_NB, nn: REGIME_NN });

export const regimeOf = (kind: string | undefined): Regime => (kind === 'kindergarten' ? 'kindergarten' : 'school');

export const STATE_LABEL: Record<string, string> = inLanguage({
  nn: {
    reported: 'Meldt',
    investigating: 'Under undersøking',
    planning: 'Plan blir laga',
    awaiting_approval: 'Plan til godkjenning',
    active: 'Tiltak i gang',
    evaluating: 'Evaluering',
    closed: 'Avslutta',
  },
  nb: {
    reported: 'Meldt',
    investigating: 'Under undersøkelse',
    planning: 'Plan lages',
    awaiting_approval: 'Plan til godkjenning',
    active: 'Tiltak i gang',
    evaluating: 'Evaluering',
    closed: 'Avsluttet',
  },
});

/** What happens next, said to whoever reads the case. */
export function nextStep(state: string, w: RegimeWords): string {
  if (currentLanguage() === 'nn') return nextStepNn(state, w);
  switch (state) {
    case 'reported':
      return `${w.Leader} skal bekrefte at meldingen er mottatt, og undersøke saken snarest.`;
    case 'investigating':
      return `Saken undersøkes: hør ${w.child}, skriv notater, og ${w.leader} avslutter undersøkelsen.`;
    case 'planning':
      return 'En aktivitetsplan skal skrives og sendes til godkjenning.';
    case 'awaiting_approval':
      return `${w.Leader} skal godkjenne planen eller sende den tilbake.`;
    case 'active':
      return 'Tiltakene gjennomføres. Registrer hva som er gjort; evalueringen starter på datoen i planen.';
    case 'evaluating':
      return `Tiltakene evalueres: har ${w.child} det trygt og godt nå?`;
    default:
      return 'Saken er avsluttet.';
  }
}

function nextStepNn(state: string, w: RegimeWords): string {
  switch (state) {
    case 'reported':
      return `${w.Leader} skal stadfeste at meldinga er motteken, og undersøkje saka snarast.`;
    case 'investigating':
      return `Saka blir undersøkt: høyr ${w.child}, skriv notat, og ${w.leader} avsluttar undersøkinga.`;
    case 'planning':
      return 'Ein aktivitetsplan skal skrivast og sendast til godkjenning.';
    case 'awaiting_approval':
      return `${w.Leader} skal godkjenne planen eller sende han tilbake.`;
    case 'active':
      return 'Tiltaka blir gjennomførte. Registrer kva som er gjort; evalueringa startar på datoen i planen.';
    case 'evaluating':
      return `Tiltaka blir evaluerte: har ${w.child} det trygt og godt no?`;
    default:
      return 'Saka er avslutta.';
  }
}

export function sourceLabel(source: string, w: RegimeWords): string {
  const labels: Record<string, string> =
    currentLanguage() === 'nn'
      ? {
          staff_observation: 'Eg såg det sjølv',
          child_told: `${w.Child} fortalde det`,
          parent_told: 'Foreldre fortalde det',
          other: 'Anna',
          anonymous: 'Anonymt',
        }
      : {
          staff_observation: 'Jeg så det selv',
          child_told: `${w.Child} fortalte det`,
          parent_told: 'Foreldre fortalte det',
          other: 'Annet',
          anonymous: 'Anonymt',
        };
  return labels[source] ?? source;
}

export const DEADLINE_LABEL: Record<string, string> = inLanguage({
  nb: {
    acknowledge: 'Bekrefte mottatt melding',
    investigation: 'Undersøke saken',
    plan: 'Lage aktivitetsplan',
    approval: 'Godkjenne planen',
    plan_evaluation: 'Evaluere planen',
    measure_evaluation: 'Evaluere tiltak',
    bti_decision: 'Bestemme BTI-nivå',
    consent_expiry: 'Samtykke utløper',
    ppt_advice: 'Råd fra PPT',
    sf_compliance: 'Gjennomføre Statsforvalterens vedtak',
  },
  nn: {
    acknowledge: 'Stadfeste motteken melding',
    investigation: 'Undersøkje saka',
    plan: 'Lage aktivitetsplan',
    approval: 'Godkjenne planen',
    plan_evaluation: 'Evaluere planen',
    measure_evaluation: 'Evaluere tiltak',
    bti_decision: 'Bestemme BTI-nivå',
    consent_expiry: 'Samtykke går ut',
    ppt_advice: 'Råd frå PPT',
    sf_compliance: 'Gjennomføre vedtaket frå Statsforvaltaren',
  },
});

export const DEADLINE_STATUS: Record<string, string> = inLanguage({
  nb: {
    pending: 'Venter',
    met: 'Gjort',
    overdue: 'Fristen er passert',
    cancelled: 'Bortfalt',
  },
  nn: { pending: 'Ventar', met: 'Gjort', overdue: 'Fristen er passert', cancelled: 'Fall bort' },
});

export const NOTIFICATION_LABEL: Record<string, string> = inLanguage({
  nb: {
    owner_informed: 'Kommunen er varslet om en sak',
    case_acknowledged: 'Saken du meldte, er tatt imot',
    deadline_reminder: 'En frist nærmer seg',
    deadline_overdue: 'En frist er passert',
    deadline_escalated: 'En frist er passert og sendt videre til deg',
    evaluation_started: 'Det er tid for å evaluere planen',
    omni_assessment_due: 'Vurder Omni-trappa for gruppen',
  },
  nn: {
    owner_informed: 'Kommunen er varsla om ei sak',
    case_acknowledged: 'Saka du melde, er teken imot',
    deadline_reminder: 'Ein frist nærmar seg',
    deadline_overdue: 'Ein frist er passert',
    deadline_escalated: 'Ein frist er passert og send vidare til deg',
    evaluation_started: 'Det er tid for å evaluere planen',
    omni_assessment_due: 'Vurder Omni-trappa for gruppa',
  },
});

/** A role in words; a principal is rektor in a school and styrer in a kindergarten. */
export function roleLabel(role: string, unitKind?: string): string {
  if (role === 'principal' && unitKind) return unitKind === 'kindergarten' ? REGIME.kindergarten.leader : 'rektor';
  return ROLE_LABEL[role] ?? role;
}

export const ROLE_LABEL: Record<string, string> = inLanguage({
  nb: {
    staff: 'ansatt',
    principal: 'rektor/styrer',
    owner: 'kommunen (eier)',
    ppt: 'PPT',
    auditor: 'revisor/tilsyn',
    admin: 'drift',
    system: 'Trygg',
  },
  nn: {
    staff: 'tilsett',
    principal: 'rektor/styrar',
    owner: 'kommunen (eigar)',
    ppt: 'PPT',
    auditor: 'revisor/tilsyn',
    admin: 'drift',
    system: 'Trygg',
  },
});

export const FFSS_LABEL: Record<string, string> = inLanguage({
  nb: { fremme: 'Fremme', forebygge: 'Forebygge', stoppe: 'Stoppe', stotte: 'Støtte' },
  nn: { fremme: 'Fremje', forebygge: 'Førebyggje', stoppe: 'Stoppe', stotte: 'Støtte' },
});

export const MEASURE_STATUS_LABEL: Record<string, string> = inLanguage({
  nb: { done: 'Gjort', not_done: 'Ikke gjort', ongoing: 'Pågår' },
  nn: { done: 'Gjort', not_done: 'Ikkje gjort', ongoing: 'Pågår' },
});

/** The Omni-trappa's steps by name (the model's own words; nynorsk as the municipalities write it). */
export const STEP_LABEL: Record<string, string> = inLanguage({
  nb: STAIRCASE_LABELS,
  nn: {
    1: 'Trygt, godt og inkluderande miljø',
    2: 'Normflyttande tendens',
    3: 'Normalisering av normbrytande åtferd',
    4: 'Mobbeåtferd og kollektiv legitimering',
    5: 'Foreldre tek over identifiseringa',
  },
});

const OUTCOMES = new Set(['safe', 'not_safe', 'resolved', 'continue', 'revise']);

/** What an investigation or an evaluation concluded, in words; an unknown code as it came. */
export const outcomeLabel = (code: string) => (OUTCOMES.has(code) ? tr(`history.outcome.${code}` as MessageKey) : code);
