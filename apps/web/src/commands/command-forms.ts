import type { CaseView, EventView } from '../api/client';
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
};

/** The field of a correction: the written text of the chosen entry. */
export function writtenFieldOf(e: EventView | undefined): string {
  return WRITTEN.find((k) => typeof e?.payload[k] === 'string') ?? 'text';
}
