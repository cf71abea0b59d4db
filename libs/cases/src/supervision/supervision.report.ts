import { DeadlineKind, DeadlinePolicy, planViolations, toOsloIso } from '../../../workflow/src';
import { CaseRecord, DeadlineRecord } from '../ports';

/**
 * The supervision view (tilsyn, docs/domain.md §3): for each case, what the four supervision themes
 * ask, from the case's own history and deadline rows; then totals per unit. Pure: the use case
 * loads, this computes, so the figures are tested without I/O.
 */
export const SUPERVISION_THEMES = {
  dutyToAct: 'Tema 1: Følge med, gripe inn, melde fra, undersøke og sette inn tiltak',
  staffOffence: 'Tema 2: Melde fra og undersøke når ansatte krenker (skjerpa aktivitetsplikt)',
  measuresEvaluated: 'Tema 3: Gjennomføre, evaluere og justere tiltak',
  ownerFollowUp: 'Tema 4: Eierens forsvarlige system (oppfølging av enhetene)',
} as const;

/** What the report needs of an event: its type and time, never its content. */
export interface TimelineEvent {
  type: string;
  at: Date;
}

export interface DeadlineOutcome {
  kind: DeadlineKind;
  ref: string | null;
  dueAt: string;
  /** met (on or before due), late (met after due), missed (pending and past due), pending, cancelled */
  outcome: 'met' | 'late' | 'missed' | 'pending' | 'cancelled';
}

export interface CaseSupervision {
  caseId: string;
  regime: string;
  state: string;
  serious: boolean;
  staffOffender: boolean;
  handledBy: string;
  dutyToAct: {
    occurredAt: string | null;
    reportedAt: string;
    acknowledgedAt: string | null;
    investigationConcludedAt: string | null;
    planApprovedAt: string | null;
    firstEvaluationAt: string | null;
    /** Hours between the steps above; null where a step has not happened. */
    hours: StepHours;
    acknowledgedOnTime: boolean | null;
    investigatedOnTime: boolean | null;
    planOnTime: boolean | null;
    childVoiceOnRecord: boolean;
    /** Every plan version holds the five elements; null when there is no plan. */
    planHasFiveElements: boolean | null;
  };
  staffOffence: null | {
    /** occurredAt → reported within the policy's hours for "straks" (null when occurredAt is unknown). */
    reportedImmediately: boolean | null;
    acknowledgedInTime: boolean | null;
    ownerInformedAt: string | null;
  };
  measuresEvaluated: {
    planVersions: number;
    evaluationsDue: number;
    evaluationsOnTime: number;
    evaluationsLate: number;
    evaluationsMissed: number;
  };
  ownerFollowUp: {
    ownerInformedAt: string | null;
    overdueNow: Array<{ kind: string; dueAt: string }>;
    escalatedToOwner: boolean;
  };
}

export interface StepHours {
  occurredToReported: number | null;
  reportedToAcknowledged: number | null;
  acknowledgedToConcluded: number | null;
  concludedToPlanApproved: number | null;
  planApprovedToFirstEvaluation: number | null;
}

const EVALUATIONS: ReadonlySet<string> = new Set(['measure_evaluation', 'plan_evaluation']);
const hoursBetween = (a: Date | null, b: Date | null) =>
  a && b ? Math.round(((b.getTime() - a.getTime()) / 3_600_000) * 100) / 100 : null;
const iso = (d: Date | null) => (d ? toOsloIso(d) : null);

export function deadlineOutcome(d: DeadlineRecord, now: Date): DeadlineOutcome['outcome'] {
  if (d.status === 'cancelled') return 'cancelled';
  if (d.status === 'met') return d.resolvedAt && d.resolvedAt.getTime() > d.dueAt.getTime() ? 'late' : 'met';
  return d.dueAt.getTime() < now.getTime() ? 'missed' : 'pending';
}

/** On time: the first deadline of the kind was met by its due date; null when none has fallen due or been met yet. */
function onTime(deadlines: DeadlineRecord[], kind: DeadlineKind, now: Date): boolean | null {
  const d = deadlines
    .filter((x) => x.kind === kind && x.status !== 'cancelled')
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())[0];
  if (!d) return null;
  const o = deadlineOutcome(d, now);
  return o === 'pending' ? null : o === 'met';
}

