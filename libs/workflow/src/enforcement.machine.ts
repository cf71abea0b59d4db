import { and, assertEvent, assign, or, setup } from 'xstate';
import { GuardFn } from './machine-driver';
import { Actor, leadsCase, Leadership } from './roles';
import { EnforcementContext, EnforcementEffect, EnforcementEvent, ONE_WEEK_MS } from './enforcement.types';
import { isValidIsoDate } from './plan.rules';
import { Regime } from './regime';

/**
 * Statsforvalteren's enforcement (opplæringslova §12-6) as a third pure machine per case, driven
 * like the others with initialTransition()/transition(). Each guard is mapped in
 * docs/domain-mapping.md.
 */
export const ENFORCEMENT_MACHINE_VERSION = 1;

type Start = Extract<EnforcementEffect, { type: 'startDeadline' }>;
type Meet = Extract<EnforcementEffect, { type: 'meetDeadlines' }>;

/** Whoever leads the case, and the owner, who answers to Statsforvalteren for its schools. */
function answersForCase(context: EnforcementContext, actor: Actor): boolean {
  return actor.role === 'owner' || leadsCase(context.handledBy, actor.role);
}

const notLater = (a: string, b: string) => new Date(a).getTime() <= new Date(b).getTime();

/** When the recorded thing happened, as people give it (the machine keeps `at` for when Trygg heard of it). */
export function happenedAt(event: EnforcementEvent): string {
  switch (event.type) {
    case 'RAISED_WITH_PRINCIPAL':
      return event.raisedAt;
    case 'REPORTED_TO_STATSFORVALTEREN':
      return event.reportedAt;
    case 'SF_DECISION':
      return event.decidedAt;
    case 'SF_COMPLIANCE':
      return event.compliedAt;
  }
}

/** The enforcement guards; each is traced in docs/domain-mapping.md. */
export const ENFORCEMENT_GUARDS = {
  /** §12-6 is in opplæringslova; barnehageloven has no such route in individual cases. */
  schoolRegime: ({ context }) => context.regime === 'school',
  actorAnswersForCase: ({ context, event }) => event.actor.role === 'system' || answersForCase(context, event.actor),
  /** A date people give for something that has happened cannot lie in the future. */
  whenNotInFuture: ({ event }) => {
    const when = happenedAt(event);
    return !Number.isNaN(new Date(when).getTime()) && notLater(when, event.at);
  },
  /** §12-6 second paragraph: one week after the case was raised with the rektor. */
  oneWeekSinceRaised: ({ context, event }) =>
    event.type === 'REPORTED_TO_STATSFORVALTEREN' &&
    !!context.raisedAt &&
    new Date(event.reportedAt).getTime() - new Date(context.raisedAt).getTime() >= ONE_WEEK_MS,
  /** §12-6: Statsforvalteren may waive the week for særlege grunnar, which are recorded. */
  specialGroundsGiven: ({ event }) => event.type === 'REPORTED_TO_STATSFORVALTEREN' && !!event.specialGrounds?.trim(),
  reportedNotBeforeRaised: ({ context, event }) =>
    event.type === 'REPORTED_TO_STATSFORVALTEREN' && !!context.raisedAt && notLater(context.raisedAt, event.reportedAt),
  /** The decision sets requirements with a deadline (vedtak om tiltak). */
  decisionRequiresAction: ({ event }) => event.type === 'SF_DECISION' && event.requirements.length > 0 && isValidIsoDate(event.deadline),
  /** The decision found the duty met: nothing to do. */
  decisionFindsDutyMet: ({ event }) => event.type === 'SF_DECISION' && event.requirements.length === 0 && event.deadline === undefined,
} satisfies Record<string, GuardFn<EnforcementContext, EnforcementEvent>>;

export type EnforcementGuard = keyof typeof ENFORCEMENT_GUARDS;

