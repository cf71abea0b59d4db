import fs from 'node:fs';
import path from 'node:path';
/**
 * `npm run fuzz`: sends FUZZ_REQUESTS (default 10,000) seeded hostile requests to a running Trygg
 * and prints how many got each status. The bar is 0 × 5xx; any 5xx is listed (method and path
 * only) and the exit code is 1.
 *
 * Without FUZZ_URL it starts its own Trygg (`npm start` in a temporary DATA_DIR, rate limits off so
 * the requests reach the handlers) and stops it afterwards. FUZZ_URL=http://host:port aims it at a
 * running one instead (start that with RATE_LIMIT_PER_MINUTE=0, or most answers are 429).
 * FUZZ_SEED (default 1) fixes the requests: the same seed sends the same requests.
 */
import fc from 'fast-check';
import { launchTrygg } from '../harness/launch-trygg';
import { signDevToken } from '../../libs/identity/src';
import { DEMO_CHILDREN, DEMO_GROUPS, DEMO_OWNER, DEMO_UNITS, DEMO_USERNAMES } from '../../libs/persistence/src/seed/demo-data';

const ROOT = path.resolve(__dirname, '..', '..');
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? 1);
const CONCURRENCY = Number(process.env.FUZZ_CONCURRENCY ?? 8);

interface Operation {
  method: string;
  path: string;
  fields: string[];
}

async function startOwnTrygg(): Promise<{ url: string; stop(): Promise<void> }> {
  const trygg = await launchTrygg({ dataDirPrefix: 'trygg-fuzz-', env: { LOG_LEVEL: 'error' } });
  return { url: trygg.baseUrl.replace('localhost', '127.0.0.1'), stop: trygg.stop };
}

/** Operations and the body fields they name, from the instance's own OpenAPI document. */
async function operations(url: string): Promise<Operation[]> {
  const doc = (await (await fetch(`${url}/api/openapi.json`)).json()) as {
    paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> } }>>;
    components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
  };
  const fieldsOf = (ref?: string) => Object.keys(doc.components.schemas[ref?.split('/').pop() ?? '']?.properties ?? {});
  return Object.entries(doc.paths).flatMap(([p, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      method: method.toUpperCase(),
      path: p,
      fields: fieldsOf(op.requestBody?.content?.['application/json']?.schema?.$ref),
    })),
  );
}

function requests(ops: Operation[], caseIds: string[], tokens: string[]) {
  const ids = [
    ...Object.values(DEMO_UNITS).map((u) => u.id),
    ...DEMO_GROUPS.map((g) => g.id),
    ...DEMO_CHILDREN.map((c) => c.id),
    DEMO_OWNER.id,
    ...caseIds,
  ];
  const idLike = fc.oneof(fc.uuid(), fc.constantFrom(...ids), fc.string({ maxLength: 40 }), fc.constantFrom('%FF', '..', 'null', '0'));
  const scalar = fc.oneof(
    fc.string({ maxLength: 60 }),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom(...ids),
    fc.constantFrom('2027-03-01', '2027-02-30', '2027-03-01T09:00:00+01:00', 'Eva Nordmann', '\u0000'),
  );
  const key = (fields: string[]) =>
    fc.oneof(
      fc.constantFrom(...(fields.length ? fields : ['type'])),
      fc.constantFrom('constructor', '__proto__x', 'prototype', 'toString', 'Eva Nordmann'),
      fc.string({ maxLength: 12 }),
    );
  const value = (fields: string[]): fc.Arbitrary<unknown> =>
    fc.letrec((tie) => ({
      v: fc.oneof(
        { depthSize: 'small' },
        scalar,
        fc.array(tie('v'), { maxLength: 3 }),
        fc.dictionary(key(fields), tie('v'), { maxKeys: 4 }),
      ),
    })).v;
  const body = (op: Operation) =>
    fc.oneof(
      {
        weight: 6,
        arbitrary: fc
          .dictionary(key(op.fields), value(op.fields), { maxKeys: 8 })
          .map((b) => JSON.stringify(b).replace(/"__proto__x"/g, '"__proto__"')),
      },
      { weight: 1, arbitrary: fc.integer({ min: 40, max: 5000 }).map((d) => '{"a":['.repeat(d) + '1' + ']}'.repeat(d)) },
      {
        weight: 1,
        arbitrary: fc.oneof(fc.string({ maxLength: 80 }), fc.constantFrom('{', '{"unitId":', 'null', '[]', 'Eva Nordmann', '{"a":1}}')),
      },
    );
  const query = fc.dictionary(
    fc.constantFrom('unitId', 'state', 'overdue', 'childId', 'cursor', 'limit', 'format', 'from', 'to', 'purpose', 'unread', 'x'),
    fc.oneof(idLike, fc.integer().map(String)),
    { maxKeys: 3 },
  );
  const auth = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...tokens) },
    { weight: 1, arbitrary: fc.constantFrom('', 'not-a-token', tokens[0].slice(0, -4) + 'AAAA') },
  );
  return fc.sample(
    fc.constantFrom(...ops).chain((op) =>
      fc.record({
        method: fc.constant(op.method),
        path: fc.tuple(...[...op.path.matchAll(/\{\w+\}/g)].map(() => idLike)).map((vals) => {
          let i = 0;
          return op.path.replace(/\{\w+\}/g, () => encodeURIComponent(String(vals[i++])));
        }),
        query,
        body: op.method === 'GET' || op.method === 'DELETE' ? fc.constant(undefined) : body(op),
        auth,
        template: fc.constant(op.path),
      }),
    ),
    { seed: SEED, numRuns: REQUESTS },
  );
}

