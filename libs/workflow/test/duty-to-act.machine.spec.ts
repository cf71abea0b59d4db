import {
  applyCommand,
  commandsAcceptedNow,
  openCase,
  Outcome,
  PersistedCase,
  CaseEvent,
  planViolations,
  migrateSnapshot,
  DUTY_TO_ACT_MACHINE_VERSION,
  SYSTEM_ACTOR,
} from '../src';
import { AT, auditor, completePlan, ev, involvedStaff, openInput, otherStaff, owner, principal } from './fixtures';

function run(start: PersistedCase, ...events: CaseEvent[]): Outcome {
  let outcome: Outcome | undefined = { snapshot: start, state: 'reported', effects: [] };
  for (const e of events) {
    outcome = applyCommand(outcome.snapshot, e);
    if (!outcome) throw new Error(`refused: ${e.type}`);
  }
  return outcome;
}

const heardEva = ev('RECORD_CHILD_VOICE', principal, { childId: 'c1', heardAt: AT, heardBy: 'rektor', summary: 'says it is fine now' });
const ack = ev('ACKNOWLEDGE', principal);
const notSafe = ev('CONCLUDE_INVESTIGATION', principal, { outcome: 'not_safe', summary: 's', bestInterest: 'b' });
const safe = ev('CONCLUDE_INVESTIGATION', principal, { outcome: 'safe', summary: 's', bestInterest: 'b' });
const submit = ev('SUBMIT_PLAN', involvedStaff, { plan: completePlan });
const approve = ev('APPROVE_PLAN', principal);

function inState(name: string, over = {}): PersistedCase {
  const open = openCase(openInput(over)).snapshot;
  const steps: Record<string, CaseEvent[]> = {
    reported: [],
    investigating: [ack],
    planning: [ack, notSafe],
    awaiting_approval: [ack, notSafe, submit],
    active: [ack, notSafe, submit, approve],
    evaluating: [ack, notSafe, submit, approve, ev('START_EVALUATION', principal)],
    closed: [ack, heardEva, safe],
  };
  return steps[name].length ? run(open, ...steps[name]).snapshot : open;
}

describe('opening a concern', () => {
  it('starts reported with an acknowledgement deadline for whoever leads the case', () => {
    const o = openCase(openInput());
    expect(o.state).toBe('reported');
    expect(o.snapshot.machineVersion).toBe(DUTY_TO_ACT_MACHINE_VERSION);
    expect(o.snapshot.context.legalBasis).toEqual(['opplæringslova §12-4']);
    expect(o.effects).toEqual([{ type: 'startDeadline', kind: 'acknowledge', ref: '', basis: { rule: 'acknowledge' } }]);
  });

  it('kindergarten cases are under barnehageloven §42', () => {
    expect(openCase(openInput({}, 'kindergarten')).snapshot.context.legalBasis).toEqual(['barnehageloven §42']);
  });

  it('staffOffender: §12-5 / §43, owner notified at once, acknowledged within hours', () => {
    const s = openCase(openInput({ staffOffender: true }));
    expect(s.snapshot.context.legalBasis).toEqual(['opplæringslova §12-4', 'opplæringslova §12-5']);
    expect(s.snapshot.context.ownerNotified).toBe(true);
    expect(s.effects).toContainEqual({ type: 'notifyOwner', reason: 'staff_offence' });
    expect(s.effects[0]).toMatchObject({ basis: { rule: 'acknowledge_staff_offence' } });
    const k = openCase(openInput({ staffOffender: true }, 'kindergarten'));
    expect(k.snapshot.context.legalBasis).toEqual(['barnehageloven §42', 'barnehageloven §43']);
  });

  it('offenderIsLeadership routes the case to the owner; without staffOffender it is ignored', () => {
    expect(openCase(openInput({ staffOffender: true, offenderIsLeadership: true })).snapshot.context.handledBy).toBe('owner');
    expect(openCase(openInput({ staffOffender: false, offenderIsLeadership: true })).snapshot.context.handledBy).toBe('principal');
  });
});

