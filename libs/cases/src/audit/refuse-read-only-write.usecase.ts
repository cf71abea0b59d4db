import { isReadOnlyUser } from '../authorization.policy';
import { actorFor } from '../case-access';
import { ForbiddenError } from '../errors';
import { AccessLog, CaseStore, Clock, UserContext } from '../ports';

export interface WriteAttempt {
  method: string;
  /** The route, e.g. `POST /api/cases/:caseId/commands`; never the body. */
  route: string;
  /** The case the write was aimed at, when the route names one. */
  caseId?: string;
}

/**
 * Auditors (the owner's internal control, Statsforvalteren) read; they never write (docs/domain.md §6).
 * Every write they attempt is refused with 403 and logged, against the case when it names one.
 */
export class RefuseReadOnlyWrite {
  constructor(
    private readonly store: CaseStore,
    private readonly accessLog: AccessLog,
    private readonly clock: Clock,
  ) {}

  applies(user: UserContext, method: string): boolean {
    return isReadOnlyUser(user) && !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase());
  }

  async refuse(user: UserContext, attempt: WriteAttempt): Promise<never> {
    const now = this.clock.now();
    const rec = attempt.caseId && /^[0-9a-f-]{36}$/i.test(attempt.caseId) ? await this.store.get(attempt.caseId.toLowerCase()) : undefined;
    const visible = rec && actorFor(user, rec, now) ? rec : undefined;
    await this.accessLog.record([
      {
        ownerId: visible?.ownerId ?? user.ownerId,
        unitId: visible?.unitId ?? null,
        caseId: visible?.id ?? null,
        userId: user.id,
        role: 'auditor',
        kind: 'write_refused',
        detail: `${attempt.method.toUpperCase()} ${attempt.route}`,
        purpose: null,
        at: now,
      },
    ]);
    throw new ForbiddenError(
      'the auditor role is read-only: auditors read case histories and never write (the attempt is logged)',
      'a role that may write',
    );
  }
}
