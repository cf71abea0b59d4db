/**
 * `npm run bench:scale`: every list and task query a page makes, at national scale. Seeds
 * BENCH_SCALE_CASES cases (default 200,000) in SQL over 50 units of the demo owner, with 20
 * history events each and 40,000 pending deadlines, then times, per demo role, the requests a page
 * makes (the start page's case list and tasks, the open cases, a unit's list), 50 times each, and
 * the owner's list at 8 concurrent clients. Prints p50/p95 per role and query, and EXPLAIN ANALYZE
 * of the slowest. Asserts nothing. The API runs in this process; the client is its HTTP caller.
 */
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { createLocalApiApp } from '../../apps/api/src/local-api-app';
import { caseScopeOf } from '../../libs/cases/src';
import { freePort } from '../../libs/embedded/src';
import { signDevToken } from '../../libs/identity/src';
import { caseListSql, tasksSql, TypeormDirectory, createDataSource } from '../../libs/persistence/src';
import { DEMO_CHILDREN, DEMO_OWNER, DEMO_UNITS, DEMO_USERNAMES } from '../../libs/persistence/src/seed/demo-data';
import { SystemClock } from '../../libs/platform/src';
import { openBti, openCase } from '../../libs/workflow/src';
import { percentile, startBenchInfra } from './bench-infra';

const CASES = Number(process.env.BENCH_SCALE_CASES ?? 200_000);
const EVENTS_PER_CASE = 20;
const PENDING_DEADLINES = Math.round(CASES / 5);
const RUNS = Number(process.env.BENCH_SCALE_RUNS ?? 50);

async function main(): Promise<void> {
  const infra = await startBenchInfra();
  const db = new Client({ connectionString: infra.databaseUrl });
  await db.connect();
  const t0 = Date.now();
  await seed(db);
  console.log(
    `seeded ${CASES} cases, ${CASES * EVENTS_PER_CASE} events, ${PENDING_DEADLINES} pending deadlines in ${((Date.now() - t0) / 1000).toFixed(0)} s`,
  );

  const app = await createLocalApiApp(infra.databaseUrl, infra.redisUrl, new SystemClock());
  const port = await freePort();
  await app.listen(port, '127.0.0.1');
  const base = `http://127.0.0.1:${port}/api`;
  const tokens = new Map<string, string>();
  for (const u of DEMO_USERNAMES) tokens.set(u, await signDevToken(u));
  const get = async (u: string, path: string) => {
    const started = performance.now();
    const r = await fetch(`${base}${path}`, { headers: { Authorization: `Bearer ${tokens.get(u)}` } });
    await r.arrayBuffer();
    if (!r.ok) throw new Error(`${u} ${path}: ${r.status}`);
    return performance.now() - started;
  };
  const queries: Record<string, string> = {
    'cases (start page)': '/cases?limit=20',
    'open cases': '/cases?open=true&limit=20',
    tasks: '/me/tasks',
  };
  const results: Array<{ user: string; query: string; p50: number; p95: number }> = [];
  for (const user of DEMO_USERNAMES.filter((u) => u !== 'drift')) {
    const paths = {
      ...queries,
      ...(user === 'kommune' || user === 'revisor' ? { 'one unit': `/cases?unitId=${DEMO_UNITS.demoSkole.id}&limit=20` } : {}),
    };
    for (const [query, path] of Object.entries(paths)) {
      for (let i = 0; i < 5; i++) await get(user, path);
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) times.push(await get(user, path));
      results.push({ user, query, p50: percentile(times, 50), p95: percentile(times, 95) });
    }
  }
  console.log('\nrole      query                 p50 ms   p95 ms');
  for (const r of results)
    console.log(`${r.user.padEnd(9)} ${r.query.padEnd(20)} ${r.p50.toFixed(1).padStart(7)} ${r.p95.toFixed(1).padStart(8)}`);

  // The owner's default list at 8 concurrent clients for 10 s.
  let done = 0;
  const until = Date.now() + 10_000;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (Date.now() < until) {
        await get('kommune', '/cases?limit=20');
        done++;
      }
    }),
  );
  console.log(`\nkommune's list at 8 clients: ${(done / 10).toFixed(0)} requests/s`);

  // Which index each role's default list and tasks read (EXPLAIN as the store sends them).
  const planDs = createDataSource(infra.databaseUrl, { poolSize: 1 });
  await planDs.initialize();
  const directory = new TypeormDirectory(planDs);
  console.log('\nplans per role (scans of cases and deadlines):');
  for (const username of DEMO_USERNAMES) {
    const u = (await directory.userByUsername(username))!;
    const sc = caseScopeOf(u, new Date());
    const scansOf = async (q: { text: string; values: unknown[] } | null) =>
      q
        ? ((await db.query(`EXPLAIN ${q.text}`, q.values)).rows as Array<Record<string, string>>)
            .map((r) => r['QUERY PLAN'])
            .filter((l) => / on (cases|deadlines)\b/.test(l))
            .map((l) =>
              l
                .trim()
                .replace(/^->\s*/, '')
                .replace(/\s+\(cost.*$/, ''),
            )
        : ['(sees no case)'];
    console.log(`  ${username}: list ${[...new Set(await scansOf(caseListSql({ scope: sc, limit: 21 })))].join('; ')}`);
    console.log(`  ${' '.repeat(username.length)}  tasks ${[...new Set(await scansOf(tasksSql(u.id, sc, 50)))].join('; ')}`);
  }
  await planDs.destroy();

  // The plan of the slowest list query, as the store sends it.
  const slowest = results.filter((r) => r.query !== 'tasks').sort((a, b) => b.p95 - a.p95)[0];
  const ds = createDataSource(infra.databaseUrl, { poolSize: 1 });
  await ds.initialize();
  const user = (await new TypeormDirectory(ds).userByUsername(slowest.user))!;
  const scope = caseScopeOf(user, new Date());
  const sql = slowest.query === 'open cases' ? caseListSql({ scope, openOnly: true, limit: 21 }) : caseListSql({ scope, limit: 21 });
  if (sql) {
    const plan = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql.text}`, sql.values);
    console.log(`\nEXPLAIN ANALYZE, ${slowest.user} ${slowest.query}:\n${plan.rows.map((r) => r['QUERY PLAN']).join('\n')}`);
  }
  const tasks = tasksSql(user.id, scope, 50);
  const tplan = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${tasks.text}`, tasks.values);
  console.log(`\nEXPLAIN ANALYZE, ${slowest.user} tasks:\n${tplan.rows.map((r) => r['QUERY PLAN']).join('\n')}`);
  await ds.destroy();
  await db.end();
  await app.close();
  await infra.stop();
}

