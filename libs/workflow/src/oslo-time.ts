/**
 * Europe/Oslo wall-clock helpers. Deadlines are legal facts in Norwegian local time
 * (a school day ends in Oslo, not in UTC), so every conversion goes through here.
 * Uses the platform's Intl time-zone data; no clock is read.
 */
export const OSLO_TZ = 'Europe/Oslo';

/** A calendar date as `YYYY-MM-DD`. */
export type IsoDate = string;

const partsFormatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: OSLO_TZ,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** Oslo's wall clock as Intl reads it: the reference the cached conversion is tested against. */
export function intlOsloParts(instant: Date): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of partsFormatter.formatToParts(instant)) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return out;
}

/**
 * Oslo's offset changes only on the hour in UTC (daylight saving time starts and ends at 01:00
 * UTC), so it is looked up through Intl once per UTC hour and the wall clock is plain arithmetic
 * after that. `Intl.DateTimeFormat.formatToParts` was 3 % of a command's CPU (docs/benchmarks.md).
 */
const HOUR_MS = 3_600_000;
const offsetByHour = new Map<number, number>();

function cachedOffsetMinutes(instant: Date): number {
  const hour = Math.floor(instant.getTime() / HOUR_MS);
  let offset = offsetByHour.get(hour);
  if (offset === undefined) {
    const p = intlOsloParts(new Date(hour * HOUR_MS));
    offset = Math.round((Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - hour * HOUR_MS) / 60000);
    // A long-running process sees a few thousand hours a year; the bound only guards against odd callers.
    if (offsetByHour.size >= 100_000) offsetByHour.clear();
    offsetByHour.set(hour, offset);
  }
  return offset;
}

function osloParts(instant: Date): Record<string, number> {
  const local = new Date(Math.floor(instant.getTime() / 1000) * 1000 + cachedOffsetMinutes(instant) * 60000);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
  };
}

/** The Oslo calendar date an instant falls on. */
export function osloDateOf(instant: Date): IsoDate {
  const p = osloParts(instant);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** The Oslo calendar year of an instant (case and journal numbers follow it). */
export function osloYearOf(instant: Date): number {
  return Number(osloDateOf(instant).slice(0, 4));
}

/** Offset of Oslo from UTC in minutes at the given instant (60 in winter, 120 in summer). */
function osloOffsetMinutes(instant: Date): number {
  return cachedOffsetMinutes(instant);
}

/** The instant at which Oslo wall-clock time reads `date` `hh:mm`. */
export function osloInstant(date: IsoDate, hhmm: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = hhmm.split(':').map(Number);
  const naiveUtc = Date.UTC(y, m - 1, d, hh, mm, 0);
  // Two passes settle the offset also on the days daylight saving time changes.
  let guess = new Date(naiveUtc - osloOffsetMinutes(new Date(naiveUtc)) * 60000);
  guess = new Date(naiveUtc - osloOffsetMinutes(guess) * 60000);
  return guess;
}

/** The Oslo wall-clock time of an instant as `hh:mm`. */
export function osloTimeOf(instant: Date): string {
  const p = osloParts(instant);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

/** ISO 8601 with the Oslo offset, e.g. `2027-03-02T16:00:00+01:00`, for people reading deadlines. */
export function toOsloIso(instant: Date): string {
  const p = osloParts(instant);
  const off = osloOffsetMinutes(instant);
  const sign = off >= 0 ? '+' : '-';
  const abs = Math.abs(off);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return t.toISOString().slice(0, 10);
}

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  const [y, m, d] = date.split('-').map(Number);
  const wd = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return wd === 0 ? 7 : wd;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
