import { and, assertEvent, assign, not, or, setup } from 'xstate';
import { BtiContext, BtiEffect, BtiEvent, BtiLevel } from './bti.types';
import { GuardFn } from './machine-driver';
import { leadsCase } from './roles';

/**
 * BTI as a second pure machine per case (docs/domain.md §4), driven like the duty-to-act machine with
 * initialTransition()/transition(): no delays, no actors, no clock. Deadlines leave as effects.
 */
export const BTI_MACHINE_VERSION = 1;

type Start = Extract<BtiEffect, { type: 'startDeadline' }>;
type Meet = Extract<BtiEffect, { type: 'meetDeadlines' }>;
type Cancel = Extract<BtiEffect, { type: 'cancelDeadlines' }>;

/** Consent for a service is valid at `at`: given, and not expired. */
export function consentValid(context: BtiContext, service: string, at: string): boolean {
  const c = context.consents[service];
  if (!c || c.status !== 'given') return false;
  return !c.expiresAt || new Date(c.expiresAt).getTime() > new Date(at).getTime();
}

/** PPT sees the case now: it was asked, anonymously or with a consent that is still valid. */
export function pptHasAccess(context: BtiContext, at: string): boolean {
  return !!context.ppt && (context.ppt.anonymous || consentValid(context, 'ppt', at));
}

/** The level an event asks for, for the level-2/3 guards. */
export function targetLevel(event: BtiEvent): BtiLevel | null {
  switch (event.type) {
    case 'BTI_DECIDE':
      return event.decision === 'close' ? null : (Number(event.decision.slice(-1)) as BtiLevel);
    case 'BTI_ESCALATE':
    case 'BTI_DEESCALATE':
      return event.toLevel;
    case 'BTI_EVALUATE':
      return event.decision === 'change_level' ? (event.toLevel ?? null) : null;
    default:
      return null;
  }
}

export function servicesAfter(context: BtiContext, event: BtiEvent): string[] {
  const added = 'services' in event && Array.isArray(event.services) ? event.services : [];
  return [...new Set([...context.services, ...added])];
}

/** Outside services the event would have taking part without valid consent (barnevern, once reported, needs none). */
export function servicesWithoutConsent(context: BtiContext, event: BtiEvent): string[] {
  const reported = context.barnevernReportedAt || (event.type === 'BTI_DECIDE' && event.barnevernReported);
  return servicesAfter(context, event).filter((s) => !(s === 'barnevern' && reported) && !consentValid(context, s, event.at));
}

/** The BTI guards; each is traced in docs/domain-mapping.md. */
export const BTI_GUARDS = {
  actorLeadsCase: ({ context, event }) => leadsCase(context.handledBy, event.actor.role),
  actorIsCoordinator: ({ context, event }) => context.coordinator === event.actor.userId,
  actorIsAssignedCoordinator: ({ context, event }) => context.pendingCoordinator === event.actor.userId,
  decidesClose: ({ event }) => event.type === 'BTI_DECIDE' && event.decision === 'close',
  /** Levels 2 and 3 are led by a stafettholder (assigned, or already coordinating). */
  coordinatorAssigned: ({ context, event }) => (targetLevel(event) ?? 0) < 2 || !!(context.coordinator || context.pendingCoordinator),
  /**
   * At level 2 and 3 every outside service taking part has valid consent; a report to barnevern
   * needs none (the duty to report overrides confidentiality). Level 1 stays inside the service.
   */
  consentForEachService: ({ context, event }) => (targetLevel(event) ?? 0) < 2 || servicesWithoutConsent(context, event).length === 0,
  levelUp: ({ context, event }) => (targetLevel(event) ?? -1) > context.level,
  levelDown: ({ context, event }) => {
    const to = targetLevel(event);
    return to !== null && to >= 1 && to < context.level;
  },
  evaluationChangesLevel: ({ context, event }) => {
    const to = targetLevel(event);
    return event.type === 'BTI_EVALUATE' && event.decision === 'change_level' && to !== null && to !== context.level;
  },
  evaluationContinues: ({ event }) => event.type === 'BTI_EVALUATE' && event.decision === 'continue',
  evaluationCloses: ({ event }) => event.type === 'BTI_EVALUATE' && event.decision === 'close',
  consentOnRecord: ({ context, event }) => 'service' in event && context.consents[event.service]?.status === 'given',
  hasExpiry: ({ event }) => event.type === 'RECORD_CONSENT' && !!event.expiresAt,
  /** PPT may see the case: asked anonymously, or with valid consent for PPT. */
  pptMayTakePart: ({ context, event }) =>
    event.type === 'REQUEST_PPT' ? event.anonymous || consentValid(context, 'ppt', event.at) : pptHasAccess(context, event.at),
  pptNotYetRequested: ({ context }) => context.ppt === null,
  actorIsPpt: ({ event }) => event.actor.role === 'ppt',
} satisfies Record<string, GuardFn<BtiContext, BtiEvent>>;

