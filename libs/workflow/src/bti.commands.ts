import { BtiContext, BtiEvent } from './bti.types';
import { MachineCommands } from './machine-driver';

/**
 * The BTI machine's commands, one row each: sample events that pass each command's input checks,
 * to ask "could this actor do X now?". An event in BtiEvent without a row here does not compile.
 */
export const BTI_COMMANDS = {
  BTI_DECIDE: {
    probes: (_c, base) => [
      { type: 'BTI_DECIDE', decision: 'close', reason: 'probe', ...base },
      { type: 'BTI_DECIDE', decision: 'level1', reason: 'probe', ...base },
    ],
  },
  BTI_ESCALATE: { probes: (c, base) => [{ type: 'BTI_ESCALATE', toLevel: c.level < 2 ? 2 : 3, reason: 'probe', ...base }] },
  BTI_DEESCALATE: { probes: (c, base) => [{ type: 'BTI_DEESCALATE', toLevel: c.level > 2 ? 2 : 1, reason: 'probe', ...base }] },
  ASSIGN_COORDINATOR: { probes: (_c, base) => [{ type: 'ASSIGN_COORDINATOR', userId: 'probe', ...base }] },
  ACCEPT_COORDINATION: { probes: (_c, base) => [{ type: 'ACCEPT_COORDINATION', ...base }] },
  RECORD_CONSENT: {
    probes: (_c, base) => [
      { type: 'RECORD_CONSENT', service: 'ppt', givenBy: 'probe', form: 'written', scope: 'probe', givenAt: base.at, ...base },
    ],
  },
  RECORD_CONSENT_REFUSAL: { probes: (_c, base) => [{ type: 'RECORD_CONSENT_REFUSAL', service: 'ppt', refusedBy: 'probe', ...base }] },
  WITHDRAW_CONSENT: {
    probes: (c, base) =>
      [...new Set([...(c.services.length ? c.services : ['ppt']), ...Object.keys(c.consents)])].map((service) => ({
        type: 'WITHDRAW_CONSENT',
        service,
        reason: 'probe',
        ...base,
      })),
  },
  BTI_EVALUATE: {
    probes: (_c, base) => [{ type: 'BTI_EVALUATE', participants: ['probe'], decision: 'continue', summary: 'probe', ...base }],
  },
  // Asking anonymously needs no consent, so the leader is offered it until PPT has been asked.
  REQUEST_PPT: {
    probes: (_c, base) => [{ type: 'REQUEST_PPT', question: 'probe', anonymous: true, anonymousSummary: 'probe', ...base }],
  },
  PPT_ADVICE: { probes: (_c, base) => [{ type: 'PPT_ADVICE', text: 'probe', ...base }] },
} satisfies MachineCommands<BtiContext, BtiEvent>;
