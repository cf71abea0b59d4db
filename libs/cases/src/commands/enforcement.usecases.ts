import { EnforcementCommandType, isValidIsoDate } from '../../../workflow/src';
import { FieldError } from '../errors';
import { CommandHooksFor } from './command.usecase';

/**
 * Statsforvalteren's enforcement (opplæringslova §12-6, docs/domain.md §3). The machine holds the
 * rules (school only, one week after raising unless special grounds); these name the fields.
 */
export const ENFORCEMENT_HOOKS: CommandHooksFor<EnforcementCommandType> = {
  RAISED_WITH_PRINCIPAL: {
    toMachine: (p) => ({ raisedAt: p.at }),
  },
  REPORTED_TO_STATSFORVALTEREN: {
    toMachine: (p) => ({ reportedAt: p.at, ...(p.specialGrounds ? { specialGrounds: p.specialGrounds } : {}) }),
  },
  SF_DECISION: {
    check: (_rec, p, ctx) => {
      const errors: FieldError[] = [];
      if (p.requirements.length > 0 && !p.deadline)
        errors.push({ field: 'deadline', message: 'is required when the decision sets requirements' });
      if (p.deadline && !isValidIsoDate(p.deadline)) errors.push({ field: 'deadline', message: 'must be a date (YYYY-MM-DD)' });
      if (p.deadline && p.requirements.length === 0)
        errors.push({ field: 'requirements', message: 'must list what the school must do when the decision sets a deadline' });
      if (p.deadline && isValidIsoDate(p.deadline) && p.deadline < ctx.today)
        errors.push({ field: 'deadline', message: 'must not be in the past' });
      return errors;
    },
    toMachine: (p) => ({ decidedAt: p.at, requirements: p.requirements, ...(p.deadline ? { deadline: p.deadline } : {}) }),
  },
  SF_COMPLIANCE: {
    toMachine: (p) => ({ compliedAt: p.at, summary: p.summary }),
  },
};
