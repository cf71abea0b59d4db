import { FFSS, PlanInput } from './duty-to-act.types';
import { IsoDate } from './oslo-time';

/**
 * The five things a written plan must state (opplæringslova §12-4 fifth paragraph,
 * barnehageloven §42 sixth paragraph): the problem, the measures, when they are carried out,
 * who is responsible, and when they are evaluated. A plan missing any of them is refused.
 */
export interface PlanViolation {
  field: string;
  message: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isBlank(v: unknown): boolean {
  return typeof v !== 'string' || v.trim().length === 0;
}

export function isValidIsoDate(v: unknown): v is IsoDate {
  if (typeof v !== 'string' || !ISO_DATE.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

function checkEvaluationDate(v: unknown, field: string, today: IsoDate, out: PlanViolation[]): void {
  if (v === undefined || v === null || v === '') {
    out.push({ field, message: 'the evaluation date is required (when the measures are evaluated)' });
  } else if (!isValidIsoDate(v)) {
    out.push({ field, message: 'must be a date YYYY-MM-DD' });
  } else if (v < today) {
    out.push({ field, message: `must not be in the past (today is ${today})` });
  }
}

/** Every missing or invalid legal element, named by field; empty when the plan is complete. */
export function planViolations(plan: Partial<PlanInput> | undefined | null, today: IsoDate): PlanViolation[] {
  const out: PlanViolation[] = [];
  if (!plan || typeof plan !== 'object') {
    return [{ field: 'plan', message: 'the plan is required' }];
  }
  if (isBlank(plan.problem)) {
    out.push({ field: 'plan.problem', message: 'the problem the measures shall solve is required' });
  }
  checkEvaluationDate(plan.evaluateAt, 'plan.evaluateAt', today, out);
  for (const key of ['childParticipation', 'parentsInvolved'] as const) {
    if (plan[key] !== undefined && plan[key] !== null && typeof plan[key] !== 'string') {
      out.push({ field: `plan.${key}`, message: 'must be text' });
    }
  }
  if (!Array.isArray(plan.measures) || plan.measures.length === 0) {
    out.push({ field: 'plan.measures', message: 'at least one measure is required' });
    return out;
  }
  const seen = new Set<string>();
  plan.measures.forEach((m, i) => {
    const at = `plan.measures[${i}]`;
    if (!m || typeof m !== 'object') {
      out.push({ field: at, message: 'must be a measure object' });
      return;
    }
    if (isBlank(m.id)) out.push({ field: `${at}.id`, message: 'a measure id is required' });
    else if (seen.has(m.id)) out.push({ field: `${at}.id`, message: 'measure ids must be unique in the plan' });
    else seen.add(m.id);
    if (isBlank(m.description)) out.push({ field: `${at}.description`, message: 'what the measure is (description) is required' });
    if (m.ffss !== undefined && m.ffss !== null && !(FFSS as readonly unknown[]).includes(m.ffss)) {
      out.push({ field: `${at}.ffss`, message: `must be one of ${FFSS.join(', ')}` });
    }
    if (isBlank(m.when)) out.push({ field: `${at}.when`, message: 'when the measure is carried out is required' });
    if (isBlank(m.responsibleUserId)) {
      out.push({ field: `${at}.responsibleUserId`, message: 'who carries out the measure is required' });
    }
    checkEvaluationDate(m.evaluateAt, `${at}.evaluateAt`, today, out);
  });
  return out;
}

export function planHasFiveElements(plan: Partial<PlanInput> | undefined | null, today: IsoDate): boolean {
  return planViolations(plan, today).length === 0;
}
