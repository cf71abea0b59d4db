import { randomUUID } from 'node:crypto';
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
import { ParamRef, SqlStatement } from './sql-statement';

/**
 * The SQL every case write shares: history, deadline rows, notifications, the journal and the
 * outbox, as pieces of one statement (SqlStatement). Each piece takes a `gate`, a condition that
 * must hold for it to write anything: `TRUE` under a row lock the caller holds, or "the versioned
 * UPDATE of the case matched" when everything goes in one statement (decision 100).
 */

/** Column pairs of each step: when it falls, and when Trygg did it. */
export const STEP_COLUMNS: Record<DeadlineStep, { at: string; done: string }> = {
  remind: { at: 'remind_at', done: 'reminded_at' },
  start_evaluation: { at: 'start_evaluation_at', done: 'evaluation_started_at' },
  overdue: { at: 'due_at', done: 'overdue_at' },
  escalate_principal: { at: 'escalate_principal_at', done: 'escalated_principal_at' },
  escalate_owner: { at: 'escalate_owner_at', done: 'escalated_owner_at' },
};

/** Anything that runs SQL: an EntityManager or a QueryRunner. */
export interface Queryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

const ALWAYS = 'TRUE';

// ---------------------------------------------------------------------------------------------
// The pieces

/** The sealed events of the case and their personal content (each in its own row). */
function addEvents(s: SqlStatement, caseRef: ParamRef, sealed: SealedEvent[], gate = ALWAYS): void {
  if (!sealed.length) return;
  const json = s.$(eventsJson(sealed));
  const ev = s.with(
    'ev',
    `INSERT INTO case_events (case_id, seq, type, actor_user_id, actor_role, at, payload, recorded_at, prev_hash, hash, content_hash)
     SELECT ${caseRef}, e.seq, e.type, e.actor_user_id, e.actor_role, e.at, e.payload, e.at, e.prev_hash, e.hash, e.content_hash
     FROM jsonb_to_recordset(${json}::jsonb) AS e(seq int, type text, actor_user_id uuid, actor_role text, at timestamptz, payload jsonb,
          prev_hash text, hash text, content_hash text)
     WHERE ${gate}
     RETURNING seq`,
  );
  // Only when some event has personal content (deadline steps never do): one statement shape fewer.
  if (sealed.some((e) => e.content)) {
    s.with(
      'evc',
      `INSERT INTO case_event_contents (case_id, seq, nonce, content)
       SELECT ${caseRef}, e.seq, e.nonce, e.content FROM jsonb_to_recordset(${json}::jsonb) AS e(seq int, nonce text, content jsonb)
       WHERE e.content IS NOT NULL AND e.seq IN (SELECT seq FROM ${ev})`,
    );
  }
}

/** The case row keeps its last link, in the statement that appends (so it never disagrees). */
function addLastLink(s: SqlStatement, caseRef: ParamRef, sealed: SealedEvent[]): void {
  const newest = sealed[sealed.length - 1];
  if (!newest) return;
  s.with('lk', `UPDATE cases SET last_seq = ${s.$(newest.seq)}::int, last_hash = ${s.$(newest.hash)}::text WHERE id = ${caseRef}`);
}

function addStatusChange(
  s: SqlStatement,
  caseRef: ParamRef,
  atRef: ParamRef,
  c: NonNullable<CaseWrites['statusChange']>,
  gate = ALWAYS,
): void {
  s.with(
    'sc',
    `INSERT INTO case_status_changes (case_id, at, changed_by, from_status, to_status)
     SELECT ${caseRef}, ${atRef}, ${s.$(c.by)}::uuid, ${s.$(c.from)}::text, ${s.$(c.to)}::text WHERE ${gate}`,
  );
}

function addStaircase(s: SqlStatement, a: StaircaseAssessment, gate = ALWAYS): void {
  const v = [a.id, a.ownerId, a.unitId, a.groupId].map((x) => `${s.$(x)}::uuid`).join(', ');
  s.with(
    'sa',
    `INSERT INTO staircase_assessments (id, owner_id, unit_id, group_id, step, basis, case_id, assessed_by, assessed_at)
     SELECT ${v}, ${s.$(a.step)}::int, ${s.$(a.basis)}::text, ${s.$(a.caseId)}::uuid, ${s.$(a.assessedBy)}::uuid,
       ${s.$(a.assessedAt)}::timestamptz
     WHERE ${gate}`,
  );
}

