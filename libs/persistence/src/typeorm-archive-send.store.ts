import { DataSource } from 'typeorm';
import { ArchivableEntry, ArchiveSendStore, StoredArchivable } from '../../cases/src/ports';
import { caseNumberOf } from '../../cases/src/archive/journal-rules';
import { JOURNAL_COLUMNS, toJournalEntry } from './typeorm-journal.store';

/** What the archive transport reads and records, in PostgreSQL. */
export class TypeormArchiveSendStore implements ArchiveSendStore {
  constructor(private readonly ds: DataSource) {}

  async archivable(entryId: string): Promise<StoredArchivable | undefined> {
    const rows: Array<Record<string, unknown>> = await this.ds.query(
      `SELECT ${JOURNAL_COLUMNS.replace(/(\w+)/g, 'j.$1')}, j.document, c.case_year, c.case_seq, c.regime, c.opened_at, c.closed_at,
         c.archive_ref AS case_archive_ref, c.unit_id AS case_unit_id, c.handled_by, u.name AS unit_name, cu.display_name AS created_by_name,
         (SELECT count(*)::int FROM journal_entries k
          WHERE k.case_id = j.case_id AND (k.journal_year, k.journal_seq) <= (j.journal_year, j.journal_seq)) AS number_in_case
       FROM journal_entries j JOIN cases c ON c.id = j.case_id JOIN units u ON u.id = c.unit_id
       LEFT JOIN users cu ON cu.id = j.created_by
       WHERE j.id = $1`,
      [entryId],
    );
    const r = rows[0];
    if (!r) return undefined;
    return {
      entry: toJournalEntry(r),
      numberInCase: r.number_in_case as number,
      document: (r.document as Buffer | null) ?? null,
      case: {
        id: r.case_id as string,
        caseNumber: caseNumberOf(r.case_year as number, r.case_seq as number),
        regime: r.regime as ArchivableEntry['case']['regime'],
        openedAt: r.opened_at as Date,
        closedAt: r.closed_at as Date | null,
        unitId: r.case_unit_id as string,
        unitName: r.unit_name as string,
        handledBy: r.handled_by as 'principal' | 'owner',
        archiveRef: r.case_archive_ref as string | null,
      },
      createdByName: (r.created_by_name as string | null) ?? 'Trygg',
    };
  }

  async markArchived(entryId: string, refs: { caseRef: string; entryRef: string }, at: Date): Promise<void> {
    await this.ds.transaction(async (m) => {
      await m.query('UPDATE journal_entries SET archive_ref = $2, archived_at = $3 WHERE id = $1 AND archived_at IS NULL', [
        entryId,
        refs.entryRef,
        at,
      ]);
      await m.query(
        'UPDATE cases SET archive_ref = $2 WHERE id = (SELECT case_id FROM journal_entries WHERE id = $1) AND archive_ref IS NULL',
        [entryId, refs.caseRef],
      );
    });
  }

  async unarchived(limit: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.ds.query(
      `SELECT j.id FROM journal_entries j JOIN cases c ON c.id = j.case_id
       WHERE j.archived_at IS NULL AND c.deposited_at IS NULL ORDER BY j.created_at LIMIT $1`,
      [limit],
    );
    return rows.map((r) => r.id);
  }
}