async function main(): Promise<void> {
  await fs.promises.access(path.join(ROOT, 'dist/apps/launcher/src/main.js'));
  const own = process.env.FUZZ_URL ? undefined : await startOwnTrygg();
  const url = (process.env.FUZZ_URL ?? own!.url).replace(/\/$/, '');
  try {
    const tokens = await Promise.all(DEMO_USERNAMES.map((u) => signDevToken(u)));
    const list = (await (
      await fetch(`${url}/api/cases?limit=100`, { headers: { authorization: `Bearer ${tokens[DEMO_USERNAMES.indexOf('kommune')]}` } })
    ).json()) as { items?: Array<{ id: string }> };
    const reqs = requests(
      await operations(url),
      (list.items ?? []).map((c) => c.id),
      tokens,
    );
    const counts = new Map<string, number>();
    const fives: string[] = [];
    let next = 0;
    const started = Date.now();
    const worker = async () => {
      while (next < reqs.length) {
        const r = reqs[next++];
        const qs = new URLSearchParams(r.query).toString();
        let status: string;
        try {
          const res = await fetch(`${url}${r.path}${qs ? `?${qs}` : ''}`, {
            method: r.method,
            headers: {
              ...(r.auth ? { authorization: `Bearer ${r.auth}` } : {}),
              ...(r.body !== undefined ? { 'content-type': 'application/json' } : {}),
            },
            body: r.body,
          });
          await res.arrayBuffer();
          status = String(res.status);
          if (res.status >= 500) fives.push(`${res.status} ${r.method} ${r.template}`);
        } catch (e) {
          status = `no answer (${(e as Error).message})`;
        }
        counts.set(status, (counts.get(status) ?? 0) + 1);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `fuzz: ${reqs.length} requests, seed ${SEED}, ${CONCURRENCY} at a time, ${seconds.toFixed(1)} s, against ${own ? 'a fresh Trygg' : url}`,
    );
    for (const [status, n] of [...counts].sort()) console.log(`  ${status}: ${n}`);
    const fiveCount = [...counts].filter(([s]) => s.startsWith('5')).reduce((n, [, c]) => n + c, 0);
    console.log(`5xx: ${fiveCount}`);
    for (const f of [...new Set(fives)].slice(0, 20)) console.log(`  ${f}`);
    if (fiveCount > 0 || [...counts.keys()].some((s) => s.startsWith('no answer'))) process.exitCode = 1;
  } finally {
    await own?.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
