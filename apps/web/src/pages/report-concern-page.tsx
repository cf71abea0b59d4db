import {
  Alert,
  Button,
  Checkbox,
  Field,
  Fieldset,
  Heading,
  Label,
  Link,
  Paragraph,
  Radio,
  Select,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link as RouterLink } from 'react-router';
import { api, ApiProblem, unwrap, type CaseView } from '../api/client';
import { ProblemSummary, norwegianMessage } from '../components/problem-summary';
import { useUnitDirectory } from '../app/directory';
import { useLanguage } from '../i18n/language';
import { formatDeadline, inputToIso, nowForInput } from '../format/time';
import { useDraft } from '../session/draft';
import { useMe } from '../session/session';

interface ConcernForm {
  unitId: string;
  childIds: string[];
  concern: string;
  source: string;
  childSaysUnsafe: boolean;
  staffOffender: boolean;
  offenderIsLeadership: boolean;
  occurredAt: string;
}

/** A blank concern in a unit, happening now: the form at the start, and again for the next concern. */
function emptyConcern(unitId: string): ConcernForm {
  return {
    unitId,
    childIds: [],
    concern: '',
    source: '',
    childSaysUnsafe: false,
    staffOffender: false,
    offenderIsLeadership: false,
    occurredAt: nowForInput(),
  };
}

const IDS: Record<string, string> = {
  unitId: 'meld-enhet',
  childIds: 'meld-barn-sok',
  concern: 'meld-hva',
  source: 'meld-kilde-0',
  occurredAt: 'meld-naar',
  staffOffender: 'meld-ansatt',
  offenderIsLeadership: 'meld-ledelse',
};

