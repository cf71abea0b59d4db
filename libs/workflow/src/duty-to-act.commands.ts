import { CaseContext, CaseEvent } from './duty-to-act.types';
import { MachineCommands } from './machine-driver';
import { osloDateOf } from './oslo-time';

/**
 * The duty-to-act machine's commands, one row each, in the order the web app offers them. A
 * probe is a sample event that passes the command's input checks; `allowedCommands` asks the
 * machine whether it would take one. Adding an event to CaseEvent without a row here does not compile.
 */
export const DUTY_TO_ACT_COMMANDS = {
  ACKNOWLEDGE: { probes: (_c, base) => [{ type: 'ACKNOWLEDGE', ...base }] },
  MARK_SERIOUS: { probes: (_c, base) => [{ type: 'MARK_SERIOUS', reason: 'probe', ...base }] },
  ADD_NOTE: { probes: (_c, base) => [{ type: 'ADD_NOTE', kind: 'other', text: 'probe', ...base }] },
  RECORD_CHILD_VOICE: {
    probes: (c, base) => c.childIds.map((childId) => ({ type: 'RECORD_CHILD_VOICE', childId, summary: 'probe', ...base })),
  },
  CONCLUDE_INVESTIGATION: {
    probes: (_c, base) => [{ type: 'CONCLUDE_INVESTIGATION', outcome: 'not_safe', summary: 'probe', bestInterest: 'probe', ...base }],
  },
  SUBMIT_PLAN: {
    probes: (_c, base) => {
      const today = osloDateOf(new Date(base.at));
      const measure = { id: 'p', description: 'probe', when: 'probe', responsibleUserId: base.actor.userId, evaluateAt: today };
      return [{ type: 'SUBMIT_PLAN', plan: { problem: 'probe', evaluateAt: today, measures: [measure] }, ...base }];
    },
  },
  APPROVE_PLAN: { probes: (_c, base) => [{ type: 'APPROVE_PLAN', ...base }] },
  RETURN_PLAN: { probes: (_c, base) => [{ type: 'RETURN_PLAN', reason: 'probe', ...base }] },
  RECORD_MEASURE: {
    probes: (c, base) =>
      (c.plan?.measures ?? []).map((m) => ({ type: 'RECORD_MEASURE', measureId: m.id, status: 'ongoing', note: 'probe', ...base })),
  },
  START_EVALUATION: { probes: (_c, base) => [{ type: 'START_EVALUATION', ...base }] },
  EVALUATE: { probes: (_c, base) => [{ type: 'EVALUATE', outcome: 'resolved', summary: 'probe', childVoice: 'probe', ...base }] },
  CLOSE: { probes: (_c, base) => [{ type: 'CLOSE', summary: 'probe', ...base }] },
  REOPEN: { probes: (_c, base) => [{ type: 'REOPEN', reason: 'probe', ...base }] },
  ASSESS_STAIRCASE: { probes: (_c, base) => [{ type: 'ASSESS_STAIRCASE', groupId: 'probe', step: 1, basis: 'probe', ...base }] },
} satisfies MachineCommands<CaseContext, CaseEvent>;
