import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { RunningProcess, runningProcess, stopProcess } from './child-process';
import { ensureSystemTools, REDIS_SERVER } from './system-tools';

/**
 * redis-server (Debian package `redis-server`) as a child process on a loopback port.
 */
export interface RedisServerHandle {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export interface RedisServerOptions {
  port: number;
  dataDir?: string;
  /** Append-only file in dataDir, so queued jobs survive a restart. */
  persistent?: boolean;
}

/** Starts redis-server; resolves once it listens. */
export async function spawnRedisServer(opts: RedisServerOptions): Promise<RunningProcess> {
  ensureSystemTools([REDIS_SERVER]);
  const args = ['--port', String(opts.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'yes'];
  if (opts.dataDir) {
    fs.mkdirSync(opts.dataDir, { recursive: true });
    args.push('--dir', opts.dataDir);
    if (opts.persistent) args.push('--appendonly', 'yes');
  }
  const proc = runningProcess('redis-server', spawn('redis-server', args, { stdio: 'ignore' }));
  const died = proc.exited.then(({ code, signal }) => {
    throw new Error(`redis-server exited (${signal ?? code}) before it listened on port ${opts.port}`);
  });
  await Promise.race([waitForPort(opts.port, 10_000), died]);
  return proc;
}

export async function startRedisServer(opts: RedisServerOptions): Promise<RedisServerHandle> {
  const proc = await spawnRedisServer(opts);
  return { url: redisUrl(opts.port), port: opts.port, stop: () => stopProcess(proc, 5_000) };
}

export const redisUrl = (port: number) => `redis://127.0.0.1:${port}`;

export async function waitForPort(port: number, timeoutMs: number): Promise<void> {
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
  throw new Error(`nothing listened on port ${port} within ${timeoutMs} ms`);
}