describe('guards, each both ways', () => {
  it('actorLeadsCase: only the principal acknowledges; the owner when handledBy is owner', () => {
    const s = inState('reported');
    expect(applyCommand(s, ev('ACKNOWLEDGE', involvedStaff))).toBeUndefined();
    expect(applyCommand(s, ev('ACKNOWLEDGE', owner))).toBeUndefined();
    expect(applyCommand(s, ev('ACKNOWLEDGE', principal))?.state).toBe('investigating');
    const lead = openCase(openInput({ staffOffender: true, offenderIsLeadership: true })).snapshot;
    expect(applyCommand(lead, ev('ACKNOWLEDGE', principal))).toBeUndefined();
    expect(applyCommand(lead, ev('ACKNOWLEDGE', owner))?.state).toBe('investigating');
  });

  it('actorTakesPart: involved staff may add notes, uninvolved staff and auditors may not', () => {
    const s = inState('investigating');
    expect(applyCommand(s, ev('ADD_NOTE', involvedStaff, { kind: 'observation', text: 'x' }))).toBeDefined();
    expect(applyCommand(s, ev('ADD_NOTE', otherStaff, { kind: 'observation', text: 'x' }))).toBeUndefined();
    expect(applyCommand(s, ev('ADD_NOTE', auditor, { kind: 'observation', text: 'x' }))).toBeUndefined();
  });

  it('childInCase: the voice of a child not in the case is refused', () => {
    const s = inState('investigating');
    expect(applyCommand(s, ev('RECORD_CHILD_VOICE', principal, { childId: 'c1', summary: 'x' }))).toBeDefined();
    expect(applyCommand(s, ev('RECORD_CHILD_VOICE', principal, { childId: 'zz', summary: 'x' }))).toBeUndefined();
  });

  it('childVoiceOnRecord: "safe" needs every child heard or a reason why not', () => {
    const s = inState('investigating');
    expect(applyCommand(s, safe)).toBeUndefined();
    const heard = applyCommand(s, heardEva)!.snapshot;
    expect(applyCommand(heard, safe)?.state).toBe('closed');
    const notHeard = applyCommand(s, ev('RECORD_CHILD_VOICE', principal, { childId: 'c1', notHeardReason: 'ill for two weeks' }))!.snapshot;
    expect(applyCommand(notHeard, safe)?.state).toBe('closed');
  });

  it('childSaysUnsafe: the child\'s experience decides, "safe" is refused even when heard', () => {
    const s = applyCommand(inState('investigating', { childSaysUnsafe: true }), heardEva)!.snapshot;
    expect(applyCommand(s, safe)).toBeUndefined();
    expect(applyCommand(s, ev('CLOSE', principal, { summary: 'x' }))).toBeUndefined();
    expect(applyCommand(s, notSafe)?.state).toBe('planning');
  });

  it('CLOSE from investigating follows the same rules as concluding safe', () => {
    const s = inState('investigating');
    expect(applyCommand(s, ev('CLOSE', principal, { summary: 'x' }))).toBeUndefined();
    const heard = applyCommand(s, heardEva)!.snapshot;
    const closed = applyCommand(heard, ev('CLOSE', principal, { summary: 'x' }))!;
    expect(closed.state).toBe('closed');
    expect(closed.snapshot.context.investigationOutcome).toBe('safe');
  });

  it('planHasFiveElements: an incomplete plan is refused, a complete one accepted', () => {
    const s = inState('planning');
    const noProblem = { ...completePlan, problem: ' ' };
    expect(applyCommand(s, ev('SUBMIT_PLAN', principal, { plan: noProblem }))).toBeUndefined();
    expect(applyCommand(s, ev('SUBMIT_PLAN', principal, { plan: { ...completePlan, measures: [] } }))).toBeUndefined();
    expect(applyCommand(s, ev('SUBMIT_PLAN', principal, { plan: { ...completePlan, evaluateAt: '2027-02-01' } }))).toBeUndefined();
    expect(applyCommand(s, submit)?.state).toBe('awaiting_approval');
  });

  it('measureInPlan and actorIsResponsibleForMeasure', () => {
    const s = inState('active');
    const rec = (actor = involvedStaff, measureId = 'm1') =>
      applyCommand(s, ev('RECORD_MEASURE', actor, { measureId, status: 'done', note: 'n' }));
    expect(rec()?.snapshot.context.measureStatus).toEqual({ m1: 'done' });
    expect(rec(principal)).toBeDefined();
    expect(rec(involvedStaff, 'nope')).toBeUndefined();
    expect(rec({ ...otherStaff, involved: true })).toBeUndefined();
  });

  it('alreadySerious: MARK_SERIOUS once, then refused', () => {
    const once = applyCommand(inState('investigating'), ev('MARK_SERIOUS', principal, { reason: 'r' }))!;
    expect(once.effects).toEqual([{ type: 'notifyOwner', reason: 'serious' }]);
    expect(once.snapshot.context).toMatchObject({ serious: true, ownerNotified: true });
    expect(applyCommand(once.snapshot, ev('MARK_SERIOUS', principal, { reason: 'r' }))).toBeUndefined();
    expect(applyCommand(inState('investigating'), ev('MARK_SERIOUS', involvedStaff, { reason: 'r' }))).toBeUndefined();
  });

  it('evaluationContinues needs a valid next date not in the past', () => {
    const s = inState('evaluating');
    const evaluate = (nextEvaluationAt?: string) =>
      applyCommand(s, ev('EVALUATE', principal, { outcome: 'continue', summary: 's', childVoice: 'c', nextEvaluationAt }));
    expect(evaluate(undefined)).toBeUndefined();
    expect(evaluate('2027-02-30')).toBeUndefined();
    expect(evaluate('2027-02-01')).toBeUndefined();
    const ok = evaluate('2027-04-01')!;
    expect(ok.state).toBe('active');
    expect(ok.effects).toContainEqual({
      type: 'startDeadline',
      kind: 'plan_evaluation',
      ref: '',
      basis: { rule: 'on_date', date: '2027-04-01' },
    });
  });
});

