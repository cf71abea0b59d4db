import { Alert, Button, Card, Field, Heading, Input, Label, Paragraph, Spinner, Table } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { BarChart, type ChartSeries } from '../charts/bar-chart';
import { TableScroll } from '../components/table-scroll';
import { STATE_LABEL } from '../app/words';
import { downloadCsv, ratioText, type SupervisionTotals, type UnitTotals } from '../supervision/supervision';
import { useMe } from '../session/session';
import { useLanguage } from '../i18n/language';
import { tr } from '../i18n/translate';

const DAY = 24;
const STATES = ['reported', 'investigating', 'planning', 'awaiting_approval', 'active', 'evaluating', 'closed'] as const;

/** Oslo's calendar date of an instant, YYYY-MM-DD. */
const osloDate = (d: Date) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(d);
function lastYear(): { from: string; to: string } {
  const now = new Date();
  return { from: osloDate(new Date(now.getTime() - 365 * 86_400_000)), to: osloDate(now) };
}
const days = (hours: number | null | undefined) => (hours === null || hours === undefined ? null : Math.round((hours / DAY) * 10) / 10);

/**
 * Tilsyn og oppfølging: the owner's view over all its units (its forsvarlig system). The figures are
 * the API's supervision report for the period; every chart has the same figures in a table.
 */
export function OwnerDashboardPage() {
  const me = useMe();
  const { t } = useLanguage();
  const ownerId = me.roles.find((r) => r.role === 'owner' || r.role === 'auditor')?.ownerId ?? me.ownerId;
  const [params, setParams] = useSearchParams();
  // The default period, fixed when the page opens: the last twelve months up to today.
  const [defaults] = useState(lastYear);
  const from = params.get('fra') ?? defaults.from;
  const to = params.get('til') ?? defaults.to;
  const [draft, setDraft] = useState({ from, to });
  const report = useQuery({
    queryKey: ['owner-supervision', ownerId, from, to],
    queryFn: () =>
      unwrap(
        api.GET('/api/owners/{ownerId}/supervision', {
          params: { path: { ownerId }, query: { from, to } as never },
        }),
      ),
  });
  const policy = useQuery({
    queryKey: ['deadline-policy', ownerId],
    queryFn: () => unwrap(api.GET('/api/owners/{ownerId}/deadline-policy', { params: { path: { ownerId } } })),
  });
  const units = report.data?.units ?? [];
  const total = report.data?.totals;
  const [csvError, setCsvError] = useState<string | null>(null);

  return (
    <div className="page page--wide">
      <Heading level={1} data-size="lg">
        {t('owner.title')}
      </Heading>
      <Paragraph>{t('owner.intro')}</Paragraph>
      <form
        className="filters"
        aria-label={t('owner.period')}
        onSubmit={(e) => {
          e.preventDefault();
          setParams({ fra: draft.from, til: draft.to }, { replace: true });
        }}
      >
        <Field>
          <Label>{t('owner.from')}</Label>
          <Input type="date" value={draft.from} max={draft.to} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        </Field>
        <Field>
          <Label>{t('owner.to')}</Label>
          <Input type="date" value={draft.to} min={draft.from} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        </Field>
        <Button type="submit" variant="secondary">
          {t('owner.show')}
        </Button>
        <Button
          type="button"
          variant="tertiary"
          onClick={() =>
            downloadCsv(`/api/owners/${ownerId}/supervision?from=${from}&to=${to}`, `tilsyn-${from}-${to}.csv`).then(
              () => setCsvError(null),
              () => setCsvError(t('owner.csvFailed')),
            )
          }
        >
          {t('owner.csv')}
        </Button>
      </form>
      {csvError && <Alert data-color="danger">{csvError}</Alert>}
      {report.isPending ? (
        <Spinner aria-label={t('owner.loading')} data-size="lg" />
      ) : report.isError || !total ? (
        <Alert data-color="danger">{t('owner.failed')}</Alert>
      ) : (
        <>
          <KeyFigures total={total} />
          <CasesByState units={units} total={total} />
          <StepTimes units={units} policy={policy.data} />
          <Evaluations units={units} total={total} />
          <Paragraph data-size="sm" className="app-muted">
            {t('owner.footnote', { from, to })}
          </Paragraph>
        </>
      )}
    </div>
  );
}

