import { ENFORCEMENT_COMMANDS } from './enforcement.commands';
import { ENFORCEMENT_GUARDS, ENFORCEMENT_MACHINE_VERSION, EnforcementGuard, enforcementMachine } from './enforcement.machine';
import { ENFORCEMENT_REFUSALS, enforcementNotInState } from './enforcement.refusals';
import { EnforcementCommandType, EnforcementContext, EnforcementEffect, EnforcementEvent, EnforcementState } from './enforcement.types';
import { createMachineDriver, MachineOutcome, Persisted } from './machine-driver';
import { Regime } from './regime';
import { Actor, Leadership } from './roles';
import { ENFORCEMENT_SNAPSHOT_MIGRATIONS } from './snapshot-migrations';

/** The enforcement machine as pure functions over a persisted snapshot, like the other two. */
export type PersistedEnforcement = Persisted<EnforcementContext>;
export type EnforcementOutcome = MachineOutcome<EnforcementContext, EnforcementState, EnforcementEffect>;

export const enforcementDriver = createMachineDriver<
  EnforcementContext,
  EnforcementEvent,
  EnforcementState,
  EnforcementEffect,
  EnforcementGuard,
  { regime: Regime; handledBy: Leadership }
>({
  name: 'enforcement',
  machine: enforcementMachine,
  version: ENFORCEMENT_MACHINE_VERSION,
  migrations: ENFORCEMENT_SNAPSHOT_MIGRATIONS,
  guards: ENFORCEMENT_GUARDS,
  refusals: ENFORCEMENT_REFUSALS,
  commands: ENFORCEMENT_COMMANDS,
  effectTypes: ['startDeadline', 'meetDeadlines'],
  stateOf: (value) => value as EnforcementState,
  notInState: enforcementNotInState,
});

export const ENFORCEMENT_COMMAND_TYPES: readonly EnforcementCommandType[] = enforcementDriver.commandTypes;

/** Every case starts outside enforcement; cases from before it existed get this on read. */
export const openEnforcement = (regime: Regime, handledBy: Leadership): PersistedEnforcement =>
  enforcementDriver.open({ regime, handledBy }).snapshot;
export const enforcementStateOf = (p: PersistedEnforcement): EnforcementState => enforcementDriver.stateOf(p);
export const applyEnforcementCommand = (p: PersistedEnforcement, e: EnforcementEvent): EnforcementOutcome | undefined =>
  enforcementDriver.apply(p, e);
export const enforcementCommandsAcceptedNow = (p: PersistedEnforcement, actor: Actor, at: string): EnforcementCommandType[] =>
  enforcementDriver.acceptedNow(p, actor, at);
export const explainEnforcementRefusal = (p: PersistedEnforcement, e: EnforcementEvent): string => enforcementDriver.explainRefusal(p, e);
