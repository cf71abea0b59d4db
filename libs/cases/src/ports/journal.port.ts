import type { JournalDocument, JournalKind, Journalposttype } from '../archive/journal-rules';
import { token } from './token';

/** Renders a journalled document as an archival PDF (PDF/A). */
export interface JournalRenderer {
  render(doc: JournalDocument): Promise<Buffer>;
}
export const JOURNAL_RENDERER = token<JournalRenderer>('JournalRenderer');

/** What a journal entry says about itself, from the moment it is written. */
interface JournalEntryFacts {
  id: string;
  ownerId: string;
  kind: JournalKind;
  journalposttype: Journalposttype;
  title: string;
  publicTitle: string;
  createdAt: Date;
  createdBy: string | null;
  createdByRole: string | null;
  sha256: string;
}

/**
 * A journal entry to write with the command: `eventIndex` points into the transaction's events,
 * and the store gives it the next journal number of the owner's year in the same transaction.
 */
export interface NewJournalEntry extends JournalEntryFacts {
  eventIndex: number;
  document: Buffer;
}

/** A journal entry as stored. */
export interface JournalEntryRecord extends JournalEntryFacts {
  caseId: string;
  eventSeq: number;
  journalYear: number;
  journalSeq: number;
  size: number;
  documentErasedAt: Date | null;
  archiveRef: string | null;
  archivedAt: Date | null;
}

export interface JournalStore {
  /** The case's journal entries in journal-number order. */
  entriesOf(caseId: string): Promise<JournalEntryRecord[]>;
  /** The stored PDF, or null once retention erased it. */
  document(entryId: string): Promise<Buffer | null>;
}
export const JOURNAL_STORE = token<JournalStore>('JournalStore');
