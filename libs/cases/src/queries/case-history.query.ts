import { toOsloIso } from '../../../workflow/src';
import { CaseStore, Directory, Language, StoredEvent, UserContext } from '../ports';
import { entryLabel } from '../history/entry-labels';
import { PPT_ANONYMOUS_EVENTS, seesAnonymously } from '../ppt-anonymity';
import { CaseReader, ReadOptions } from '../audit/case-reader';

export interface EventView {
  seq: number;
  type: string;
  /** The entry in words (bokmål, the same as in the case file; nynorsk when asked for). */
  label: string;
  at: string;
  /** Who acted, by name; `{ userId: null, role: 'system' }` when Trygg itself acted on a date (reminders, escalation, evaluation start). */
  actor: { userId: string | null; role: string; name: string | null } | null;
  payload: Record<string, unknown>;
  recordedAt: string;
  hash: string;
  contentErased: boolean;
  /** Corrections of this entry (CORRECT_ENTRY), beside the original, which is never changed. */
  corrections: CorrectionView[];
}

export interface CorrectionView {
  seq: number;
  at: string;
  actor: EventView['actor'];
  reason: unknown;
  corrected: unknown;
}

/** The history as people read it: each entry with its corrections beside it. */
export function historyView(events: StoredEvent[], names: Map<string, string> = new Map(), language: Language = 'nb'): EventView[] {
  const actorOf = (e: StoredEvent): EventView['actor'] =>
    e.actorUserId
      ? { userId: e.actorUserId, role: e.actorRole as string, name: names.get(e.actorUserId) ?? null }
      : e.actorRole === 'system'
        ? { userId: null, role: 'system', name: 'Trygg (automatisk)' }
        : null;
  const corrections = new Map<number, CorrectionView[]>();
  for (const e of events) {
    if (e.type !== 'CORRECT_ENTRY') continue;
    const target = e.payload.seq as number;
    corrections.set(target, [
      ...(corrections.get(target) ?? []),
      { seq: e.seq, at: toOsloIso(e.at), actor: actorOf(e), reason: e.payload.reason, corrected: e.payload.corrected },
    ]);
  }
  return events.map((e) => ({
    seq: e.seq,
    type: e.type,
    label: entryLabel(e.type, language),
    at: toOsloIso(e.at),
    actor: actorOf(e),
    payload: e.payload,
    recordedAt: toOsloIso(e.recordedAt),
    hash: e.hash,
    contentErased: e.contentErased,
    corrections: corrections.get(e.seq) ?? [],
  }));
}

/** The full history of a case, oldest first. */
export class GetCaseHistory {
  constructor(
    private readonly reader: CaseReader,
    private readonly store: CaseStore,
    private readonly directory: Directory,
  ) {}

  async execute(user: UserContext, caseId: string, opts: ReadOptions = {}): Promise<EventView[]> {
    const { rec, now } = await this.reader.read(user, caseId, 'history', opts);
    const anonymous = seesAnonymously(user, rec, now);
    const events = (await this.store.events(caseId)).filter((e) => !anonymous || PPT_ANONYMOUS_EVENTS.has(e.type));
    const names = await this.directory.userNames([...new Set(events.flatMap((e) => (e.actorUserId ? [e.actorUserId] : [])))]);
    return historyView(events, names, opts.language);
  }
}
