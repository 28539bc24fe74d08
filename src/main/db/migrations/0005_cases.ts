import { sql, type Kysely } from 'kysely';
import { DEFAULT_STANDARDS_FROM, STANDARD_ITEMS } from '../../../shared/domain/standards';

/**
 * Frozen once shipped: approval cases with their covered members and actions, the county's workflow
 * edits, review dates on enrollments, deaths on persons, and the standard items added since 0003.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('workflow_definitions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_no', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('program', 'text', (c) => c.notNull())
    .addColumn('household_id', 'text', (c) => c.notNull().references('households.id'))
    .addColumn('township_id', 'text', (c) => c.notNull().references('townships.id'))
    .addColumn('person_id', 'text', (c) => c.references('persons.id'))
    .addColumn('enrollment_id', 'text', (c) => c.references('enrollments.id'))
    .addColumn('category', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'closed')`))
    .addColumn('outcome', 'text', (c) => c.check(sql`outcome in ('approved', 'rejected')`))
    .addColumn('step', 'text')
    .addColumn('step_level', 'text')
    .addColumn('step_roles', 'text')
    .addColumn('step_since', 'text')
    .addColumn('step_due', 'text')
    .addColumn('opened_on', 'text', (c) => c.notNull())
    .addColumn('case_due', 'text', (c) => c.notNull())
    .addColumn('extended_reason', 'text')
    .addColumn('definition_id', 'text', (c) => c.notNull().references('workflow_definitions.id'))
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'integer')
    .addColumn('standard_id', 'text', (c) => c.references('standards.id'))
    .addColumn('delegated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('filing_reviewed_at', 'text')
    .addColumn('filing_reviewed_by', 'text', (c) => c.references('users.id'))
    .addColumn('filing_opinion', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // The inbox walks open cases by step deadline and filters on who acts, all within the index.
  await db.schema.createIndex('cases_open_due').on('cases').columns(['status', 'step_due', 'step_roles', 'township_id']).execute();
  await db.schema.createIndex('cases_township_open_due').on('cases').columns(['township_id', 'status', 'step_due', 'step_roles']).execute();
  await db.schema.createIndex('cases_household').on('cases').column('household_id').execute();
  await db.schema.createIndex('cases_enrollment').on('cases').column('enrollment_id').execute();

  await db.schema
    .createTable('case_members')
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
    .addPrimaryKeyConstraint('case_members_pk', ['case_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('case_steps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('opinion', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('user_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('acted_at', 'text', (c) => c.notNull())
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('data', 'text')
    .addUniqueConstraint('case_steps_case_seq', ['case_id', 'seq'])
    .execute();
  await db.schema.createIndex('case_steps_user').on('case_steps').columns(['user_id', 'acted_at']).execute();

  await db.schema
    .createTable('workflow_overrides')
    .addColumn('kind', 'text', (c) => c.primaryKey())
    .addColumn('overrides', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema.alterTable('enrollments').addColumn('next_review_on', 'text').execute();
  await db.schema.alterTable('enrollments').addColumn('unstable_income', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('enrollments').addColumn('case_id', 'text').execute();
  await db.schema.createIndex('enrollments_case').on('enrollments').column('case_id').execute();
  await db.schema.createIndex('enrollments_next_review').on('enrollments').columns(['status', 'next_review_on']).execute();
  await db.schema.alterTable('persons').addColumn('deceased_on', 'text').execute();

  // Standard items added after 0003 (e.g. 集中供养); ledgers created later already have them.
  const now = new Date().toISOString();
  for (const s of STANDARD_ITEMS) {
    await sql`insert or ignore into standards (id, item, amount_fen, effective_from, note, created_by, created_at)
      values (${`default-${s.item}`}, ${s.item}, ${s.defaultFen}, ${DEFAULT_STANDARDS_FROM}, ${'系统默认值，请按本地标准调整'}, ${null}, ${now})`.execute(db);
  }
}
