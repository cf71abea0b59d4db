import { DataSource } from 'typeorm';
import { DEFAULT_DEADLINE_POLICY, DEFAULT_GUIDANCE, DeadlinePolicy, Guidance, HolidayRange, SchoolCalendar } from '../../workflow/src';
import {
  DEFAULT_OWNER_LANGUAGE,
  DEFAULT_RETENTION,
  OwnerLanguage,
  OwnerSettingsStore,
  PolicyProvider,
  RetentionPolicy,
  SchoolHolidayRecord,
  StoredPolicy,
} from '../../cases/src/ports';

type VersionedTable = 'deadline_policies' | 'owner_guidance' | 'owner_retention' | 'owner_language';

const HOLIDAY_COLUMNS = `id, owner_id, unit_id, to_char(from_date, 'YYYY-MM-DD') AS from_date,
  to_char(to_date, 'YYYY-MM-DD') AS to_date, name, created_by, created_at`;

/**
 * Per-owner deadline policy (append-only versions; the newest is in force) and school holidays.
 * Also the PolicyProvider every deadline is computed with.
 */
export class TypeormOwnerSettingsStore implements OwnerSettingsStore, PolicyProvider {
  constructor(protected readonly ds: DataSource) {}

  async currentPolicy(ownerId: string): Promise<StoredPolicy> {
    const { doc, changedBy, changedAt } = await this.current('deadline_policies', 'policy', ownerId, DEFAULT_DEADLINE_POLICY);
    return { policy: doc, changedBy, changedAt };
  }

  savePolicy(ownerId: string, policy: DeadlinePolicy, expectedVersion: number, by: string, at: Date): Promise<boolean> {
    return this.append('deadline_policies', 'policy', DEFAULT_DEADLINE_POLICY.version, ownerId, policy, expectedVersion, by, at);
  }

  async currentGuidance(ownerId: string): Promise<{ guidance: Guidance; changedBy: string | null; changedAt: Date | null }> {
    const { doc, changedBy, changedAt } = await this.current('owner_guidance', 'guidance', ownerId, DEFAULT_GUIDANCE);
    return { guidance: doc, changedBy, changedAt };
  }

  saveGuidance(ownerId: string, guidance: Guidance, expectedVersion: number, by: string, at: Date): Promise<boolean> {
    return this.append('owner_guidance', 'guidance', DEFAULT_GUIDANCE.version, ownerId, guidance, expectedVersion, by, at);
  }

  async currentRetention(ownerId: string): Promise<{ retention: RetentionPolicy; changedBy: string | null; changedAt: Date | null }> {
    const { doc, changedBy, changedAt } = await this.current('owner_retention', 'retention', ownerId, DEFAULT_RETENTION);
    return { retention: doc, changedBy, changedAt };
  }

  saveRetention(ownerId: string, retention: RetentionPolicy, expectedVersion: number, by: string, at: Date): Promise<boolean> {
    return this.append('owner_retention', 'retention', DEFAULT_RETENTION.version, ownerId, retention, expectedVersion, by, at);
  }

  async currentLanguage(ownerId: string): Promise<{ language: OwnerLanguage; changedBy: string | null; changedAt: Date | null }> {
    const { doc, changedBy, changedAt } = await this.current('owner_language', 'language', ownerId, DEFAULT_OWNER_LANGUAGE);
    return { language: doc, changedBy, changedAt };
  }

  saveLanguage(ownerId: string, language: OwnerLanguage, expectedVersion: number, by: string, at: Date): Promise<boolean> {
    return this.append('owner_language', 'language', DEFAULT_OWNER_LANGUAGE.version, ownerId, language, expectedVersion, by, at);
  }

