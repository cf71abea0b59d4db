import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Directory, DIRECTORY } from '../../../../libs/cases/src/ports';
import { InvalidTokenError, TokenVerifier } from '../../../../libs/identity/src';
import { IS_PUBLIC } from './public.decorator';

/** Every route needs a valid bearer token of a known user, except those marked @Public(). */
@Injectable()
export class BearerAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
    @Inject(DIRECTORY) private readonly directory: Directory,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [ctx.getHandler(), ctx.getClass()])) return true;
    const req = ctx.switchToHttp().getRequest();
    const header: unknown = req.headers?.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) throw new InvalidTokenError('a bearer token is required (Authorization: Bearer <JWT>)');
    const username = await this.verifier.verify(match[1]);
    const user = await this.directory.userByUsername(username);
    if (!user) throw new InvalidTokenError('the token does not belong to a user of Trygg');
    req.user = user;
    return true;
  }
}
