import { describe, expect, it } from 'vitest';
import { crossingsBetween, overdueTransitions } from './age-events';
import { ageOn, dateOfAge } from './dates';

describe('age events from the birth date', () => {
  it('finds exactly the lines crossed in a window, on the birthday itself', () => {
    expect(crossingsBetween('2008-12-01', '2026-11-22', '2026-12-22')).toEqual([{ line: 18, date: '2026-12-01' }]);
    expect(crossingsBetween('2008-11-22', '2026-11-22', '2026-12-22')).toEqual([]); // already 18 today
    expect(crossingsBetween('1946-12-22', '2026-11-22', '2026-12-22')).toEqual([{ line: 80, date: '2026-12-22' }]);
    expect(crossingsBetween('1926-01-05', '2025-12-31', '2026-01-31')).toEqual([{ line: 100, date: '2026-01-05' }]);
  });

  it('puts a 29 February birthday on 1 March in common years', () => {
    expect(dateOfAge('2008-02-29', 18)).toBe('2026-03-01');
    expect(dateOfAge('2008-02-29', 16)).toBe('2024-02-29');
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
  });

  it('agrees with ageOn for every day of two years around each line', () => {
    for (const birth of ['1946-03-15', '2010-07-31', '1926-12-31']) {
      let day = '2024-01-01';
      for (let i = 0; i < 730; i++) {
        const next = new Date(`${day}T00:00:00Z`);
        next.setUTCDate(next.getUTCDate() + 1);
        const to = next.toISOString().slice(0, 10);
        const crossed = crossingsBetween(birth, day, to).map((c) => c.line);
        const before = ageOn(birth, day);
        const after = ageOn(birth, to);
        expect(crossed.length).toBe([16, 18, 60, 80, 90, 100].filter((l) => before < l && after >= l).length);
        day = to;
      }
    }
  });

  it('flags who crossed a line but is still in the old category', () => {
    const today = '2026-11-22';
    expect(overdueTransitions('2010-01-01', today, [{ program: 'child_care', category: 'left_behind' }])).toEqual([
      { line: 16, message: '已满 16 周岁（16 岁），仍在农村留守儿童台账中' },
    ]);
    expect(overdueTransitions('2011-01-01', today, [{ program: 'child_care', category: 'left_behind' }])).toEqual([]);
    expect(overdueTransitions('2008-06-01', today, [{ program: 'orphan', category: 'home' }])[0]?.line).toBe(18);
    expect(overdueTransitions('1935-06-01', today, [{ program: 'gaoling', category: '80' }])[0]?.message).toBe('现年 91 岁，高龄津贴仍按 80 档发放，应调至 90 档');
    expect(overdueTransitions('1944-06-01', today, [{ program: 'gaoling', category: '80' }])).toEqual([]);
  });
});
