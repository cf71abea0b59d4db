import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Directory, DIRECTORY } from '../../../../libs/cases/src/ports';
import { InvalidTokenError, TokenVerifier } from '../../../../libs/identity/src';
import { IS_PUBLIC } from './public.decorator';
import { AuthFailureLimiter } from '../http/rate-limits';

/** Every route needs a valid bearer token of a known user, except those marked @Public(). */
@Injectable()
export class BearerAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
    @Inject(DIRECTORY) private readonly directory: Directory,
    private readonly failures: AuthFailureLimiter,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [ctx.getHandler(), ctx.getClass()])) return true;
    const req = ctx.switchToHttp().getRequest();
    try {
      req.user = await this.authenticate(req.headers?.authorization);
      return true;
    } catch (e) {
      // Guessing tokens is slowed down per address: past the limit the answer is 429, not 401.
      if (e instanceof InvalidTokenError) await this.failures.failed(req.ip);
      throw e;
    }
  }

  private async authenticate(header: unknown) {
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) throw new InvalidTokenError('a bearer token is required (Authorization: Bearer <JWT>)');
    const username = await this.verifier.verify(match[1]);
    const user = await this.directory.userByUsername(username);
    if (!user) throw new InvalidTokenError('the token does not belong to a user of Trygg');
    return user;
  }
}
