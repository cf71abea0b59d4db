import { DataSource } from 'typeorm';
import { namedQuery } from './named-query';
import { StaircaseAssessment, StaircaseStore } from '../../cases/src/ports';
import { insertStaircaseAssessment } from './case-writes.sql';

/** Omni-trappa assessments per group, in and outside cases. */
export class TypeormStaircaseStore implements StaircaseStore {
  constructor(private readonly ds: DataSource) {}

  async history(groupId: string): Promise<StaircaseAssessment[]> {
    const rows = await this.ds.query('SELECT * FROM staircase_assessments WHERE group_id = $1 ORDER BY assessed_at DESC, seq DESC', [
      groupId,
    ]);
    return rows.map((r: Record<string, unknown>) => ({
      id: r.id as string,
      ownerId: r.owner_id as string,
      unitId: r.unit_id as string,
      groupId: r.group_id as string,
      step: r.step as number,
      basis: r.basis as string,
      caseId: r.case_id as string | null,
      assessedBy: r.assessed_by as string,
      assessedAt: r.assessed_at as Date,
    }));
  }

  async latestSteps(groupIds: string[]): Promise<Map<string, number>> {
    if (!groupIds.length) return new Map();
    // Every case view asks (the Omni step of the children's groups): a named statement.
    const rows = await namedQuery(this.ds, {
      name: 'staircase-latest-steps',
      text: `SELECT DISTINCT ON (group_id) group_id, step FROM staircase_assessments
       WHERE group_id = ANY($1::uuid[]) ORDER BY group_id, assessed_at DESC, seq DESC`,
      values: [groupIds],
    });
    return new Map(rows.map((r) => [r.group_id as string, r.step as number]));
  }

  async add(a: StaircaseAssessment): Promise<void> {
    await insertStaircaseAssessment(this.ds, a);
  }
}
