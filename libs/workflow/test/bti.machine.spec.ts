import { getSimplePaths } from 'xstate/graph';
import { applyBtiCommand, BtiContext, BtiEvent, btiMachine, BtiOutcome, openBti, consentValid } from '../src';
import { AT, involvedStaff, owner, principal } from './fixtures';

const coordinator = { userId: 'u-coordinator', role: 'staff' as const, involved: true };
const ev = (e: { type: BtiEvent['type']; actor: BtiEvent['actor']; [k: string]: unknown }): BtiEvent => ({ at: AT, ...e }) as BtiEvent;

function run(...events: BtiEvent[]): BtiOutcome {
  let o = openBti('principal');
  for (const e of events) {
    const next = applyBtiCommand(o.snapshot, e);
    if (!next) throw new Error(`refused: ${e.type}`);
    o = next;
  }
  return o;
}

const assign = ev({ type: 'ASSIGN_COORDINATOR', actor: principal, userId: coordinator.userId });
const accept = ev({ type: 'ACCEPT_COORDINATION', actor: coordinator });
const pptConsent = ev({
  type: 'RECORD_CONSENT',
  actor: principal,
  service: 'ppt',
  givenBy: 'mother',
  form: 'written',
  scope: 'school environment',
  givenAt: AT,
  expiresAt: '2027-09-01T00:00:00+02:00',
});

/** What the guards look at: state, level, a coordinator (assigned or accepted), the consent, the services taking part. */
const key = (value: unknown, c: BtiContext) =>
  JSON.stringify([value, c.level, !!(c.coordinator || c.pendingCoordinator), c.consents.ppt?.status ?? null, c.services, !!c.ppt]);

