import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { signDevToken } from '../../libs/identity/src';
import { freePort } from '../../libs/embedded/src';

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

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGINT');
  });
}

describe('npm start (launcher)', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trygg-launch-'));
  beforeAll(() => {
    execFileSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'ignore' });
  }, 120_000);
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
});
