import type { Kysely } from 'kysely';

/**
 * Frozen once shipped: covering indexes for what a form reads of a household (its hukou) and of a person
 * (the birth date, for the 高龄 band). A county form looks these up for most of 200,000 enrollments; whole
 * rows spread those lookups over every page of both tables, more than the page cache holds, so each form
 * would decrypt them again. Keyed by the ULID id, new rows append at the end of each index.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('households_id_hukou').on('households').columns(['id', 'hukou_type']).execute();
  await db.schema.createIndex('persons_id_birth').on('persons').columns(['id', 'birth_date']).execute();
}
