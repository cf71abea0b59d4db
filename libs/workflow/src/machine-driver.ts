import { AnyActorScope, AnyStateMachine, AnyTransitionDefinition, createActor, getNextTransitions } from 'xstate';
import { Actor } from './roles';

/**
 * The one way in and out of a case's machines (duty to act, BTI, Statsforvalteren's enforcement):
 * pure functions over a persisted snapshot, driven as XState's initialTransition()/transition() drive
 * a machine (see `inertScopeOf`). Nothing keeps an actor alive between commands, so no delay or
 * invoked actor can be lost on restore.
 */
export interface Persisted<C> {
  machineVersion: number;
  value: unknown;
  context: C;
}

export interface MachineOutcome<C, S, F> {
  snapshot: Persisted<C>;
  state: S;
  effects: F[];
}

export interface MachineEvent {
  type: string;
  actor: Actor;
  at: string;
}

export type GuardFn<C, E> = (args: { context: C; event: E }) => boolean;

/**
 * What a guard says when it stops a command (for a guard used under `not()`, when it holds), in
 * words naming the rule; null for a guard that only chooses between branches of one command.
 */
export type Refusal<C, E> = ((context: C, event: E) => string) | null;

/**
 * A machine's commands, one row each: sample events that pass the command's input checks, so
 * "could this actor do X now?" can be asked without the real payload. The mapped type makes a
 * command without a row a compile error. A probe names its own fields first and spreads `base`
 * last: on Node 20's V8 a literal that adds fields after a spread gets a hidden class of its own
 * every time, and every case view makes dozens of probes (decision 107).
 */
export type MachineCommands<C, E extends MachineEvent> = {
  [T in E['type']]: { probes(context: C, base: { actor: Actor; at: string }): Array<Extract<E, { type: T }>> };
};

export type SnapshotMigrations<C> = Record<number, (old: Persisted<C>) => Persisted<C>>;

export interface MachineDefinition<C, E extends MachineEvent, S extends string, F extends { type: string }, G extends string, I> {
  /** For messages: "duty-to-act", "BTI", "enforcement". */
  name: string;
  machine: AnyStateMachine;
  version: number;
  /** Each machine version that changes what a snapshot means adds a pure function from the one before. */
  migrations: SnapshotMigrations<C>;
  guards: Record<G, GuardFn<C, E>>;
  refusals: { [K in G]: Refusal<C, E> };
  commands: MachineCommands<C, E>;
  effectTypes: ReadonlyArray<F['type']>;
  stateOf(value: unknown, context: C): S;
  /** When the state has no transition for the command at all. */
  notInState(event: E, state: S, context: C): string;
  /** Only to type `open`'s argument. */
  input?: I;
}

export interface MachineDriver<C, E extends MachineEvent, S extends string, F, I> {
  readonly commandTypes: ReadonlyArray<E['type']>;
  /** The machine's actions that leave it as effects; its other actions only record. */
  readonly effectTypes: ReadonlyArray<string>;
  readonly version: number;
  open(input: I): MachineOutcome<C, S, F>;
  stateOf(p: Persisted<C>): S;
  /** Applies a command; undefined when the machine does not accept it now. */
  apply(p: Persisted<C>, event: E): MachineOutcome<C, S, F> | undefined;
  accepts(p: Persisted<C>, event: E): boolean;
  /**
   * The commands the machine takes from `actor` now (payload permitting); `only` narrows the
   * commands tried. Read from the state's transition table and the guards, not through `can()`.
   */
  acceptedNow(p: Persisted<C>, actor: Actor, at: string, only?: ReadonlyArray<E['type']>): Array<E['type']>;
  /** Why the machine refused, from the guard that refused (or the state, when nothing could take it). */
  explainRefusal(p: Persisted<C>, event: E): string;
  /** Brings a snapshot from an older machine version up to this one. */
  migrate(p: Persisted<C>): Persisted<C>;
}

