import { sql } from 'kysely';
import { Migrator, type MigrationProvider } from 'kysely/migration';
import type { LedgerDb } from './schema';
import { migrations } from './migrations';

const provider: MigrationProvider = { getMigrations: async () => migrations };

/**
 * Brings the ledger to the latest schema, all of it or none: Kysely runs SQLite migrations outside a
 * transaction (it takes SQLite's DDL for non-transactional), so a migration failing halfway, or a crash
 * between a migration and its bookkeeping, would leave a ledger no version describes and that a second
 * try could not migrate. Held in one transaction, a failure leaves the ledger as it was; throws with the
 * failing migration's name. Begun by hand: the Migrator refuses a Kysely transaction where DDL is not
 * transactional, and runs on the ledger's one connection, so it runs inside this one. Deferred, it takes
 * no write lock when there is nothing to migrate.
 */
export async function migrateToLatest(db: LedgerDb): Promise<void> {
  await sql`begin`.execute(db);
  try {
    const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
    if (error) {
      const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
      throw new Error(`migration ${failed} failed`, { cause: error });
    }
    await sql`commit`.execute(db);
  } catch (err) {
    await sql`rollback`.execute(db);
    throw err;
  }
}
