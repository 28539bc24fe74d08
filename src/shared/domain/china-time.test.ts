import { describe, expect, it } from 'vitest';
import { chinaDateTime, chinaDayEnd, chinaDayStart } from './china-time';

describe('China time', () => {
  it('bounds a China day in UTC instants, across month and year ends', () => {
    expect(chinaDayStart('2026-11-21')).toBe('2026-11-20T16:00:00.000Z');
    expect(chinaDayEnd('2026-11-21')).toBe('2026-11-21T16:00:00.000Z');
    expect(chinaDayStart('2027-01-01')).toBe('2026-12-31T16:00:00.000Z');
    expect(chinaDayEnd('2026-02-28')).toBe('2026-02-28T16:00:00.000Z');
  });

  it('shows a stored instant as China date and time, whatever the zone it was written in', () => {
    expect(chinaDateTime('2026-11-20T16:10:00.000Z')).toBe('2026-11-21 00:10:00');
    expect(chinaDateTime('2026-11-21T00:10:00+08:00')).toBe('2026-11-21 00:10:00');
    expect(chinaDateTime('not a date')).toBe('not a date');
  });
});
