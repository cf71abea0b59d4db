import { Alert, Button, Checkbox, Field, Heading, Label, Link, Paragraph, Select, Spinner, Table, Tag } from '@digdir/designsystemet-react';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { TableScroll } from '../components/table-scroll';
import { ChoiceField } from '../components/choice-field';
import { api, unwrap, type CaseView, type Task } from '../api/client';
import { useUnitDirectory } from '../app/directory';
import { DEADLINE_LABEL, NOTIFICATION_LABEL, STATE_LABEL } from '../app/words';
import { formatDeadline, formatDateTime } from '../format/time';
import { leadsAnyUnit, mayReport, useMe } from '../session/session';
import { usePurposeQuery } from '../session/purpose';
import { pptOf } from '../bti/bti-view';
import { useLanguage } from '../i18n/language';

const byUrgency = (a: Task, b: Task) => Number(b.overdue) - Number(a.overdue) || a.dueAt.localeCompare(b.dueAt);

/** Forside: what I must do now, what I have been told, and the cases I can see. */
export function StartPage() {
  const me = useMe();
  const leader = leadsAnyUnit(me);
  const { t } = useLanguage();
  const tasks = useQuery({ queryKey: ['tasks'], queryFn: () => unwrap(api.GET('/api/me/tasks')) });
  const sorted = [...(tasks.data ?? [])].sort(byUrgency);
  const toAcknowledge = sorted.filter((t) => t.kind === 'acknowledge');
  const others = leader ? sorted.filter((t) => t.kind !== 'acknowledge') : sorted;
  return (
    <div className="page">
      <Heading level={1} data-size="lg">
        {t('app.home')}
      </Heading>
      {mayReport(me) && (
        <Paragraph>
          <Button asChild>
            <RouterLink to="/meld">Meld bekymring</RouterLink>
          </Button>
        </Paragraph>
      )}
      {tasks.isError && <Alert data-color="danger">Oppgavene kunne ikke hentes. Siden prøver igjen av seg selv.</Alert>}
      {leader && (
        <section aria-labelledby="nye">
          <Heading level={2} data-size="md" id="nye">
            Nye meldinger å bekrefte
          </Heading>
          {toAcknowledge.length === 0 ? (
            <Paragraph>Ingen nye meldinger.</Paragraph>
          ) : (
            <TaskList tasks={toAcknowledge} caption="Nye meldinger å bekrefte" />
          )}
        </section>
      )}
      <section aria-labelledby="oppgaver">
        <Heading level={2} data-size="md" id="oppgaver">
          Mine oppgaver
        </Heading>
        {tasks.isPending ? (
          <Spinner aria-label="Henter oppgaver" />
        ) : others.length === 0 ? (
          <Paragraph>Du har ingen oppgaver nå.</Paragraph>
        ) : (
          <TaskList tasks={others} caption="Mine oppgaver, de som haster mest først" />
        )}
      </section>
      {me.roles.some((r) => r.role === 'ppt') && <PptRequests />}
      <Notifications />
      <CaseList />
    </div>
  );
}

