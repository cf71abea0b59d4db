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
 * one field (words drawn at random, as `free-text.ts` draws them); or ADD_NOTE on its own case at the
 * version it last saw.
 */
export type WrkLoad =
  | { kind: 'post'; path: string; body: unknown }
  | { kind: 'post-free-text'; path: string; body: Record<string, unknown>; field: string; words: string[]; length: number }
  | { kind: 'note'; cases: Array<{ id: string; version: number }> };

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
  const args = load.kind === 'note' ? ['--', ...load.cases.map((c) => `${c.id}:${c.version}`)] : [];
  const out = execFileSync(
    'wrk',
    ['-t', String(connections), '-c', String(connections), '-d', `${seconds}s`, '-s', script, baseUrl, ...args],
    {
      encoding: 'utf8',
    },
  );
  const line = out.trim().split('\n').pop()!;
  const r = JSON.parse(line) as { requests: number; durationUs: number; non2xx: number; errors: number } & Record<
    'p50' | 'p90' | 'p99' | 'max',
    number
  >;
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

function luaFor(headers: Record<string, string>, load: WrkLoad): string {
  const h = Object.entries(headers)
    .map(([k, v]) => `wrk.headers[${JSON.stringify(k)}] = ${JSON.stringify(v)}`)
    .join('\n');
  const done = `
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('\\n{"requests":%d,"durationUs":%d,"non2xx":%d,"errors":%d,"p50":%d,"p90":%d,"p99":%d,"max":%d}\\n',
    summary.requests, summary.duration, e.status, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end`;
  // Each thread (one connection) knows its number as `index` in init().
  const numberThreads = `local n = 0
function setup(thread)
  thread:set("index", n)
  n = n + 1
end`;
  if (load.kind === 'post') {
    return `wrk.method = "POST"
wrk.path = ${JSON.stringify(load.path)}
wrk.body = ${JSON.stringify(JSON.stringify(load.body))}
${h}
${done}`;
  }
  if (load.kind === 'post-free-text') {
    // The body around the field's text; the words contain no quote or backslash (free-text.ts).
    const mark = '@@FREE-TEXT@@';
    const [prefix, suffix] = JSON.stringify({ ...load.body, [load.field]: mark }).split(mark);
    return `wrk.method = "POST"
wrk.path = ${JSON.stringify(load.path)}
${h}
local words = { ${load.words.map((w) => JSON.stringify(w)).join(', ')} }
${numberThreads}
function init(args)
  math.randomseed(1 + index)
end
function request()
  local t = {}
  for i = 1, ${load.length} do t[i] = words[math.random(#words)] end
  return wrk.format(nil, nil, nil, ${JSON.stringify(prefix)} .. table.concat(t, " ") .. ${JSON.stringify(suffix)})
end
${done}`;
  }
  // Thread n takes the n-th case; the answer's version is the next request's expectedVersion.
  return `${h}
${numberThreads}
function init(args)
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
end
${done}`;
}
