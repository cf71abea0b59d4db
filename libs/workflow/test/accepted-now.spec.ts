import { AnyStateMachine } from 'xstate';
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
  openBti,
  openCase,
  openEnforcement,
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
    apply(p: Persisted<never>, e: never): { snapshot: Persisted<never> } | undefined;
  };
  starts: Array<Persisted<unknown>>;
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
    starts: [
      openCase(openInput()).snapshot,
      openCase(openInput({ childSaysUnsafe: true, childIds: ['c1', 'c2'] })).snapshot,
      openCase(openInput({ staffOffender: true, offenderIsLeadership: true })).snapshot,
      openCase(openInput({}, 'kindergarten')).snapshot,
    ],
  },
  {
    name: 'BTI',
    machine: btiMachine,
    commands: BTI_COMMANDS as unknown as Probes,
    driver: btiDriver as never,
    starts: [openBti('principal').snapshot, openBti('owner').snapshot],
  },
  {
    name: 'enforcement',
    machine: enforcementMachine,
    commands: ENFORCEMENT_COMMANDS as unknown as Probes,
    driver: enforcementDriver as never,
    starts: [openEnforcement('school', 'principal'), openEnforcement('kindergarten', 'owner')],
  },
];

function viaCan(subject: Subject, p: Persisted<unknown>, actor: Actor, at: string): string[] {
  const s = subject.machine.resolveState({ value: p.value as never, context: p.context as never });
  return Object.entries(subject.commands)
    .filter(([, row]) => row.probes(p.context as never, { actor, at }).some((e) => s.can(e)))
    .map(([type]) => type);
}

/** Snapshots reachable by accepted probes, breadth first, up to a bound that keeps the suite quick. */
function reachable(subject: Subject, limit = 300): Array<Persisted<unknown>> {
  const seen = new Map<string, Persisted<unknown>>();
  const queue = [...subject.starts];
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
});
