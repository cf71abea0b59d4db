import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { UserContext } from '../../../../libs/cases/src/ports';

/** The authenticated user the guard attached to the request. */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): UserContext => ctx.switchToHttp().getRequest().user);
