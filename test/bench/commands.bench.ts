/**
 * `npm run bench`: how fast the API opens cases and runs commands against real PostgreSQL and
 * Redis (embedded, fsync on as in production). Prints throughput and latency percentiles; asserts
 * nothing. Every tenth case is also verified and exported (issue 5); at the end one long case
 * (BENCH_LONG_EVENTS notes, default 500) is verified and exported as JSON and PDF.
 * Env: BENCH_CASES (default 300), BENCH_CONCURRENCY (default 8), BENCH_LONG_EVENTS.
 */
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { createLocalApiApp } from '../../apps/api/src/local-api-app';
import { freePort } from '../../libs/embedded/src';
import { signDevToken } from '../../libs/identity/src';
import { DEMO_CHILDREN, DEMO_UNITS } from '../../libs/persistence/src';
import { SystemClock } from '../../libs/platform/src';
import { percentile as pct, startBenchInfra } from './bench-infra';

const CASES = Number(process.env.BENCH_CASES ?? 300);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const LONG_EVENTS = Number(process.env.BENCH_LONG_EVENTS ?? 500);

async function main(): Promise<void> {
  const infra = await startBenchInfra();

  const app = await createLocalApiApp(infra.databaseUrl, infra.redisUrl, new SystemClock());
  const port = await freePort();
  await app.listen(port, '127.0.0.1');
  const base = `http://127.0.0.1:${port}/api`;
  const larer = { Authorization: `Bearer ${await signDevToken('larer')}`, 'content-type': 'application/json' };
  const rektor = { Authorization: `Bearer ${await signDevToken('rektor')}`, 'content-type': 'application/json' };
  const eva = DEMO_CHILDREN[0].id;

  const latencies: Record<string, number[]> = {
    open: [],
    acknowledge: [],
    note: [],
    get: [],
    list: [],
    verify: [],
    export: [],
    'long verify': [],
    'long json': [],
    'long pdf': [],
  };
  const timed = async (kind: string, f: () => Promise<Response>) => {
    const t0 = performance.now();
    const res = await f();
    const body = res.headers.get('content-type')?.includes('json') ? await res.json() : await res.arrayBuffer();
    latencies[kind].push(performance.now() - t0);
    if (res.status >= 300) throw new Error(`${kind}: ${res.status} ${JSON.stringify(body)}`);
    return body as { id: string; version: number };
  };

  const memBefore = process.memoryUsage().rss;
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < CASES) {
        next++;
        const c = await timed('open', () =>
          fetch(`${base}/cases`, {
            method: 'POST',
            headers: larer,
            body: JSON.stringify({ unitId: DEMO_UNITS.demoSkole.id, childIds: [eva], concern: 'bench', source: 'other' }),
          }),
        );
        const a = await timed('acknowledge', () =>
          fetch(`${base}/cases/${c.id}/commands`, {
            method: 'POST',
            headers: rektor,
            body: JSON.stringify({ type: 'ACKNOWLEDGE', expectedVersion: 1 }),
          }),
        );
        await timed('note', () =>
          fetch(`${base}/cases/${c.id}/commands`, {
            method: 'POST',
            headers: larer,
            body: JSON.stringify({ type: 'ADD_NOTE', expectedVersion: a.version, kind: 'observation', text: 'bench' }),
          }),
        );
        await timed('get', () => fetch(`${base}/cases/${c.id}`, { headers: rektor }));
        if (next % 10 === 0) {
          await timed('list', () => fetch(`${base}/cases?limit=50`, { headers: rektor }));
          await timed('verify', () => fetch(`${base}/cases/${c.id}/verify`, { headers: rektor }));
          await timed('export', () => fetch(`${base}/cases/${c.id}/export`, { headers: rektor }));
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const requests = Object.values(latencies).reduce((n, l) => n + l.length, 0);

  // One long case: how verification and the case file scale with the history.
  const long = await timed('open', () =>
    fetch(`${base}/cases`, {
      method: 'POST',
      headers: larer,
      body: JSON.stringify({ unitId: DEMO_UNITS.demoSkole.id, childIds: [eva], concern: 'long', source: 'other' }),
    }),
  );
  let version = long.version;
  for (let i = 0; i < LONG_EVENTS; i++) {
    const r = await fetch(`${base}/cases/${long.id}/commands`, {
      method: 'POST',
      headers: larer,
      body: JSON.stringify({
        type: 'ADD_NOTE',
        expectedVersion: version,
        kind: 'observation',
        text: `Observation ${i}: a paragraph of what was seen in the break, who was there and what the adults did.`,
      }),
    });
    version = ((await r.json()) as { version: number }).version;
  }
  for (let i = 0; i < 5; i++) {
    await timed('long verify', () => fetch(`${base}/cases/${long.id}/verify`, { headers: rektor }));
    await timed('long json', () => fetch(`${base}/cases/${long.id}/export`, { headers: rektor }));
    await timed('long pdf', () => fetch(`${base}/cases/${long.id}/export?format=pdf`, { headers: rektor }));
  }

  console.log(`\nTrygg API bench: ${CASES} cases, concurrency ${CONCURRENCY}, PostgreSQL 18 (fsync on), node ${process.version}`);
  console.log(
    `total ${requests} requests in ${seconds.toFixed(1)} s = ${(requests / seconds).toFixed(0)} req/s; writes ${((CASES * 3) / seconds).toFixed(0)}/s`,
  );
  console.log(`(the "long" rows: one case with ${LONG_EVENTS + 1} events, each read 5 times)`);
  console.log('kind          n     p50 ms   p99 ms   max ms');
  for (const [kind, l] of Object.entries(latencies)) {
    if (!l.length) continue;
    console.log(
      `${kind.padEnd(12)} ${String(l.length).padStart(4)} ${pct(l, 50).toFixed(1).padStart(9)} ${pct(l, 99).toFixed(1).padStart(8)} ${Math.max(
        ...l,
      )
        .toFixed(1)
        .padStart(8)}`,
    );
  }
  console.log(`RSS ${(memBefore / 2 ** 20).toFixed(0)} MiB -> ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`);

  await app.close();
  await infra.stop();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