export const enforcementMachine = setup({
  types: {
    context: {} as EnforcementContext,
    events: {} as EnforcementEvent,
    input: {} as { regime: Regime; handledBy: Leadership },
  },
  actions: {
    startDeadline: (_, _p: Omit<Start, 'type'>) => undefined,
    meetDeadlines: (_, _p: Omit<Meet, 'type'>) => undefined,
    recordRaised: assign({
      raisedAt: ({ event }) => {
        assertEvent(event, 'RAISED_WITH_PRINCIPAL');
        return new Date(event.raisedAt).toISOString();
      },
      raisedAutomatically: ({ event }) => event.type === 'RAISED_WITH_PRINCIPAL' && event.automatic === true,
    }),
    recordReported: assign({
      reportedAt: ({ event }) => {
        assertEvent(event, 'REPORTED_TO_STATSFORVALTEREN');
        return new Date(event.reportedAt).toISOString();
      },
      specialGrounds: ({ event }) => (event.type === 'REPORTED_TO_STATSFORVALTEREN' && event.specialGrounds?.trim()) || null,
    }),
    recordDecision: assign({
      decisions: ({ context, event }) => {
        assertEvent(event, 'SF_DECISION');
        return [
          ...context.decisions,
          {
            decidedAt: new Date(event.decidedAt).toISOString(),
            requirements: [...event.requirements],
            deadline: event.deadline ?? null,
            recordedAt: event.at,
          },
        ];
      },
    }),
    recordCompliance: assign({
      compliances: ({ context, event }) => {
        assertEvent(event, 'SF_COMPLIANCE');
        return [
          ...context.compliances,
          { compliedAt: new Date(event.compliedAt).toISOString(), summary: event.summary, recordedAt: event.at },
        ];
      },
    }),
  },
  guards: ENFORCEMENT_GUARDS,
}).createMachine({
  id: 'enforcement',
  context: ({ input }) => ({
    regime: input.regime,
    handledBy: input.handledBy,
    raisedAt: null,
    raisedAutomatically: false,
    reportedAt: null,
    specialGrounds: null,
    decisions: [],
    compliances: [],
  }),
  initial: 'not_raised',
  states: {
    not_raised: {
      on: {
        RAISED_WITH_PRINCIPAL: {
          guard: and(['schoolRegime', 'actorAnswersForCase', 'whenNotInFuture']),
          target: 'raised',
          actions: 'recordRaised',
        },
      },
    },
    raised: {
      on: {
        REPORTED_TO_STATSFORVALTEREN: {
          guard: and([
            'schoolRegime',
            'actorAnswersForCase',
            'whenNotInFuture',
            'reportedNotBeforeRaised',
            or(['oneWeekSinceRaised', 'specialGroundsGiven']),
          ]),
          target: 'reported',
          actions: 'recordReported',
        },
      },
    },
    reported: { on: { SF_DECISION: decisionTransitions() } },
    decided: {
      on: {
        SF_DECISION: decisionTransitions(),
        SF_COMPLIANCE: {
          guard: and(['schoolRegime', 'actorAnswersForCase', 'whenNotInFuture']),
          target: 'complied',
          actions: ['recordCompliance', { type: 'meetDeadlines', params: { kinds: ['sf_compliance'] } }],
        },
      },
    },
    // A new decision can follow (after an appeal, or a new report on the same case).
    complied: { on: { SF_DECISION: decisionTransitions() } },
    duty_met: { on: { SF_DECISION: decisionTransitions() } },
  },
});

function decisionTransitions() {
  const allowed = ['schoolRegime', 'actorAnswersForCase', 'whenNotInFuture'] as const;
  return [
    {
      guard: and([...allowed, 'decisionRequiresAction']),
      target: '#enforcement.decided',
      actions: [
        'recordDecision' as const,
        {
          type: 'startDeadline' as const,
          params: ({ event }: { event: EnforcementEvent }) => {
            assertEvent(event, 'SF_DECISION');
            return { kind: 'sf_compliance' as const, ref: '', basis: { rule: 'on_date' as const, date: event.deadline as string } };
          },
        },
      ],
    },
    { guard: and([...allowed, 'decisionFindsDutyMet']), target: '#enforcement.duty_met', actions: 'recordDecision' as const },
  ];
}

export type EnforcementMachine = typeof enforcementMachine;
