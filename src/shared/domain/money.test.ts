import { describe, expect, it } from 'vitest';
import { formatYuan, parseYuan } from './money';

describe('money in fen', () => {
  it('shows yuan with two decimals and thousands separators', () => {
    expect(formatYuan(120050)).toBe('1,200.50');
    expect(formatYuan(5)).toBe('0.05');
    expect(formatYuan(-3000)).toBe('-30.00');
    expect(formatYuan(123456789012)).toBe('1,234,567,890.12');
    expect(formatYuan(-100000)).toBe('-1,000.00');
    expect(formatYuan(99999)).toBe('999.99');
  });
  it('reads amounts as clerks type them, exactly', () => {
    expect(parseYuan('1,200.00')).toBe(120000);
    expect(parseYuan('100元')).toBe(10000);
    expect(parseYuan('０.１')).toBe(10);
    expect(parseYuan('0.29')).toBe(29);
    expect(parseYuan('12.345')).toBeNull();
    expect(parseYuan('abc')).toBeNull();
  });
});