/**
 * Notifications, once per dedupe key; those owed an e-mail go to the outbox. With `emailRef`, a
 * false value there marks them skipped at once (a worker without SMTP).
 */
function addNotifications(s: SqlStatement, list: NewNotification[], atRef: ParamRef, gate = ALWAYS, emailRef?: ParamRef): void {
  if (!list.length) return;
  const n = s.with(
    'nt',
    `INSERT INTO notifications (id, dedupe_key, user_id, owner_id, unit_id, case_id, group_id, deadline_id, kind, created_at, email_status)
     SELECT x.id, x.dedupe_key, x.user_id, x.owner_id, x.unit_id, x.case_id, x.group_id, x.deadline_id, x.kind, ${atRef},
            CASE WHEN u.email IS NULL THEN 'none' ${emailRef ? `WHEN NOT ${emailRef}::boolean THEN 'skipped' ` : ''}ELSE 'pending' END
     FROM jsonb_to_recordset(${s.$(notificationsJson(list))}::jsonb) AS x(id uuid, dedupe_key text, user_id uuid, owner_id uuid,
          unit_id uuid, case_id uuid, group_id uuid, deadline_id uuid, kind text)
     JOIN users u ON u.id = x.user_id
     WHERE ${gate}
     ON CONFLICT (dedupe_key) DO NOTHING
     RETURNING id, email_status`,
  );
  s.with('em', `INSERT INTO outbox (topic, ref) SELECT 'email', id FROM ${n} WHERE email_status = 'pending'`);
}

/** Every deadline piece puts what it touched into the outbox, so the relay schedules its steps. */
function deadlineOutbox(s: SqlStatement, touched: string): void {
  s.with('dq', `INSERT INTO outbox (topic, ref) SELECT 'deadline', id FROM ${touched}`);
}

/**
 * A running deadline keeps its due date (the plan deadline after a returned plan); one set on a
 * date people chose moves with that date, and its steps start over.
 */
function addDeadlineStarts(s: SqlStatement, caseRef: ParamRef, atRef: ParamRef, ops: StartOp[], gate = ALWAYS): string {
  const json = JSON.stringify(
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
  );
  const d = s.with(
    'ds',
    `INSERT INTO deadlines (id, case_id, kind, ref, due_at, status, responsible_user_id, basis, policy_version, created_at,
       remind_at, start_evaluation_at, escalate_principal_at, escalate_owner_at)
     SELECT x.id, ${caseRef}, x.kind, x.ref, x.due_at, 'pending', x.responsible_user_id, x.basis, x.policy_version, ${atRef},
       x.remind_at, x.start_evaluation_at, x.escalate_principal_at, x.escalate_owner_at
     FROM jsonb_to_recordset(${s.$(json)}::jsonb) AS x(id uuid, kind text, ref text, due_at timestamptz, responsible_user_id uuid, basis jsonb,
       policy_version int, remind_at timestamptz, start_evaluation_at timestamptz, escalate_principal_at timestamptz,
       escalate_owner_at timestamptz)
     WHERE ${gate}
     ON CONFLICT (case_id, kind, ref) WHERE status = 'pending' DO UPDATE SET
       due_at = EXCLUDED.due_at, responsible_user_id = EXCLUDED.responsible_user_id, basis = EXCLUDED.basis,
       policy_version = EXCLUDED.policy_version, remind_at = EXCLUDED.remind_at,
       start_evaluation_at = EXCLUDED.start_evaluation_at, escalate_principal_at = EXCLUDED.escalate_principal_at,
       escalate_owner_at = EXCLUDED.escalate_owner_at, rev = deadlines.rev + 1,
       reminded_at = NULL, evaluation_started_at = NULL, overdue_at = NULL,
       escalated_principal_at = NULL, escalated_owner_at = NULL
     WHERE deadlines.basis->>'rule' = 'on_date' AND deadlines.due_at <> EXCLUDED.due_at
     RETURNING *`,
  );
  deadlineOutbox(s, d);
  return d;
}

