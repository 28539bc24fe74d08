import { describe, expect, it } from 'vitest';
import { nameInitials, reversed } from './search-keys';

describe('search keys', () => {
  it('reverses an ID number, and any text by its characters, not by halves of one', () => {
    expect(reversed('43112219480302001X')).toBe('X10020308491221134');
    expect(reversed('')).toBe('');
    expect(reversed('张𠮷三')).toBe('三𠮷张');
  });

  it('gives a name’s pinyin initials, surnames read as surnames, stray spaces dropped', () => {
    expect(nameInitials('吴 华明')).toBe('whm');
    expect(nameInitials('单雄')).toBe('sx');
  });
});
