import { initialTransition, transition } from 'xstate';
import { BTI_MACHINE_VERSION, btiMachine } from './bti.machine';
import { BtiContext, BtiEffect, BtiEvent, BtiState } from './bti.types';

/** The BTI machine as pure functions over a persisted snapshot, like the duty-to-act driver. */
export interface PersistedBti {
  machineVersion: number;
  value: unknown;
  context: BtiContext;
}

export interface BtiOutcome {
  snapshot: PersistedBti;
  state: BtiState;
  effects: BtiEffect[];
}

type Snapshot = ReturnType<typeof btiMachine.resolveState>;
const EFFECT_TYPES = new Set(['startDeadline', 'meetDeadlines', 'cancelDeadlines']);

function stateOf(s: Snapshot): BtiState {
  if (s.matches('closed')) return 'closed';
  return `level${s.context.level}` as BtiState;
}

function persist(s: Snapshot): PersistedBti {
  return { machineVersion: BTI_MACHINE_VERSION, value: JSON.parse(JSON.stringify(s.value)), context: JSON.parse(JSON.stringify(s.context)) };
}

function restore(p: PersistedBti): Snapshot {
  if (p.machineVersion !== BTI_MACHINE_VERSION) throw new Error(`BTI snapshot version ${p.machineVersion}, expected ${BTI_MACHINE_VERSION}`);
  return btiMachine.resolveState({ value: p.value as never, context: p.context });
}

function effectsOf(actions: ReadonlyArray<{ type: string; params?: unknown }>): BtiEffect[] {
  return actions.filter((a) => EFFECT_TYPES.has(a.type)).map((a) => ({ type: a.type, ...(a.params as object) }) as BtiEffect);
}

/** BTI level 0 starts with the case, with its decision deadline. */
export function openBti(handledBy: 'principal' | 'owner'): BtiOutcome {
  const [s, actions] = initialTransition(btiMachine, { handledBy });
  return { snapshot: persist(s), state: stateOf(s), effects: effectsOf(actions) };
}

export function btiStateOf(p: PersistedBti): BtiState {
  return stateOf(restore(p));
}

/** Applies a BTI command; undefined when the machine refuses it now. */
export function applyBtiCommand(p: PersistedBti, event: BtiEvent): BtiOutcome | undefined {
  const s = restore(p);
  if (!s.can(event)) return undefined;
  const [next, actions] = transition(btiMachine, s, event);
  return { snapshot: persist(next), state: stateOf(next), effects: effectsOf(actions) };
}
