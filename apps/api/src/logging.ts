import { randomUUID } from 'node:crypto';
import type { LoggerService } from '@nestjs/common';
import pino, { Logger } from 'pino';
import pinoHttp, { HttpLogger, Options } from 'pino-http';
import { PRETTY_TRANSPORT, prettyLogs } from '../../../libs/platform/src';

/**
 * JSON logs with request ids and case ids only: no bodies, no tokens, no names (docs/domain.md §7).
 * One pino logger for the process: pino-http writes a line per request and hangs a child logger
 * with the request id on `req.log`, which whatever has the request at hand logs through. No
 * AsyncLocalStorage: it hooked every promise of every request for the few lines that need the id
 * (docs/benchmarks.md, "Logging").
 */
export function apiLogging(level: string): { logger: Logger; http: HttpLogger } {
  const logger = pino({ level, ...(prettyLogs() ? { transport: PRETTY_TRANSPORT } : {}) });
  return { logger, http: pinoHttp(httpLogOptions(logger)) };
}

function httpLogOptions(logger: Logger): Options {
  return {
    logger,
    genReqId: (req) => (req.headers['x-request-id'] as string) || randomUUID(),
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], remove: true },
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        // Query strings may hold filters such as childId; log the path only.
        path: String(req.url).split('?')[0],
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    customProps: (req) => {
      const m = /\/cases\/([0-9a-f-]{36})/i.exec(String(req.url));
      return m ? { caseId: m[1] } : {};
    },
  };
}

type Level = 'info' | 'error' | 'warn' | 'debug' | 'trace' | 'fatal';

/** Nest's own log lines (start-up, `new Logger(context)`) into the same pino logger. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...rest: unknown[]) {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]) {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]) {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]) {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]) {
    this.write('trace', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]) {
    this.write('fatal', message, rest);
  }

  /** Nest passes the context last; an object message carries fields, a following string is the text. */
  private write(level: Level, message: unknown, rest: unknown[]) {
    const context = typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    if (message && typeof message === 'object') {
      this.logger[level]({ context, ...(message as object) }, typeof rest[0] === 'string' ? rest[0] : '');
    } else {
      this.logger[level]({ context }, String(message));
    }
  }
}