/** Pending deadlines of the given kinds (and ref) met or cancelled. */
function addDeadlinesResolved(s: SqlStatement, caseRef: ParamRef, atRef: ParamRef, op: ResolveOp, gate = ALWAYS): string {
  const all = op.op === 'cancel' && op.kinds === 'all';
  const kinds = all ? [] : (op.kinds as string[]);
  const ref = s.lazy(op.op === 'cancel' ? (op.ref ?? null) : null, 'text');
  const d = s.with(
    'dr',
    `UPDATE deadlines SET status = ${s.$(op.op === 'meet' ? 'met' : 'cancelled')}::text, resolved_at = ${atRef}
     WHERE case_id = ${caseRef} AND status = 'pending' AND (${s.$(all)}::boolean OR kind = ANY(${s.$(kinds)}::text[]))
       AND (${ref} IS NULL OR ref = ${ref}) AND ${gate}
     RETURNING *`,
  );
  deadlineOutbox(s, d);
  return d;
}

/**
 * The next numbers of the owner's series for the year, as a CTE whose `last` is the highest one
 * taken. Its counter row stays locked until the statement's transaction commits, and a rollback
 * gives the numbers back, so there are no gaps and no duplicates however many commands run at once.
 */
function addNextNumbers(
  s: SqlStatement,
  series: 'case' | 'journal',
  ownerRef: string,
  yearRef: string,
  countRef: string,
  gate = ALWAYS,
): string {
  return s.with(
    'nm',
    `INSERT INTO archive_counters (owner_id, series, year, last) SELECT ${ownerRef}, '${series}', ${yearRef}, ${countRef} WHERE ${gate}
     ON CONFLICT (owner_id, series, year) DO UPDATE SET last = archive_counters.last + EXCLUDED.last
     RETURNING last`,
  );
}

/**
 * Journal entries of the events appended from `firstSeq`, numbered in the owner's journal year,
 * and each into the outbox for the archive service.
 */
function addJournal(s: SqlStatement, caseRef: ParamRef, firstSeq: number, entries: NewJournalEntry[], gate = ALWAYS): void {
  if (!entries.length) return;
  // One command's entries share an instant, so one year and one counter bump.
  const yearRef = `${s.$(osloYearOf(entries[0].createdAt))}::int`;
  const countRef = `${s.$(entries.length)}::int`;
  const n = addNextNumbers(s, 'journal', `${s.$(entries[0].ownerId)}::uuid`, yearRef, countRef, gate);
  const json = JSON.stringify(
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
      sha256: e.sha256,
      size: e.document.length,
    })),
  );
  // The documents travel as binary parameters (node-pg sends a Buffer as bytes), not inside the JSON.
  const documents = `(ARRAY[${entries.map((e) => `${s.$(e.document)}::bytea`).join(', ')}])[x.i + 1]`;
  const j = s.with(
    'jr',
    `INSERT INTO journal_entries (id, owner_id, case_id, event_seq, kind, journal_year, journal_seq, journalposttype, title,
       public_title, created_at, created_by, created_by_role, document, document_sha256, document_size)
     SELECT x.id, x.owner_id, ${caseRef}, x.event_seq, x.kind, ${yearRef}, ${n}.last - ${countRef} + 1 + x.i, x.journalposttype, x.title,
       x.public_title, x.created_at, x.created_by, x.created_by_role, ${documents}, x.sha256, x.size
     FROM ${n}, jsonb_to_recordset(${s.$(json)}::jsonb) AS x(id uuid, owner_id uuid, event_seq int, kind text, i int, journalposttype text,
       title text, public_title text, created_at timestamptz, created_by uuid, created_by_role text, sha256 text, size int)
     RETURNING id`,
  );
  s.with('jq', `INSERT INTO outbox (topic, ref) SELECT 'archive', id FROM ${j}`);
}

// ---------------------------------------------------------------------------------------------
// Deadline ops in statements

type StartOp = Extract<DeadlineOp, { op: 'start' }>;
type ResolveOp = Exclude<DeadlineOp, StartOp>;

/**
 * Deadline ops cut into statements, in order. Within one statement every piece sees the rows as
 * they were before the statement, so ops go together only while no two can touch the same
 * deadline: then the order between them cannot matter. Consecutive starts are one piece.
 */
