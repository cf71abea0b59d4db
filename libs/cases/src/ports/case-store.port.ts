import { CaseState } from '../../../workflow/src';
import { token } from './token';
import { CaseChange, CaseRecord, CaseWrites, DeadlineRecord, LastLink, StoredEvent } from './case-record';
import type { StoredChainRow } from '../history/event-chain';

export interface CaseScope {
  userId: string;
  /** Now, for rules that depend on time (a PPT consent that has expired). */
  at: Date;
  /** Owners whose cases the user sees as PPT, where PPT was asked in and may see them. */
  pptOwnerIds: string[];
  /** Owners whose every case the user may read (owner, auditor). */
  ownerIds: string[];
  /** Units whose principal-handled cases the user may read (principal). */
  principalUnitIds: string[];
  /** Units where the user sees the cases they opened or are involved in (staff). */
  staffUnitIds: string[];
}

export interface CaseListQuery {
  scope: CaseScope;
  unitId?: string;
  state?: CaseState;
  childId?: string;
  /** Cases of the group: its own, or about one of its children. */
  groupId?: string;
  /** Only cases that are not closed. */
  openOnly?: boolean;
  overdueAt?: Date;
  /** Opened at or after this instant, and before that one (an auditor's period). */
  openedFrom?: Date;
  openedBefore?: Date;
  after?: { openedAt: Date; id: string };
  limit: number;
}

export interface TaskRow {
  deadline: DeadlineRecord;
  caseId: string;
  unitId: string;
  caseState: CaseState;
}

export interface CaseStore {
  /**
   * Writes a new case with its first events and deadlines, all or nothing; numbers it in the
   * owner's year. `deadlines`: the case's deadlines as written, when the store has them at hand.
   */
  create(rec: CaseRecord, writes: CaseWrites): Promise<{ caseNumber: string; deadlines?: DeadlineRecord[] }>;
  /**
   * Commits a transition: `UPDATE … WHERE version = expectedVersion` plus events and deadline
   * writes, all or nothing. Returns false, writing nothing, when the version has moved on.
   * `last`, the history's last link as read with the case, lets the write be one statement; then
   * it also gives the case's deadlines as the write left them.
   */
  commit(
    caseId: string,
    expectedVersion: number,
    change: CaseChange,
    writes: CaseWrites,
    at: Date,
    last?: LastLink | null,
  ): Promise<false | { deadlines?: DeadlineRecord[] }>;
  get(caseId: string): Promise<CaseRecord | undefined>;
  deadlines(caseId: string): Promise<DeadlineRecord[]>;
  /** Deadlines of several cases in one round trip, for lists. */
  deadlinesOf(caseIds: string[]): Promise<Map<string, DeadlineRecord[]>>;
  /** The history with personal content merged back in, oldest first. */
  events(caseId: string): Promise<StoredEvent[]>;
  /** The history exactly as stored, for verifying the hash chain. */
  chain(caseId: string): Promise<StoredChainRow[]>;
  list(query: CaseListQuery): Promise<CaseRecord[]>;
  /** Every case of these units opened in [from, to), oldest first (supervision; no paging). */
  openedBetween(unitIds: string[], from: Date, to: Date): Promise<CaseRecord[]>;
  /** Event types and times of many cases, without content (supervision). */
  timelinesOf(caseIds: string[]): Promise<Map<string, Array<{ type: string; at: Date }>>>;
  pendingDeadlinesOf(userId: string, scope: CaseScope, limit: number): Promise<TaskRow[]>;
  /** Every case id, oldest first (operators' whole-database checks). */
  allCaseIds(): Promise<string[]>;
}

export const CASE_STORE = token<CaseStore>('CaseStore');
