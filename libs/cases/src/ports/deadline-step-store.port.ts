import { DeadlineStep } from '../../../workflow/src';
import { token } from './token';
import { CaseRecord, DeadlineRecord, NewEvent, NewNotification } from './case-record';

/** What a deadline step needs to know of its case (no snapshot: steps are frequent). */
export type CaseHeader = Pick<CaseRecord, 'id' | 'ownerId' | 'unitId' | 'state' | 'handledBy'>;

/** The deadline and its case, as a step handler sees them under lock. */
export interface DeadlineAtWork {
  deadline: DeadlineRecord;
  case: CaseHeader;
}

/** What a deadline step writes: the step marked done, history, notifications. */
export interface StepWrites {
  events: NewEvent[];
  notifications: NewNotification[];
  escalatedTo: string[];
}

export interface DeadlineStepStore {
  read(deadlineId: string): Promise<DeadlineAtWork | undefined>;
  /**
   * Locks the case and the deadline (in that order, as commands do), lets `decide` look at
   * them, and writes what it returns together with the step's done mark in one transaction.
   * `decide` returning null writes nothing.
   */
  doStep(deadlineId: string, step: DeadlineStep, decide: (work: DeadlineAtWork) => Promise<StepWrites | null>, at: Date): Promise<boolean>;
}

export const DEADLINE_STEP_STORE = token<DeadlineStepStore>('DeadlineStepStore');
