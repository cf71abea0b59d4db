import { DataSource } from 'typeorm';
import { JournalEntryRecord, JournalStore } from '../../cases/src/ports';

/** Journal entries in PostgreSQL (written by case-writes.sql.ts in the command's transaction). */
export class TypeormJournalStore implements JournalStore {
  constructor(private readonly ds: DataSource) {}

  async entriesOf(caseId: string): Promise<JournalEntryRecord[]> {
    const rows = await this.ds.query(
      `SELECT ${JOURNAL_COLUMNS} FROM journal_entries WHERE case_id = $1 ORDER BY journal_year, journal_seq`,
      [caseId],
    );
    return rows.map(toJournalEntry);
  }

  async document(entryId: string): Promise<Buffer | null> {
    const rows: Array<{ document: Buffer | null }> = await this.ds.query('SELECT document FROM journal_entries WHERE id = $1', [entryId]);
    return rows[0]?.document ?? null;
  }
}

/** Every column but the document itself, which is read only where it is needed. */
export const JOURNAL_COLUMNS = `id, case_id, owner_id, event_seq, kind, journal_year, journal_seq, journalposttype, title, public_title,
  created_at, created_by, created_by_role, document_sha256, document_size, document_erased_at, archive_ref, archived_at`;

export function toJournalEntry(r: Record<string, unknown>): JournalEntryRecord {
  return {
    id: r.id as string,
    caseId: r.case_id as string,
    ownerId: r.owner_id as string,
    eventSeq: r.event_seq as number,
    kind: r.kind as JournalEntryRecord['kind'],
    journalYear: r.journal_year as number,
    journalSeq: r.journal_seq as number,
    journalposttype: r.journalposttype as JournalEntryRecord['journalposttype'],
    title: r.title as string,
    publicTitle: r.public_title as string,
    createdAt: r.created_at as Date,
    createdBy: r.created_by as string | null,
    createdByRole: r.created_by_role as string | null,
    sha256: r.document_sha256 as string,
    size: r.document_size as number,
    documentErasedAt: r.document_erased_at as Date | null,
    archiveRef: r.archive_ref as string | null,
    archivedAt: r.archived_at as Date | null,
  };
}
