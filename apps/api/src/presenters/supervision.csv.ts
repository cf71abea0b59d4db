import { stringify } from 'csv-stringify/sync';
import { OwnerSupervisionReport, UnitSupervisionReport } from '../../../../libs/cases/src';

/**
 * The supervision view as CSV (RFC 4180, UTF-8 with BOM so spreadsheet programs read æøå): one
 * row per case for a unit, one row per unit (and a total) for the owner. Nested fields become
 * dotted column names; lists are joined with "; ".
 */
function flatten(value: unknown, prefix = '', out: Record<string, unknown> = {}): Record<string, unknown> {
  if (Array.isArray(value)) {
    out[prefix] = value.map((v) => (v && typeof v === 'object' ? Object.values(v).join(' ') : String(v))).join('; ');
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) if (k !== 'label') flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out[prefix] = value === null || value === undefined ? '' : value;
  }
  return out;
}

const BOM = '\uFEFF';

export function unitSupervisionCsv(r: UnitSupervisionReport): string {
  return (
    BOM +
    stringify(
      r.cases.map((c) => flatten(c)),
      { header: true, cast: { boolean: (b) => String(b) } },
    )
  );
}

export function ownerSupervisionCsv(r: OwnerSupervisionReport): string {
  const rows = [
    ...r.units.map((u) => flatten({ unitId: u.unitId, unitName: u.unitName, regime: u.regime, ...u.totals })),
    flatten({ unitId: '', unitName: 'Totalt', regime: '', ...r.totals }),
  ];
  return BOM + stringify(rows, { header: true, cast: { boolean: (b) => String(b) } });
}
