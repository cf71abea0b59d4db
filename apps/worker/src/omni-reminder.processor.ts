import { DataSource } from 'typeorm';
import { osloDateOf } from '../../../libs/workflow/src';
import { insertNotifications } from '../../../libs/persistence/src/case-writes.sql';

/**
 * Twice a year each principal is asked to assess the Omni-trappa step of each of the unit's
 * groups (domain.md §5). One notification per principal and group per half-year, however often
 * the scheduler fires. The assessment itself is recorded with the BTI/Omni issue.
 */
export async function remindOmniAssessments(ds: DataSource, now: Date): Promise<number> {
  const date = osloDateOf(now);
  const half = Number(date.slice(5, 7)) <= 6 ? 'var' : 'haust';
  const period = `${date.slice(0, 4)}-${half}`;
  const rows: Array<{ user_id: string; owner_id: string; unit_id: string; group_id: string }> = await ds.query(
    `SELECT r.user_id, r.owner_id, g.unit_id, g.id AS group_id
     FROM user_roles r JOIN groups g ON g.unit_id = r.unit_id
     WHERE r.role = 'principal' ORDER BY g.unit_id, g.id`,
  );
  await ds.transaction((m) =>
    insertNotifications(
      m,
      rows.map((r) => ({
        userId: r.user_id,
        kind: 'omni_assessment_due' as const,
        ownerId: r.owner_id,
        unitId: r.unit_id,
        caseId: null,
        groupId: r.group_id,
        deadlineId: null,
        dedupeKey: `omni-${period}-${r.group_id}-${r.user_id}`,
      })),
      now,
    ),
  );
  return rows.length;
}
