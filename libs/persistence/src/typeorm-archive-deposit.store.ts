import { DataSource } from 'typeorm';
import { ArchiveDepositStore, DepositCase, DepositClaim, DepositJournalRow, JournalEntryRecord } from '../../cases/src/ports';
import { caseNumberOf } from '../../cases/src/archive/journal-rules';
import { StoredChainRow } from '../../cases/src/history';
import { toRecord } from './typeorm-case.store';
import { JOURNAL_COLUMNS, toJournalEntry } from './typeorm-journal.store';
import { chainRowOf, CHAIN_SELECT } from './chain-rows.sql';

/**
 * Deposits in PostgreSQL. A deposit claims its cases (`cases.deposit_id`) in the transaction that
 * registers it, so two deposits never take the same case; `deposited_at` is set only once the
 * package was delivered, and that is what retention waits for.
 */
export class TypeormArchiveDepositStore implements ArchiveDepositStore {
  constructor(private readonly ds: DataSource) {}

  async ownerName(ownerId: string): Promise<string | undefined> {
    const rows: Array<{ name: string }> = await this.ds.query('SELECT name FROM owners WHERE id = $1', [ownerId]);
    return rows[0]?.name;
  }

  claim(i: Parameters<ArchiveDepositStore['claim']>[0]): Promise<DepositClaim> {
    return this.ds.transaction(async (m) => {
      // A deposit whose process died while building gives its cases back.
      const stale: Array<{ id: string }> = await m.query(
        `SELECT id FROM archive_deposits WHERE owner_id = $1 AND status = 'building' AND created_at < $2`,
        [i.ownerId, i.abandonedBefore],
      );
      await this.releaseIn(
        m,
        stale.map((d) => d.id),
      );
      await m.query(
        `INSERT INTO archive_deposits (id, owner_id, period_from, period_to, unit_ids, status, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, 'building', $6, $7)`,
        [i.depositId, i.ownerId, i.from, i.to, i.unitIds, i.userId, i.at],
      );
      const [claimed]: [Array<{ id: string }>, number] = await m.query(
        `UPDATE cases SET deposit_id = $1
         WHERE owner_id = $2 AND state = 'closed' AND deposit_id IS NULL AND anonymised_at IS NULL
           AND closed_at >= $3 AND closed_at < $4 AND ($5::uuid[] IS NULL OR unit_id = ANY($5::uuid[]))
         RETURNING id`,
        [i.depositId, i.ownerId, i.fromAt, i.before, i.unitIds],
      );
      const ids = claimed.map((c) => c.id);
      const [{ n }] = await m.query('SELECT count(*)::int AS n FROM journal_entries WHERE case_id = ANY($1::uuid[])', [ids]);
      await m.query('UPDATE archive_deposits SET case_count = $2, entry_count = $3 WHERE id = $1', [i.depositId, ids.length, n]);
      return { depositId: i.depositId, caseCount: ids.length, entryCount: n };
    });
  }