function KeyFigures({ total }: { total: SupervisionTotals }) {
  const open = total.cases - (total.byState.closed ?? 0);
  const figures: Array<[string, number | string]> = [
    [tr('owner.fig.cases'), total.cases],
    [tr('owner.fig.open'), open],
    [tr('owner.fig.casesOverdue'), total.ownerFollowUp.casesWithOverdueNow],
    [tr('owner.fig.overdue'), total.ownerFollowUp.overdueItemsNow],
    [tr('owner.fig.escalated'), total.ownerFollowUp.escalatedToOwner],
    [tr('owner.fig.serious'), total.ownerFollowUp.seriousCases],
    [tr('owner.fig.staff'), total.staffOffence.cases],
  ];
  return (
    <section aria-labelledby="nokkeltall">
      <Heading level={2} data-size="md" id="nokkeltall">
        {tr('owner.keyFigures')}
      </Heading>
      <dl className="key-figures">
        {figures.map(([label, value]) => (
          <Card key={label} data-color="neutral" asChild>
            <div>
              <dt>{label}</dt>
              <dd data-figure={label}>{value}</dd>
            </div>
          </Card>
        ))}
      </dl>
    </section>
  );
}

function CasesByState({ units, total }: { units: UnitTotals[]; total: SupervisionTotals }) {
  const series: ChartSeries[] = useMemo(
    () => STATES.map((s) => ({ name: STATE_LABEL[s], data: units.map((u) => u.totals.byState[s] ?? 0) })),
    [units],
  );
  const categories = useMemo(() => units.map((u) => u.unitName), [units]);
  const title = tr('owner.byStateTitle');
  return (
    <section aria-labelledby="status">
      <Heading level={2} data-size="md" id="status">
        {tr('owner.byState')}
      </Heading>
      <BarChart title={title} categories={categories} series={series} stacked unit={tr('owner.casesUnit')} />
      <TableScroll label={title}>
        <Table data-table="status">
          <caption>{title}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{tr('owner.unitCol')}</Table.HeaderCell>
              {STATES.map((s) => (
                <Table.HeaderCell key={s}>{STATE_LABEL[s]}</Table.HeaderCell>
              ))}
              <Table.HeaderCell>{tr('owner.total')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {units.map((u) => (
              <Table.Row key={u.unitId}>
                <Table.HeaderCell scope="row">{u.unitName}</Table.HeaderCell>
                {STATES.map((s) => (
                  <Table.Cell key={s}>{u.totals.byState[s] ?? 0}</Table.Cell>
                ))}
                <Table.Cell>{u.totals.cases}</Table.Cell>
              </Table.Row>
            ))}
            <Table.Row>
              <Table.HeaderCell scope="row">{tr('owner.allUnits')}</Table.HeaderCell>
              {STATES.map((s) => (
                <Table.Cell key={s}>{total.byState[s] ?? 0}</Table.Cell>
              ))}
              <Table.Cell>{total.cases}</Table.Cell>
            </Table.Row>
          </Table.Body>
        </Table>
      </TableScroll>
    </section>
  );
}

type Policy = { acknowledgeSchoolDays: number; investigationSchoolDays: number; planSchoolDays: number } | undefined;

function StepTimes({ units, policy }: { units: UnitTotals[]; policy: Policy }) {
  const steps = useMemo(
    () =>
      [
        {
          name: tr('owner.step.acknowledged'),
          hours: (t: SupervisionTotals) => t.dutyToAct.medianHours.reportedToAcknowledged,
          onTime: (t: SupervisionTotals) => t.dutyToAct.acknowledgedOnTime,
          policy: policy?.acknowledgeSchoolDays,
        },
        {
          name: tr('owner.step.concluded'),
          hours: (t: SupervisionTotals) => t.dutyToAct.medianHours.acknowledgedToConcluded,
          onTime: (t: SupervisionTotals) => t.dutyToAct.investigatedOnTime,
          policy: policy?.investigationSchoolDays,
        },
        {
          name: tr('owner.step.plan'),
          hours: (t: SupervisionTotals) => t.dutyToAct.medianHours.concludedToPlanApproved,
          onTime: (t: SupervisionTotals) => t.dutyToAct.planOnTime,
          policy: policy?.planSchoolDays,
        },
      ] as const,
    [policy],
  );
  const series: ChartSeries[] = useMemo(
    () =>
      steps.map((s) => ({
        name: s.name,
        data: units.map((u) => days(s.hours(u.totals))),
        reference:
          s.policy === undefined
            ? undefined
            : { label: s.policy === 1 ? tr('owner.policyLineOne') : tr('owner.policyLine', { n: s.policy }), value: s.policy },
      })),
    [steps, units],
  );
  const categories = useMemo(() => units.map((u) => u.unitName), [units]);
  const title = tr('owner.timesTitle');
  return (
    <section aria-labelledby="tid">
      <Heading level={2} data-size="md" id="tid">
        {tr('owner.times')}
      </Heading>
      <Paragraph data-size="sm">{tr('owner.timesNote')}</Paragraph>
      <BarChart title={title} categories={categories} series={series} unit={tr('owner.daysUnit')} />
      <TableScroll label={title}>
        <Table data-table="tid">
          <caption>{title}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{tr('owner.unitCol')}</Table.HeaderCell>
              {steps.map((s) => (
                <Table.HeaderCell key={s.name}>{tr('owner.stepCol', { step: s.name })}</Table.HeaderCell>
              ))}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {units.map((u) => (
              <Table.Row key={u.unitId}>
                <Table.HeaderCell scope="row">{u.unitName}</Table.HeaderCell>
                {steps.map((s) => (
                  <Table.Cell key={s.name}>
                    {days(s.hours(u.totals)) ?? '–'}; {ratioText(s.onTime(u.totals))}
                  </Table.Cell>
                ))}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </TableScroll>
    </section>
  );
}

function Evaluations({ units, total }: { units: UnitTotals[]; total: SupervisionTotals }) {
  const parts = [
    [tr('owner.eval.onTime'), (t: SupervisionTotals) => t.measuresEvaluated.evaluationsOnTime],
    [tr('owner.eval.late'), (t: SupervisionTotals) => t.measuresEvaluated.evaluationsLate],
    [tr('owner.eval.missed'), (t: SupervisionTotals) => t.measuresEvaluated.evaluationsMissed],
  ] as const;
  const series: ChartSeries[] = useMemo(() => parts.map(([name, f]) => ({ name, data: units.map((u) => f(u.totals)) })), [units]); // eslint-disable-line react-hooks/exhaustive-deps -- `parts` is a constant table
  const categories = useMemo(() => units.map((u) => u.unitName), [units]);
  const title = tr('owner.evalTitle');
  return (
    <section aria-labelledby="evalueringer">
      <Heading level={2} data-size="md" id="evalueringer">
        {tr('owner.evaluations')}
      </Heading>
      <BarChart title={title} categories={categories} series={series} stacked unit={tr('owner.evalUnit')} />
      <TableScroll label={title}>
        <Table data-table="evalueringer">
          <caption>{title}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{tr('owner.unitCol')}</Table.HeaderCell>
              {parts.map(([name]) => (
                <Table.HeaderCell key={name}>{name}</Table.HeaderCell>
              ))}
              <Table.HeaderCell>{tr('owner.due')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {[...units, { unitId: 'alle', unitName: tr('owner.allUnits'), regime: '', totals: total }].map((u) => (
              <Table.Row key={u.unitId}>
                <Table.HeaderCell scope="row">{u.unitName}</Table.HeaderCell>
                {parts.map(([name, f]) => (
                  <Table.Cell key={name}>{f(u.totals)}</Table.Cell>
                ))}
                <Table.Cell>{u.totals.measuresEvaluated.evaluationsDue}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </TableScroll>
    </section>
  );
}
