import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { RefuseReadOnlyWrite, UserContext } from '../../../../libs/cases/src';

/**
 * Runs after authentication on every route: an auditor's write of any kind is refused (403) and
 * logged before any controller sees it. The use case decides; this only hands it the request.
 */
@Injectable()
export class ReadOnlyAuditorGuard implements CanActivate {
  constructor(private readonly refusal: RefuseReadOnlyWrite) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest();
    const user: UserContext | undefined = req.user;
    if (!user || !this.refusal.applies(user, req.method)) return true;
    const route: string = req.route?.path ?? req.path ?? '';
    await this.refusal.refuse(user, { method: req.method, route, caseId: req.params?.caseId });
    return false;
  }
}
