/**
 * Deadline policy: the numbers the law does NOT set. opplæringslova §12-4 and barnehageloven §42
 * say "snarast" (as soon as possible) and §12-5 / §43 say "straks" (immediately); the figures
 * below are Trygg's municipal defaults (docs/domain.md §2), configurable per owner and versioned.
 * They must never be shown as law.
 */
export interface DeadlinePolicy {
  version: number;
  /** Local time at which a school day ends in Oslo; "by end of day" means this time. */
  schoolDayEndsAt: string;
  /** Acknowledge an ordinary report by the end of this many school days after it was made. */
  acknowledgeSchoolDays: number;
  /** Acknowledge a staff-offence report (§12-5 / §43 "straks") within this many hours. */
  acknowledgeStaffOffenceHours: number;
  /** Conclude the investigation within this many school days of acknowledging ("snarast"). */
  investigationSchoolDays: number;
  /** Have an approved plan within this many school days of concluding "not safe". */
  planSchoolDays: number;
  /** The principal decides on a submitted plan within this many school days. */
  approvalSchoolDays: number;
  /** Remind the responsible person this many school days before a due date (fired by the worker). */
  reminderSchoolDaysBefore: number;
  /** Escalate an overdue item to the principal after this many school days. */
  escalateToPrincipalSchoolDays: number;
  /** Escalate an overdue item to the owner after this many school days. */
  escalateToOwnerSchoolDays: number;
  /** BTI: decide at level 0 within this many calendar days (docs/domain.md §4). */
  btiDecisionDays: number;
  /** BTI: remind the coordinator this many calendar days before a consent expires. */
  consentExpiryReminderDays: number;
  /** PPT answers a request within this many school days. */
  pptAdviceSchoolDays: number;
}

export const DEFAULT_DEADLINE_POLICY: DeadlinePolicy = Object.freeze({
  version: 1,
  schoolDayEndsAt: '16:00',
  acknowledgeSchoolDays: 1,
  acknowledgeStaffOffenceHours: 2,
  investigationSchoolDays: 5,
  planSchoolDays: 5,
  approvalSchoolDays: 2,
  reminderSchoolDaysBefore: 1,
  escalateToPrincipalSchoolDays: 1,
  escalateToOwnerSchoolDays: 3,
  btiDecisionDays: 14,
  consentExpiryReminderDays: 14,
  pptAdviceSchoolDays: 10,
});
