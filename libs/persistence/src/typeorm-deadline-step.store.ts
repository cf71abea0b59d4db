import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { DeadlineStep } from '../../workflow/src';
import { CaseHeader, DeadlineAtWork, DeadlineStepStore, StepWrites } from '../../cases/src/ports';
import { STEP_COLUMNS, stepDoneParams, stepDoneSql, toDeadline } from './case-writes.sql';

/** PostgreSQL side of deadline steps: lock, decide, write, mark done, and queue the next step. */
export class TypeormDeadlineStepStore implements DeadlineStepStore {
  constructor(
    private readonly ds: DataSource,
    /** Whether this worker sends e-mail; if not, its notifications are marked skipped at once. */
    private readonly emailEnabled = true,
  ) {}

  async read(deadlineId: string): Promise<DeadlineAtWork | undefined> {
    const [row] = await this.ds.query(`SELECT ${HEADER}, row_to_json(d) AS d FROM cases c JOIN deadlines d ON d.case_id = c.id WHERE d.id = $1`, [deadlineId]);
    return row ? toWork(row) : undefined;
  }

  async doStep(deadlineId: string, step: DeadlineStep, decide: (work: DeadlineAtWork) => Promise<StepWrites | null>, at: Date): Promise<boolean> {
    // Steps are frequent (a thousand a second at peak): five round trips (begin, lock, the last
    // chain link, write everything in one statement, commit) on a pooled pg client with named statements, so
    // PostgreSQL parses and plans them once per connection.
    const [client, release] = (await (this.ds.driver as PostgresDriver).obtainMasterConnection()) as [PgClient, (e?: unknown) => void];
    let failed: unknown;
    try {
      // The commit need not wait for the WAL flush: if the database crashes before it, the step
      // is simply not done and the reconciler fires it again (idempotent, deduplicated). People's
      // commands keep fully synchronous commits.
      await client.query('BEGIN; SET LOCAL synchronous_commit = off');
      // Case before deadline (FOR UPDATE locks in FROM order): the same order as a command's transaction.
      const { rows } = await client.query({ name: 'deadline-step-lock', text: LOCK_SQL, values: [deadlineId] });
      const work = rows[0] ? toWork(rows[0] as unknown as HeaderRow) : undefined;
      const writes = work ? await decide(work) : null;
      if (!work || !writes) {
        await client.query('ROLLBACK');
        return false;
      }
      const column = STEP_COLUMNS[step].done;
      const link = (await client.query({ name: 'deadline-step-last-link', text: LAST_LINK_SQL, values: [work.case.id] })).rows[0];
      const last = link ? { seq: link.seq as number, hash: link.hash as string } : null;
      await client.query({ name: `deadline-step-done-${step}`, text: stepDoneSql(column), values: stepDoneParams(work.case.id, last, deadlineId, at, writes, this.emailEnabled) });
      await client.query('COMMIT');
      return true;
    } catch (e) {
      failed = e;
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      // A client whose transaction failed is discarded rather than reused.
      release(failed);
    }
  }
}

interface PgClient {
  query(q: string | { name: string; text: string; values: unknown[] }): Promise<{ rows: Record<string, unknown>[] }>;
}

const LOCK_SQL = `SELECT c.id, c.owner_id, c.unit_id, c.state, c.handled_by, row_to_json(d) AS d
  FROM cases c JOIN deadlines d ON d.case_id = c.id WHERE d.id = $1 FOR UPDATE OF c, d`;

/** Read after the lock is held (a lookup inside the locking statement could see a stale last event). */
const LAST_LINK_SQL = 'SELECT seq, hash FROM case_events WHERE case_id = $1 ORDER BY seq DESC LIMIT 1';

const HEADER = 'c.id, c.owner_id, c.unit_id, c.state, c.handled_by';

interface HeaderRow {
  id: string;
  owner_id: string;
  unit_id: string;
  state: CaseHeader['state'];
  handled_by: CaseHeader['handledBy'];
  d: Record<string, unknown>;
}

function toWork(r: HeaderRow): DeadlineAtWork {
  return {
    deadline: toDeadline(revive(r.d)),
    case: { id: r.id, ownerId: r.owner_id, unitId: r.unit_id, state: r.state, handledBy: r.handled_by },
  };
}

const TIMESTAMP_COLUMNS = /_at$/;

/** row_to_json gives timestamps as strings; the mappers expect Dates as pg returns them. */
function revive(r: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r)) out[k] = TIMESTAMP_COLUMNS.test(k) && typeof v === 'string' ? new Date(v) : v;
  return out;
}
