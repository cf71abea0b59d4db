import type { CaseView, EventView } from '../api/client';
import { BTI_DECISIONS } from '../../../../libs/workflow/src/bti.types';
import { NOTE_KINDS } from '../../../../libs/workflow/src/duty-to-act.types';
import { FFSS_LABEL, MEASURE_STATUS_LABEL, STEP_LABEL, type RegimeWords } from '../app/words';
import { inLanguage, type Language } from '../i18n/current';
import { nb, type MessageKey } from '../i18n/nb';
import { tr, translate } from '../i18n/translate';

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

type Say = (key: MessageKey, vars?: Record<string, string | number>) => string;

const childOptions = (c: CaseView, ctx: FormContext): Array<[string, string]> => c.childIds.map((id) => [id, ctx.childName(id)]);
const WRITTEN = ['text', 'summary', 'concern', 'reason', 'bestInterest', 'childVoice', 'note'];
const SERVICES = ['ppt', 'helsestasjon', 'skolehelsetjeneste', 'barnevern', 'bup', 'other'] as const;

/** The forms in one language: the structure is written once, the words come from the catalogue. */
function formsIn(lang: Language): Record<string, CommandForm> {
  const s: Say = (key, vars) => translate(lang, key, vars);
  const text = (name: string, label: MessageKey, description?: MessageKey): FieldSpec => ({
    name,
    label: s(label),
    kind: 'textarea',
    description: description && s(description),
  });
  const levels = (...n: number[]): Array<[string, string]> => n.map((l) => [String(l), s('cmd.level', { n: l })]);
  const serviceOptions = (): Array<[string, string]> => SERVICES.map((k) => [k, s(`service.${k}`)]);
  // A form without a submit text of its own says "Lagre".
  const titled = (type: string) => ({
    title: s(`cmd.${type}.title` as MessageKey),
    submit: s(`cmd.${type}.submit` in nb ? (`cmd.${type}.submit` as MessageKey) : 'cmd.save'),
  });
  return {
    ACKNOWLEDGE: {
      ...titled('ACKNOWLEDGE'),
      primary: true,
      intro: (_c, w) => s('cmd.ACKNOWLEDGE.intro', { law: w.law }),
      fields: [],
    },
    ADD_NOTE: {
      ...titled('ADD_NOTE'),
      fields: [
        {
          name: 'kind',
          label: s('cmd.ADD_NOTE.kind'),
          kind: 'radio',
          options: () => NOTE_KINDS.map((k) => [k, s(`cmd.ADD_NOTE.kind.${k}`)]),
          initial: () => 'observation',
        },
        text('text', 'cmd.ADD_NOTE.text'),
        { name: 'occurredAt', label: s('cmd.ADD_NOTE.occurredAt'), kind: 'datetime', optional: true, initial: (_c, ctx) => ctx.now() },
      ],
    },
    RECORD_CHILD_VOICE: {
      ...titled('RECORD_CHILD_VOICE'),
      intro: (_c, w) => s('cmd.RECORD_CHILD_VOICE.intro', { child: w.child }),
      fields: [
        {
          name: 'childId',
          label: s('cmd.RECORD_CHILD_VOICE.childId'),
          kind: 'select',
          options: childOptions,
          initial: (c) => c.childIds[0],
        },
        { name: 'heardAt', label: s('cmd.RECORD_CHILD_VOICE.heardAt'), kind: 'datetime', initial: (_c, ctx) => ctx.now() },
        { name: 'heardBy', label: s('cmd.RECORD_CHILD_VOICE.heardBy'), kind: 'text' },
        text('summary', 'cmd.RECORD_CHILD_VOICE.summary', 'cmd.RECORD_CHILD_VOICE.summaryHint'),
        {
          name: 'saysUnsafe',
          label: s('cmd.RECORD_CHILD_VOICE.saysUnsafe'),
          kind: 'checkbox',
          optional: true,
          initial: () => false,
        },
      ],
    },
    MARK_SERIOUS: {
      ...titled('MARK_SERIOUS'),
      intro: () => s('cmd.MARK_SERIOUS.intro'),
      fields: [text('reason', 'cmd.MARK_SERIOUS.reason')],
    },
    CONCLUDE_INVESTIGATION: {
      ...titled('CONCLUDE_INVESTIGATION'),
      primary: true,
      intro: (c, w) =>
        c.childSaysUnsafe
          ? s('cmd.CONCLUDE_INVESTIGATION.childSaysUnsafe', { Child: w.Child })
          : c.childVoiceOnRecord.length === 0
            ? s('cmd.CONCLUDE_INVESTIGATION.noVoice', { Child: w.Child, child: w.child })
            : null,
      fields: [
        {
          name: 'outcome',
          label: s('cmd.CONCLUDE_INVESTIGATION.outcome'),
          kind: 'radio',
          options: (_c, ctx) => [
            ['not_safe', s('cmd.CONCLUDE_INVESTIGATION.not_safe', { Child: ctx.words.Child })],
            ['safe', s('cmd.CONCLUDE_INVESTIGATION.safe', { Child: ctx.words.Child })],
          ],
        },
        text('summary', 'cmd.CONCLUDE_INVESTIGATION.summary'),
        text('bestInterest', 'cmd.CONCLUDE_INVESTIGATION.bestInterest', 'cmd.CONCLUDE_INVESTIGATION.bestInterestHint'),
      ],
    },
    SUBMIT_PLAN: { ...titled('SUBMIT_PLAN'), primary: true, fields: [] },
    APPROVE_PLAN: {
      ...titled('APPROVE_PLAN'),
      primary: true,
      intro: () => s('cmd.APPROVE_PLAN.intro'),
      fields: [],
    },
    RETURN_PLAN: { ...titled('RETURN_PLAN'), fields: [text('reason', 'cmd.RETURN_PLAN.reason')] },
    RECORD_MEASURE: {
      ...titled('RECORD_MEASURE'),
      fields: [
        {
          name: 'measureId',
          label: s('cmd.RECORD_MEASURE.measureId'),
          kind: 'select',
          options: (c) => (c.plan?.measures ?? []).map((m) => [m.id, `${m.description} (${FFSS_LABEL[m.ffss] ?? m.ffss})`]),
          initial: (c) => c.plan?.measures[0]?.id,
        },
        {
          name: 'status',
          label: s('cmd.RECORD_MEASURE.status'),
          kind: 'radio',
          options: () => Object.entries(MEASURE_STATUS_LABEL),
          initial: () => 'done',
        },
        text('note', 'cmd.RECORD_MEASURE.note'),
      ],
    },
    START_EVALUATION: {
      ...titled('START_EVALUATION'),
      intro: () => s('cmd.START_EVALUATION.intro'),
      fields: [],
    },
    EVALUATE: {
      ...titled('EVALUATE'),
      primary: true,
      fields: [
        {
          name: 'outcome',
          label: s('cmd.EVALUATE.outcome'),
          kind: 'radio',
          options: (_c, ctx) => [
            ['resolved', s('cmd.EVALUATE.resolved', { child: ctx.words.child })],
            ['continue', s('cmd.EVALUATE.continue')],
            ['revise', s('cmd.EVALUATE.revise')],
          ],
        },
        text('summary', 'cmd.EVALUATE.summary'),
        text('childVoice', 'cmd.EVALUATE.childVoice'),
        { name: 'nextEvaluationAt', label: s('cmd.EVALUATE.nextEvaluationAt'), kind: 'date', when: (v) => v.outcome === 'continue' },
      ],
    },
    CLOSE: { ...titled('CLOSE'), primary: true, fields: [text('summary', 'cmd.CLOSE.summary')] },
    REOPEN: { ...titled('REOPEN'), fields: [text('reason', 'cmd.REOPEN.reason')] },
    CORRECT_ENTRY: {
      ...titled('CORRECT_ENTRY'),
      intro: () => s('cmd.CORRECT_ENTRY.intro'),
      fields: [
        {
          name: 'seq',
          label: s('cmd.CORRECT_ENTRY.seq'),
          kind: 'select',
          options: (_c, ctx) =>
            ctx.history
              .filter((e) => WRITTEN.some((k) => typeof e.payload[k] === 'string'))
              .map((e) => [String(e.seq), `#${e.seq} ${e.label}`]),
        },
        text('correctedText', 'cmd.CORRECT_ENTRY.correctedText'),
        text('reason', 'cmd.CORRECT_ENTRY.reason'),
      ],
      payload: (v) => ({ seq: Number(v.seq), reason: v.reason, corrected: { [String(v.field ?? 'text')]: v.correctedText } }),
    },

    // BTI (bedre tverrfaglig innsats): levels, stafettholder, consent, evaluation meetings, PPT.
    BTI_DECIDE: {
      ...titled('BTI_DECIDE'),
      primary: true,
      intro: () => s('cmd.BTI_DECIDE.intro'),
      fields: [
        {
          name: 'decision',
          label: s('cmd.decision'),
          kind: 'radio',
          options: () => BTI_DECISIONS.map((d) => [d, s(`cmd.BTI_DECIDE.${d}`)]),
          initial: () => 'level1',
        },
        text('reason', 'cmd.why'),
        {
          name: 'services',
          label: s('cmd.services'),
          kind: 'text',
          optional: true,
          description: s('cmd.servicesHint'),
          when: (v) => v.decision === 'level2' || v.decision === 'level3',
        },
      ],
      payload: (v) => ({ ...v, ...servicesOf(v) }),
    },
    BTI_ESCALATE: {
      ...titled('BTI_ESCALATE'),
      fields: [
        { name: 'toLevel', label: s('cmd.newLevel'), kind: 'radio', options: () => levels(2, 3), initial: () => '2' },
        text('reason', 'cmd.why'),
        { name: 'services', label: s('cmd.services'), kind: 'text', optional: true },
      ],
      payload: (v) => ({ ...v, toLevel: Number(v.toLevel), ...servicesOf(v) }),
    },
    BTI_DEESCALATE: {
      ...titled('BTI_DEESCALATE'),
      fields: [
        { name: 'toLevel', label: s('cmd.newLevel'), kind: 'radio', options: () => levels(1, 2), initial: () => '1' },
        text('reason', 'cmd.why'),
      ],
      payload: (v) => ({ ...v, toLevel: Number(v.toLevel) }),
    },
    ASSIGN_COORDINATOR: {
      ...titled('ASSIGN_COORDINATOR'),
      intro: () => s('cmd.ASSIGN_COORDINATOR.intro'),
      fields: [{ name: 'userId', label: s('cmd.ASSIGN_COORDINATOR.userId'), kind: 'select', options: (_c, ctx) => ctx.staff }],
    },
    ACCEPT_COORDINATION: {
      ...titled('ACCEPT_COORDINATION'),
      primary: true,
      intro: () => s('cmd.ACCEPT_COORDINATION.intro'),
      fields: [],
    },
    RECORD_CONSENT: {
      ...titled('RECORD_CONSENT'),
      fields: [
        { name: 'service', label: s('cmd.service'), kind: 'select', options: serviceOptions, initial: () => 'ppt' },
        { name: 'givenBy', label: s('cmd.RECORD_CONSENT.givenBy'), kind: 'text', description: s('cmd.RECORD_CONSENT.givenByHint') },
        {
          name: 'form',
          label: s('cmd.RECORD_CONSENT.form'),
          kind: 'radio',
          options: () => [
            ['written', s('cmd.RECORD_CONSENT.written')],
            ['oral', s('cmd.RECORD_CONSENT.oral')],
          ],
          initial: () => 'written',
        },
        text('scope', 'cmd.RECORD_CONSENT.scope'),
        { name: 'givenAt', label: s('cmd.RECORD_CONSENT.givenAt'), kind: 'datetime', initial: (_c, ctx) => ctx.now() },
        {
          name: 'expiresAt',
          label: s('cmd.RECORD_CONSENT.expiresAt'),
          kind: 'datetime',
          optional: true,
          description: s('cmd.RECORD_CONSENT.expiresAtHint'),
        },
      ],
      payload: (v) => ({ ...v, ...(v.expiresAt ? {} : { expiresAt: undefined }) }),
    },
    RECORD_CONSENT_REFUSAL: {
      ...titled('RECORD_CONSENT_REFUSAL'),
      fields: [
        { name: 'service', label: s('cmd.service'), kind: 'select', options: serviceOptions, initial: () => 'ppt' },
        { name: 'refusedBy', label: s('cmd.RECORD_CONSENT_REFUSAL.refusedBy'), kind: 'text' },
      ],
    },
    WITHDRAW_CONSENT: {
      ...titled('WITHDRAW_CONSENT'),
      intro: () => s('cmd.WITHDRAW_CONSENT.intro'),
      fields: [
        {
          name: 'service',
          label: s('cmd.service'),
          kind: 'select',
          options: (c) => c.bti.consents.filter((x) => x.status === 'given').map((x) => [x.service, serviceLabel(x.service)]),
          initial: (c) => c.bti.consents.find((x) => x.status === 'given')?.service,
        },
        text('reason', 'cmd.WITHDRAW_CONSENT.reason'),
      ],
    },
    BTI_EVALUATE: {
      ...titled('BTI_EVALUATE'),
      fields: [
        { name: 'participants', label: s('cmd.BTI_EVALUATE.participants'), kind: 'text' },
        {
          name: 'decision',
          label: s('cmd.decision'),
          kind: 'radio',
          options: () => [
            ['continue', s('cmd.BTI_EVALUATE.continue')],
            ['change_level', s('cmd.BTI_EVALUATE.change_level')],
            ['close', s('cmd.BTI_EVALUATE.close')],
          ],
          initial: () => 'continue',
        },
        {
          name: 'toLevel',
          label: s('cmd.newLevel'),
          kind: 'radio',
          options: () => levels(1, 2, 3),
          when: (v) => v.decision === 'change_level',
        },
        text('summary', 'cmd.BTI_EVALUATE.summary'),
      ],
      payload: (v) => ({
        ...v,
        participants: listOf(v.participants),
        ...(v.toLevel ? { toLevel: Number(v.toLevel) } : {}),
      }),
    },
    REQUEST_PPT: {
      ...titled('REQUEST_PPT'),
      intro: (c) => s(hasPptConsent(c) ? 'cmd.REQUEST_PPT.withConsent' : 'cmd.REQUEST_PPT.withoutConsent'),
      fields: [
        text('question', 'cmd.REQUEST_PPT.question'),
        { name: 'anonymous', label: s('cmd.REQUEST_PPT.anonymous'), kind: 'checkbox', initial: (c) => !hasPptConsent(c) },
        {
          name: 'anonymousSummary',
          label: s('cmd.REQUEST_PPT.anonymousSummary'),
          kind: 'textarea',
          description: s('cmd.REQUEST_PPT.anonymousSummaryHint'),
          when: (v) => v.anonymous === true,
        },
      ],
    },
    PPT_ADVICE: { ...titled('PPT_ADVICE'), primary: true, fields: [text('text', 'cmd.PPT_ADVICE.text')] },
    ASSESS_STAIRCASE: {
      ...titled('ASSESS_STAIRCASE'),
      intro: () => s('cmd.ASSESS_STAIRCASE.intro'),
      fields: [
        {
          name: 'groupId',
          label: s('cmd.ASSESS_STAIRCASE.groupId'),
          kind: 'select',
          options: (_c, ctx) => ctx.groups,
          initial: (c, ctx) => c.groupId ?? ctx.groups[0]?.[0],
        },
        {
          name: 'step',
          label: s('cmd.ASSESS_STAIRCASE.step'),
          kind: 'radio',
          options: () => Object.entries(STEP_LABEL).map(([step, label]) => [step, `${step}: ${label}`]),
        },
        text('basis', 'cmd.ASSESS_STAIRCASE.basis'),
      ],
      payload: (v) => ({ ...v, step: Number(v.step) }),
    },
    PLACE_LEGAL_HOLD: {
      ...titled('PLACE_LEGAL_HOLD'),
      intro: () => s('cmd.PLACE_LEGAL_HOLD.intro'),
      fields: [text('reason', 'cmd.PLACE_LEGAL_HOLD.reason')],
    },
    RELEASE_LEGAL_HOLD: { ...titled('RELEASE_LEGAL_HOLD'), fields: [text('reason', 'cmd.RELEASE_LEGAL_HOLD.reason')] },
  };
}

const hasPptConsent = (c: CaseView) => c.bti.consents.some((x) => x.service === 'ppt' && x.valid);

export const COMMAND_FORMS: Record<string, CommandForm> = inLanguage({ nb: formsIn('nb'), nn: formsIn('nn') });

/** A BTI service in words; one the owner added is shown as it was named. */
export function serviceLabel(service: string): string {
  return (SERVICES as readonly string[]).includes(service) ? tr(`service.${service as (typeof SERVICES)[number]}`) : service;
}

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
