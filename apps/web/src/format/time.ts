import { inLanguage } from '../i18n/current';
/** Dates and times as people in Norway read them, always in Oslo time: "17. mai 2027 kl. 08.00". */
const formatters = (locale: string) => ({
  date: new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Oslo', day: 'numeric', month: 'long', year: 'numeric' }),
  time: new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Oslo', hour: '2-digit', minute: '2-digit' }),
  weekday: new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Oslo', weekday: 'long' }),
});
// Nynorsk has its own weekdays (måndag, tysdag …).
const FMT = inLanguage({ nb: formatters('nb-NO'), nn: formatters('nn-NO') });

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  // A bare date (YYYY-MM-DD) is a calendar day, not an instant: read it at noon so no zone moves it.
  const d = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T12:00:00Z`) : new Date(iso);
  return FMT.date.format(d);
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return `${FMT.date.format(d)} kl. ${FMT.time.format(d).replace(':', '.')}`;
}

/** "tirsdag 18. mai 2027 kl. 16.00" for deadlines: the weekday helps on a school day. */
export function formatDeadline(iso: string): string {
  return `${FMT.weekday.format(new Date(iso))} ${formatDateTime(iso)}`;
}

/** For datetime-local inputs: the local wall-clock time, minutes precision. */
export function nowForInput(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T${pad(now.getHours())}:${pad(now.getMinutes())}`;
}

/** A datetime-local value (wall clock of this browser) as an ISO instant with offset, which the API takes. */
export function inputToIso(value: string): string {
  return new Date(value).toISOString();
}
