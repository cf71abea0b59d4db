import { DEFAULT_DEADLINE_POLICY, DeadlineSchedule, nextStep, osloInstant, scheduleFor, SchoolCalendar, toOsloIso } from '../src';

const iso = (s: DeadlineSchedule) => Object.fromEntries(Object.entries(s).map(([k, v]) => [k, v ? toOsloIso(v) : null]));
const cal = new SchoolCalendar();

describe('the step schedule of a deadline (policy: remind 1 school day before, escalate 1 and 3 school days after)', () => {
  it('counts school days across Easter and the switch to summer time', () => {
    const due = osloInstant('2027-03-30', '16:00'); // Tuesday after Easter Monday
    const s = scheduleFor('acknowledge', due, new Date('2027-03-24T09:00:00+01:00'), DEFAULT_DEADLINE_POLICY, cal);
    expect(iso(s)).toEqual({
      remind: '2027-03-24T16:00:00+01:00', // Wednesday: Maundy Thursday to Easter Monday are no school days
      start_evaluation: null,
      overdue: '2027-03-30T16:00:00+02:00',
      escalate_principal: '2027-03-31T16:00:00+02:00',
      escalate_owner: '2027-04-02T16:00:00+02:00',
    });
  });

  it('skips 17 May (Whit Monday too in 2027) and starts the evaluation at the start of the plan date', () => {
    const due = osloInstant('2027-05-18', '16:00');
    const s = scheduleFor('plan_evaluation', due, new Date('2027-04-01T10:00:00+02:00'), DEFAULT_DEADLINE_POLICY, cal);
    expect(iso(s)).toMatchObject({
      remind: '2027-05-14T16:00:00+02:00',
      start_evaluation: '2027-05-18T00:00:00+02:00',
      escalate_principal: '2027-05-19T16:00:00+02:00',
      escalate_owner: '2027-05-21T16:00:00+02:00',
    });
    // Ascension Day 6 May 2027 lies between: escalation from 5 May skips it.
    const before = scheduleFor(
      'investigation',
      osloInstant('2027-05-05', '16:00'),
      new Date('2027-04-28T10:00:00+02:00'),
      DEFAULT_DEADLINE_POLICY,
      cal,
    );
    expect(toOsloIso(before.escalate_principal!)).toBe('2027-05-07T16:00:00+02:00');
  });

  it('owner school holidays count like public holidays', () => {
    const winterBreak = new SchoolCalendar([{ from: '2027-03-01', to: '2027-03-05', name: 'Vinterferie' }]);
    const s = scheduleFor(
      'plan',
      osloInstant('2027-03-08', '16:00'),
      new Date('2027-02-20T10:00:00+01:00'),
      DEFAULT_DEADLINE_POLICY,
      winterBreak,
    );
    expect(toOsloIso(s.remind!)).toBe('2027-02-26T16:00:00+01:00');
  });

  it('no reminder that would come before the deadline existed, or when the policy says 0', () => {
    const due = new Date('2027-03-01T11:30:00+01:00'); // staff offence: 2 hours
    expect(scheduleFor('acknowledge', due, new Date('2027-03-01T09:30:00+01:00'), DEFAULT_DEADLINE_POLICY, cal).remind).toBeNull();
    const noReminders = { ...DEFAULT_DEADLINE_POLICY, reminderSchoolDaysBefore: 0 };
    expect(
      scheduleFor('plan', osloInstant('2027-03-10', '16:00'), new Date('2027-03-01T09:30:00+01:00'), noReminders, cal).remind,
    ).toBeNull();
  });

  it('keeps the owner after the principal even when both are set to the same day', () => {
    const flat = { ...DEFAULT_DEADLINE_POLICY, escalateToPrincipalSchoolDays: 2, escalateToOwnerSchoolDays: 2 };
    const s = scheduleFor('plan', osloInstant('2027-03-10', '16:00'), new Date('2027-03-01T09:30:00+01:00'), flat, cal);
    expect(s.escalate_owner!.getTime()).toBeGreaterThan(s.escalate_principal!.getTime());
  });

  it('nextStep walks the steps in order and skips those that do not apply', () => {
    const s = scheduleFor(
      'acknowledge',
      osloInstant('2027-03-30', '16:00'),
      new Date('2027-03-24T09:00:00+01:00'),
      DEFAULT_DEADLINE_POLICY,
      cal,
    );
    const at = new Date();
    expect(nextStep(s, {})).toBe('remind');
    expect(nextStep(s, { remind: at })).toBe('overdue');
    expect(nextStep(s, { remind: at, overdue: at })).toBe('escalate_principal');
    expect(nextStep(s, { remind: at, overdue: at, escalate_principal: at, escalate_owner: at })).toBeNull();
    expect(nextStep({ ...s, remind: null }, {})).toBe('overdue');
  });
});
