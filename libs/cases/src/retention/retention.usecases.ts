import { toOsloIso } from '../../../workflow/src';
import { mayChangeOwnerSettings, mayReadOwnerSettings, maySuperviseOwner } from '../authorization.policy';
import { ForbiddenError, NotFoundError } from '../errors';
import { assertMayChangeSetting, changeStamp, saveNextVersion } from '../owner-settings/versioned-setting';
import { Clock, OwnerSettingsStore, RetentionCandidate, RetentionPolicy, RetentionStore, UserContext } from '../ports';

export interface RetentionView extends RetentionPolicy {
  ownerId: string;
  isDefault: boolean;
  changedBy: string | null;
  changedAt: string | null;
  notice: string;
}

export interface RetentionPreview {
  ownerId: string;
  retentionYears: number | null;
  asOf: string;
  /** Closed before this instant = due. */
  closedBefore: string | null;
  due: Array<{ caseId: string; unitId: string; closedAt: string }>;
  /** Due, but kept: a legal hold, Statsforvalteren still dealing with the case, or no archive copy yet. */
  blocked: Array<{ caseId: string; unitId: string; closedAt: string; legalHold: string | null; code: BlockedCode; reason: string }>;
}

export interface RetentionRun extends RetentionPreview {
  anonymised: string[];
}

/** Why a due case is kept: a legal hold, Statsforvalteren still on it, or no archive copy yet. */
export type BlockedCode = 'legal_hold' | 'statsforvalteren' | 'not_in_archive';

const NOTICE =
  "How long closed cases are kept follows the owner's arkivplan (arkivloven); Trygg sets no period by default. Anonymising replaces children's names, ids and all free text, and keeps every event and hash; a case is anonymised only once the archive has its copy (a deposit, or the archive service).";

/** Per-owner retention: the period, what is due, and anonymising what is due (docs/domain.md §7). */
export class Retention {
  constructor(
    private readonly settings: OwnerSettingsStore,
    private readonly store: RetentionStore,
    private readonly clock: Clock,
  ) {}

  async get(user: UserContext, ownerId: string): Promise<RetentionView> {
    if (!mayReadOwnerSettings(user, ownerId)) throw new NotFoundError('owner not found');
    return this.view(ownerId);
  }

  async change(
    user: UserContext,
    ownerId: string,
    input: { expectedVersion: number; retentionYears: number | null },
  ): Promise<RetentionView> {
    assertMayChangeSetting(user, ownerId, 'sets how long cases are kept');
    const { expectedVersion, retentionYears } = input;
    return saveNextVersion(
      'retention setting',
      expectedVersion,
      () =>
        this.settings.saveRetention(ownerId, { version: expectedVersion + 1, retentionYears }, expectedVersion, user.id, this.clock.now()),
      () => this.view(ownerId),
    );
  }

  async preview(user: UserContext, ownerId: string): Promise<RetentionPreview> {
    if (!mayReadOwnerSettings(user, ownerId)) throw new NotFoundError('owner not found');
    if (!maySuperviseOwner(user, ownerId))
      throw new ForbiddenError('the retention preview is for the owner and its auditors', 'owner|auditor');
    const { preview } = await this.candidates(ownerId);
    return preview;
  }

  async run(user: UserContext, ownerId: string): Promise<RetentionRun> {
    if (!mayReadOwnerSettings(user, ownerId)) throw new NotFoundError('owner not found');
    if (!mayChangeOwnerSettings(user, ownerId)) throw new ForbiddenError('only the owner (kommune) runs retention', 'owner');
    const { preview, closedBefore, years } = await this.candidates(ownerId);
    const anonymised: string[] = [];
    if (closedBefore) {
      for (const c of preview.due) {
        const at = this.clock.now();
        const event = {
          type: 'CASE_ANONYMISED',
          actorUserId: user.id,
          actorRole: 'owner' as const,
          at,
          payload: { retentionYears: years, closedAt: c.closedAt },
        };
        // Each case in its own transaction; one that changed meanwhile (reopened, held) is left alone.
        if (await this.store.anonymise(c.caseId, closedBefore, event, at)) anonymised.push(c.caseId);
      }
    }
    return { ...preview, anonymised };
  }

  private async candidates(ownerId: string) {
    const now = this.clock.now();
    const { retention } = await this.settings.currentRetention(ownerId);
    const years = retention.retentionYears;
    const closedBefore = years === null ? null : yearsBefore(now, years);
    const all: RetentionCandidate[] = closedBefore ? await this.store.due(ownerId, closedBefore) : [];
    const preview: RetentionPreview = {
      ownerId,
      retentionYears: years,
      asOf: toOsloIso(now),
      closedBefore: closedBefore ? toOsloIso(closedBefore) : null,
      due: all.filter((c) => !blockedBy(c)).map((c) => ({ caseId: c.caseId, unitId: c.unitId, closedAt: toOsloIso(c.closedAt) })),
      blocked: all.flatMap((c) => {
        const why = blockedBy(c);
        return why ? [{ caseId: c.caseId, unitId: c.unitId, closedAt: toOsloIso(c.closedAt), legalHold: c.legalHold, ...why }] : [];
      }),
    };
    return { preview, closedBefore, years };
  }

  private async view(ownerId: string): Promise<RetentionView> {
    const r = await this.settings.currentRetention(ownerId);
    return {
      ownerId,
      ...r.retention,
      ...changeStamp(r),
      notice: NOTICE,
    };
  }
}

/** Why a due case is kept, or null when nothing keeps it. */
function blockedBy(c: RetentionCandidate): { code: BlockedCode; reason: string } | null {
  if (c.legalHold) return { code: 'legal_hold', reason: `legal hold: ${c.legalHold}` };
  if (c.enforcementOpen)
    return { code: 'statsforvalteren', reason: "Statsforvalteren's case is open (reported, or a decision not yet complied with)" };
  if (!c.inArchive)
    return {
      code: 'not_in_archive',
      reason: 'not yet in the archive: deposit it (arkivuttrekk) first, the archive copy must exist before anything is erased',
    };
  return null;
}

/** The same calendar date and time `years` earlier (29 February falls back to 28 February). */
function yearsBefore(now: Date, years: number): Date {
  const d = new Date(now);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  if (d.getUTCDate() !== now.getUTCDate()) d.setUTCDate(0);
  return d;
}
