import { Alert, Button, Card, Heading, Link, Paragraph, Spinner, Table, Tag } from '@digdir/designsystemet-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { TableScroll } from '../components/table-scroll';
import { api, ApiProblem, unwrap, type CaseView, type EventView } from '../api/client';
import { COMMAND_FORMS, type FormContext } from '../commands/command-forms';
import { CommandFormView } from '../commands/command-form-view';
import { PLAN_ELEMENTS, PlanEditor } from '../commands/plan-editor';
import { useUnitDirectory } from '../app/directory';
import {
  DEADLINE_LABEL,
  DEADLINE_STATUS,
  FFSS_LABEL,
  MEASURE_STATUS_LABEL,
  nextStep,
  outcomeLabel,
  REGIME,
  regimeOf,
  roleLabel,
  sourceLabel,
  STATE_LABEL,
  type RegimeWords,
} from '../app/words';
import { formatDate, formatDateTime, formatDeadline, nowForInput } from '../format/time';
import { NotFoundPage } from './not-found-page';
import { AuditPanel } from './audit-panel';
import { BtiPanel } from '../bti/bti-panel';
import { OmniPanel } from '../omni/omni-panel';
import { usePurposeQuery } from '../session/purpose';
import { useMe } from '../session/session';
import { useLanguage } from '../i18n/language';
import { tr } from '../i18n/translate';

type Plan = NonNullable<CaseView['plan']>;

/** Sak: where the case stands, what happens next, its deadlines and history, and what I may do now. */
export function CasePage() {
  const { caseId = '' } = useParams();
  // An auditor's purpose goes with every read, and the access log keeps it.
  const purpose = usePurposeQuery();
  const { t } = useLanguage();
  const c = useQuery({
    queryKey: ['case', caseId],
    queryFn: () => unwrap(api.GET('/api/cases/{caseId}', { params: { path: { caseId }, query: purpose } })),
  });
  const history = useQuery({
    queryKey: ['history', caseId],
    queryFn: () => unwrap(api.GET('/api/cases/{caseId}/events', { params: { path: { caseId }, query: purpose } })),
    enabled: c.isSuccess,
  });
  if (c.isPending) return <Spinner aria-label={t('case.loading')} data-size="lg" />;
  if (c.error instanceof ApiProblem && (c.error.status === 404 || c.error.status === 403)) return <NotFoundPage what="case" />;
  if (c.isError) return <Alert data-color="danger">{t('case.failed')}</Alert>;
  return <CaseDetail c={c.data} history={history.data ?? []} />;
}

function CaseDetail({ c, history }: { c: CaseView; history: EventView[] }) {
  const w = REGIME[regimeOf(c.regime)];
  const { t } = useLanguage();
  const dir = useUnitDirectory([c.unitId]);
  // A child whose name this user cannot look up (PPT) is not shown as "ukjent" in the heading.
  const names = c.childIds.filter(dir.knowsChild).map(dir.childName).join(', ');
  // When the page was loaded, for "expires soon" (a render must not read the clock).
  const [loadedAt] = useState(() => Date.now());
  // The case's own group, or the groups of the children it is about.
  const groupIds = c.groupId ? [c.groupId] : [...new Set(c.childIds.flatMap((id) => dir.children.find((k) => k.id === id)?.groupId ?? []))];
  return (
    <div className="page">
      <Heading level={1} data-size="lg">
        {names ? t('case.titleAbout', { names }) : t('case.title')}
      </Heading>
      <div className="row">
        <Tag data-color={c.state === 'closed' ? 'neutral' : 'info'}>{STATE_LABEL[c.state] ?? c.state}</Tag>
        {c.serious && <Tag data-color="danger">{t('case.serious')}</Tag>}
        {c.staffOffender && <Tag data-color="warning">{t('case.staffOffender', { staffLaw: w.staffLaw })}</Tag>}
        {c.handledBy === 'owner' && <Tag data-color="warning">{t('case.handledByOwner')}</Tag>}
      </div>
      {c.childIds.length > 0 && names && (
        <Paragraph data-size="sm">
          {t('case.chronology')}{' '}
          {c.childIds.filter(dir.knowsChild).map((id, i) => (
            <span key={id}>
              {i > 0 && ', '}
              <Link asChild>
                <RouterLink to={`/barn/${id}`}>{dir.childName(id)}</RouterLink>
              </Link>
            </span>
          ))}
        </Paragraph>
      )}
      <Paragraph>
        <strong>{t('case.next')}</strong> {nextStep(c.state, w)}
      </Paragraph>
      <Paragraph data-size="sm" className="app-muted">
        {c.caseNumber && <>{t('case.caseNumber', { number: c.caseNumber })} </>}
        {c.depositedAt && <>{t('case.deposited', { date: formatDateTime(c.depositedAt) })} </>}
        {c.legalBasis.join(', ')}. {t('case.reportedAt', { date: formatDateTime(c.openedAt) })}
        {c.occurredAt ? t('case.occurredAt', { date: formatDateTime(c.occurredAt) }) : ''}. {sourceLabel(c.source, w)}.
      </Paragraph>
      <section aria-labelledby="bekymring">
        <Heading level={2} data-size="sm" id="bekymring">
          {t('case.concern')}
        </Heading>
        <Paragraph className="prewrap">{c.concern}</Paragraph>
      </section>
      <Actions c={c} w={w} history={history} dir={dir} />
      <BtiPanel c={c} history={history} personName={dir.personName} now={loadedAt} />
      <OmniPanel c={c} groupIds={groupIds} />
      <Deadlines c={c} personName={dir.personName} />
      {(c.plan || c.planVersions.length > 0) && <PlanView c={c} history={history} personName={dir.personName} />}
      <History events={history} unitKind={c.regime} />
      <AuditPanel c={c} personName={dir.personName} />
    </div>
  );
}

