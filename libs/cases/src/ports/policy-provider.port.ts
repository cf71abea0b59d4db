import { DeadlinePolicy, SchoolCalendar } from '../../../workflow/src';
import { token } from './token';

/** The deadline policy and school calendar in force for an owner (and unit). */
export interface PolicyProvider {
  policyFor(ownerId: string): Promise<DeadlinePolicy>;
  calendarFor(ownerId: string, unitId: string): Promise<SchoolCalendar>;
}

export const POLICY_PROVIDER = token<PolicyProvider>('PolicyProvider');
