import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { LEDGER_CACHE_KIB } from './open';
import { pragma } from './pragma';
import type { LedgerDb } from './schema';

/**
 * How a bulk write (an import batch of up to 100,000 people) runs: `work` is one transaction; around it the
 * ledger uses SQLite's rollback journal instead of the WAL and a page cache sized for what the batch
 * revisits. Both are given back afterwards, also when the work fails.
 *
 * - Journal. In WAL every page is written twice, to the WAL and again by the checkpoint that follows the
 *   commit; with the rollback journal new pages are written once, into the file, and only pages that
 *   already existed are saved to the journal first (encrypted like the file and synced before the file
 *   is touched, so a crash or a cancel rolls back as from the WAL). Switching out of WAL needs the ledger
 *   to itself, which the one connection and the data folder's lock guarantee. It is not tried on a ledger
 *   that cannot be written (a read-only disk, a write-protected USB stick): leaving WAL writes to the
 *   memory-mapped WAL index, which there kills the process (SIGBUS) where the WAL itself fails cleanly.
 *   Were the switch refused, the work runs in WAL.
 * - Page cache. A batch revisits the index pages of the ledger it inserts into (ID numbers, names,
 *   initials, birth dates: random keys), not the pages it appends, so the cache follows the ledger's
 *   size: half the file, between 32 and 128 MiB. Measured with 100,000 people: into an empty ledger
 *   128 MiB is no faster than 32 but holds about 90 MB more; into one of 400,000 people 32 MiB took
 *   11.2 s, 64 MiB 6.6 s and 128 MiB 6.5 s. The index builds at a batch's end, which scan whole tables,
 *   take the ledger's usual cache for themselves (db/deferred-indexes).
 */
export async function asBulkWrite<T>(db: LedgerDb, work: () => Promise<T>): Promise<T> {
  const before = await pragma<number>(db, 'cache_size');
  await pragma(db, 'cache_size', -bulkCacheKib((await pragma<number>(db, 'page_count')) * (await pragma<number>(db, 'page_size'))));
  const switched = (await writable(db)) && (await pragma<string>(db, 'journal_mode', 'delete')) === 'delete';
  try {
    return await work();
  } finally {
    // Refused (a disk gone bad meanwhile), the ledger stays in the rollback journal until it is next opened.
    if (switched) await pragma(db, 'journal_mode', 'wal').catch(() => undefined);
    await pragma(db, 'cache_size', before);
  }
}

/** The page cache of a bulk write into a ledger file of this size: half of it, between 32 and 128 MiB. */
export function bulkCacheKib(fileBytes: number): number {
  return Math.round(Math.min(Math.max(fileBytes / 2048, 32 * 1024), LEDGER_CACHE_KIB));
}

/** Whether the ledger's folder and files (the database, its WAL and WAL index) can all be written. */
async function writable(db: LedgerDb): Promise<boolean> {
  const { rows } = await sql<{ file: string }>`select file from pragma_database_list where name = 'main'`.execute(db);
  const file = rows[0]?.file;
  if (!file) return false;
  try {
    for (const p of [path.dirname(file), file, `${file}-wal`, `${file}-shm`]) if (fs.existsSync(p)) fs.accessSync(p, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
