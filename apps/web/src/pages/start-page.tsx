import { Alert, Button, Checkbox, Heading, Link, Paragraph, Spinner, Table, Tag } from '@digdir/designsystemet-react';
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
import { useLanguage } from '../i18n/language';

const byUrgency = (a: Task, b: Task) => Number(b.overdue) - Number(a.overdue) || a.dueAt.localeCompare(b.dueAt);

/** Forside: what I must do now, what I have been told, and the cases I can see. */
export function StartPage() {
  const me = useMe();
  const leader = leadsAnyUnit(me);
  const { t: tr } = useLanguage();
  const tasks = useQuery({ queryKey: ['tasks'], queryFn: () => unwrap(api.GET('/api/me/tasks')) });
  const sorted = [...(tasks.data ?? [])].sort(byUrgency);
  const toAcknowledge = sorted.filter((t) => t.kind === 'acknowledge');
  const others = leader ? sorted.filter((t) => t.kind !== 'acknowledge') : sorted;
  return (
    <div className="page">
      <Heading level={1} data-size="lg">
        {tr('app.home')}
      </Heading>
      {mayReport(me) && (
        <Paragraph>
          <Button asChild>
            <RouterLink to="/meld">{tr('start.report')}</RouterLink>
          </Button>
        </Paragraph>
      )}
      {tasks.isError && <Alert data-color="danger">{tr('start.tasksFailed')}</Alert>}
      {leader && (
        <section aria-labelledby="nye">
          <Heading level={2} data-size="md" id="nye">
            {tr('start.toAcknowledge')}
          </Heading>
          {toAcknowledge.length === 0 ? (
            <Paragraph>{tr('start.noneToAcknowledge')}</Paragraph>
          ) : (
            <TaskList tasks={toAcknowledge} caption={tr('start.toAcknowledge')} />
          )}
        </section>
      )}
      <section aria-labelledby="oppgaver">
        <Heading level={2} data-size="md" id="oppgaver">
          {tr('start.tasks')}
        </Heading>
        {tasks.isPending ? (
          <Spinner aria-label={tr('start.loadingTasks')} />
        ) : others.length === 0 ? (
          <Paragraph>{tr('start.noTasks')}</Paragraph>
        ) : (
          <TaskList tasks={others} caption={tr('start.tasksCaption')} />
        )}
      </section>
      {me.roles.some((r) => r.role === 'ppt') && <PptRequests />}
      <Notifications />
      <CaseList />
    </div>
  );
}

