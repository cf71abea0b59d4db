import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ApiProblem, unwrap } from '../api/client';
import { ProblemSummary } from '../components/problem-summary';
import { nowForInput } from '../format/time';
import { tr } from '../i18n/translate';

const FIELD_IDS = { from: 'arkiv-fra', to: 'arkiv-til' };

/**
 * Arkiv: the owner hands the cases closed in a period to the municipal archive as a Noark 5
 * deposit (one tar file). A case goes into one deposit only, and retention waits for it.
 */
export function ArchiveDeposit({ ownerId, mayChange }: { ownerId: string; mayChange: boolean }) {
  const qc = useQueryClient();
  const today = nowForInput().slice(0, 10);
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01-01`);
  const [to, setTo] = useState(today);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const labels = { from: tr('set.a.from'), to: tr('set.a.to') };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    setDone(null);
    setBusy(true);
    try {
      const result = api.POST('/api/owners/{ownerId}/archive-deposits', {
        params: { path: { ownerId } },
        body: { from, to },
        parseAs: 'blob',
      });
      const blob = (await unwrap(result)) as unknown as Blob;
      const { response } = await result;
      const name = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? 'arkivuttrekk.tar';
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      a.click();
      URL.revokeObjectURL(url);
      // Deposited cases may now be anonymised when their time comes.
      void qc.invalidateQueries({ queryKey: ['retention-preview', ownerId] });
      const n = Number(response.headers.get('X-Trygg-Case-Count') ?? 0);
      setDone(n === 1 ? tr('set.a.doneOne', { file: name }) : tr('set.a.done', { n, file: name }));
    } catch (err) {
      setProblem(err instanceof ApiProblem ? translated(err) : new ApiProblem({ status: 0, detail: String(err) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="arkiv" className="settings-section">
      <Heading level={2} data-size="md" id="arkiv">
        {tr('set.a.title')}
      </Heading>
      <Paragraph>{tr('set.a.intro')}</Paragraph>
      <Paragraph>{tr('set.a.retention')}</Paragraph>
      {mayChange ? (
        <form onSubmit={(e) => void submit(e)} noValidate className="form">
          <div className="row">
            <Textfield
              id={FIELD_IDS.from}
              type="date"
              label={labels.from}
              value={from}
              onChange={(e) => setFrom(e.target.value)}
              error={problem?.fieldError('from')}
            />
            <Textfield
              id={FIELD_IDS.to}
              type="date"
              label={labels.to}
              value={to}
              onChange={(e) => setTo(e.target.value)}
              error={problem?.fieldError('to')}
            />
          </div>
          <ProblemSummary problem={problem} fieldIds={FIELD_IDS} labels={labels} />
          {problem && problem.status !== 422 && <Alert data-color="danger">{problem.message}</Alert>}
          {done && <Alert data-color="success">{done}</Alert>}
          <Button type="submit" loading={busy}>
            {tr('set.a.make')}
          </Button>
        </form>
      ) : (
        <Paragraph>{tr('set.a.ownerOnly')}</Paragraph>
      )}
    </section>
  );
}

/** The deposit's own rules, in Norwegian. */
function translated(p: ApiProblem): ApiProblem {
  if (p.status !== 422 || !p.problem.errors) return p;
  const errors = p.problem.errors.map((e) => ({
    field: e.field,
    message: /must not be after/.test(e.message)
      ? tr('set.a.fromAfterTo')
      : /no closed case/.test(e.message)
        ? tr('set.a.nothing')
        : /date/.test(e.message)
          ? tr('common.rule.date')
          : e.message,
  }));
  return new ApiProblem({ ...p.problem, errors });
}
