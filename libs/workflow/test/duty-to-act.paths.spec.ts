import { getSimplePaths } from 'xstate/graph';
import { applyCommand, CASE_STATES, CaseEvent, dutyToActMachine, openCase, Outcome, REGIMES } from '../src';
import { completePlan, ev, involvedStaff, openInput, owner, principal } from './fixtures';

/**
 * Every simple path through the duty-to-act machine (xstate/graph), for both regimes and for the
 * ordinary, staff-offence and leadership-offence routes. Each path is replayed through the pure
 * driver the use cases call, so the graph and the production code cannot drift apart.
 */
function eventsFor(leader: typeof principal): CaseEvent[] {
  return [
    ev('ACKNOWLEDGE', leader),
    ev('RECORD_CHILD_VOICE', involvedStaff, { childId: 'c1', heardBy: 'larer', summary: 's' }),
    ev('CONCLUDE_INVESTIGATION', leader, { outcome: 'safe', summary: 's', bestInterest: 'b' }),
    ev('CONCLUDE_INVESTIGATION', leader, { outcome: 'not_safe', summary: 's', bestInterest: 'b' }),
    ev('SUBMIT_PLAN', involvedStaff, { plan: completePlan }),
    ev('APPROVE_PLAN', leader),
    ev('RETURN_PLAN', leader, { reason: 'r' }),
    ev('START_EVALUATION', involvedStaff),
    ev('EVALUATE', leader, { outcome: 'resolved', summary: 's', childVoice: 'c' }),
    ev('EVALUATE', leader, { outcome: 'continue', summary: 's', childVoice: 'c', nextEvaluationAt: '2027-04-01' }),
    ev('EVALUATE', leader, { outcome: 'revise', summary: 's', childVoice: 'c' }),
    ev('CLOSE', leader, { summary: 's' }),
    ev('REOPEN', leader, { reason: 'r' }),
    ev('ASSESS_STAIRCASE', involvedStaff, { groupId: 'g1', step: 3, basis: 'b' }),
  ];
}

const routes = [
  { name: 'ordinary', over: {}, leader: principal },
  { name: 'child says unsafe', over: { childSaysUnsafe: true }, leader: principal },
  { name: 'staff offence', over: { staffOffender: true }, leader: principal },
  { name: 'leadership offence (owner leads)', over: { staffOffender: true, offenderIsLeadership: true }, leader: owner },
];

describe.each(REGIMES)('every simple path, %s', (regime) => {
  describe.each(routes)('$name', ({ over, leader }) => {
    const input = openInput(over, regime);
    const paths = getSimplePaths(dutyToActMachine, {
      input,
      events: eventsFor(leader),
      serializeState: (s) => JSON.stringify([s.value, s.context.childVoices.length > 0]),
      limit: 10_000,
    });

    it('reaches every state', () => {
      const reached = new Set(paths.map((p) => JSON.stringify(p.state.value)));
      for (const state of CASE_STATES) {
        const expected = state === 'closed' ? '"closed"' : JSON.stringify({ open: state });
        expect(reached).toContain(expected);
      }
      expect(paths.length).toBeGreaterThan(20);
    });

    it('replays each path through the driver to the same state', () => {
      for (const path of paths) {
        let outcome: Outcome = openCase(input);
        for (const step of path.steps.slice(1)) {
          const next = applyCommand(outcome.snapshot, step.event as CaseEvent);
          expect(next).toBeDefined();
          outcome = next!;
        }
        expect(outcome.snapshot.value).toEqual(JSON.parse(JSON.stringify(path.state.value)));
      }
    });

    it('never closes a case the child says is unsafe without measures being evaluated', () => {
      if (!input.childSaysUnsafe) return;
      for (const path of paths) {
        if (!path.state.matches('closed')) continue;
        const types = path.steps.map((s) => s.event.type);
        expect(types).toContain('APPROVE_PLAN');
        expect(types.some((t) => t === 'EVALUATE' || t === 'CLOSE')).toBe(true);
      }
    });
  });
});