/** The buttons are exactly the case's allowedCommands that have a form here; nothing is decided in the browser. */
function Actions({ c, w, history, dir }: { c: CaseView; w: RegimeWords; history: EventView[]; dir: ReturnType<typeof useUnitDirectory> }) {
  const qc = useQueryClient();
  const me = useMe();
  const { t } = useLanguage();
  const [open, setOpen] = useState<string | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const conflictRef = useRef<HTMLDivElement>(null);
  const offered = c.allowedCommands.filter((t) => COMMAND_FORMS[t]);
  const ctx: FormContext = {
    words: w,
    childName: dir.childName,
    staff: dir.staff.map((s) => [s.id, s.displayName]),
    groups: (me.units.find((u) => u.id === c.unitId)?.groups ?? []).map((g) => [g.id, g.name]),
    history,
    now: () => nowForInput(),
  };
  const conflict =
    problem?.status === 409 && problem.problem.version !== undefined && problem.problem.version !== c.version ? problem : null;

  const send = async (type: string, payload: Record<string, unknown>, clearDraft: () => void) => {
    setSending(true);
    setProblem(null);
    try {
      const updated = await unwrap(
        api.POST('/api/cases/{caseId}/commands', {
          params: { path: { caseId: c.id } },
          body: { type, expectedVersion: c.version, ...payload } as never,
        }),
      );
      clearDraft();
      qc.setQueryData(['case', c.id], updated);
      void qc.invalidateQueries({ queryKey: ['history', c.id] });
      void qc.invalidateQueries({ queryKey: ['tasks'] });
      setOpen(null);
      setDone(t('actions.saved', { title: COMMAND_FORMS[type].title }));
    } catch (e) {
      const p = e instanceof ApiProblem ? e : new ApiProblem({ status: 0, detail: t('common.failed') });
      setProblem(p);
      if (p.status === 409) setTimeout(() => conflictRef.current?.focus(), 0);
    } finally {
      setSending(false);
    }
  };
  const reload = async () => {
    await qc.invalidateQueries({ queryKey: ['case', c.id] });
    await qc.invalidateQueries({ queryKey: ['history', c.id] });
    setProblem(null);
  };

  return (
    <section aria-labelledby="handlinger">
      <Heading level={2} data-size="md" id="handlinger">
        {t('actions.title')}
      </Heading>
      {done && !open && (
        <Alert data-color="success" role="status">
          {done}
        </Alert>
      )}
      {offered.length === 0 && <Paragraph>{t('actions.none')}</Paragraph>}
      <div className="row actions">
        {offered.map((t) => (
          <Button
            key={t}
            variant={COMMAND_FORMS[t].primary ? 'primary' : 'secondary'}
            aria-expanded={open === t}
            onClick={() => (setOpen(open === t ? null : t), setProblem(null), setDone(null))}
          >
            {COMMAND_FORMS[t].title}
          </Button>
        ))}
      </div>
      {problem && problem.status === 409 && (
        <div ref={conflictRef} tabIndex={-1}>
          <Alert data-color="warning">
            {conflict ? (
              <>
                <Heading level={3} data-size="xs">
                  {t('actions.conflict')}
                </Heading>
                <Paragraph>{t('actions.conflictText')}</Paragraph>
                <Button variant="secondary" onClick={() => void reload()}>
                  {t('actions.reload')}
                </Button>
              </>
            ) : (
              <Paragraph>{refusalInWords(problem.problem.detail ?? '', w)}</Paragraph>
            )}
          </Alert>
        </div>
      )}
      {problem && problem.status !== 409 && problem.status !== 422 && (
        <Alert data-color="danger">
          {problem.status === 403
            ? t('actions.forbidden', { message: problem.message })
            : problem.status === 404
              ? // PPT's access ends the moment its consent is withdrawn; so can a coordinator's or a reporter's.
                t('actions.noAccess')
              : t('actions.notLost', { message: problem.message })}
        </Alert>
      )}
      {open && (
        <Card className="command-card">
          <Card.Block>
            <Heading level={3} data-size="sm" id={`cmd-${open}-title`}>
              {COMMAND_FORMS[open].title}
            </Heading>
            {open === 'SUBMIT_PLAN' ? (
              <PlanEditor
                c={c}
                staff={dir.staff}
                words={w}
                problem={problem}
                sending={sending}
                onSubmit={(p, clear) => void send(open, p, clear)}
                onCancel={() => setOpen(null)}
              />
            ) : (
              <CommandFormView
                key={`${open}-${c.id}`}
                type={open}
                c={c}
                ctx={ctx}
                problem={problem}
                sending={sending}
                onSubmit={(p, clear) => void send(open, p, clear)}
                onCancel={() => setOpen(null)}
              />
            )}
          </Card.Block>
        </Card>
      )}
    </section>
  );
}

