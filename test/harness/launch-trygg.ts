import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../libs/embedded/src';

const ROOT = path.resolve(__dirname, '..', '..');

export interface LaunchedTrygg {
  pid: number;
  dataDir: string;
  baseUrl: string;
  /** SIGTERM, wait for the launcher to end, remove the data directory. */
  stop(): Promise<void>;
}

/**
 * The built launcher (`npm start` after `npm run build`) on a fresh data directory and a free port,
 * resolved once it prints its ready banner. For the browser tests, the screenshots, the web bench
 * and the fuzzer: each gets the real stack with its demo data.
 */
export async function launchTrygg(opts: { dataDirPrefix: string; env?: Record<string, string> }): Promise<LaunchedTrygg> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), opts.dataDirPrefix));
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/apps/launcher/src/main.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      REDIS_URL: '',
      RATE_LIMIT_PER_MINUTE: '0',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
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
    child.once('exit', (code) => {
      clearTimeout(timer);
      fs.rmSync(dataDir, { recursive: true, force: true });
      reject(new Error(`Trygg exited ${code}:\n${out}`));
    });
  });
  child.stdout!.resume();
  child.stderr!.resume();
  return {
    pid: child.pid!,
    dataDir,
    baseUrl: `http://localhost:${port}`,
    stop: async () => {
      const ended = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await ended;
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