describe('evaluationDateReached: Trygg starts the evaluation itself', () => {
  it("only on or after the plan's evaluation date, and only as the system", () => {
    const active = inState('active'); // completePlan.evaluateAt = 2027-03-20
    expect(applyCommand(active, ev('START_EVALUATION', SYSTEM_ACTOR, undefined, '2027-03-19T23:59:00+01:00'))).toBeUndefined();
    const started = applyCommand(active, ev('START_EVALUATION', SYSTEM_ACTOR, undefined, '2027-03-20T00:00:01+01:00'));
    expect(started?.state).toBe('evaluating');
    expect(started?.effects).toEqual([]);
    // A person not taking part gets nothing from the date having come.
    expect(applyCommand(active, ev('START_EVALUATION', otherStaff, undefined, '2027-03-21T09:00:00+01:00'))).toBeUndefined();
    // The system never leads: it cannot evaluate, approve or close.
    const evaluating = started!.snapshot;
    expect(applyCommand(evaluating, ev('EVALUATE', SYSTEM_ACTOR, { outcome: 'resolved', summary: 's', childVoice: 'c' }))).toBeUndefined();
    expect(applyCommand(evaluating, ev('CLOSE', SYSTEM_ACTOR, { summary: 's' }))).toBeUndefined();
  });
});

