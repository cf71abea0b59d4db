import { initialTransition, transition } from 'xstate';
import { BTI_MACHINE_VERSION, btiMachine, consentValid } from './bti.machine';
import { BTI_COMMAND_TYPES, BtiCommandType, BtiContext, BtiEffect, BtiEvent, BtiState } from './bti.types';

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

/** Sample events that pass each command's input checks, to ask "could this actor do X now?". */
function probes(c: BtiContext, actor: BtiEvent['actor'], at: string): BtiEvent[] {
  const base = { actor, at };
  const services = c.services.length ? c.services : ['ppt'];
  const consent = (service: string): BtiEvent => ({ ...base, type: 'RECORD_CONSENT', service, givenBy: 'probe', form: 'written', scope: 'probe', givenAt: at });
  return [
    { ...base, type: 'BTI_DECIDE', decision: 'close', reason: 'probe' },
    { ...base, type: 'BTI_DECIDE', decision: 'level1', reason: 'probe' },
    { ...base, type: 'BTI_ESCALATE', toLevel: c.level < 2 ? 2 : 3, reason: 'probe' },
    { ...base, type: 'BTI_DEESCALATE', toLevel: c.level > 2 ? 2 : 1, reason: 'probe' },
    { ...base, type: 'ASSIGN_COORDINATOR', userId: 'probe' },
    { ...base, type: 'ACCEPT_COORDINATION' },
    consent('ppt'),
    { ...base, type: 'RECORD_CONSENT_REFUSAL', service: 'ppt', refusedBy: 'probe' },
    ...services.map((service): BtiEvent => ({ ...base, type: 'WITHDRAW_CONSENT', service, reason: 'probe' })),
    ...Object.keys(c.consents).map((service): BtiEvent => ({ ...base, type: 'WITHDRAW_CONSENT', service, reason: 'probe' })),
    { ...base, type: 'BTI_EVALUATE', participants: ['probe'], decision: 'continue', summary: 'probe' },
  ];
}

/** The BTI commands the machine would accept from this actor now. */
export function btiCommandsAcceptedNow(p: PersistedBti, actor: BtiEvent['actor'], at: string): BtiCommandType[] {
  const s = restore(p);
  const ok = new Set<BtiCommandType>();
  for (const probe of probes(p.context, actor, at)) if (!ok.has(probe.type) && s.can(probe)) ok.add(probe.type);
  return BTI_COMMAND_TYPES.filter((t) => ok.has(t));
}

/** Why the BTI machine refused an event, in words naming the rule. */
export function explainBtiRefusal(p: PersistedBti, event: BtiEvent): string {
  const c = p.context;
  const state = btiStateOf(p);
  const leads = c.handledBy === 'owner' ? event.actor.role === 'owner' : event.actor.role === 'principal';
  if (state === 'closed') return `${event.type} is not possible: BTI is closed for this case`;
  if (event.type === 'BTI_DECIDE' && state !== 'level0') return `BTI_DECIDE ends level 0; the case is at BTI ${state}`;
  if (['BTI_ESCALATE', 'BTI_DEESCALATE', 'BTI_EVALUATE'].includes(event.type) && state === 'level0') return `${event.type} needs a BTI level decided first (BTI_DECIDE)`;
  if (event.type === 'ACCEPT_COORDINATION') return 'actorIsAssignedCoordinator: only the person assigned as coordinator (stafettholder) can accept';
  if (['BTI_DECIDE', 'BTI_ESCALATE', 'BTI_DEESCALATE', 'ASSIGN_COORDINATOR'].includes(event.type) && !leads) return `actorLeadsCase: ${event.type} is for whoever leads the case`;
  if (event.type === 'REQUEST_PPT') {
    if (c.ppt) return 'PPT has already been asked into this case';
    if (!leads) return 'actorLeadsCase: REQUEST_PPT is for whoever leads the case';
    return 'pptMayTakePart: naming the child to PPT needs valid consent for ppt (RECORD_CONSENT), or ask anonymously';
  }
  if (event.type === 'PPT_ADVICE') return 'pptMayTakePart: PPT may advise only in a case it was asked into, while its consent (or anonymous mode) holds';
  if (event.type === 'WITHDRAW_CONSENT') return `consentOnRecord: there is no given consent for ${event.service} to withdraw`;
  const wanted = 'toLevel' in event ? event.toLevel : event.type === 'BTI_DECIDE' ? Number(event.decision.slice(-1)) : c.level;
  if ((event.type === 'BTI_ESCALATE' || event.type === 'BTI_DEESCALATE') && (wanted as number) === c.level) return `the case is already at BTI level ${c.level}`;
  if ((wanted as number) >= 2 && !c.coordinator && !c.pendingCoordinator) return 'coordinatorAssigned: BTI level 2 and 3 need a coordinator (stafettholder): ASSIGN_COORDINATOR first';
  const services = [...new Set([...c.services, ...('services' in event && event.services ? event.services : [])])];
  const missing = services.filter((s) => !(s === 'barnevern' && (c.barnevernReportedAt || (event.type === 'BTI_DECIDE' && event.barnevernReported))) && !consentValid(c, s, event.at));
  if (missing.length) return `consentForEachService: no valid consent for ${missing.join(', ')} (RECORD_CONSENT first; a report to barnevern needs none)`;
  return `${event.type} is not possible at BTI ${state}`;
}