export function deadlineStatementsOf(ops: DeadlineOp[]): DeadlineOp[][][] {
  const statements: DeadlineOp[][][] = [[]];
  let started = new Set<string>(); // kind + ref
  let startedKinds = new Set<string>();
  let resolvedKinds = new Set<string>();
  let resolvedAll = false;
  for (const op of ops) {
    const overlaps =
      resolvedAll ||
      (op.op === 'start'
        ? started.has(`${op.kind}\u0000${op.ref}`) || resolvedKinds.has(op.kind)
        : op.kinds === 'all'
          ? started.size > 0 || resolvedKinds.size > 0
          : op.kinds.some((k) => startedKinds.has(k) || resolvedKinds.has(k)));
    if (overlaps) {
      statements.push([]);
      [started, startedKinds, resolvedKinds, resolvedAll] = [new Set(), new Set(), new Set(), false];
    }
    const current = statements[statements.length - 1];
    const last = current[current.length - 1];
    if (op.op === 'start' && last?.[0].op === 'start') last.push(op);
    else current.push([op]);
    if (op.op === 'start') {
      started.add(`${op.kind}\u0000${op.ref}`);
      startedKinds.add(op.kind);
    } else if (op.kinds === 'all') resolvedAll = true;
    else op.kinds.forEach((k) => resolvedKinds.add(k));
  }
  return statements;
}

/** The deadline pieces; returns the names of the CTEs that return the rows they wrote. */
function addDeadlineOps(s: SqlStatement, caseRef: ParamRef, atRef: ParamRef, pieces: DeadlineOp[][], gate = ALWAYS): string[] {
  return pieces.map((piece) =>
    piece[0].op === 'start'
      ? addDeadlineStarts(s, caseRef, atRef, piece as StartOp[], gate)
      : addDeadlinesResolved(s, caseRef, atRef, piece[0], gate),
  );
}

/**
 * The case's deadlines as the statement leaves them, as JSON: the rows its deadline pieces wrote,
 * and the others as they were. (Pieces of one statement never touch the same deadline.)
 */
function deadlinesAfter(caseRef: ParamRef, written: string[]): string {
  const rows = [
    ...written.map((w) => `SELECT * FROM ${w}`),
    `SELECT * FROM deadlines d WHERE d.case_id = ${caseRef}${
      written.length ? ` AND d.id NOT IN (${written.map((w) => `SELECT id FROM ${w}`).join(' UNION ALL ')})` : ''
    }`,
  ];
  return `(SELECT coalesce(json_agg(x ORDER BY x.due_at, x.kind, x.ref), '[]'::json) FROM (${rows.join(' UNION ALL ')}) x)`;
}

/** Deadlines from JSON (as deadlinesAfter and row_to_json give them): timestamps come as strings. */
export function deadlinesFromJson(rows: Array<Record<string, unknown>>): DeadlineRecord[] {
  return rows.map((r) => toDeadline(revive(r)));
}

const TIMESTAMP_COLUMNS = /_at$/;

export function revive(r: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r)) out[k] = TIMESTAMP_COLUMNS.test(k) && typeof v === 'string' ? new Date(v) : v;
  return out;
}

/**
 * What a case write adds after the case row. The head: `sealed` events and the status change; the
 * tail: notifications, staircase assessments and the journal; between them, deadline pieces.
 * In a transaction cut into several statements the head goes in the first and the tail in the
 * last: the journal's counter row is shared by every case of the owner and stays locked until
 * COMMIT, so it is taken last.
 */
function addCaseWrites(
  s: SqlStatement,
  caseRef: ParamRef,
  atRef: ParamRef,
  writes: CaseWrites,
  sealed: SealedEvent[],
  deadlines: DeadlineOp[][],
  gate: string,
  parts: { head: boolean; tail: boolean } = { head: true, tail: true },
): string[] {
  if (parts.head) {
    addEvents(s, caseRef, sealed, gate);
    if (writes.statusChange) addStatusChange(s, caseRef, atRef, writes.statusChange, gate);
  }
  const written = addDeadlineOps(s, caseRef, atRef, deadlines, gate);
  if (parts.tail) {
    addNotifications(s, writes.notifications, atRef, gate);
    for (const a of writes.staircase ?? []) addStaircase(s, a, gate);
    if (sealed.length) addJournal(s, caseRef, sealed[0].seq, writes.journal ?? [], gate);
  }
  return written;
}

