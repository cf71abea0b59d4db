import { osloDateOf } from '../../../workflow/src';
import { OmniReminderStore } from '../ports';

/**
 * Twice a year each principal is asked to assess the Omni-trappa step of each of the unit's
 * groups (docs/domain.md §5). One notification per principal and group per half-year, however
 * often the scheduler fires.
 */
export class RemindOmniAssessments {
  constructor(private readonly store: OmniReminderStore) {}

  async execute(now: Date): Promise<number> {
    const date = osloDateOf(now);
    // The half-year as the stored dedupe keys have always spelled it; a new spelling would send this half-year's reminder again.
    const period = `${date.slice(0, 4)}-${Number(date.slice(5, 7)) <= 6 ? 'var' : 'haust'}`;
    const rows = await this.store.principalGroups();
    await this.store.notify(
      rows.map((r) => ({
        userId: r.userId,
        kind: 'omni_assessment_due' as const,
        ownerId: r.ownerId,
        unitId: r.unitId,
        caseId: null,
        groupId: r.groupId,
        deadlineId: null,
        dedupeKey: `omni-${period}-${r.groupId}-${r.userId}`,
      })),
      now,
    );
    return rows.length;
  }
}
