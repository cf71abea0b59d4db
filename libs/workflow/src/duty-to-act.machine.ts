import { and, assertEvent, assign, enqueueActions, not, or, setup } from 'xstate';
import { legalBasisFor } from './regime';
import { isValidIsoDate, planHasFiveElements } from './plan.rules';
import { osloDateOf } from './oslo-time';
import { CaseContext, CaseEvent, Effect, OpenCaseInput, Plan } from './duty-to-act.types';
import { DeadlineKindOf } from './deadline-kinds';
import { GuardFn } from './machine-driver';
import { Actor, isSystemActor, leadsCase } from './roles';

/**
 * The duty to act (aktivitetsplikt) as a state machine: opplæringslova §12-4 / §12-5 for
 * schools, barnehageloven §42 / §43 for kindergartens. Each guard and effect is mapped to its
 * section in docs/domain-mapping.md.
 *
 * The machine is a pure function driven with initialTransition()/transition(): no delays, no
 * invoked or spawned actors, no clock. Deadlines and notifications leave it as plain effects
 * (startDeadline, meetDeadlines, cancelDeadlines, notifyOwner) that the use case writes in the
 * same transaction as the snapshot.
 *
 * Bump DUTY_TO_ACT_MACHINE_VERSION whenever a change could make an existing snapshot mean
 * something else, and add a migration in snapshot-migrations.ts.
 */
export const DUTY_TO_ACT_MACHINE_VERSION = 1;

type StartDeadline = Extract<Effect, { type: 'startDeadline' }>;
type MeetDeadlines = Extract<Effect, { type: 'meetDeadlines' }>;
type CancelDeadlines = Extract<Effect, { type: 'cancelDeadlines' }>;
type NotifyOwner = Extract<Effect, { type: 'notifyOwner' }>;
type TellReporter = Extract<Effect, { type: 'tellReporter' }>;

const leads = (context: CaseContext, actor: Actor) => leadsCase(context.handledBy, actor.role);

const EVALUATION_DEADLINES: DeadlineKindOf<'dutyToAct'>[] = ['plan_evaluation', 'measure_evaluation'];

/** The duty to act's guards, named as a principal would say them; each is traced in docs/domain-mapping.md. */
export const DUTY_TO_ACT_GUARDS = {
  actorLeadsCase: ({ context, event }) => leads(context, event.actor),
  /** Involved staff and whoever leads the case take part in the case work. */
  actorTakesPart: ({ context, event }) => leads(context, event.actor) || (event.actor.role === 'staff' && event.actor.involved),
  actorIsResponsibleForMeasure: ({ context, event }) => {
    if (leads(context, event.actor)) return true;
    if (event.type !== 'RECORD_MEASURE' || !context.plan) return false;
    return context.plan.measures.some((m) => m.id === event.measureId && m.responsibleUserId === event.actor.userId);
  },
  /** Trygg starts the evaluation itself once the date the plan set for it has come. */
  evaluationDateReached: ({ context, event }) =>
    isSystemActor(event.actor) && context.nextEvaluationAt !== null && osloDateOf(new Date(event.at)) >= context.nextEvaluationAt,
  childSaysUnsafe: ({ context }) => context.childSaysUnsafe,
  /** Every child in the case has been heard, or why not is on record (§12-4 / §42, the child's right to be heard). */
  childVoiceOnRecord: ({ context }) => context.childIds.every((id) => context.childVoices.some((v) => v.childId === id)),
  childInCase: ({ context, event }) => event.type === 'RECORD_CHILD_VOICE' && context.childIds.includes(event.childId),
  staffOffender: ({ context }) => context.staffOffender,
  alreadySerious: ({ context }) => context.serious,
  concludesSafe: ({ event }) => event.type === 'CONCLUDE_INVESTIGATION' && event.outcome === 'safe',
  concludesNotSafe: ({ event }) => event.type === 'CONCLUDE_INVESTIGATION' && event.outcome === 'not_safe',
  planHasFiveElements: ({ event }) => event.type === 'SUBMIT_PLAN' && planHasFiveElements(event.plan, osloDateOf(new Date(event.at))),
  measureInPlan: ({ context, event }) => event.type === 'RECORD_MEASURE' && !!context.plan?.measures.some((m) => m.id === event.measureId),
  evaluationResolved: ({ event }) => event.type === 'EVALUATE' && event.outcome === 'resolved',
  evaluationContinues: ({ event }) =>
    event.type === 'EVALUATE' &&
    event.outcome === 'continue' &&
    isValidIsoDate(event.nextEvaluationAt) &&
    event.nextEvaluationAt >= osloDateOf(new Date(event.at)),
  evaluationRevises: ({ event }) => event.type === 'EVALUATE' && event.outcome === 'revise',
} satisfies Record<string, GuardFn<CaseContext, CaseEvent>>;

