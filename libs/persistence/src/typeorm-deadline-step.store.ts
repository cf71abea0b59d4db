import { DataSource } from 'typeorm';
import { DeadlineStep } from '../../workflow/src';
import { CaseHeader, DeadlineAtWork, DeadlineStepStore, StepWrites } from '../../cases/src/ports';
import { revive, STEP_COLUMNS, stepDoneStatement, stepIfUnchangedStatement, toDeadline } from './case-writes.sql';
import { namedQuery, withPooledClient } from './named-query';

/** How a step was written: by the one statement on what was read, or decided again under lock. */
export type StepWritePath = 'as_read' | 'under_lock';

/** PostgreSQL side of deadline steps: lock, decide, write, mark done, and queue the next step. */
export class TypeormDeadlineStepStore implements DeadlineStepStore {
  constructor(
    private readonly ds: DataSource,
    /** Whether this worker sends e-mail; if not, its notifications are marked skipped at once. */
    private readonly emailEnabled = true,
    /** Told how each written step was written: as read, or decided again under lock (for metrics). */
    private readonly onWritten: (path: StepWritePath) => void = () => undefined,
  ) {}

  async read(deadlineId: string): Promise<DeadlineAtWork | undefined> {
    const row = await this.readWithLink(deadlineId);
    return row ? toWork(row) : undefined;
  }

  /** The deadline with its case's header and the case's last history link, unlocked. */
  private async readWithLink(deadlineId: string): Promise<(HeaderRow & { last_seq: number; last_hash: string | null }) | undefined> {
    const [row] = await namedQuery(this.ds, {
      name: 'deadline-step-read',
      text: `SELECT ${HEADER}, row_to_json(d) AS d, c.last_seq, c.last_hash FROM cases c JOIN deadlines d ON d.case_id = c.id WHERE d.id = $1`,
      values: [deadlineId],
    });
    return row as unknown as (HeaderRow & { last_seq: number; last_hash: string | null }) | undefined;
  }

  async doStep(
    deadlineId: string,
    step: DeadlineStep,
    decide: (work: DeadlineAtWork) => Promise<StepWrites | null>,
    at: Date,
  ): Promise<boolean> {
    // Steps are frequent (a thousand a second at peak). Most find the case as they read it: one
    // read and one statement that holds only if nothing moved (decision 99). A step whose case or
    // deadline moved meanwhile is decided again under lock.
    const row = await this.readWithLink(deadlineId);
    const work = row ? toWork(row) : undefined;
    // What makes a step stale or done never reverts (a revision only grows, a met deadline stays
    // met), so an unlocked read may say no.
    const writes = work ? await decide(work) : null;
    if (!row || !work || !writes) return false;
    const last = row.last_seq ? { seq: row.last_seq, hash: row.last_hash! } : null;
    const statement = stepIfUnchangedStatement(
      STEP_COLUMNS[step].done,
      work.case.id,
      last,
      deadlineId,
      work.deadline.rev,
      at,
      writes,
      this.emailEnabled,
    );
    const written = await withPooledClient(this.ds, async (client) => {
      try {
        return (await client.query(statement)).rows[0].written === 1;
      } catch (e) {
        // The deadline moved after the read: nothing was written, and the connection is fine.
        if ((e as { code?: string }).code === '40001') return false;
        throw e;
      }
    });
    if (written) {
      this.onWritten('as_read');
      return true;
    }
    const underLock = await this.doStepUnderLock(deadlineId, step, decide, at);
    if (underLock) this.onWritten('under_lock');
    return underLock;
  }

  /** The step decided and written under the case's and the deadline's row locks. */
  private async doStepUnderLock(
    deadlineId: string,
    step: DeadlineStep,
    decide: (work: DeadlineAtWork) => Promise<StepWrites | null>,
    at: Date,
  ): Promise<boolean> {
    // Three round trips on a pooled pg client: (1) begin, lock, and read the case's last chain link,
    // as one multi-statement query; (2) write everything in one named statement; (3) commit.
    // A client whose transaction failed is discarded rather than reused (withPooledClient).
    return withPooledClient(this.ds, async (client) => {
      try {
        const [, , locked] = (await client.query(lockAndLastLinkSql(deadlineId))) as unknown as Array<{ rows: Record<string, unknown>[] }>;
        const row = locked.rows[0];
        const work = row ? toWork(row as unknown as HeaderRow) : undefined;
        const writes = work ? await decide(work) : null;
        if (!work || !writes) {
          await client.query('ROLLBACK');
          return false;
        }
        const column = STEP_COLUMNS[step].done;
        const last = row.last_seq ? { seq: row.last_seq as number, hash: row.last_hash as string } : null;
        await client.query(stepDoneStatement(column, work.case.id, last, deadlineId, at, writes, this.emailEnabled));
        await client.query('COMMIT');
        return true;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      }
    });
  }
}

/**
 * The commit need not wait for the WAL flush: if the database crashes before it, the step is simply
 * not done and the reconciler fires it again (idempotent, deduplicated); people's commands keep fully
 * synchronous commits. trygg_lock_deadline_step (migration 1764300000000) locks the case, then the
 * deadline, then reads the case's last chain link with a fresh snapshot. A multi-statement query has
 * no parameters, so the id is inlined only after it is proven a UUID.
 */
function lockAndLastLinkSql(deadlineId: string): string {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(deadlineId))
    throw new Error(`not a deadline id: ${deadlineId}`);
  return `BEGIN; SET LOCAL synchronous_commit = off; SELECT * FROM trygg_lock_deadline_step('${deadlineId}')`;
}

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
