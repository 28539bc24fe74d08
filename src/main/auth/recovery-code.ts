/**
 * The recovery code shown once at setup: 25 characters of Crockford base32 (125 random bits) in five
 * groups, easy to write down and type back. Typing is forgiving: case, spaces, dashes, O/0 and I/L/1.
 */
import crypto from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function newRecoveryCode(): string {
  const bytes = crypto.randomBytes(25);
  const chars = Array.from(bytes, (b) => ALPHABET[b & 31]).join('');
  return chars.match(/.{5}/g)!.join('-');
}

export function normalizeRecoveryCode(input: string): string {
  const compact = input
    .toUpperCase()
    .replace(/[\s-]+/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  return compact.match(/.{1,5}/g)?.join('-') ?? '';
}
