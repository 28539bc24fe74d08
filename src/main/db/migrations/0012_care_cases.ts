import { sql, type Kysely } from 'kysely';

/**
 * Frozen once shipped: care cases on the workflow engine. A psychological-care case can be flagged as a
 * crisis at any stage (the inbox shows and filters it), and after discharge it is followed up on a date
 * kept with the case, so the list of follow-ups due reads one index.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('cases').addColumn('crisis', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('cases').addColumn('follow_up_on', 'text').execute();
  await db.schema.createIndex('cases_follow_up').on('cases').column('follow_up_on').where(sql.ref('follow_up_on'), 'is not', null).execute();
}
