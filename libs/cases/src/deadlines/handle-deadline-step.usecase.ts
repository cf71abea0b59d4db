import { DeadlineStep, toOsloIso } from '../../../workflow/src';
import {
  CaseHeader,
  Clock,
  DeadlineAtWork,
  DeadlineRecord,
  DeadlineStepStore,
  Directory,
  NewEvent,
  NewNotification,
  NotificationKind,
  StepWrites,
} from '../ports';
import { StartEvaluationOnDate } from './start-evaluation-on-date.usecase';

/** What a BullMQ job asks for: one step of one deadline, as scheduled for one due date (rev). */
export interface DeadlineJob {
  deadlineId: string;
  rev: number;
  step: DeadlineStep;
}

export type StepOutcome = 'done' | 'stale' | 'already_done' | 'early';

/** A job may fire a little before the step's instant (clock drift between Redis and us). */
const EARLY_TOLERANCE_MS = 1000;

/**
 * Carries out one step of a deadline's schedule: remind, start the evaluation, mark overdue,
 * escalate to the principal, escalate to the owner. Delivery is at least once, so the step is
 * re-checked against the row under lock and done at most once; every step that acts is a case
 * event, and notifications carry a dedupe key.
 */
export class HandleDeadlineStep {
  constructor(
    private readonly store: DeadlineStepStore,
    private readonly directory: Directory,
    private readonly startEvaluation: StartEvaluationOnDate,
    private readonly clock: Clock,
  ) {}

  async execute(job: DeadlineJob): Promise<StepOutcome> {
    const now = this.clock.now();
    if (job.step === 'start_evaluation') {
      // The transition is a command of its own (its own transaction); the step is marked after it.
      const before = await this.store.read(job.deadlineId);
      const skip = staleness(before, job, now);
      if (skip) return skip;
      // A job let through just before midnight (clock skew within the tolerance) acts as at midnight,
      // so the machine's evaluationDateReached guard sees the evaluation date.
      const stepAt = before!.deadline.schedule.start_evaluation as Date;
      await this.startEvaluation.execute(before!.case.id, now < stepAt ? stepAt : now);
    }

    let outcome: StepOutcome = 'stale';
    await this.store.doStep(
      job.deadlineId,
      job.step,
      async (work) => {
        const why = staleness(work, job, now);
        if (why) {
          outcome = why;
          return null;
        }
        outcome = 'done';
        return this.writesFor(job.step, work, now);
      },
      now,
    );
    return outcome;
  }

  private async writesFor(step: DeadlineStep, { deadline: d, case: c }: DeadlineAtWork, now: Date): Promise<StepWrites> {
    const none: StepWrites = { events: [], notifications: [], escalatedTo: [] };
    const tell = (to: Array<string | null>, kind: NotificationKind) => notificationsFor(to, kind, step, d, c);
    switch (step) {
      case 'remind': {
        // A reminder that comes after the due time (a worker down for days) would only confuse.
        if (now.getTime() >= d.dueAt.getTime()) return none;
        return {
          events: [systemEvent('DEADLINE_REMINDER_SENT', d, now, { to: d.responsibleUserId })],
          notifications: tell([d.responsibleUserId], 'deadline_reminder'),
          escalatedTo: [],
        };
      }
      case 'start_evaluation':
        return c.state === 'evaluating' ? { ...none, notifications: tell([d.responsibleUserId], 'evaluation_started') } : none;
      case 'overdue':
        return {
          events: [systemEvent('DEADLINE_OVERDUE', d, now, { responsibleUserId: d.responsibleUserId })],
          notifications: tell([d.responsibleUserId], 'deadline_overdue'),
          escalatedTo: [],
        };
      case 'escalate_principal': {
        // A case led by the owner (the leadership is the offender) is never shown to the principal.
        if (c.handledBy === 'owner') return none;
        const unit = await this.directory.unit(c.unitId);
        const principal = unit ? await this.directory.leaderOf(unit, 'principal') : null;
        const to = principal ? [principal] : [];
        return {
          events: [systemEvent('DEADLINE_ESCALATED', d, now, { level: 'principal', to })],
          notifications: tell(to, 'deadline_escalated'),
          escalatedTo: to,
        };
      }
      case 'escalate_owner': {
        const to = await this.directory.ownerUsers(c.ownerId);
        return {
          events: [systemEvent('DEADLINE_ESCALATED', d, now, { level: 'owner', to })],
          notifications: tell(to, 'deadline_escalated'),
          escalatedTo: to,
        };
      }
    }
  }
}

function staleness(work: DeadlineAtWork | undefined, job: DeadlineJob, now: Date): StepOutcome | null {
  if (!work) return 'stale';
  const d = work.deadline;
  if (d.status !== 'pending' || d.rev !== job.rev) return 'stale';
  if (d.done[job.step]) return 'already_done';
  const at = d.schedule[job.step];
  if (!at) return 'stale';
  if (now.getTime() < at.getTime() - EARLY_TOLERANCE_MS) return 'early';
  return null;
}

function systemEvent(type: string, d: DeadlineRecord, now: Date, extra: Record<string, unknown>): NewEvent {
  return {
    type,
    actorUserId: null,
    actorRole: 'system',
    at: now,
    payload: { deadlineId: d.id, kind: d.kind, ref: d.ref || null, dueAt: toOsloIso(d.dueAt), ...extra },
  };
}

function notificationsFor(
  to: Array<string | null>,
  kind: NotificationKind,
  step: DeadlineStep,
  d: DeadlineRecord,
  c: CaseHeader,
): NewNotification[] {
  return [...new Set(to.filter((u): u is string => !!u))].map((userId) => ({
    userId,
    kind,
    ownerId: c.ownerId,
    unitId: c.unitId,
    caseId: c.id,
    deadlineId: d.id,
    dedupeKey: `deadline-${d.id}-${d.rev}-${step}-${userId}`,
  }));
}