  async casesOf(depositId: string, afterId: string | null, limit: number): Promise<DepositCase[]> {
    const rows: Array<Record<string, unknown>> = await this.ds.query(
      `SELECT c.*, u.name AS unit_name FROM cases c JOIN units u ON u.id = c.unit_id
       WHERE c.deposit_id = $1 AND ($2::uuid IS NULL OR c.id > $2) ORDER BY c.id LIMIT $3`,
      [depositId, afterId, limit],
    );
    if (!rows.length) return [];
    const ids = rows.map((r) => r.id as string);
    const [entryRows, chainRows, childRows, changeRows] = await Promise.all([
      this.ds.query(`SELECT ${JOURNAL_COLUMNS} FROM journal_entries WHERE case_id = ANY($1::uuid[]) ORDER BY journal_year, journal_seq`, [
        ids,
      ]),
      this.ds.query(`${CHAIN_SELECT} WHERE e.case_id = ANY($1::uuid[]) ORDER BY e.case_id, e.seq`, [ids]),
      this.ds.query(
        `SELECT c.id AS case_id, ch.id, ch.name FROM cases c CROSS JOIN LATERAL unnest(c.child_ids) AS cid(id)
         JOIN children ch ON ch.id = cid.id WHERE c.id = ANY($1::uuid[])`,
        [ids],
      ),
      this.ds.query(
        'SELECT case_id, at, changed_by, from_status, to_status FROM case_status_changes WHERE case_id = ANY($1::uuid[]) ORDER BY at, id',
        [ids],
      ),
    ]);
    const changes = group<Record<string, unknown>>(changeRows, (r) => r.case_id as string);
    const entries = group<JournalEntryRecord>(entryRows.map(toJournalEntry), (e) => e.caseId);
    const chains = group<StoredChainRow>(chainRows.map(chainRowOf), (r) => r.caseId);
    const children = group<{ case_id: string; id: string; name: string }>(childRows, (r) => r.case_id);
    const userIds = new Set<string>();
    for (const list of [...entries.values()]) for (const e of list) if (e.createdBy) userIds.add(e.createdBy);
    for (const list of [...chains.values()]) for (const r of list) if (r.actorUserId) userIds.add(r.actorUserId);
    for (const r of changeRows) if (r.changed_by) userIds.add(r.changed_by);
    const names: Array<{ id: string; display_name: string }> = userIds.size
      ? await this.ds.query('SELECT id, display_name FROM users WHERE id = ANY($1::uuid[])', [[...userIds]])
      : [];
    const userNames = new Map(names.map((u) => [u.id, u.display_name]));
    return rows.map((r) => ({
      rec: toRecord(r),
      unitName: r.unit_name as string,
      childNames: (children.get(r.id as string) ?? []).map((c) => ({ id: c.id, name: c.name })),
      entries: entries.get(r.id as string) ?? [],
      chain: chains.get(r.id as string) ?? [],
      statusChanges: (changes.get(r.id as string) ?? []).map((x) => ({
        at: x.at as Date,
        by: x.changed_by as string | null,
        from: x.from_status as string,
        to: x.to_status as string,
      })),
      userNames,
    }));
  }

  async journalOf(depositId: string, after: { year: number; seq: number } | null, limit: number): Promise<DepositJournalRow[]> {
    const rows: Array<Record<string, unknown>> = await this.ds.query(
      `SELECT ${JOURNAL_COLUMNS.replace(/(\w+)/g, 'j.$1')}, c.case_year, c.case_seq, c.regime, u.name AS unit_name,
         (SELECT count(*)::int FROM journal_entries k
          WHERE k.case_id = j.case_id AND (k.journal_year, k.journal_seq) <= (j.journal_year, j.journal_seq)) AS number_in_case
       FROM journal_entries j JOIN cases c ON c.id = j.case_id JOIN units u ON u.id = c.unit_id
       WHERE c.deposit_id = $1 AND ($2::int IS NULL OR (j.journal_year, j.journal_seq) > ($2::int, $3::int))
       ORDER BY j.journal_year, j.journal_seq LIMIT $4`,
      [depositId, after?.year ?? null, after?.seq ?? null, limit],
    );
    return rows.map((r) => ({
      entry: toJournalEntry(r),
      caseNumber: caseNumberOf(r.case_year as number, r.case_seq as number),
      regime: r.regime as DepositJournalRow['regime'],
      unitName: r.unit_name as string,
      numberInCase: r.number_in_case as number,
    }));
  }

  async documents(entryIds: string[]): Promise<Map<string, Buffer>> {
    if (!entryIds.length) return new Map();
    const rows: Array<{ id: string; document: Buffer }> = await this.ds.query(
      'SELECT id, document FROM journal_entries WHERE id = ANY($1::uuid[]) AND document IS NOT NULL',
      [entryIds],
    );
    return new Map(rows.map((r) => [r.id, r.document]));
  }

  async complete(depositId: string, at: Date): Promise<void> {
    await this.ds.transaction(async (m) => {
      await m.query(`UPDATE archive_deposits SET status = 'complete', completed_at = $2 WHERE id = $1`, [depositId, at]);
      await m.query('UPDATE cases SET deposited_at = $2 WHERE deposit_id = $1', [depositId, at]);
    });
  }

  async release(depositId: string): Promise<void> {
    await this.ds.transaction((m) => this.releaseIn(m, [depositId]));
  }

  private async releaseIn(m: { query(sql: string, p?: unknown[]): Promise<unknown> }, ids: string[]): Promise<void> {
    if (!ids.length) return;
    await m.query(`UPDATE cases SET deposit_id = NULL WHERE deposit_id = ANY($1::uuid[])`, [ids]);
    await m.query(`DELETE FROM archive_deposits WHERE id = ANY($1::uuid[]) AND status = 'building'`, [ids]);
  }
}

function group<T>(rows: T[], key: (r: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}
