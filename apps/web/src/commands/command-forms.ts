import type { CaseView, EventView } from '../api/client';
import { btiOf } from '../bti/bti-view';
import { STAIRCASE_LABELS } from '../../../../libs/workflow/src/omni';
import { FFSS_LABEL, MEASURE_STATUS_LABEL, type RegimeWords } from '../app/words';

/**
 * Each command the case page can send, as a form: its title, button and fields. Which commands a
 * person is offered is never decided here: the page shows those the case's `allowedCommands` names.
 */
export type FieldKind = 'textarea' | 'text' | 'radio' | 'select' | 'datetime' | 'date' | 'checkbox';

export interface FieldSpec {
  name: string;
  label: string;
  kind: FieldKind;
  description?: string;
  optional?: boolean;
  options?: (c: CaseView, ctx: FormContext) => Array<[string, string]>;
  /** Shown only when this returns true for the values so far. */
  when?: (values: Record<string, unknown>) => boolean;
  initial?: (c: CaseView, ctx: FormContext) => unknown;
}

export interface FormContext {
  words: RegimeWords;
  /** The unit's people, for choosing a stafettholder. */
  staff: Array<[string, string]>;
  /** The unit's groups, for an Omni-trappa assessment. */
  groups: Array<[string, string]>;
  childName: (id: string) => string;
  history: EventView[];
  now: () => string;
}

export interface CommandForm {
  title: string;
  submit: string;
  /** A plain-words explanation shown above the fields. */
  intro?: (c: CaseView, w: RegimeWords) => string | null;
  fields: FieldSpec[];
  /** Turns the form's values into the command's payload, when it is not the values as they are. */
  payload?: (values: Record<string, unknown>) => Record<string, unknown>;
  /** Primary actions are the next legal step; the rest are shown as secondary buttons. */
  primary?: boolean;
}

const text = (name: string, label: string, description?: string): FieldSpec => ({ name, label, kind: 'textarea', description });
const childOptions = (c: CaseView, ctx: FormContext): Array<[string, string]> => c.childIds.map((id) => [id, ctx.childName(id)]);
const WRITTEN = ['text', 'summary', 'concern', 'reason', 'bestInterest', 'childVoice', 'note'];

