import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { LEDGER_CACHE_KIB } from './open';
import { pragma } from './pragma';
import { BulkReferences } from './bulk-references';
import type { Executor, LedgerDb } from './schema';

/**
 * How a bulk write (an import batch of up to 100,000 people) runs: `work` runs in one transaction; around it the
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
 *   size: a quarter of the file, between 32 and 128 MiB. Measured with 100,000 people: into an empty
 *   ledger 128 MiB is no faster than 32 but holds about 90 MB more; into one of 400,000 people 32 MiB
 *   took 11.2 s, 64 MiB 6.6 s and 128 MiB 6.5 s (older code); into one of 300,000 (a 304 MB file),
 *   a quarter of the file, 76 MiB, took as long as 128 MiB (medians of three runs: 5.8 s both) with the
 *   peak at about 370 MB instead of 425. The index builds at a batch's end, which scan whole tables,
 *   take the ledger's usual cache for themselves (db/deferred-indexes).
 * - Syncing. What SQLite writes before the commit (the pages the cache gives up) waits in the OS's cache
 *   until the commit's sync, which then writes all of it while the import waits. The OS is asked to write
 *   it as it goes instead, on a thread of its own (BackgroundSync): the commit then finds little left
 *   (100,000 people here: its sync 0.23 s before, 0.08 s after; far more on a township's spinning disk).
 * - References. A write that asks (`checkReferences`: a 建账) has its foreign keys checked by BulkReferences
 *   instead of SQLite, which spares every multi-row insert its statement journal (why: bulk-references).
 */
export async function asBulkWrite<T>(db: LedgerDb, work: (trx: Executor, references: BulkReferences | null) => Promise<T>, options: BulkWriteOptions = {}): Promise<T> {
  const before = await pragma<number>(db, 'cache_size');
  await pragma(db, 'cache_size', -bulkCacheKib((await pragma<number>(db, 'page_count')) * (await pragma<number>(db, 'page_size'))));
  const file = await ledgerFile(db);
  const switched = file !== null && writable(file) && (await pragma<string>(db, 'journal_mode', 'delete')) === 'delete';
  const sync = switched ? BackgroundSync.start(file) : null;
  const foreignKeys = await pragma<number>(db, 'foreign_keys');
  try {
    // Set outside the transaction: within one SQLite ignores it.
    if (options.checkReferences) await pragma(db, 'foreign_keys', 'off');
    return await db.transaction().execute(async (trx) => {
      const references = options.checkReferences ? new BulkReferences(trx) : null;
      const result = await work(trx, references);
      await references?.verify();
      return result;
    });
  } finally {
    if (options.checkReferences) await pragma(db, 'foreign_keys', foreignKeys ? 'on' : 'off');
    await sync?.stop();
    // Refused (a disk gone bad meanwhile), the ledger stays in the rollback journal until it is next opened.
    if (switched) await pragma(db, 'journal_mode', 'wal').catch(() => undefined);
    // Closing any descriptor of a file drops every POSIX lock the process holds on it. SQLite holds none now:
    // the transaction is over, and back in WAL it takes its lasting read lock only at its next statement.
    sync?.close();
    await pragma(db, 'cache_size', before);
  }
}

export interface BulkWriteOptions {
  /**
   * Every row the work writes that names another goes through insertMany with the BulkReferences it is
   * given (a 建账): SQLite's foreign-key checks are off meanwhile, and the tracker checks the same
   * references before the commit.
   */
  checkReferences?: boolean;
}

/** How often a bulk write asks the OS to write what SQLite has written to the ledger file so far. */
export const SYNC_EVERY_MS = 250;

/** A descriptor of the ledger file of its own, synced every SYNC_EVERY_MS on libuv's threads; one sync at a time. */
class BackgroundSync {
  private readonly timer: NodeJS.Timeout;
  private running: Promise<void> | null = null;

  /** Null when the file cannot be opened again: the bulk write then goes without (its commit syncs all). */
  static start(file: string): BackgroundSync | null {
    try {
      // Writable: Windows syncs only a handle opened for writing. Nothing is written through it.
      return new BackgroundSync(fs.openSync(file, 'r+'));
    } catch {
      return null;
    }
  }

  private constructor(private readonly fd: number) {
    this.timer = setInterval(() => {
      // A sync that fails says nothing the commit's own sync would not: SQLite reports that one.
      this.running ??= new Promise<void>((resolve) => fs.fdatasync(this.fd, () => resolve())).then(() => void (this.running = null));
    }, SYNC_EVERY_MS);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  close(): void {
    fs.closeSync(this.fd);
  }
}

/** The page cache of a bulk write into a ledger file of this size: a quarter of it, between 32 and 128 MiB. */
export function bulkCacheKib(fileBytes: number): number {
  return Math.round(Math.min(Math.max(fileBytes / 4096, 32 * 1024), LEDGER_CACHE_KIB));
}

/** The ledger's file, or null for a database in memory. */
async function ledgerFile(db: LedgerDb): Promise<string | null> {
  const { rows } = await sql<{ file: string }>`select file from pragma_database_list where name = 'main'`.execute(db);
  return rows[0]?.file || null;
}

/** Whether the ledger's folder and files (the database, its WAL and WAL index) can all be written. */
function writable(file: string): boolean {
  try {
    for (const p of [path.dirname(file), file, `${file}-wal`, `${file}-shm`]) if (fs.existsSync(p)) fs.accessSync(p, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
