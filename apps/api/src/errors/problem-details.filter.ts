import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError, StaleVersionError } from '../../../../libs/cases/src/errors';
import { InvalidTokenError } from '../../../../libs/identity/src';
import { Problem, problem } from './problem';
import { RETRY_AFTER_SECONDS, unavailableDependency } from './unavailable-dependency';

/**
 * Every error leaves as application/problem+json (RFC 9457). Client mistakes get 4xx naming the
 * field and rule; only our own faults are 500, and those never echo internals.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    const body = { ...this.toProblem(error), instance: req.originalUrl?.split('?')[0] };
    // The request's own logger carries its id; without one (outside HTTP) Nest's.
    const log = (req as { log?: Pick<Logger, 'warn' | 'error'> }).log ?? this.logger;
    if (body.status === 503) {
      // Expected while the launcher restarts a dependency: worth a warning, not an error.
      log.warn({ dependency: (body as { dependency?: string }).dependency, path: body.instance }, 'dependency unavailable');
    } else if (body.status >= 500) {
      // Name, code and message only: driver errors carry the query parameters, which may hold
      // personal data (docs/domain.md §7), so the error object itself is never logged.
      const e = error as { name?: string; code?: string; message?: string; stack?: string };
      log.error({ errName: e?.name, errCode: e?.code, errMessage: e?.message, path: body.instance }, 'unhandled error');
    }
    if (body.status === 503) res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    if (body.status === 429 && !res.getHeader('Retry-After')) {
      // The throttler names its header per limit (Retry-After-writes); clients look for the plain one.
      res.setHeader(
        'Retry-After',
        String((error as { retryAfterSeconds?: number }).retryAfterSeconds ?? res.getHeader('Retry-After-writes') ?? 60),
      );
    }
    res.status(body.status).type('application/problem+json').send(JSON.stringify(body));
  }

  private toProblem(error: unknown): Problem {
    if (error instanceof InvalidInputError) {
      return problem(422, 'invalid-input', 'Invalid input', 'One or more fields are invalid; see errors.', {
        errors: error.errors,
      });
    }
    if (error instanceof NotFoundError) return problem(404, 'not-found', 'Not found', error.message);
    if (error instanceof ForbiddenError) {
      return problem(403, 'forbidden', 'Not allowed', error.detail, error.missing ? { command: error.missing } : {});
    }
    if (error instanceof ConflictError) {
      return problem(409, 'conflict', 'Conflict with the case state', error.detail, {
        currentState: error.currentState,
        version: error.version,
        allowedCommands: error.allowedCommands,
      });
    }
    if (error instanceof StaleVersionError) {
      return problem(409, 'conflict', 'Conflict with the current version', error.detail, { version: error.currentVersion });
    }
    if (error instanceof InvalidTokenError) return problem(401, 'unauthorized', 'Unauthorized', error.message);
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const detail = this.httpDetail(error);
      const r = error.getResponse() as Record<string, unknown>;
      if (status === 503 && r && typeof r === 'object' && 'details' in r) {
        // Terminus health result: keep which dependency is down.
        return problem(503, 'unavailable', 'Service unavailable', 'a dependency is down; see checks', { checks: r.details });
      }
      const slug =
        status === 404
          ? 'not-found'
          : status === 401
            ? 'unauthorized'
            : status === 413
              ? 'too-large'
              : status === 429
                ? 'too-many-requests'
                : 'bad-request';
      return problem(status, slug, error.name.replace(/Exception$/, '').replace(/([a-z])([A-Z])/g, '$1 $2'), detail);
    }
    const status = (error as { status?: number; statusCode?: number })?.status ?? (error as { statusCode?: number })?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      // Errors of our own middleware that carry a status; their messages are ours.
      return problem(
        status,
        status === 413 ? 'too-large' : 'bad-request',
        status === 413 ? 'Payload too large' : 'Bad request',
        (error as Error).message || 'the request could not be read',
      );
    }
    const unavailable = unavailableDependency(error);
    if (unavailable) {
      return problem(503, 'unavailable', 'Service unavailable', `${unavailable} is not answering; try again in a few seconds`, {
        dependency: unavailable,
      });
    }
    return problem(500, 'internal', 'Internal error', 'Something went wrong on our side; it has been logged.');
  }

  private httpDetail(error: HttpException): string {
    const r = error.getResponse();
    if (typeof r === 'string') return r;
    const m = (r as { message?: unknown }).message;
    return Array.isArray(m) ? m.join('; ') : typeof m === 'string' ? m : error.message;
  }
}
