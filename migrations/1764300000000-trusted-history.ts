import { MigrationInterface, QueryRunner } from 'typeorm';
import { sealEvents } from './frozen/1764300000000-event-chain';
import { mergePersonal } from './frozen/1764300000000-personal-content';

/**
 * Issue 5: a history auditors can trust and hand over.
 * - case_events gets a hash chain (prev_hash, hash) and its personal content moves to
 *   case_event_contents, committed to by content_hash (docs/design.md #9);
 * - triggers refuse UPDATE, DELETE and TRUNCATE of events; content may only be erased;
 * - access_log records every read of a case;
 * - cases get Statsforvalteren's enforcement state, legal hold and anonymisation;
 * - owner_retention holds each owner's retention period (versioned like the other settings).
 */
export class TrustedHistory1764300000000 implements MigrationInterface {
  name = 'TrustedHistory1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE case_events ADD COLUMN prev_hash text, ADD COLUMN hash text, ADD COLUMN content_hash text;
      CREATE TABLE case_event_contents (
        case_id uuid NOT NULL,
        seq int NOT NULL,
        nonce text,
        content jsonb NOT NULL,
        erased_at timestamptz,
        PRIMARY KEY (case_id, seq),
        FOREIGN KEY (case_id, seq) REFERENCES case_events(case_id, seq)
      );
    `);
    // Chain what is already there, oldest first, moving personal content into its own rows.
    const cases: Array<{ case_id: string }> = await q.query('SELECT DISTINCT case_id FROM case_events');
    for (const { case_id } of cases) {
      const rows: Array<Record<string, unknown>> = await q.query('SELECT * FROM case_events WHERE case_id = $1 ORDER BY seq', [case_id]);
      const sealed = sealEvents(
        case_id,
        null,
        rows.map((r) => ({
          type: r.type as string,
          actorUserId: r.actor_user_id as string | null,
          actorRole: r.actor_role as string | null,
          at: r.at as Date,
          payload: r.payload as Record<string, unknown>,
        })),
      );
      for (const s of sealed) {
        await q.query('UPDATE case_events SET payload = $3, prev_hash = $4, hash = $5, content_hash = $6 WHERE case_id = $1 AND seq = $2', [
          case_id,
          s.seq,
          JSON.stringify(s.payload),
          s.prevHash,
          s.hash,
          s.contentHash,
        ]);
        if (s.content) {
          await q.query('INSERT INTO case_event_contents (case_id, seq, nonce, content) VALUES ($1,$2,$3,$4)', [
            case_id,
            s.seq,
            s.content.nonce,
            JSON.stringify(s.content.personal),
          ]);
        }
      }
    }
    await q.query(`
      ALTER TABLE case_events ALTER COLUMN hash SET NOT NULL;

      CREATE FUNCTION case_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- Also guards TRUNCATE of case_event_contents, so the message names the table it refused.
        RAISE EXCEPTION '% is append-only: % is refused (corrections are new events, CORRECT_ENTRY)', TG_TABLE_NAME, TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$;
      CREATE TRIGGER case_events_no_update BEFORE UPDATE OR DELETE ON case_events
        FOR EACH ROW EXECUTE FUNCTION case_events_append_only();
      CREATE TRIGGER case_events_no_truncate BEFORE TRUNCATE ON case_events
        FOR EACH STATEMENT EXECUTE FUNCTION case_events_append_only();

      -- Personal content may be erased (retention), never edited or removed.
      CREATE FUNCTION case_event_contents_erase_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND OLD.erased_at IS NULL AND NEW.erased_at IS NOT NULL AND NEW.nonce IS NULL
           AND NEW.case_id = OLD.case_id AND NEW.seq = OLD.seq THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'case_event_contents can only be erased by retention: % is refused', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$;
      CREATE TRIGGER case_event_contents_guard BEFORE UPDATE OR DELETE ON case_event_contents
        FOR EACH ROW EXECUTE FUNCTION case_event_contents_erase_only();
      CREATE TRIGGER case_event_contents_no_truncate BEFORE TRUNCATE ON case_event_contents
        FOR EACH STATEMENT EXECUTE FUNCTION case_events_append_only();

