import { DeadlineOp } from '../../cases/src/ports';
import { deadlineStatementsOf } from '../src/case-writes.sql';

const start = (kind: string, ref = ''): DeadlineOp =>
  ({
    op: 'start',
    kind,
    ref,
    dueAt: new Date(0),
    schedule: {},
    responsibleUserId: null,
    basis: {},
    policyVersion: 1,
  }) as unknown as DeadlineOp;
const meet = (...kinds: string[]): DeadlineOp => ({ op: 'meet', kinds }) as unknown as DeadlineOp;
const cancel = (kinds: string[] | 'all', ref?: string): DeadlineOp => ({ op: 'cancel', kinds, ref }) as unknown as DeadlineOp;

/** The shape of the cut: statements → pieces → a label per op. */
const shape = (ops: DeadlineOp[]) =>
  deadlineStatementsOf(ops).map((pieces) =>
    pieces.map((piece) =>
      piece.map((op) => (op.op === 'start' ? `start ${op.kind}${op.ref ? `/${op.ref}` : ''}` : `${op.op} ${op.kinds}`)),
    ),
  );

/**
 * Deadline ops go in one statement only while no two can touch the same deadline: inside one
 * statement each piece sees the rows as they were before it, so order must not matter.
 */
describe('deadline ops cut into statements', () => {
  it('ACKNOWLEDGE: meet one kind, start another, in one statement', () => {
    expect(shape([meet('acknowledge'), start('investigation')])).toEqual([[['meet acknowledge'], ['start investigation']]]);
  });

  it('consecutive starts of distinct deadlines are one piece, the same kind with other refs included', () => {
    expect(shape([start('plan'), start('measure_evaluation', 'm1'), start('measure_evaluation', 'm2')])).toEqual([
      [['start plan', 'start measure_evaluation/m1', 'start measure_evaluation/m2']],
    ]);
  });

  it('the same deadline started twice: a statement each', () => {
    expect(shape([start('plan'), start('plan')])).toEqual([[['start plan']], [['start plan']]]);
  });

  it('a kind cancelled and then started again: the start sees the cancel', () => {
    expect(shape([cancel(['plan']), start('plan')])).toEqual([[['cancel plan']], [['start plan']]]);
    expect(shape([start('plan'), meet('plan')])).toEqual([[['start plan']], [['meet plan']]]);
  });

  it('cancelling everything stands alone against anything before or after it', () => {
    expect(shape([meet('acknowledge'), cancel('all'), start('acknowledge')])).toEqual([
      [['meet acknowledge']],
      [['cancel all']],
      [['start acknowledge']],
    ]);
  });

  it('no ops: one empty statement (the case row and its history still go)', () => {
    expect(shape([])).toEqual([[]]);
  });
});
