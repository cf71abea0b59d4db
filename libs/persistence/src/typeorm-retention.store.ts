import { DataSource } from 'typeorm';
import { ERASED, redactPersonal } from '../../cases/src/history';
import { NewEvent, RetentionCandidate, RetentionStore } from '../../cases/src/ports';
import { appendEvents } from './case-writes.sql';

/**
 * Retention in PostgreSQL. Anonymising never touches case_events (its trigger would refuse): it
 * erases the content rows the events commit to, redacts the case's current state, and appends a
 * CASE_ANONYMISED event, so the chain still verifies against the stored hashes.
 */
/** Statsforvalteren's part is open while the case is reported or a decision awaits compliance. */
const ENFORCEMENT_OPEN = `coalesce(enforcement->>'value', 'not_raised') IN ('reported', 'decided')`;
/**
 * The archive has its copy: a deposit delivered it, or the archive service acknowledged every
 * journal entry of it (arkivloven: what is archived must not be lost to retention).
 */
const IN_ARCHIVE = `(deposited_at IS NOT NULL OR (EXISTS (SELECT 1 FROM journal_entries j WHERE j.case_id = cases.id)
  AND NOT EXISTS (SELECT 1 FROM journal_entries j WHERE j.case_id = cases.id AND j.archived_at IS NULL)))`;

export class TypeormRetentionStore implements RetentionStore {
  constructor(private readonly ds: DataSource) {}

  async due(ownerId: string, closedBefore: Date): Promise<RetentionCandidate[]> {
    const rows = await this.ds.query(
      `SELECT id, unit_id, closed_at, legal_hold, ${ENFORCEMENT_OPEN} AS enforcement_open, ${IN_ARCHIVE} AS in_archive FROM cases
       WHERE owner_id = $1 AND state = 'closed' AND anonymised_at IS NULL AND closed_at < $2
       ORDER BY closed_at, id`,
      [ownerId, closedBefore],
    );
    return rows.map((r: Record<string, unknown>) => ({
      caseId: r.id as string,
      unitId: r.unit_id as string,
      closedAt: r.closed_at as Date,
      legalHold: r.legal_hold as string | null,
      enforcementOpen: r.enforcement_open as boolean,
      inArchive: r.in_archive as boolean,
    }));
  }

  async anonymise(caseId: string, closedBefore: Date, event: NewEvent, at: Date): Promise<boolean> {
    return this.ds.transaction(async (m) => {
      const [c] = await m.query(
        `SELECT snapshot, bti, enforcement FROM cases
         WHERE id = $1 AND state = 'closed' AND anonymised_at IS NULL AND legal_hold IS NULL AND closed_at < $2 AND NOT ${ENFORCEMENT_OPEN}
           AND ${IN_ARCHIVE}
         FOR UPDATE`,
        [caseId, closedBefore],
      );
      if (!c) return false;
      await m.query(
        `UPDATE case_event_contents SET nonce = NULL, erased_at = $2,
           content = (SELECT coalesce(jsonb_object_agg(key, CASE WHEN jsonb_typeof(value) = 'array' THEN jsonb_build_array($3::text) ELSE to_jsonb($3::text) END), '{}'::jsonb)
                      FROM jsonb_each(content))
         WHERE case_id = $1 AND erased_at IS NULL`,
        [caseId, at, ERASED],
      );
      await m.query(
        `UPDATE cases SET concern = $2, snapshot = $3, bti = $4, enforcement = $5, child_ids = '{}', anonymised_at = $6, updated_at = $6, version = version + 1
         WHERE id = $1`,
        [
          caseId,
          ERASED,
          JSON.stringify(redactPersonal(c.snapshot)),
          JSON.stringify(redactPersonal(c.bti)),
          c.enforcement && JSON.stringify(redactPersonal(c.enforcement)),
          at,
        ],
      );
      await m.query('UPDATE staircase_assessments SET basis = $2 WHERE case_id = $1', [caseId, ERASED]);
      // The archive keeps the documents now; Trygg keeps their numbers and checksums.
      await m.query('UPDATE journal_entries SET document = NULL, document_erased_at = $2 WHERE case_id = $1 AND document IS NOT NULL', [
        caseId,
        at,
      ]);
      await m.query('UPDATE access_log SET purpose = NULL WHERE case_id = $1 AND purpose IS NOT NULL', [caseId]);
      await appendEvents(m, caseId, [event]);
      return true;
    });
  }
}
