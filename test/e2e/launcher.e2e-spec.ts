import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { signDevToken } from '../../libs/identity/src';
import { freePort } from '../../libs/embedded/src';
import { childrenOf } from '../harness/child-processes';

/**
 * README Quick start, `npm start`: the built launcher brings up embedded PostgreSQL, redis-server,
 * migrations, demo data, API and worker with no configuration, honours PORT, DATA_DIR and
 * TRYGG_NOW, and keeps its data across a restart.
 */
const ROOT = path.resolve(__dirname, '..', '..');

function startLauncher(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/apps/launcher/src/main.js')], {
    cwd: ROOT,
    env: { ...process.env, ...env, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`launcher did not start:\n${out}`)), 60_000);
    child.stdout!.on('data', () => {
      if (out.includes('Trygg is running')) {
        clearTimeout(timer);
        resolve({ child, output: () => out });
      }
    });
    child.once('exit', (code) => reject(new Error(`launcher exited ${code}:\n${out}`)));
  });
}

/** The demo story: every state, both regimes, and the cases a newcomer should meet. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the demo story is read as loose JSON; the API's types are checked elsewhere
type Json = Record<string, any>;

async function expectDemoCases(base: string): Promise<void> {
  const get = async (user: string, p: string) =>
    (await fetch(`${base}${p}`, { headers: { Authorization: `Bearer ${await signDevToken(user)}` } })).json() as Promise<Json>;
  const all = (await get('kommune', '/cases?limit=100')).items as Json[];
  expect(all).toHaveLength(14);
  expect(new Set(all.map((c) => c.state))).toEqual(
    new Set(['reported', 'investigating', 'planning', 'awaiting_approval', 'active', 'evaluating', 'closed']),
  );
  expect(new Set(all.map((c) => c.regime))).toEqual(new Set(['school', 'kindergarten']));
  expect(all.some((c) => c.staffOffender && !c.offenderIsLeadership && c.ownerNotified)).toBe(true);
  expect(all.some((c) => c.handledBy === 'owner')).toBe(true);
  expect(all.some((c) => c.bti.level === 2 && c.bti.coordinator && c.bti.consents.some((x: { valid: boolean }) => x.valid))).toBe(true);
  expect(all.some((c) => c.ppt?.anonymous)).toBe(true);
  expect(all.some((c) => c.deadlines.some((d: { status: string }) => d.status === 'overdue'))).toBe(true);
  const closed = all.find((c) => c.state === 'closed')!;
  const history = (await get('rektor', `/cases/${closed.id}/events`)) as unknown as Array<{ type: string }>;
  expect(history.map((e) => e.type)).toEqual(
    expect.arrayContaining(['CASE_OPENED', 'ACKNOWLEDGE', 'CONCLUDE_INVESTIGATION', 'APPROVE_PLAN', 'EVALUATE']),
  );
  for (const c of all) expect(await get('kommune', `/cases/${c.id}/verify`)).toMatchObject({ valid: true });
  // The principal of Demo skole does not see the leadership case, nor other units' cases.
  expect(((await get('rektor', '/cases?limit=100')).items as unknown[]).length).toBe(10);
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGINT');
  });
}

describe('npm start (launcher)', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trygg-launch-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('runs on embedded defaults, stands on TRYGG_NOW, and keeps data across restarts', async () => {
    const port = await freePort();
    const env = { PORT: String(port), DATA_DIR: dataDir, TRYGG_NOW: '2027-05-17T08:00:00+02:00', DATABASE_URL: '', REDIS_URL: '' };
    const base = `http://127.0.0.1:${port}/api`;
    const auth = { Authorization: `Bearer ${await signDevToken('larer')}` };

    const first = await startLauncher(env);
    let caseId: string;
    try {
      expect(first.output()).toContain('demo data ready');
      expect(first.output()).toContain('14 demo cases made');
      // The banner a person reads: where to go, how to log in, where the data lives.
      expect(first.output()).toMatch(/Trygg is running: http:\/\/localhost:\d+\//);
      expect(first.output()).toMatch(/Log in\s+open http:\/\/localhost:\d+\/ and pick a demo user/);
      expect(first.output()).toMatch(/API token\s+TOKEN=\$\(npm run -s token -- rektor\)/);
      expect(first.output()).toContain(`Data         ${dataDir}`);
      await expectDemoCases(base);
      const health = await fetch(`${base}/health`);
      expect(health.status).toBe(200);
      const me = (await (await fetch(`${base}/me`, { headers: auth })).json()) as { units: Array<{ id: string }> };
      const unit = me.units[0];
      const kids = (await (await fetch(`${base}/units/${unit.id}/children`, { headers: auth })).json()) as Array<{ id: string }>;
      const res = await fetch(`${base}/cases`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ unitId: unit.id, childIds: [kids[0].id], concern: 'x', source: 'other' }),
      });
      expect(res.status).toBe(201);
      const c = (await res.json()) as { id: string; openedAt: string; deadlines: Array<{ dueAt: string }> };
      caseId = c.id;
      expect(c.openedAt.startsWith('2027-05-17T08:0')).toBe(true);
      // 17 May and Whit Monday fall on the same day in 2027: acknowledge by the end of Tuesday 18 May.
      expect(c.deadlines[0].dueAt).toBe('2027-05-18T16:00:00+02:00');
    } finally {
      await stop(first.child);
    }

    const second = await startLauncher(env);
    try {
      expect(second.output()).toContain('database schema is up to date');
      const again = await fetch(`${base}/cases/${caseId}`, { headers: auth });
      expect(again.status).toBe(200);
    } finally {
      await stop(second.child);
    }
  }, 120_000);

  it('supervises its children: each killed with SIGKILL under light load comes back, the API stays up when the worker dies, no acknowledged write is lost, SIGTERM ends everything within 10 s', async () => {
    const faultDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trygg-faults-'));
    const port = await freePort();
    const base = `http://127.0.0.1:${port}/api`;
    const launcher = await startLauncher({ PORT: String(port), DATA_DIR: faultDir, DATABASE_URL: '', REDIS_URL: '' });
    let lastPids: number[] = [];
    let stoppedCleanly = false;
    try {
      const pids = () => {
        const p = JSON.parse(fs.readFileSync(path.join(faultDir, 'processes.json'), 'utf8')) as Record<string, number>;
        lastPids = Object.entries(p)
          .filter(([k]) => k !== 'launcher' && k !== 'postgresPort')
          .map(([, pid]) => pid);
        return p;
      };
      const alive = (pid: number) => {
        try {
          process.kill(pid, 0);
          return true;
        } catch {
          return false;
        }
      };
      const auth = { Authorization: `Bearer ${await signDevToken('larer')}`, 'content-type': 'application/json' };
      const me = (await (await fetch(`${base}/me`, { headers: auth })).json()) as { units: Array<{ id: string }> };
      const kids = (await (await fetch(`${base}/units/${me.units[0].id}/children`, { headers: auth })).json()) as Array<{ id: string }>;
      const acknowledged: string[] = [];
      const statuses: Record<string, number> = {};
      let loading = true;
      // Light load: one concern at a time, as long as the test runs.
      const load = (async () => {
        while (loading) {
          try {
            const res = await fetch(`${base}/cases`, {
              method: 'POST',
              headers: auth,
              body: JSON.stringify({ unitId: me.units[0].id, childIds: [kids[0].id], concern: 'load', source: 'other' }),
            });
            statuses[res.status] = (statuses[res.status] ?? 0) + 1;
            if (res.status === 201) acknowledged.push(((await res.json()) as { id: string }).id);
          } catch {
            statuses.refused = (statuses.refused ?? 0) + 1;
          }
          await new Promise((r) => setTimeout(r, 50));
        }
      })();
      const answers = async () => (await fetch(`${base}/health`).catch(() => undefined))?.status === 200;
      const until = async (check: () => Promise<boolean> | boolean, ms = 30_000) => {
        const end = Date.now() + ms;
        while (!(await check())) {
          if (Date.now() > end) throw new Error(`not back within ${ms} ms:\n${launcher.output().slice(-3000)}`);
          await new Promise((r) => setTimeout(r, 100));
        }
      };
      try {
        for (const name of ['worker', 'api', 'redis-server', 'postgres']) {
          const before = pids()[name];
          const writesBefore = acknowledged.length;
          // The API runs as a cluster of one process per core (up to four) under its primary.
          const apiProcesses = name === 'api' ? childrenOf(before) : [];
          if (name === 'api') expect(apiProcesses).toHaveLength(Math.min(os.availableParallelism(), 4));
          process.kill(before, 'SIGKILL');
          if (name === 'worker') {
            // The API does not go down with the worker.
            expect(await answers()).toBe(true);
          }
          await until(() => pids()[name] !== before && alive(pids()[name]));
          // A primary that died takes its processes with it: none is left holding a connection.
          await until(() => apiProcesses.every((pid) => !alive(pid)));
          if (name === 'api') await until(() => childrenOf(pids().api).length === apiProcesses.length);
          await until(answers);
          await until(() => acknowledged.length > writesBefore + 2);
        }
        expect(launcher.output()).toMatch(/postgres stopped \(SIGKILL\); starting it again/);
      } finally {
        loading = false;
        await load;
      }
      // Every write the API acknowledged is there.
      for (const id of acknowledged) expect((await fetch(`${base}/cases/${id}`, { headers: auth })).status).toBe(200);
      if (statuses[500])
        console.log(
          launcher
            .output()
            .split('\n')
            .filter((l) => /unhandled error|"level":50/.test(l))
            .join('\n'),
        );
      expect(statuses[500] ?? 0).toBe(0);
      if (process.env.TRYGG_SHOW_FAULTS) console.log(JSON.stringify({ statuses, acknowledged: acknowledged.length }));

      const children = Object.entries(pids())
        .filter(([k]) => k !== 'launcher' && k !== 'postgresPort')
        .map(([, pid]) => pid);
      const started = Date.now();
      launcher.child.kill('SIGTERM');
      await new Promise((r) => launcher.child.once('exit', r));
      expect(Date.now() - started).toBeLessThan(10_000);
      for (const pid of children) expect(alive(pid)).toBe(false);
      stoppedCleanly = true;
    } finally {
      // Whatever failed above, nothing of this launcher may outlive the test.
      if (launcher.child.exitCode === null && launcher.child.signalCode === null) {
        launcher.child.kill('SIGTERM');
        await new Promise((r) => launcher.child.once('exit', r));
      }
      for (const pid of stoppedCleanly ? [] : lastPids) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      fs.rmSync(faultDir, { recursive: true, force: true });
    }
  }, 180_000);
});
