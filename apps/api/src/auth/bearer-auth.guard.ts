import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Directory, DIRECTORY } from '../../../../libs/cases/src/ports';
import { InvalidTokenError, TokenVerifier } from '../../../../libs/identity/src';
import { IS_PUBLIC } from './public.decorator';
import { AuthFailureLimiter } from '../http/rate-limits';
import { ForbiddenError } from '../../../../libs/cases/src/errors';
import { API_RUNTIME, ApiRuntime } from '../infrastructure.providers';
import { csrfMatches, SessionStore } from './session.store';
import { sessionIdOf } from './session-cookie';
import { UserCache } from './user-cache';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every route needs a known user, except those marked @Public(): integrations send a bearer token;
 * the web app has a session cookie, and then every state-changing request must carry the
 * session's CSRF token in X-CSRF-Token (SameSite=Lax alone leaves top-level POSTs from elsewhere).
 */
@Injectable()
export class BearerAuthGuard implements CanActivate {
  private readonly users: UserCache;

  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
    @Inject(DIRECTORY) private readonly directory: Directory,
    private readonly failures: AuthFailureLimiter,
    private readonly sessions: SessionStore,
    @Inject(API_RUNTIME) private readonly rt: ApiRuntime,
  ) {
    this.users = new UserCache((u) => this.directory.userByUsername(u), rt.userCacheMs);
  }

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [ctx.getHandler(), ctx.getClass()])) return true;
    const req = ctx.switchToHttp().getRequest();
    try {
      const sid = req.headers?.authorization ? undefined : sessionIdOf(req, this.rt.environment);
      req.user = sid ? await this.fromSession(sid, req) : await this.authenticate(req.headers?.authorization);
      return true;
    } catch (e) {
      // Guessing tokens is slowed down per address: past the limit the answer is 429, not 401.
      if (e instanceof InvalidTokenError) await this.failures.failed(req.ip);
      throw e;
    }
  }

  private async fromSession(sid: string, req: { method: string; headers: Record<string, unknown> }) {
    const session = await this.sessions.get(sid);
    if (!session) throw new InvalidTokenError('the session has ended: sign in again');
    if (!SAFE_METHODS.has(req.method) && !csrfMatches(session, req.headers['x-csrf-token'])) {
      throw new ForbiddenError('the request lacks this session’s CSRF token (X-CSRF-Token): reload the page and try again', 'X-CSRF-Token');
    }
    const user = await this.users.get(session.username);
    if (!user) throw new InvalidTokenError('the session does not belong to a user of Trygg');
    return user;
  }

  private async authenticate(header: unknown) {
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) throw new InvalidTokenError('sign in, or send a bearer token (Authorization: Bearer <JWT>)');
    const username = await this.verifier.verify(match[1]);
    const user = await this.users.get(username);
    if (!user) throw new InvalidTokenError('the token does not belong to a user of Trygg');
    return user;
  }
}
