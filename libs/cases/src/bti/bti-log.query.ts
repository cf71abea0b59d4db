import { BTI_COMMAND_TYPES, btiStateOf, toOsloIso } from '../../../workflow/src';
import { CaseReader, ReadOptions } from '../audit/case-reader';
import { CaseRecord, CaseStore, Language, StoredEvent, UserContext } from '../ports';
import { PPT_ANONYMOUS_EVENTS, seesAnonymously } from '../ppt-anonymity';
import { entryLabel } from '../history/entry-labels';

export interface BtiLogEntry {
  seq: number;
  at: string;
  type: string;
  /** The entry in bokmål, the same words as the case history and the case file. */
  label: string;
  by: { userId: string | null; role: string | null };
  /** The entry's own content: decision, level, reason, service, participants, summary … */
  details: Record<string, unknown>;
}

export interface BtiLog {
  caseId: string;
  level: number;
  state: string;
  /** Who is responsible now: the coordinator, else the case's leader decides. */
  coordinator: string | null;
  pendingCoordinator: string | null;
  entries: BtiLogEntry[];
}

/** BTI's own entries, and the measures of the case (the plan, its approval, measures carried out, evaluations). */
const BTI_TYPES = new Set<string>([...BTI_COMMAND_TYPES, 'CASE_OPENED', 'PPT_ACCESS_ENDED', 'APPROVE_PLAN', 'RECORD_MEASURE', 'EVALUATE']);

/**
 * The stafettlogg (docs/domain.md §4): measures, decisions and who is responsible, over time — the BTI
 * entries and the measures (approved plans, measures carried out, evaluations) of the case's
 * history, oldest first, with the current level and coordinator.
 */
export class GetBtiLog {
  constructor(
    private readonly reader: CaseReader,
    private readonly store: CaseStore,
  ) {}

  async execute(user: UserContext, caseId: string, opts: ReadOptions = {}): Promise<BtiLog> {
    const { rec, now } = await this.reader.read(user, caseId, 'bti_log', opts);
    const anonymous = seesAnonymously(user, rec, now);
    const events = (await this.store.events(caseId)).filter((e) => !anonymous || PPT_ANONYMOUS_EVENTS.has(e.type));
    return btiLogOf(rec, events, opts.language);
  }
}

/** The stafettlogg of a case from its history (also part of the case file export). */
export function btiLogOf(rec: CaseRecord, events: StoredEvent[], language: Language = 'nb'): BtiLog {
  const c = rec.bti.context;
  return {
    caseId: rec.id,
    level: c.level,
    state: btiStateOf(rec.bti),
    coordinator: c.coordinator,
    pendingCoordinator: c.pendingCoordinator,
    entries: events
      .filter((e) => BTI_TYPES.has(e.type))
      .map((e) => ({
        seq: e.seq,
        at: toOsloIso(e.at),
        type: e.type === 'CASE_OPENED' ? 'BTI_LEVEL_0_STARTED' : e.type,
        label: entryLabel(e.type === 'CASE_OPENED' ? 'BTI_LEVEL_0_STARTED' : e.type, language),
        by: { userId: e.actorUserId, role: e.actorRole },
        // Level 0 starts with the concern; its content stays in the case history.
        details: e.type === 'CASE_OPENED' ? { level: 0 } : e.payload,
      })),
  };
}
