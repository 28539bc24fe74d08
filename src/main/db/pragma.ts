/** The pragmas the ledger's bulk writes read and set (db/bulk-write, db/deferred-indexes). */
import { sql } from 'kysely';
import type { Executor } from './schema';

type PragmaName = 'cache_size' | 'page_count' | 'page_size' | 'journal_mode' | 'foreign_keys';

/**
 * Reads a pragma, or sets it and reads back what it answers (journal_mode answers the mode now in force;
 * cache_size answers nothing when set, and is given as SQLite states it: pages, or KiB when negative).
 */
export async function pragma<T>(db: Executor, name: PragmaName, value?: number | 'delete' | 'wal' | 'on' | 'off'): Promise<T> {
  const { rows } = await sql<Record<string, T>>`pragma ${sql.raw(value === undefined ? name : `${name} = ${value}`)}`.execute(db);
  return rows[0]?.[name] as T;
}