type Snapshot = ReturnType<AnyStateMachine['resolveState']>;
type Action = { type: string; params?: unknown };

/**
 * What XState's `initialTransition()` and `transition()` do, with one scope per machine instead of
 * one per call (decision 103). XState builds a throwaway actor for every call, and building one
 * computes the machine's initial state, entry assigns and all, only to discard it: about half of a
 * command's time in the machine. These machines invoke and spawn nothing and their actions are
 * collected, never run, so nothing is left in the scope between calls; each call collects its own
 * actions. A unit test compares both with XState's functions over every reachable snapshot.
 */
function inertScopeOf(machine: AnyStateMachine): <T>(step: (scope: AnyActorScope) => T) => [T, Action[]] {
  const self = createActor(machine);
  const ignore = () => undefined;
  const scope = {
    self,
    defer: ignore,
    id: '',
    logger: ignore,
    sessionId: '',
    stopChild: ignore,
    system: self.system,
    emit: ignore,
    actionExecutor: ignore as (a: Action) => void,
  } as unknown as AnyActorScope & { actionExecutor: (a: Action) => void };
  return (step) => {
    const actions: Action[] = [];
    scope.actionExecutor = (a) => actions.push(a);
    try {
      return [step(scope), actions];
    } finally {
      scope.actionExecutor = ignore;
    }
  };
}

/** A guard as XState stores it on a transition: a name, `{ type }`, or and()/or()/not() of those. */
type GuardRef = string | { type: string } | (((...args: never[]) => unknown) & { guards?: GuardRef[] });

interface Verdict<G> {
  ok: boolean;
  /** How many named guards held before the verdict: the branch that got furthest explains best. */
  passed: number;
  guard?: G;
}

