import { roleInCase } from '../authorization.policy';
import { factsOf, loadVisibleCase } from '../case-access';
import { ForbiddenError } from '../errors';
import { AccessKind, AccessLog, CaseRecord, CaseStore, Clock, Language, UserContext } from '../ports';

export interface ReadOptions {
  /** Why the user reads the case, when they said (`?purpose=`). */
  purpose?: string | null;
  /** The export format and the like; never personal content. */
  detail?: string | null;
  /** Only these roles may make this read (checked before it is logged). */
  roles?: readonly string[];
  /** The language the entries are labelled in (bokmål unless nynorsk is asked for). */
  language?: Language;
}

export interface CaseRead {
  rec: CaseRecord;
  now: Date;
  role: string;
}

/**
 * Every read of a case goes through here (docs/domain.md §7): it loads a case the user may see and logs
 * who, in which role, when, what and why — before anything is returned, so a read that cannot be
 * logged does not happen.
 */
export class CaseReader {
  constructor(
    private readonly store: CaseStore,
    private readonly accessLog: AccessLog,
    private readonly clock: Clock,
  ) {}

  async read(user: UserContext, caseId: string, kind: AccessKind, opts: ReadOptions = {}): Promise<CaseRead> {
    const now = this.clock.now();
    const rec = await loadVisibleCase(this.store, user, caseId, now);
    const role = roleInCase(user, factsOf(rec, now)) as string;
    if (opts.roles && !opts.roles.includes(role))
      throw new ForbiddenError(`${kind} is for ${opts.roles.join(', ')}; you see this case as ${role}`, opts.roles.join('|'));
    await this.accessLog.record([
      {
        ownerId: rec.ownerId,
        unitId: rec.unitId,
        caseId: rec.id,
        userId: user.id,
        role,
        kind,
        detail: opts.detail ?? null,
        purpose: opts.purpose ?? null,
        at: now,
      },
    ]);
    return { rec, now, role };
  }

  /** Logs reads of many cases at once (an auditor's list, the supervision view). */
  async logMany(user: UserContext, recs: CaseRecord[], kind: AccessKind, now: Date, opts: ReadOptions = {}): Promise<void> {
    await this.accessLog.record(
      recs.map((rec) => ({
        ownerId: rec.ownerId,
        unitId: rec.unitId,
        caseId: rec.id,
        userId: user.id,
        role: roleInCase(user, factsOf(rec, now)) ?? 'none',
        kind,
        detail: opts.detail ?? null,
        purpose: opts.purpose ?? null,
        at: now,
      })),
    );
  }
}