export type BtiGuard = keyof typeof BTI_GUARDS;

export const btiMachine = setup({
  types: {
    context: {} as BtiContext,
    events: {} as BtiEvent,
    input: {} as { handledBy: 'principal' | 'owner' },
  },
  actions: {
    startDeadline: (_, _p: Omit<Start, 'type'>) => undefined,
    meetDeadlines: (_, _p: Omit<Meet, 'type'>) => undefined,
    cancelDeadlines: (_, _p: Omit<Cancel, 'type'>) => undefined,
    takeLevel: assign({
      level: ({ context, event }) => targetLevel(event) ?? context.level,
      services: ({ context, event }) => servicesAfter(context, event),
    }),
    recordBarnevern: assign({
      barnevernReportedAt: ({ context, event }) =>
        event.type === 'BTI_DECIDE' && event.barnevernReported ? (event.barnevernReportedAt ?? event.at) : context.barnevernReportedAt,
    }),
    assignCoordinator: assign({
      pendingCoordinator: ({ event }) => {
        assertEvent(event, 'ASSIGN_COORDINATOR');
        return event.userId;
      },
    }),
    acceptCoordination: assign({ coordinator: ({ context }) => context.pendingCoordinator, pendingCoordinator: null }),
    requestPpt: assign({
      ppt: ({ event }) => {
        assertEvent(event, 'REQUEST_PPT');
        return {
          requestedAt: event.at,
          requestedBy: event.actor.userId,
          question: event.question,
          anonymous: event.anonymous,
          anonymousSummary: event.anonymous ? (event.anonymousSummary ?? null) : null,
        };
      },
    }),
    recordConsent: assign({
      consents: ({ context, event }) => {
        assertEvent(event, ['RECORD_CONSENT', 'RECORD_CONSENT_REFUSAL', 'WITHDRAW_CONSENT']);
        const prior = context.consents[event.service];
        const next =
          event.type === 'RECORD_CONSENT'
            ? {
                service: event.service,
                status: 'given' as const,
                givenBy: event.givenBy,
                form: event.form,
                scope: event.scope,
                givenAt: event.givenAt,
                expiresAt: event.expiresAt ?? null,
                recordedAt: event.at,
              }
            : event.type === 'RECORD_CONSENT_REFUSAL'
              ? {
                  service: event.service,
                  status: 'refused' as const,
                  givenBy: event.refusedBy,
                  form: null,
                  scope: '',
                  givenAt: null,
                  expiresAt: null,
                  recordedAt: event.at,
                }
              : { ...prior!, status: 'withdrawn' as const, recordedAt: event.at };
        return { ...context.consents, [event.service]: next };
      },
    }),
  },
  guards: BTI_GUARDS,
}).createMachine({
  id: 'bti',
  context: ({ input }) => ({
    level: 0,
    handledBy: input.handledBy,
    coordinator: null,
    pendingCoordinator: null,
    services: [],
    consents: {},
    barnevernReportedAt: null,
    ppt: null,
  }),
  initial: 'level0',
  on: {
    ASSIGN_COORDINATOR: { guard: 'actorLeadsCase', actions: 'assignCoordinator' },
    // Until the new coordinator accepts, the previous holder stays responsible.
    ACCEPT_COORDINATION: { guard: 'actorIsAssignedCoordinator', actions: 'acceptCoordination' },
    RECORD_CONSENT: [
      {
        guard: and([or(['actorLeadsCase', 'actorIsCoordinator']), 'hasExpiry']),
        actions: [
          'recordConsent',
          {
            type: 'startDeadline',
            params: ({ event }) => {
              assertEvent(event, 'RECORD_CONSENT');
              return {
                kind: 'consent_expiry' as const,
                ref: event.service,
                basis: { rule: 'on_instant' as const, at: event.expiresAt as string },
              };
            },
          },
        ],
      },
      { guard: or(['actorLeadsCase', 'actorIsCoordinator']), actions: 'recordConsent' },
    ],
    RECORD_CONSENT_REFUSAL: { guard: or(['actorLeadsCase', 'actorIsCoordinator']), actions: 'recordConsent' },
    // PPT at escalation (docs/domain.md §4): pulled in by the leader, named with consent or anonymously.
    REQUEST_PPT: {
      guard: and(['actorLeadsCase', 'pptNotYetRequested', 'pptMayTakePart']),
      actions: ['requestPpt', { type: 'startDeadline', params: { kind: 'ppt_advice', ref: '', basis: { rule: 'ppt_advice' } } }],
    },
    PPT_ADVICE: {
      guard: and(['actorIsPpt', 'pptMayTakePart']),
      actions: { type: 'meetDeadlines', params: { kinds: ['ppt_advice'] } },
    },
    WITHDRAW_CONSENT: {
      guard: and([or(['actorLeadsCase', 'actorIsCoordinator']), 'consentOnRecord']),
      actions: [
        'recordConsent',
        {
          type: 'cancelDeadlines',
          params: ({ event }) => {
            assertEvent(event, 'WITHDRAW_CONSENT');
            return { kinds: ['consent_expiry' as const], ref: event.service };
          },
        },
      ],
    },
  },
  states: {
    level0: {
      // Clarify whether there is reason for concern; decide (policy: within 14 days).
      entry: { type: 'startDeadline', params: { kind: 'bti_decision', ref: '', basis: { rule: 'bti_decision' } } },
      on: {
        BTI_DECIDE: [
          {
            guard: and(['actorLeadsCase', 'decidesClose']),
            target: 'closed',
            actions: [{ type: 'meetDeadlines', params: { kinds: ['bti_decision'] } }, 'recordBarnevern'],
          },
          {
            guard: and(['actorLeadsCase', not('decidesClose'), 'coordinatorAssigned', 'consentForEachService']),
            target: 'active',
            actions: ['recordBarnevern', 'takeLevel', { type: 'meetDeadlines', params: { kinds: ['bti_decision'] } }],
          },
        ],
      },
    },
    active: {
      on: {
        BTI_ESCALATE: { guard: and(['actorLeadsCase', 'levelUp', 'coordinatorAssigned', 'consentForEachService']), actions: 'takeLevel' },
        BTI_DEESCALATE: { guard: and(['actorLeadsCase', 'levelDown']), actions: 'takeLevel' },
        BTI_EVALUATE: [
          { guard: and([or(['actorLeadsCase', 'actorIsCoordinator']), 'evaluationContinues']) },
          { guard: and([or(['actorLeadsCase', 'actorIsCoordinator']), 'evaluationCloses']), target: 'closed' },
          {
            guard: and([
              or(['actorLeadsCase', 'actorIsCoordinator']),
              'evaluationChangesLevel',
              'coordinatorAssigned',
              'consentForEachService',
            ]),
            actions: 'takeLevel',
          },
        ],
      },
    },
    closed: {
      entry: { type: 'cancelDeadlines', params: { kinds: ['bti_decision', 'consent_expiry'] } },
    },
  },
});