// ---------------------------------------------------------------------------------------------
// Statements

/**
 * A case's writes inside the caller's transaction, which holds the case row lock: usually one
 * statement, more only when deadline ops touch the same kind twice. `last`: the case's last link as
 * the caller read it under the lock (else it is read here).
 */
export async function writeCaseWrites(m: Queryable, caseId: string, writes: CaseWrites, at: Date, last?: LastLink | null): Promise<void> {
  const sealed = sealEvents(caseId, last === undefined ? await lastLink(m, caseId) : last, writes.events);
  const deadlineStatements = deadlineStatementsOf(writes.deadlines);
  const lastIndex = deadlineStatements.length - 1;
  for (let i = 0; i <= lastIndex; i++) {
    const s = new SqlStatement();
    const caseRef = s.lazy(caseId, 'uuid');
    const atRef = s.lazy(at, 'timestamptz');
    addCaseWrites(s, caseRef, atRef, writes, sealed, deadlineStatements[i], ALWAYS, { head: i === 0, tail: i === lastIndex });
    if (i === 0) addLastLink(s, caseRef, sealed);
    if (!s.isEmpty) await m.query(s.text(), s.values);
  }
}

/**
 * A command's whole write in ONE statement outside an explicit transaction (decision 100): the
 * versioned UPDATE of the case, which also moves its last link, and every other piece gated on it.
 * It holds only if neither the version nor the last link moved since the case was read (a
 * deadline step appends without a new version); otherwise nothing at all is written and the caller
 * falls back to the locking transaction. Undefined when the deadline ops need more than one
 * statement. `written` is 1 when it held, and `deadlines` are the case's as the write left them.
 */
export function commandWriteStatement(
  caseId: string,
  expectedVersion: number,
  change: CaseChange,
  writes: CaseWrites,
  at: Date,
  last: LastLink | null,
): { name: string; text: string; values: unknown[] } | undefined {
  const deadlineStatements = deadlineStatementsOf(writes.deadlines);
  if (deadlineStatements.length > 1) return undefined;
  const sealed = sealEvents(caseId, last, writes.events);
  const newest = sealed[sealed.length - 1] ?? last;
  const s = new SqlStatement();
  const caseRef = s.lazy(caseId, 'uuid');
  const atRef = s.lazy(at, 'timestamptz');
  const set = caseChangeAssignments(s, change, at);
  const u = s.with(
    'u',
    `UPDATE cases SET ${set}, version = version + 1, last_seq = ${s.$(newest?.seq ?? 0)}::int, last_hash = ${s.$(newest?.hash ?? null)}::text
     WHERE id = ${caseRef} AND version = ${s.$(expectedVersion)}::int AND anonymised_at IS NULL AND last_seq = ${s.$(last?.seq ?? 0)}::int
     RETURNING id`,
  );
  const written = addCaseWrites(s, caseRef, atRef, writes, sealed, deadlineStatements[0], `EXISTS (SELECT 1 FROM ${u})`);
  return s.named(`SELECT (SELECT count(*)::int FROM ${u}) AS written, ${deadlinesAfter(caseRef, written)} AS deadlines`);
}

/**
 * A new case in ONE statement: the case row with the next number of the owner's case series and
 * its last link, and everything else it starts with. Undefined when the deadline ops need more
 * than one statement. Parameters of the case row come from `row`, in its column order.
 */
