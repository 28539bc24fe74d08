import { describe, expect, it } from 'vitest';
import { newId } from './ids';

describe('newId', () => {
  it('gives unique, increasing ULIDs whose random part uses the whole alphabet, past many refills of its pool', () => {
    const ids = Array.from({ length: 50_000 }, () => newId());
    expect(ids.every((id) => /^[0-9A-HJKMNP-TV-Z]{26}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id, i) => i === 0 || id > ids[i - 1]!)).toBe(true);
    // The 16 random characters of the first ID of each millisecond: 32 symbols, roughly evenly drawn.
    const firsts = ids.filter((id, i) => i === 0 || id.slice(0, 10) !== ids[i - 1]!.slice(0, 10));
    const counts = new Map<string, number>();
    for (const id of firsts) for (const ch of id.slice(10, 25)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    expect(counts.size).toBe(32);
  });
});
