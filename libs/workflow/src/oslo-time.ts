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

function osloParts(instant: Date): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of partsFormatter.formatToParts(instant)) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return out;
}

/** The Oslo calendar date an instant falls on. */
export function osloDateOf(instant: Date): IsoDate {
  const p = osloParts(instant);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** Offset of Oslo from UTC in minutes at the given instant (60 in winter, 120 in summer). */
function osloOffsetMinutes(instant: Date): number {
  const p = osloParts(instant);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
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
