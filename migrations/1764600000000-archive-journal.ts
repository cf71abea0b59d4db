import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The municipal archive (arkivloven; Noark 5): each case is a saksmappe with a case number, each
 * document the law says must be archived is a journalpost with a journal number per owner and
 * year, and a deposit (arkivuttrekk) marks the cases it took. Numbers come from `archive_counters`,
 * incremented in the transaction that needs them, so a rolled-back command leaves no gap.
 * Cases that exist already get their case numbers here, in the order they were opened.
 */
export class ArchiveJournal1764600000000 implements MigrationInterface {
  name = 'ArchiveJournal1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE archive_counters (
        owner_id uuid NOT NULL REFERENCES owners(id),
        series text NOT NULL CHECK (series IN ('case', 'journal')),
        year int NOT NULL,
        last int NOT NULL CHECK (last >= 1),
        PRIMARY KEY (owner_id, series, year)
      );

      CREATE TABLE archive_deposits (
        id uuid PRIMARY KEY,
        owner_id uuid NOT NULL REFERENCES owners(id),
        period_from date NOT NULL,
        period_to date NOT NULL,
        unit_ids uuid[],
        status text NOT NULL CHECK (status IN ('building', 'complete')),
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL,
        completed_at timestamptz,
        case_count int NOT NULL DEFAULT 0,
        entry_count int NOT NULL DEFAULT 0
      );

      ALTER TABLE cases
        ADD COLUMN case_year int,
        ADD COLUMN case_seq int,
        ADD COLUMN deposit_id uuid REFERENCES archive_deposits(id),
        ADD COLUMN deposited_at timestamptz,
        ADD COLUMN archive_ref text;
      UPDATE cases c SET case_year = n.y, case_seq = n.seq
      FROM (SELECT id, extract(year FROM opened_at AT TIME ZONE 'Europe/Oslo')::int AS y,
                   row_number() OVER (PARTITION BY owner_id, extract(year FROM opened_at AT TIME ZONE 'Europe/Oslo') ORDER BY opened_at, id) AS seq
            FROM cases) n
      WHERE n.id = c.id;
      ALTER TABLE cases ALTER COLUMN case_year SET NOT NULL, ALTER COLUMN case_seq SET NOT NULL;
      CREATE UNIQUE INDEX cases_number_unique ON cases(owner_id, case_year, case_seq);
      CREATE INDEX cases_deposit_idx ON cases(owner_id, closed_at) WHERE deposit_id IS NULL AND state = 'closed';
      INSERT INTO archive_counters (owner_id, series, year, last)
        SELECT owner_id, 'case', case_year, max(case_seq) FROM cases GROUP BY owner_id, case_year;

      CREATE TABLE journal_entries (
        id uuid PRIMARY KEY,
        owner_id uuid NOT NULL REFERENCES owners(id),
        case_id uuid NOT NULL REFERENCES cases(id),
        event_seq int NOT NULL,
        kind text NOT NULL,
        journal_year int NOT NULL,
        journal_seq int NOT NULL,
        journalposttype text NOT NULL,
        title text NOT NULL,
        public_title text NOT NULL,
        created_at timestamptz NOT NULL,
        created_by uuid REFERENCES users(id),
        created_by_role text,
        document bytea,
        document_sha256 text NOT NULL,
        document_size int NOT NULL,
        document_erased_at timestamptz,
        archive_ref text,
        archived_at timestamptz,
        CONSTRAINT journal_entries_number_unique UNIQUE (owner_id, journal_year, journal_seq),
        CONSTRAINT journal_entries_event_unique UNIQUE (case_id, event_seq)
      );
      -- The saksstatus changes of each case (under behandling -> avsluttet and back), for the
      -- deposit's endringslogg; cases closed before this migration get theirs at their closing time.
      CREATE TABLE case_status_changes (
        id bigserial PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases(id),
        at timestamptz NOT NULL,
        changed_by uuid REFERENCES users(id),
        from_status text NOT NULL,
        to_status text NOT NULL
      );
      CREATE INDEX case_status_changes_case_idx ON case_status_changes(case_id, at);
      INSERT INTO case_status_changes (case_id, at, changed_by, from_status, to_status)
        SELECT id, closed_at, NULL, 'Under behandling', 'Avsluttet' FROM cases WHERE closed_at IS NOT NULL;

      -- Each journal entry goes to the archive service (when there is one) through the outbox.
      ALTER TABLE outbox DROP CONSTRAINT outbox_topic_check;
      ALTER TABLE outbox ADD CONSTRAINT outbox_topic_check CHECK (topic IN ('deadline', 'email', 'archive'));
      CREATE INDEX journal_entries_unarchived_idx ON journal_entries(created_at) WHERE archived_at IS NULL;

      CREATE INDEX journal_entries_case_idx ON journal_entries(case_id, journal_year, journal_seq);

      -- A journal entry is a record: its number, title and checksum never change. Only the archive's
      -- own reference is added, and retention may erase the document once it is in the archive.
      CREATE FUNCTION journal_entries_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE'
           AND (to_jsonb(NEW) - ARRAY['document', 'document_erased_at', 'archive_ref', 'archived_at'])
             = (to_jsonb(OLD) - ARRAY['document', 'document_erased_at', 'archive_ref', 'archived_at'])
           AND (NEW.document IS NOT DISTINCT FROM OLD.document OR (NEW.document IS NULL AND NEW.document_erased_at IS NOT NULL)) THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'journal_entries is a record: % is refused (only the archive reference and retention may change a row)', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$;
      CREATE TRIGGER journal_entries_record BEFORE UPDATE OR DELETE ON journal_entries
        FOR EACH ROW EXECUTE FUNCTION journal_entries_guard();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DELETE FROM outbox WHERE topic = 'archive';
      ALTER TABLE outbox DROP CONSTRAINT outbox_topic_check;
      ALTER TABLE outbox ADD CONSTRAINT outbox_topic_check CHECK (topic IN ('deadline', 'email'));
      DROP TABLE case_status_changes;
      DROP TABLE journal_entries;
      DROP FUNCTION journal_entries_guard();
      ALTER TABLE cases DROP COLUMN case_year, DROP COLUMN case_seq, DROP COLUMN deposit_id, DROP COLUMN deposited_at, DROP COLUMN archive_ref;
      DROP TABLE archive_deposits;
      DROP TABLE archive_counters;
    `);
  }
}