export function createMachineDriver<C, E extends MachineEvent, S extends string, F extends { type: string }, G extends string, I>(
  def: MachineDefinition<C, E, S, F, G, I>,
): MachineDriver<C, E, S, F, I> {
  const effectTypes = new Set<string>(def.effectTypes);
  const commandTypes = Object.keys(def.commands) as Array<E['type']>;
  const inScope = inertScopeOf(def.machine);

  const persist = (s: Snapshot): Persisted<C> => ({
    machineVersion: def.version,
    value: JSON.parse(JSON.stringify(s.value)),
    context: JSON.parse(JSON.stringify(s.context)),
  });
  const restore = (p: Persisted<C>): Snapshot => {
    if (p.machineVersion !== def.version) {
      throw new Error(`${def.name} snapshot has machine version ${p.machineVersion}, expected ${def.version}; migrate it first`);
    }
    return def.machine.resolveState({ value: p.value as never, context: p.context as never });
  };
  const effectsOf = (actions: ReadonlyArray<Action>): F[] =>
    actions.filter((a) => effectTypes.has(a.type)).map((a) => ({ type: a.type, ...(a.params as object) }) as unknown as F);
  const outcome = (s: Snapshot, actions: ReadonlyArray<Action>): MachineOutcome<C, S, F> => ({
    snapshot: persist(s),
    state: def.stateOf(s.value, s.context as C),
    effects: effectsOf(actions),
  });

  /**
   * For each state the machine can be in, its transitions by event type, the state's own before its
   * parents' (the order XState chooses in). The active states depend on the state value alone, so
   * this is built once per value and kept: a machine has a handful.
   */
  const tables = new Map<string, Map<string, AnyTransitionDefinition[]>>();
  const transitionsIn = (p: Persisted<C>): Map<string, AnyTransitionDefinition[]> => {
    const key = JSON.stringify(p.value);
    let table = tables.get(key);
    if (!table) {
      const s = restore(p);
      if (s._nodes.some((n: { type: string }) => n.type === 'parallel')) {
        throw new Error(`${def.name}: the transition table assumes one active state, not parallel regions`);
      }
      table = new Map();
      for (const t of getNextTransitions(s)) {
        const list = table.get(t.eventType) ?? [];
        list.push(t);
        table.set(t.eventType, list);
      }
      tables.set(key, table);
    }
    return table;
  };
  /** What `can()` answers: the first transition whose guards hold is taken, and it must do something. */
  const takes = (candidates: AnyTransitionDefinition[] | undefined, context: C, event: E): boolean => {
    for (const t of candidates ?? []) {
      if (verdict(t.guard as GuardRef | undefined, context, event).ok) return t.target !== undefined || t.actions.length > 0;
    }
    return false;
  };

  function verdict(ref: GuardRef | undefined, context: C, event: E): Verdict<G> {
    if (ref === undefined) return { ok: true, passed: 0 };
    if (typeof ref === 'string' || (typeof ref === 'object' && 'type' in ref)) {
      const name = (typeof ref === 'string' ? ref : ref.type) as G;
      return def.guards[name]({ context, event }) ? { ok: true, passed: 1 } : { ok: false, passed: 0, guard: name };
    }
    const parts = ref.guards ?? [];
    switch (ref.name) {
      case 'and': {
        let passed = 0;
        for (const part of parts) {
          const v = verdict(part, context, event);
          if (!v.ok) return { ok: false, passed: passed + v.passed, guard: v.guard };
          passed += v.passed;
        }
        return { ok: true, passed };
      }
      case 'or': {
        const all = parts.map((part) => verdict(part, context, event));
        return all.find((v) => v.ok) ?? all[0] ?? { ok: false, passed: 0 };
      }
      case 'not': {
        const inner = verdict(parts[0], context, event);
        const name = typeof parts[0] === 'string' ? (parts[0] as G) : undefined;
        return inner.ok ? { ok: false, passed: 0, guard: name } : { ok: true, passed: 1 };
      }
      default:
        throw new Error(`${def.name}: guards are named, or and()/or()/not() of named guards`);
    }
  }

  return {
    commandTypes,
    effectTypes: def.effectTypes,
    version: def.version,
    open(input) {
      const [s, actions] = inScope((scope) => def.machine.getInitialSnapshot(scope, input) as Snapshot);
      return outcome(s, actions);
    },
    stateOf: (p) => {
      const s = restore(p);
      return def.stateOf(s.value, s.context as C);
    },
    apply(p, event) {
      const s = restore(p);
      if (!s.can(event)) return undefined;
      const [next, actions] = inScope((scope) => def.machine.transition(s, event, scope) as Snapshot);
      return outcome(next, actions);
    },
    accepts: (p, event) => restore(p).can(event),
    acceptedNow(p, actor, at, only = commandTypes) {
      if (p.machineVersion !== def.version) restore(p);
      const table = transitionsIn(p);
      const base = { actor, at };
      return only.filter((t) => table.has(t) && def.commands[t].probes(p.context, base).some((e) => takes(table.get(t), p.context, e)));
    },
    explainRefusal(p, event) {
      const s = restore(p);
      const state = def.stateOf(s.value, s.context as C);
      const candidates = getNextTransitions(s).filter((t) => t.eventType === event.type);
      let best: Verdict<G> | undefined;
      for (const t of candidates) {
        const v = verdict(t.guard as GuardRef | undefined, p.context, event);
        if (v.ok || v.guard === undefined || !def.refusals[v.guard]) continue;
        if (!best || v.passed > best.passed) best = v;
      }
      const refusal = best?.guard !== undefined ? def.refusals[best.guard] : null;
      return refusal ? `${best!.guard}: ${refusal(p.context, event)}` : def.notInState(event, state, p.context);
    },
    migrate(p) {
      let current = p;
      while (current.machineVersion < def.version) {
        const next = def.migrations[current.machineVersion + 1];
        if (!next) throw new Error(`no ${def.name} snapshot migration to machine version ${current.machineVersion + 1}`);
        current = next(current);
      }
      if (current.machineVersion > def.version) {
        throw new Error(`${def.name} snapshot from a newer machine version ${current.machineVersion}; deploy the newer code`);
      }
      return current;
    },
  };
}
