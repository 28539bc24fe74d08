/**
 * One wrapped copy of the ledger key: AES-256-GCM under a key derived from a secret (a password or the
 * recovery code). The additional data binds the copy to its ledger and its owner, so copies cannot be
 * swapped between users or ledgers. A wrong secret fails the GCM tag check.
 */
import crypto from 'node:crypto';
import { deriveKey, DEFAULT_SCRYPT, type ScryptParams } from './kdf';

export interface WrappedKey {
  kdf: 'scrypt';
  params: ScryptParams;
  salt: string;
  iv: string;
  tag: string;
  data: string;
}

export async function wrapKey(ledgerKey: Buffer, secret: string, aad: string, params = DEFAULT_SCRYPT): Promise<WrappedKey> {
  const salt = crypto.randomBytes(16);
  const iv = crypto.randomBytes(12);
  const kek = await deriveKey(secret, salt, params);
  const cipher = crypto.createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const data = Buffer.concat([cipher.update(ledgerKey), cipher.final()]);
  kek.fill(0);
  return {
    kdf: 'scrypt',
    params,
    salt: salt.toString('base64'),
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  };
}

/** Returns the ledger key, or null when the secret is wrong (or the copy was tampered with). */
export async function unwrapKey(wrapped: WrappedKey, secret: string, aad: string): Promise<Buffer | null> {
  const kek = await deriveKey(secret, Buffer.from(wrapped.salt, 'base64'), wrapped.params);
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', kek, Buffer.from(wrapped.iv, 'base64'));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(Buffer.from(wrapped.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(wrapped.data, 'base64')), decipher.final()]);
  } catch {
    return null;
  } finally {
    kek.fill(0);
  }
}