  /** The setting in force: the newest version over the defaults (fields added later keep their default). */
  private async current<T extends { version: number }>(table: VersionedTable, column: string, ownerId: string, defaults: T) {
    const row = await this.latest(table, column, ownerId);
    if (!row) return { doc: defaults, changedBy: null, changedAt: null };
    return {
      doc: { ...defaults, ...row.doc, version: row.version } as T,
      changedBy: row.changedBy,
      changedAt: row.changedAt as Date | null,
    };
  }

  /** The newest version of an append-only owner setting (table and column are ours, never input). */
  private async latest(table: VersionedTable, column: string, ownerId: string) {
    const [row] = await this.ds.query(
      `SELECT ${column} AS doc, version, changed_by, changed_at FROM ${table} WHERE owner_id = $1 ORDER BY version DESC LIMIT 1`,
      [ownerId],
    );
    return row
      ? {
          doc: row.doc as object,
          version: row.version as number,
          changedBy: row.changed_by as string | null,
          changedAt: row.changed_at as Date,
        }
      : undefined;
  }

  /** Appends version expected + 1; the primary key (owner_id, version) lets only one of two concurrent changes win. */
  private async append(
    table: VersionedTable,
    column: string,
    defaultVersion: number,
    ownerId: string,
    doc: object,
    expectedVersion: number,
    by: string,
    at: Date,
  ): Promise<boolean> {
    const rows = await this.ds.query(
      `INSERT INTO ${table} (owner_id, version, ${column}, changed_by, changed_at)
       SELECT $1, $2 + 1, $3, $4, $5
       WHERE coalesce((SELECT max(version) FROM ${table} WHERE owner_id = $1), ${defaultVersion}) = $2
       ON CONFLICT DO NOTHING RETURNING version`,
      [ownerId, expectedVersion, JSON.stringify({ ...doc, version: expectedVersion + 1 }), by, at],
    );
    return rows.length === 1;
  }

  async policyFor(ownerId: string): Promise<DeadlinePolicy> {
    return (await this.currentPolicy(ownerId)).policy;
  }

  async calendarFor(ownerId: string, unitId: string): Promise<SchoolCalendar> {
    return new SchoolCalendar(await this.holidayRanges(ownerId, unitId));
  }

  /** The owner's school holidays that apply to the unit (the owner's own and the unit's). */
  protected async holidayRanges(ownerId: string, unitId: string): Promise<HolidayRange[]> {
    const rows = await this.ds.query(
      `SELECT ${HOLIDAY_COLUMNS} FROM school_holidays WHERE owner_id = $1 AND (unit_id IS NULL OR unit_id = $2)`,
      [ownerId, unitId],
    );
    return rows.map((r: Record<string, string>) => ({ from: r.from_date, to: r.to_date, name: r.name }));
  }

  async holidays(ownerId: string): Promise<SchoolHolidayRecord[]> {
    const rows = await this.ds.query(`SELECT ${HOLIDAY_COLUMNS} FROM school_holidays WHERE owner_id = $1 ORDER BY from_date, name`, [
      ownerId,
    ]);
    return rows.map((r: Record<string, unknown>) => ({
      id: r.id as string,
      ownerId: r.owner_id as string,
      unitId: r.unit_id as string | null,
      from: r.from_date as string,
      to: r.to_date as string,
      name: r.name as string,
      createdBy: r.created_by as string | null,
      createdAt: r.created_at as Date,
    }));
  }

  async addHolidays(recs: SchoolHolidayRecord[]): Promise<void> {
    await this.ds.transaction(async (m) => {
      for (const h of recs) {
        await m.query(
          `INSERT INTO school_holidays (id, owner_id, unit_id, from_date, to_date, name, created_by, created_at)
           VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`,
          [h.id, h.ownerId, h.unitId, h.from, h.to, h.name, h.createdBy, h.createdAt],
        );
      }
    });
  }

  async removeHoliday(ownerId: string, id: string): Promise<boolean> {
    const [, affected] = await this.ds.query('DELETE FROM school_holidays WHERE owner_id = $1 AND id = $2', [ownerId, id]);
    return affected === 1;
  }
}
