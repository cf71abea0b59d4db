import { caseScopeOf } from '../../libs/cases/src';
import { caseListSql, tasksSql } from '../../libs/persistence/src/case-list.sql';
import { DEMO_CHILDREN, DEMO_USERNAMES } from '../../libs/persistence/src/seed/demo-data';
import { concern, MediumRig, startMediumRig } from './medium-rig';

/** Every scan node of a plan (EXPLAIN FORMAT JSON), as "Node Type on relation". */
function scans(plan: Record<string, unknown>): string[] {
  const here = plan['Relation Name'] ? [`${plan['Node Type']} on ${plan['Relation Name']}`] : [];
  return here.concat(((plan.Plans as Array<Record<string, unknown>>) ?? []).flatMap(scans));
}

/**
 * The case list and the task list use an index for every role, never a sequential scan of all
 * cases or deadlines, on a table large enough that the planner would rather scan if it could
 * (docs/benchmarks.md has the plans at 200,000 cases). Timings are the benchmark's job.
 */
describe('list query plans on a large table', () => {
  let rig: MediumRig;
  beforeAll(async () => {
    rig = await startMediumRig();
    const larer = await rig.user('larer');
    const rektor = await rig.user('rektor');
    const c = await rig.open.execute(larer, concern('demoSkole', [DEMO_CHILDREN[0].id]));
    await rig.run.execute(rektor, {
      caseId: c.id,
      type: 'REQUEST_PPT',
      expectedVersion: 1,
      payload: { question: 'How can the school help?', anonymous: true, anonymousSummary: 'A pupil in year 5 is excluded.' },
    });
    // 10,000 copies of the case over the demo units, each with its deadlines.
    await rig.ds.query(`
      CREATE TEMP TABLE copies AS SELECT gen_random_uuid() AS id, g AS n, u.id AS unit_id
        FROM generate_series(1, 10000) g JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM units) u ON u.k = g % (SELECT count(*) FROM units);
      INSERT INTO cases SELECT (jsonb_populate_record(NULL::cases, to_jsonb(c) || jsonb_build_object('id', k.id, 'unit_id', k.unit_id,
          'case_seq', c.case_seq + k.n, 'opened_at', c.opened_at - make_interval(mins => k.n::int),
          'bti', CASE WHEN k.n % 50 = 0 THEN c.bti ELSE c.bti #- '{context,ppt}' END))).*
        FROM copies k CROSS JOIN (SELECT * FROM cases WHERE id = '${c.id}') c;
      INSERT INTO deadlines (id, case_id, kind, ref, due_at, status, responsible_user_id, basis, policy_version, created_at)
        SELECT gen_random_uuid(), k.id, d.kind, d.ref, d.due_at + make_interval(mins => k.n::int), d.status, d.responsible_user_id, d.basis,
               d.policy_version, d.created_at
        FROM copies k CROSS JOIN (SELECT * FROM deadlines WHERE case_id = '${c.id}') d;
      ANALYZE cases; ANALYZE deadlines;
    `);
  }, 120_000);
  afterAll(() => rig.close());

  it.each(DEMO_USERNAMES)('%s: the first page of cases and the tasks use indexes', async (username) => {
    const user = await rig.user(username);
    const scope = caseScopeOf(user, new Date());
    const list = caseListSql({ scope, limit: 21 });
    const plans: string[] = [];
    if (list) {
      const [row] = await rig.ds.query(`EXPLAIN (FORMAT JSON) ${list.text}`, list.values);
      plans.push(...scans(row['QUERY PLAN'][0].Plan));
    }
    const tasks = tasksSql(user.id, scope, 50);
    const [row] = await rig.ds.query(`EXPLAIN (FORMAT JSON) ${tasks.text}`, tasks.values);
    plans.push(...scans(row['QUERY PLAN'][0].Plan));
    expect(plans.filter((s) => s === 'Seq Scan on cases' || s === 'Seq Scan on deadlines')).toEqual([]);
  });
});
