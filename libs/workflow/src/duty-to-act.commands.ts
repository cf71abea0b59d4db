import { CaseContext, CaseEvent } from './duty-to-act.types';
import { MachineCommands } from './machine-driver';
import { osloDateOf } from './oslo-time';

/**
 * The duty-to-act machine's commands, one row each, in the order the web app offers them. A
 * probe is a sample event that passes the command's input checks; `allowedCommands` asks the
 * machine whether it would take one. Adding an event to CaseEvent without a row here does not compile.
 */
export const DUTY_TO_ACT_COMMANDS = {
  ACKNOWLEDGE: { probes: (_c, base) => [{ ...base, type: 'ACKNOWLEDGE' }] },
  MARK_SERIOUS: { probes: (_c, base) => [{ ...base, type: 'MARK_SERIOUS', reason: 'probe' }] },
  ADD_NOTE: { probes: (_c, base) => [{ ...base, type: 'ADD_NOTE', kind: 'other', text: 'probe' }] },
  RECORD_CHILD_VOICE: {
    probes: (c, base) => c.childIds.map((childId) => ({ ...base, type: 'RECORD_CHILD_VOICE', childId, summary: 'probe' })),
  },
  CONCLUDE_INVESTIGATION: {
    probes: (_c, base) => [{ ...base, type: 'CONCLUDE_INVESTIGATION', outcome: 'not_safe', summary: 'probe', bestInterest: 'probe' }],
  },
  SUBMIT_PLAN: {
    probes: (_c, base) => {
      const today = osloDateOf(new Date(base.at));
      const measure = { id: 'p', description: 'probe', when: 'probe', responsibleUserId: base.actor.userId, evaluateAt: today };
      return [{ ...base, type: 'SUBMIT_PLAN', plan: { problem: 'probe', evaluateAt: today, measures: [measure] } }];
    },
  },
  APPROVE_PLAN: { probes: (_c, base) => [{ ...base, type: 'APPROVE_PLAN' }] },
  RETURN_PLAN: { probes: (_c, base) => [{ ...base, type: 'RETURN_PLAN', reason: 'probe' }] },
  RECORD_MEASURE: {
    probes: (c, base) =>
      (c.plan?.measures ?? []).map((m) => ({ ...base, type: 'RECORD_MEASURE', measureId: m.id, status: 'ongoing', note: 'probe' })),
  },
  START_EVALUATION: { probes: (_c, base) => [{ ...base, type: 'START_EVALUATION' }] },
  EVALUATE: { probes: (_c, base) => [{ ...base, type: 'EVALUATE', outcome: 'resolved', summary: 'probe', childVoice: 'probe' }] },
  CLOSE: { probes: (_c, base) => [{ ...base, type: 'CLOSE', summary: 'probe' }] },
  REOPEN: { probes: (_c, base) => [{ ...base, type: 'REOPEN', reason: 'probe' }] },
  ASSESS_STAIRCASE: { probes: (_c, base) => [{ ...base, type: 'ASSESS_STAIRCASE', groupId: 'probe', step: 1, basis: 'probe' }] },
} satisfies MachineCommands<CaseContext, CaseEvent>;
