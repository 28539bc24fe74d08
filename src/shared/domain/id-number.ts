/**
 * Citizen ID numbers (公民身份号码, GB 11643). One module serves forms, imports, reports and fixtures.
 * 18 chars = 6-digit address code + YYYYMMDD + 3-digit sequence (odd = male) + check character.
 * Permanent-residence IDs of foreigners (9…) and HK/Macao/Taiwan residence permits (81/82/83…) use the
 * same check. Address codes are never rejected for being obsolete.
 */
import { isValidIsoDate } from './dates';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export type IdProblem = 'id_length' | 'id_checksum' | 'id_birthdate_invalid' | 'id_scientific_notation' | 'id_characters';

export type Sex = 'male' | 'female';

export interface IdInfo {
  idNumber: string;
  birthDate: string; // YYYY-MM-DD
  sex: Sex;
  addressCode: string;
  convertedFrom15: boolean;
}

export type IdCheck = { ok: true; info: IdInfo } | { ok: false; problem: IdProblem; normalized: string };

/** Full-width digits/letters to ASCII, drop all white space (including line breaks), upper-case x. */
export function normalizeIdNumber(raw: string): string {
  // Most are written plainly, digits and perhaps a capital X: such a one is already its normal form.
  if (isPlain(raw)) return raw;
  return raw
    .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, '')
    .toUpperCase();
}

/** Only ASCII digits and capital X. */
function isPlain(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if ((code < 48 || code > 57) && code !== 88) return false;
  }
  return true;
}

/** The check character of the first 17 characters, which must be digits. */
export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** Old 15-digit numbers: insert "19" before the two-digit year and compute the check character. */
export function convert15to18(id15: string): string {
  const first17 = `${id15.slice(0, 6)}19${id15.slice(6)}`;
  return first17 + checkCharacter(first17);
}

/** Excel shows long numbers as 4.31122E+17; such a value lost digits and must never be "repaired". */
export function looksLikeScientificNotation(raw: string): boolean {
  return /^\s*\d(\.\d+)?E\+?\d+\s*$/i.test(raw);
}

export function checkIdNumber(raw: string): IdCheck {
  if (looksLikeScientificNotation(raw)) return { ok: false, problem: 'id_scientific_notation', normalized: raw.trim() };
  let id = normalizeIdNumber(raw);
  let convertedFrom15 = false;
  if (/^\d{15}$/.test(id)) {
    id = convert15to18(id);
    convertedFrom15 = true;
  } else if (id.length !== 18) {
    return { ok: false, problem: /^[\dX]*$/.test(id) ? 'id_length' : 'id_characters', normalized: id };
  }
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, problem: 'id_characters', normalized: id };
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isValidIsoDate(birthDate) || Number(id.slice(6, 10)) < 1880) {
    return { ok: false, problem: 'id_birthdate_invalid', normalized: id };
  }
  if (checkCharacter(id.slice(0, 17)) !== id[17]) return { ok: false, problem: 'id_checksum', normalized: id };
  return {
    ok: true,
    info: {
      idNumber: id,
      birthDate,
      sex: Number(id[16]) % 2 === 1 ? 'male' : 'female',
      addressCode: id.slice(0, 6),
      convertedFrom15,
    },
  };
}

/** Masks the middle of an ID for lists and notices: 431122********1234. */
export function maskIdNumber(id: string): string {
  if (id.length < 10) return '*'.repeat(id.length);
  return id.slice(0, 6) + '*'.repeat(id.length - 10) + id.slice(-4);
}
