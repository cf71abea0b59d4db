import { CaseRecord, DeadlineAtWork, StepWrites, verifyChain } from '../../libs/cases/src';
import { TypeormDeadlineStepStore } from '../../libs/persistence/src';
import { DEMO_CHILDREN } from '../../libs/persistence/src/seed/demo-data';
import { concern, MediumRig, noteWrites, startMediumRig, unchangedOf } from './medium-rig';

const overdue = (work: DeadlineAtWork, at: Date): StepWrites => ({
  events: [
    {
      type: 'DEADLINE_OVERDUE',
      actorUserId: null,
      actorRole: 'system',
      at,
      payload: { deadlineId: work.deadline.id, kind: work.deadline.kind },
    },
  ],
  notifications: [],
  escalatedTo: [],
});

/**
 * A deadline step is one read and one statement that holds only if nothing moved (decision 98);
 * otherwise it is decided again under lock. Each way, the history stays one unbroken chain and the
 * step is done once.
 */
describe('TypeormDeadlineStepStore', () => {
  let rig: MediumRig;
  let steps: TypeormDeadlineStepStore;
  const paths: string[] = [];
  beforeAll(async () => {
    rig = await startMediumRig();
    steps = new TypeormDeadlineStepStore(rig.ds, false, (path) => paths.push(path));
  });
  beforeEach(() => (paths.length = 0));
  afterAll(() => rig.close());

  /** A fresh case with its pending acknowledgement deadline. */
  async function caseWithDeadline(): Promise<{ rec: CaseRecord; deadlineId: string }> {
    const view = await rig.open.execute(await rig.user('larer'), concern('demoSkole', [DEMO_CHILDREN[0].id]));
    const [deadline] = await rig.store.deadlines(view.id);
    return { rec: (await rig.store.get(view.id))!, deadlineId: deadline.id };
  }

  async function expectSound(caseId: string): Promise<void> {
    const chain = await rig.store.chain(caseId);
    expect(verifyChain(chain)).toMatchObject({ valid: true });
    expect((await rig.store.get(caseId))!.lastLink).toEqual({ seq: chain.at(-1)!.seq, hash: chain.at(-1)!.hash });
  }

  const doneOf = async (deadlineId: string): Promise<Date | null> =>
    ((await rig.ds.query('SELECT overdue_at FROM deadlines WHERE id = $1', [deadlineId])) as Array<{ overdue_at: Date | null }>)[0]
      .overdue_at;

  /**
   * The overdue step with `meanwhile` done between its read and its write (its first decision);
   * `again` is what it decides the second time, under lock.
   */
  async function stepWithMeanwhile(
    deadlineId: string,
    at: Date,
    meanwhile: () => Promise<void>,
    again: (work: DeadlineAtWork) => StepWrites | null = (work) => overdue(work, at),
  ): Promise<{ written: boolean; decided: number }> {
    let decided = 0;
    const written = await steps.doStep(
      deadlineId,
      'overdue',
      async (work) => {
        if (decided++ > 0) return again(work);
        await meanwhile();
        return overdue(work, at);
      },
      at,
    );
    return { written, decided };
  }

  it('a case as the step read it: the event, the link, the step and its outbox row in one statement', async () => {
    const { rec, deadlineId } = await caseWithDeadline();
    const at = rig.clock.now();
    let decided = 0;
    const outboxBefore = await rig.ds.query(`SELECT count(*)::int AS n FROM outbox WHERE topic = 'deadline' AND ref = $1`, [deadlineId]);
    expect(await steps.doStep(deadlineId, 'overdue', async (work) => (decided++, overdue(work, at)), at)).toBe(true);
    expect(decided).toBe(1);
    expect(paths).toEqual(['as_read']);
    const events = await rig.store.events(rec.id);
    expect(events.at(-1)).toMatchObject({ type: 'DEADLINE_OVERDUE', seq: rec.lastLink!.seq + 1 });
    expect(await doneOf(deadlineId)).toEqual(at);
    const outboxAfter = await rig.ds.query(`SELECT count(*)::int AS n FROM outbox WHERE topic = 'deadline' AND ref = $1`, [deadlineId]);
    expect(outboxAfter[0].n).toBe(outboxBefore[0].n + 1);
    await expectSound(rec.id);
    // Delivered again: the step is done, and nothing more is written.
    expect(await steps.doStep(deadlineId, 'overdue', async (work) => (work.deadline.done.overdue ? null : overdue(work, at)), at)).toBe(
      false,
    );
    expect(await rig.store.events(rec.id)).toHaveLength(events.length);
  });

  it('a command appended after the read: the step is decided again under lock and goes after it', async () => {
    const { rec, deadlineId } = await caseWithDeadline();
    const at = rig.clock.now();
    // Someone adds a note between the step's read and its write.
    const { written, decided } = await stepWithMeanwhile(deadlineId, at, async () => {
      expect(await rig.store.commit(rec.id, rec.version, unchangedOf(rec), noteWrites(at, 'meanwhile'), at, rec.lastLink)).toBeTruthy();
    });
    expect(written).toBe(true);
    expect(decided).toBe(2);
    expect(paths).toEqual(['under_lock']);
    expect((await rig.store.events(rec.id)).slice(-2).map((e) => e.type)).toEqual(['ADD_NOTE', 'DEADLINE_OVERDUE']);
    await expectSound(rec.id);
  });

  it('the deadline moved after the read but the case did not: the statement writes nothing at all, and the step is decided again', async () => {
    const { rec, deadlineId } = await caseWithDeadline();
    const at = rig.clock.now();
    const before = await rig.store.events(rec.id);
    const { written, decided } = await stepWithMeanwhile(
      deadlineId,
      at,
      // The same step, delivered twice, done by another worker that had nothing to record.
      async () => void (await rig.ds.query('UPDATE deadlines SET overdue_at = $2 WHERE id = $1', [deadlineId, at])),
      (work) => (work.deadline.done.overdue ? null : overdue(work, at)),
    );
    expect(written).toBe(false);
    expect(decided).toBe(2);
    expect(paths).toEqual([]);
    // Not the event, nor the case's link to it: the statement that had taken the case row wrote nothing.
    expect(await rig.store.events(rec.id)).toEqual(before);
    await expectSound(rec.id);
  });
});
