import { randomUUID } from 'node:crypto';
import { defineCommand } from './command.usecase';

/**
 * Omni-trappa inside a case: where the group stands (1–5), during the investigation and at each
 * evaluation. The assessment also joins the group's own history outside the case.
 */
export const assessStaircase = defineCommand({
  type: 'ASSESS_STAIRCASE',
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
});
