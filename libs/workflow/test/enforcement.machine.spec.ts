import { getSimplePaths } from 'xstate/graph';
import {
  applyEnforcementCommand,
  DEFAULT_DEADLINE_POLICY,
  enforcementCommandsAcceptedNow,
  EnforcementEvent,
  enforcementMachine,
  EnforcementOutcome,
  enforcementStateOf,
  explainEnforcementRefusal,
  openEnforcement,
  scheduleFor,
  SchoolCalendar,
} from '../src';
import { AT, involvedStaff, owner, principal } from './fixtures';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const t0 = new Date(AT).getTime();
const ev = (e: { type: EnforcementEvent['type']; [k: string]: unknown }, at = iso(t0 + 30 * DAY)): EnforcementEvent =>
  ({ actor: principal, at, ...e }) as EnforcementEvent;

const raised = ev({ type: 'RAISED_WITH_PRINCIPAL', raisedAt: AT });
const reportedAfterWeek = ev({ type: 'REPORTED_TO_STATSFORVALTEREN', reportedAt: iso(t0 + 7 * DAY) });
const decision = ev({ type: 'SF_DECISION', decidedAt: iso(t0 + 20 * DAY), requirements: ['a new plan'], deadline: '2027-04-30' });
const dutyMet = ev({ type: 'SF_DECISION', decidedAt: iso(t0 + 20 * DAY), requirements: [] });
const complied = ev({ type: 'SF_COMPLIANCE', compliedAt: iso(t0 + 25 * DAY), summary: 'done' });

function run(...events: EnforcementEvent[]): EnforcementOutcome {
  let o: EnforcementOutcome = { snapshot: openEnforcement('school', 'principal'), state: 'not_raised', effects: [] };
  for (const e of events) {
    const next = applyEnforcementCommand(o.snapshot, e);
    if (!next) throw new Error(`refused: ${e.type}: ${explainEnforcementRefusal(o.snapshot, e)}`);
    o = next;
  }
  return o;
}

