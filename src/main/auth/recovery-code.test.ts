import { describe, expect, it } from 'vitest';
import { newRecoveryCode, normalizeRecoveryCode } from './recovery-code';

describe('recovery codes', () => {
  it('are five groups of five unambiguous characters, different every time', () => {
    const a = newRecoveryCode();
    expect(a).toMatch(/^([0-9A-HJKMNP-TV-Z]{5}-){4}[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(newRecoveryCode()).not.toBe(a);
  });

  it('forgive case, spaces and look-alike letters when typed back', () => {
    expect(normalizeRecoveryCode('ab1o0 cdefg hjkmn pqrst vwxyz')).toBe('AB100-CDEFG-HJKMN-PQRST-VWXYZ');
    expect(normalizeRecoveryCode('abil1-22222-33333-44444-55555')).toBe('AB111-22222-33333-44444-55555');
  });
});