describe('BTI levels (docs/domain.md §4)', () => {
  it('level 0 starts with the case and its 14-day decision deadline', () => {
    const o = openBti('principal');
    expect(o.state).toBe('level0');
    expect(o.effects).toEqual([{ type: 'startDeadline', kind: 'bti_decision', ref: '', basis: { rule: 'bti_decision' } }]);
  });

  it('every simple path, each replayed through the driver', () => {
    const events: BtiEvent[] = [
      assign,
      pptConsent,
      ev({ type: 'BTI_DECIDE', actor: principal, decision: 'close', reason: 'r' }),
      ev({ type: 'BTI_DECIDE', actor: principal, decision: 'level1', reason: 'r' }),
      ev({ type: 'BTI_DECIDE', actor: principal, decision: 'level2', reason: 'r', services: ['ppt'] }),
      ev({ type: 'BTI_ESCALATE', actor: principal, toLevel: 3, reason: 'r' }),
      ev({ type: 'BTI_DEESCALATE', actor: principal, toLevel: 1, reason: 'r' }),
      ev({ type: 'BTI_EVALUATE', actor: principal, participants: ['p'], decision: 'continue', summary: 's' }),
      ev({ type: 'BTI_EVALUATE', actor: principal, participants: ['p'], decision: 'close', summary: 's' }),
      ev({ type: 'WITHDRAW_CONSENT', actor: principal, service: 'ppt', reason: 'r' }),
      ev({ type: 'REQUEST_PPT', actor: principal, question: 'q', anonymous: true, anonymousSummary: 's' }),
      ev({ type: 'PPT_ADVICE', actor: { userId: 'u-ppt', role: 'ppt', involved: false }, text: 't' }),
    ];
    const paths = getSimplePaths(btiMachine, {
      input: { handledBy: 'principal' },
      events,
      serializeState: (s) => key(s.value, s.context),
      limit: 5_000,
    });
    const reached = new Set(paths.map((p) => `${JSON.stringify(p.state.value)}:${p.state.context.level}`));
    for (const r of ['"level0":0', '"active":1', '"active":2', '"active":3', '"closed":0', '"closed":1']) expect(reached).toContain(r);
    for (const path of paths) {
      let o = openBti('principal');
      for (const step of path.steps.slice(1)) {
        const next = applyBtiCommand(o.snapshot, step.event as BtiEvent);
        expect(next).toBeDefined();
        o = next!;
      }
      expect(key(o.snapshot.value, o.snapshot.context)).toBe(key(path.state.value, path.state.context));
    }
  });

  it('levels 2 and 3 need a coordinator and valid consent for each outside service — both ways', () => {
    const toLevel2 = ev({ type: 'BTI_DECIDE', actor: principal, decision: 'level2', reason: 'r', services: ['ppt'] });
    expect(applyBtiCommand(openBti('principal').snapshot, toLevel2)).toBeUndefined(); // no coordinator, no consent
    expect(applyBtiCommand(run(assign).snapshot, toLevel2)).toBeUndefined(); // coordinator, no consent
    expect(applyBtiCommand(run(pptConsent).snapshot, toLevel2)).toBeUndefined(); // consent, no coordinator
    expect(run(assign, pptConsent, toLevel2).state).toBe('level2');
    // Expired consent does not count.
    const late = { ...toLevel2, at: '2027-09-02T00:00:00+02:00' } as BtiEvent;
    expect(applyBtiCommand(run(assign, pptConsent).snapshot, late)).toBeUndefined();
    // Refused or withdrawn consent does not count.
    const refused = ev({ type: 'RECORD_CONSENT_REFUSAL', actor: principal, service: 'ppt', refusedBy: 'father' });
    expect(applyBtiCommand(run(assign, refused).snapshot, toLevel2)).toBeUndefined();
    const withdrawn = ev({ type: 'WITHDRAW_CONSENT', actor: principal, service: 'ppt', reason: 'parents changed their mind' });
    expect(applyBtiCommand(run(assign, pptConsent, withdrawn).snapshot, toLevel2)).toBeUndefined();
    // A report to barnevern needs no consent.
    const barnevern = ev({
      type: 'BTI_DECIDE',
      actor: principal,
      decision: 'level3',
      reason: 'care at home',
      services: ['barnevern'],
      barnevernReported: true,
      barnevernReportedAt: AT,
    });
    const o = run(assign, barnevern);
    expect(o.state).toBe('level3');
    expect(o.snapshot.context.barnevernReportedAt).toBe(AT);
    // Level 1 stays inside the service: no coordinator needed.
    expect(run(ev({ type: 'BTI_DECIDE', actor: principal, decision: 'level1', reason: 'r' })).state).toBe('level1');
  });

  it('handover: the previous coordinator stays responsible until the new one accepts', () => {
    const first = run(assign, accept);
    expect(first.snapshot.context).toMatchObject({ coordinator: coordinator.userId, pendingCoordinator: null });
    const next = { userId: 'u-next', role: 'staff' as const, involved: true };
    const handed = run(assign, accept, ev({ type: 'ASSIGN_COORDINATOR', actor: principal, userId: next.userId }));
    expect(handed.snapshot.context).toMatchObject({ coordinator: coordinator.userId, pendingCoordinator: next.userId });
    // Only the assigned person can accept.
    expect(applyBtiCommand(handed.snapshot, ev({ type: 'ACCEPT_COORDINATION', actor: coordinator }))).toBeUndefined();
    const accepted = applyBtiCommand(handed.snapshot, ev({ type: 'ACCEPT_COORDINATION', actor: next }))!;
    expect(accepted.snapshot.context).toMatchObject({ coordinator: next.userId, pendingCoordinator: null });
    // Staff cannot assign; the owner leads only owner-handled cases.
    expect(
      applyBtiCommand(openBti('principal').snapshot, ev({ type: 'ASSIGN_COORDINATOR', actor: involvedStaff, userId: 'x' })),
    ).toBeUndefined();
    expect(applyBtiCommand(openBti('owner').snapshot, ev({ type: 'ASSIGN_COORDINATOR', actor: owner, userId: 'x' }))).toBeDefined();
  });

  it('a consent with an expiry starts the expiry deadline (the coordinator is reminded before it); withdrawing cancels it', () => {
    const o = run(assign, accept);
    const consented = applyBtiCommand(o.snapshot, { ...pptConsent, actor: coordinator } as BtiEvent)!;
    expect(consented.effects).toEqual([
      { type: 'startDeadline', kind: 'consent_expiry', ref: 'ppt', basis: { rule: 'on_instant', at: '2027-09-01T00:00:00+02:00' } },
    ]);
    expect(consentValid(consented.snapshot.context, 'ppt', AT)).toBe(true);
    const withdrawn = applyBtiCommand(
      consented.snapshot,
      ev({ type: 'WITHDRAW_CONSENT', actor: coordinator, service: 'ppt', reason: 'r' }),
    )!;
    expect(withdrawn.effects).toEqual([{ type: 'cancelDeadlines', kinds: ['consent_expiry'], ref: 'ppt' }]);
    expect(consentValid(withdrawn.snapshot.context, 'ppt', AT)).toBe(false);
  });
});
