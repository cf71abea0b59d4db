import type { Schemas } from '../api/client';
import { tr } from '../i18n/translate';
/** The supervision report's totals and one unit's row, as the API describes them. */
export type SupervisionTotals = Schemas['SupervisionTotalsDto'];
export type UnitTotals = Schemas['OwnerUnitTotalsDto'];
type Ratio = Schemas['RatioDto'];

/** "3 av 4", or a dash when the question applies to no case yet. */
export function ratioText(r: Ratio): string {
  return r.of === 0 ? '–' : tr('owner.ratio', { yes: r.yes, of: r.of });
}

/** The same report as CSV (the API answers `Accept: text/csv`), saved as a file. */
export async function downloadCsv(path: string, filename: string): Promise<void> {
  const res = await fetch(path, { headers: { Accept: 'text/csv' }, credentials: 'same-origin' });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  URL.revokeObjectURL(url);
}
