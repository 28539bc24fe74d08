import { describe, expect, it } from 'vitest';
import { addYears, isValidIsoDate } from './dates';

describe('calendar dates', () => {
  it('shifts by whole years, keeping 29 February only in leap years', () => {
    expect(addYears('2026-11-22', -18)).toBe('2008-11-22');
    expect(addYears('2028-02-29', -1)).toBe('2027-02-28');
    expect(addYears('2028-02-29', -4)).toBe('2024-02-29');
    for (let y = 1900; y < 2100; y++) expect(isValidIsoDate(addYears('2024-02-29', y - 2024))).toBe(true);
  });
});