/** The law's refusals, said as a principal would: the API names the rule that refused. */
function refusalInWords(detail: string, w: RegimeWords): string {
  if (/childSaysUnsafe/.test(detail)) return tr('refusal.childSaysUnsafe', { Child: w.Child });
  if (/childVoiceOnRecord/.test(detail)) return tr('refusal.childVoice', { Child: w.Child, child: w.child });
  if (/planHasFiveElements/.test(detail)) return tr('refusal.planElements');
  return tr('refusal.other', { detail });
}

function Deadlines({ c, personName }: { c: CaseView; personName: (id: string | null) => string }) {
  const rows = [...c.deadlines].sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  const { t } = useLanguage();
  return (
    <section aria-labelledby="frister">
      <Heading level={2} data-size="md" id="frister">
        {t('deadlines.title')}
      </Heading>
      {rows.length === 0 ? (
        <Paragraph>{t('deadlines.none')}</Paragraph>
      ) : (
        <TableScroll label={t('deadlines.caption')}>
          <Table>
            <caption className="visually-hidden">{t('deadlines.caption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('deadlines.what')}</Table.HeaderCell>
                <Table.HeaderCell>{t('deadlines.due')}</Table.HeaderCell>
                <Table.HeaderCell>{t('deadlines.responsible')}</Table.HeaderCell>
                <Table.HeaderCell>{t('deadlines.status')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {rows.map((d) => (
                <Table.Row key={d.id}>
                  <Table.Cell>{DEADLINE_LABEL[d.kind] ?? d.kind}</Table.Cell>
                  <Table.Cell>{formatDeadline(d.dueAt)}</Table.Cell>
                  <Table.Cell>{personName(d.responsibleUserId)}</Table.Cell>
                  <Table.Cell>
                    {d.status === 'overdue' ? (
                      <Tag data-color="danger">{DEADLINE_STATUS.overdue}</Tag>
                    ) : (
                      (DEADLINE_STATUS[d.status] ?? d.status)
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
      <Paragraph data-size="sm" className="app-muted">
        {t('deadlines.policy')}
      </Paragraph>
    </section>
  );
}

function PlanView({ c, history, personName }: { c: CaseView; history: EventView[]; personName: (id: string | null) => string }) {
  const current = c.plan ?? c.planVersions.at(-1)!;
  // Every plan sent for approval is in the history, also one that was sent back and written again.
  const submitted = history.filter((e) => e.type === 'SUBMIT_PLAN' && e.payload.plan).map((e) => e.payload.plan as Plan);
  const versions = { length: Math.max(submitted.length, c.planVersions.length) };
  const previous = submitted.length > 1 ? submitted.at(-2) : undefined;
  const changes = previous ? planChanges(previous, current) : [];
  const { t } = useLanguage();
  return (
    <section aria-labelledby="plan">
      <Heading level={2} data-size="md" id="plan">
        {t('plan.title')}
        {versions.length > 1 ? t('plan.version', { n: versions.length }) : ''}
      </Heading>
      {changes.length > 0 && (
        <Alert data-color="info">
          <Heading level={3} data-size="xs">
            {t('plan.changedFrom', { n: versions.length - 1 })}
          </Heading>
          <ul>
            {changes.map((x) => (
              <li key={x}>{x}</li>
            ))}
          </ul>
        </Alert>
      )}
      <dl className="plan">
        <dt>{PLAN_ELEMENTS.problem}</dt>
        <dd className="prewrap">{current.problem}</dd>
        <dt>{PLAN_ELEMENTS.measures}</dt>
        <dd>
          <ol>
            {current.measures.map((m) => (
              <li key={m.id}>
                <strong>{m.description}</strong> ({FFSS_LABEL[m.ffss] ?? m.ffss}).{' '}
                {t('plan.measureLine', {
                  when: t('plan.when'),
                  whenValue: m.when,
                  who: t('plan.who'),
                  whoValue: personName(m.responsibleUserId),
                  date: formatDate(m.evaluateAt),
                })}
                {c.measureStatus[m.id] &&
                  t('plan.measureStatus', { status: MEASURE_STATUS_LABEL[c.measureStatus[m.id]] ?? c.measureStatus[m.id] })}
              </li>
            ))}
          </ol>
        </dd>
        <dt>{PLAN_ELEMENTS.evaluate}</dt>
        <dd>{formatDate(current.evaluateAt)}</dd>
        <dt>{t('plan.childParticipation')}</dt>
        <dd className="prewrap">{current.childParticipation}</dd>
        <dt>{t('plan.parentsInvolved')}</dt>
        <dd className="prewrap">{current.parentsInvolved}</dd>
      </dl>
      {current.returnedReason && <Paragraph>{t('plan.returned', { reason: current.returnedReason })}</Paragraph>}
    </section>
  );
}

/** What a new plan version changes, in words, so the principal approves knowingly. */
export function planChanges(a: Plan, b: Plan): string[] {
  const out: string[] = [];
  if (a.problem !== b.problem) out.push(tr('plan.changed.problem', { label: PLAN_ELEMENTS.problem }));
  if (a.evaluateAt !== b.evaluateAt)
    out.push(tr('plan.changed.evaluateAt', { from: formatDate(a.evaluateAt), to: formatDate(b.evaluateAt) }));
  if (a.childParticipation !== b.childParticipation) out.push(tr('plan.changed.child'));
  if (a.parentsInvolved !== b.parentsInvolved) out.push(tr('plan.changed.parents'));
  const before = new Map(a.measures.map((m) => [m.id, m]));
  for (const m of b.measures) {
    const old = before.get(m.id);
    if (!old) out.push(tr('plan.changed.new', { measure: m.description }));
    else if (JSON.stringify(old) !== JSON.stringify(m)) out.push(tr('plan.changed.measure', { measure: m.description }));
    before.delete(m.id);
  }
  for (const m of before.values()) out.push(tr('plan.changed.removed', { measure: m.description }));
  return out;
}

const SHOWN = ['concern', 'text', 'summary', 'reason', 'bestInterest', 'childVoice', 'note', 'question', 'outcome'];

/** Historikk: every entry, oldest first, who and when; corrections beside what they correct. */
function History({ events, unitKind }: { events: EventView[]; unitKind: string }) {
  const corrections = new Set(events.flatMap((e) => (e.type === 'CORRECT_ENTRY' ? [e.seq] : [])));
  const { t } = useLanguage();
  return (
    <section aria-labelledby="historikk">
      <Heading level={2} data-size="md" id="historikk">
        {t('history.title')}
      </Heading>
      <ol className="timeline">
        {events
          .filter((e) => !corrections.has(e.seq))
          .map((e) => (
            <li key={e.seq} className="timeline__item">
              <Paragraph data-size="sm">
                <time dateTime={e.at}>{formatDateTime(e.at)}</time> · {e.actor?.name ?? 'Trygg'}
                {e.actor?.role && e.actor.role !== 'system' ? ` (${roleLabel(e.actor.role, unitKind)})` : ''}
              </Paragraph>
              <Paragraph>
                <strong>{e.label}</strong>
              </Paragraph>
              {SHOWN.filter((k) => typeof e.payload[k] === 'string').map((k) => (
                <Paragraph key={k} className="prewrap">
                  {k === 'outcome' ? outcomeLabel(String(e.payload[k])) : String(e.payload[k])}
                </Paragraph>
              ))}
              {e.corrections.map((x) => (
                <Card key={String(x.seq)} data-color="warning" className="correction">
                  <Card.Block>
                    <Paragraph data-size="sm">
                      {t('history.corrected', { date: formatDateTime(String(x.at)), reason: String(x.reason ?? '') })}
                    </Paragraph>
                    <Paragraph className="prewrap">
                      {Object.values((x.corrected ?? {}) as Record<string, unknown>)
                        .map(String)
                        .join(' ')}
                    </Paragraph>
                  </Card.Block>
                </Card>
              ))}
            </li>
          ))}
      </ol>
    </section>
  );
}
