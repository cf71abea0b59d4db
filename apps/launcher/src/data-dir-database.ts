import fs from 'node:fs';
import path from 'node:path';
import { clusterExists, createDatabase, freePort, initCluster, postgresUrl, spawnPostgres, stopProcess } from '../../../libs/embedded/src';

export const DATABASE_NAME = 'trygg';

/** What the launcher writes to DATA_DIR/processes.json while it runs. */
export interface ProcessesFile {
  launcher: number;
  postgresPort?: number;
  [name: string]: number | undefined;
}

export function processesFile(dataDir: string): string {
  return path.join(dataDir, 'processes.json');
}

/** The running launcher of this data directory, if there is one. */
export function runningLauncher(dataDir: string): ProcessesFile | undefined {
  try {
    const p = JSON.parse(fs.readFileSync(processesFile(dataDir), 'utf8')) as ProcessesFile;
    process.kill(p.launcher, 0);
    return p;
  } catch {
    return undefined;
  }
}

/**
 * Trygg's database for a maintenance command: DATABASE_URL when set; else the embedded cluster of
 * DATA_DIR, through the running `npm start` if there is one, or started just for this command.
 */
export async function openDataDirDatabase(opts: {
  databaseUrl?: string;
  dataDir: string;
  create?: boolean;
}): Promise<{ url: string; close(): Promise<void> }> {
  if (opts.databaseUrl) return { url: opts.databaseUrl, close: async () => undefined };
  const running = runningLauncher(opts.dataDir);
  if (running?.postgresPort) return { url: postgresUrl(running.postgresPort, DATABASE_NAME), close: async () => undefined };
  const pgDir = path.join(opts.dataDir, 'postgres');
  if (!clusterExists(pgDir)) {
    if (!opts.create) throw new Error(`no Trygg data in ${opts.dataDir} (set DATA_DIR or DATABASE_URL)`);
    initCluster(pgDir);
  }
  const port = await freePort();
  const pg = await spawnPostgres({ dataDir: pgDir, port });
  const url = await createDatabase(port, DATABASE_NAME);
  return { url, close: () => stopProcess(pg, 10_000) };
}