export type DutyToActGuard = keyof typeof DUTY_TO_ACT_GUARDS;

export const dutyToActMachine = setup({
  types: {
    context: {} as CaseContext,
    events: {} as CaseEvent,
    input: {} as OpenCaseInput,
  },
  actions: {
    // Effects: carried out by the use case, never here.
    startDeadline: (_, _params: Omit<StartDeadline, 'type'>) => undefined,
    meetDeadlines: (_, _params: Omit<MeetDeadlines, 'type'>) => undefined,
    cancelDeadlines: (_, _params: Omit<CancelDeadlines, 'type'>) => undefined,
    notifyOwner: (_, _params: Omit<NotifyOwner, 'type'>) => undefined,
    tellReporter: (_, _params: Omit<TellReporter, 'type'>) => undefined,
    // The note itself is the stored event; the machine only has to accept it.
    documentNote: () => undefined,

    recordChildVoice: assign({
      childVoices: ({ context, event }) => {
        assertEvent(event, 'RECORD_CHILD_VOICE');
        const heard = !event.notHeardReason;
        return [...context.childVoices, { childId: event.childId, heard, at: event.at }];
      },
      // Once a child has said it is not safe, the case can no longer be concluded safe (§12-4 / §42).
      childSaysUnsafe: ({ context, event }) => {
        assertEvent(event, 'RECORD_CHILD_VOICE');
        return context.childSaysUnsafe || event.saysUnsafe === true;
      },
    }),
    markSerious: assign({ serious: true, ownerNotified: true }),
    recordConclusion: assign({
      investigationOutcome: ({ event }) => {
        assertEvent(event, ['CONCLUDE_INVESTIGATION', 'CLOSE']);
        return event.type === 'CLOSE' ? 'safe' : event.outcome;
      },
    }),
    takeSubmittedPlan: assign({
      plan: ({ context, event }) => {
        assertEvent(event, 'SUBMIT_PLAN');
        const plan: Plan = {
          problem: event.plan.problem,
          evaluateAt: event.plan.evaluateAt,
          // Only the plan's own fields are kept; anything else a client sent is dropped.
          measures: event.plan.measures.map((m) => ({
            id: m.id,
            description: m.description,
            ...(m.ffss ? { ffss: m.ffss } : {}),
            when: m.when,
            responsibleUserId: m.responsibleUserId,
            evaluateAt: m.evaluateAt,
          })),
          ...(event.plan.childParticipation ? { childParticipation: event.plan.childParticipation } : {}),
          ...(event.plan.parentsInvolved ? { parentsInvolved: event.plan.parentsInvolved } : {}),
          version: context.planVersions.length + 1,
          status: 'submitted',
          submittedAt: event.at,
          submittedBy: event.actor.userId,
          approvedAt: null,
          approvedBy: null,
          returnedReason: null,
        };
        return plan;
      },
      measureStatus: () => ({}),
    }),
    approvePlan: assign({
      plan: ({ context, event }) =>
        context.plan && { ...context.plan, status: 'approved', approvedAt: event.at, approvedBy: event.actor.userId },
      nextEvaluationAt: ({ context }) => context.plan?.evaluateAt ?? null,
    }),
    returnPlan: assign({
      plan: ({ context, event }) => {
        assertEvent(event, 'RETURN_PLAN');
        return context.plan && { ...context.plan, status: 'returned', returnedReason: event.reason };
      },
    }),
    recordMeasure: assign({
      measureStatus: ({ context, event }) => {
        assertEvent(event, 'RECORD_MEASURE');
        return { ...context.measureStatus, [event.measureId]: event.status };
      },
    }),
    continueWithNewDate: assign({
      nextEvaluationAt: ({ event }) => {
        assertEvent(event, 'EVALUATE');
        return event.nextEvaluationAt ?? null;
      },
    }),
    supersedePlan: assign({
      planVersions: ({ context }) =>
        context.plan ? [...context.planVersions, { ...context.plan, status: 'superseded' as const }] : context.planVersions,
      plan: null,
      measureStatus: () => ({}),
      nextEvaluationAt: null,
    }),
    markClosed: assign({ closedAt: ({ event }) => event.at }),
    markReopened: assign({ closedAt: null, investigationOutcome: null }),
  },
  guards: DUTY_TO_ACT_GUARDS,
}).createMachine({
  id: 'dutyToAct',
  context: ({ input }) => ({
    regime: input.regime,
    legalBasis: legalBasisFor(input.regime, input.staffOffender),
    childIds: [...input.childIds],
    childSaysUnsafe: input.childSaysUnsafe,
    staffOffender: input.staffOffender,
    offenderIsLeadership: input.staffOffender && input.offenderIsLeadership,
    // §12-5 third paragraph / §43: when the leadership offends, the report goes directly to the owner.
    handledBy: input.staffOffender && input.offenderIsLeadership ? 'owner' : 'principal',
    serious: false,
    // §12-5 / §43: the principal informs the owner of every staff-offence report.
    ownerNotified: input.staffOffender,
    childVoices: [],
    investigationOutcome: null,
    plan: null,
    planVersions: [],
    measureStatus: {},
    nextEvaluationAt: null,
    openedAt: input.at,
    closedAt: null,
  }),
  initial: 'open',
  states: {
    open: {
      initial: 'reported',
      on: {
        // Melde fra i alvorlege tilfelle: the principal reports serious cases to the owner (§12-4 / §42).
        MARK_SERIOUS: {
          guard: and(['actorLeadsCase', not('alreadySerious')]),
          actions: ['markSerious', { type: 'notifyOwner', params: { reason: 'serious' } }],
        },
        // Dokumentere: what is done to follow, intervene and investigate is documented.
        ADD_NOTE: { guard: 'actorTakesPart', actions: 'documentNote' },
        RECORD_CHILD_VOICE: { guard: and(['actorTakesPart', 'childInCase']), actions: 'recordChildVoice' },
      },
      states: {
        reported: {
          entry: enqueueActions(({ context, enqueue, check }) => {
            enqueue({
              type: 'startDeadline',
              params: {
                kind: 'acknowledge',
                ref: '',
                basis: { rule: context.staffOffender ? 'acknowledge_staff_offence' : 'acknowledge' },
              },
            });
            if (check('staffOffender')) enqueue({ type: 'notifyOwner', params: { reason: 'staff_offence' } });
          }),
          on: {
            ACKNOWLEDGE: {
              guard: 'actorLeadsCase',
              target: 'investigating',
              // A reporter who hears nothing stops reporting: tell them the concern is taken up.
              actions: [
                { type: 'meetDeadlines', params: { kinds: ['acknowledge'] } },
                { type: 'tellReporter', params: { about: 'acknowledged' } },
              ],
            },
          },
        },
        investigating: {
          // Undersøke snarast (§12-4 third paragraph / §42 fourth paragraph).
          entry: {
            type: 'startDeadline',
            params: { kind: 'investigation', ref: '', basis: { rule: 'investigation' } },
          },
          on: {
            // Omni-trappa is assessed during the investigation and at each evaluation (docs/domain.md §5).
            ASSESS_STAIRCASE: { guard: 'actorTakesPart', actions: 'documentNote' },
            CONCLUDE_INVESTIGATION: [
              {
                // The child's own experience decides: "safe" cannot overrule a child who says it is not.
                guard: and(['actorLeadsCase', 'concludesSafe', not('childSaysUnsafe'), 'childVoiceOnRecord']),
                target: '#dutyToAct.closed',
                actions: ['recordConclusion', { type: 'meetDeadlines', params: { kinds: ['investigation'] } }],
              },
              {
                guard: and(['actorLeadsCase', 'concludesNotSafe']),
                target: 'planning',
                actions: ['recordConclusion', { type: 'meetDeadlines', params: { kinds: ['investigation'] } }],
              },
            ],
            CLOSE: {
              guard: and(['actorLeadsCase', not('childSaysUnsafe'), 'childVoiceOnRecord']),
              target: '#dutyToAct.closed',
              actions: ['recordConclusion', { type: 'meetDeadlines', params: { kinds: ['investigation'] } }],
            },
          },
        },
        planning: {
          // Sette inn tiltak with a written plan; policy: approved plan within N school days.
          entry: {
            type: 'startDeadline',
            params: { kind: 'plan', ref: '', basis: { rule: 'plan' } },
          },
          on: {
            SUBMIT_PLAN: {
              guard: and(['actorTakesPart', 'planHasFiveElements']),
              target: 'awaiting_approval',
              actions: 'takeSubmittedPlan',
            },
          },
        },
        awaiting_approval: {
          entry: {
            type: 'startDeadline',
            params: { kind: 'approval', ref: '', basis: { rule: 'approval' } },
          },
          on: {
            APPROVE_PLAN: {
              guard: 'actorLeadsCase',
              target: 'active',
              actions: [
                'approvePlan',
                { type: 'meetDeadlines', params: { kinds: ['approval', 'plan'] } },
                // Evaluate the measures on the dates the plan sets (the fifth element of the plan).
                enqueueActions(({ context, enqueue }) => {
                  const plan = context.plan;
                  if (!plan) return;
                  for (const m of plan.measures) {
                    enqueue({
                      type: 'startDeadline',
                      params: {
                        kind: 'measure_evaluation',
                        ref: m.id,
                        basis: { rule: 'on_date', date: m.evaluateAt },
                        responsibleUserId: m.responsibleUserId,
                      },
                    });
                  }
                  enqueue({
                    type: 'startDeadline',
                    params: {
                      kind: 'plan_evaluation',
                      ref: '',
                      basis: { rule: 'on_date', date: plan.evaluateAt },
                    },
                  });
                }),
              ],
            },
            RETURN_PLAN: {
              guard: 'actorLeadsCase',
              target: 'planning',
              actions: ['returnPlan', { type: 'cancelDeadlines', params: { kinds: ['approval'] } }],
            },
          },
        },
        active: {
          on: {
            RECORD_MEASURE: {
              guard: and(['actorIsResponsibleForMeasure', 'measureInPlan']),
              actions: 'recordMeasure',
            },
            START_EVALUATION: { guard: or(['actorTakesPart', 'evaluationDateReached']), target: 'evaluating' },
          },
        },
        evaluating: {
          on: {
            ASSESS_STAIRCASE: { guard: 'actorTakesPart', actions: 'documentNote' },
            // Evaluate until the child is safe: resolved closes, continue keeps the plan with a
            // new date, revise starts a new plan version.
            EVALUATE: [
              {
                guard: and(['actorLeadsCase', 'evaluationResolved']),
                target: '#dutyToAct.closed',
                actions: { type: 'meetDeadlines', params: { kinds: EVALUATION_DEADLINES } },
              },
              {
                guard: and(['actorLeadsCase', 'evaluationContinues']),
                target: 'active',
                actions: [
                  { type: 'meetDeadlines', params: { kinds: EVALUATION_DEADLINES } },
                  'continueWithNewDate',
                  {
                    type: 'startDeadline',
                    params: ({ event }) => {
                      assertEvent(event, 'EVALUATE');
                      return {
                        kind: 'plan_evaluation' as const,
                        ref: '',
                        basis: { rule: 'on_date' as const, date: event.nextEvaluationAt as string },
                      };
                    },
                  },
                ],
              },
              {
                guard: and(['actorLeadsCase', 'evaluationRevises']),
                target: 'planning',
                actions: [{ type: 'meetDeadlines', params: { kinds: EVALUATION_DEADLINES } }, 'supersedePlan'],
              },
            ],
            CLOSE: {
              guard: 'actorLeadsCase',
              target: '#dutyToAct.closed',
              actions: { type: 'meetDeadlines', params: { kinds: EVALUATION_DEADLINES } },
            },
          },
        },
      },
    },
    closed: {
      entry: ['markClosed', { type: 'cancelDeadlines', params: { kinds: 'all' } }],
      on: {
        REOPEN: { guard: 'actorLeadsCase', target: '#dutyToAct.open.investigating', actions: 'markReopened' },
      },
    },
  },
});

export type DutyToActMachine = typeof dutyToActMachine;
