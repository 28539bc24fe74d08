/**
 * Opens the county ledger: one SQLite file encrypted as a whole (SQLCipher 4 format through
 * better-sqlite3-multiple-ciphers), WAL, synchronous=FULL, foreign keys on. Refuses to go on unless the
 * cipher is active and the key is right; a wrong key touches nothing (the first read fails before any write).
 */
import fs from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect, type SqliteDatabase, type SqliteStatement } from 'kysely';
import { AppError } from '../../shared/api/errors';
import type { LedgerSchema } from './schema';

const PLAIN_SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export interface OpenLedger {
  db: Kysely<LedgerSchema>;
  raw: Database.Database;
  close(): Promise<void>;
}

export function isPlainSqliteFile(path: string): boolean {
  const fd = fs.openSync(path, 'r');
  try {
    const head = Buffer.alloc(16);
    fs.readSync(fd, head, 0, 16, 0);
    return head.equals(PLAIN_SQLITE_HEADER);
  } finally {
    fs.closeSync(fd);
  }
}

/** SQLCipher 4 with the raw key; the first read proves the key before anything is written to the file. */
function useKey(raw: Database.Database, key: Buffer): void {
  raw.pragma(`cipher='sqlcipher'`);
  raw.pragma('legacy=4');
  raw.pragma(`key="x'${key.toString('hex')}'"`);
  raw.prepare('SELECT count(*) FROM sqlite_master').get();
  if (raw.pragma('cipher', { simple: true }) !== 'sqlcipher') {
    throw new AppError('LEDGER_UNREADABLE', '台账加密未生效，拒绝打开');
  }
}

/** A read-only look at a ledger copy (a backup being verified): nothing is written to it, not even WAL mode. */
export function openEncryptedCopyReadOnly(path: string, key: Buffer): Database.Database {
  if (isPlainSqliteFile(path)) throw new AppError('LEDGER_UNREADABLE', '备份中的台账未加密，拒绝使用');
  const raw = new Database(path, { readonly: true, fileMustExist: true });
  try {
    useKey(raw, key);
    raw.pragma('temp_store = MEMORY');
    return raw;
  } catch (err) {
    raw.close();
    if ((err as { code?: string }).code === 'SQLITE_NOTADB') throw new AppError('LEDGER_UNREADABLE', '备份中的台账无法解密：密钥不符或文件已损坏');
    throw err;
  }
}

/** Opens (and with `create`, creates) the encrypted ledger with a raw 32-byte key. */
export function openEncryptedDatabase(path: string, key: Buffer, options: { create: boolean }): Database.Database {
  if (key.length !== 32) throw new Error('ledger key must be 32 bytes');
  const exists = fs.existsSync(path);
  if (!exists && !options.create) throw new AppError('LEDGER_UNREADABLE', '找不到台账文件');
  if (exists && options.create) throw new AppError('ALREADY_INITIALIZED', '台账文件已存在，不能重复创建');
  if (exists && isPlainSqliteFile(path)) {
    throw new AppError('LEDGER_UNREADABLE', '台账文件未加密，拒绝打开：可能不是本系统创建的文件');
  }
  const raw = new Database(path, { fileMustExist: !options.create });
  try {
    useKey(raw, key);
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = FULL');
    raw.pragma('foreign_keys = ON');
    raw.pragma('busy_timeout = 5000');
    // A 128 MiB page cache: a county form reads the enrollments, their amount history and two covering
    // indexes (about 85 MiB for 200,000 enrollments), which then stay decrypted for the next form; bulk
    // loads update several random-key indexes; sorts stay in memory, never in a temp file (personal data
    // must not reach one in clear text).
    raw.pragma('cache_size = -131072');
    raw.pragma('temp_store = MEMORY');
    return raw;
  } catch (err) {
    raw.close();
    if (err instanceof AppError) throw err;
    const code = (err as { code?: string }).code;
    if (code === 'SQLITE_NOTADB') throw new AppError('LEDGER_UNREADABLE', '台账文件无法解密：密钥不符或文件已损坏');
    throw err;
  }
}

const CACHED_STATEMENTS = 200;

/**
 * Kysely prepares every query anew; for the same SQL (every chunk of a bulk insert, every lookup of a
 * page) SQLite's prepare costs about as much as the run. Statements are kept by their SQL, least recently
 * used dropped first. Kysely runs one statement to completion before the next, so a kept statement is
 * never busy when it is handed out again.
 */
function withStatementCache(raw: Database.Database): SqliteDatabase {
  const cache = new Map<string, Database.Statement>();
  // SQLite rolls a transaction back by itself on some errors (a full disk, a failed write); Kysely's own
  // rollback would then fail with "no transaction is active" and hide the cause the router explains.
  const rollbackIfOpen: SqliteStatement = {
    reader: false,
    all: () => [],
    iterate: () => [][Symbol.iterator](),
    run: () => (raw.inTransaction ? raw.prepare('rollback').run() : { changes: 0, lastInsertRowid: 0 }),
  };
  return {
    close: () => raw.close(),
    prepare(sql: string) {
      if (sql === 'rollback') return rollbackIfOpen;
      let stmt = cache.get(sql);
      if (stmt) cache.delete(sql);
      else stmt = raw.prepare(sql);
      cache.set(sql, stmt);
      if (cache.size > CACHED_STATEMENTS) cache.delete(cache.keys().next().value!);
      return stmt;
    },
  };
}

export function wrapWithKysely(raw: Database.Database): OpenLedger {
  const db = new Kysely<LedgerSchema>({ dialect: new SqliteDialect({ database: withStatementCache(raw) }) });
  return {
    db,
    raw,
    // Kysely's destroy closes the underlying better-sqlite3 handle.
    close: () => db.destroy(),
  };
}
