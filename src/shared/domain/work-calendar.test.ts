import { describe, expect, it } from 'vitest';
import { OFFICIAL_CALENDAR } from './official-calendar';
import { WorkCalendar } from './work-calendar';
import { addDays } from './dates';

const official = new WorkCalendar(OFFICIAL_CALENDAR.map(([date, kind, name]) => ({ date, kind, name })));

describe('working days by the official calendar', () => {
  it('knows the 2026 Spring Festival: nine days off and two make-up Saturdays', () => {
    for (let d = '2026-02-15'; d <= '2026-02-23'; d = addDays(d, 1)) expect(official.isWorkingDay(d)).toBe(false);
    expect(official.isWorkingDay('2026-02-14')).toBe(true); // Saturday, 调休
    expect(official.isWorkingDay('2026-02-28')).toBe(true); // Saturday, 调休
    expect(official.isWorkingDay('2026-02-24')).toBe(true);
    // A file received on Friday 13 February: 3 working days = Sat 14 (调休), Tue 24, Wed 25.
    expect(official.addWorkingDays('2026-02-13', 3)).toBe('2026-02-25');
    // 10 working days to confirm from Tuesday 10 February: 11, 12, 13, 14 (调休), 24, 25, 26, 27, 28 (调休), 2 March.
    expect(official.addWorkingDays('2026-02-10', 10)).toBe('2026-03-02');
  });

  it('knows National Day 2025 (1–8 October off, 28 September and 11 October worked)', () => {
    expect(official.isWorkingDay('2025-09-28')).toBe(true);
    expect(official.isWorkingDay('2025-10-08')).toBe(false);
    expect(official.isWorkingDay('2025-10-11')).toBe(true);
    expect(official.addWorkingDays('2025-09-30', 1)).toBe('2025-10-09');
    expect(official.workingDaysBetween('2025-09-26', '2025-10-13')).toBe(7); // 28, 29, 30 Sep; 9, 10, 11, 13 Oct
  });

  it('counts ordinary weeks without special days, and covers only known years', () => {
    const plain = new WorkCalendar([]);
    expect(plain.addWorkingDays('2027-03-05', 5)).toBe('2027-03-12'); // Fri + 5 working days
    expect(plain.workingDaysBetween('2027-03-12', '2027-03-05')).toBe(-5);
    expect(official.covers(2026)).toBe(true);
    expect(official.covers(2027)).toBe(false);
    expect(new WorkCalendar([{ date: '2027-01-01', kind: 'holiday', name: '元旦' }]).covers(2027)).toBe(false);
    expect(new WorkCalendar([{ date: '2027-02-06', kind: 'holiday', name: '春节' }]).covers(2027)).toBe(true);
  });

  it('agrees between adding and counting for every start day of 2025–2026', () => {
    for (let d = '2025-01-01'; d <= '2026-12-01'; d = addDays(d, 1)) {
      const due = official.addWorkingDays(d, 10);
      expect(official.workingDaysBetween(d, due)).toBe(10);
      expect(official.isWorkingDay(due)).toBe(true);
    }
  });
});