export function openingStatement(
  caseId: string,
  ownerId: string,
  year: number,
  row: Array<[column: string, value: unknown]>,
  writes: CaseWrites,
  at: Date,
): { name: string; text: string; values: unknown[] } | undefined {
  const deadlineStatements = deadlineStatementsOf(writes.deadlines);
  if (deadlineStatements.length > 1) return undefined;
  const sealed = sealEvents(caseId, null, writes.events);
  const newest = sealed[sealed.length - 1];
  const s = new SqlStatement();
  const caseRef = s.lazy(caseId, 'uuid');
  const atRef = s.lazy(at, 'timestamptz');
  const yearRef = `${s.$(year)}::int`;
  const n = addNextNumbers(s, 'case', `${s.$(ownerId)}::uuid`, yearRef, `${s.$(1)}::int`);
  const columns = row.map(([c]) => c);
  const values = row.map(([, v]) => s.$(v));
  const c = s.with(
    'cs',
    `INSERT INTO cases (id, ${columns.join(', ')}, case_year, case_seq, last_seq, last_hash)
     SELECT ${caseRef}, ${values.join(', ')}, ${yearRef}, ${n}.last, ${s.$(newest?.seq ?? 0)}::int, ${s.$(newest?.hash ?? null)}::text FROM ${n}
     RETURNING case_seq`,
  );
  const written = addCaseWrites(s, caseRef, atRef, writes, sealed, deadlineStatements[0], ALWAYS);
  return s.named(`SELECT case_seq, ${deadlinesAfter(caseRef, written)} AS deadlines FROM ${c}`);
}

/**
 * The next number of the owner's case series, inside the caller's transaction (for a new case whose
 * writes need more than one statement). Its counter row stays locked until COMMIT.
 */
export async function nextCaseNumber(m: Queryable, ownerId: string, year: number): Promise<number> {
  const s = new SqlStatement();
  const n = addNextNumbers(s, 'case', `${s.$(ownerId)}::uuid`, `${s.$(year)}::int`, `${s.$(1)}::int`);
  const [{ last }] = (await m.query(s.text(`SELECT last FROM ${n}`), s.values)) as Array<{ last: number }>;
  return last;
}

export async function insertStaircaseAssessment(m: Queryable, a: StaircaseAssessment): Promise<void> {
  const s = new SqlStatement();
  addStaircase(s, a);
  await m.query(s.text(), s.values);
}

/** Inserts notifications once per dedupe key; those with an e-mail address queue an e-mail. */
export async function insertNotifications(m: Queryable, notifications: NewNotification[], at: Date): Promise<void> {
  if (!notifications.length) return;
  const s = new SqlStatement();
  addNotifications(s, notifications, `${s.$(at)}::timestamptz`);
  await m.query(s.text(), s.values);
}

/** Appends events after the case's last link (the caller holds the row lock); returns the seq the first of them got. */
export async function appendEvents(m: Queryable, caseId: string, events: NewEvent[], known?: LastLink | null): Promise<number> {
  const last = known === undefined ? await lastLink(m, caseId) : known;
  if (!events.length) return (last?.seq ?? 0) + 1;
  const sealed = sealEvents(caseId, last, events);
  const s = new SqlStatement();
  const caseRef = s.lazy(caseId, 'uuid');
  addEvents(s, caseRef, sealed);
  addLastLink(s, caseRef, sealed);
  await m.query(s.text(), s.values);
  return sealed[0].seq;
}

