import { initialTransition, transition } from 'xstate';
import { Actor } from './duty-to-act.types';
import { ENFORCEMENT_MACHINE_VERSION, enforcementMachine } from './enforcement.machine';
import { ENFORCEMENT_COMMAND_TYPES, EnforcementCommandType, EnforcementContext, EnforcementEffect, EnforcementEvent, EnforcementState, ONE_WEEK_MS } from './enforcement.types';
import { osloDateOf, toOsloIso } from './oslo-time';
import { Regime } from './regime';

/** The enforcement machine as pure functions over a persisted snapshot, like the other two. */
export interface PersistedEnforcement {
  machineVersion: number;
  value: unknown;
  context: EnforcementContext;
}

export interface EnforcementOutcome {
  snapshot: PersistedEnforcement;
  state: EnforcementState;
  effects: EnforcementEffect[];
}

type Snapshot = ReturnType<typeof enforcementMachine.resolveState>;
const EFFECT_TYPES = new Set(['startDeadline', 'meetDeadlines']);

function persist(s: Snapshot): PersistedEnforcement {
  return { machineVersion: ENFORCEMENT_MACHINE_VERSION, value: JSON.parse(JSON.stringify(s.value)), context: JSON.parse(JSON.stringify(s.context)) };
}

function restore(p: PersistedEnforcement): Snapshot {
  if (p.machineVersion !== ENFORCEMENT_MACHINE_VERSION) throw new Error(`enforcement snapshot version ${p.machineVersion}, expected ${ENFORCEMENT_MACHINE_VERSION}`);
  return enforcementMachine.resolveState({ value: p.value as never, context: p.context });
}

/** Every case starts outside enforcement; cases from before issue 5 get this on read. */
export function openEnforcement(regime: Regime, handledBy: 'principal' | 'owner'): PersistedEnforcement {
  return persist(initialTransition(enforcementMachine, { regime, handledBy })[0]);
}

export function enforcementStateOf(p: PersistedEnforcement): EnforcementState {
  return restore(p).value as EnforcementState;
}

export function applyEnforcementCommand(p: PersistedEnforcement, event: EnforcementEvent): EnforcementOutcome | undefined {
  const s = restore(p);
  if (!s.can(event)) return undefined;
  const [next, actions] = transition(enforcementMachine, s, event);
  return {
    snapshot: persist(next),
    state: next.value as EnforcementState,
    effects: actions.filter((a) => EFFECT_TYPES.has(a.type)).map((a) => ({ type: a.type, ...(a.params as object) }) as EnforcementEffect),
  };
}

/** The enforcement commands this actor could send now (payload permitting), for allowedCommands. */
export function enforcementCommandsAcceptedNow(p: PersistedEnforcement, actor: Actor, at: string): EnforcementCommandType[] {
  const s = restore(p);
  const base = { actor, at };
  const probes: EnforcementEvent[] = [
    { ...base, type: 'RAISED_WITH_PRINCIPAL', raisedAt: at },
    { ...base, type: 'REPORTED_TO_STATSFORVALTEREN', reportedAt: at, specialGrounds: 'probe' },
    { ...base, type: 'SF_DECISION', decidedAt: at, requirements: ['probe'], deadline: osloDateOf(new Date(at)) },
    { ...base, type: 'SF_COMPLIANCE', compliedAt: at, summary: 'probe' },
  ];
  return ENFORCEMENT_COMMAND_TYPES.filter((t) => probes.some((e) => e.type === t && s.can(e)));
}

/** Why the enforcement machine refused, naming the rule and the law. */
export function explainEnforcementRefusal(p: PersistedEnforcement, event: EnforcementEvent): string {
  const c = p.context;
  const state = enforcementStateOf(p);
  if (c.regime !== 'school') {
    return `schoolRegime: Statsforvalteren's enforcement (opplæringslova §12-6) applies to schools only; barnehageloven has no complaint route to Statsforvalteren in individual cases`;
  }
  if (event.actor.role !== 'owner' && !(c.handledBy === 'principal' && event.actor.role === 'principal')) {
    return `actorAnswersForCase: ${event.type} is recorded by whoever leads the case or by the owner`;
  }
  const when = 'raisedAt' in event ? event.raisedAt : 'reportedAt' in event ? event.reportedAt : 'decidedAt' in event ? event.decidedAt : event.compliedAt;
  if (Number.isNaN(new Date(when).getTime()) || new Date(when).getTime() > new Date(event.at).getTime()) return `whenNotInFuture: ${event.type} records something that has happened; 'at' cannot be later than now`;
  if (event.type === 'RAISED_WITH_PRINCIPAL') return `the case was already raised with the rektor on ${toOsloIso(new Date(c.raisedAt as string))}`;
  if (event.type === 'REPORTED_TO_STATSFORVALTEREN') {
    if (state === 'not_raised') return 'raisedWithPrincipal: a case can be reported to Statsforvalteren only after it has been raised with the rektor personally (opplæringslova §12-6): record RAISED_WITH_PRINCIPAL first';
    if (state !== 'raised') return `the case has already been reported to Statsforvalteren (${toOsloIso(new Date(c.reportedAt as string))})`;
    if (new Date(event.reportedAt).getTime() < new Date(c.raisedAt as string).getTime()) return 'reportedNotBeforeRaised: the report cannot come before the case was raised with the rektor';
    const earliest = new Date(new Date(c.raisedAt as string).getTime() + ONE_WEEK_MS);
    return `oneWeekSinceRaised: a case can be reported to Statsforvalteren one week after it was raised with the rektor (opplæringslova §12-6 second paragraph), here from ${toOsloIso(earliest)}; Statsforvalteren may waive this for special grounds (særlege grunnar): give specialGrounds to record them`;
  }
  if (event.type === 'SF_DECISION') {
    if (state === 'not_raised' || state === 'raised') return 'SF_DECISION needs the case reported to Statsforvalteren first (REPORTED_TO_STATSFORVALTEREN)';
    return 'decisionRequiresAction: a decision with requirements needs a valid deadline date (YYYY-MM-DD); a decision finding the duty met has no requirements and no deadline';
  }
  return `SF_COMPLIANCE needs a decision from Statsforvalteren to comply with; enforcement is ${state}`;
}
