import { sql, type Kysely } from 'kysely';

/**
 * Frozen once shipped: what an import batch created is named on the rows themselves (`import_batch_id`)
 * instead of in a list of (batch, entity, id) items. The list cost a 100,000-person 建账 batch 180,000 rows
 * and two B-trees, about a tenth of its time. Unindexed on purpose: only undo looks rows up by batch, and
 * an index on every imported row would cost what the list did.
 */
const TABLES = [
  ['households', 'household'],
  ['persons', 'person'],
  ['enrollments', 'enrollment'],
  ['cases', 'case'],
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [table, entity] of TABLES) {
    await db.schema
      .alterTable(table)
      .addColumn('import_batch_id', 'text', (c) => c.references('import_batches.id'))
      .execute();
    await sql`update ${sql.table(table)} set import_batch_id = i.batch_id from import_batch_items i where i.entity = ${entity} and i.entity_id = ${sql.table(table)}.id`.execute(db);
  }
  await db.schema.dropTable('import_batch_items').execute();
}
