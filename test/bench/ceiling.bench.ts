/**
 * `npm run bench:ceiling`: Trygg's commands against pgbench running the same SQL on the same
 * embedded PostgreSQL (fsync on), side by side, and the ratio between them.
 *
 * 1. One ADD_NOTE runs through an in-process API while every statement it sends to PostgreSQL is
 *    recorded with its parameters.
 * 2. The API runs as its own process (`apps/api/src/main.ts`, logging on as in production) with
 *    API_PROCESSES = 1, then 2, …; this process is the client. Each of BENCH_CLIENTS clients opens
 *    concerns, then acknowledges them, then adds notes to a case of its own, BENCH_SECONDS each.
 *    The three loads run a second time from wrk (`wrk-load.ts`), a C client like pgbench's own: the
 *    Node client costs about a millisecond of CPU a request on the same cores. wrk acknowledges the
 *    concerns still unacknowledged after its own openings, each once.
 *    Every concern opened has free text of its own (`free-text.ts`), as people's concerns do; wrk
 *    also opens concerns that all say "bench", as this bench did before decision 109.
 * 3. pgbench runs two scripts made from what was recorded, with as many clients:
 *    - `write`: the statement ADD_NOTE writes with (the versioned UPDATE of the case, its event and
 *      the event's content in one statement), on a case of each client's own;
 *    - `all`: every statement ADD_NOTE sends, the reads with their recorded parameters.
 *    The recorded event JSON is reused; only its `seq` and `prev_hash` follow the case's last link,
 *    set in SQL (Trygg computes them in Node), and the version check always holds.
 * Every figure is the median of BENCH_REPEAT runs, with the API's CPU per request and its main
 * threads' share of it. Prints; asserts nothing.
 * Env: BENCH_CLIENTS (8), BENCH_SECONDS (10), BENCH_REPEAT (3), BENCH_PROCESSES ("1,2"), and
 * BENCH_STUB_RENDER=1 to journal one document rendered once for every opening
 * (`stub-render.preload.js`): what the rest of an opening costs, an upper bound for a cheaper render.
 */
import 'reflect-metadata';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { createLocalApiApp } from '../../apps/api/src/local-api-app';
import { freePort } from '../../libs/embedded/src';
import { signDevToken } from '../../libs/identity/src';
import { DEMO_CHILDREN, DEMO_UNITS } from '../../libs/persistence/src';
import { SERVICE_NODE_FLAGS, SystemClock } from '../../libs/platform/src';
import { cpuMsOf, mainThreadCpuMsOf } from './process-cpu';
import { childrenOf } from '../harness/child-processes';
import { percentile, startBenchInfra } from './bench-infra';
import { ensureWrk, runWrk, WrkLoad } from './wrk-load';
import { FREE_TEXT_LENGTH, FREE_TEXT_WORDS, freeText } from './free-text';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 8);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 3);
const PROCESSES = (process.env.BENCH_PROCESSES ?? '1,2').split(',').map(Number);
/** The API journals one document, rendered once, for every opening: what an opening costs without its render. */
const STUB_RENDER = process.env.BENCH_STUB_RENDER === '1';
const ROOT = path.resolve(__dirname, '..', '..');
const API_MAIN = path.join(ROOT, 'dist/apps/api/src/main.js');

interface Recorded {
  text: string;
  values: unknown[];
}
interface Rate {
  perSecond: number;
  p50: number;
  p99: number;
  /** CPU time of the API's processes per request (ms); NaN for pgbench. */
  cpuMs: number;
  /** Of it, their main threads' (ms); the rest is the render thread, V8's helpers and libuv's pool. */
  mainMs: number;
}

