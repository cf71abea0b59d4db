import { toOsloIso } from '../../../workflow/src';
import { CaseStore, UserContext } from '../ports';
import { PPT_ANONYMOUS_EVENTS, seesAnonymously } from '../ppt-anonymity';
import { CaseReader, ReadOptions } from '../audit/case-reader';

export interface EventView {
  seq: number;
  type: string;
  at: string;
  /** Who acted; `{ userId: null, role: 'system' }` when Trygg itself acted on a date (reminders, escalation, evaluation start). */
  actor: { userId: string | null; role: string } | null;
  payload: Record<string, unknown>;
  recordedAt: string;
}

/** The full history of a case, oldest first. */
export class GetCaseHistory {
  constructor(
    private readonly reader: CaseReader,
    private readonly store: CaseStore,
  ) {}

  async execute(user: UserContext, caseId: string, opts: ReadOptions = {}): Promise<EventView[]> {
    const { rec, now } = await this.reader.read(user, caseId, 'history', opts);
    const anonymous = seesAnonymously(user, rec, now);
    const events = (await this.store.events(caseId)).filter((e) => !anonymous || PPT_ANONYMOUS_EVENTS.has(e.type));
    return events.map((e) => ({
      seq: e.seq,
      type: e.type,
      at: toOsloIso(e.at),
      actor: e.actorUserId ? { userId: e.actorUserId, role: e.actorRole as string } : e.actorRole === 'system' ? { userId: null, role: 'system' } : null,
      payload: e.payload,
      recordedAt: toOsloIso(e.recordedAt),
    }));
  }
}