/** The case's last event (seq and hash), or null for a case without history. */
export async function lastLink(m: Queryable, caseId: string): Promise<LastLink | null> {
  const rows = (await m.query('SELECT seq, hash FROM case_events WHERE case_id = $1 ORDER BY seq DESC LIMIT 1', [caseId])) as LastLink[];
  return rows[0] ?? null;
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

/** The transition's `SET` assignments, each value a parameter of `s`. */
function caseChangeAssignments(s: SqlStatement, change: CaseChange, at: Date): string {
  return CASE_CHANGE.map(([column, value]) => `${column} = ${s.$(value(change, at))}`).join(', ');
}

/**
 * The locking transaction's first statement: the versioned UPDATE of the case, which takes its row
 * lock and returns its last link (no row: the version moved on, or the case was anonymised).
 */
export function lockingCaseUpdate(
  caseId: string,
  expectedVersion: number,
  change: CaseChange,
  at: Date,
): { text: string; values: unknown[] } {
  const s = new SqlStatement();
  const set = caseChangeAssignments(s, change, at);
  return {
    text: `UPDATE cases SET ${set}, version = version + 1
     WHERE id = ${s.$(caseId)}::uuid AND version = ${s.$(expectedVersion)}::int AND anonymised_at IS NULL
     RETURNING last_seq, last_hash`,
    values: s.values,
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

// ---------------------------------------------------------------------------------------------
// Deadline steps

type StepWritesOf = { events: NewEvent[]; notifications: NewNotification[]; escalatedTo: string[] };

/** The step marked done on the deadline (which gets the step's escalation ids at most once), and the deadline into the outbox. */
function addStepDone(
  s: SqlStatement,
  doneColumn: string,
  deadlineRef: ParamRef,
  atRef: ParamRef,
  escalatedTo: string[],
  condition = '',
): string {
  const ids = s.$(escalatedTo);
  const done = s.with(
    'sd',
    `UPDATE deadlines SET ${doneColumn} = ${atRef},
       escalated_to = escalated_to || ARRAY(SELECT x FROM unnest(${ids}::uuid[]) AS x WHERE NOT x = ANY(escalated_to))
     WHERE id = ${deadlineRef} ${condition}
     RETURNING id`,
  );
  deadlineOutbox(s, done);
  return done;
}

/**
 * A deadline step's writes in ONE statement: its history events, its notifications (and their
 * e-mails into the outbox), the step marked done, and the deadline into the outbox so the relay
 * schedules the next step. The caller holds the case and deadline locks; the events come sealed
 * after the case's last link, read under the lock.
 */
export function stepDoneStatement(
  doneColumn: string,
  caseId: string,
  last: LastLink | null,
  deadlineId: string,
  at: Date,
  writes: StepWritesOf,
  emailEnabled: boolean,
): { name: string; text: string; values: unknown[] } {
  const sealed = sealEvents(caseId, last, writes.events);
  const s = new SqlStatement();
  const caseRef = s.lazy(caseId, 'uuid');
  const atRef = s.lazy(at, 'timestamptz');
  addEvents(s, caseRef, sealed);
  addLastLink(s, caseRef, sealed);
  addNotifications(s, writes.notifications, atRef, ALWAYS, s.lazy(emailEnabled, 'boolean'));
  addStepDone(s, doneColumn, `${s.$(deadlineId)}::uuid`, atRef, writes.escalatedTo);
  return s.named();
}

/**
 * A deadline step as one statement without a transaction around it (decision 99): it holds only if
 * the case's last link is still `last` and the deadline still at `rev`, pending, and without this
 * step. The case row is taken first, as commands take it, then the deadline; every other write waits
 * on both. If the case was taken but not the deadline, trygg_deadline_step_written raises and nothing
 * is written; if the case's link moved, nothing matches. Either way the caller decides again under
 * lock. A lost commit is a step not done, which the reconciler fires again, so it does not wait for
 * the WAL flush (set_config is local to the statement's own transaction).
 */
export function stepIfUnchangedStatement(
  doneColumn: string,
  caseId: string,
  last: LastLink | null,
  deadlineId: string,
  rev: number,
  at: Date,
  writes: StepWritesOf,
  emailEnabled: boolean,
): { name: string; text: string; values: unknown[] } {
  const sealed = sealEvents(caseId, last, writes.events);
  const newest = sealed[sealed.length - 1] ?? last;
  const s = new SqlStatement();
  const caseRef = s.lazy(caseId, 'uuid');
  const atRef = s.lazy(at, 'timestamptz');
  const lk = s.with(
    'lk',
    `UPDATE cases SET last_seq = ${s.$(newest?.seq ?? 0)}::int, last_hash = ${s.$(newest?.hash ?? null)}::text
     WHERE id = ${caseRef} AND last_seq = ${s.$(last?.seq ?? 0)}::int RETURNING id`,
  );
  const done = addStepDone(
    s,
    doneColumn,
    `${s.$(deadlineId)}::uuid`,
    atRef,
    writes.escalatedTo,
    `AND rev = ${s.$(rev)}::int AND status = 'pending' AND ${doneColumn} IS NULL AND EXISTS (SELECT 1 FROM ${lk})`,
  );
  const both = `EXISTS (SELECT 1 FROM ${done})`;
  addEvents(s, caseRef, sealed, both);
  addNotifications(s, writes.notifications, atRef, both, s.lazy(emailEnabled, 'boolean'));
  return s.named(
    `SELECT trygg_deadline_step_written((SELECT count(*) FROM ${lk}), (SELECT count(*) FROM ${done})) AS written,
       set_config('synchronous_commit', 'off', true) AS commit_mode`,
  );
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
