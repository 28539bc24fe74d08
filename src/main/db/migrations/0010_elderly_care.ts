import { sql, type Kysely } from 'kysely';

/**
 * Frozen once shipped: elderly care (老年关爱). Survival checks (生存认证) of 高龄津贴, one per person and
 * half-year; ability assessments (能力综合评估); the file of elderly with special difficulties (特殊困难老年人)
 * keyed by person, with `next_due_on` kept at every write so overdue lists read one index; and their visits.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('survival_checks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('checked_on', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('deceased_on', 'text')
    .addColumn('recorded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('survival_checks_person_period', ['person_id', 'period'])
    .execute();
  // "Deceased by any check" is asked per person; the unique constraint's index serves it.

  await db.schema
    .createTable('elder_assessments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
    .addColumn('assessed_on', 'text', (c) => c.notNull())
    .addColumn('assessor', 'text', (c) => c.notNull())
    .addColumn('organisation', 'text', (c) => c.notNull())
    .addColumn('score', 'integer')
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('next_due_on', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('elder_assessments_person').on('elder_assessments').columns(['person_id', 'assessed_on']).execute();

  await db.schema
    .createTable('elders')
    .addColumn('person_id', 'text', (c) => c.primaryKey().references('persons.id'))
    .addColumn('difficulties', 'text', (c) => c.notNull())
    .addColumn('contact_name', 'text')
    .addColumn('contact_phone', 'text')
    .addColumn('opened_on', 'text', (c) => c.notNull())
    .addColumn('closed_on', 'text')
    .addColumn('close_reason', 'text')
    .addColumn('last_visited_on', 'text')
    .addColumn('next_due_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('elders_difficulties_not_empty', sql`difficulties <> ''`)
    .execute();
  await db.schema.createIndex('elders_next_due').on('elders').column('next_due_on').execute();

  await db.schema
    .createTable('elder_visits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('elders.person_id'))
    .addColumn('visited_on', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('visitor', 'text', (c) => c.notNull())
    .addColumn('findings', 'text', (c) => c.notNull())
    .addColumn('needs', 'text')
    .addColumn('follow_up', 'text')
    .addColumn('recorded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('elder_visits_person').on('elder_visits').columns(['person_id', 'visited_on']).execute();
}
