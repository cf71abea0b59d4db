import {
  applyBtiCommand,
  applyCommand,
  BTI_GUARDS,
  BTI_REFUSALS,
  DUTY_TO_ACT_GUARDS,
  DUTY_TO_ACT_REFUSALS,
  ENFORCEMENT_GUARDS,
  ENFORCEMENT_REFUSALS,
  explainBtiRefusal,
  explainEnforcementRefusal,
  explainRefusal,
  openBti,
  openCase,
  openEnforcement,
} from '../src';
import { AT, openInput, principal } from './fixtures';

/** The generic driver explains a refusal by the guard that refused, with that guard's sentence. */
describe('refusals come from the guard that refused', () => {
  it('every guard of every machine has its sentence, or null for one that only picks a branch', () => {
    expect(Object.keys(DUTY_TO_ACT_REFUSALS).sort()).toEqual(Object.keys(DUTY_TO_ACT_GUARDS).sort());
    expect(Object.keys(BTI_REFUSALS).sort()).toEqual(Object.keys(BTI_GUARDS).sort());
    expect(Object.keys(ENFORCEMENT_REFUSALS).sort()).toEqual(Object.keys(ENFORCEMENT_GUARDS).sort());
  });

  it('names the guard under not() that held, and the first failing guard of the branch that got furthest', () => {
    const opened = openCase(openInput({ childIds: ['c1', 'c2'] })).snapshot;
    const serious = applyCommand(opened, { type: 'MARK_SERIOUS', reason: 'violence', actor: principal, at: AT })!.snapshot;
    expect(explainRefusal(serious, { type: 'MARK_SERIOUS', reason: 'again', actor: principal, at: AT })).toMatch(
      /^alreadySerious: the case is already marked serious/,
    );
    const investigating = applyCommand(opened, { type: 'ACKNOWLEDGE', actor: principal, at: AT })!.snapshot;
    const safe = {
      type: 'CONCLUDE_INVESTIGATION' as const,
      outcome: 'safe' as const,
      summary: 's',
      bestInterest: 'b',
      actor: principal,
      at: AT,
    };
    expect(explainRefusal(investigating, safe)).toMatch(/^childVoiceOnRecord: no child's voice is on record for c1, c2/);
  });

  it('answers with the state when nothing in it could take the command', () => {
    const opened = openCase(openInput()).snapshot;
    expect(explainRefusal(opened, { type: 'APPROVE_PLAN', actor: principal, at: AT })).toBe(
      'APPROVE_PLAN is not possible while the case is reported',
    );
  });

  it('skips branch selectors: BTI level 2 without a stafettholder is coordinatorAssigned, not decidesClose', () => {
    const bti = openBti('principal').snapshot;
    const decide = { type: 'BTI_DECIDE' as const, decision: 'level2' as const, reason: 'r', actor: principal, at: AT };
    expect(applyBtiCommand(bti, decide)).toBeUndefined();
    expect(explainBtiRefusal(bti, decide)).toMatch(/^coordinatorAssigned: /);
  });

  it('enforcement: a kindergarten case is refused by the regime, whatever the state', () => {
    const kg = openEnforcement('kindergarten', 'principal');
    expect(explainEnforcementRefusal(kg, { type: 'RAISED_WITH_PRINCIPAL', raisedAt: AT, actor: principal, at: AT })).toMatch(
      /^schoolRegime: /,
    );
  });
});