describe("Statsforvalteren's enforcement (opplæringslova §12-6)", () => {
  it('every simple path, replayed through the driver', () => {
    const events = [raised, reportedAfterWeek, decision, dutyMet, complied];
    // The guards look at the state and the dates, not at how many decisions came before.
    const paths = getSimplePaths(enforcementMachine, {
      events,
      input: { regime: 'school', handledBy: 'principal' },
      serializeState: (s) => JSON.stringify(s.value),
    });
    const ends = new Set<string>();
    for (const p of paths) {
      const o = run(...p.steps.slice(1).map((s) => s.event as EnforcementEvent));
      expect(o.state).toBe(p.state.value);
      ends.add(o.state);
    }
    expect([...ends].sort()).toEqual(['complied', 'decided', 'duty_met', 'not_raised', 'raised', 'reported']);
  });

  it('schoolRegime: a kindergarten has no route to Statsforvalteren, and the refusal names the law', () => {
    const kg = openEnforcement('kindergarten', 'principal');
    expect(applyEnforcementCommand(kg, raised)).toBeUndefined();
    expect(enforcementCommandsAcceptedNow(kg, principal, AT)).toEqual([]);
    expect(explainEnforcementRefusal(kg, raised)).toMatch(
      /opplæringslova §12-6\) applies to schools only; barnehageloven has no complaint route/,
    );
  });

  it('oneWeekSinceRaised: six days is refused, seven days is accepted', () => {
    const r = run(raised).snapshot;
    const sixDays = ev({ type: 'REPORTED_TO_STATSFORVALTEREN', reportedAt: iso(t0 + 6 * DAY) });
    expect(applyEnforcementCommand(r, sixDays)).toBeUndefined();
    expect(explainEnforcementRefusal(r, sixDays)).toMatch(/^oneWeekSinceRaised: .*§12-6 second paragraph.*from 2027-03-08T09:30:00\+01:00/);
    expect(applyEnforcementCommand(r, reportedAfterWeek)?.state).toBe('reported');
    expect(applyEnforcementCommand(r, ev({ type: 'REPORTED_TO_STATSFORVALTEREN', reportedAt: iso(t0 + 7 * DAY - 1) }))).toBeUndefined();
  });

  it('specialGroundsGiven: an early report is accepted with special grounds, and they are kept', () => {
    const r = run(raised).snapshot;
    const early = ev({ type: 'REPORTED_TO_STATSFORVALTEREN', reportedAt: iso(t0 + DAY), specialGrounds: 'violence' });
    expect(applyEnforcementCommand(r, early)?.snapshot.context.specialGrounds).toBe('violence');
    expect(
      applyEnforcementCommand(r, ev({ type: 'REPORTED_TO_STATSFORVALTEREN', reportedAt: iso(t0 + DAY), specialGrounds: '  ' })),
    ).toBeUndefined();
  });

  it('a report before raising, before the raising date, or dated in the future is refused', () => {
    const none = openEnforcement('school', 'principal');
    expect(explainEnforcementRefusal(none, reportedAfterWeek)).toMatch(/^raisedWithPrincipal/);
    const r = run(raised).snapshot;
    expect(
      applyEnforcementCommand(r, ev({ type: 'REPORTED_TO_STATSFORVALTEREN', reportedAt: iso(t0 - DAY), specialGrounds: 'x' })),
    ).toBeUndefined();
    const future = ev({ type: 'REPORTED_TO_STATSFORVALTEREN', reportedAt: iso(t0 + 40 * DAY) });
    expect(applyEnforcementCommand(r, future)).toBeUndefined();
    expect(explainEnforcementRefusal(r, future)).toMatch(/^whenNotInFuture/);
  });

  it('actorAnswersForCase: the principal or the owner, never staff', () => {
    const r = run(raised).snapshot;
    expect(applyEnforcementCommand(r, { ...reportedAfterWeek, actor: owner })).toBeDefined();
    expect(applyEnforcementCommand(r, { ...reportedAfterWeek, actor: involvedStaff })).toBeUndefined();
    // When the owner leads the case (leadership offence), the principal does not.
    const ownerLed = openEnforcement('school', 'owner');
    expect(applyEnforcementCommand(ownerLed, raised)).toBeUndefined();
    expect(applyEnforcementCommand(ownerLed, { ...raised, actor: owner })).toBeDefined();
  });

  it('a decision with requirements starts the compliance deadline; compliance meets it; duty met needs none', () => {
    const d = run(raised, reportedAfterWeek, decision);
    expect(d.effects).toEqual([{ type: 'startDeadline', kind: 'sf_compliance', ref: '', basis: { rule: 'on_date', date: '2027-04-30' } }]);
    const c = applyEnforcementCommand(d.snapshot, complied)!;
    expect(c.effects).toEqual([{ type: 'meetDeadlines', kinds: ['sf_compliance'] }]);
    expect(enforcementStateOf(c.snapshot)).toBe('complied');
    expect(run(raised, reportedAfterWeek, dutyMet).effects).toEqual([]);
    // Requirements without a deadline are no decision Trygg can follow up.
    expect(
      applyEnforcementCommand(run(raised, reportedAfterWeek).snapshot, ev({ type: 'SF_DECISION', decidedAt: AT, requirements: ['x'] })),
    ).toBeUndefined();
  });

  it('the compliance deadline goes to the owner the moment it is overdue (policy: the owner pays the tvangsmulkt)', () => {
    const due = new Date('2027-04-30T16:00:00+02:00');
    const s = scheduleFor('sf_compliance', due, new Date(AT), DEFAULT_DEADLINE_POLICY, new SchoolCalendar([]));
    expect(s).toEqual({
      remind: new Date('2027-04-29T16:00:00+02:00'),
      start_evaluation: null,
      overdue: due,
      escalate_principal: null,
      escalate_owner: new Date(due.getTime() + 1000),
    });
  });
});
