import { sql, type Kysely } from 'kysely';
import { OFFICIAL_CALENDAR } from '../../../shared/domain/official-calendar';

/** Frozen once shipped: the holiday calendar (days off and 调休 working days), seeded with 2024–2026. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('calendar_days')
    .addColumn('date', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('holiday', 'workday')`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('official', 'local')`))
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  const now = new Date().toISOString();
  for (const [date, kind, name] of OFFICIAL_CALENDAR) {
    await sql`insert into calendar_days (date, kind, name, source, updated_by, updated_at) values (${date}, ${kind}, ${name}, 'official', ${null}, ${now})`.execute(db);
  }
}
