import { EnforcementContext, EnforcementEvent } from './enforcement.types';
import { MachineCommands } from './machine-driver';
import { osloDateOf } from './oslo-time';

/** Statsforvalteren's commands, one row each, with the sample events `allowedCommands` tries. */
export const ENFORCEMENT_COMMANDS = {
  RAISED_WITH_PRINCIPAL: { probes: (_c, base) => [{ type: 'RAISED_WITH_PRINCIPAL', raisedAt: base.at, ...base }] },
  REPORTED_TO_STATSFORVALTEREN: {
    probes: (_c, base) => [{ type: 'REPORTED_TO_STATSFORVALTEREN', reportedAt: base.at, specialGrounds: 'probe', ...base }],
  },
  SF_DECISION: {
    probes: (_c, base) => [
      { type: 'SF_DECISION', decidedAt: base.at, requirements: ['probe'], deadline: osloDateOf(new Date(base.at)), ...base },
    ],
  },
  SF_COMPLIANCE: { probes: (_c, base) => [{ type: 'SF_COMPLIANCE', compliedAt: base.at, summary: 'probe', ...base }] },
} satisfies MachineCommands<EnforcementContext, EnforcementEvent>;
