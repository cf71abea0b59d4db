import {
  Alert,
  Button,
  Card,
  Field,
  Fieldset,
  Heading,
  Label,
  Paragraph,
  Select,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import type { FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type ApiProblem, type CaseView, type StaffMember } from '../api/client';
import { FFSS_LABEL, type RegimeWords } from '../app/words';
import { norwegianMessage, ProblemSummary } from '../components/problem-summary';
import { useDraft } from '../session/draft';
import { useMe } from '../session/session';
import { inLanguage, type Language } from '../i18n/current';
import { useLanguage } from '../i18n/language';
import type { MessageKey } from '../i18n/nb';
import { translate } from '../i18n/translate';

interface MeasureRow {
  id: string;
  description: string;
  ffss: string;
  when: string;
  responsibleUserId: string;
  evaluateAt: string;
}

interface PlanDraft {
  problem: string;
  measures: MeasureRow[];
  evaluateAt: string;
  childParticipation: string;
  parentsInvolved: string;
}

/** The five things the law asks a plan to say (opplæringslova § 12-4 fourth paragraph, barnehageloven § 42). */
const elements = (lang: Language) => ({
  problem: translate(lang, 'plan.el.problem'),
  measures: translate(lang, 'plan.el.measures'),
  when: translate(lang, 'plan.el.when'),
  who: translate(lang, 'plan.el.who'),
  evaluate: translate(lang, 'plan.el.evaluate'),
});
export const PLAN_ELEMENTS = inLanguage({ nb: elements('nb'), nn: elements('nn') });

const emptyMeasure = (n: number): MeasureRow => ({
  id: `m${n}`,
  description: '',
  ffss: '',
  when: '',
  responsibleUserId: '',
  evaluateAt: '',
});

/** The aktivitetsplan: one row per measure, the draft kept in the tab until it is sent. */
export function PlanEditor(props: {
  c: CaseView;
  staff: StaffMember[];
  words: RegimeWords;
  problem: ApiProblem | null;
  sending: boolean;
  onSubmit: (payload: Record<string, unknown>, done: () => void) => void;
  onCancel: () => void;
}) {
  const { c, staff, problem } = props;
  const { t } = useLanguage();
  const last = c.plan ?? c.planVersions.at(-1);
  const [plan, setPlan, clear] = useDraft<PlanDraft>(`${c.id}:plan`, {
    problem: last?.problem ?? '',
    measures: last?.measures.map((m) => ({ ...m })) ?? [emptyMeasure(1)],
    evaluateAt: last?.evaluateAt ?? '',
    childParticipation: last?.childParticipation ?? '',
    parentsInvolved: last?.parentsInvolved ?? '',
  });
  const err = (field: string) => {
    const m = problem?.fieldError(`plan.${field}`);
    return m ? norwegianMessage(m) : undefined;
  };
  const setMeasure = (i: number, k: keyof MeasureRow, v: string) =>
    setPlan((p) => ({ ...p, measures: p.measures.map((m, j) => (j === i ? { ...m, [k]: v } : m)) }));
  const ids: Record<string, string> = {
    'plan.problem': 'plan-problem',
    'plan.evaluateAt': 'plan-evaluateAt',
    'plan.childParticipation': 'plan-child',
    'plan.parentsInvolved': 'plan-parents',
    'plan.measures': 'plan-m0-description',
  };
  const labels: Record<string, string> = {
    'plan.problem': PLAN_ELEMENTS.problem,
    'plan.evaluateAt': PLAN_ELEMENTS.evaluate,
    'plan.childParticipation': t('plan.childParticipation'),
    'plan.parentsInvolved': t('plan.parentsInvolved'),
    'plan.measures': PLAN_ELEMENTS.measures,
  };
  plan.measures.forEach((_, i) => {
    for (const k of ['description', 'ffss', 'when', 'responsibleUserId', 'evaluateAt']) {
      ids[`plan.measures[${i}].${k}`] = `plan-m${i}-${k}`;
      labels[`plan.measures[${i}].${k}`] = t('editor.measureField', { n: i + 1, field: t(`editor.field.${k}` as MessageKey) });
    }
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    props.onSubmit(
      {
        plan: {
          ...plan,
          measures: plan.measures.map((m) => ({
            ...m,
            ffss: m.ffss || undefined,
            responsibleUserId: m.responsibleUserId || undefined,
            evaluateAt: m.evaluateAt || undefined,
          })),
          evaluateAt: plan.evaluateAt || undefined,
        },
      },
      clear,
    );
  };

  return (
    <form onSubmit={submit} noValidate className="form" aria-label={t('editor.label')}>
      <Paragraph>{t('editor.intro')}</Paragraph>
      <Textfield
        id="plan-problem"
        label={PLAN_ELEMENTS.problem}
        multiline
        rows={3}
        value={plan.problem}
        onChange={(e) => setPlan((p) => ({ ...p, problem: e.target.value }))}
        error={err('problem')}
      />
      <Fieldset>
        <Fieldset.Legend>{`${PLAN_ELEMENTS.measures}, ${t('plan.when').toLowerCase()}, ${t('plan.who').toLowerCase()}`}</Fieldset.Legend>
        {err('measures') && <ValidationMessage>{err('measures')}</ValidationMessage>}
        {plan.measures.map((m, i) => (
          <Card key={m.id} className="measure">
            <Card.Block>
              <Heading level={4} data-size="2xs">
                {t('editor.measure', { n: i + 1 })}
              </Heading>
              <Textfield
                id={`plan-m${i}-description`}
                label={t('editor.description')}
                multiline
                rows={2}
                value={m.description}
                onChange={(e) => setMeasure(i, 'description', e.target.value)}
                error={err(`measures[${i}].description`)}
              />
              <Field>
                <Label htmlFor={`plan-m${i}-ffss`}>{t('editor.ffss')}</Label>
                <Select
                  id={`plan-m${i}-ffss`}
                  value={m.ffss}
                  onChange={(e) => setMeasure(i, 'ffss', e.target.value)}
                  aria-invalid={err(`measures[${i}].ffss`) ? true : undefined}
                >
                  <Select.Option value="">{t('cmd.choose')}</Select.Option>
                  {Object.entries(FFSS_LABEL).map(([k, v]) => (
                    <Select.Option key={k} value={k}>
                      {v}
                    </Select.Option>
                  ))}
                </Select>
                {err(`measures[${i}].ffss`) && <ValidationMessage>{err(`measures[${i}].ffss`)}</ValidationMessage>}
              </Field>
              <Textfield
                id={`plan-m${i}-when`}
                label={t('plan.when')}
                description={t('editor.whenHint')}
                value={m.when}
                onChange={(e) => setMeasure(i, 'when', e.target.value)}
                error={err(`measures[${i}].when`)}
              />
              <Field>
                <Label htmlFor={`plan-m${i}-responsibleUserId`}>{t('plan.who')}</Label>
                <Select
                  id={`plan-m${i}-responsibleUserId`}
                  value={m.responsibleUserId}
                  onChange={(e) => setMeasure(i, 'responsibleUserId', e.target.value)}
                  aria-invalid={err(`measures[${i}].responsibleUserId`) ? true : undefined}
                >
                  <Select.Option value="">{t('cmd.choose')}</Select.Option>
                  {staff.map((s) => (
                    <Select.Option key={s.id} value={s.id}>
                      {s.displayName}
                    </Select.Option>
                  ))}
                </Select>
                {err(`measures[${i}].responsibleUserId`) && (
                  <ValidationMessage>{err(`measures[${i}].responsibleUserId`)}</ValidationMessage>
                )}
              </Field>
              <Textfield
                id={`plan-m${i}-evaluateAt`}
                label={t('editor.evaluateAt')}
                type="date"
                value={m.evaluateAt}
                onChange={(e) => setMeasure(i, 'evaluateAt', e.target.value)}
                error={err(`measures[${i}].evaluateAt`)}
              />
              {plan.measures.length > 1 && (
                <Button
                  type="button"
                  variant="tertiary"
                  data-size="sm"
                  onClick={() => setPlan((p) => ({ ...p, measures: p.measures.filter((_, j) => j !== i) }))}
                >
                  {t('editor.remove', { n: i + 1 })}
                </Button>
              )}
            </Card.Block>
          </Card>
        ))}
        <Button
          type="button"
          variant="secondary"
          onClick={() =>
            setPlan((p) => ({
              ...p,
              measures: [...p.measures, emptyMeasure(Math.max(0, ...p.measures.map((m) => Number(m.id.replace(/\D/g, '')) || 0)) + 1)],
            }))
          }
        >
          {t('editor.add')}
        </Button>
      </Fieldset>
      <Textfield
        id="plan-evaluateAt"
        label={t('editor.planEvaluateAt', { label: PLAN_ELEMENTS.evaluate })}
        type="date"
        value={plan.evaluateAt}
        onChange={(e) => setPlan((p) => ({ ...p, evaluateAt: e.target.value }))}
        error={err('evaluateAt')}
      />
      <Textfield
        id="plan-child"
        label={t('plan.childParticipation')}
        description={t('editor.childHint', { child: props.words.child })}
        multiline
        rows={2}
        value={plan.childParticipation}
        onChange={(e) => setPlan((p) => ({ ...p, childParticipation: e.target.value }))}
        error={err('childParticipation')}
      />
      <Textfield
        id="plan-parents"
        label={t('plan.parentsInvolved')}
        multiline
        rows={2}
        value={plan.parentsInvolved}
        onChange={(e) => setPlan((p) => ({ ...p, parentsInvolved: e.target.value }))}
        error={err('parentsInvolved')}
      />
      <FfssWarning c={c} measures={plan.measures} />
      <ProblemSummary problem={problem} fieldIds={ids} labels={labels} />
      <div className="row">
        <Button type="submit" loading={props.sending}>
          {t('editor.submit')}
        </Button>
        <Button type="button" variant="tertiary" onClick={props.onCancel}>
          {t('editor.cancel')}
        </Button>
      </div>
    </form>
  );
}

/**
 * The owner's Omni guidance, before the plan is sent: a group at the owner's threshold step or
 * higher, and no measure that stops or supports. Advice, never a rule: the plan can be sent as it is.
 */
function FfssWarning({ c, measures }: { c: CaseView; measures: Array<{ ffss: string }> }) {
  const me = useMe();
  const { t } = useLanguage();
  const ownerId = me.ownerId;
  const guidance = useQuery({
    queryKey: ['guidance', ownerId],
    queryFn: () => unwrap(api.GET('/api/owners/{ownerId}/guidance', { params: { path: { ownerId } } })),
  });
  const threshold = guidance.data?.ffssWarningFromStep;
  const step = c.staircaseStep;
  if (!threshold || !step || step < threshold || measures.some((m) => m.ffss === 'stoppe' || m.ffss === 'stotte')) return null;
  return (
    <Alert data-color="warning" data-ffss-warning="ja">
      {t('editor.ffssWarning', { step, threshold })}
    </Alert>
  );
}
