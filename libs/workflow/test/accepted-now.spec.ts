import { AnyStateMachine, initialTransition, transition } from 'xstate';
import {
  Actor,
  BTI_COMMANDS,
  btiDriver,
  btiMachine,
  DUTY_TO_ACT_COMMANDS,
  dutyToActDriver,
  dutyToActMachine,
  ENFORCEMENT_COMMANDS,
  enforcementDriver,
  enforcementMachine,
  MachineEvent,
  Persisted,
  SYSTEM_ACTOR,
} from '../src';
import { AT, auditor, involvedStaff, openInput, otherStaff, owner, principal } from './fixtures';

/**
 * `acceptedNow` reads the state's transition table and evaluates the guards itself. This checks it
 * answers exactly what XState's own `can()` answers, over every snapshot reachable by the commands'
 * probes from each way a case opens, for every kind of actor and at several moments.
 */
type Probes = Record<string, { probes(c: never, base: { actor: Actor; at: string }): MachineEvent[] }>;
interface Subject {
  name: string;
  machine: AnyStateMachine;
  commands: Probes;
  driver: {
    acceptedNow(p: Persisted<never>, actor: Actor, at: string): string[];
    apply(p: Persisted<never>, e: never): { snapshot: Persisted<never>; effects: unknown[] } | undefined;
    open(input: never): { snapshot: Persisted<never>; effects: unknown[] };
    effectTypes: ReadonlyArray<string>;
  };
  /** Each way the machine opens: the walk starts from these, and `open` is compared with XState's own. */
  inputs: unknown[];
}

const coordinator: Actor = { userId: 'u-coordinator', role: 'staff', involved: true };
const ppt: Actor = { userId: 'u-ppt', role: 'ppt', involved: true };
const ACTORS: Actor[] = [principal, owner, involvedStaff, otherStaff, auditor, coordinator, ppt, SYSTEM_ACTOR];
const DAY = 86_400_000;
const MOMENTS = [0, 1, 8, 40, 400].map((d) => new Date(new Date(AT).getTime() + d * DAY).toISOString());

const subjects: Subject[] = [
  {
    name: 'duty to act',
    machine: dutyToActMachine,
    commands: DUTY_TO_ACT_COMMANDS as unknown as Probes,
    driver: dutyToActDriver as never,
    inputs: [
      openInput(),
      openInput({ childSaysUnsafe: true, childIds: ['c1', 'c2'] }),
      openInput({ staffOffender: true, offenderIsLeadership: true }),
      openInput({}, 'kindergarten'),
    ],
  },
  {
    name: 'BTI',
    machine: btiMachine,
    commands: BTI_COMMANDS as unknown as Probes,
    driver: btiDriver as never,
    inputs: [{ handledBy: 'principal' }, { handledBy: 'owner' }],
  },
  {
    name: 'enforcement',
    machine: enforcementMachine,
    commands: ENFORCEMENT_COMMANDS as unknown as Probes,
    driver: enforcementDriver as never,
    inputs: [
      { regime: 'school', handledBy: 'principal' },
      { regime: 'kindergarten', handledBy: 'owner' },
    ],
  },
];

/** The snapshot as XState holds it. */
const resolved = (subject: Subject, p: Persisted<unknown>) =>
  subject.machine.resolveState({ value: p.value as never, context: p.context as never });

function viaCan(subject: Subject, p: Persisted<unknown>, actor: Actor, at: string): string[] {
  const s = resolved(subject, p);
  return Object.entries(subject.commands)
    .filter(([, row]) => row.probes(p.context as never, { actor, at }).some((e) => s.can(e)))
    .map(([type]) => type);
}

/** Snapshots reachable by accepted probes, breadth first, up to a bound that keeps the suite quick. */
function reachable(subject: Subject, limit = 300): Array<Persisted<unknown>> {
  const seen = new Map<string, Persisted<unknown>>();
  const queue = subject.inputs.map((i) => subject.driver.open(i as never).snapshot as Persisted<unknown>);
  while (queue.length && seen.size < limit) {
    const p = queue.shift()!;
    const key = JSON.stringify([p.value, p.context]);
    if (seen.has(key)) continue;
    seen.set(key, p);
    for (const actor of ACTORS) {
      for (const at of [MOMENTS[1], MOMENTS[3]]) {
        for (const row of Object.values(subject.commands)) {
          for (const e of row.probes(p.context as never, { actor, at })) {
            const next = subject.driver.apply(p as never, e as never);
            if (next) queue.push(next.snapshot);
          }
        }
      }
    }
  }
  return [...seen.values()];
}

/** A state as XState's own initialTransition()/transition() leave it: the snapshot and the effects among the actions to run. */
const byXState = (subject: Subject, [next, actions]: [{ value: unknown; context: unknown }, unknown[]]) => ({
  value: next.value,
  context: next.context,
  actions: (actions as Array<{ type: string; params?: object }>)
    .filter((a) => subject.driver.effectTypes.includes(a.type))
    .map((a) => ({ type: a.type, ...a.params })),
});
const viaDriver = (o: { snapshot: Persisted<unknown>; effects: unknown[] }) => ({
  value: o.snapshot.value,
  context: o.snapshot.context,
  actions: o.effects,
});

describe.each(subjects)('$name: the commands accepted now', (subject) => {
  const snapshots = reachable(subject);

  it('reaches more than the opening states', () => {
    expect(new Set(snapshots.map((p) => JSON.stringify(p.value))).size).toBeGreaterThan(2);
  });

  it('are what XState can() says, for every reachable snapshot, actor and moment', () => {
    const differences: string[] = [];
    for (const p of snapshots) {
      for (const actor of ACTORS) {
        for (const at of MOMENTS) {
          const expected = viaCan(subject, p, actor, at);
          const actual = subject.driver.acceptedNow(p as never, actor, at);
          if (JSON.stringify(actual) !== JSON.stringify(expected)) {
            differences.push(`${JSON.stringify(p.value)} ${actor.role} ${at}: ${actual.join(',')} ≠ ${expected.join(',')}`);
          }
        }
      }
    }
    expect(differences).toEqual([]);
  });

  it('makes probes that name their own fields first and end with the actor and the time (decision 107)', () => {
    // A literal that adds fields after a spread gets a hidden class per object on Node 20, and a
    // list page makes its probes for every row: the key order shows which way a probe was written.
    const wrong: string[] = [];
    for (const p of snapshots.slice(0, 40)) {
      for (const [type, row] of Object.entries(subject.commands)) {
        for (const e of row.probes(p.context as never, { actor: principal, at: MOMENTS[1] })) {
          const keys = Object.keys(e);
          const last = keys.slice(-2).join(',');
          if (keys[0] !== 'type' || last !== 'actor,at' || e.actor !== principal || e.at !== MOMENTS[1])
            wrong.push(`${type}: ${keys.join(',')}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it("opens and applies commands as XState's initialTransition() and transition() do (one scope per machine, decision 103)", () => {
    for (const input of subject.inputs) {
      expect(viaDriver(subject.driver.open(input as never))).toEqual(byXState(subject, initialTransition(subject.machine, input as never)));
    }
    let compared = 0;
    for (const p of snapshots) {
      for (const actor of ACTORS) {
        for (const row of Object.values(subject.commands)) {
          for (const e of row.probes(p.context as never, { actor, at: MOMENTS[2] })) {
            const outcome = subject.driver.apply(p as never, e as never);
            if (!outcome) continue;
            expect(viaDriver(outcome)).toEqual(byXState(subject, transition(subject.machine, resolved(subject, p), e as never)));
            compared++;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(20);
  });
});
