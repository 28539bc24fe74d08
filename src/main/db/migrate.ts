import { Migrator, type MigrationProvider } from 'kysely/migration';
import type { LedgerDb } from './schema';
import { migrations } from './migrations';

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Brings the ledger to the latest schema; throws with the failing migration's name. */
export async function migrateToLatest(db: LedgerDb): Promise<void> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`migration ${failed} failed`, { cause: error });
  }
}
