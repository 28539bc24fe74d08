import type { Kysely } from 'kysely';

/**
 * Frozen once shipped: rescue records of people found homeless or begging (流浪乞讨人员救助). Lists and the
 * monthly form read by admission date (county-wide and per township where found); the monthly counts of
 * exits and the in-station list read `left_on`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('vagrant_rescues')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('rescue_no', 'text', (c) => c.notNull().unique())
    .addColumn('township_id', 'text', (c) => c.notNull().references('townships.id'))
    .addColumn('found_on', 'text', (c) => c.notNull())
    .addColumn('found_place', 'text', (c) => c.notNull())
    .addColumn('found_by', 'text', (c) => c.notNull())
    .addColumn('identity_known', 'integer', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('id_number', 'text')
    .addColumn('sex', 'text', (c) => c.notNull())
    .addColumn('estimated_age', 'integer')
    .addColumn('description', 'text')
    .addColumn('native_place', 'text')
    .addColumn('admitted_on', 'text', (c) => c.notNull())
    .addColumn('left_on', 'text')
    .addColumn('services', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('outcome', 'text')
    .addColumn('destination', 'text')
    .addColumn('notes', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('vagrant_rescues_admitted').on('vagrant_rescues').column('admitted_on').execute();
  await db.schema.createIndex('vagrant_rescues_township_admitted').on('vagrant_rescues').columns(['township_id', 'admitted_on']).execute();
  await db.schema.createIndex('vagrant_rescues_left').on('vagrant_rescues').column('left_on').execute();
}
