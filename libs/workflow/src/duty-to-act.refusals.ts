import { CaseContext, CaseEvent } from './duty-to-act.types';
import { DutyToActGuard } from './duty-to-act.machine';
import { Refusal } from './machine-driver';
import { REGIME_LAW } from './regime';

/**
 * What each duty-to-act guard tells a principal when it stops a command, so a 409 says what the
 * law requires instead of "no". A guard without a sentence here does not compile.
 */
export const DUTY_TO_ACT_REFUSALS: Record<DutyToActGuard, Refusal<CaseContext, CaseEvent>> = {
  actorLeadsCase: (_c, e) => `${e.type} is for whoever leads the case`,
  actorTakesPart: (_c, e) => `${e.type} is for staff involved in the case and whoever leads it`,
  actorIsResponsibleForMeasure: () => 'a measure is recorded by the person the plan names for it, or whoever leads the case',
  evaluationDateReached: (c) => `the evaluation date in the plan (${c.nextEvaluationAt ?? 'none'}) has not come yet`,
  // Used under not(): it stops a "safe" conclusion when it holds.
  childSaysUnsafe: (c) =>
    `the child has said the environment is not safe and good; the child's own experience decides (${REGIME_LAW[c.regime].dutyToAct}), ` +
    'so the case cannot be concluded safe: conclude not_safe and put in measures with a written plan',
  childVoiceOnRecord: (c) => {
    const missing = c.childIds.filter((id) => !c.childVoices.some((v) => v.childId === id));
    return `no child's voice is on record for ${missing.join(', ')}: record what the child says (RECORD_CHILD_VOICE), or why the child was not heard (notHeardReason), before concluding the case safe`;
  },
  childInCase: (_c, e) => `${e.type === 'RECORD_CHILD_VOICE' ? e.childId : 'the child'} is not a child in this case`,
  // Only chooses whether the owner is told when the case opens; it refuses nothing.
  staffOffender: null,
  // Used under not(): the owner is told once.
  alreadySerious: () => 'the case is already marked serious and the owner has been notified',
  concludesSafe: null,
  concludesNotSafe: null,
  planHasFiveElements: () =>
    'a written plan states the problem, the measures, when they happen, who is responsible and when they are evaluated, with dates not in the past',
  measureInPlan: (_c, e) => `${e.type === 'RECORD_MEASURE' ? e.measureId : 'the measure'} is not a measure in the current plan`,
  evaluationResolved: null,
  evaluationContinues: () => 'continuing the plan needs the next evaluation date (nextEvaluationAt), today or later',
  evaluationRevises: null,
};
