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

/**
 * The page size of a new ledger: 8 KiB, not SQLCipher's 4. Each page is encrypted with its own IV and
 * HMAC-SHA512, so half as many pages is half as many MACs to compute and check and half as many B-tree
 * splits: a 100,000-person 建账 wrote its rows 12–16% faster (alternating runs; 16 KiB was no faster
 * than 8). SQLCipher encrypts the header that would tell the size, so a ledger made with 4 KiB pages
 * before this is opened by trying the sizes in turn: a wrong size fails the first page's MAC the way a
 * wrong key does, having read one page and written nothing.
 */
export const LEDGER_PAGE_SIZE = 8192;
const PAGE_SIZES = [LEDGER_PAGE_SIZE, 4096] as const;

/** The page cache of an open ledger, in KiB (why this size: where it is set, in openEncryptedDatabase). */
export const LEDGER_CACHE_KIB = 128 * 1024;

/** SQLCipher 4 with the raw key and page size; the first read proves both before anything is written. */
function useKey(raw: Database.Database, key: Buffer, pageSize: number): void {
  raw.pragma(`cipher='sqlcipher'`);
  raw.pragma('legacy=4');
  raw.pragma(`legacy_page_size=${pageSize}`);
  raw.pragma(`key="x'${key.toString('hex')}'"`);
  raw.prepare('SELECT count(*) FROM sqlite_master').get();
  if (raw.pragma('cipher', { simple: true }) !== 'sqlcipher') {
    throw new AppError('LEDGER_UNREADABLE', '台账加密未生效，拒绝打开');
  }
}

/** A connection keyed with the first of the page sizes the file opens with; the last failure if none does. */
function keyed(connect: () => Database.Database, key: Buffer, pageSizes: readonly number[]): Database.Database {
  for (let i = 0; ; i++) {
    const raw = connect();
    try {
      useKey(raw, key, pageSizes[i]!);
      return raw;
    } catch (err) {
      raw.close();
      if ((err as { code?: string }).code !== 'SQLITE_NOTADB' || i === pageSizes.length - 1) throw err;
    }
  }
}

/** A read-only look at a ledger copy (a backup being verified): nothing is written to it, not even WAL mode. */
export function openEncryptedCopyReadOnly(path: string, key: Buffer): Database.Database {
  if (isPlainSqliteFile(path)) throw new AppError('LEDGER_UNREADABLE', '备份中的台账未加密，拒绝使用');
  try {
    const raw = keyed(() => new Database(path, { readonly: true, fileMustExist: true }), key, PAGE_SIZES);
    raw.pragma('temp_store = MEMORY');
    return raw;
  } catch (err) {
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
  let raw: Database.Database | undefined;
  try {
    raw = keyed(() => new Database(path, { fileMustExist: !options.create }), key, options.create ? [LEDGER_PAGE_SIZE] : PAGE_SIZES);
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = FULL');
    raw.pragma('foreign_keys = ON');
    raw.pragma('busy_timeout = 5000');
    // A 128 MiB page cache: a county form reads the enrollments, their amount history and two covering
    // indexes (about 85 MiB for 200,000 enrollments), which then stay decrypted for the next form; bulk
    // loads update several random-key indexes; sorts stay in memory, never in a temp file (personal data
    // must not reach one in clear text).
    raw.pragma(`cache_size = -${LEDGER_CACHE_KIB}`);
    raw.pragma('temp_store = MEMORY');
    return raw;
  } catch (err) {
    raw?.close();
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
  const cache = new Map<string, SqliteStatement>();
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
      else stmt = spreading(raw.prepare(sql));
      cache.set(sql, stmt);
      if (cache.size > CACHED_STATEMENTS) cache.delete(cache.keys().next().value!);
      return stmt;
    },
  };
}

/**
 * Kysely hands a statement its parameters as one array; the driver then fetches each element through the
 * engine's generic property lookup, where given as arguments it reads them directly. A 100,000-person
 * 建账 binds some three million values; an insert of 250 rows of 16 columns runs a fifth faster. (A plain
 * object among them, which the driver takes for named parameters, fails as before: Kysely writes none.)
 */
function spreading(stmt: Database.Statement): SqliteStatement {
  return {
    reader: stmt.reader,
    all: (parameters) => stmt.all(...parameters),
    run: (parameters) => stmt.run(...parameters),
    iterate: (parameters) => stmt.iterate(...parameters),
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
