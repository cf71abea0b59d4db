import { DataSource } from 'typeorm';

/** Whether the demo cases were made already (they are made once, on the first start). */
export async function demoCasesExist(ds: DataSource): Promise<boolean> {
  const rows: unknown[] = await ds.query(`SELECT 1 FROM cases WHERE demo LIMIT 1`);
  return rows.length > 0;
}

export async function markDemoCases(ds: DataSource, caseIds: string[]): Promise<void> {
  await ds.query(`UPDATE cases SET demo = true WHERE id = ANY($1::uuid[])`, [caseIds]);
}
