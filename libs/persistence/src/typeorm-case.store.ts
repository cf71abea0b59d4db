import { DataSource } from 'typeorm';
import { namedQuery } from './named-query';
import { btiDriver, enforcementDriver, migrateSnapshot, openEnforcement, osloYearOf, Regime } from '../../workflow/src';
import {
  CaseChange,
  CaseListQuery,
  CaseRecord,
  CaseStore,
  CaseWrites,
  DeadlineRecord,
  LastLink,
  StoredEvent,
  TaskRow,
  CaseScope,
} from '../../cases/src/ports';
import { CHAIN_SELECT, chainRowOf } from './chain-rows.sql';
import { caseListSql, tasksSql } from './case-list.sql';
import {
  commandWriteStatement,
  DEADLINE_COLUMNS,
  deadlinesFromJson,
  lockingCaseUpdate,
  nextCaseNumber,
  openingStatement,
  toDeadline,
  writeCaseWrites,
} from './case-writes.sql';
import { caseNumberOf } from '../../cases/src/archive/journal-rules';
import { StoredChainRow, storedEventOf } from '../../cases/src/history';

/**
 * PostgreSQL implementation of the CaseStore port. Every write is one transaction; concurrency
 * is a conditional UPDATE on `version` (TypeORM's @VersionColumn + save() would not stop lost
 * updates), and `seq` is allocated under that row lock so it has no gaps.
 */
export class TypeormCaseStore implements CaseStore {
  constructor(private readonly ds: DataSource) {}

  async create(rec: CaseRecord, writes: CaseWrites): Promise<{ caseNumber: string; deadlines?: DeadlineRecord[] }> {
    const year = osloYearOf(rec.openedAt);
    const row = newCaseRow(rec);
    // Usually one statement: the case row with its number, its history, deadlines and journal.
    const one = openingStatement(rec.id, rec.ownerId, year, row, writes, rec.openedAt);
    if (one) {
      const [r] = (await namedQuery(this.ds, one)) as Array<{ case_seq: number; deadlines: Array<Record<string, unknown>> }>;
      return { caseNumber: caseNumberOf(year, r.case_seq), deadlines: deadlinesFromJson(r.deadlines) };
    }
    return this.ds.transaction(async (m) => {
      const seq = await nextCaseNumber(m, rec.ownerId, year);
      const columns = ['id', ...row.map(([c]) => c), 'case_year', 'case_seq'];
      await m.query(`INSERT INTO cases (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`, [
        rec.id,
        ...row.map(([, v]) => v),
        year,
        seq,
      ]);
      // A new case has no history yet.
      await writeCaseWrites(m, rec.id, writes, rec.openedAt, null);
      return { caseNumber: caseNumberOf(year, seq) };
    });
  }

  async commit(
    caseId: string,
    expectedVersion: number,
    change: CaseChange,
    writes: CaseWrites,
    at: Date,
    last?: LastLink | null,
  ): Promise<false | { deadlines?: DeadlineRecord[] }> {
    // With the last link the command read: one statement, one round trip (decision 100).
    const one = last !== undefined ? commandWriteStatement(caseId, expectedVersion, change, writes, at, last) : undefined;
    if (one) {
      const [r] = (await namedQuery(this.ds, one)) as Array<{ written: number; deadlines: Array<Record<string, unknown>> }>;
      if (r.written === 1) return { deadlines: deadlinesFromJson(r.deadlines) };
      // The version or the last link moved since the case was read: decide under the row lock.
    }
    return (await this.inTransaction(caseId, expectedVersion, change, writes, at)) && {};
  }

  private async inTransaction(caseId: string, expectedVersion: number, change: CaseChange, writes: CaseWrites, at: Date): Promise<boolean> {
    return this.ds.transaction(async (m) => {
      // The row lock and the last link of the history in one statement.
      const update = lockingCaseUpdate(caseId, expectedVersion, change, at);
      const [locked, affected] = (await m.query(update.text, update.values)) as [
        Array<{ last_seq: number; last_hash: string | null }>,
        number,
      ];
      if (affected !== 1) return false;
      const { last_seq: seq, last_hash: hash } = locked[0];
      await writeCaseWrites(m, caseId, writes, at, seq > 0 && hash ? { seq, hash } : null);
      return true;
    });
  }

  // Every command and case view reads these: named, so each connection parses and plans them once.
  async get(caseId: string): Promise<CaseRecord | undefined> {
    const rows = await namedQuery(this.ds, { name: 'case-get', text: `SELECT ${CASE_COLUMNS} FROM cases WHERE id = $1`, values: [caseId] });
    return rows[0] ? toRecord(rows[0]) : undefined;
  }

  async deadlines(caseId: string): Promise<DeadlineRecord[]> {
    const rows = await namedQuery(this.ds, {
      name: 'case-deadlines',
      text: `SELECT ${DEADLINE_COLUMNS} FROM deadlines WHERE case_id = $1 ORDER BY due_at, kind, ref`,
      values: [caseId],
    });
    return rows.map(toDeadline);
  }

  async deadlinesOf(caseIds: string[]): Promise<Map<string, DeadlineRecord[]>> {
    const byCase = new Map<string, DeadlineRecord[]>(caseIds.map((id) => [id, []]));
    if (!caseIds.length) return byCase;
    const rows = await namedQuery(this.ds, {
      name: 'cases-deadlines',
      text: `SELECT ${DEADLINE_COLUMNS} FROM deadlines WHERE case_id = ANY($1::uuid[]) ORDER BY due_at, kind, ref`,
      values: [caseIds],
    });
    for (const d of rows.map(toDeadline)) byCase.get(d.caseId)?.push(d);
    return byCase;
  }