async function main(): Promise<void> {
  ensurePgbench();
  ensureWrk();
  // The API as it is deployed: compiled with tsc first, as `npm start` does (the web app is not needed).
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
  const infra = await startBenchInfra();
  stopInfra = () => infra.stop();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'trygg-ceiling-'));
  const larer = await headers('larer');
  const rektor = await headers('rektor');

  // 1. What ADD_NOTE sends, and a case per client for Trygg and for pgbench.
  const { recorded, tryggCases, template } = await record(infra, larer);
  const db = new pg.Client({ connectionString: infra.databaseUrl });
  await db.connect();
  const pgbenchCases: string[] = [];
  for (let i = 0; i < CLIENTS; i++) {
    const [{ id }] = (
      await db.query(
        `INSERT INTO cases SELECT (jsonb_populate_record(NULL::cases, to_jsonb(c) || jsonb_build_object(
           'id', ${PGBENCH_CASE('$2::int')}, 'case_seq', 1000000 + $2::int, 'last_seq', 0, 'last_hash', NULL))).*
         FROM cases c WHERE id = $1 RETURNING id`,
        [template, i],
      )
    ).rows;
    pgbenchCases.push(id);
  }
  const { files: scripts, vars } = pgbenchScripts(recorded, work);
  console.log(`ADD_NOTE sends ${recorded.length} statements; one of them writes.`);

  const results: Record<string, Rate[]> = {};
  /** The highest resident memory of one API process under the load, per process count. */
  const rssPeak: Record<number, number> = {};
  const add = (k: string, r: Rate) => (results[k] ??= []).push(r);
  const versions = new Map<string, number>();
  for (const id of tryggCases) versions.set(id, (await db.query('SELECT version FROM cases WHERE id = $1', [id])).rows[0].version);

  for (let rep = 0; rep < REPEAT; rep++) {
    for (const n of PROCESSES) {
      const api = await startApi(infra, n);
      stopApi = api.stop;
      const rss = sampleRss(api.pid);
      const base = `${api.url}/api`;
      const opened: string[] = [];
      let texts = 0;
      add(
        `open, ${n} process(es)`,
        await drive(SECONDS, api.pid, async () => {
          const c = await call(`${base}/cases`, larer, {
            unitId: DEMO_UNITS.demoSkole.id,
            childIds: [DEMO_CHILDREN[0].id],
            concern: freeText(texts++),
            source: 'other',
          });
          opened.push(c.id);
        }),
      );
      add(
        `ACKNOWLEDGE, ${n} process(es)`,
        await drive(SECONDS, api.pid, async () => {
          const id = opened.pop();
          if (!id) return false;
          await call(`${base}/cases/${id}/commands`, rektor, { type: 'ACKNOWLEDGE', expectedVersion: 1 });
        }),
      );
      add(
        `ADD_NOTE, ${n} process(es)`,
        await drive(SECONDS, api.pid, async (client) => {
          const id = tryggCases[client];
          const r = await call(`${base}/cases/${id}/commands`, larer, {
            type: 'ADD_NOTE',
            expectedVersion: versions.get(id),
            kind: 'observation',
            text: 'bench',
          });
          versions.set(id, r.version);
        }),
      );
      // The same three loads from wrk, a C client like pgbench's own (see wrk-load.ts).
      const wrk = (load: WrkLoad, h: Record<string, string>, seconds = SECONDS): Rate => {
        const cpu = cpuMeterOf(api.pid);
        const r = runWrk(api.url, h, load, CLIENTS, seconds, work);
        return { perSecond: r.perSecond, p50: r.p50, p99: r.p99, ...cpu.per(r.requests) };
      };
      const body = { unitId: DEMO_UNITS.demoSkole.id, childIds: [DEMO_CHILDREN[0].id], concern: 'bench', source: 'other' };
      const ownWords = { path: '/api/cases', body, field: 'concern', words: FREE_TEXT_WORDS, length: FREE_TEXT_LENGTH };
      add(`open, ${n} process(es), wrk`, wrk({ kind: 'post-free-text', ...ownWords }, larer));
      add(`open "bench", ${n} process(es), wrk`, wrk({ kind: 'post', path: '/api/cases', body }, larer));
      // Every concern the rektor has not acknowledged yet, each acknowledged once. The run is shorter
      // when there are too few for a thousand a second, so no client runs out before it ends.
      const unacknowledged = await concernsToAcknowledge(db);
      const ackSeconds = Math.max(1, Math.min(SECONDS, Math.floor(unacknowledged.length / 1000)));
      if (ackSeconds < SECONDS) console.log(`ACKNOWLEDGE from wrk: ${unacknowledged.length} concerns, so ${ackSeconds} s`);
      add(
        `ACKNOWLEDGE, ${n} process(es), wrk`,
        wrk({ kind: 'once', command: { type: 'ACKNOWLEDGE', expectedVersion: 1 }, caseIds: unacknowledged }, rektor, ackSeconds),
      );
      add(
        `ADD_NOTE, ${n} process(es), wrk`,
        wrk({ kind: 'note', cases: tryggCases.map((id) => ({ id, version: versions.get(id)! })) }, larer),
      );
      // wrk stops with requests in flight, which the API still carries out: read the versions once they stand.
      await settledVersions(db, tryggCases, versions);
      rssPeak[n] = Math.max(rssPeak[n] ?? 0, rss.stop());
      await api.stop();
      stopApi = undefined;
    }
    for (const [name, file] of Object.entries(scripts)) {
      const before = await eventsOf(db, pgbenchCases);
      const run = pgbench(infra.databaseUrl, file, vars, work);
      // Every transaction pgbench counted must have appended its event: the script really writes.
      const appended = (await eventsOf(db, pgbenchCases)) - before;
      if (appended !== run.transactions) throw new Error(`pgbench ${name}: ${run.transactions} transactions but ${appended} events`);
      add(`pgbench ${name}`, run);
    }
  }

  const median = (k: string, f: keyof Rate) => [...results[k]].map((r) => r[f]).sort((a, b) => a - b)[Math.floor(results[k].length / 2)];
  console.log(
    `\nbench:ceiling: ${CLIENTS} clients, ${SECONDS} s a run, median of ${REPEAT}; PostgreSQL 18 (fsync on), node ${process.version}, ${os.availableParallelism()} cores`,
  );
  if (STUB_RENDER) console.log('BENCH_STUB_RENDER: every journal document is one rendered once (an upper bound, not Trygg)');
  console.log('run                                    per s   p50 ms   p99 ms   API CPU ms a request (main thread)');
  for (const k of Object.keys(results)) {
    const cpu = median(k, 'cpuMs');
    const cpuText = Number.isNaN(cpu) ? '' : `${cpu.toFixed(2).padStart(9)} (${median(k, 'mainMs').toFixed(2)})`;
    console.log(
      `${k.padEnd(36)} ${median(k, 'perSecond').toFixed(0).padStart(7)} ${median(k, 'p50').toFixed(1).padStart(8)} ${median(k, 'p99')
        .toFixed(1)
        .padStart(8)} ${cpuText}`,
    );
  }
  console.log('\nratio of ADD_NOTE to pgbench (same clients, same database):');
  for (const n of PROCESSES) {
    const note = median(`ADD_NOTE, ${n} process(es)`, 'perSecond');
    const ratios = Object.keys(scripts).map((s) => `${s} ${(note / median(`pgbench ${s}`, 'perSecond')).toFixed(2)}`);
    const of = (k: string) => (median(`${k}, ${n} process(es)`, 'perSecond') / note).toFixed(2);
    console.log(`  ${n} process(es): ${ratios.join(', ')}; open ${of('open')} and ACKNOWLEDGE ${of('ACKNOWLEDGE')} of ADD_NOTE's rate`);
    const wrkNote = median(`ADD_NOTE, ${n} process(es), wrk`, 'perSecond');
    const wrkRatios = Object.keys(scripts).map((s) => `${s} ${(wrkNote / median(`pgbench ${s}`, 'perSecond')).toFixed(2)}`);
    const wrkOpen = (k: string) => (median(`${k}, ${n} process(es), wrk`, 'perSecond') / wrkNote).toFixed(2);
    console.log(
      `  ${n} process(es), wrk as the client: ${wrkRatios.join(', ')}; open ${wrkOpen('open')} (all "bench": ${wrkOpen('open "bench"')}) and ACKNOWLEDGE ${wrkOpen('ACKNOWLEDGE')} of ADD_NOTE's rate`,
    );
  }

  for (const n of PROCESSES)
    console.log(`  API RSS under load, ${n} process(es): at most ${(rssPeak[n] / 2 ** 20).toFixed(0)} MiB per process`);

  await db.end();
  fs.rmSync(work, { recursive: true, force: true });
  await infra.stop();
}