export const COMMAND_FORMS: Record<string, CommandForm> = {
  ACKNOWLEDGE: {
    title: 'Bekreft mottatt',
    submit: 'Bekreft at meldingen er mottatt',
    primary: true,
    intro: (_c, w) =>
      `Du bekrefter at meldingen er mottatt. Da starter undersøkelsen, og den som meldte, får beskjed. Undersøk saken snarest (${w.law}).`,
    fields: [],
  },
  ADD_NOTE: {
    title: 'Skriv notat',
    submit: 'Lagre notatet',
    fields: [
      {
        name: 'kind',
        label: 'Hva slags notat?',
        kind: 'radio',
        options: () => [
          ['observation', 'Observasjon'],
          ['intervention', 'Inngripen'],
          ['conversation', 'Samtale'],
          ['other', 'Annet'],
        ],
        initial: () => 'observation',
      },
      text('text', 'Hva skjedde?'),
      { name: 'occurredAt', label: 'Når skjedde det?', kind: 'datetime', optional: true, initial: (_c, ctx) => ctx.now() },
    ],
  },
  RECORD_CHILD_VOICE: {
    title: 'Barnets stemme',
    submit: 'Lagre barnets stemme',
    intro: (_c, w) => `Hva mener ${w.child} selv? Barnets egen opplevelse skal være med i vurderingen.`,
    fields: [
      { name: 'childId', label: 'Hvem ble hørt?', kind: 'select', options: childOptions, initial: (c) => c.childIds[0] },
      { name: 'heardAt', label: 'Når?', kind: 'datetime', initial: (_c, ctx) => ctx.now() },
      { name: 'heardBy', label: 'Hvem snakket med barnet?', kind: 'text' },
      text('summary', 'Hva sa barnet?', 'Skriv gjerne med barnets egne ord.'),
      {
        name: 'saysUnsafe',
        label: 'Barnet sier at det ikke har det trygt og godt',
        kind: 'checkbox',
        optional: true,
        initial: () => false,
      },
    ],
  },
  MARK_SERIOUS: {
    title: 'Alvorlig sak',
    submit: 'Merk som alvorlig og varsle kommunen',
    intro: () => 'Ved alvorlige tilfeller skal kommunen (eieren) varsles.',
    fields: [text('reason', 'Hvorfor er saken alvorlig?')],
  },
  CONCLUDE_INVESTIGATION: {
    title: 'Avslutt undersøkelsen',
    submit: 'Lagre konklusjonen',
    primary: true,
    intro: (c, w) =>
      c.childSaysUnsafe
        ? `${w.Child} har selv sagt at hen ikke har det trygt og godt. Da kan ikke undersøkelsen ende med «trygt»: det skal lages en plan.`
        : c.childVoiceOnRecord.length === 0
          ? `${w.Child}s egen stemme er ikke registrert ennå. Den må være med før du kan konkludere med «trygt».`
          : null,
    fields: [
      {
        name: 'outcome',
        label: 'Hva viste undersøkelsen?',
        kind: 'radio',
        options: (_c, ctx) => [
          ['not_safe', `${ctx.words.Child} har ikke et trygt og godt miljø: det trengs tiltak`],
          ['safe', `${ctx.words.Child} har et trygt og godt miljø`],
        ],
      },
      text('summary', 'Hva fant dere ut?'),
      text('bestInterest', 'Barnets beste', 'Hva er til det beste for barnet, og hvordan har dere vurdert det?'),
    ],
  },
  SUBMIT_PLAN: { title: 'Skriv aktivitetsplan', submit: 'Send til godkjenning', primary: true, fields: [] },
  APPROVE_PLAN: {
    title: 'Godkjenn planen',
    submit: 'Ja, godkjenn planen',
    primary: true,
    intro: () => 'Når planen er godkjent, settes tiltakene i gang og evalueringene får sine frister.',
    fields: [],
  },
  RETURN_PLAN: { title: 'Send planen tilbake', submit: 'Send planen tilbake nå', fields: [text('reason', 'Hva må endres?')] },
  RECORD_MEASURE: {
    title: 'Registrer tiltak',
    submit: 'Lagre',
    fields: [
      {
        name: 'measureId',
        label: 'Tiltak',
        kind: 'select',
        options: (c) => (c.plan?.measures ?? []).map((m) => [m.id, `${m.description} (${FFSS_LABEL[m.ffss] ?? m.ffss})`]),
        initial: (c) => c.plan?.measures[0]?.id,
      },
      { name: 'status', label: 'Status', kind: 'radio', options: () => Object.entries(MEASURE_STATUS_LABEL), initial: () => 'done' },
      text('note', 'Hva ble gjort?'),
    ],
  },
  START_EVALUATION: {
    title: 'Start evaluering',
    submit: 'Start evalueringen nå',
    intro: () => 'Evalueringen starter av seg selv på datoen i planen. Start den nå hvis dere vil evaluere tidligere.',
    fields: [],
  },
  EVALUATE: {
    title: 'Evaluer tiltakene',
    submit: 'Lagre evalueringen',
    primary: true,
    fields: [
      {
        name: 'outcome',
        label: 'Resultat',
        kind: 'radio',
        options: (_c, ctx) => [
          ['resolved', `Løst: ${ctx.words.child} har det trygt og godt`],
          ['continue', 'Fortsett tiltakene, med ny evalueringsdato'],
          ['revise', 'Endre planen (ny versjon)'],
        ],
      },
      text('summary', 'Hvordan virket tiltakene?'),
      text('childVoice', 'Hva sier barnet nå?'),
      { name: 'nextEvaluationAt', label: 'Ny evalueringsdato', kind: 'date', when: (v) => v.outcome === 'continue' },
    ],
  },
  CLOSE: { title: 'Avslutt saken', submit: 'Avslutt saken nå', primary: true, fields: [text('summary', 'Hvorfor kan saken avsluttes?')] },
  REOPEN: { title: 'Gjenåpne saken', submit: 'Gjenåpne saken nå', fields: [text('reason', 'Hvorfor gjenåpnes saken?')] },
  CORRECT_ENTRY: {
    title: 'Rett en oppføring',
    submit: 'Lagre rettingen',
    intro: () => 'Rettingen blir en ny oppføring ved siden av den gamle. Den gamle blir stående som den var.',
    fields: [
      {
        name: 'seq',
        label: 'Hvilken oppføring?',
        kind: 'select',
        options: (_c, ctx) =>
          ctx.history
            .filter((e) => WRITTEN.some((k) => typeof e.payload[k] === 'string'))
            .map((e) => [String(e.seq), `#${e.seq} ${e.label}`]),
      },
      text('correctedText', 'Riktig tekst'),
      text('reason', 'Hvorfor rettes den?'),
    ],
    payload: (v) => ({ seq: Number(v.seq), reason: v.reason, corrected: { [String(v.field ?? 'text')]: v.correctedText } }),
  },

  // BTI (bedre tverrfaglig innsats): levels, stafettholder, consent, evaluation meetings, PPT.
  BTI_DECIDE: {
    title: 'Bestem BTI-nivå',
    submit: 'Lagre beslutningen',
    primary: true,
    intro: () => 'Nivå 0 er undring og bekymring. Bestem om saken avsluttes i BTI, eller hvilket nivå den skal følges på.',
    fields: [
      { name: 'decision', label: 'Beslutning', kind: 'radio', options: () => BTI_DECISION_OPTIONS, initial: () => 'level1' },
      text('reason', 'Hvorfor?'),
      {
        name: 'services',
        label: 'Tjenester som skal være med (kommaseparert)',
        kind: 'text',
        optional: true,
        description: 'For eksempel ppt, helsestasjon. Hver tjeneste trenger gyldig samtykke på nivå 2 og 3.',
        when: (v) => v.decision === 'level2' || v.decision === 'level3',
      },
    ],
    payload: (v) => ({ ...v, ...servicesOf(v) }),
  },
  BTI_ESCALATE: {
    title: 'Hev BTI-nivået',
    submit: 'Hev nivået',
    fields: [
      {
        name: 'toLevel',
        label: 'Nytt nivå',
        kind: 'radio',
        options: () => [
          ['2', 'Nivå 2'],
          ['3', 'Nivå 3'],
        ],
        initial: () => '2',
      },
      text('reason', 'Hvorfor?'),
      { name: 'services', label: 'Tjenester som skal være med (kommaseparert)', kind: 'text', optional: true },
    ],
    payload: (v) => ({ ...v, toLevel: Number(v.toLevel), ...servicesOf(v) }),
  },
  BTI_DEESCALATE: {
    title: 'Senk BTI-nivået',
    submit: 'Senk nivået',
    fields: [
      {
        name: 'toLevel',
        label: 'Nytt nivå',
        kind: 'radio',
        options: () => [
          ['1', 'Nivå 1'],
          ['2', 'Nivå 2'],
        ],
        initial: () => '1',
      },
      text('reason', 'Hvorfor?'),
    ],
    payload: (v) => ({ ...v, toLevel: Number(v.toLevel) }),
  },
  ASSIGN_COORDINATOR: {
    title: 'Utpek stafettholder',
    submit: 'Utpek stafettholderen',
    intro: () => 'Den som har stafetten nå, har ansvaret til den nye har godtatt.',
    fields: [{ name: 'userId', label: 'Hvem skal være stafettholder?', kind: 'select', options: (_c, ctx) => ctx.staff }],
  },
  ACCEPT_COORDINATION: {
    title: 'Godta stafetten',
    submit: 'Jeg tar over som stafettholder',
    primary: true,
    intro: () => 'Du er utpekt som stafettholder. Når du godtar, har du ansvaret for koordineringen.',
    fields: [],
  },
  RECORD_CONSENT: {
    title: 'Registrer samtykke',
    submit: 'Lagre samtykket',
    fields: [
      { name: 'service', label: 'Tjeneste', kind: 'select', options: () => SERVICE_OPTIONS, initial: () => 'ppt' },
      { name: 'givenBy', label: 'Hvem ga samtykket?', kind: 'text', description: 'For eksempel foreldrene med foreldreansvar' },
      {
        name: 'form',
        label: 'Form',
        kind: 'radio',
        options: () => [
          ['written', 'Skriftlig'],
          ['oral', 'Muntlig'],
        ],
        initial: () => 'written',
      },
      text('scope', 'Hva kan deles, og til hva?'),
      { name: 'givenAt', label: 'Når ble det gitt?', kind: 'datetime', initial: (_c, ctx) => ctx.now() },
      { name: 'expiresAt', label: 'Utløper', kind: 'datetime', optional: true, description: 'Stafettholderen blir minnet på det før' },
    ],
    payload: (v) => ({ ...v, ...(v.expiresAt ? {} : { expiresAt: undefined }) }),
  },
  RECORD_CONSENT_REFUSAL: {
    title: 'Registrer at samtykke er nektet',
    submit: 'Lagre',
    fields: [
      { name: 'service', label: 'Tjeneste', kind: 'select', options: () => SERVICE_OPTIONS, initial: () => 'ppt' },
      { name: 'refusedBy', label: 'Hvem nektet?', kind: 'text' },
    ],
  },
  WITHDRAW_CONSENT: {
    title: 'Registrer at samtykke er trukket',
    submit: 'Lagre',
    intro: () => 'Når samtykket for PPT trekkes, mister PPT tilgangen til saken med en gang.',
    fields: [
      {
        name: 'service',
        label: 'Tjeneste',
        kind: 'select',
        options: (c) =>
          (btiOf(c)?.consents ?? []).filter((x) => x.status === 'given').map((x) => [x.service, SERVICE_LABEL[x.service] ?? x.service]),
        initial: (c) => btiOf(c)?.consents.find((x) => x.status === 'given')?.service,
      },
      text('reason', 'Hvorfor, slik det ble sagt'),
    ],
  },
  BTI_EVALUATE: {
    title: 'Evalueringsmøte (BTI)',
    submit: 'Lagre evalueringen',
    fields: [
      { name: 'participants', label: 'Hvem var med? (kommaseparert)', kind: 'text' },
      {
        name: 'decision',
        label: 'Beslutning',
        kind: 'radio',
        options: () => [
          ['continue', 'Fortsett på samme nivå'],
          ['change_level', 'Endre nivå'],
          ['close', 'Avslutt i BTI'],
        ],
        initial: () => 'continue',
      },
      {
        name: 'toLevel',
        label: 'Nytt nivå',
        kind: 'radio',
        options: () => [
          ['1', 'Nivå 1'],
          ['2', 'Nivå 2'],
          ['3', 'Nivå 3'],
        ],
        when: (v) => v.decision === 'change_level',
      },
      text('summary', 'Hva ble bestemt, og hvorfor?'),
    ],
    payload: (v) => ({
      ...v,
      participants: listOf(v.participants),
      ...(v.toLevel ? { toLevel: Number(v.toLevel) } : {}),
    }),
  },
  REQUEST_PPT: {
    title: 'Be PPT om råd',
    submit: 'Send til PPT',
    intro: (c) =>
      btiOf(c)?.consents.some((x) => x.service === 'ppt' && x.valid)
        ? 'Det er gyldig samtykke for PPT: du kan be om råd med navn, eller anonymt.'
        : 'Det er ikke gyldig samtykke for PPT. Uten samtykke kan du bare spørre anonymt: PPT ser da bare det du skriver i sammendraget.',
    fields: [
      text('question', 'Hva spør dere PPT om?'),
      {
        name: 'anonymous',
        label: 'Spør anonymt (PPT ser ingen navn)',
        kind: 'checkbox',
        initial: (c) => !btiOf(c)?.consents.some((x) => x.service === 'ppt' && x.valid),
      },
      {
        name: 'anonymousSummary',
        label: 'Sammendrag uten navn',
        kind: 'textarea',
        description: 'Dette er alt PPT ser av saken. Skriv det uten navn, klasse eller andre kjennetegn.',
        when: (v) => v.anonymous === true,
      },
    ],
  },
  PPT_ADVICE: {
    title: 'Gi råd',
    submit: 'Send rådet',
    primary: true,
    fields: [text('text', 'Rådet fra PPT')],
  },
  ASSESS_STAIRCASE: {
    title: 'Vurder Omni-trappa',
    submit: 'Lagre vurderingen',
    intro: () => 'Hvor står gruppen nå? Vurderingen blir også en del av gruppens historikk utenfor saken.',
    fields: [
      {
        name: 'groupId',
        label: 'Gruppe',
        kind: 'select',
        options: (_c, ctx) => ctx.groups,
        initial: (c, ctx) => c.groupId ?? ctx.groups[0]?.[0],
      },
      {
        name: 'step',
        label: 'Trinn',
        kind: 'radio',
        options: () => Object.entries(STAIRCASE_LABELS).map(([step, label]) => [step, `${step}: ${label}`]),
      },
      text('basis', 'Hva bygger vurderingen på?'),
    ],
    payload: (v) => ({ ...v, step: Number(v.step) }),
  },
  PLACE_LEGAL_HOLD: {
    title: 'Sperr mot sletting',
    submit: 'Sett sperren',
    intro: () => 'En sak med sperre blir ikke anonymisert av bevaringsreglene før sperren oppheves.',
    fields: [text('reason', 'Hvorfor må saken bevares? (klage, søksmål, politiet, Statsforvalteren)')],
  },
  RELEASE_LEGAL_HOLD: {
    title: 'Opphev sperren mot sletting',
    submit: 'Opphev sperren',
    fields: [text('reason', 'Hvorfor kan sperren oppheves?')],
  },
};

