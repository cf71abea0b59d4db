import { serviceLabel } from '../commands/command-forms';
import { formatDateTime } from '../format/time';
import { MEASURE_STATUS_LABEL, outcomeLabel } from '../app/words';
import type { MessageKey } from '../i18n/nb';
import { tr } from '../i18n/translate';

/** The payload fields a stafettlogg entry can carry, each with its label; others are shown as they came. */
const FIELDS = [
  'level',
  'decision',
  'toLevel',
  'services',
  'service',
  'userId',
  'measureId',
  'givenBy',
  'refusedBy',
  'form',
  'scope',
  'givenAt',
  'expiresAt',
  'participants',
  'question',
  'anonymous',
  'anonymousSummary',
  'outcome',
  'status',
  'summary',
  'childVoice',
  'reason',
  'note',
  'text',
  'nextEvaluationAt',
] as const;
type Field = (typeof FIELDS)[number];
const DATES = new Set<string>(['givenAt', 'expiresAt', 'nextEvaluationAt']);
/** A BTI decision in the words of the forms that make it (BTI_DECIDE's levels, BTI_EVALUATE's choices). */
const DECISION: Record<string, MessageKey> = {
  close: 'cmd.BTI_EVALUATE.close',
  level1: 'bti.level.1',
  level2: 'bti.level.2',
  level3: 'bti.level.3',
  continue: 'cmd.BTI_EVALUATE.continue',
  change_level: 'cmd.BTI_EVALUATE.change_level',
};
const FORM: Record<string, MessageKey> = { written: 'cmd.RECORD_CONSENT.written', oral: 'cmd.RECORD_CONSENT.oral' };

/** Fields whose value is a code, shown in the words the rest of the app uses for it. */
const CODED: Partial<Record<Field, (code: string) => string | undefined>> = {
  decision: (c) => (DECISION[c] ? tr(DECISION[c]) : undefined),
  outcome: (c) => outcomeLabel(c),
  status: (c) => MEASURE_STATUS_LABEL[c],
  form: (c) => (FORM[c] ? tr(FORM[c]) : undefined),
};

/** Who and which measure an entry names, by the names the page knows. */
export interface DetailNames {
  person(id: string | null): string;
  measure(id: string): string;
}

/** One line per field of a stafettlogg entry, in the chosen language, in a fixed order. */
export function detailLines(details: Record<string, unknown>, names: DetailNames): string[] {
  const known = FIELDS.filter((k) => present(details[k])).map((k) => `${tr(`btilog.field.${k}`)}: ${valueOf(k, details[k], names)}`);
  const other = Object.entries(details)
    .filter(([k, v]) => !(FIELDS as readonly string[]).includes(k) && present(v) && typeof v !== 'object')
    .map(([k, v]) => `${k}: ${String(v)}`);
  return [...known, ...other];
}

const present = (v: unknown) => v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0);

function valueOf(k: Field, v: unknown, names: DetailNames): string {
  if (k === 'userId') return names.person(String(v));
  if (k === 'measureId') return names.measure(String(v));
  if (k === 'service') return serviceLabel(String(v));
  if (k === 'services') return (v as string[]).map(serviceLabel).join(', ');
  if (k === 'anonymous') return tr(v ? 'omni.yes' : 'omni.no');
  if (DATES.has(k)) return formatDateTime(String(v));
  if (Array.isArray(v)) return v.join(', ');
  return CODED[k]?.(String(v)) ?? String(v);
}
