import { CaseListQuery, CaseScope } from '../../cases/src/ports';

/**
 * The visibility rule of the authorisation policy as SQL, one branch per way a user sees a case
 * (docs/domain.md §6). Lists run each branch as its own indexed, ordered, limited query and merge
 * them (the planner cannot use an index for an OR of four branches: it scans every case); single
 * predicates join the same branches with OR. A branch the user has no part in is left out.
 */
type Param = (v: unknown) => string;

export function scopeBranches(scope: CaseScope, p: Param): string[] {
  // One branch per owner and per unit: `= ANY(array)` would keep the planner from reading the
  // (owner_id | unit_id, opened_at DESC, id DESC) index in order, and users have one or two.
  const branches: string[] = [];
  for (const ownerId of scope.ownerIds) branches.push(`c.owner_id = ${p(ownerId)}::uuid`);
  for (const unitId of scope.principalUnitIds) branches.push(`c.unit_id = ${p(unitId)}::uuid AND c.handled_by = 'principal'`);
  if (scope.staffUnitIds.length) {
    // Staff see what they reported, what they are involved in, and cases whose plan gives them a
    // measure: three branches, each on its own index, so a big unit is not read case by case.
    const me = p(scope.userId);
    for (const unitId of scope.staffUnitIds) {
      const unit = `c.unit_id = ${p(unitId)}::uuid`;
      branches.push(`${unit} AND c.opened_by = ${me}::uuid`);
      branches.push(`${unit} AND c.involved_user_ids @> ARRAY[${me}::uuid]`);
      branches.push(`${unit} AND ${MEASURES} @> jsonb_build_array(jsonb_build_object('responsibleUserId', ${me}::text))`);
    }
  }
  for (const ownerId of scope.pptOwnerIds)
    branches.push(`c.owner_id = ${p(ownerId)}::uuid AND ${PPT_ASKED}
        AND ((c.bti->'context'->'ppt'->>'anonymous')::boolean
             OR (c.bti->'context'->'consents'->'ppt'->>'status' = 'given'
                 AND coalesce((c.bti->'context'->'consents'->'ppt'->>'expiresAt')::timestamptz > ${p(scope.at)}, true)))`);
  return branches;
}

/** The plan's measures (the GIN index `cases_measures_idx` is on the same expression). */
export const MEASURES = `(c.snapshot->'context'->'plan'->'measures')`;

/** PPT was asked in (the partial index `cases_ppt_idx` has the same predicate). */
export const PPT_ASKED = `jsonb_typeof(c.bti->'context'->'ppt') = 'object'`;

/** The whole rule as one predicate, for queries that start from something else (a deadline). */
export function scopeSql(scope: CaseScope, p: Param): string {
  const branches = scopeBranches(scope, p);
  return branches.length ? `(${branches.map((b) => `(${b})`).join(' OR ')})` : 'false';
}

function parameters(): { values: unknown[]; p: Param } {
  const values: unknown[] = [];
  return {
    values,
    p: (v) => {
      values.push(v);
      return `$${values.length}`;
    },
  };
}

/** `GET /cases`: a page of the user's cases, newest first; null when the user sees no case at all. */
export function caseListSql(q: CaseListQuery): { text: string; values: unknown[] } | null {
  const { values, p } = parameters();
  const branches = scopeBranches(q.scope, p);
  if (!branches.length) return null;
  const filters: string[] = [];
  if (q.unitId) filters.push(`c.unit_id = ${p(q.unitId)}`);
  if (q.state) filters.push(`c.state = ${p(q.state)}`);
  if (q.openOnly) filters.push(`c.state <> 'closed'`);
  if (q.childId) filters.push(`${p(q.childId)}::uuid = ANY(c.child_ids)`);
  if (q.groupId) {
    const g = p(q.groupId);
    filters.push(`(c.group_id = ${g}::uuid OR c.child_ids && ARRAY(SELECT ch.id FROM children ch WHERE ch.group_id = ${g}::uuid))`);
  }
  if (q.overdueAt) {
    filters.push(`EXISTS (SELECT 1 FROM deadlines d WHERE d.case_id = c.id AND d.status = 'pending' AND d.due_at < ${p(q.overdueAt)})`);
  }
  if (q.openedFrom) filters.push(`c.opened_at >= ${p(q.openedFrom)}`);
  if (q.openedBefore) filters.push(`c.opened_at < ${p(q.openedBefore)}`);
  if (q.after) filters.push(`(c.opened_at, c.id) < (${p(q.after.openedAt)}, ${p(q.after.id)}::uuid)`);
  const limit = p(q.limit);
  const and = filters.map((f) => ` AND ${f}`).join('');
  const order = 'ORDER BY c.opened_at DESC, c.id DESC';
  if (branches.length === 1) return { text: `SELECT c.* FROM cases c WHERE ${branches[0]}${and} ${order} LIMIT ${limit}`, values };
  // Each branch stops at the page size on its own index; a case seen two ways comes once.
  const union = branches.map((b) => `(SELECT c.id FROM cases c WHERE ${b}${and} ${order} LIMIT ${limit})`).join(' UNION ');
  return { text: `SELECT c.* FROM cases c WHERE c.id IN (${union}) ${order} LIMIT ${limit}`, values };
}

/** `GET /me/tasks`: the user's pending deadlines (responsible, or escalated to), soonest first. */
export function tasksSql(userId: string, scope: CaseScope, limit: number): { text: string; values: unknown[] } {
  const { values, p } = parameters();
  const me = p(userId);
  const visible = scopeSql(scope, p);
  const n = p(limit);
  const from = `FROM deadlines d JOIN cases c ON c.id = d.case_id`;
  // Two branches so each uses its own index: responsible (btree, read in due order) and escalated
  // to (GIN, materialised first: the few deadlines escalated to this user, then sorted).
  return {
    text: `WITH escalated AS MATERIALIZED (SELECT id FROM deadlines WHERE status = 'pending' AND escalated_to @> ARRAY[${me}::uuid])
           SELECT d.*, c.unit_id AS case_unit_id, c.state AS case_state ${from}
           WHERE d.id IN (
             (SELECT d.id ${from} WHERE d.status = 'pending' AND d.responsible_user_id = ${me}::uuid AND ${visible}
              ORDER BY d.due_at, d.kind LIMIT ${n})
             UNION
             (SELECT d.id ${from} WHERE d.id IN (SELECT id FROM escalated) AND ${visible} ORDER BY d.due_at, d.kind LIMIT ${n}))
           ORDER BY d.due_at, d.kind LIMIT ${n}`,
    values,
  };
}
