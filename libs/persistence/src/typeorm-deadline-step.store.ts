import { DataSource } from 'typeorm';
import { DeadlineStep } from '../../workflow/src';
import { DeadlineAtWork, DeadlineStepStore, StepWrites } from '../../cases/src/ports';
import { appendEvents, insertNotifications, STEP_COLUMNS, toDeadline, writeOutbox } from './case-writes.sql';
import { toRecord } from './typeorm-case.store';

/** PostgreSQL side of deadline steps: lock, decide, write, mark done, and queue the next step. */
export class TypeormDeadlineStepStore implements DeadlineStepStore {
  constructor(private readonly ds: DataSource) {}

  async read(deadlineId: string): Promise<DeadlineAtWork | undefined> {
    const [d] = await this.ds.query('SELECT * FROM deadlines WHERE id = $1', [deadlineId]);
    if (!d) return undefined;
    const [c] = await this.ds.query('SELECT * FROM cases WHERE id = $1', [d.case_id]);
    return c ? { deadline: toDeadline(d), case: toRecord(c) } : undefined;
  }

  doStep(deadlineId: string, step: DeadlineStep, decide: (work: DeadlineAtWork) => Promise<StepWrites | null>, at: Date): Promise<boolean> {
    return this.ds.transaction(async (m) => {
      const [ref] = await m.query('SELECT case_id FROM deadlines WHERE id = $1', [deadlineId]);
      if (!ref) return false;
      // Case first, then deadline: the same lock order as a command's transaction.
      const [c] = await m.query('SELECT * FROM cases WHERE id = $1 FOR UPDATE', [ref.case_id]);
      const [d] = await m.query('SELECT * FROM deadlines WHERE id = $1 FOR UPDATE', [deadlineId]);
      const writes = await decide({ deadline: toDeadline(d), case: toRecord(c) });
      if (!writes) return false;
      await appendEvents(m, ref.case_id, writes.events);
      await insertNotifications(m, writes.notifications, at);
      await m.query(
        `UPDATE deadlines SET ${STEP_COLUMNS[step].done} = $2,
           escalated_to = escalated_to || ARRAY(SELECT x FROM unnest($3::uuid[]) AS x WHERE NOT x = ANY(escalated_to))
         WHERE id = $1`,
        [deadlineId, at, writes.escalatedTo],
      );
      // The next step of this deadline is scheduled by the relay, like every other change.
      await writeOutbox(m, 'deadline', [deadlineId]);
      return true;
    });
  }
}
