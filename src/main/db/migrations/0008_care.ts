import type { Kysely } from 'kysely';

/**
 * Frozen once shipped: the children's care ledger (儿童关爱). One file per child (a person of the ledger),
 * the village 儿童主任 who answer for them, and visits (探视巡访). `next_due_on` is kept with the file (it
 * is recomputed at every write and when the county changes its visit intervals) so the lists of overdue
 * visits read one index however many years of visits the county holds.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('child_directors')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('township_id', 'text', (c) => c.notNull().references('townships.id'))
    .addColumn('village_id', 'text', (c) => c.references('villages.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('child_directors_township').on('child_directors').column('township_id').execute();

  await db.schema
    .createTable('children')
    .addColumn('person_id', 'text', (c) => c.primaryKey().references('persons.id'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('cause', 'text')
    .addColumn('guardianship', 'text', (c) => c.notNull())
    .addColumn('guardian_name', 'text')
    .addColumn('guardian_relation', 'text')
    .addColumn('guardian_id_number', 'text')
    .addColumn('guardian_phone', 'text')
    .addColumn('director_id', 'text', (c) => c.references('child_directors.id'))
    .addColumn('school', 'text')
    .addColumn('health', 'text')
    .addColumn('disability', 'text')
    .addColumn('pairing_name', 'text')
    .addColumn('pairing_kind', 'text')
    .addColumn('pairing_phone', 'text')
    .addColumn('opened_on', 'text', (c) => c.notNull())
    .addColumn('closed_on', 'text')
    .addColumn('close_reason', 'text')
    .addColumn('last_visited_on', 'text')
    .addColumn('next_due_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('children_next_due').on('children').column('next_due_on').execute();
  await db.schema.createIndex('children_director').on('children').column('director_id').execute();

  await db.schema
    .createTable('child_visits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('child_id', 'text', (c) => c.notNull().references('children.person_id'))
    .addColumn('visited_on', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('visitor', 'text', (c) => c.notNull())
    .addColumn('findings', 'text', (c) => c.notNull())
    .addColumn('needs', 'text')
    .addColumn('follow_up', 'text')
    .addColumn('recorded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('child_visits_child').on('child_visits').columns(['child_id', 'visited_on']).execute();
}
