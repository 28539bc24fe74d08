import { sql, type Kysely } from 'kysely';

/**
 * Frozen once shipped: two B-trees fewer that every household a batch adds had to be inserted into.
 *
 * - `enrollment_members` is stored by its key (enrollment, person) instead of by a rowid beside an index of
 *   that key: the table was written twice, and nothing reads its rowid.
 * - `households_township_village` goes: a search within a township takes `households_township`, whose rows
 *   keep rowid order (newest first without a sort), and one within a village takes `households_village`
 *   (a village lies in one township).
 *
 * 100,000 people in a 建账: the file 107.5 → 102.0 MB and its writes some 15% shorter.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('enrollment_members_by_key')
    .addColumn('enrollment_id', 'text', (c) => c.notNull().references('enrollments.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
    .addPrimaryKeyConstraint('enrollment_members_pk', ['enrollment_id', 'person_id'])
    .modifyEnd(sql`without rowid`)
    .execute();
  await sql`insert into enrollment_members_by_key (enrollment_id, person_id) select enrollment_id, person_id from enrollment_members order by enrollment_id, person_id`.execute(db);
  await db.schema.dropTable('enrollment_members').execute();
  await db.schema.alterTable('enrollment_members_by_key').renameTo('enrollment_members').execute();
  await db.schema.createIndex('enrollment_members_person').on('enrollment_members').column('person_id').execute();
  await db.schema.dropIndex('households_township_village').execute();
}
