/** Never more: past four API processes, the database is what limits (decision 95). */
const MOST_API_PROCESSES = 4;

/**
 * How many API processes `npm start` runs when `API_PROCESSES` is not set (decision 109).
 *
 * One per core the service's own processes leave free. When the launcher runs PostgreSQL (and
 * Redis) on this machine, one core is theirs: on two cores, two API processes beside the database
 * answered fewer requests than one (opening a concern 20–26 % fewer, docs/benchmarks.md).
 */
export function defaultApiProcesses(cores: number, databaseOnThisMachine: boolean): number {
  const free = databaseOnThisMachine ? cores - 1 : cores;
  return Math.max(1, Math.min(free, MOST_API_PROCESSES));
}

/**
 * Whether PostgreSQL shares this machine's cores: the launcher's own (no URL), or one the URL
 * names on loopback or through a Unix socket.
 */
export function databaseOnThisMachine(databaseUrl: string | undefined): boolean {
  if (!databaseUrl) return true;
  try {
    return ['localhost', '127.0.0.1', '[::1]', ''].includes(new URL(databaseUrl).hostname);
  } catch {
    return false;
  }
}