  async events(caseId: string): Promise<StoredEvent[]> {
    return (await this.chain(caseId)).map(storedEventOf);
  }

  async chain(caseId: string): Promise<StoredChainRow[]> {
    const rows = await this.ds.query(`${CHAIN_SELECT} WHERE e.case_id = $1 ORDER BY e.seq`, [caseId]);
    return rows.map(chainRowOf);
  }

  async openedBetween(unitIds: string[], from: Date, to: Date): Promise<CaseRecord[]> {
    const rows = await this.ds.query(
      'SELECT * FROM cases WHERE unit_id = ANY($1::uuid[]) AND opened_at >= $2 AND opened_at < $3 ORDER BY opened_at, id',
      [unitIds, from, to],
    );
    return rows.map(toRecord);
  }

  async timelinesOf(caseIds: string[]): Promise<Map<string, Array<{ type: string; at: Date }>>> {
    const byCase = new Map<string, Array<{ type: string; at: Date }>>(caseIds.map((id) => [id, []]));
    if (!caseIds.length) return byCase;
    const rows = await this.ds.query('SELECT case_id, type, at FROM case_events WHERE case_id = ANY($1::uuid[]) ORDER BY case_id, seq', [
      caseIds,
    ]);
    for (const r of rows) byCase.get(r.case_id)?.push({ type: r.type, at: r.at });
    return byCase;
  }

  async allCaseIds(): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.ds.query('SELECT id FROM cases ORDER BY opened_at, id');
    return rows.map((r) => r.id);
  }

  async list(q: CaseListQuery): Promise<CaseRecord[]> {
    const sql = caseListSql(q);
    if (!sql) return [];
    const rows = await this.ds.query(sql.text, sql.values);
    return rows.map(toRecord);
  }

  async pendingDeadlinesOf(userId: string, scope: CaseScope, limit: number): Promise<TaskRow[]> {
    const sql = tasksSql(userId, scope, limit);
    const rows = await this.ds.query(sql.text, sql.values);
    return rows.map((r: Record<string, unknown>) => ({
      deadline: toDeadline(r),
      caseId: r.case_id as string,
      unitId: r.case_unit_id as string,
      caseState: r.case_state as TaskRow['caseState'],
    }));
  }
}

/**
 * What toRecord reads, named: a prepared statement must keep its result's shape, so a column added
 * by a later migration does not break the statement on connections that prepared it before.
 */
const CASE_COLUMNS = `id, owner_id, unit_id, group_id, regime, state, version, snapshot, bti, enforcement, legal_hold,
  anonymised_at, handled_by, serious, child_ids, involved_user_ids, opened_by, source, concern, occurred_at, opened_at,
  closed_at, case_year, case_seq, deposited_at, last_seq, last_hash`;

export function toRecord(r: Record<string, unknown>): CaseRecord {
  return {
    id: r.id as string,
    ownerId: r.owner_id as string,
    unitId: r.unit_id as string,
    groupId: r.group_id as string | null,
    regime: r.regime as CaseRecord['regime'],
    state: r.state as CaseRecord['state'],
    version: r.version as number,
    // Every machine's snapshot is brought up to its running machine version as it is read.
    snapshot: migrateSnapshot(r.snapshot as CaseRecord['snapshot']),
    bti: btiDriver.migrate(r.bti as CaseRecord['bti']),
    // Cases opened before Statsforvalteren's enforcement was built start outside it.
    enforcement: enforcementDriver.migrate(
      (r.enforcement as CaseRecord['enforcement'] | null) ?? openEnforcement(r.regime as Regime, r.handled_by as 'principal' | 'owner'),
    ),
    legalHold: (r.legal_hold as string | null) ?? null,
    anonymisedAt: (r.anonymised_at as Date | null) ?? null,
    handledBy: r.handled_by as CaseRecord['handledBy'],
    serious: r.serious as boolean,
    childIds: r.child_ids as string[],
    involvedUserIds: r.involved_user_ids as string[],
    openedBy: r.opened_by as string,
    source: r.source as string,
    concern: r.concern as string,
    occurredAt: r.occurred_at as Date | null,
    openedAt: r.opened_at as Date,
    closedAt: r.closed_at as Date | null,
    caseNumber: r.case_year ? caseNumberOf(r.case_year as number, r.case_seq as number) : null,
    depositedAt: (r.deposited_at as Date | null) ?? null,
    lastLink: r.last_seq ? { seq: r.last_seq as number, hash: r.last_hash as string } : null,
  };
}

/** A new case's row, column by column (without its id and number). */
function newCaseRow(rec: CaseRecord): Array<[column: string, value: unknown]> {
  return [
    ['owner_id', rec.ownerId],
    ['unit_id', rec.unitId],
    ['group_id', rec.groupId],
    ['regime', rec.regime],
    ['state', rec.state],
    ['version', rec.version],
    ['machine_version', rec.snapshot.machineVersion],
    ['snapshot', JSON.stringify(rec.snapshot)],
    ['handled_by', rec.handledBy],
    ['serious', rec.serious],
    ['child_ids', rec.childIds],
    ['involved_user_ids', rec.involvedUserIds],
    ['opened_by', rec.openedBy],
    ['source', rec.source],
    ['concern', rec.concern],
    ['occurred_at', rec.occurredAt],
    ['opened_at', rec.openedAt],
    ['closed_at', rec.closedAt],
    ['updated_at', rec.openedAt],
    ['bti', JSON.stringify(rec.bti)],
    ['enforcement', JSON.stringify(rec.enforcement)],
    ['legal_hold', rec.legalHold],
  ];
}