      -- A deadline step's lock and the case's last chain link in one round trip. In a VOLATILE
      -- function each statement takes a fresh snapshot, so the link is read after the lock is held
      -- and cannot predate an event appended while the step waited for it.
      CREATE FUNCTION trygg_lock_deadline_step(deadline uuid)
        RETURNS TABLE (id uuid, owner_id uuid, unit_id uuid, state text, handled_by text, d json, last_seq int, last_hash text)
        LANGUAGE plpgsql VOLATILE AS $$
      DECLARE
        c_id uuid;
      BEGIN
        -- Case before deadline (FOR UPDATE locks in FROM order), as a command's transaction does.
        SELECT c.id, c.owner_id, c.unit_id, c.state, c.handled_by, row_to_json(dl)
          INTO c_id, owner_id, unit_id, state, handled_by, d
          FROM cases c JOIN deadlines dl ON dl.case_id = c.id WHERE dl.id = deadline FOR UPDATE OF c, dl;
        IF c_id IS NULL THEN RETURN; END IF;
        id := c_id;
        SELECT e.seq, e.hash INTO last_seq, last_hash FROM case_events e WHERE e.case_id = c_id ORDER BY e.seq DESC LIMIT 1;
        RETURN NEXT;
      END $$;

      CREATE TABLE access_log (
        id bigserial PRIMARY KEY,
        owner_id uuid NOT NULL REFERENCES owners(id),
        unit_id uuid REFERENCES units(id),
        case_id uuid REFERENCES cases(id),
        user_id uuid NOT NULL REFERENCES users(id),
        role text NOT NULL,
        kind text NOT NULL,
        detail text,
        purpose text,
        at timestamptz NOT NULL
      );
      CREATE INDEX access_log_case_idx ON access_log(case_id, at);
      CREATE INDEX access_log_owner_idx ON access_log(owner_id, at);

      ALTER TABLE cases
        ADD COLUMN enforcement jsonb,
        ADD COLUMN legal_hold text,
        ADD COLUMN anonymised_at timestamptz;
      CREATE INDEX cases_retention_idx ON cases(owner_id, closed_at) WHERE anonymised_at IS NULL AND closed_at IS NOT NULL;

      CREATE TABLE owner_retention (
        owner_id uuid NOT NULL REFERENCES owners(id),
        version int NOT NULL,
        retention jsonb NOT NULL,
        changed_by uuid REFERENCES users(id),
        changed_at timestamptz NOT NULL,
        PRIMARY KEY (owner_id, version)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    // Back to one payload per event: the guards go first, then the content is merged back in.
    await q.query(`
      DROP TRIGGER case_events_no_update ON case_events;
      DROP TRIGGER case_events_no_truncate ON case_events;
      DROP TRIGGER case_event_contents_guard ON case_event_contents;
      DROP TRIGGER case_event_contents_no_truncate ON case_event_contents;
      DROP FUNCTION case_event_contents_erase_only();
      DROP FUNCTION case_events_append_only();
      DROP FUNCTION trygg_lock_deadline_step(uuid);
    `);
    const rows: Array<{ case_id: string; seq: number; payload: Record<string, unknown>; content: Record<string, unknown> }> = await q.query(
      'SELECT e.case_id, e.seq, e.payload, c.content FROM case_events e JOIN case_event_contents c USING (case_id, seq)',
    );
    for (const r of rows) {
      await q.query('UPDATE case_events SET payload = $3 WHERE case_id = $1 AND seq = $2', [
        r.case_id,
        r.seq,
        JSON.stringify(mergePersonal(r.payload, r.content)),
      ]);
    }
    await q.query(`
      DROP TABLE owner_retention;
      DROP INDEX cases_retention_idx;
      ALTER TABLE cases DROP COLUMN enforcement, DROP COLUMN legal_hold, DROP COLUMN anonymised_at;
      DROP TABLE access_log;
      DROP TABLE case_event_contents;
      ALTER TABLE case_events DROP COLUMN prev_hash, DROP COLUMN hash, DROP COLUMN content_hash;
    `);
  }
}
