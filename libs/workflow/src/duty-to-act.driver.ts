import { initialTransition, transition } from 'xstate';
import { DUTY_TO_ACT_MACHINE_VERSION, dutyToActMachine } from './duty-to-act.machine';
import { osloDateOf } from './oslo-time';
import {
  Actor,
  CaseContext,
  CaseEvent,
  CaseState,
  COMMAND_TYPES,
  CommandType,
  Effect,
  OpenCaseInput,
} from './duty-to-act.types';

/**
 * The only way in and out of the duty-to-act machine for the rest of the system: pure functions
 * over a persisted snapshot. Nothing here keeps an actor alive between commands.
 */
export interface PersistedCase {
  machineVersion: number;
  value: unknown;
  context: CaseContext;
}

export interface Outcome {
  snapshot: PersistedCase;
  state: CaseState;
  effects: Effect[];
}

const EFFECT_TYPES = new Set(['startDeadline', 'meetDeadlines', 'cancelDeadlines', 'notifyOwner', 'tellReporter']);

type Snapshot = ReturnType<typeof dutyToActMachine.resolveState>;

function stateOf(snapshot: Snapshot): CaseState {
  if (snapshot.matches('closed')) return 'closed';
  const value = snapshot.value as { open: CaseState };
  return value.open;
}

function persist(snapshot: Snapshot): PersistedCase {
  return {
    machineVersion: DUTY_TO_ACT_MACHINE_VERSION,
    value: JSON.parse(JSON.stringify(snapshot.value)),
    context: JSON.parse(JSON.stringify(snapshot.context)),
  };
}

function effectsOf(actions: ReadonlyArray<{ type: string; params?: unknown }>): Effect[] {
  return actions
    .filter((a) => EFFECT_TYPES.has(a.type))
    .map((a) => ({ type: a.type, ...(a.params as object) }) as Effect);
}

function restore(persisted: PersistedCase): Snapshot {
  if (persisted.machineVersion !== DUTY_TO_ACT_MACHINE_VERSION) {
    throw new Error(
      `snapshot has machine version ${persisted.machineVersion}, expected ${DUTY_TO_ACT_MACHINE_VERSION}; migrate it first`,
    );
  }
  return dutyToActMachine.resolveState({ value: persisted.value as never, context: persisted.context });
}

/** A concern is reported: the case starts in `reported` with its acknowledgement deadline. */
export function openCase(input: OpenCaseInput): Outcome {
  const [snapshot, actions] = initialTransition(dutyToActMachine, input);
  return { snapshot: persist(snapshot), state: stateOf(snapshot), effects: effectsOf(actions) };
}

export function caseStateOf(persisted: PersistedCase): CaseState {
  return stateOf(restore(persisted));
}

/** Whether the machine accepts the event in the case's current state with its guards. */
export function accepts(persisted: PersistedCase, event: CaseEvent): boolean {
  return restore(persisted).can(event);
}

/** Applies a command; undefined when the machine does not accept it now. */
export function applyCommand(persisted: PersistedCase, event: CaseEvent): Outcome | undefined {
  const snapshot = restore(persisted);
  if (!snapshot.can(event)) return undefined;
  const [next, actions] = transition(dutyToActMachine, snapshot, event);
  return { snapshot: persist(next), state: stateOf(next), effects: effectsOf(actions) };
}

/**
 * Sample payloads that satisfy each command's input guards, so we can ask the machine "could this
 * actor do X now?" without the real payload. Used for allowedCommands.
 */
function probes(context: CaseContext, actor: Actor, at: string): CaseEvent[] {
  const base = { actor, at };
  const today = osloDateOf(new Date(at));
  const measures = context.plan?.measures ?? [];
  const list: CaseEvent[] = [
    { ...base, type: 'ACKNOWLEDGE' },
    { ...base, type: 'MARK_SERIOUS', reason: 'probe' },
    { ...base, type: 'ADD_NOTE', kind: 'other', text: 'probe' },
    ...context.childIds.map(
      (childId): CaseEvent => ({ ...base, type: 'RECORD_CHILD_VOICE', childId, summary: 'probe' }),
    ),
    { ...base, type: 'CONCLUDE_INVESTIGATION', outcome: 'not_safe', summary: 'probe', bestInterest: 'probe' },
    {
      ...base,
      type: 'SUBMIT_PLAN',
      plan: {
        problem: 'probe',
        evaluateAt: today,
        measures: [{ id: 'p', description: 'probe', when: 'probe', responsibleUserId: actor.userId, evaluateAt: today }],
      },
    },
    { ...base, type: 'APPROVE_PLAN' },
    { ...base, type: 'RETURN_PLAN', reason: 'probe' },
    ...measures.map(
      (m): CaseEvent => ({ ...base, type: 'RECORD_MEASURE', measureId: m.id, status: 'ongoing', note: 'probe' }),
    ),
    { ...base, type: 'START_EVALUATION' },
    { ...base, type: 'EVALUATE', outcome: 'resolved', summary: 'probe', childVoice: 'probe' },
    { ...base, type: 'CLOSE', summary: 'probe' },
    { ...base, type: 'REOPEN', reason: 'probe' },
    { ...base, type: 'ASSESS_STAIRCASE', groupId: 'probe', step: 1, basis: 'probe' },
  ];
  return list;
}

/** The commands the machine would accept from this actor now (payload permitting). */
export function commandsAcceptedNow(persisted: PersistedCase, actor: Actor, at: string): CommandType[] {
  const snapshot = restore(persisted);
  const ok = new Set<CommandType>();
  for (const probe of probes(persisted.context, actor, at)) {
    if (!ok.has(probe.type) && snapshot.can(probe)) ok.add(probe.type);
  }
  return COMMAND_TYPES.filter((t) => ok.has(t));
}

/** Commands the state accepts from someone, whoever they are: for 409 bodies. */
export function commandsInState(persisted: PersistedCase): CommandType[] {
  const ctx = persisted.context;
  const leader: Actor = { userId: '-', role: ctx.handledBy === 'owner' ? 'owner' : 'principal', involved: true };
  const staff: Actor = { userId: '-', role: 'staff', involved: true };
  const at = ctx.closedAt ?? ctx.openedAt;
  const set = new Set([...commandsAcceptedNow(persisted, leader, at), ...commandsAcceptedNow(persisted, staff, at)]);
  return COMMAND_TYPES.filter((t) => set.has(t));
}
