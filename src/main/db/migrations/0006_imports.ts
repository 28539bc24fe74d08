import type { Kysely } from 'kysely';

/**
 * Frozen once shipped: import batches (one per committed roster, undoable while nothing depends on it),
 * the records each batch created, and the column mappings remembered per township and template.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('import_batches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('program', 'text', (c) => c.notNull())
    .addColumn('township_id', 'text')
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_sha256', 'text', (c) => c.notNull())
    .addColumn('sheet_name', 'text', (c) => c.notNull())
    .addColumn('households', 'integer', (c) => c.notNull())
    .addColumn('persons', 'integer', (c) => c.notNull())
    .addColumn('enrollments', 'integer', (c) => c.notNull())
    .addColumn('cases', 'integer', (c) => c.notNull())
    .addColumn('skipped_rows', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('undone_by', 'text', (c) => c.references('users.id'))
    .addColumn('undone_at', 'text')
    .execute();
  await db.schema.createIndex('import_batches_created').on('import_batches').column('created_at').execute();
  await db.schema
    .createTable('import_batch_items')
    .addColumn('batch_id', 'text', (c) => c.notNull().references('import_batches.id'))
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('import_batch_items_batch').on('import_batch_items').columns(['batch_id', 'entity']).execute();
  await db.schema
    .createTable('import_mappings')
    .addColumn('township_key', 'text', (c) => c.notNull())
    .addColumn('template_key', 'text', (c) => c.notNull())
    .addColumn('mapping', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('import_mappings_pk', ['township_key', 'template_key'])
    .execute();
}