function TaskList({ tasks, caption }: { tasks: Task[]; caption: string }) {
  const { t: tr } = useLanguage();
  return (
    <TableScroll label={caption}>
      <Table>
        <caption className="visually-hidden">{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{tr('start.task')}</Table.HeaderCell>
            <Table.HeaderCell>{tr('start.deadline')}</Table.HeaderCell>
            <Table.HeaderCell>{tr('start.caseIs')}</Table.HeaderCell>
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
                {formatDeadline(t.dueAt)} {t.overdue && <Tag data-color="danger">{tr('start.overdue')}</Tag>}{' '}
                {t.escalation.escalatedTo.length > 0 && <Tag data-color="warning">{tr('start.escalated')}</Tag>}
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
  const { t: tr } = useLanguage();
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
        {tr('start.notifications')}
        {items.length > 0 ? tr('start.newCount', { count: String(items.length) }) : ''}
      </Heading>
      {items.length === 0 ? (
        <Paragraph>{tr('start.noNotifications')}</Paragraph>
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
                {tr('start.markRead')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {items.length > 5 && (
        <Button variant="secondary" data-size="sm" onClick={() => setAll(!all)} aria-expanded={all}>
          {all ? tr('start.fewer') : tr('start.all', { count: String(items.length) })}
        </Button>
      )}
    </section>
  );
}

/** Every case I can see, newest first; the filters live in the address, so a reload keeps them. */
function CaseList() {
  const { t: tr } = useLanguage();
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
        {tr('start.cases')}
      </Heading>
      <div className="filters" role="group" aria-label={tr('start.filter')}>
        <ChoiceField
          label={tr('start.state')}
          value={filters.state}
          onChange={(v) => set('tilstand', v)}
          options={Object.entries(STATE_LABEL)}
        />
        <ChoiceField
          label={tr('start.group')}
          all={tr('start.allChoice')}
          value={filters.groupId}
          onChange={(v) => set('gruppe', v)}
          options={groups.map((g) => [g.id, `${g.name} (${g.unitName})`])}
        />
        <ChoiceField
          label={tr('start.child')}
          all={tr('start.allChoice')}
          value={filters.childId}
          onChange={(v) => set('barn', v)}
          options={dir.children.map((c) => [c.id, c.name])}
        />
        <Checkbox
          label={tr('start.onlyOverdue')}
          checked={filters.overdue}
          onChange={(e) => set('forsinket', e.target.checked ? 'ja' : '')}
        />
        <Checkbox
          label={tr('start.closedToo')}
          checked={filters.closedToo}
          onChange={(e) => set('avsluttede', e.target.checked ? 'ja' : '')}
        />
      </div>
      {cases.isPending ? (
        <Spinner aria-label={tr('start.loadingCases')} />
      ) : rows.length === 0 ? (
        <Paragraph>{params.size ? tr('start.noCasesFiltered') : tr('start.noCases')}</Paragraph>
      ) : (
        <TableScroll label={tr('start.casesCaption')}>
          <Table zebra>
            <caption className="visually-hidden">{tr('start.casesCaption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{tr('start.about')}</Table.HeaderCell>
                <Table.HeaderCell>{tr('start.state')}</Table.HeaderCell>
                <Table.HeaderCell>{tr('start.responsible')}</Table.HeaderCell>
                <Table.HeaderCell>{tr('start.nextDeadline')}</Table.HeaderCell>
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
                          {c.childIds.length ? c.childIds.map(dir.childName).join(', ') : tr('start.unnamed')}
                        </RouterLink>
                      </Link>
                    </Table.Cell>
                    <Table.Cell>{STATE_LABEL[c.state] ?? c.state}</Table.Cell>
                    <Table.Cell>{next ? dir.personName(next.responsibleUserId) : ''}</Table.Cell>
                    <Table.Cell>
                      {next ? formatDeadline(next.dueAt) : ''}{' '}
                      {next?.status === 'overdue' && <Tag data-color="danger">{tr('start.overdue')}</Tag>}
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
          {tr('start.more')}
        </Button>
      )}
    </section>
  );
}

/** PPT's own start: the requests to PPT, each with its question and when the advice is due. */
function PptRequests() {
  const { t: tr } = useLanguage();
  const cases = useQuery({
    queryKey: ['ppt-requests'],
    queryFn: () => unwrap(api.GET('/api/cases', { params: { query: { open: true, limit: 100 } } })),
  });
  const rows = (cases.data?.items ?? []).filter((c) => c.ppt);
  return (
    <section aria-labelledby="forespørsler">
      <Heading level={2} data-size="md" id="forespørsler">
        {tr('start.pptRequests')}
      </Heading>
      {cases.isPending ? (
        <Spinner aria-label={tr('start.loadingRequests')} />
      ) : rows.length === 0 ? (
        <Paragraph>{tr('start.noRequests')}</Paragraph>
      ) : (
        <TableScroll label={tr('start.pptRequests')}>
          <Table data-table="ppt-forespørsler">
            <caption className="visually-hidden">{tr('start.pptRequests')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{tr('start.question')}</Table.HeaderCell>
                <Table.HeaderCell>{tr('start.answerBy')}</Table.HeaderCell>
                <Table.HeaderCell>{tr('start.how')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {rows.map((c) => {
                const ppt = c.ppt!;
                const due = c.deadlines.find((d) => d.kind === 'ppt_advice' && (d.status === 'pending' || d.status === 'overdue'));
                return (
                  <Table.Row key={c.id}>
                    <Table.Cell>
                      <Link asChild>
                        <RouterLink to={`/saker/${c.id}`}>{ppt.question}</RouterLink>
                      </Link>
                    </Table.Cell>
                    <Table.Cell>
                      {due ? formatDeadline(due.dueAt) : tr('start.answered')}{' '}
                      {due?.status === 'overdue' && <Tag data-color="danger">{tr('start.overdue')}</Tag>}
                    </Table.Cell>
                    <Table.Cell>{ppt.anonymous ? tr('start.anonymous') : tr('start.named')}</Table.Cell>
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
