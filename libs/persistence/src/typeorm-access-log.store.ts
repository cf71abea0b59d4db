import { DataSource } from 'typeorm';
import { AccessEntry, AccessLog } from '../../cases/src/ports';

/** The access log in PostgreSQL: one row per read (or refused write) of a case. */
export class TypeormAccessLog implements AccessLog {
  constructor(private readonly ds: DataSource) {}

  async record(entries: AccessEntry[]): Promise<void> {
    if (!entries.length) return;
    await this.ds.query(
      `INSERT INTO access_log (owner_id, unit_id, case_id, user_id, role, kind, detail, purpose, at)
       SELECT x.owner_id, x.unit_id, x.case_id, x.user_id, x.role, x.kind, x.detail, x.purpose, x.at
       FROM jsonb_to_recordset($1::jsonb) AS x(owner_id uuid, unit_id uuid, case_id uuid, user_id uuid, role text, kind text,
            detail text, purpose text, at timestamptz)`,
      [
        JSON.stringify(
          entries.map((e) => ({
            owner_id: e.ownerId,
            unit_id: e.unitId,
            case_id: e.caseId,
            user_id: e.userId,
            role: e.role,
            kind: e.kind,
            detail: e.detail,
            purpose: e.purpose,
            at: e.at.toISOString(),
          })),
        ),
      ],
    );
  }

  async forCase(caseId: string): Promise<AccessEntry[]> {
    const rows = await this.ds.query('SELECT * FROM access_log WHERE case_id = $1 ORDER BY at, id', [caseId]);
    return rows.map((r: Record<string, unknown>) => ({
      ownerId: r.owner_id as string,
      unitId: r.unit_id as string | null,
      caseId: r.case_id as string | null,
      userId: r.user_id as string,
      role: r.role as string,
      kind: r.kind as AccessEntry['kind'],
      detail: r.detail as string | null,
      purpose: r.purpose as string | null,
      at: r.at as Date,
    }));
  }
}
