import { Alert, Heading, Link, Paragraph, Spinner, Table } from '@digdir/designsystemet-react';
import { useQueries } from '@tanstack/react-query';
import { Link as RouterLink } from 'react-router';
import { api, unwrap, type CaseView } from '../api/client';
import { BarChart } from '../charts/bar-chart';
import { TableScroll } from '../components/table-scroll';
import { formatDate, formatDateTime } from '../format/time';

type Staircase = Awaited<ReturnType<typeof fetchStaircase>>;

export function fetchStaircase(groupId: string) {
  return unwrap(api.GET('/api/groups/{groupId}/staircase', { params: { path: { groupId } } }));
}

/**
 * Omni-trappa for one group: where it stands now, in words (never only a colour), its history as a
 * step chart with the same assessments in a table beside it.
 */
export function GroupStaircase({ s, headingLevel = 3 }: { s: Staircase; headingLevel?: 2 | 3 }) {
  const oldestFirst = [...s.history].reverse();
  const title = `Omni-trappa for ${s.name}: trinn over tid (1 er trygt og inkluderende, 5 er det mest alvorlige)`;
  return (
    <div className="omni-group">
      <Heading level={headingLevel} data-size="sm">
        {s.name}: {s.currentStep ? `trinn ${s.currentStep}, ${s.currentLabel}` : 'ikke vurdert ennå'}
      </Heading>
      {oldestFirst.length > 0 && (
        <>
          <BarChart
            title={title}
            categories={oldestFirst.map((h) => formatDate(h.assessedAt))}
            series={[{ name: 'Trinn', data: oldestFirst.map((h) => h.step) }]}
            step
            yMax={5}
            unit="trinn"
          />
          <TableScroll label={`Vurderinger av ${s.name}, nyeste først`}>
            <Table data-table={`omni-${s.groupId}`}>
              <caption>Vurderinger av {s.name}, nyeste først</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>Vurdert</Table.HeaderCell>
                  <Table.HeaderCell>Trinn</Table.HeaderCell>
                  <Table.HeaderCell>Hva vurderingen bygger på</Table.HeaderCell>
                  <Table.HeaderCell>I en sak</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {s.history.map((h) => (
                  <Table.Row key={h.id}>
                    <Table.Cell>{formatDateTime(h.assessedAt)}</Table.Cell>
                    <Table.Cell>
                      {h.step}: {h.label}
                    </Table.Cell>
                    <Table.Cell className="prewrap">{h.basis}</Table.Cell>
                    <Table.Cell>{h.caseId ? 'Ja' : 'Nei'}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableScroll>
        </>
      )}
      <Paragraph>
        <Link asChild>
          <RouterLink to={`/grupper/${s.groupId}`}>Gruppen {s.name}: vurder trinnet utenfor en sak</RouterLink>
        </Link>
      </Paragraph>
    </div>
  );
}

/** Omni-trappa on the case page: the case's group (or its children's groups), and the owner's advice. */
export function OmniPanel({ c, groupIds }: { c: CaseView; groupIds: string[] }) {
  const staircases = useQueries({
    queries: groupIds.map((groupId) => ({ queryKey: ['staircase', groupId], queryFn: () => fetchStaircase(groupId) })),
  });
  if (!groupIds.length && !c.suggestions.length) return null;
  return (
    <section aria-labelledby="omni">
      <Heading level={2} data-size="md" id="omni">
        Omni-trappa
      </Heading>
      {c.suggestions.length > 0 && (
        <Alert data-color="info" data-suggestions={c.suggestions.length}>
          <Heading level={3} data-size="xs">
            Råd fra kommunen (kommunens veiledning, ikke lov)
          </Heading>
          <ul>
            {c.suggestions.map((s) => (
              <li key={s.code}>
                {s.text} <span className="app-muted">({s.basis})</span>
              </li>
            ))}
          </ul>
        </Alert>
      )}
      {staircases.map((q, i) =>
        q.isPending ? (
          <Spinner key={groupIds[i]} aria-label="Henter Omni-trappa" />
        ) : q.data ? (
          <GroupStaircase key={groupIds[i]} s={q.data} />
        ) : null,
      )}
    </section>
  );
}
