import { DEADLINE_KIND_TABLE, DeadlineKind, unhandled } from './deadline-kinds';
import { DeadlinePolicy } from './deadline-policy';
import { SchoolCalendar } from './school-calendar';
import { osloDateOf, osloInstant, osloTimeOf } from './oslo-time';

/**
 * What happens around a deadline, in order: a reminder before it, (for the plan's evaluation
 * date) the automatic start of the evaluation, the moment it is overdue, and the escalation
 * ladder while it stays overdue (responsible → principal → owner). All of it is policy, not law.
 */
export type DeadlineStep = 'remind' | 'start_evaluation' | 'overdue' | 'escalate_principal' | 'escalate_owner';
export const DEADLINE_STEPS: readonly DeadlineStep[] = ['remind', 'start_evaluation', 'overdue', 'escalate_principal', 'escalate_owner'];

/** When each step falls; null when the step does not apply to this deadline. */
export type DeadlineSchedule = Record<DeadlineStep, Date | null>;

/**
 * The instants of every step, fixed when the deadline is created so that a later policy change
 * applies to new deadlines only. School days skip weekends, public holidays and the owner's
 * school holidays; the time of day is the due time's.
 */
export function scheduleFor(
  kind: DeadlineKind,
  due: Date,
  createdAt: Date,
  policy: DeadlinePolicy,
  calendar: SchoolCalendar,
): DeadlineSchedule {
  const dueDate = osloDateOf(due);
  const time = osloTimeOf(due);
  const schoolDaysBefore = (n: number) => osloInstant(calendar.subtractSchoolDays(dueDate, n), time);
  const schoolDaysAfter = (n: number) => osloInstant(calendar.addSchoolDays(dueDate, n), time);

  const none = { remind: null, start_evaluation: null, overdue: due, escalate_principal: null, escalate_owner: null };
  let remind: Date | null = policy.reminderSchoolDaysBefore > 0 ? schoolDaysBefore(policy.reminderSchoolDaysBefore) : null;
  // A reminder that would fall before the deadline even existed is no reminder.
  if (remind && remind.getTime() <= createdAt.getTime()) remind = null;
  const ladder = DEADLINE_KIND_TABLE[kind].ladder;
  switch (ladder) {
    case 'consent': {
      // Not work that falls due but a consent that runs out: the coordinator is told in time to
      // renew it (calendar days, policy) and when it has expired; nothing escalates.
      const before = new Date(due.getTime() - policy.consentExpiryReminderDays * 86_400_000);
      return { ...none, remind: before.getTime() > createdAt.getTime() ? before : null };
    }
    case 'owner_at_once':
      // The owner answers for Statsforvalteren's deadline (tvangsmulkt, opplæringslova §12-8):
      // it is told the moment the deadline is overdue, not days later.
      return { ...none, remind, escalate_owner: new Date(due.getTime() + 1000) };
    case 'case_work':
    case 'evaluation_date': {
      const escalatePrincipal = schoolDaysAfter(policy.escalateToPrincipalSchoolDays);
      let escalateOwner: Date = schoolDaysAfter(policy.escalateToOwnerSchoolDays);
      if (escalateOwner.getTime() <= escalatePrincipal.getTime()) escalateOwner = new Date(escalatePrincipal.getTime() + 1000);
      return {
        remind,
        // The evaluation date has come: at the start of that day the case moves to evaluation.
        start_evaluation: ladder === 'evaluation_date' ? osloInstant(dueDate, '00:00') : null,
        overdue: due,
        escalate_principal: escalatePrincipal,
        escalate_owner: escalateOwner,
      };
    }
    default:
      return unhandled(ladder);
  }
}

/** The first step of a schedule not yet done, or null when nothing is left to do. */
export function nextStep(schedule: DeadlineSchedule, done: Partial<Record<DeadlineStep, Date | null>>): DeadlineStep | null {
  for (const step of DEADLINE_STEPS) {
    if (schedule[step] && !done[step]) return step;
  }
  return null;
}
