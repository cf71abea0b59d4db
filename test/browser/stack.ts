import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CHROMIUM, ensureSystemTools } from '../../libs/embedded/src';
import { launchTrygg } from '../harness/launch-trygg';

const ROOT = path.resolve(__dirname, '..', '..');
export const STATE_FILE = path.join(os.tmpdir(), 'trygg-browser-stack.json');
/** Debian's Chromium (Playwright cannot download its own browsers on these machines). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface Stack {
  pid: number;
  dataDir: string;
  baseUrl: string;
}

/** `npm start` as a newcomer runs it (the build, a fresh data directory, demo data), on a free port. */
export async function startStack(): Promise<Stack> {
  ensureSystemTools([CHROMIUM]);
  execFileSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'inherit' });
  // A free port can be taken again between asking for it and listening on it: try another one.
  for (let attempt = 1; ; attempt++) {
    try {
      return await launch();
    } catch (e) {
      if (attempt >= 3 || !/EADDRINUSE/.test(String(e))) throw e;
    }
  }
}

async function launch(): Promise<Stack> {
  // The stack outlives this process (Playwright's global set-up starts it, its teardown stops it), so only its pid is kept.
  const { pid, dataDir, baseUrl } = await launchTrygg({ dataDirPrefix: 'trygg-browser-', env: { LOG_LEVEL: 'warn', NODE_ENV: 'test' } });
  const stack = { pid, dataDir, baseUrl };
  fs.writeFileSync(STATE_FILE, JSON.stringify(stack));
  return stack;
}

export async function stopStack(stack: Stack | undefined = readStack()): Promise<void> {
  if (!stack) return;
  try {
    process.kill(stack.pid, 'SIGTERM');
    for (let i = 0; i < 120; i++) {
      process.kill(stack.pid, 0);
      await new Promise((r) => setTimeout(r, 100));
    }
  } catch {
    // Gone: it stopped within the bound.
  }
  fs.rmSync(stack.dataDir, { recursive: true, force: true });
  fs.rmSync(STATE_FILE, { force: true });
}

export function readStack(): Stack | undefined {
  return fs.existsSync(STATE_FILE) ? (JSON.parse(fs.readFileSync(STATE_FILE, 'utf8')) as Stack) : undefined;
}
