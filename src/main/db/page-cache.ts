import { sql } from 'kysely';
import type { LedgerDb } from './schema';

/**
 * Runs `work` with the page cache held to `mib`, then gives it back its size. A bulk load touches every
 * page once or twice in index order it cannot choose: a large cache barely speeds it up (measured: 128 MiB
 * against 32 MiB is within the noise) but holds up to its whole size in memory while it runs.
 */
export async function withPageCache<T>(db: LedgerDb, mib: number, work: () => Promise<T>): Promise<T> {
  const { rows } = await sql<{ cache_size: number }>`pragma cache_size`.execute(db);
  const before = rows[0]!.cache_size;
  await sql.raw(`pragma cache_size = -${Math.round(mib * 1024)}`).execute(db);
  try {
    return await work();
  } finally {
    await sql.raw(`pragma cache_size = ${Number(before)}`).execute(db);
  }
}
