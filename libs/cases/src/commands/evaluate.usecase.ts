import { isValidIsoDate } from '../../../workflow/src';
import { defineCommand } from './command.usecase';

/** Evaluates the measures with the child's view: resolved, continue with a new date, or revise the plan. */
export const evaluate = defineCommand({
  type: 'EVALUATE',
  check(_rec, p, { today }) {
    if (p.outcome !== 'continue') return [];
    if (!isValidIsoDate(p.nextEvaluationAt)) {
      return [{ field: 'nextEvaluationAt', message: 'a next evaluation date YYYY-MM-DD is required to continue the measures' }];
    }
    if (p.nextEvaluationAt < today) {
      return [{ field: 'nextEvaluationAt', message: `must not be in the past (today is ${today})` }];
    }
    return [];
  },
});
