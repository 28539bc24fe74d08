/**
 * The key envelope file beside the ledger: the ledger key wrapped once per user and once by the
 * recovery code. It holds no personal data. Written atomically (temp file, fsync, rename) so a crash
 * leaves either the old or the new envelope, never half of one.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { unwrapKey, type WrappedKey } from './wrapped-key';

export interface EnvelopeUser {
  /** Absent while the account is disabled: a disabled user's password opens nothing. */
  wrapped: WrappedKey | null;
}

export interface KeyEnvelope {
  format: 'doudi-key-envelope';
  version: 1;
  ledgerId: string;
  users: Record<string, EnvelopeUser>;
  recovery: WrappedKey;
}

export const userAad = (ledgerId: string, username: string) => `doudi:${ledgerId}:user:${username.toLowerCase()}`;
export const recoveryAad = (ledgerId: string) => `doudi:${ledgerId}:recovery`;

/** A user's copy of the ledger key opened, or why not: no such user, a disabled account, or a wrong password. */
export type UserKey = { ok: true; key: Buffer } | { ok: false; refused: 'unknown_user' | 'disabled' | 'wrong_password' };

/**
 * Unwraps `username`'s copy of the ledger key from an envelope (the ledger's own, or a backup's). The one
 * place that knows how a user's copy is found and bound, so sign-in and restoring a backup cannot drift
 * apart; each caller words the refusal itself. An unknown user costs no key derivation.
 */
export async function unwrapUserKey(envelope: KeyEnvelope, username: string, password: string): Promise<UserKey> {
  const name = username.toLowerCase();
  const entry = envelope.users[name];
  if (!entry) return { ok: false, refused: 'unknown_user' };
  if (!entry.wrapped) return { ok: false, refused: 'disabled' };
  const key = await unwrapKey(entry.wrapped, password, userAad(envelope.ledgerId, name));
  return key ? { ok: true, key } : { ok: false, refused: 'wrong_password' };
}

export function readEnvelope(file: string): KeyEnvelope {
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as KeyEnvelope;
  if (parsed.format !== 'doudi-key-envelope' || parsed.version !== 1 || typeof parsed.users !== 'object') {
    throw new Error('not a Doudi key envelope');
  }
  return parsed;
}

export function writeEnvelope(file: string, envelope: KeyEnvelope): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${crypto.randomBytes(4).toString('hex')}.tmp`);
  const fd = fs.openSync(tmp, 'w', 0o600);
  try {
    fs.writeSync(fd, JSON.stringify(envelope, null, 2));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}