const BTI_DECISION_OPTIONS: Array<[string, string]> = [
  ['close', 'Avslutt: ingen grunn til videre bekymring'],
  ['level1', 'Nivå 1: følges opp i tjenesten'],
  ['level2', 'Nivå 2: flere tjenester, med stafettholder'],
  ['level3', 'Nivå 3: omfattende samarbeid, med stafettholder'],
];

export const SERVICE_LABEL: Record<string, string> = {
  ppt: 'PPT',
  helsestasjon: 'Helsestasjon',
  skolehelsetjeneste: 'Skolehelsetjeneste',
  barnevern: 'Barnevern',
  bup: 'BUP',
  other: 'Annen tjeneste',
};
const SERVICE_OPTIONS = Object.entries(SERVICE_LABEL);

const listOf = (v: unknown): string[] =>
  typeof v === 'string'
    ? v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : [];
/** The services field as the API takes it: a list, or nothing when none was named. */
const servicesOf = (v: Record<string, unknown>) => {
  const services = listOf(v.services);
  return { services: services.length ? services : undefined };
};

/** The field of a correction: the written text of the chosen entry. */
export function writtenFieldOf(e: EventView | undefined): string {
  return WRITTEN.find((k) => typeof e?.payload[k] === 'string') ?? 'text';
}
