import { DeadlineStep, nextStep, DEADLINE_STEPS } from '../../workflow/src';
import { ScheduledJob } from './job-scheduler';

/** BullMQ is only the alarm clock: the rows in PostgreSQL are the truth. */
export const DEADLINE_QUEUE = 'trygg-deadlines';
export const MAIL_QUEUE = 'trygg-mail';
export const MAINTENANCE_QUEUE = 'trygg-maintenance';
/** Journal entries on their way to the archive service (only when one is configured). */
export const ARCHIVE_QUEUE = 'trygg-archive';
export const ALL_QUEUES = [DEADLINE_QUEUE, MAIL_QUEUE, MAINTENANCE_QUEUE, ARCHIVE_QUEUE];

/**
 * Deterministic job ids: one per deadline, due date revision and step, so adding the same job
 * twice is a no-op and a moved deadline gets new ids. BullMQ ids must not contain `:`.
 */
export function deadlineJobId(deadlineId: string, rev: number, step: DeadlineStep): string {
  return `dl-${deadlineId}-r${rev}-${step}`;
}

export function mailJobId(notificationId: string): string {
  return `mail-${notificationId}`;
}

/** Every job id a deadline revision can have, for removing them when it is met, cancelled or moved. */
export function deadlineJobIdsOf(deadlineId: string, rev: number): string[] {
  return DEADLINE_STEPS.map((s) => deadlineJobId(deadlineId, rev, s));
}

/** The row fields the scheduler needs; the same shape the SQL selects. */
export interface SchedulableDeadline {
  id: string;
  rev: number;
  schedule: Record<DeadlineStep, Date | null>;
  done: Record<DeadlineStep, Date | null>;
}

/** The one job a pending deadline should have in Redis now: its next step, delayed until then. */
export function nextJobFor(d: SchedulableDeadline, now: Date): ScheduledJob | null {
  const step = nextStep(d.schedule, d.done);
  if (!step) return null;
  const at = d.schedule[step] as Date;
  return {
    id: deadlineJobId(d.id, d.rev, step),
    name: step,
    data: { deadlineId: d.id, rev: d.rev, step },
    delayMs: Math.max(0, at.getTime() - now.getTime()),
  };
}

export function archiveJobId(entryId: string): string {
  return `archive-${entryId}`;
}

export function archiveJobFor(entryId: string): ScheduledJob {
  return { id: archiveJobId(entryId), name: 'archive', data: { entryId } };
}

export function mailJobFor(notificationId: string): ScheduledJob {
  return { id: mailJobId(notificationId), name: 'email', data: { notificationId } };
}
