import { describe, expect, it } from 'vitest';
import { checkCharacter, checkIdNumber, convert15to18, maskIdNumber, normalizeIdNumber } from './id-number';
import { PeopleGenerator } from '../../../tests/fixtures/people';

describe('ID numbers (GB 11643)', () => {
  it('accepts the standard example and derives birth date and sex', () => {
    const r = checkIdNumber('11010519491231002X');
    expect(r).toEqual({ ok: true, info: { idNumber: '11010519491231002X', birthDate: '1949-12-31', sex: 'female', addressCode: '110105', convertedFrom15: false } });
  });

  it('normalises full-width digits, spaces, line breaks and a lowercase x', () => {
    expect(normalizeIdNumber(' １１０１０５ 19491231\n002x ')).toBe('11010519491231002X');
    expect(checkIdNumber('１１０１０５１９４９１２３１００２ｘ').ok).toBe(true);
    expect(['11010519491231002X', '11010519491231002x', '110105194912310021', '110105 19491231002X', ''].map(normalizeIdNumber)).toEqual(['11010519491231002X', '11010519491231002X', '110105194912310021', '11010519491231002X', '']);
  });

  it('names the problem: length, checksum, birth date, characters, scientific notation', () => {
    expect(checkIdNumber('1101051949123100')).toMatchObject({ ok: false, problem: 'id_length' });
    expect(checkIdNumber('110105194912310021')).toMatchObject({ ok: false, problem: 'id_checksum' });
    expect(checkIdNumber('110105194902300026')).toMatchObject({ ok: false, problem: 'id_birthdate_invalid' });
    expect(checkIdNumber('11010519491231002Y')).toMatchObject({ ok: false, problem: 'id_characters' });
    expect(checkIdNumber('4.31122E+17')).toMatchObject({ ok: false, problem: 'id_scientific_notation' });
  });

  it('converts 15-digit numbers by inserting 19 and computing the check character', () => {
    expect(convert15to18('110105491231002')).toBe('11010519491231002X');
    expect(checkIdNumber('110105491231002')).toMatchObject({ ok: true, info: { idNumber: '11010519491231002X', convertedFrom15: true } });
  });

  it('accepts residence permits and foreigners’ permanent residence IDs with the same check', () => {
    for (const prefix of ['810000', '820000', '830000', '911000']) {
      const first17 = `${prefix}19900101123`;
      expect(checkIdNumber(first17 + checkCharacter(first17)).ok).toBe(true);
    }
  });

  it('agrees with the fixture generator for thousands of synthetic people, and rejects every single-digit change', () => {
    const people = new PeopleGenerator(42);
    for (let i = 0; i < 2000; i++) {
      const p = people.person();
      const r = checkIdNumber(p.idNumber);
      expect(r).toMatchObject({ ok: true, info: { sex: p.sex, birthDate: p.birthDate } });
      const pos = i % 17;
      const changed = p.idNumber.slice(0, pos) + String((Number(p.idNumber[pos]) + 1 + (i % 9)) % 10) + p.idNumber.slice(pos + 1);
      expect(checkIdNumber(changed).ok).toBe(false);
    }
  });

  it('masks the middle for lists and notices', () => {
    expect(maskIdNumber('431122199001011234')).toBe('431122********1234');
  });
});
