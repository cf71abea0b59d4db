/** How long a client should wait before trying again when a dependency is down (the launcher restarts it within seconds). */
export const RETRY_AFTER_SECONDS = 5;

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);
/** SQLSTATEs that mean the server is gone, starting or stopping: not the request's fault. */
const PG_UNAVAILABLE = /^(08|57P0[123]|53300)/;
const PG_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|not queryable|Cannot use a pool after calling end|the database system is (starting up|shutting down|in recovery mode)/i;
/** TypeORM's own errors when the connection under a transaction or query runner is gone. */
const TYPEORM_CONNECTION_LOST = new Set([
  'QueryRunnerProviderAlreadyReleasedError',
  'QueryRunnerAlreadyReleasedError',
  'CannotExecuteNotConnectedError',
  'ConnectionIsNotSetError',
]);
const REDIS_MESSAGES = /Connection is closed|enableOfflineQueue|max retries per request|Reached the max retries/i;

/**
 * Names the dependency whose outage caused this error ('PostgreSQL' or 'Redis'), or undefined when
 * the error is something else. Such errors are answered 503 with Retry-After, never 500.
 */
export function unavailableDependency(error: unknown): 'PostgreSQL' | 'Redis' | undefined {
  const e = error as { name?: string; code?: string; message?: string; stack?: string; driverError?: { code?: string; message?: string } };
  if (!e || typeof e !== 'object') return undefined;
  const code = e.driverError?.code ?? e.code;
  const message = `${e.message ?? ''} ${e.driverError?.message ?? ''}`;
  if (e.name === 'MaxRetriesPerRequestError' || REDIS_MESSAGES.test(message)) return 'Redis';
  if ((typeof code === 'string' && PG_UNAVAILABLE.test(code)) || PG_MESSAGES.test(message) || TYPEORM_CONNECTION_LOST.has(e.name ?? ''))
    return 'PostgreSQL';
  if (typeof code === 'string' && NETWORK_CODES.has(code)) return /ioredis|bullmq/.test(e.stack ?? '') ? 'Redis' : 'PostgreSQL';
  return undefined;
}
