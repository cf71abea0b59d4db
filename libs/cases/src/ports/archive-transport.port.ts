import type { CaseRecord } from './case-record';
import type { JournalEntryRecord } from './journal.port';
import { token } from './token';

/** One journal entry as the archive service takes it, with its case. */
export interface ArchivableEntry {
  entry: JournalEntryRecord;
  /** The entry's number within its case (journalpostnummer), from 1. */
  numberInCase: number;
  document: Buffer | null;
  case: {
    id: string;
    caseNumber: string;
    regime: CaseRecord['regime'];
    openedAt: Date;
    closedAt: Date | null;
    unitId: string;
    unitName: string;
    handledBy: 'principal' | 'owner';
    /** Who answers for the case (saksansvarlig): its leader (archive/saksansvarlig.ts). */
    responsible: string;
    /** The archive's id for the case's folder, once it has one. */
    archiveRef: string | null;
  };
  createdByName: string;
}

/**
 * How journal entries reach the municipal archive. A deposit package (arkivuttrekk) works
 * everywhere and needs no transport; a municipality with a Noark 5 archive service
 * (tjenestegrensesnitt) gets each entry pushed as it is created, through the outbox.
 */
export interface ArchiveTransport {
  readonly name: string;
  /**
   * Sends the entry, creating the case's folder the first time. Safe to call twice for the same
   * entry (it looks for what an earlier, interrupted call created). Returns the archive's ids.
   */
  send(e: ArchivableEntry): Promise<{ caseRef: string; entryRef: string }>;
}
export const ARCHIVE_TRANSPORT = token<ArchiveTransport>('ArchiveTransport');

/** An entry as stored: everything but the leader's name, which the directory knows. */
export type StoredArchivable = Omit<ArchivableEntry, 'case'> & { case: Omit<ArchivableEntry['case'], 'responsible'> };

export interface ArchiveSendStore {
  archivable(entryId: string): Promise<StoredArchivable | undefined>;
  /** Records the archive's references; the case's folder reference only if it had none. */
  markArchived(entryId: string, refs: { caseRef: string; entryRef: string }, at: Date): Promise<void>;
  /** Entries the archive service has not acknowledged, of cases no deposit has delivered. */
  unarchived(limit: number): Promise<string[]>;
}
export const ARCHIVE_SEND_STORE = token<ArchiveSendStore>('ArchiveSendStore');
