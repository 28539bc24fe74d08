/**
 * The backup file: one file a clerk can carry on a USB stick. It holds the ledger copy exactly as
 * SQLCipher wrote it (so it stays encrypted under the ledger key) and the key envelope (the key wrapped
 * by each user's password and by the recovery code), so a stolen stick opens nothing without a password.
 *
 *   16 bytes  magic "DOUDI-BACKUP-v1\n"
 *    4 bytes  header length (big-endian)
 *    n bytes  header JSON (no personal data: county, ledger id, schema, sizes, envelope)
 *    m bytes  the encrypted database
 *   32 bytes  SHA-256 of everything before it, so any flipped byte, truncation or edit is found
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { AppError } from '../../shared/api/errors';
import type { KeyEnvelope } from '../auth/key-envelope';

const MAGIC = Buffer.from('DOUDI-BACKUP-v1\n', 'latin1');
const DIGEST_BYTES = 32;
const CHUNK = 1 << 20;
export const BACKUP_EXTENSION = '.doudibak';

export interface BackupHeader {
  format: 'doudi-backup';
  version: 1;
  createdAt: string;
  /** 'manual' by a clerk or the command line, 'scheduled' by the daily backup. */
  kind: 'manual' | 'scheduled';
  ledgerId: string;
  countyCode: string;
  countyName: string;
  /** The migrations the copy has run, so a newer ledger is never opened by older code. */
  migrations: string[];
  dbBytes: number;
  envelope: KeyEnvelope;
}

export type BackupRefusal = 'not_backup' | 'corrupt' | 'foreign' | 'newer' | 'unreadable';

export function backupRejected(refusal: BackupRefusal, message: string): AppError {
  return new AppError('BACKUP_REJECTED', message, { refusal });
}

const notBackup = (file: string) => backupRejected('not_backup', `${file} 不是兜底台账的备份文件`);
const corrupt = (file: string, why: string) => backupRejected('corrupt', `备份文件已损坏（${why}），不能用于恢复：${file}`);

/** Writes header + database + digest to `target` (a temp name the caller renames), fsynced. */
export function writeBackupFile(target: string, header: BackupHeader, dbPath: string): void {
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(headerBytes.length);
  const hash = crypto.createHash('sha256');
  const out = fs.openSync(target, 'wx', 0o600);
  try {
    const put = (bytes: Buffer) => {
      hash.update(bytes);
      fs.writeSync(out, bytes);
    };
    put(MAGIC);
    put(length);
    put(headerBytes);
    const input = fs.openSync(dbPath, 'r');
    try {
      const buffer = Buffer.alloc(CHUNK);
      let copied = 0;
      for (;;) {
        const n = fs.readSync(input, buffer, 0, CHUNK, null);
        if (n === 0) break;
        put(buffer.subarray(0, n));
        copied += n;
      }
      if (copied !== header.dbBytes) throw new Error('ledger copy changed while it was written');
    } finally {
      fs.closeSync(input);
    }
    fs.writeSync(out, hash.digest());
    fs.fsyncSync(out);
  } finally {
    fs.closeSync(out);
  }
}

export interface BackupLayout {
  header: BackupHeader;
  /** Where the database starts in the file. */
  dataOffset: number;
}

/** Reads only the header (for listing a folder); says nothing about the rest of the file. */
export function readBackupHeader(file: string): BackupLayout {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    throw backupRejected('unreadable', `无法读取备份文件：${file}`);
  }
  try {
    const head = Buffer.alloc(MAGIC.length + 4);
    if (fs.readSync(fd, head, 0, head.length, 0) < head.length || !head.subarray(0, MAGIC.length).equals(MAGIC)) throw notBackup(file);
    const headerLength = head.readUInt32BE(MAGIC.length);
    const size = fs.fstatSync(fd).size;
    if (headerLength > 1 << 20 || MAGIC.length + 4 + headerLength > size) throw corrupt(file, '文件头不完整');
    const headerBytes = Buffer.alloc(headerLength);
    fs.readSync(fd, headerBytes, 0, headerLength, MAGIC.length + 4);
    let header: BackupHeader;
    try {
      header = JSON.parse(headerBytes.toString('utf8')) as BackupHeader;
    } catch {
      throw corrupt(file, '文件头无法解析');
    }
    if (header.format !== 'doudi-backup' || header.version !== 1 || typeof header.ledgerId !== 'string' || !Array.isArray(header.migrations)) {
      throw notBackup(file);
    }
    const dataOffset = MAGIC.length + 4 + headerLength;
    if (dataOffset + header.dbBytes + DIGEST_BYTES !== size) throw corrupt(file, '文件长度不符，可能没有复制完整');
    return { header, dataOffset };
  } finally {
    fs.closeSync(fd);
  }
}

/** Checks the digest over the whole file; returns the header when every byte is as written. */
export function checkBackupFile(file: string): BackupLayout {
  const layout = readBackupHeader(file);
  const size = fs.statSync(file).size;
  const fd = fs.openSync(file, 'r');
  try {
    const hash = crypto.createHash('sha256');
    const buffer = Buffer.alloc(CHUNK);
    let position = 0;
    const end = size - DIGEST_BYTES;
    while (position < end) {
      const n = fs.readSync(fd, buffer, 0, Math.min(CHUNK, end - position), position);
      if (n === 0) break;
      hash.update(buffer.subarray(0, n));
      position += n;
    }
    const stored = Buffer.alloc(DIGEST_BYTES);
    fs.readSync(fd, stored, 0, DIGEST_BYTES, end);
    if (!crypto.timingSafeEqual(hash.digest(), stored)) throw corrupt(file, '校验和不符');
    return layout;
  } finally {
    fs.closeSync(fd);
  }
}

/** Copies the database part out to `target` (created new); call after `checkBackupFile`. */
export function extractDatabase(file: string, { header, dataOffset }: BackupLayout, target: string): void {
  const input = fs.openSync(file, 'r');
  const out = fs.openSync(target, 'wx', 0o600);
  try {
    const buffer = Buffer.alloc(CHUNK);
    let position = dataOffset;
    let left = header.dbBytes;
    while (left > 0) {
      const n = fs.readSync(input, buffer, 0, Math.min(CHUNK, left), position);
      if (n === 0) throw corrupt(file, '数据不完整');
      fs.writeSync(out, buffer.subarray(0, n));
      position += n;
      left -= n;
    }
    fs.fsyncSync(out);
  } finally {
    fs.closeSync(out);
    fs.closeSync(input);
  }
}
