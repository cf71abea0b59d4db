import { token } from './token';
import { StaircaseAssessment } from './case-record';

export interface StaircaseStore {
  /** Every assessment of the group, newest first. */
  history(groupId: string): Promise<StaircaseAssessment[]>;
  /** The latest step of each group that has one. */
  latestSteps(groupIds: string[]): Promise<Map<string, number>>;
  add(a: StaircaseAssessment): Promise<void>;
}

export const STAIRCASE_STORE = token<StaircaseStore>('StaircaseStore');
