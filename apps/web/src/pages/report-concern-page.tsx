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
import { REGIME, regimeOf, sourceLabel } from '../app/words';
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
  const w = REGIME[regimeOf(unit?.kind)];
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
      setProblem(x instanceof ApiProblem ? x : new ApiProblem({ status: 0, detail: 'Noe gikk galt. Det du skrev, er ikke borte.' }));
    } finally {
      setSending(false);
    }
  };

  if (receipt) return <Receipt c={receipt} onAnother={() => (setReceipt(null), setForm((f) => emptyConcern(f.unitId)))} />;
  if (!unit)
    return (
      <Alert data-color="warning">
        Du er ikke knyttet til en skole eller barnehage i Trygg, og kan derfor ikke melde fra her. Snakk med {w.leader} direkte.
      </Alert>
    );

  return (
    <div className="page page--narrow">
      <Heading level={1} data-size="lg">
        Meld bekymring
      </Heading>
      <Paragraph>
        Alle som jobber i {w.unit === 'skole' ? 'skolen' : 'barnehagen'} skal melde fra til {w.leader} når de får mistanke om eller
        kjennskap til at {w.child} ikke har det trygt og godt ({w.law}). Du trenger ikke å være sikker.
      </Paragraph>
      {problem && problem.status !== 422 && (
        <Alert data-color="danger" role="alert">
          {problem.status === 403 ? 'Du kan ikke melde fra for denne enheten.' : problem.message} Det du har skrevet, er ikke borte.
        </Alert>
      )}
      <form onSubmit={(e) => void submit(e)} noValidate className="form">
        {units.length > 1 ? (
          <Field>
            <Label htmlFor={IDS.unitId}>Skole / barnehage</Label>
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
            {w.whichChildren} <span className="app-muted">Må fylles ut</span>
          </Fieldset.Legend>
          <Textfield
            id={IDS.childIds}
            label="Søk etter navn"
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
            {matches.length === 0 && <Paragraph data-size="sm">Ingen treff.</Paragraph>}
          </div>
          {form.childIds.length > 0 && (
            <Paragraph data-size="sm" aria-live="polite">
              Valgt: {form.childIds.map(dir.childName).join(', ')}
            </Paragraph>
          )}
          {err('childIds') && <ValidationMessage>Velg minst én.</ValidationMessage>}
        </Fieldset>

        <Textfield
          id={IDS.concern}
          label={
            <>
              Hva så eller hørte du? <span className="app-muted">Må fylles ut</span>
            </>
          }
          description="Skriv kort hva som skjedde. Bruk gjerne barnets egne ord."
          multiline
          rows={5}
          value={form.concern}
          onChange={(e) => set('concern', e.target.value)}
          error={err('concern')}
          required
        />

        <Fieldset>
          <Fieldset.Legend>
            Hvordan fikk du vite om det? <span className="app-muted">Må fylles ut</span>
          </Fieldset.Legend>
          {(['staff_observation', 'child_told', 'parent_told', 'other'] as const).map((s, i) => (
            <Radio
              key={s}
              id={`meld-kilde-${i}`}
              name="source"
              value={s}
              label={sourceLabel(s, w)}
              checked={form.source === s}
              onChange={() => set('source', s)}
            />
          ))}
          {err('source') && <ValidationMessage>Velg hvordan du fikk vite om det.</ValidationMessage>}
        </Fieldset>

        <Checkbox
          label={`${w.Child} har selv sagt at hen ikke har det trygt og godt`}
          description="Da skal det alltid settes inn tiltak og lages en plan, uansett hva undersøkelsen viser."
          checked={form.childSaysUnsafe}
          onChange={(e) => set('childSaysUnsafe', e.target.checked)}
        />

        <Textfield
          id={IDS.occurredAt}
          label="Når skjedde det?"
          description="Står det nå, kan du la det stå."
          type="datetime-local"
          value={form.occurredAt}
          onChange={(e) => set('occurredAt', e.target.value)}
          error={err('occurredAt')}
        />

        <Checkbox
          id={IDS.staffOffender}
          label={`Gjelder det en ansatt som krenker ${w.child === 'eleven' ? 'en elev' : 'et barn'}?`}
          description={`Da skal ${w.leader} varsles straks, og ${w.leader} varsler kommunen (${w.staffLaw}).`}
          checked={form.staffOffender}
          onChange={(e) => set('staffOffender', e.target.checked)}
        />
        {form.staffOffender && (
          <Checkbox
            id={IDS.offenderIsLeadership}
            label="Er det noen i ledelsen?"
            description={`Da går meldingen til kommunen, ikke til ${w.leader}.`}
            checked={form.offenderIsLeadership}
            onChange={(e) => set('offenderIsLeadership', e.target.checked)}
          />
        )}

        <ProblemSummary
          problem={problem}
          fieldIds={IDS}
          labels={{
            childIds: w.whichChildren,
            concern: 'Hva så eller hørte du?',
            source: 'Hvordan fikk du vite om det?',
            occurredAt: 'Når skjedde det?',
            unitId: 'Skole / barnehage',
            offenderIsLeadership: 'Er det noen i ledelsen?',
          }}
        />
        <Button type="submit" loading={sending}>
          {form.staffOffender && form.offenderIsLeadership ? 'Send til kommunen' : `Send til ${w.leader}`}
        </Button>
      </form>
    </div>
  );
}

function Receipt({ c, onAnother }: { c: CaseView; onAnother: () => void }) {
  const w = REGIME[regimeOf(c.regime)];
  const ack = c.deadlines.find((d) => d.kind === 'acknowledge');
  const who = c.handledBy === 'owner' ? 'Kommunen' : w.Leader;
  return (
    <div className="page page--narrow">
      <Heading level={1} data-size="lg">
        Meldingen er sendt
      </Heading>
      <Alert data-color="success">
        <Paragraph>
          {who} har fått meldingen og skal bekrefte at den er mottatt{ack ? ` innen ${formatDeadline(ack.dueAt)}` : ''}. Deretter skal saken
          undersøkes snarest.
        </Paragraph>
        {c.staffOffender && c.handledBy !== 'owner' && (
          <Paragraph>Fordi det gjelder en ansatt, er kommunen også varslet ({w.staffLaw}).</Paragraph>
        )}
        {c.handledBy === 'owner' && (
          <Paragraph>Fordi det gjelder noen i ledelsen, er det kommunen som følger opp saken, ikke {w.leader}.</Paragraph>
        )}
      </Alert>
      <Paragraph>Du får et varsel i Trygg når meldingen er tatt imot. Du kan fortsatt skrive notater i saken.</Paragraph>
      <div className="row">
        <Button asChild>
          <RouterLink to={`/saker/${c.id}`}>Åpne saken</RouterLink>
        </Button>
        <Button variant="secondary" onClick={onAnother}>
          Meld en ny bekymring
        </Button>
        <Link asChild>
          <RouterLink to="/">Til forsiden</RouterLink>
        </Link>
      </div>
    </div>
  );
}