describe('deadlines and plan versions', () => {
  it('approving schedules one evaluation per measure and one for the plan, meeting approval and plan', () => {
    const o = applyCommand(inState('awaiting_approval'), approve)!;
    expect(o.effects).toEqual([
      { type: 'meetDeadlines', kinds: ['approval', 'plan'] },
      {
        type: 'startDeadline',
        kind: 'measure_evaluation',
        ref: 'm1',
        basis: { rule: 'on_date', date: '2027-03-15' },
        responsibleUserId: 'u-larer',
      },
      { type: 'startDeadline', kind: 'plan_evaluation', ref: '', basis: { rule: 'on_date', date: '2027-03-20' } },
    ]);
  });

  it('RETURN_PLAN cancels the approval deadline and goes back to planning', () => {
    const o = applyCommand(inState('awaiting_approval'), ev('RETURN_PLAN', principal, { reason: 'who does what?' }))!;
    expect(o.state).toBe('planning');
    expect(o.snapshot.context.plan?.status).toBe('returned');
    expect(o.effects).toContainEqual({ type: 'cancelDeadlines', kinds: ['approval'] });
  });

  it('EVALUATE revise keeps the old plan as a version and plans version 2', () => {
    const revised = applyCommand(inState('evaluating'), ev('EVALUATE', principal, { outcome: 'revise', summary: 's', childVoice: 'c' }))!;
    expect(revised.state).toBe('planning');
    expect(revised.snapshot.context.plan).toBeNull();
    expect(revised.snapshot.context.planVersions).toHaveLength(1);
    expect(revised.snapshot.context.planVersions[0]).toMatchObject({ version: 1, status: 'superseded' });
    const v2 = applyCommand(revised.snapshot, submit)!;
    expect(v2.snapshot.context.plan?.version).toBe(2);
  });

  it('closing cancels every pending deadline; REOPEN starts a new investigation and keeps the plan history', () => {
    const closed = applyCommand(inState('evaluating'), ev('EVALUATE', principal, { outcome: 'resolved', summary: 's', childVoice: 'c' }))!;
    expect(closed.state).toBe('closed');
    expect(closed.effects).toContainEqual({ type: 'cancelDeadlines', kinds: 'all' });
    expect(closed.snapshot.context.closedAt).toBe(AT);
    const reopened = applyCommand(closed.snapshot, ev('REOPEN', principal, { reason: 'new incident' }))!;
    expect(reopened.state).toBe('investigating');
    expect(reopened.snapshot.context.closedAt).toBeNull();
    expect(reopened.snapshot.context.plan?.version).toBe(1);
    expect(reopened.effects).toContainEqual(expect.objectContaining({ type: 'startDeadline', kind: 'investigation' }));
  });
});

describe('commands offered now', () => {
  it('reflect state and actor', () => {
    expect(commandsAcceptedNow(inState('reported'), principal, AT)).toEqual([
      'ACKNOWLEDGE',
      'MARK_SERIOUS',
      'ADD_NOTE',
      'RECORD_CHILD_VOICE',
    ]);
    expect(commandsAcceptedNow(inState('reported'), involvedStaff, AT)).toEqual(['ADD_NOTE', 'RECORD_CHILD_VOICE']);
    expect(commandsAcceptedNow(inState('active'), involvedStaff, AT)).toEqual([
      'ADD_NOTE',
      'RECORD_CHILD_VOICE',
      'RECORD_MEASURE',
      'START_EVALUATION',
    ]);
    expect(commandsAcceptedNow(inState('closed'), principal, AT)).toEqual(['REOPEN']);
    expect(commandsAcceptedNow(inState('closed'), auditor, AT)).toEqual([]);
  });
});

describe('plan rules', () => {
  it('name each missing element by field', () => {
    const fields = planViolations({ measures: [{} as never] }, '2027-03-01').map((v) => v.field);
    expect(fields).toEqual([
      'plan.problem',
      'plan.evaluateAt',
      'plan.measures[0].id',
      'plan.measures[0].description',
      'plan.measures[0].when',
      'plan.measures[0].responsibleUserId',
      'plan.measures[0].evaluateAt',
    ]);
    expect(planViolations(completePlan, '2027-03-01')).toEqual([]);
  });
});

describe('snapshot migrations', () => {
  it('leaves a current snapshot unchanged and refuses one from the future', () => {
    const s = inState('active');
    expect(migrateSnapshot(s)).toBe(s);
    expect(() => migrateSnapshot({ ...s, machineVersion: DUTY_TO_ACT_MACHINE_VERSION + 1 })).toThrow(/newer/);
  });
});