function TaskList({ tasks, caption }: { tasks: Task[]; caption: string }) {
  return (
    <TableScroll label={caption}>
      <Table>
        <caption className="visually-hidden">{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>Oppgave</Table.HeaderCell>
            <Table.HeaderCell>Frist</Table.HeaderCell>
            <Table.HeaderCell>Saken er</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {tasks.map((t) => (
            <Table.Row key={t.id}>
              <Table.Cell>
                <Link asChild>
                  <RouterLink to={`/saker/${t.caseId}`}>{DEADLINE_LABEL[t.kind] ?? t.what}</RouterLink>
                </Link>
              </Table.Cell>
              <Table.Cell>
                {formatDeadline(t.dueAt)} {t.overdue && <Tag data-color="danger">Fristen er passert</Tag>}{' '}
                {t.escalation.escalatedTo.length > 0 && <Tag data-color="warning">Eskalert til deg</Tag>}
              </Table.Cell>
              <Table.Cell>{STATE_LABEL[t.caseState] ?? t.caseState}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}

function Notifications() {
  const qc = useQueryClient();
  const notes = useQuery({
    queryKey: ['notifications'],
    queryFn: () => unwrap(api.GET('/api/me/notifications', { params: { query: { unread: true } } })),
  });
  const read = useMutation({
    mutationFn: (notificationId: string) =>
      unwrap(api.POST('/api/me/notifications/{notificationId}/read', { params: { path: { notificationId } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['notifications'] }),
  });
  const items = notes.data?.items ?? [];
  const [all, setAll] = useState(false);
  const shown = all ? items : items.slice(0, 5);
  return (
    <section aria-labelledby="varsler">
      <Heading level={2} data-size="md" id="varsler">
        Varsler{items.length > 0 ? ` (${items.length} nye)` : ''}
      </Heading>
      {items.length === 0 ? (
        <Paragraph>Ingen nye varsler.</Paragraph>
      ) : (
        <ul className="notes">
          {shown.map((n) => (
            <li key={n.id} className="row">
              <span>
                {n.caseId ? (
                  <Link asChild>
                    <RouterLink to={`/saker/${n.caseId}`}>{NOTIFICATION_LABEL[n.kind] ?? n.message}</RouterLink>
                  </Link>
                ) : (
                  (NOTIFICATION_LABEL[n.kind] ?? n.message)
                )}{' '}
                <span className="app-muted">({formatDateTime(n.createdAt)})</span>
              </span>
              <Button variant="tertiary" data-size="sm" onClick={() => read.mutate(n.id)}>
                Merk som lest
              </Button>
            </li>
          ))}
        </ul>
      )}
      {items.length > 5 && (
        <Button variant="secondary" data-size="sm" onClick={() => setAll(!all)} aria-expanded={all}>
          {all ? 'Vis færre varsler' : `Vis alle ${items.length} varsler`}
        </Button>
      )}
    </section>
  );
}

/** Every case I can see, newest first; the filters live in the address, so a reload keeps them. */
function CaseList() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const filters = {
    state: params.get('tilstand') ?? '',
    groupId: params.get('gruppe') ?? '',
    childId: params.get('barn') ?? '',
    overdue: params.get('forsinket') === 'ja',
    closedToo: params.get('avsluttede') === 'ja',
  };
  const dir = useUnitDirectory(me.units.map((u) => u.id));
  const purpose = usePurposeQuery();
  const cases = useInfiniteQuery({
    queryKey: ['cases', filters, purpose],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/cases', {
          params: {
            query: {
              limit: 20,
              cursor: pageParam,
              state: (filters.state || undefined) as never,
              groupId: filters.groupId || undefined,
              childId: filters.childId || undefined,
              overdue: filters.overdue || undefined,
              // The open cases are the work; closed ones on request (or when that state is chosen).
              open: filters.closedToo || filters.state ? undefined : true,
              ...purpose,
            },
          },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const groups = me.units.flatMap((u) => u.groups.map((g) => ({ ...g, unitName: u.name })));
  const rows: CaseView[] = cases.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section aria-labelledby="saker">
      <Heading level={2} data-size="md" id="saker">
        Saker
      </Heading>
      <div className="filters" role="group" aria-label="Filtrer sakene">
        <ChoiceField label="Tilstand" value={filters.state} onChange={(v) => set('tilstand', v)} options={Object.entries(STATE_LABEL)} />
        <Field>
          <Label>Gruppe</Label>
          <Select value={filters.groupId} onChange={(e) => set('gruppe', e.target.value)}>
            <Select.Option value="">Alle</Select.Option>
            {groups.map((g) => (
              <Select.Option key={g.id} value={g.id}>
                {g.name} ({g.unitName})
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label>Elev eller barn</Label>
          <Select value={filters.childId} onChange={(e) => set('barn', e.target.value)}>
            <Select.Option value="">Alle</Select.Option>
            {dir.children.map((c) => (
              <Select.Option key={c.id} value={c.id}>
                {c.name}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Checkbox
          label="Bare saker med passert frist"
          checked={filters.overdue}
          onChange={(e) => set('forsinket', e.target.checked ? 'ja' : '')}
        />
        <Checkbox
          label="Vis også avsluttede saker"
          checked={filters.closedToo}
          onChange={(e) => set('avsluttede', e.target.checked ? 'ja' : '')}
        />
      </div>
      {cases.isPending ? (
        <Spinner aria-label="Henter saker" />
      ) : rows.length === 0 ? (
        <Paragraph>Ingen saker{params.size ? ' med disse valgene' : ''}.</Paragraph>
      ) : (
        <TableScroll label="Saker, nyeste først">
          <Table zebra>
            <caption className="visually-hidden">Saker, nyeste først</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>Gjelder</Table.HeaderCell>
                <Table.HeaderCell>Tilstand</Table.HeaderCell>
                <Table.HeaderCell>Ansvarlig</Table.HeaderCell>
                <Table.HeaderCell>Neste frist</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {rows.map((c) => {
                const next = c.deadlines
                  .filter((d) => d.status === 'pending' || d.status === 'overdue')
                  .sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0];
                return (
                  <Table.Row key={c.id}>
                    <Table.Cell>
                      <Link asChild>
                        <RouterLink to={`/saker/${c.id}`}>
                          {c.childIds.length ? c.childIds.map(dir.childName).join(', ') : 'Sak uten navn'}
                        </RouterLink>
                      </Link>
                    </Table.Cell>
                    <Table.Cell>{STATE_LABEL[c.state] ?? c.state}</Table.Cell>
                    <Table.Cell>{next ? dir.personName(next.responsibleUserId) : ''}</Table.Cell>
                    <Table.Cell>
                      {next ? formatDeadline(next.dueAt) : ''}{' '}
                      {next?.status === 'overdue' && <Tag data-color="danger">Fristen er passert</Tag>}
                    </Table.Cell>
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
      {cases.hasNextPage && (
        <Button variant="secondary" onClick={() => void cases.fetchNextPage()} loading={cases.isFetchingNextPage}>
          Vis flere saker
        </Button>
      )}
    </section>
  );
}

/** PPT's own start: the requests to PPT, each with its question and when the advice is due. */
function PptRequests() {
  const cases = useQuery({
    queryKey: ['ppt-requests'],
    queryFn: () => unwrap(api.GET('/api/cases', { params: { query: { open: true, limit: 100 } } })),
  });
  const rows = (cases.data?.items ?? []).filter((c) => pptOf(c));
  return (
    <section aria-labelledby="forespørsler">
      <Heading level={2} data-size="md" id="forespørsler">
        Forespørsler til PPT
      </Heading>
      {cases.isPending ? (
        <Spinner aria-label="Henter forespørslene" />
      ) : rows.length === 0 ? (
        <Paragraph>Ingen forespørsler nå.</Paragraph>
      ) : (
        <TableScroll label="Forespørsler til PPT">
          <Table data-table="ppt-forespørsler">
            <caption className="visually-hidden">Forespørsler til PPT</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>Spørsmålet</Table.HeaderCell>
                <Table.HeaderCell>Svarfrist</Table.HeaderCell>
                <Table.HeaderCell>Hvordan</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {rows.map((c) => {
                const ppt = pptOf(c)!;
                const due = c.deadlines.find((d) => d.kind === 'ppt_advice' && (d.status === 'pending' || d.status === 'overdue'));
                return (
                  <Table.Row key={c.id}>
                    <Table.Cell>
                      <Link asChild>
                        <RouterLink to={`/saker/${c.id}`}>{ppt.question}</RouterLink>
                      </Link>
                    </Table.Cell>
                    <Table.Cell>
                      {due ? formatDeadline(due.dueAt) : 'Besvart'}{' '}
                      {due?.status === 'overdue' && <Tag data-color="danger">Fristen er passert</Tag>}
                    </Table.Cell>
                    <Table.Cell>{ppt.anonymous ? 'Anonymt' : 'Med navn (samtykke)'}</Table.Cell>
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
    </section>
  );
}