export function superviseCase(
  rec: CaseRecord,
  timeline: TimelineEvent[],
  deadlines: DeadlineRecord[],
  policy: DeadlinePolicy,
  now: Date,
): CaseSupervision {
  const first = (...types: string[]) => timeline.find((e) => types.includes(e.type))?.at ?? null;
  const ctx = rec.snapshot.context;
  const acknowledged = first('ACKNOWLEDGE');
  // A case closed safe while investigating concludes the investigation too.
  const concluded =
    first('CONCLUDE_INVESTIGATION') ??
    (acknowledged ? (timeline.find((e) => e.type === 'CLOSE' && e.at >= acknowledged)?.at ?? null) : null);
  const approved = first('APPROVE_PLAN');
  const evaluated = first('EVALUATE');
  const ownerInformed = first('OWNER_NOTIFIED');
  const plans = [...ctx.planVersions, ...(ctx.plan ? [ctx.plan] : [])];
  const evaluations = deadlines.filter((d) => EVALUATIONS.has(d.kind)).map((d) => deadlineOutcome(d, now));
  const reportedHours = hoursBetween(rec.occurredAt, rec.openedAt);
  return {
    caseId: rec.id,
    regime: rec.regime,
    state: rec.state,
    serious: rec.serious,
    staffOffender: ctx.staffOffender,
    handledBy: rec.handledBy,
    dutyToAct: {
      occurredAt: iso(rec.occurredAt),
      reportedAt: toOsloIso(rec.openedAt),
      acknowledgedAt: iso(acknowledged),
      investigationConcludedAt: iso(concluded),
      planApprovedAt: iso(approved),
      firstEvaluationAt: iso(evaluated),
      hours: {
        occurredToReported: reportedHours,
        reportedToAcknowledged: hoursBetween(rec.openedAt, acknowledged),
        acknowledgedToConcluded: hoursBetween(acknowledged, concluded),
        concludedToPlanApproved: hoursBetween(concluded, approved),
        planApprovedToFirstEvaluation: hoursBetween(approved, evaluated),
      },
      acknowledgedOnTime: onTime(deadlines, 'acknowledge', now),
      investigatedOnTime: onTime(deadlines, 'investigation', now),
      planOnTime: onTime(deadlines, 'plan', now),
      childVoiceOnRecord: ctx.childIds.every((id) => ctx.childVoices.some((v) => v.childId === id)),
      planHasFiveElements: plans.length ? plans.every((p) => planViolations(p, '0000-01-01').length === 0) : null,
    },
    staffOffence: ctx.staffOffender
      ? {
          reportedImmediately: reportedHours === null ? null : reportedHours <= policy.acknowledgeStaffOffenceHours,
          acknowledgedInTime: onTime(deadlines, 'acknowledge', now),
          ownerInformedAt: iso(ownerInformed),
        }
      : null,
    measuresEvaluated: {
      planVersions: plans.length,
      evaluationsDue: evaluations.filter((o) => o !== 'pending' && o !== 'cancelled').length,
      evaluationsOnTime: evaluations.filter((o) => o === 'met').length,
      evaluationsLate: evaluations.filter((o) => o === 'late').length,
      evaluationsMissed: evaluations.filter((o) => o === 'missed').length,
    },
    ownerFollowUp: {
      ownerInformedAt: iso(ownerInformed),
      overdueNow: deadlines.filter((d) => deadlineOutcome(d, now) === 'missed').map((d) => ({ kind: d.kind, dueAt: toOsloIso(d.dueAt) })),
      escalatedToOwner: deadlines.some((d) => !!d.done.escalate_owner),
    },
  };
}

export interface SupervisionTotals {
  cases: number;
  /** The cases by the state they are in now (for the owner's dashboard). */
  byState: Record<string, number>;
  dutyToAct: {
    label: string;
    acknowledged: number;
    acknowledgedOnTime: Ratio;
    investigatedOnTime: Ratio;
    planOnTime: Ratio;
    childVoiceOnRecord: Ratio;
    plansWithFiveElements: Ratio;
    /** Median hours of each step, over the cases that got that far. */
    medianHours: StepHours;
  };
  staffOffence: { label: string; cases: number; reportedImmediately: Ratio; acknowledgedInTime: Ratio; ownerInformed: Ratio };
  measuresEvaluated: {
    label: string;
    casesWithPlan: number;
    revisedPlans: number;
    evaluationsDue: number;
    evaluationsOnTime: number;
    evaluationsLate: number;
    evaluationsMissed: number;
  };
  ownerFollowUp: {
    label: string;
    casesWithOverdueNow: number;
    overdueItemsNow: number;
    escalatedToOwner: number;
    seriousCases: number;
    ownerInformedOfSerious: Ratio;
  };
}

