import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A journal document is a PDF whose streams are already compressed, so PostgreSQL's attempt to
 * compress it again (pglz, for every new document) never saved the quarter it requires and was
 * thrown away (decision 104). The column keeps documents out of line without trying; those already
 * stored were kept uncompressed for the same reason and do not change.
 */
export class JournalDocumentStoredAsIs1765300000000 implements MigrationInterface {
  name = 'JournalDocumentStoredAsIs1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE journal_entries ALTER COLUMN document SET STORAGE EXTERNAL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE journal_entries ALTER COLUMN document SET STORAGE EXTENDED');
  }
}
