import { afterEach, describe, expect, it, vi } from 'vitest';
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

  afterEach(() => vi.restoreAllMocks());

  it('counts on within one millisecond, carrying across the random part, and when the clock goes back', () => {
    const at = Date.now() + 3_600_000;
    const now = vi.spyOn(Date, 'now').mockReturnValue(at);
    let previous = newId();
    const first = previous;
    // More than 32^4 IDs: the count carries past the last four characters into the twelve before them.
    for (let i = 0; i < 1_100_000; i++) {
      const id = newId();
      if (!(id > previous)) throw new Error(`${id} after ${previous}`);
      previous = id;
    }
    expect(previous.slice(0, 10)).toBe(first.slice(0, 10));
    expect(previous.slice(10, 22)).not.toBe(first.slice(10, 22));
    now.mockReturnValue(at - 60_000);
    expect(newId() > previous).toBe(true);
    // The time part is the ULID's: milliseconds since 1970 in base 32.
    now.mockReturnValue(at + 60_000);
    const decoded = [...newId().slice(0, 10)].reduce((n, ch) => n * 32 + '0123456789ABCDEFGHJKMNPQRSTVWXYZ'.indexOf(ch), 0);
    expect(decoded).toBe(at + 60_000);
  });
});
