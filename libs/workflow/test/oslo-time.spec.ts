import { intlOsloParts, osloDateOf, osloInstant, osloTimeOf, toOsloIso } from '../src/oslo-time';

const pad = (n: number) => String(n).padStart(2, '0');

/** What Intl says, written the way each helper writes it. */
function fromIntl(instant: Date) {
  const p = intlOsloParts(instant);
  const offset = Math.round(
    (Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(instant.getTime() / 1000) * 1000) / 60000,
  );
  return {
    date: `${p.year}-${pad(p.month)}-${pad(p.day)}`,
    time: `${pad(p.hour)}:${pad(p.minute)}`,
    iso: `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}+${pad(offset / 60)}:00`,
  };
}

describe('Oslo time, cached per UTC hour, against Intl', () => {
  it('agrees with Intl every 21 minutes and 41 seconds from 2024 to 2030', () => {
    const end = Date.UTC(2031, 0, 1);
    let checked = 0;
    const wrong: string[] = [];
    for (let t = Date.UTC(2024, 0, 1, 0, 0, 7); t < end; t += 1_301_000) {
      const at = new Date(t);
      const want = fromIntl(at);
      if (osloDateOf(at) !== want.date || osloTimeOf(at) !== want.time || toOsloIso(at) !== want.iso) wrong.push(at.toISOString());
      checked++;
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(150_000);
  });

  it('agrees minute by minute across every DST change of 2024–2030', () => {
    for (let year = 2024; year <= 2030; year++) {
      // Last Sunday of March and of October, at 01:00 UTC.
      for (const month of [2, 9]) {
        const lastDay = new Date(Date.UTC(year, month + 1, 0));
        const change = Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
        for (let t = change - 3 * 3_600_000; t <= change + 3 * 3_600_000; t += 60_000) {
          const at = new Date(t);
          expect({ date: osloDateOf(at), time: osloTimeOf(at), iso: toOsloIso(at) }).toEqual(fromIntl(at));
        }
      }
    }
  });

  it('osloInstant finds the wall-clock time on both sides of a change, and 02:30 on the spring day moves on', () => {
    expect(toOsloIso(osloInstant('2027-03-27', '16:00'))).toBe('2027-03-27T16:00:00+01:00');
    expect(toOsloIso(osloInstant('2027-03-29', '16:00'))).toBe('2027-03-29T16:00:00+02:00');
    expect(toOsloIso(osloInstant('2027-10-31', '16:00'))).toBe('2027-10-31T16:00:00+01:00');
    expect(osloTimeOf(osloInstant('2027-03-28', '02:30'))).toBe('03:30');
  });
});
