import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CHROMIUM, ensureSystemTools, freePort } from '../../libs/embedded/src';

const ROOT = path.resolve(__dirname, '..', '..');
export const STATE_FILE = path.join(os.tmpdir(), 'trygg-browser-stack.json');

/** `npm start` as a newcomer runs it (the built launcher, a fresh data directory, demo data), on a free port. */
export default async function globalSetup(): Promise<void> {
  ensureSystemTools([CHROMIUM]);
  // The stack under test is the build `npm start` runs (API, worker and the web app).
  execFileSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'inherit' });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trygg-browser-'));
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/apps/launcher/src/main.js')], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: '', REDIS_URL: '', LOG_LEVEL: 'warn', NODE_ENV: 'test', RATE_LIMIT_PER_MINUTE: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: false,
  });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Trygg did not start:\n${out}`)), 120_000);
    child.stdout!.on('data', (d) => {
      out += d;
      if (out.includes('Trygg is running')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr!.on('data', (d) => (out += d));
    child.once('exit', (code) => reject(new Error(`Trygg exited ${code}:\n${out}`)));
  });
  process.env.TRYGG_BASE_URL = `http://localhost:${port}`;
  fs.writeFileSync(STATE_FILE, JSON.stringify({ pid: child.pid, dataDir, baseUrl: process.env.TRYGG_BASE_URL }));
}
