import { sql } from 'kysely';
import type { Executor } from './schema';

/**
 * How many rows this connection has inserted, updated or deleted since it opened (SQLite's total_changes(),
 * rolled-back writes included). The app's one connection is the ledger's only writer (the data folder's
 * lock), so an equal count means the ledger has not changed in between: what was checked still holds.
 */
export async function ledgerChanges(db: Executor): Promise<number> {
  const { rows } = await sql<{ n: number }>`select total_changes() as n`.execute(db);
  return rows[0]!.n;
}
