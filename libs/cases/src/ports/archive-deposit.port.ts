import type { Readable } from 'node:stream';
import type { StoredChainRow } from '../history/event-chain';
import type { CaseRecord } from './case-record';
import type { JournalEntryRecord } from './journal.port';
import { token } from './token';

/** One case as a deposit takes it: the case, who handled it, its journal and its whole history. */
export interface DepositCase {
  rec: CaseRecord;
  unitName: string;
  childNames: Array<{ id: string; name: string }>;
  entries: JournalEntryRecord[];
  chain: StoredChainRow[];
  /** Its saksstatus changes, oldest first (closed, reopened, closed again). */
  statusChanges: Array<{ at: Date; by: string | null; from: string; to: string }>;
  /** Display names of everyone the case's history and journal name. */
  userNames: Map<string, string>;
}

/** A journal entry of a deposited case, for the journals (read in journal-number order). */
export interface DepositJournalRow {
  entry: JournalEntryRecord;
  caseNumber: string;
  regime: CaseRecord['regime'];
  unitName: string;
  /** The entry's number within its case (journalpostnummer), from 1. */
  numberInCase: number;
}

export interface DepositClaim {
  depositId: string;
  caseCount: number;
  entryCount: number;
}

/** The deposits in PostgreSQL: which cases a deposit takes, read in batches, and its outcome. */
export interface ArchiveDepositStore {
  ownerName(ownerId: string): Promise<string | undefined>;
  /**
   * Registers a deposit and claims, in one transaction, every closed case of the owner (of these
   * units) closed in [from, before) that no deposit has taken; a deposit left building longer
   * than `abandonedBefore` (its process died) gives its cases back first.
   */
  claim(input: {
    depositId: string;
    ownerId: string;
    from: string;
    to: string;
    before: Date;
    fromAt: Date;
    unitIds: string[] | null;
    userId: string;
    at: Date;
    abandonedBefore: Date;
  }): Promise<DepositClaim>;
  /** The claimed cases after `afterId` in id order, `limit` at a time. */
  casesOf(depositId: string, afterId: string | null, limit: number): Promise<DepositCase[]>;
  /** The claimed cases' journal entries after `after`, in journal-number order. */
  journalOf(depositId: string, after: { year: number; seq: number } | null, limit: number): Promise<DepositJournalRow[]>;
  /** The stored PDFs of these entries (an erased one is absent). */
  documents(entryIds: string[]): Promise<Map<string, Buffer>>;
  /** Marks the deposit complete and its cases deposited. */
  complete(depositId: string, at: Date): Promise<void>;
  /** Gives the claimed cases back (the package never reached its receiver). */
  release(depositId: string): Promise<void>;
}
export const ARCHIVE_DEPOSIT_STORE = token<ArchiveDepositStore>('ArchiveDepositStore');

/** What a deposit describes about itself, for the package's headers. */
export interface DepositMeta {
  depositId: string;
  ownerId: string;
  ownerName: string;
  from: string;
  to: string;
  createdAt: Date;
  /** The name of who made it (the owner's archivist or administrator). */
  createdBy: string;
  caseCount: number;
  entryCount: number;
}

/** A finished package on disk, streamed once and then removed. */
export interface DepositPackage {
  fileName: string;
  files: Array<{ name: string; size: number; sha256: string }>;
  stream(): Readable;
  dispose(): Promise<void>;
}

/** Writes the Noark 5 package, case by case, without holding it in memory. */
export interface DepositPackageWriter {
  begin(meta: DepositMeta): Promise<DepositPackageBuilder>;
}
export interface DepositPackageBuilder {
  /** `responsible`: who answers for the case (saksansvarlig), by name. */
  add(c: DepositCase, documents: Map<string, Buffer>, responsible: string): Promise<void>;
  addJournal(rows: DepositJournalRow[]): Promise<void>;
  finish(): Promise<DepositPackage>;
  abort(): Promise<void>;
}
export const DEPOSIT_PACKAGE_WRITER = token<DepositPackageWriter>('DepositPackageWriter');
