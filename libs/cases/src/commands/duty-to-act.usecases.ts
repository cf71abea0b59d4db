import { randomUUID } from 'node:crypto';
import { CommandType, ffssWarnings, isValidIsoDate, planViolations } from '../../../workflow/src';
import { CommandHooksFor } from './command.usecase';

/**
 * What the duty-to-act commands need beyond their payload's shape (checked at the edge): checks
 * against the case and the organisation, who becomes involved, what is written beside the case,
 * and decision support. The machine decides what the law allows; these name the fields.
 */
export const DUTY_TO_ACT_HOOKS: CommandHooksFor<CommandType> = {
  /** Puts the child's own view on record, or why the child was not heard. */
  RECORD_CHILD_VOICE: {
    check: (rec, p) =>
      rec.childIds.includes(p.childId) ? [] : [{ field: 'childId', message: 'must be one of the children in this case' }],
  },

  /** Submits the written plan with its five legal elements for the principal's approval. */
  SUBMIT_PLAN: {
    async check(rec, p, { directory, today }) {
      const errors = planViolations(p.plan, today);
      // Omni: every measure is tagged with the kind of action it is (FFSS, docs/domain.md §5).
      p.plan.measures.forEach((m, i) => {
        if (!m.ffss)
          errors.push({ field: `plan.measures[${i}].ffss`, message: 'is required: fremme, forebygge, stoppe or stotte (Omni FFSS)' });
      });
      if (errors.length) return errors;
      const ids = [...new Set(p.plan.measures.map((m) => m.responsibleUserId))];
      const known = new Set(await directory.existingUserIds(rec.ownerId, ids));
      return p.plan.measures.flatMap((m, i) =>
        known.has(m.responsibleUserId) ? [] : [{ field: `plan.measures[${i}].responsibleUserId`, message: 'must be a user of this owner' }],
      );
    },
    involves: (p) => p.plan.measures.map((m) => m.responsibleUserId),
    // Omni/FFSS decision support: a group high on the staircase with nothing that stops or supports.
    async warnings(rec, p, ctx) {
      return ffssWarnings(p.plan, await ctx.staircaseStep(rec), await ctx.guidance(rec.ownerId));
    },
  },

  /** Documents that a measure was carried out (or not). */
  RECORD_MEASURE: {
    check: (rec, p) =>
      rec.snapshot.context.plan?.measures.some((m) => m.id === p.measureId)
        ? []
        : [{ field: 'measureId', message: 'must be a measure of the current plan' }],
  },

  /** Evaluates the measures with the child's view: resolved, continue with a new date, or revise the plan. */
  EVALUATE: {
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
  },

  /**
   * Omni-trappa inside a case: where the group stands (1–5), during the investigation and at each
   * evaluation. The assessment also joins the group's own history outside the case.
   */
  ASSESS_STAIRCASE: {
    async check(rec, p, { directory }) {
      const groups = await directory.groups(rec.unitId);
      return groups.some((g) => g.id === p.groupId) ? [] : [{ field: 'groupId', message: 'must be a group of the case unit' }];
    },
    writes: (rec, p, { user, now }) => ({
      staircase: [
        {
          id: randomUUID(),
          ownerId: rec.ownerId,
          unitId: rec.unitId,
          groupId: p.groupId,
          step: p.step,
          basis: p.basis,
          caseId: rec.id,
          assessedBy: user.id,
          assessedAt: now,
        },
      ],
    }),
  },
};
