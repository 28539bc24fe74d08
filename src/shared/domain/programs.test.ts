import { describe, expect, it } from 'vitest';
import { exclusiveConflict, gaolingBand, isHouseholdProgram, PROGRAMS } from './programs';
import { standardInForce, standardItemFor, STANDARD_ITEMS } from './standards';

describe('rules between programs', () => {
  it('makes 低保/特困 and 孤儿/事实无人抚养儿童 exclusive, in either order, and nothing else', () => {
    const pairs = PROGRAMS.flatMap((a) => PROGRAMS.map((b) => [a, b] as const)).filter(([a, b]) => exclusiveConflict(a, b));
    expect(pairs).toEqual([
      ['dibao', 'tekun'],
      ['tekun', 'dibao'],
      ['orphan', 'de_facto_orphan'],
      ['de_facto_orphan', 'orphan'],
    ]);
  });

  it('bands 高龄津贴 at 80, 90 and 100', () => {
    expect([79, 80, 89, 90, 99, 100, 105].map(gaolingBand)).toEqual([null, '80', '80', '90', '90', '100', '100']);
  });

  it('picks an existing standard item for every program that has one', () => {
    const items = new Set(STANDARD_ITEMS.map((s) => s.item));
    for (const hukou of ['urban', 'rural'] as const) {
      expect(items.has(standardItemFor('dibao', null, hukou)!)).toBe(true);
      expect(items.has(standardItemFor('tekun', 'home', hukou)!)).toBe(true);
    }
    for (const band of ['80', '90', '100']) expect(items.has(standardItemFor('gaoling', band, 'rural')!)).toBe(true);
    expect(standardItemFor('orphan', 'institution', 'rural')).toBe('orphan_institution');
    expect(standardItemFor('child_care', 'left_behind', 'rural')).toBeNull();
    expect(isHouseholdProgram('dibao') && !isHouseholdProgram('tekun')).toBe(true);
  });
});

describe('the standard in force', () => {
  it('is the latest version effective on or before the date', () => {
    const versions = [
      { item: 'dibao_rural', effectiveFrom: '2020-01-01' },
      { item: 'dibao_rural', effectiveFrom: '2026-07-01' },
      { item: 'dibao_urban', effectiveFrom: '2026-01-01' },
    ];
    expect(standardInForce(versions, 'dibao_rural', '2026-06-30')?.effectiveFrom).toBe('2020-01-01');
    expect(standardInForce(versions, 'dibao_rural', '2026-07-01')?.effectiveFrom).toBe('2026-07-01');
    expect(standardInForce(versions, 'dibao_urban', '2025-12-31')).toBeUndefined();
  });
});