/** Concerns opened and not yet acknowledged (a case's first command moves it past version 1), oldest first. */
async function concernsToAcknowledge(db: pg.Client): Promise<string[]> {
  const rows = (await db.query(`SELECT id FROM cases WHERE version = 1 AND state = 'reported' ORDER BY opened_at`)).rows;
  return rows.map((r: { id: string }) => r.id);
}

/** Each case's version, read again until two reads 200 ms apart agree. */
async function settledVersions(db: pg.Client, ids: string[], versions: Map<string, number>): Promise<void> {
  const read = async () => (await db.query('SELECT id, version FROM cases WHERE id = ANY($1::uuid[]) ORDER BY id', [ids])).rows;
  let last = JSON.stringify(await read());
  for (;;) {
    await new Promise((r) => setTimeout(r, 200));
    const now = await read();
    if (JSON.stringify(now) === last) {
      for (const r of now) versions.set(r.id, r.version);
      return;
    }
    last = JSON.stringify(now);
  }
}

async function eventsOf(db: pg.Client, caseIds: string[]): Promise<number> {
  return Number((await db.query('SELECT count(*) AS n FROM case_events WHERE case_id = ANY($1::uuid[])', [caseIds])).rows[0].n);
}

async function headers(username: string): Promise<Record<string, string>> {
  return { Authorization: `Bearer ${await signDevToken(username)}`, 'content-type': 'application/json' };
}

