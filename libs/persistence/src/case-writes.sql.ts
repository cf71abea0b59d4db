import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { DEADLINE_STEPS, DeadlineStep, osloYearOf } from '../../workflow/src';
import { SealedEvent, sealEvents } from '../../cases/src/history';
import {
  CaseChange,
  CaseWrites,
  DeadlineOp,
  LastLink,
  DeadlineRecord,
  NewEvent,
  NewJournalEntry,
  NewNotification,
  StaircaseAssessment,
} from '../../cases/src/ports';

/**
 * The SQL every case transaction shares: history, deadline rows, notifications and the outbox.
 * Callers hold the case row lock (UPDATE or SELECT … FOR UPDATE) so `seq` has no gaps.
 */

/** Column pairs of each step: when it falls, and when Trygg did it. */
export const STEP_COLUMNS: Record<DeadlineStep, { at: string; done: string }> = {
  remind: { at: 'remind_at', done: 'reminded_at' },
  start_evaluation: { at: 'start_evaluation_at', done: 'evaluation_started_at' },
  overdue: { at: 'due_at', done: 'overdue_at' },
  escalate_principal: { at: 'escalate_principal_at', done: 'escalated_principal_at' },
  escalate_owner: { at: 'escalate_owner_at', done: 'escalated_owner_at' },
};

/**
 * `last`: the case's last link as the caller read it under the row lock (else it is read here).
 * The journal goes last: its counter row is shared by every case of the owner, and a row lock is
 * held until COMMIT, so taking it in the final statement keeps other commands waiting least.
 */
export async function writeCaseWrites(
  m: EntityManager,
  caseId: string,
  writes: CaseWrites,
  at: Date,
  last?: { seq: number; hash: string } | null,
): Promise<void> {
  const firstSeq = await appendEvents(m, caseId, writes.events, last);
  if (writes.statusChange) {
    const c = writes.statusChange;
    await m.query(`INSERT INTO case_status_changes (case_id, at, changed_by, from_status, to_status) VALUES ($1, $2, $3, $4, $5)`, [
      caseId,
      at,
      c.by,
      c.from,
      c.to,
    ]);
  }
  await applyDeadlines(m, caseId, writes.deadlines, at);
  await insertNotifications(m, writes.notifications, at);
  for (const a of writes.staircase ?? []) await insertStaircaseAssessment(m, a);
  if (writes.journal?.length) await insertJournalEntries(m, caseId, firstSeq, writes.journal);
}

