import { sql, type Kysely } from 'kysely';

/** Frozen once shipped: households and persons, the core of the people ledger. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('households')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('township_id', 'text', (c) => c.notNull().references('townships.id'))
    .addColumn('village_id', 'text', (c) => c.references('villages.id'))
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('hukou_type', 'text', (c) => c.notNull().check(sql`hukou_type in ('urban', 'rural')`))
    .addColumn('phone', 'text')
    .addColumn('head_person_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('households_township_village').on('households').columns(['township_id', 'village_id']).execute();

  await db.schema
    .createTable('persons')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('household_id', 'text', (c) => c.references('households.id'))
    .addColumn('relation', 'text')
    .addColumn('id_number', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sex', 'text', (c) => c.notNull().check(sql`sex in ('male', 'female')`))
    .addColumn('birth_date', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('persons_household').on('persons').column('household_id').execute();
}
