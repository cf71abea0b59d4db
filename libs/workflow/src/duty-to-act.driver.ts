import { DUTY_TO_ACT_COMMANDS } from './duty-to-act.commands';
import { DUTY_TO_ACT_GUARDS, DUTY_TO_ACT_MACHINE_VERSION, dutyToActMachine } from './duty-to-act.machine';
import { DUTY_TO_ACT_REFUSALS } from './duty-to-act.refusals';
import { CaseContext, CaseEvent, CaseState, CommandType, Effect, OpenCaseInput } from './duty-to-act.types';
import { createMachineDriver, MachineOutcome, Persisted } from './machine-driver';
import { Actor } from './roles';
import { DUTY_TO_ACT_SNAPSHOT_MIGRATIONS } from './snapshot-migrations';

export type PersistedCase = Persisted<CaseContext>;
export type Outcome = MachineOutcome<CaseContext, CaseState, Effect>;

export const dutyToActDriver = createMachineDriver<
  CaseContext,
  CaseEvent,
  CaseState,
  Effect,
  keyof typeof DUTY_TO_ACT_GUARDS,
  OpenCaseInput
>({
  name: 'duty-to-act',
  machine: dutyToActMachine,
  version: DUTY_TO_ACT_MACHINE_VERSION,
  migrations: DUTY_TO_ACT_SNAPSHOT_MIGRATIONS,
  guards: DUTY_TO_ACT_GUARDS,
  refusals: DUTY_TO_ACT_REFUSALS,
  commands: DUTY_TO_ACT_COMMANDS,
  effectTypes: ['startDeadline', 'meetDeadlines', 'cancelDeadlines', 'notifyOwner', 'tellReporter'],
  stateOf: (value) => (value === 'closed' ? 'closed' : (value as { open: CaseState }).open),
  notInState: (e, state) => `${e.type} is not possible while the case is ${state}`,
});

export const COMMAND_TYPES: readonly CommandType[] = dutyToActDriver.commandTypes;

/** A concern is reported: the case starts in `reported` with its acknowledgement deadline. */
export const openCase = (input: OpenCaseInput): Outcome => dutyToActDriver.open(input);
export const caseStateOf = (p: PersistedCase): CaseState => dutyToActDriver.stateOf(p);
export const accepts = (p: PersistedCase, e: CaseEvent): boolean => dutyToActDriver.accepts(p, e);
export const applyCommand = (p: PersistedCase, e: CaseEvent): Outcome | undefined => dutyToActDriver.apply(p, e);
export const commandsAcceptedNow = (p: PersistedCase, actor: Actor, at: string): CommandType[] => dutyToActDriver.acceptedNow(p, actor, at);
export const explainRefusal = (p: PersistedCase, e: CaseEvent): string => dutyToActDriver.explainRefusal(p, e);
export const migrateSnapshot = (p: PersistedCase): PersistedCase => dutyToActDriver.migrate(p);

/** Commands the state accepts from someone, whoever they are (the case's leader or its staff). */
export function commandsInState(p: PersistedCase, only: readonly CommandType[] = COMMAND_TYPES): CommandType[] {
  const ctx = p.context;
  const leader: Actor = { userId: '-', role: ctx.handledBy, involved: true };
  const staff: Actor = { userId: '-', role: 'staff', involved: true };
  const at = ctx.closedAt ?? ctx.openedAt;
  const set = new Set([...dutyToActDriver.acceptedNow(p, leader, at, only), ...dutyToActDriver.acceptedNow(p, staff, at, only)]);
  return only.filter((t) => set.has(t));
}

/** Whether the state takes this command from anyone: a 409 comes before the payload is checked. */
export const stateTakes = (p: PersistedCase, type: CommandType): boolean => commandsInState(p, [type]).length > 0;
