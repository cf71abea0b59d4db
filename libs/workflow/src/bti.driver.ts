import { BTI_COMMANDS } from './bti.commands';
import { BTI_GUARDS, BTI_MACHINE_VERSION, BtiGuard, btiMachine } from './bti.machine';
import { BTI_REFUSALS, btiNotInState } from './bti.refusals';
import { BtiCommandType, BtiContext, BtiEffect, BtiEvent, BtiLevel, BtiState } from './bti.types';
import { createMachineDriver, MachineOutcome, Persisted } from './machine-driver';
import { Actor, Leadership } from './roles';
import { BTI_SNAPSHOT_MIGRATIONS } from './snapshot-migrations';

/** The BTI machine as pure functions over a persisted snapshot, like the duty to act. */
export type PersistedBti = Persisted<BtiContext>;
export type BtiOutcome = MachineOutcome<BtiContext, BtiState, BtiEffect>;

export const btiDriver = createMachineDriver<BtiContext, BtiEvent, BtiState, BtiEffect, BtiGuard, { handledBy: Leadership }>({
  name: 'BTI',
  machine: btiMachine,
  version: BTI_MACHINE_VERSION,
  migrations: BTI_SNAPSHOT_MIGRATIONS,
  guards: BTI_GUARDS,
  refusals: BTI_REFUSALS,
  commands: BTI_COMMANDS,
  effectTypes: ['startDeadline', 'meetDeadlines', 'cancelDeadlines'],
  stateOf: (value, context) => (value === 'closed' ? 'closed' : (`level${context.level as BtiLevel}` as BtiState)),
  notInState: btiNotInState,
});

export const BTI_COMMAND_TYPES: readonly BtiCommandType[] = btiDriver.commandTypes;

/** BTI level 0 starts with the case, with its decision deadline. */
export const openBti = (handledBy: Leadership): BtiOutcome => btiDriver.open({ handledBy });
export const btiStateOf = (p: PersistedBti): BtiState => btiDriver.stateOf(p);
export const applyBtiCommand = (p: PersistedBti, e: BtiEvent): BtiOutcome | undefined => btiDriver.apply(p, e);
export const btiCommandsAcceptedNow = (p: PersistedBti, actor: Actor, at: string): BtiCommandType[] => btiDriver.acceptedNow(p, actor, at);
export const explainBtiRefusal = (p: PersistedBti, e: BtiEvent): string => btiDriver.explainRefusal(p, e);
