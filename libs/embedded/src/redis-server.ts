import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

/**
 * redis-server (Debian package `redis-server`) as a child process on a loopback port.
 */
export interface RedisServerHandle {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export const REDIS_MISSING_MESSAGE =
  'redis-server was not found on PATH: install it with `apt-get install -y redis-server` (Debian/Ubuntu) or set REDIS_URL to an external Redis.';

export function redisServerAvailable(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

export async function startRedisServer(opts: { port: number; dataDir?: string; persistent?: boolean }): Promise<RedisServerHandle> {
  if (!redisServerAvailable()) throw new Error(REDIS_MISSING_MESSAGE);
  const args = ['--port', String(opts.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'yes'];
  if (opts.dataDir) {
    fs.mkdirSync(opts.dataDir, { recursive: true });
    args.push('--dir', opts.dataDir);
    if (opts.persistent) args.push('--appendonly', 'yes');
  }
  const child: ChildProcess = spawn('redis-server', args, { stdio: 'ignore' });
  await waitForPort(opts.port, 10_000);
  return {
    url: `redis://127.0.0.1:${opts.port}`,
    port: opts.port,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => {
        s.end();
        resolve(true);
      });
      s.on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`redis-server did not listen on port ${port} within ${timeoutMs} ms`);
}