/** N cases over 50 units (the demo units and 44 more), their history, and pending deadlines. */
async function seed(db: Client): Promise<void> {
  const units = Object.values(DEMO_UNITS).map((u) => u.id);
  await db.query(
    `INSERT INTO units (id, owner_id, name, kind)
    SELECT gen_random_uuid(), $1, 'Skole ' || g, CASE WHEN g % 3 = 0 THEN 'kindergarten' ELSE 'school' END FROM generate_series(1, ${50 - units.length}) g`,
    [DEMO_OWNER.id],
  );
  const child = DEMO_CHILDREN[0].id;
  // Every case carries a real machine snapshot (a reported concern), as the views read it.
  const opened = openCase({
    regime: 'school',
    childIds: [child],
    childSaysUnsafe: false,
    staffOffender: false,
    offenderIsLeadership: false,
    at: new Date().toISOString(),
  });
  const users = (await db.query(`SELECT id FROM users WHERE owner_id = $1 ORDER BY username`, [DEMO_OWNER.id])).rows.map((r) => r.id);
  await db.query(
    `CREATE UNLOGGED TABLE seed_cases AS
     SELECT gen_random_uuid() AS id, g AS n, u.id AS unit_id, u.kind,
            now() - make_interval(mins => g * 5) AS opened_at,
            (ARRAY['reported','investigating','planning','active','evaluating','closed','closed','closed'])[1 + g % 8] AS state
     FROM generate_series(1, ${CASES}) g
     JOIN (SELECT id, kind, row_number() OVER (ORDER BY id) - 1 AS k FROM units WHERE owner_id = $1) u ON u.k = g % 50`,
    [DEMO_OWNER.id],
  );
  await db.query(
    `INSERT INTO cases (id, owner_id, unit_id, regime, state, version, machine_version, snapshot, handled_by, serious, child_ids,
       involved_user_ids, opened_by, source, concern, opened_at, closed_at, updated_at, bti, enforcement, case_year, case_seq)
     SELECT s.id, $1, s.unit_id, s.kind, s.state, ${EVENTS_PER_CASE}, 1,
       $4::jsonb,
       'principal', false, ARRAY[$2::uuid], ARRAY[$3::uuid], $3::uuid, 'staff_observation', 'Seeded concern', s.opened_at,
       CASE WHEN s.state = 'closed' THEN s.opened_at + interval '30 days' END, s.opened_at,
       $5::jsonb, NULL, extract(year FROM s.opened_at)::int, s.n
     FROM seed_cases s`,
    [
      DEMO_OWNER.id,
      child,
      users[Math.floor(users.length / 2)],
      JSON.stringify(opened.snapshot),
      JSON.stringify(openBti('principal').snapshot),
    ],
  );
  await db.query(
    `INSERT INTO case_events (case_id, seq, type, actor_user_id, actor_role, at, payload, recorded_at, prev_hash, hash)
     SELECT s.id, e, CASE WHEN e = 1 THEN 'CASE_OPENED' ELSE 'ADD_NOTE' END, NULL, 'system', s.opened_at + make_interval(mins => e),
       '{}'::jsonb, s.opened_at + make_interval(mins => e), CASE WHEN e > 1 THEN md5(s.id::text || (e - 1)) END, md5(s.id::text || e)
     FROM seed_cases s, generate_series(1, ${EVENTS_PER_CASE}) e`,
  );
  await db.query(
    `INSERT INTO deadlines (id, case_id, kind, ref, due_at, status, responsible_user_id, basis, policy_version, created_at, escalated_to)
     SELECT gen_random_uuid(), s.id, 'plan_evaluation', '', s.opened_at + interval '40 days',
       CASE WHEN s.n <= ${PENDING_DEADLINES} THEN 'pending' ELSE 'met' END, $1::uuid, '{}'::jsonb, 1, s.opened_at,
       CASE WHEN s.n % 97 = 0 THEN ARRAY[$2::uuid] ELSE '{}' END
     FROM seed_cases s`,
    [users[0], users[1]],
  );
  await db.query('DROP TABLE seed_cases');
  await db.query('VACUUM ANALYZE');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
