import { DEFAULT_DEADLINE_POLICY, DeadlinePolicy, SchoolCalendar } from '../../workflow/src';
import { PolicyProvider } from '../../cases/src/ports';

/**
 * Trygg's default policy and the national calendar for every owner. Per-owner policies and
 * uploaded school holidays (skolerute) replace this with stored settings.
 */
export class DefaultPolicyProvider implements PolicyProvider {
  private readonly calendar = new SchoolCalendar();

  async policyFor(): Promise<DeadlinePolicy> {
    return DEFAULT_DEADLINE_POLICY;
  }

  async calendarFor(): Promise<SchoolCalendar> {
    return this.calendar;
  }
}
