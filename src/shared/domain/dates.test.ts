import { describe, expect, it } from 'vitest';
import { addDays, addYears, ageOn, daysInMonth, isValidIsoDate, lastDayOf, latestBirthForAge } from './dates';

describe('calendar dates', () => {
  it('finds who has reached an age by comparing birth dates as text, as ageOn counts', () => {
    const on = ['2026-02-28', '2024-02-29', '2026-03-01', '2026-12-31'];
    for (const day of on) {
      for (let birth = '1924-01-01'; birth < '1948-12-31'; birth = addDays(birth, 13)) {
        for (const age of [80, 90, 100]) expect(birth <= latestBirthForAge(day, age)).toBe(ageOn(birth, day) >= age);
      }
      expect(ageOn('1936-02-29', day) >= 90).toBe('1936-02-29' <= latestBirthForAge(day, 90));
    }
  });

  it('counts whole years, the birthday itself reached, a 29 February birthday on 1 March of other years', () => {
    expect(ageOn('1948-03-02', '2026-03-01')).toBe(77);
    expect(ageOn('1948-03-02', '2026-03-02')).toBe(78);
    expect(ageOn('1948-12-31', '2026-01-01')).toBe(77);
    expect(ageOn('1948-01-01', '2026-12-31')).toBe(78);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
    expect(ageOn('2026-11-23', '2026-11-23')).toBe(0);
    // An instant counts by its date.
    expect(ageOn('1948-11-23', '2026-11-23T08:00:00.000Z')).toBe(78);
  });

  it('knows the last day of a month, leap years included', () => {
    expect(['2024-02', '2026-02', '2026-04', '2026-12'].map(lastDayOf)).toEqual(['2024-02-29', '2026-02-28', '2026-04-30', '2026-12-31']);
  });

  it('shifts by whole years, keeping 29 February only in leap years', () => {
    expect(addYears('2026-11-22', -18)).toBe('2008-11-22');
    expect(addYears('2028-02-29', -1)).toBe('2027-02-28');
    expect(addYears('2028-02-29', -4)).toBe('2024-02-29');
    for (let y = 1900; y < 2100; y++) expect(isValidIsoDate(addYears('2024-02-29', y - 2024))).toBe(true);
  });

  it('counts the days of every month of the Gregorian calendar, leap centuries included', () => {
    for (let y = 1600; y <= 2400; y++) for (let m = 1; m <= 12; m++) expect(daysInMonth(y, m)).toBe(new Date(Date.UTC(y, m, 0)).getUTCDate());
    expect([1900, 2000, 2024, 2026].map((y) => isValidIsoDate(`${y}-02-29`))).toEqual([false, true, true, false]);
  });

  it('takes only YYYY-MM-DD of ASCII digits as a date', () => {
    expect(['2026-11-30', '0001-01-01', '2026-12-31'].map(isValidIsoDate)).toEqual([true, true, true]);
    const wrong = ['2026-11-31', '2026-13-01', '2026-00-10', '2026-11-00', '2026-1-05', '2026/11/05', '20261105', '2026-11-05 ', ' 2026-11-05', '２０２６-11-05', '2026-1a-05', '-026-11-05', '2026-11-0５', ''];
    expect(wrong.filter(isValidIsoDate)).toEqual([]);
  });
});