async function call(url: string, h: Record<string, string>, body: unknown): Promise<{ id: string; version: number }> {
  const res = await fetch(url, { method: 'POST', headers: h, body: JSON.stringify(body) });
  const json = await res.json();
  if (res.status >= 300) throw new Error(`${url}: ${res.status} ${JSON.stringify(json)}`);
  return json as { id: string; version: number };
}

/** CLIENTS loops of `step` for `seconds` (or until a step returns false): rate and latency. */
async function drive(seconds: number, apiPid: number, step: (client: number) => Promise<unknown>): Promise<Rate> {
  const latencies: number[] = [];
  const cpu = cpuMeterOf(apiPid);
  const started = performance.now();
  const end = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      while (performance.now() < end) {
        const t0 = performance.now();
        if ((await step(client)) === false) return;
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  return {
    perSecond: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    ...cpu.per(latencies.length),
  };
}

/** Records the statements of one ADD_NOTE (after a warm-up one) through an in-process API. */
async function record(
  infra: { databaseUrl: string; redisUrl: string },
  larer: Record<string, string>,
): Promise<{ recorded: Recorded[]; tryggCases: string[]; template: string }> {
  const recorded: Recorded[] = [];
  let recording = false;
  const query = pg.Client.prototype.query;
  (pg.Client.prototype as unknown as { query: (...a: unknown[]) => unknown }).query = function (this: pg.Client, ...args: unknown[]) {
    if (recording) {
      const [q, values] = args as [string | { text: string; values?: unknown[] }, unknown[] | undefined];
      recorded.push(typeof q === 'string' ? { text: q, values: values ?? [] } : { text: q.text, values: q.values ?? values ?? [] });
    }
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  };
  const app = await createLocalApiApp(infra.databaseUrl, infra.redisUrl, new SystemClock());
  const port = await freePort();
  await app.listen(port, '127.0.0.1');
  const base = `http://127.0.0.1:${port}/api`;
  const open = () =>
    call(`${base}/cases`, larer, { unitId: DEMO_UNITS.demoSkole.id, childIds: [DEMO_CHILDREN[0].id], concern: 'bench', source: 'other' });
  const note = (id: string, v: number) =>
    call(`${base}/cases/${id}/commands`, larer, { type: 'ADD_NOTE', expectedVersion: v, kind: 'observation', text: 'bench' });
  const tryggCases: string[] = [];
  for (let i = 0; i < CLIENTS; i++) tryggCases.push((await open()).id);
  const c = await open();
  const warm = await note(c.id, 1);
  recording = true;
  await note(c.id, warm.version);
  recording = false;
  pg.Client.prototype.query = query;
  await app.close();
  return { recorded, tryggCases, template: c.id };
}

/** pgbench client n's own case: a copy of a real one under an id SQL can spell from `:client_id`. */
const PGBENCH_CASE = (client: string) => `('00000000-0000-4000-8000-' || lpad(${client}::text, 12, '0'))::uuid`;

/** The two pgbench scripts (their files by name) and the variables they take (`-D`). */
function pgbenchScripts(recorded: Recorded[], dir: string): { files: Record<string, string>; vars: Map<string, string> } {
  const vars = new Map<string, string>();
  const w = recorded.findIndex((r) => /^\s*WITH u0 AS \(\s*UPDATE cases/.test(r.text));
  if (w < 0) throw new Error('ADD_NOTE no longer writes in one statement (WITH u0 AS (UPDATE cases …)): update this bench');
  const write = recorded[w];
  // The statement's parameters by what they stand for, found in its text (decision 100 numbers them as written).
  const param = (what: string, re: RegExp): number => {
    const m = re.exec(write.text);
    if (!m) throw new Error(`ADD_NOTE's write has no ${what} parameter any more: update this bench`);
    return Number(m[1]);
  };
  const p = {
    caseId: param('case id', /WHERE id = \$(\d+)::uuid AND version/),
    events: param('events', /jsonb_to_recordset\(\$(\d+)::jsonb\) AS e\(seq int/),
    version: param('expected version', /version = \$(\d+)::int AND anonymised_at/),
    knownSeq: param('known last seq', /AND last_seq = \$(\d+)::int\s+RETURNING/),
    newSeq: param('new last seq', /last_seq = \$(\d+)::int, last_hash/),
  };
  const caseId = PGBENCH_CASE(':client_id');
  // The event follows the case's last link as it is when the statement starts (each client has its own case).
  const events =
    `jsonb_set(jsonb_set(:ev::jsonb, '{0,seq}', to_jsonb((SELECT last_seq + 1 FROM cases WHERE id = ${caseId}))), ` +
    `'{0,prev_hash}', to_jsonb(coalesce((SELECT last_hash FROM cases WHERE id = ${caseId}), '')))`;
  // The version and last-link checks kept as conditions that always hold.
  const writeSql = `${oneLine(
    inline(write.text, write.values, 'w', vars, {
      [p.caseId]: caseId,
      [p.events]: events,
      [p.version]: 'version',
      [p.knownSeq]: 'last_seq',
      [p.newSeq]: 'last_seq + 1',
    }),
  )};`;
  const reads = recorded.map((r, i) => (i === w ? writeSql : `${oneLine(inline(r.text, r.values, `r${i}`, vars, {}))};`));
  vars.set('ev', String(write.values[p.events - 1]));
  const files = { write: path.join(dir, 'write.sql'), all: path.join(dir, 'all.sql') };
  fs.writeFileSync(files.write, writeSql + '\n');
  // Every statement in the order ADD_NOTE sends them.
  fs.writeFileSync(files.all, reads.join('\n') + '\n');
  return { files, vars };
}

/** SQL with its $n parameters as pgbench variables (NULL inline), or as the replacement given. */
function inline(text: string, values: unknown[], prefix: string, vars: Map<string, string>, replace: Record<number, string>): string {
  return text.replace(/\$(\d+)/g, (_, d: string) => {
    const n = Number(d);
    if (replace[n]) return replace[n];
    const v = values[n - 1];
    if (v === null || v === undefined) return 'NULL';
    const name = `${prefix}_${n}`;
    vars.set(name, prepare(v));
    return `:${name}`;
  });
}

/** A parameter as node-postgres sends it. */
function prepare(v: unknown): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { prepareValue } = require('pg/lib/utils') as { prepareValue: (v: unknown) => string };
  return prepareValue(v);
}

function oneLine(sql: string): string {
  return sql.replace(/\s+/g, ' ').trim();
}

function pgbench(databaseUrl: string, file: string, vars: Map<string, string>, dir: string): Rate & { transactions: number } {
  const u = new URL(databaseUrl);
  const logDir = fs.mkdtempSync(path.join(dir, 'log-'));
  const out = execFileSync(
    'pgbench',
    [
      '-n',
      '-M',
      'extended',
      '-c',
      String(CLIENTS),
      '-j',
      String(Math.min(CLIENTS, os.availableParallelism())),
      '-T',
      String(SECONDS),
      '-l',
      '--log-prefix',
      path.join(logDir, 'tx'),
      '-f',
      file,
      ...[...vars].flatMap(([k, v]) => ['-D', `${k}=${v}`]),
      '-h',
      u.hostname,
      '-p',
      u.port,
      '-U',
      decodeURIComponent(u.username),
      u.pathname.slice(1),
    ],
    { env: { ...process.env, PGPASSWORD: decodeURIComponent(u.password) }, encoding: 'utf8', maxBuffer: 1 << 26 },
  );
  const tps = Number(/tps = ([\d.]+)/.exec(out)?.[1]);
  const transactions = Number(/number of transactions actually processed: (\d+)/.exec(out)?.[1]);
  if (/aborted|failed transactions: [1-9]/.test(out)) throw new Error(`pgbench failed:\n${out}`);
  const latencies = fs
    .readdirSync(logDir)
    .flatMap((f) => fs.readFileSync(path.join(logDir, f), 'utf8').trim().split('\n'))
    .map((line) => Number(line.split(' ')[2]) / 1000);
  fs.rmSync(logDir, { recursive: true, force: true });
  return { perSecond: tps, p50: percentile(latencies, 50), p99: percentile(latencies, 99), cpuMs: NaN, mainMs: NaN, transactions };
}

/** The API as its own process (or cluster), logging as in production, until stopped. */
async function startApi(
  infra: { databaseUrl: string; redisUrl: string },
  processes: number,
): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  const port = await freePort();
  // The compiled API, as `npm start` runs it (a TypeScript loader would add its own memory and start-up).
  const stub = STUB_RENDER ? ['-r', path.join(__dirname, 'stub-render.preload.js')] : [];
  const child: ChildProcess = spawn(process.execPath, [...SERVICE_NODE_FLAGS, ...stub, API_MAIN], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      DATABASE_URL: infra.databaseUrl,
      REDIS_URL: infra.redisUrl,
      LOG_LEVEL: 'info',
      RATE_LIMIT_PER_MINUTE: '0',
      LOG_PRETTY: '0',
      API_PROCESSES: String(processes),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}`);
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (i > 600) throw new Error('the API did not start in 60 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  // A cluster's workers come up one by one: wait until every one of them has answered.
  await new Promise((r) => setTimeout(r, processes > 1 ? 3000 : 0));
  return {
    url,
    pid: child.pid!,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** The process and its cluster's processes, by /proc. */
function treeOf(pid: number): number[] {
  return [pid, ...childrenOf(pid)];
}

/** CPU time the API's processes, and their main threads, use from now on, per request (ms). */
function cpuMeterOf(pid: number): { per(requests: number): { cpuMs: number; mainMs: number } } {
  const all = cpuMsOf(treeOf(pid));
  const main = mainThreadCpuMsOf(treeOf(pid));
  return {
    per: (requests) => ({
      cpuMs: (cpuMsOf(treeOf(pid)) - all) / requests,
      mainMs: (mainThreadCpuMsOf(treeOf(pid)) - main) / requests,
    }),
  };
}

/** Samples every 200 ms the resident memory of the API process and its cluster's processes; stop() gives the highest of one. */
function sampleRss(pid: number): { stop(): number } {
  let peak = 0;
  const rssOf = (p: number) => {
    try {
      return Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0) * 1024;
    } catch {
      return 0;
    }
  };
  const timer = setInterval(() => {
    for (const p of treeOf(pid)) peak = Math.max(peak, rssOf(p));
  }, 200);
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}

/** pgbench comes with Debian's PostgreSQL server package; the embedded distribution has none. */
function ensurePgbench(): void {
  try {
    execFileSync('pgbench', ['--version'], { stdio: 'ignore' });
  } catch {
    console.log('pgbench is missing: installing postgresql-15 (Debian)…');
    const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
    execFileSync(sudo[0] ?? 'apt-get', [...(sudo.length ? ['apt-get'] : []), 'install', '-y', '--no-install-recommends', 'postgresql-15'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    // Debian keeps pgbench under /usr/lib/postgresql/15/bin and links it from /usr/bin.
  }
}

/** Set once PostgreSQL and Redis run, so a failed run does not leave them behind. */
let stopInfra: (() => Promise<void>) | undefined;
/** The API running now, for the same reason. */
let stopApi: (() => Promise<void>) | undefined;

main().catch(async (e) => {
  console.error(e);
  await stopApi?.().catch(() => undefined);
  await stopInfra?.().catch(() => undefined);
  process.exit(1);
});
