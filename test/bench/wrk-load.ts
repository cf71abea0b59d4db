import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * HTTP load from wrk (C, Debian's package), the counterpart of pgbench's own C client: a Node client
 * spends about a millisecond of CPU a request, on the same two cores the API and PostgreSQL share.
 * One thread per connection, so each thread's Lua state is one client's: its case and the version
 * it last saw.
 */
export interface WrkRate {
  requests: number;
  perSecond: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

export function ensureWrk(): void {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
  } catch (e) {
    // wrk prints its usage and exits 1 on --version; only a missing binary is a reason to install.
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') return;
    console.log('wrk is missing: installing it (Debian)…');
    const root = process.getuid?.() === 0;
    execFileSync(root ? 'apt-get' : 'sudo', [...(root ? [] : ['apt-get']), 'install', '-y', '--no-install-recommends', 'wrk'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  }
}

/**
 * What a client sends: the same request each time; the same request with free text of its own in
 * one field (words drawn at random, as `free-text.ts` draws them); ADD_NOTE on its own case at the
 * version it last saw; or one command on each case of a list, each case once (ACKNOWLEDGE of a
 * concern just opened), the clients taking turns through the list.
 */
export type WrkLoad =
  | { kind: 'post'; path: string; body: unknown }
  | { kind: 'post-free-text'; path: string; body: Record<string, unknown>; field: string; words: string[]; length: number }
  | { kind: 'note'; cases: Array<{ id: string; version: number }> }
  | { kind: 'once'; command: Record<string, unknown>; caseIds: string[] };

/** `connections` clients for `seconds` against `baseUrl`; every answer must be a success. */
export function runWrk(
  baseUrl: string,
  headers: Record<string, string>,
  load: WrkLoad,
  connections: number,
  seconds: number,
  dir: string,
): WrkRate {
  const script = path.join(dir, `wrk-${load.kind}.lua`);
  fs.writeFileSync(script, luaFor(headers, load));
  const args =
    load.kind === 'note'
      ? ['--', ...load.cases.map((c) => `${c.id}:${c.version}`)]
      : load.kind === 'once'
        ? ['--', String(connections)]
        : [];
  const out = execFileSync(
    'wrk',
    ['-t', String(connections), '-c', String(connections), '-d', `${seconds}s`, '-s', script, baseUrl, ...args],
    {
      encoding: 'utf8',
    },
  );
  const line = out.trim().split('\n').pop()!;
  const r = JSON.parse(line) as { requests: number; durationUs: number; non2xx: number; errors: number; exhausted: number } & Record<
    'p50' | 'p90' | 'p99' | 'max',
    number
  >;
  // A client that ran out of cases stopped early, and the rate over the whole run would be too low.
  if (r.exhausted) throw new Error(`wrk ${load.kind}: ${r.exhausted} client(s) ran out of cases before ${seconds} s`);
  if (r.non2xx || r.errors)
    throw new Error(`wrk ${load.kind}: ${r.non2xx} answers that were not a success, ${r.errors} socket errors\n${out}`);
  const ms = (us: number) => us / 1000;
  return {
    requests: r.requests,
    perSecond: r.requests / (r.durationUs / 1e6),
    p50: ms(r.p50),
    p90: ms(r.p90),
    p99: ms(r.p99),
    max: ms(r.max),
  };
}

/** The load's own script, then what every script shares. */
function luaFor(headers: Record<string, string>, load: WrkLoad): string {
  const h = Object.entries(headers)
    .map(([k, v]) => `wrk.headers[${JSON.stringify(k)}] = ${JSON.stringify(v)}`)
    .join('\n');
  return `${h}\n${loadLua(load)}\n${THREADS_AND_SUMMARY}`;
}

/**
 * Each thread (one connection) knows its number as `index` in init(); one that runs out of work
 * sets `exhausted`, which done() counts. done() prints the summary runWrk reads.
 */
const THREADS_AND_SUMMARY = `local n = 0
local threads = {}
function setup(thread)
  thread:set("index", n)
  n = n + 1
  table.insert(threads, thread)
end
function done(summary, latency, requests)
  local e = summary.errors
  local exhausted = 0
  for _, t in ipairs(threads) do if t:get("exhausted") then exhausted = exhausted + 1 end end
  io.write(string.format('\\n{"requests":%d,"durationUs":%d,"non2xx":%d,"errors":%d,"exhausted":%d,"p50":%d,"p90":%d,"p99":%d,"max":%d}\\n',
    summary.requests, summary.duration, e.status, e.connect + e.read + e.write + e.timeout, exhausted,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end`;

function loadLua(load: WrkLoad): string {
  if (load.kind === 'post') {
    return `wrk.method = "POST"
wrk.path = ${JSON.stringify(load.path)}
wrk.body = ${JSON.stringify(JSON.stringify(load.body))}`;
  }
  if (load.kind === 'post-free-text') {
    // The body around the field's text; the words contain no quote or backslash (free-text.ts).
    const mark = '@@FREE-TEXT@@';
    const [prefix, suffix] = JSON.stringify({ ...load.body, [load.field]: mark }).split(mark);
    return `wrk.method = "POST"
wrk.path = ${JSON.stringify(load.path)}
local words = { ${load.words.map((w) => JSON.stringify(w)).join(', ')} }
function init(args)
  math.randomseed(1 + index)
end
function request()
  local t = {}
  for i = 1, ${load.length} do t[i] = words[math.random(#words)] end
  return wrk.format(nil, nil, nil, ${JSON.stringify(prefix)} .. table.concat(t, " ") .. ${JSON.stringify(suffix)})
end`;
  }
  if (load.kind === 'once') {
    // Thread n takes cases n, n + threads, n + 2 threads, …; when they run out it stops.
    return `wrk.method = "POST"
local ids = { ${load.caseIds.map((id) => JSON.stringify(id)).join(', ')} }
local body = ${JSON.stringify(JSON.stringify(load.command))}
function init(args)
  threads_count = tonumber(args[1])
  next_id = index + 1
end
function request()
  local id = ids[next_id]
  if id == nil then
    wrk.thread:set("exhausted", true)
    wrk.thread:stop()
    id = ids[1]
  end
  next_id = next_id + threads_count
  return wrk.format(nil, "/api/cases/" .. id .. "/commands", nil, body)
end`;
  }
  // Thread n takes the n-th case; the answer's version is the next request's expectedVersion.
  return `function init(args)
  local id, v = string.match(args[index + 1], "([^:]+):(%d+)")
  path = "/api/cases/" .. id .. "/commands"
  version = tonumber(v)
end
function request()
  return wrk.format("POST", path, nil,
    '{"type":"ADD_NOTE","expectedVersion":' .. version .. ',"kind":"observation","text":"bench"}')
end
function response(status, headers, body)
  if status < 300 then version = tonumber(string.match(body, '[{,]"version":(%d+)')) end
end`;
}
