import { ffssWarnings, planViolations } from '../../../workflow/src';
import { defineCommand } from './command.usecase';

/** Submits the written plan with its five legal elements for the principal's approval. */
export const submitPlan = defineCommand({
  type: 'SUBMIT_PLAN',
  async check(rec, p, { directory, today }) {
    const errors = planViolations(p.plan, today);
    // Omni: every measure is tagged with the kind of action it is (FFSS, domain.md §5).
    p.plan.measures.forEach((m, i) => {
      if (!m.ffss) errors.push({ field: `plan.measures[${i}].ffss`, message: 'is required: fremme, forebygge, stoppe or stotte (Omni FFSS)' });
    });
    if (errors.length) return errors;
    const ids = [...new Set(p.plan.measures.map((m) => m.responsibleUserId))];
    const known = new Set(await directory.existingUserIds(rec.ownerId, ids));
    return p.plan.measures.flatMap((m, i) =>
      known.has(m.responsibleUserId)
        ? []
        : [{ field: `plan.measures[${i}].responsibleUserId`, message: 'must be a user of this owner' }],
    );
  },
  involves: (p) => p.plan.measures.map((m) => m.responsibleUserId),
  // Omni/FFSS decision support: a group high on the staircase with nothing that stops or supports.
  async warnings(rec, p, ctx) {
    return ffssWarnings(p.plan, await ctx.staircaseStep(rec), await ctx.guidance(rec.ownerId));
  },
});
