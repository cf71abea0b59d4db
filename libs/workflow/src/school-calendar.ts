import Holidays from 'date-holidays';
import { addDays, isoWeekday, IsoDate } from './oslo-time';

/**
 * Which days count as school days (skoledager) and working days in Europe/Oslo.
 *
 * Norwegian public holidays (helligdager and offentlige høytidsdager, lov om 1. og 17. mai
 * som høgtidsdager) are never school days: New Year's Day, Maundy Thursday, Good Friday,
 * Easter Monday, 1 May, 17 May, Ascension Day, Whit Monday, Christmas Day and Boxing Day
 * (the Sundays among them fall on weekends anyway). Owners may add their own school
 * holidays (skolerute) as date ranges; they apply to school days only.
 */
export interface HolidayRange {
  from: IsoDate;
  to: IsoDate;
  name?: string;
}

const norway = new Holidays('NO');
const publicHolidayCache = new Map<number, Map<IsoDate, string>>();

function publicHolidaysOf(year: number): Map<IsoDate, string> {
  let days = publicHolidayCache.get(year);
  if (!days) {
    days = new Map();
    for (const h of norway.getHolidays(year)) {
      if (h.type === 'public') days.set(h.date.slice(0, 10), h.name);
    }
    publicHolidayCache.set(year, days);
  }
  return days;
}

export class SchoolCalendar {
  constructor(private readonly schoolHolidays: readonly HolidayRange[] = []) {}

  /** The name of the public holiday on that date, or undefined. */
  publicHoliday(date: IsoDate): string | undefined {
    return publicHolidaysOf(Number(date.slice(0, 4))).get(date);
  }

  isWorkingDay(date: IsoDate): boolean {
    return isoWeekday(date) <= 5 && this.publicHoliday(date) === undefined;
  }

  isSchoolDay(date: IsoDate): boolean {
    return this.isWorkingDay(date) && !this.schoolHolidays.some((r) => date >= r.from && date <= r.to);
  }

  /** The n-th school day after `date` (not counting `date` itself); n >= 1. */
  addSchoolDays(date: IsoDate, n: number): IsoDate {
    let d = date;
    let left = n;
    while (left > 0) {
      d = addDays(d, 1);
      if (this.isSchoolDay(d)) left--;
    }
    return d;
  }

  /** The n-th school day before `date` (not counting `date` itself); n >= 1. */
  subtractSchoolDays(date: IsoDate, n: number): IsoDate {
    let d = date;
    let left = n;
    while (left > 0) {
      d = addDays(d, -1);
      if (this.isSchoolDay(d)) left--;
    }
    return d;
  }

  /** `date` itself when it is a school day, otherwise the next one. */
  onOrNextSchoolDay(date: IsoDate): IsoDate {
    return this.isSchoolDay(date) ? date : this.addSchoolDays(date, 1);
  }
}
