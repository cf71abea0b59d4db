import { Regime } from './regime';
import { IsoDate } from './oslo-time';

export type Role = 'staff' | 'principal' | 'owner' | 'ppt' | 'auditor';
export const ROLES: readonly Role[] = ['staff', 'principal', 'owner', 'ppt', 'auditor'];

/** Who sends a command, as the case sees them. `involved` is decided by the use case from the case's records. */
export interface Actor {
  userId: string;
  role: Role | 'system';
  involved: boolean;
}

/**
 * Trygg itself, acting on a date the people in the case set (the plan's evaluation date).
 * It has no user and never leads a case.
 */
export const SYSTEM_ACTOR: Actor = Object.freeze({ userId: 'system', role: 'system', involved: false });
export function isSystemActor(actor: Actor): boolean {
  return actor.role === 'system';
}

export type CaseState =
  | 'reported'
  | 'investigating'
  | 'planning'
  | 'awaiting_approval'
  | 'active'
  | 'evaluating'
  | 'closed';

export const CASE_STATES: readonly CaseState[] = [
  'reported',
  'investigating',
  'planning',
  'awaiting_approval',
  'active',
  'evaluating',
  'closed',
];

export type Ffss = 'fremme' | 'forebygge' | 'stoppe' | 'stotte';
export const FFSS: readonly Ffss[] = ['fremme', 'forebygge', 'stoppe', 'stotte'];

export interface Measure {
  id: string;
  description: string;
  ffss?: Ffss;
  when: string;
  responsibleUserId: string;
  evaluateAt: IsoDate;
}

/** The written plan (skriftleg plan, §12-4 fifth paragraph / bhl. §42 sixth paragraph). */
export interface PlanInput {
  problem: string;
  evaluateAt: IsoDate;
  measures: Measure[];
  childParticipation?: string;
  parentsInvolved?: string;
}

export type PlanStatus = 'submitted' | 'approved' | 'returned' | 'superseded';

export interface Plan extends PlanInput {
  version: number;
  status: PlanStatus;
  submittedAt: string;
  submittedBy: string;
  approvedAt: string | null;
  approvedBy: string | null;
  returnedReason: string | null;
}

export interface ChildVoiceEntry {
  childId: string;
  heard: boolean;
  at: string;
}

export type MeasureStatus = 'done' | 'not_done' | 'ongoing';

export interface CaseContext {
  regime: Regime;
  legalBasis: string[];
  childIds: string[];
  childSaysUnsafe: boolean;
  staffOffender: boolean;
  offenderIsLeadership: boolean;
  handledBy: 'principal' | 'owner';
  serious: boolean;
  ownerNotified: boolean;
  childVoices: ChildVoiceEntry[];
  investigationOutcome: 'safe' | 'not_safe' | null;
  plan: Plan | null;
  planVersions: Plan[];
  measureStatus: Record<string, MeasureStatus>;
  nextEvaluationAt: IsoDate | null;
  openedAt: string;
  closedAt: string | null;
}

export interface OpenCaseInput {
  regime: Regime;
  childIds: string[];
  childSaysUnsafe: boolean;
  staffOffender: boolean;
  offenderIsLeadership: boolean;
  /** The command's instant, from the clock the use case holds. */
  at: string;
}

interface Base {
  actor: Actor;
  /** When the command was received; the machine never reads a clock. */
  at: string;
}

