/**
 * The key envelope file beside the ledger: the ledger key wrapped once per user and once by the
 * recovery code. It holds no personal data. Written atomically (temp file, fsync, rename) so a crash
 * leaves either the old or the new envelope, never half of one.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { WrappedKey } from './wrapped-key';

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