/** `yes` of `of` cases where the question applies. */
export interface Ratio {
  yes: number;
  of: number;
}

function ratio(values: Array<boolean | null>): Ratio {
  const known = values.filter((v): v is boolean => v !== null);
  return { yes: known.filter(Boolean).length, of: known.length };
}

function median(values: Array<number | null>): number | null {
  const xs = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  if (!xs.length) return null;
  const mid = Math.floor(xs.length / 2);
  return xs.length % 2 ? xs[mid] : Math.round(((xs[mid - 1] + xs[mid]) / 2) * 100) / 100;
}

export function totalsOf(rows: CaseSupervision[]): SupervisionTotals {
  const step = (k: keyof StepHours) => median(rows.map((r) => r.dutyToAct.hours[k]));
  const so = rows.filter((r) => r.staffOffence).map((r) => r.staffOffence!);
  const serious = rows.filter((r) => r.serious);
  const sum = (f: (r: CaseSupervision) => number) => rows.reduce((n, r) => n + f(r), 0);
  const byState: Record<string, number> = {};
  for (const r of rows) byState[r.state] = (byState[r.state] ?? 0) + 1;
  return {
    cases: rows.length,
    byState,
    dutyToAct: {
      label: SUPERVISION_THEMES.dutyToAct,
      acknowledged: rows.filter((r) => r.dutyToAct.acknowledgedAt).length,
      acknowledgedOnTime: ratio(rows.map((r) => r.dutyToAct.acknowledgedOnTime)),
      investigatedOnTime: ratio(rows.map((r) => r.dutyToAct.investigatedOnTime)),
      planOnTime: ratio(rows.map((r) => r.dutyToAct.planOnTime)),
      childVoiceOnRecord: ratio(rows.map((r) => r.dutyToAct.childVoiceOnRecord)),
      plansWithFiveElements: ratio(rows.map((r) => r.dutyToAct.planHasFiveElements)),
      medianHours: {
        occurredToReported: step('occurredToReported'),
        reportedToAcknowledged: step('reportedToAcknowledged'),
        acknowledgedToConcluded: step('acknowledgedToConcluded'),
        concludedToPlanApproved: step('concludedToPlanApproved'),
        planApprovedToFirstEvaluation: step('planApprovedToFirstEvaluation'),
      },
    },
    staffOffence: {
      label: SUPERVISION_THEMES.staffOffence,
      cases: so.length,
      reportedImmediately: ratio(so.map((s) => s.reportedImmediately)),
      acknowledgedInTime: ratio(so.map((s) => s.acknowledgedInTime)),
      ownerInformed: ratio(so.map((s) => !!s.ownerInformedAt)),
    },
    measuresEvaluated: {
      label: SUPERVISION_THEMES.measuresEvaluated,
      casesWithPlan: rows.filter((r) => r.measuresEvaluated.planVersions > 0).length,
      revisedPlans: sum((r) => Math.max(0, r.measuresEvaluated.planVersions - 1)),
      evaluationsDue: sum((r) => r.measuresEvaluated.evaluationsDue),
      evaluationsOnTime: sum((r) => r.measuresEvaluated.evaluationsOnTime),
      evaluationsLate: sum((r) => r.measuresEvaluated.evaluationsLate),
      evaluationsMissed: sum((r) => r.measuresEvaluated.evaluationsMissed),
    },
    ownerFollowUp: {
      label: SUPERVISION_THEMES.ownerFollowUp,
      casesWithOverdueNow: rows.filter((r) => r.ownerFollowUp.overdueNow.length > 0).length,
      overdueItemsNow: sum((r) => r.ownerFollowUp.overdueNow.length),
      escalatedToOwner: rows.filter((r) => r.ownerFollowUp.escalatedToOwner).length,
      seriousCases: serious.length,
      ownerInformedOfSerious: ratio(serious.map((r) => !!r.ownerFollowUp.ownerInformedAt)),
    },
  };
}