export type CaseEvent =
  | (Base & { type: 'ACKNOWLEDGE' })
  | (Base & { type: 'MARK_SERIOUS'; reason: string })
  | (Base & { type: 'ADD_NOTE'; kind: 'observation' | 'intervention' | 'conversation' | 'other'; text: string; occurredAt?: string })
  | (Base & {
      type: 'RECORD_CHILD_VOICE';
      childId: string;
      heardAt?: string;
      heardBy?: string;
      summary?: string;
      notHeardReason?: string;
      /** The child says the environment is not safe and good; from then on measures are required. */
      saysUnsafe?: boolean;
    })
  | (Base & { type: 'CONCLUDE_INVESTIGATION'; outcome: 'safe' | 'not_safe'; summary: string; bestInterest: string })
  | (Base & { type: 'SUBMIT_PLAN'; plan: PlanInput })
  | (Base & { type: 'APPROVE_PLAN' })
  | (Base & { type: 'RETURN_PLAN'; reason: string })
  | (Base & { type: 'RECORD_MEASURE'; measureId: string; status: MeasureStatus; note: string })
  | (Base & { type: 'START_EVALUATION' })
  | (Base & {
      type: 'EVALUATE';
      outcome: 'resolved' | 'continue' | 'revise';
      summary: string;
      childVoice: string;
      nextEvaluationAt?: IsoDate;
    })
  | (Base & { type: 'CLOSE'; summary: string })
  | (Base & { type: 'REOPEN'; reason: string })
  /** Omni-trappa: where the group stands, 1 (good) to 5, with what the assessment rests on. */
  | (Base & { type: 'ASSESS_STAIRCASE'; groupId: string; step: 1 | 2 | 3 | 4 | 5; basis: string });

export type CommandType = CaseEvent['type'];

export const COMMAND_TYPES: readonly CommandType[] = [
  'ACKNOWLEDGE',
  'MARK_SERIOUS',
  'ADD_NOTE',
  'RECORD_CHILD_VOICE',
  'CONCLUDE_INVESTIGATION',
  'SUBMIT_PLAN',
  'APPROVE_PLAN',
  'RETURN_PLAN',
  'RECORD_MEASURE',
  'START_EVALUATION',
  'EVALUATE',
  'CLOSE',
  'REOPEN',
  'ASSESS_STAIRCASE',
];

export type DeadlineKind =
  | 'acknowledge'
  | 'investigation'
  | 'plan'
  | 'approval'
  | 'measure_evaluation'
  | 'plan_evaluation'
  /** BTI: decide at level 0 (policy: 14 days). */
  | 'bti_decision'
  /** BTI: a consent runs out (ref = the service); the coordinator is reminded before. */
  | 'consent_expiry'
  /** PPT gives its advice after being asked (policy: 10 school days). */
  | 'ppt_advice'
  /** Statsforvalteren's decision sets what the school must do by when (opplæringslova §12-6). */
  | 'sf_compliance';

export const DEADLINE_KINDS: readonly DeadlineKind[] = [
  'acknowledge',
  'investigation',
  'plan',
  'approval',
  'measure_evaluation',
  'plan_evaluation',
  'bti_decision',
  'consent_expiry',
  'ppt_advice',
  'sf_compliance',
];

/** How a due date is computed; the planner turns a basis plus the policy and calendar into an instant. */
export type DeadlineBasis =
  | { rule: 'acknowledge' }
  | { rule: 'acknowledge_staff_offence' }
  | { rule: 'investigation' }
  | { rule: 'plan' }
  | { rule: 'approval' }
  | { rule: 'on_date'; date: IsoDate }
  | { rule: 'bti_decision' }
  | { rule: 'on_instant'; at: string }
  | { rule: 'ppt_advice' };

/** Who must meet a deadline: the person leading the case, or a named user (a measure's responsible). */
export type Responsible = { leader: true } | { userId: string };

/**
 * What a transition asks the outside world to do. The machine returns these as plain data and the
 * use case carries them out in the same transaction as the new snapshot.
 */
export type Effect =
  | { type: 'startDeadline'; kind: DeadlineKind; ref: string; basis: DeadlineBasis; responsible: Responsible }
  | { type: 'meetDeadlines'; kinds: DeadlineKind[] }
  | { type: 'cancelDeadlines'; kinds: DeadlineKind[] | 'all' }
  | { type: 'notifyOwner'; reason: 'serious' | 'staff_offence' }
  /** The person who reported the concern learns that it is taken up (practice, not law). */
  | { type: 'tellReporter'; about: 'acknowledged' };
