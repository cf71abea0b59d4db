import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { DEADLINE_STEPS, DeadlineStep } from '../../workflow/src';
import { CaseWrites, DeadlineOp, DeadlineRecord, NewEvent, NewNotification } from '../../cases/src/ports';

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

export async function writeCaseWrites(m: EntityManager, caseId: string, writes: CaseWrites, at: Date): Promise<void> {
  await appendEvents(m, caseId, writes.events);
  const touched = await applyDeadlines(m, caseId, writes.deadlines, at);
  await writeOutbox(m, 'deadline', touched);
  await insertNotifications(m, writes.notifications, at);
}

export async function appendEvents(m: EntityManager, caseId: string, events: NewEvent[]): Promise<void> {
  if (!events.length) return;
  const [{ max }] = await m.query('SELECT coalesce(max(seq), 0)::int AS max FROM case_events WHERE case_id = $1', [caseId]);
  let seq = max as number;
  for (const e of events) {
    seq += 1;
    await m.query(
      `INSERT INTO case_events (case_id, seq, type, actor_user_id, actor_role, at, payload, recorded_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$6)`,
      [caseId, seq, e.type, e.actorUserId, e.actorRole, e.at, JSON.stringify(e.payload)],
    );
  }
}

/** Applies deadline ops in order; returns the ids of deadlines created, moved, met or cancelled. */
async function applyDeadlines(m: EntityManager, caseId: string, ops: DeadlineOp[], at: Date): Promise<string[]> {
  const touched: string[] = [];
  for (const op of ops) {
    if (op.op === 'start') {
      const s = op.schedule;
      // A running deadline keeps its due date (the plan deadline after a returned plan); one
      // set on a date people chose moves with that date, and its steps start over.
      const rows: Array<{ id: string }> = await m.query(
        `INSERT INTO deadlines (id, case_id, kind, ref, due_at, status, responsible_user_id, basis, policy_version, created_at,
           remind_at, start_evaluation_at, escalate_principal_at, escalate_owner_at)
         VALUES ($1,$2,$3,$4,$5,'pending',$6,$7,$8,$9,$10,$11,$12,$13)
         ON CONFLICT (case_id, kind, ref) WHERE status = 'pending' DO UPDATE SET
           due_at = EXCLUDED.due_at, responsible_user_id = EXCLUDED.responsible_user_id, basis = EXCLUDED.basis,
           policy_version = EXCLUDED.policy_version, remind_at = EXCLUDED.remind_at,
           start_evaluation_at = EXCLUDED.start_evaluation_at, escalate_principal_at = EXCLUDED.escalate_principal_at,
           escalate_owner_at = EXCLUDED.escalate_owner_at, rev = deadlines.rev + 1,
           reminded_at = NULL, evaluation_started_at = NULL, overdue_at = NULL,
           escalated_principal_at = NULL, escalated_owner_at = NULL
         WHERE deadlines.basis->>'rule' = 'on_date' AND deadlines.due_at <> EXCLUDED.due_at
         RETURNING id`,
        [
          randomUUID(),
          caseId,
          op.kind,
          op.ref,
          op.dueAt,
          op.responsibleUserId,
          JSON.stringify(op.basis),
          op.policyVersion,
          at,
          s.remind,
          s.start_evaluation,
          s.escalate_principal,
          s.escalate_owner,
        ],
      );
      touched.push(...rows.map((r) => r.id));
    } else {
      const status = op.op === 'meet' ? 'met' : 'cancelled';
      const all = op.kinds === 'all';
      // UPDATE … RETURNING comes back from TypeORM as [rows, affected].
      const [rows]: [Array<{ id: string }>, number] = await m.query(
        `UPDATE deadlines SET status = $2, resolved_at = $3
         WHERE case_id = $1 AND status = 'pending' AND ($4::boolean OR kind = ANY($5::text[]))
         RETURNING id`,
        [caseId, status, at, all, all ? [] : op.kinds],
      );
      touched.push(...rows.map((r) => r.id));
    }
  }
  return touched;
}

/** Inserts notifications once per dedupe key; those with an e-mail address queue an e-mail. */
export async function insertNotifications(m: EntityManager, notifications: NewNotification[], at: Date): Promise<void> {
  for (const n of notifications) {
    const rows: Array<{ id: string; email_status: string }> = await m.query(
      `INSERT INTO notifications (id, dedupe_key, user_id, owner_id, unit_id, case_id, group_id, deadline_id, kind, created_at, email_status)
       SELECT $1,$2,$3,$4,$5,$6,$7,$8,$9,$10, CASE WHEN u.email IS NULL THEN 'none' ELSE 'pending' END
       FROM users u WHERE u.id = $3
       ON CONFLICT (dedupe_key) DO NOTHING
       RETURNING id, email_status`,
      [randomUUID(), n.dedupeKey, n.userId, n.ownerId, n.unitId, n.caseId, n.groupId ?? null, n.deadlineId, n.kind, at],
    );
    await writeOutbox(m, 'email', rows.filter((r) => r.email_status === 'pending').map((r) => r.id));
  }
}

/** Side effects leave through the outbox, in the same transaction as the change that owes them. */
export async function writeOutbox(m: EntityManager, topic: 'deadline' | 'email', refs: string[]): Promise<void> {
  if (!refs.length) return;
  await m.query(`INSERT INTO outbox (topic, ref) SELECT $1, unnest($2::uuid[])`, [topic, refs]);
}

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
