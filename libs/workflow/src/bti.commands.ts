import { BtiContext, BtiEvent } from './bti.types';
import { MachineCommands } from './machine-driver';

/**
 * The BTI machine's commands, one row each: sample events that pass each command's input checks,
 * to ask "could this actor do X now?". An event in BtiEvent without a row here does not compile.
 */
export const BTI_COMMANDS = {
  BTI_DECIDE: {
    probes: (_c, base) => [
      { ...base, type: 'BTI_DECIDE', decision: 'close', reason: 'probe' },
      { ...base, type: 'BTI_DECIDE', decision: 'level1', reason: 'probe' },
    ],
  },
  BTI_ESCALATE: { probes: (c, base) => [{ ...base, type: 'BTI_ESCALATE', toLevel: c.level < 2 ? 2 : 3, reason: 'probe' }] },
  BTI_DEESCALATE: { probes: (c, base) => [{ ...base, type: 'BTI_DEESCALATE', toLevel: c.level > 2 ? 2 : 1, reason: 'probe' }] },
  ASSIGN_COORDINATOR: { probes: (_c, base) => [{ ...base, type: 'ASSIGN_COORDINATOR', userId: 'probe' }] },
  ACCEPT_COORDINATION: { probes: (_c, base) => [{ ...base, type: 'ACCEPT_COORDINATION' }] },
  RECORD_CONSENT: {
    probes: (_c, base) => [
      { ...base, type: 'RECORD_CONSENT', service: 'ppt', givenBy: 'probe', form: 'written', scope: 'probe', givenAt: base.at },
    ],
  },
  RECORD_CONSENT_REFUSAL: { probes: (_c, base) => [{ ...base, type: 'RECORD_CONSENT_REFUSAL', service: 'ppt', refusedBy: 'probe' }] },
  WITHDRAW_CONSENT: {
    probes: (c, base) =>
      [...new Set([...(c.services.length ? c.services : ['ppt']), ...Object.keys(c.consents)])].map((service) => ({
        ...base,
        type: 'WITHDRAW_CONSENT',
        service,
        reason: 'probe',
      })),
  },
  BTI_EVALUATE: {
    probes: (_c, base) => [{ ...base, type: 'BTI_EVALUATE', participants: ['probe'], decision: 'continue', summary: 'probe' }],
  },
  // Asking anonymously needs no consent, so the leader is offered it until PPT has been asked.
  REQUEST_PPT: {
    probes: (_c, base) => [{ ...base, type: 'REQUEST_PPT', question: 'probe', anonymous: true, anonymousSummary: 'probe' }],
  },
  PPT_ADVICE: { probes: (_c, base) => [{ ...base, type: 'PPT_ADVICE', text: 'probe' }] },
} satisfies MachineCommands<BtiContext, BtiEvent>;
