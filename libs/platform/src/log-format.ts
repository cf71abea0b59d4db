/**
 * A person at a terminal reads short lines; machines (CI, log shippers, production) read JSON.
 * The launcher sets LOG_PRETTY=1 for its children when its own stdout is a terminal.
 */
export function prettyLogs(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NODE_ENV !== 'production' && env.LOG_PRETTY === '1';
}

/** pino transport for those short lines. */
export const PRETTY_TRANSPORT = {
  target: 'pino-pretty',
  options: { singleLine: true, translateTime: 'HH:MM:ss', ignore: 'pid,hostname,context,req,res,responseTime', colorize: true },
};