/** Meld bekymring: one screen, under a minute, then a receipt saying what happens next and by when. */
export function ReportConcernPage() {
  const me = useMe();
  const qc = useQueryClient();
  const units = me.units.filter((u) => me.roles.some((r) => r.unitId === u.id || r.role === 'owner'));
  const [form, setForm, clearDraft] = useDraft<ConcernForm>('meld', emptyConcern(units[0]?.id ?? ''));
  const [search, setSearch] = useState('');
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [sending, setSending] = useState(false);
  const [receipt, setReceipt] = useState<CaseView | null>(null);
  const unit = units.find((u) => u.id === form.unitId) ?? units[0];
  const { t, regime } = useLanguage();
  const w = regime(unit?.kind);
  const kind = unit?.kind === 'kindergarten' ? 'kindergarten' : 'school';
  const dir = useUnitDirectory(unit ? [unit.id] : []);
  const groupName = new Map(unit?.groups.map((g) => [g.id, g.name]));
  const matches = dir.children.filter((c) => c.name.toLowerCase().includes(search.trim().toLowerCase()));
  const set = <K extends keyof ConcernForm>(k: K, v: ConcernForm[K]) => setForm((f) => ({ ...f, [k]: v }));
  const err = (field: string) => {
    const m = problem?.fieldError(field);
    return m ? norwegianMessage(m) : undefined;
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSending(true);
    setProblem(null);
    try {
      const opened = await unwrap(
        api.POST('/api/cases', {
          body: {
            unitId: form.unitId,
            childIds: form.childIds,
            concern: form.concern,
            source: (form.source || undefined) as never,
            childSaysUnsafe: form.childSaysUnsafe,
            staffOffender: form.staffOffender,
            offenderIsLeadership: form.staffOffender && form.offenderIsLeadership,
            occurredAt: form.occurredAt ? inputToIso(form.occurredAt) : undefined,
          },
        }),
      );
      clearDraft();
      setReceipt(opened);
      void qc.invalidateQueries({ queryKey: ['cases'] });
    } catch (x) {
      setProblem(x instanceof ApiProblem ? x : new ApiProblem({ status: 0, detail: t('report.failed') }));
    } finally {
      setSending(false);
    }
  };

  if (receipt) return <Receipt c={receipt} onAnother={() => (setReceipt(null), setForm((f) => emptyConcern(f.unitId)))} />;
  if (!unit) return <Alert data-color="warning">{t('report.noUnit', { leader: w.leader })}</Alert>;

  return (
    <div className="page page--narrow">
      <Heading level={1} data-size="lg">
        {t('report.title')}
      </Heading>
      <Paragraph>{t('report.intro', { theUnit: t(`regime.${kind}.theUnit`), leader: w.leader, child: w.child, law: w.law })}</Paragraph>
      {problem && problem.status !== 422 && (
        <Alert data-color="danger" role="alert">
          {problem.status === 403 ? t('report.forbidden') : problem.message} {t('report.notLost')}
        </Alert>
      )}
      <form onSubmit={(e) => void submit(e)} noValidate className="form">
        {units.length > 1 ? (
          <Field>
            <Label htmlFor={IDS.unitId}>{t('report.unit')}</Label>
            <Select id={IDS.unitId} value={form.unitId} onChange={(e) => setForm((f) => ({ ...f, unitId: e.target.value, childIds: [] }))}>
              {units.map((u) => (
                <Select.Option key={u.id} value={u.id}>
                  {u.name}
                </Select.Option>
              ))}
            </Select>
          </Field>
        ) : (
          <Paragraph>
            <strong>{unit.name}</strong>
          </Paragraph>
        )}

        <Fieldset>
          <Fieldset.Legend>
            {w.whichChildren} <span className="app-muted">{t('report.required')}</span>
          </Fieldset.Legend>
          <Textfield
            id={IDS.childIds}
            label={t('report.searchName')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            autoComplete="off"
          />
          <div className="child-picker">
            {matches.map((c) => (
              <Checkbox
                key={c.id}
                label={`${c.name}${c.groupId && groupName.get(c.groupId) ? ` (${groupName.get(c.groupId)})` : ''}`}
                checked={form.childIds.includes(c.id)}
                onChange={(e) => set('childIds', e.target.checked ? [...form.childIds, c.id] : form.childIds.filter((x) => x !== c.id))}
              />
            ))}
            {matches.length === 0 && <Paragraph data-size="sm">{t('report.noMatch')}</Paragraph>}
          </div>
          {form.childIds.length > 0 && (
            <Paragraph data-size="sm" aria-live="polite">
              {t('report.chosen', { names: form.childIds.map(dir.childName).join(', ') })}
            </Paragraph>
          )}
          {err('childIds') && <ValidationMessage>{t('report.chooseOne')}</ValidationMessage>}
        </Fieldset>

        <Textfield
          id={IDS.concern}
          label={
            <>
              {t('report.concern')} <span className="app-muted">{t('report.required')}</span>
            </>
          }
          description={t('report.concernHint')}
          multiline
          rows={5}
          value={form.concern}
          onChange={(e) => set('concern', e.target.value)}
          error={err('concern')}
          required
        />

        <Fieldset>
          <Fieldset.Legend>
            {t('report.source')} <span className="app-muted">{t('report.required')}</span>
          </Fieldset.Legend>
          {(['staff_observation', 'child_told', 'parent_told', 'other'] as const).map((s, i) => (
            <Radio
              key={s}
              id={`meld-kilde-${i}`}
              name="source"
              value={s}
              label={t(`report.source.${s}`, { Child: w.Child })}
              checked={form.source === s}
              onChange={() => set('source', s)}
            />
          ))}
          {err('source') && <ValidationMessage>{t('report.sourceMissing')}</ValidationMessage>}
        </Fieldset>

        <Checkbox
          label={t('report.childSaysUnsafe', { Child: w.Child })}
          description={t('report.childSaysUnsafeHint')}
          checked={form.childSaysUnsafe}
          onChange={(e) => set('childSaysUnsafe', e.target.checked)}
        />

        <Textfield
          id={IDS.occurredAt}
          label={t('report.occurredAt')}
          description={t('report.occurredAtHint')}
          type="datetime-local"
          value={form.occurredAt}
          onChange={(e) => set('occurredAt', e.target.value)}
          error={err('occurredAt')}
        />

        <Checkbox
          id={IDS.staffOffender}
          label={t('report.staffOffender', { aChild: t(`regime.${kind}.aChild`) })}
          description={t('report.staffOffenderHint', { leader: w.leader, staffLaw: w.staffLaw })}
          checked={form.staffOffender}
          onChange={(e) => set('staffOffender', e.target.checked)}
        />
        {form.staffOffender && (
          <Checkbox
            id={IDS.offenderIsLeadership}
            label={t('report.leadership')}
            description={t('report.leadershipHint', { leader: w.leader })}
            checked={form.offenderIsLeadership}
            onChange={(e) => set('offenderIsLeadership', e.target.checked)}
          />
        )}

        <ProblemSummary
          problem={problem}
          fieldIds={IDS}
          labels={{
            childIds: w.whichChildren,
            concern: t('report.concern'),
            source: t('report.source'),
            occurredAt: t('report.occurredAt'),
            unitId: t('report.unit'),
            offenderIsLeadership: t('report.leadership'),
          }}
        />
        <Button type="submit" loading={sending}>
          {form.staffOffender && form.offenderIsLeadership ? t('report.sendToOwner') : t('report.sendTo', { leader: w.leader })}
        </Button>
      </form>
    </div>
  );
}

function Receipt({ c, onAnother }: { c: CaseView; onAnother: () => void }) {
  const { t, regime } = useLanguage();
  const w = regime(c.regime);
  const ack = c.deadlines.find((d) => d.kind === 'acknowledge');
  const who = c.handledBy === 'owner' ? t('receipt.owner') : w.Leader;
  return (
    <div className="page page--narrow">
      <Heading level={1} data-size="lg">
        {t('receipt.title')}
      </Heading>
      <Alert data-color="success">
        <Paragraph>{t('receipt.who', { who, by: ack ? t('receipt.by', { date: formatDeadline(ack.dueAt) }) : '' })}</Paragraph>
        {c.staffOffender && c.handledBy !== 'owner' && <Paragraph>{t('receipt.staff', { staffLaw: w.staffLaw })}</Paragraph>}
        {c.handledBy === 'owner' && <Paragraph>{t('receipt.leadership', { leader: w.leader })}</Paragraph>}
      </Alert>
      <Paragraph>{t('receipt.next')}</Paragraph>
      <div className="row">
        <Button asChild>
          <RouterLink to={`/saker/${c.id}`}>{t('receipt.open')}</RouterLink>
        </Button>
        <Button variant="secondary" onClick={onAnother}>
          {t('receipt.another')}
        </Button>
        <Link asChild>
          <RouterLink to="/">{t('receipt.home')}</RouterLink>
        </Link>
      </div>
    </div>
  );
}
