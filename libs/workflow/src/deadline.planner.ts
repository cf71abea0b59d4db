import { DeadlineBasis, unhandled } from './deadline-kinds';
import { DeadlinePolicy } from './deadline-policy';
import { SchoolCalendar } from './school-calendar';
import { addDays, osloDateOf, osloInstant } from './oslo-time';

/**
 * Turns a deadline basis into the instant it falls due, from the owner's policy and school
 * calendar. "By the end of the n-th school day" means the policy's school-day end in Oslo;
 * a date given by people (an evaluation date) falls due at the end of that day.
 */
export function dueAt(basis: DeadlineBasis, from: Date, policy: DeadlinePolicy, calendar: SchoolCalendar): Date {
  const start = osloDateOf(from);
  const endOf = (date: string) => osloInstant(date, policy.schoolDayEndsAt);
  switch (basis.rule) {
    case 'acknowledge':
      return endOf(calendar.addSchoolDays(start, policy.acknowledgeSchoolDays));
    case 'acknowledge_staff_offence':
      // "straks" runs in clock hours, school day or not.
      return new Date(from.getTime() + policy.acknowledgeStaffOffenceHours * 3600_000);
    case 'investigation':
      return endOf(calendar.addSchoolDays(start, policy.investigationSchoolDays));
    case 'plan':
      return endOf(calendar.addSchoolDays(start, policy.planSchoolDays));
    case 'approval':
      return endOf(calendar.addSchoolDays(start, policy.approvalSchoolDays));
    case 'on_date':
      return endOf(basis.date);
    case 'bti_decision':
      return endOf(addDays(start, policy.btiDecisionDays));
    case 'on_instant':
      return new Date(basis.at);
    case 'ppt_advice':
      return endOf(calendar.addSchoolDays(start, policy.pptAdviceSchoolDays));
    default:
      return unhandled(basis);
  }
}
