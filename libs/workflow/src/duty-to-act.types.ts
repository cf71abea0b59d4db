import { Regime } from './regime';
import { DeadlineKindOf, StartDeadline } from './deadline-kinds';
import { Actor } from './roles';
import { IsoDate } from './oslo-time';

export type CaseState = 'reported' | 'investigating' | 'planning' | 'awaiting_approval' | 'active' | 'evaluating' | 'closed';

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

export const MEASURE_STATUSES = ['done', 'not_done', 'ongoing'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

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

/** The words the duty-to-act commands take, one list each for the machine, the API's validation and the web app. */
export const NOTE_KINDS = ['observation', 'intervention', 'conversation', 'other'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];
export const INVESTIGATION_OUTCOMES = ['safe', 'not_safe'] as const;
export type InvestigationOutcome = (typeof INVESTIGATION_OUTCOMES)[number];
export const EVALUATION_OUTCOMES = ['resolved', 'continue', 'revise'] as const;
export type EvaluationOutcome = (typeof EVALUATION_OUTCOMES)[number];

interface Base {
  actor: Actor;
  /** When the command was received; the machine never reads a clock. */
  at: string;
}

export type CaseEvent =
  | (Base & { type: 'ACKNOWLEDGE' })
  | (Base & { type: 'MARK_SERIOUS'; reason: string })
  | (Base & { type: 'ADD_NOTE'; kind: NoteKind; text: string; occurredAt?: string })
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
  | (Base & { type: 'CONCLUDE_INVESTIGATION'; outcome: InvestigationOutcome; summary: string; bestInterest: string })
  | (Base & { type: 'SUBMIT_PLAN'; plan: PlanInput })
  | (Base & { type: 'APPROVE_PLAN' })
  | (Base & { type: 'RETURN_PLAN'; reason: string })
  | (Base & { type: 'RECORD_MEASURE'; measureId: string; status: MeasureStatus; note: string })
  | (Base & { type: 'START_EVALUATION' })
  | (Base & {
      type: 'EVALUATE';
      outcome: EvaluationOutcome;
      summary: string;
      childVoice: string;
      nextEvaluationAt?: IsoDate;
    })
  | (Base & { type: 'CLOSE'; summary: string })
  | (Base & { type: 'REOPEN'; reason: string })
  /** Omni-trappa: where the group stands, 1 (good) to 5, with what the assessment rests on. */
  | (Base & { type: 'ASSESS_STAIRCASE'; groupId: string; step: 1 | 2 | 3 | 4 | 5; basis: string });

export type CommandType = CaseEvent['type'];

/**
 * What a transition asks the outside world to do. The machine returns these as plain data and the
 * use case carries them out in the same transaction as the new snapshot.
 */
export type Effect =
  | StartDeadline<DeadlineKindOf<'dutyToAct'>>
  | { type: 'meetDeadlines'; kinds: DeadlineKindOf<'dutyToAct'>[] }
  /** `all`: the school's own work ends with the case (CASE_WORK_DEADLINES). */
  | { type: 'cancelDeadlines'; kinds: DeadlineKindOf<'dutyToAct'>[] | 'all' }
  | { type: 'notifyOwner'; reason: 'serious' | 'staff_offence' }
  /** The person who reported the concern learns that it is taken up (practice, not law). */
  | { type: 'tellReporter'; about: 'acknowledged' };