export async function insertStaircaseAssessment(m: Queryable, a: StaircaseAssessment): Promise<void> {
  await m.query(
    `INSERT INTO staircase_assessments (id, owner_id, unit_id, group_id, step, basis, case_id, assessed_by, assessed_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
    [a.id, a.ownerId, a.unitId, a.groupId, a.step, a.basis, a.caseId, a.assessedBy, a.assessedAt],
  );
}

/** Appends events after the case's last link; returns the seq the first of them got. */
export async function appendEvents(
  m: Queryable,
  caseId: string,
  events: NewEvent[],
  known?: { seq: number; hash: string } | null,
): Promise<number> {
  // The caller's lock on the case row keeps the chain linear: nobody else appends meanwhile.
  const last = known === undefined ? await lastLink(m, caseId) : known;
  if (!events.length) return (last?.seq ?? 0) + 1;
  const sealed = sealEvents(caseId, last, events);
  await m.query(`${eventsCte(sealed)} SELECT 1`, [caseId, eventsJson(sealed)]);
  return sealed[0].seq;
}

/**
 * The next numbers of the owner's series for the year, as a CTE `n` whose `last` is the highest
 * one taken ($owner, $year and $count are the parameter numbers). In the caller's transaction the
 * counter row stays locked until it commits, and a rollback gives the numbers back, so there are no
 * gaps and no duplicates however many commands run at once.
 */
export function nextNumbersCte(series: 'case' | 'journal', owner: number, year: number, count: number): string {
  return `n AS (
    INSERT INTO archive_counters (owner_id, series, year, last) VALUES ($${owner}, '${series}', $${year}, $${count})
    ON CONFLICT (owner_id, series, year) DO UPDATE SET last = archive_counters.last + EXCLUDED.last
    RETURNING last)`;
}

/**
 * Journal entries of events just appended from `firstSeq`, numbered in the owner's journal year,
 * and each into the outbox for the archive service: one statement.
 */
async function insertJournalEntries(m: Queryable, caseId: string, firstSeq: number, entries: NewJournalEntry[]): Promise<void> {
  // One transaction's entries share an instant, so one year and one counter bump.
  const year = osloYearOf(entries[0].createdAt);
  await m.query(
    `WITH ${nextNumbersCte('journal', 4, 2, 5)},
     j AS (
       INSERT INTO journal_entries (id, owner_id, case_id, event_seq, kind, journal_year, journal_seq, journalposttype, title,
         public_title, created_at, created_by, created_by_role, document, document_sha256, document_size)
       SELECT x.id, x.owner_id, $1, x.event_seq, x.kind, $2, n.last - $5 + 1 + x.i, x.journalposttype, x.title, x.public_title,
         x.created_at, x.created_by, x.created_by_role, decode(x.document, 'base64'), x.sha256, x.size
       FROM n, jsonb_to_recordset($3::jsonb) AS x(id uuid, owner_id uuid, event_seq int, kind text, i int, journalposttype text,
         title text, public_title text, created_at timestamptz, created_by uuid, created_by_role text, document text, sha256 text, size int)
       RETURNING id)
     INSERT INTO outbox (topic, ref) SELECT 'archive', id FROM j`,
    [
      caseId,
      year,
      JSON.stringify(
        entries.map((e, i) => ({
          id: e.id,
          owner_id: e.ownerId,
          event_seq: firstSeq + e.eventIndex,
          kind: e.kind,
          i,
          journalposttype: e.journalposttype,
          title: e.title,
          public_title: e.publicTitle,
          created_at: e.createdAt.toISOString(),
          created_by: e.createdBy,
          created_by_role: e.createdByRole,
          document: e.document.toString('base64'),
          sha256: e.sha256,
          size: e.document.length,
        })),
      ),
      entries[0].ownerId,
      entries.length,
    ],
  );
}

/** The case's last event (seq and hash), or null for a case without history. */
export async function lastLink(m: Queryable, caseId: string): Promise<{ seq: number; hash: string } | null> {
  const rows = (await m.query('SELECT seq, hash FROM case_events WHERE case_id = $1 ORDER BY seq DESC LIMIT 1', [caseId])) as Array<{
    seq: number;
    hash: string;
  }>;
  return rows[0] ?? null;
}

/**
 * Appends $2 (sealed events as JSON) to case $1: the events with their chain links, and each
 * event's personal content in its own row (docs/design.md #9).
 */
const EVENTS_CTE = `WITH ev AS (${eventsInsert('')})`;

/** The event rows of $2 for case $1; `gate` is a condition that must hold for any to be written. */
function eventsInsert(gate: string): string {
  return `INSERT INTO case_events (case_id, seq, type, actor_user_id, actor_role, at, payload, recorded_at, prev_hash, hash, content_hash)
  SELECT $1, e.seq, e.type, e.actor_user_id, e.actor_role, e.at, e.payload, e.at, e.prev_hash, e.hash, e.content_hash
  FROM jsonb_to_recordset($2::jsonb) AS e(seq int, type text, actor_user_id uuid, actor_role text, at timestamptz, payload jsonb,
       prev_hash text, hash text, content_hash text)
  ${gate}
  RETURNING seq`;
}
/** The case row keeps its last link, in the statement that appends (so it never disagrees). */
const LAST_LINK_CTE = `lk AS (
  UPDATE cases SET last_seq = x.seq, last_hash = x.hash
  FROM (SELECT e.seq, e.hash FROM jsonb_to_recordset($2::jsonb) AS e(seq int, hash text) ORDER BY e.seq DESC LIMIT 1) x
  WHERE cases.id = $1)`;
const CONTENTS_CTE = `evc AS (
  INSERT INTO case_event_contents (case_id, seq, nonce, content)
  SELECT $1, e.seq, e.nonce, e.content FROM jsonb_to_recordset($2::jsonb) AS e(seq int, nonce text, content jsonb)
  WHERE e.content IS NOT NULL AND e.seq IN (SELECT seq FROM ev))`;

/** The content insert only when some event has personal content (deadline steps never do). */
function eventsCte(sealed: SealedEvent[]): string {
  return sealed.some((e) => e.content) ? `${EVENTS_CTE}, ${LAST_LINK_CTE}, ${CONTENTS_CTE}` : `${EVENTS_CTE}, ${LAST_LINK_CTE}`;
}

/** The columns a transition changes on the case row, each with its value. */
const CASE_CHANGE: Array<[column: string, value: (c: CaseChange, at: Date) => unknown]> = [
  ['state', (c) => c.state],
  ['snapshot', (c) => JSON.stringify(c.snapshot)],
  ['machine_version', (c) => c.snapshot.machineVersion],
  ['serious', (c) => c.serious],
  ['involved_user_ids', (c) => c.involvedUserIds],
  ['closed_at', (c) => c.closedAt],
  ['updated_at', (_c, at) => at],
  ['bti', (c) => JSON.stringify(c.bti)],
  ['enforcement', (c) => JSON.stringify(c.enforcement)],
  ['legal_hold', (c) => c.legalHold],
];

/** The transition's `SET` assignments, from parameter $first on (as many as CASE_CHANGE has). */
export function caseChangeSet(first: number): string {
  return CASE_CHANGE.map(([column], i) => `${column} = $${first + i}`).join(', ');
}

/** The values for caseChangeSet's parameters, in its order. */
export function caseChangeValues(change: CaseChange, at: Date): unknown[] {
  return CASE_CHANGE.map(([, value]) => value(change, at));
}

/** Whether a command's writes are history only: no deadlines, notifications, journal or status change. */
export function onlyHistory(writes: CaseWrites): boolean {
  return (
    writes.events.length > 0 &&
    !writes.deadlines.length &&
    !writes.notifications.length &&
    !writes.journal?.length &&
    !writes.statusChange &&
    !writes.staircase?.length
  );
}

/**
 * A transition that only adds history, in ONE statement outside an explicit transaction: the
 * versioned UPDATE of the case (which also moves its last link), the events sealed after the link
 * the command read, and their personal content. The UPDATE holds only if neither the version nor
 * the last link moved since the case was read (a deadline step appends without a new version);
 * otherwise nothing at all is written and the caller falls back to the locking transaction.
 * Parameters: $1 id, $2 events JSON, $3 expected version, $4 … $13 the change (caseChangeSet), $14 the
 * known last seq (0 before any event), $15 and $16 the new last link. Named, so each connection parses and plans it once.
 */
export function historyOnlyStatement(
  caseId: string,
  expectedVersion: number,
  change: CaseChange,
  events: NewEvent[],
  at: Date,
  last: LastLink | null,
): { name: string; text: string; values: unknown[] } {
  const sealed = sealEvents(caseId, last, events);
  const withContent = sealed.some((e) => e.content);
  const newest = sealed[sealed.length - 1];
  return {
    name: `case-history-only${withContent ? '-content' : ''}`,
    text: `WITH u AS (
       UPDATE cases SET ${caseChangeSet(4)}, version = version + 1, last_seq = $15, last_hash = $16
       WHERE id = $1 AND version = $3 AND anonymised_at IS NULL AND last_seq = $14
       RETURNING id),
     ev AS (${eventsInsert('WHERE EXISTS (SELECT 1 FROM u)')})
     ${withContent ? `, ${CONTENTS_CTE}` : ''}
     SELECT count(*)::int AS written FROM u`,
    values: [caseId, eventsJson(sealed), expectedVersion, ...caseChangeValues(change, at), last?.seq ?? 0, newest.seq, newest.hash],
  };
}

function eventsJson(events: SealedEvent[]): string {
  return JSON.stringify(
    events.map((e) => ({
      seq: e.seq,
      type: e.type,
      actor_user_id: e.actorUserId,
      actor_role: e.actorRole,
      at: e.at.toISOString(),
      payload: e.payload,
      prev_hash: e.prevHash,
      hash: e.hash,
      content_hash: e.contentHash,
      nonce: e.content?.nonce ?? null,
      content: e.content?.personal ?? null,
    })),
  );
}

/**
 * Inserts notifications $first (JSON) at $first+1, once per dedupe key; those owed an e-mail go to
 * the outbox. With `emailParam`, a false value there marks them skipped at once (no SMTP configured).
 */
const NOTIFICATIONS_CTE = (first: number, emailParam?: number, gate = '') => `n AS (
  INSERT INTO notifications (id, dedupe_key, user_id, owner_id, unit_id, case_id, group_id, deadline_id, kind, created_at, email_status)
  SELECT x.id, x.dedupe_key, x.user_id, x.owner_id, x.unit_id, x.case_id, x.group_id, x.deadline_id, x.kind, $${first + 1},
         CASE WHEN u.email IS NULL THEN 'none' ${emailParam ? `WHEN NOT $${emailParam}::boolean THEN 'skipped' ` : ''}ELSE 'pending' END
  FROM jsonb_to_recordset($${first}::jsonb) AS x(id uuid, dedupe_key text, user_id uuid, owner_id uuid, unit_id uuid, case_id uuid, group_id uuid, deadline_id uuid, kind text)
  JOIN users u ON u.id = x.user_id
  ${gate}
  ON CONFLICT (dedupe_key) DO NOTHING
  RETURNING id, email_status),
em AS (INSERT INTO outbox (topic, ref) SELECT 'email', id FROM n WHERE email_status = 'pending')`;

function notificationsJson(notifications: NewNotification[]): string {
  return JSON.stringify(
    notifications.map((n) => ({
      id: randomUUID(),
      dedupe_key: n.dedupeKey,
      user_id: n.userId,
      owner_id: n.ownerId,
      unit_id: n.unitId,
      case_id: n.caseId,
      group_id: n.groupId ?? null,
      deadline_id: n.deadlineId,
      kind: n.kind,
    })),
  );
}

/**
 * A deadline step's writes in ONE statement: its history events, its notifications (and their
 * e-mails into the outbox), the step marked done, and the deadline into the outbox so the relay
 * schedules the next step. The caller holds the case and deadline locks.
 * Parameters: $1 case id, $2 events JSON, $3 notifications JSON, $4 at, $5 deadline id, $6 escalated-to
 * ids, $7 whether e-mail is on. The events come sealed after the case's last link, read under the lock.
 */
export function stepDoneStatement(
  step: string,
  doneColumn: string,
  caseId: string,
  last: { seq: number; hash: string } | null,
  deadlineId: string,
  at: Date,
  writes: { events: NewEvent[]; notifications: NewNotification[]; escalatedTo: string[] },
  emailEnabled: boolean,
): { name: string; text: string; values: unknown[] } {
  const sealed = sealEvents(caseId, last, writes.events);
  const withContent = sealed.some((e) => e.content);
  return {
    name: `deadline-step-done-${step}${withContent ? '-content' : ''}`,
    text: `${eventsCte(sealed)}, ${NOTIFICATIONS_CTE(3, 7)},
     done AS (
       UPDATE deadlines SET ${doneColumn} = $4, ${ESCALATED_TO}
       WHERE id = $5 RETURNING id)
     INSERT INTO outbox (topic, ref) SELECT 'deadline', id FROM done`,
    values: [caseId, eventsJson(sealed), notificationsJson(writes.notifications), at, deadlineId, writes.escalatedTo, emailEnabled],
  };
}

/** A step adds its own id to the deadline's escalation list at most once. */
const ESCALATED_TO = 'escalated_to = escalated_to || ARRAY(SELECT x FROM unnest($6::uuid[]) AS x WHERE NOT x = ANY(escalated_to))';

/**
 * A deadline step as one statement without a transaction around it (decision 98): it holds only if
 * the case's last link is still `last` and the deadline still at `rev`, pending, and without this
 * step. The case row is taken first, as commands take it, then the deadline; every other write waits
 * on both. If the case was taken but not the deadline, trygg_deadline_step_written raises and nothing
 * is written; if the case's link moved, nothing matches. Either way the caller decides again under
 * lock. A lost commit is a step not done, which the reconciler fires again, so it does not wait for
 * the WAL flush (set_config is local to the statement's own transaction).
 * Parameters as stepDoneStatement's, then $8 and $9 the new last link, $10 the known last seq, $11 the rev.
 */
export function stepIfUnchangedStatement(
  step: string,
  doneColumn: string,
  caseId: string,
  last: LastLink | null,
  deadlineId: string,
  rev: number,
  at: Date,
  writes: { events: NewEvent[]; notifications: NewNotification[]; escalatedTo: string[] },
  emailEnabled: boolean,
): { name: string; text: string; values: unknown[] } {
  const sealed = sealEvents(caseId, last, writes.events);
  const newest = sealed[sealed.length - 1] ?? last;
  const both = 'WHERE EXISTS (SELECT 1 FROM done)';
  return {
    name: `deadline-step-if-unchanged-${step}`,
    text: `WITH lk AS (
       UPDATE cases SET last_seq = $8, last_hash = $9 WHERE id = $1 AND last_seq = $10 RETURNING id),
     done AS (
       UPDATE deadlines SET ${doneColumn} = $4, ${ESCALATED_TO}
       WHERE id = $5 AND rev = $11 AND status = 'pending' AND ${doneColumn} IS NULL AND EXISTS (SELECT 1 FROM lk)
       RETURNING id),
     ev AS (${eventsInsert(both)}),
     ${NOTIFICATIONS_CTE(3, 7, both)},
     o AS (INSERT INTO outbox (topic, ref) SELECT 'deadline', id FROM done)
     SELECT trygg_deadline_step_written((SELECT count(*) FROM lk), (SELECT count(*) FROM done)) AS written,
       set_config('synchronous_commit', 'off', true) AS commit_mode`,
    values: [
      caseId,
      eventsJson(sealed),
      notificationsJson(writes.notifications),
      at,
      deadlineId,
      writes.escalatedTo,
      emailEnabled,
      newest?.seq ?? 0,
      newest?.hash ?? null,
      last?.seq ?? 0,
      rev,
    ],
  };
}

/** Anything that runs SQL: an EntityManager or a QueryRunner. */
export interface Queryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/** Every deadline statement puts what it touched into the outbox, so the relay schedules its steps. */
const DEADLINE_OUTBOX = `INSERT INTO outbox (topic, ref) SELECT 'deadline', id FROM d`;

/**
 * Applies deadline ops in order. Starts that follow each other go in one statement (a run never
 * holds one deadline twice, which ON CONFLICT could not take); each statement puts the deadlines
 * it created, moved, met or cancelled into the outbox itself.
 */
async function applyDeadlines(m: EntityManager, caseId: string, ops: DeadlineOp[], at: Date): Promise<void> {
  for (const run of runsOf(ops)) {
    if (run[0].op === 'start') {
      await startDeadlines(m, caseId, run as Array<Extract<DeadlineOp, { op: 'start' }>>, at);
    } else {
      const op = run[0];
      const status = op.op === 'meet' ? 'met' : 'cancelled';
      const all = op.kinds === 'all';
      const ref = op.op === 'cancel' ? (op.ref ?? null) : null;
      await m.query(
        `WITH d AS (
           UPDATE deadlines SET status = $2, resolved_at = $3
           WHERE case_id = $1 AND status = 'pending' AND ($4::boolean OR kind = ANY($5::text[])) AND ($6::text IS NULL OR ref = $6)
           RETURNING id)
         ${DEADLINE_OUTBOX}`,
        [caseId, status, at, all, all ? [] : op.kinds, ref],
      );
    }
  }
}

/** Consecutive starts of distinct deadlines together; every other op alone. */
function runsOf(ops: DeadlineOp[]): DeadlineOp[][] {
  const runs: DeadlineOp[][] = [];
  let keys = new Set<string>();
  for (const op of ops) {
    const current = runs[runs.length - 1];
    const key = op.op === 'start' ? `${op.kind}\u0000${op.ref}` : '';
    if (op.op === 'start' && current?.[0].op === 'start' && !keys.has(key)) {
      current.push(op);
    } else {
      runs.push([op]);
      keys = new Set();
    }
    keys.add(key);
  }
  return runs;
}

/**
 * A running deadline keeps its due date (the plan deadline after a returned plan); one set on a
 * date people chose moves with that date, and its steps start over.
 */
async function startDeadlines(m: EntityManager, caseId: string, ops: Array<Extract<DeadlineOp, { op: 'start' }>>, at: Date): Promise<void> {
  await m.query(
    `WITH d AS (
       INSERT INTO deadlines (id, case_id, kind, ref, due_at, status, responsible_user_id, basis, policy_version, created_at,
         remind_at, start_evaluation_at, escalate_principal_at, escalate_owner_at)
       SELECT x.id, $1, x.kind, x.ref, x.due_at, 'pending', x.responsible_user_id, x.basis, x.policy_version, $2,
         x.remind_at, x.start_evaluation_at, x.escalate_principal_at, x.escalate_owner_at
       FROM jsonb_to_recordset($3::jsonb) AS x(id uuid, kind text, ref text, due_at timestamptz, responsible_user_id uuid, basis jsonb,
         policy_version int, remind_at timestamptz, start_evaluation_at timestamptz, escalate_principal_at timestamptz,
         escalate_owner_at timestamptz)
       ON CONFLICT (case_id, kind, ref) WHERE status = 'pending' DO UPDATE SET
         due_at = EXCLUDED.due_at, responsible_user_id = EXCLUDED.responsible_user_id, basis = EXCLUDED.basis,
         policy_version = EXCLUDED.policy_version, remind_at = EXCLUDED.remind_at,
         start_evaluation_at = EXCLUDED.start_evaluation_at, escalate_principal_at = EXCLUDED.escalate_principal_at,
         escalate_owner_at = EXCLUDED.escalate_owner_at, rev = deadlines.rev + 1,
         reminded_at = NULL, evaluation_started_at = NULL, overdue_at = NULL,
         escalated_principal_at = NULL, escalated_owner_at = NULL
       WHERE deadlines.basis->>'rule' = 'on_date' AND deadlines.due_at <> EXCLUDED.due_at
       RETURNING id)
     ${DEADLINE_OUTBOX}`,
    [
      caseId,
      at,
      JSON.stringify(
        ops.map((op) => ({
          id: randomUUID(),
          kind: op.kind,
          ref: op.ref,
          due_at: op.dueAt,
          responsible_user_id: op.responsibleUserId,
          basis: op.basis,
          policy_version: op.policyVersion,
          remind_at: op.schedule.remind,
          start_evaluation_at: op.schedule.start_evaluation,
          escalate_principal_at: op.schedule.escalate_principal,
          escalate_owner_at: op.schedule.escalate_owner,
        })),
      ),
    ],
  );
}

/** Inserts notifications once per dedupe key; those with an e-mail address queue an e-mail. */
export async function insertNotifications(m: Queryable, notifications: NewNotification[], at: Date): Promise<void> {
  if (!notifications.length) return;
  await m.query(`WITH ${NOTIFICATIONS_CTE(1)} SELECT 1`, [notificationsJson(notifications), at]);
}

/** What toDeadline reads (for statements that name their columns). */
export const DEADLINE_COLUMNS = [
  'id, case_id, kind, ref, due_at, status, responsible_user_id, created_at, resolved_at, rev, escalated_to',
  ...DEADLINE_STEPS.flatMap((step) => [STEP_COLUMNS[step].at, STEP_COLUMNS[step].done]),
].join(', ');

export function toDeadline(r: Record<string, unknown>): DeadlineRecord {
  const schedule = {} as DeadlineRecord['schedule'];
  const done = {} as DeadlineRecord['done'];
  for (const step of DEADLINE_STEPS) {
    schedule[step] = (r[STEP_COLUMNS[step].at] as Date | null) ?? null;
    done[step] = (r[STEP_COLUMNS[step].done] as Date | null) ?? null;
  }
  return {
    id: r.id as string,
    caseId: r.case_id as string,
    kind: r.kind as DeadlineRecord['kind'],
    ref: r.ref as string,
    dueAt: r.due_at as Date,
    status: r.status as DeadlineRecord['status'],
    responsibleUserId: r.responsible_user_id as string | null,
    createdAt: r.created_at as Date,
    resolvedAt: r.resolved_at as Date | null,
    rev: (r.rev as number) ?? 1,
    schedule,
    done,
    escalatedTo: (r.escalated_to as string[]) ?? [],
  };
}
