import { SchoolCalendar, dueAt, DEFAULT_DEADLINE_POLICY, toOsloIso, osloInstant, osloDateOf } from '../src';

const cal = new SchoolCalendar();

describe('school calendar (Europe/Oslo, Norwegian public holidays)', () => {
  it.each([
    ['2027-01-01', 'New Year'],
    ['2027-03-25', 'Maundy Thursday'],
    ['2027-03-26', 'Good Friday'],
    ['2027-03-29', 'Easter Monday'],
    ['2027-05-01', '1 May'],
    ['2027-05-06', 'Ascension Day'],
    ['2027-05-17', '17 May (and Whit Monday in 2027)'],
    ['2026-05-25', 'Whit Monday 2026'],
    ['2026-12-25', 'Christmas Day'],
    ['2026-12-28', 'a Monday after Christmas is a school day', true],
    ['2027-12-24', 'Christmas Eve is not a public holiday (a Friday)', true],
  ])('%s (%s)', (date, _label, expected = false) => {
    expect(cal.isSchoolDay(date)).toBe(expected);
  });

  it('a weekend is never a school day', () => {
    expect(cal.isSchoolDay('2027-03-06')).toBe(false);
    expect(cal.isSchoolDay('2027-03-07')).toBe(false);
    expect(cal.isSchoolDay('2027-03-08')).toBe(true);
  });

  it('counts school days over Easter: Wednesday before Easter + 1 is Tuesday after Easter Monday', () => {
    expect(cal.addSchoolDays('2027-03-24', 1)).toBe('2027-03-30');
  });

  it('counts school days over 17 May and Ascension', () => {
    // 2027: Thu 6 May Ascension, Mon 17 May Constitution Day and Whit Monday.
    expect(cal.addSchoolDays('2027-05-05', 1)).toBe('2027-05-07');
    expect(cal.addSchoolDays('2027-05-14', 1)).toBe('2027-05-18');
    expect(cal.addSchoolDays('2027-05-12', 5)).toBe('2027-05-20');
  });

  it('counts over Christmas and New Year', () => {
    expect(cal.addSchoolDays('2026-12-23', 1)).toBe('2026-12-24');
    expect(cal.addSchoolDays('2026-12-24', 1)).toBe('2026-12-28');
    expect(cal.addSchoolDays('2026-12-31', 1)).toBe('2027-01-04');
  });

  it('skips an owner school holiday (skolerute) but not for working days', () => {
    const winterBreak = new SchoolCalendar([{ from: '2027-02-22', to: '2027-02-26', name: 'vinterferie' }]);
    expect(winterBreak.addSchoolDays('2027-02-19', 1)).toBe('2027-03-01');
    expect(winterBreak.isWorkingDay('2027-02-23')).toBe(true);
    expect(winterBreak.subtractSchoolDays('2027-03-01', 1)).toBe('2027-02-19');
    expect(winterBreak.onOrNextSchoolDay('2027-02-24')).toBe('2027-03-01');
  });

  it('converts Oslo wall-clock time across daylight saving time', () => {
    expect(osloInstant('2027-03-01', '16:00').toISOString()).toBe('2027-03-01T15:00:00.000Z');
    expect(osloInstant('2027-06-01', '16:00').toISOString()).toBe('2027-06-01T14:00:00.000Z');
    expect(toOsloIso(new Date('2027-06-01T14:00:00Z'))).toBe('2027-06-01T16:00:00+02:00');
    expect(osloDateOf(new Date('2027-03-01T23:30:00Z'))).toBe('2027-03-02');
  });
});

describe('deadline planner (policy defaults)', () => {
  const p = DEFAULT_DEADLINE_POLICY;
  const from = new Date('2027-03-24T10:00:00+01:00'); // Wednesday before Easter

  it('acknowledge by the end of the next school day, skipping Easter', () => {
    expect(toOsloIso(dueAt({ rule: 'acknowledge' }, from, p, cal))).toBe('2027-03-30T16:00:00+02:00');
  });
  it('a staff-offence report is acknowledged within 2 clock hours', () => {
    expect(dueAt({ rule: 'acknowledge_staff_offence' }, from, p, cal).toISOString()).toBe('2027-03-24T11:00:00.000Z');
  });
  it('investigation within 5 school days, plan within 5, approval within 2', () => {
    expect(toOsloIso(dueAt({ rule: 'investigation' }, from, p, cal))).toBe('2027-04-05T16:00:00+02:00');
    expect(toOsloIso(dueAt({ rule: 'plan' }, from, p, cal))).toBe('2027-04-05T16:00:00+02:00');
    expect(toOsloIso(dueAt({ rule: 'approval' }, from, p, cal))).toBe('2027-03-31T16:00:00+02:00');
  });
  it('an evaluation date falls due at the end of that day', () => {
    expect(toOsloIso(dueAt({ rule: 'on_date', date: '2027-05-17' }, from, p, cal))).toBe('2027-05-17T16:00:00+02:00');
  });
});
