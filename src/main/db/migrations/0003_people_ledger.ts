import { sql, type Kysely } from 'kysely';
import { DEFAULT_STANDARDS_FROM, STANDARD_ITEMS } from '../../../shared/domain/standards';
import { nameInitials, reversed } from '../../households/search-keys';

/**
 * Frozen once shipped: the people ledger — person attributes and search keys, bank details, programs'
 * enrollments with their covered members, versioned program standards (with national-style defaults,
 * editable), and the reason and subject household on audit entries for timelines.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [column, type] of [
    ['ethnicity', 'text'],
    ['disability_category', 'text'],
    ['disability_grade', 'integer'],
    ['self_care', 'text'],
    ['health', 'text'],
    ['school_status', 'text'],
    ['notes', 'text'],
    ['name_initials', 'text'],
    ['id_rev', 'text'],
  ] as const) {
    await db.schema.alterTable('persons').addColumn(column, type).execute();
  }
  // Backfill the search keys of persons registered before this migration.
  const persons = await sql<{ id: string; id_number: string; name: string }>`select id, id_number, name from persons`.execute(db);
  for (const p of persons.rows) {
    await sql`update persons set id_rev = ${reversed(p.id_number)}, name_initials = ${nameInitials(p.name)} where id = ${p.id}`.execute(db);
  }
  await db.schema.createIndex('persons_name').on('persons').column('name').execute();
  await db.schema.createIndex('persons_initials').on('persons').column('name_initials').execute();
  await db.schema.createIndex('persons_id_rev').on('persons').column('id_rev').execute();
  await db.schema.createIndex('persons_birth_date').on('persons').column('birth_date').execute();

  // Single-column indexes keep rowid order within a township or village, so newest-first pages need no sort.
  await db.schema.createIndex('households_township').on('households').column('township_id').execute();
  await db.schema.createIndex('households_village').on('households').column('village_id').execute();
  for (const column of ['bank_name', 'bank_account', 'notes']) {
    await db.schema.alterTable('households').addColumn(column, 'text').execute();
  }

  await db.schema
    .createTable('standards')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'integer', (c) => c.notNull().check(sql`amount_fen >= 0`))
    .addColumn('effective_from', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('standards_item_from', ['item', 'effective_from'])
    .execute();

  await db.schema
    .createTable('enrollments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('program', 'text', (c) => c.notNull())
    .addColumn('household_id', 'text', (c) => c.notNull().references('households.id'))
    // The household's township, kept on the enrollment so counts by township and program read one index.
    .addColumn('township_id', 'text', (c) => c.notNull().references('townships.id'))
    .addColumn('person_id', 'text', (c) => c.references('persons.id'))
    .addColumn('category', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('active', 'tapering', 'stopped')`))
    .addColumn('start_month', 'text', (c) => c.notNull())
    .addColumn('end_month', 'text')
    .addColumn('monthly_amount_fen', 'integer', (c) => c.notNull().check(sql`monthly_amount_fen >= 0`))
    .addColumn('standard_id', 'text', (c) => c.references('standards.id'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('confirmed_by', 'text', (c) => c.references('users.id'))
    .addColumn('confirmed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('enrollments_household').on('enrollments').column('household_id').execute();
  await db.schema.createIndex('enrollments_program_status').on('enrollments').columns(['program', 'status', 'township_id', 'household_id']).execute();

  await db.schema
    .createTable('enrollment_members')
    .addColumn('enrollment_id', 'text', (c) => c.notNull().references('enrollments.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
    .addPrimaryKeyConstraint('enrollment_members_pk', ['enrollment_id', 'person_id'])
    .execute();
  await db.schema.createIndex('enrollment_members_person').on('enrollment_members').column('person_id').execute();

  const now = new Date().toISOString();
  for (const s of STANDARD_ITEMS) {
    await sql`insert into standards (id, item, amount_fen, effective_from, note, created_by, created_at)
      values (${`default-${s.item}`}, ${s.item}, ${s.defaultFen}, ${DEFAULT_STANDARDS_FROM}, ${'系统默认值，请按本地标准调整'}, ${null}, ${now})`.execute(db);
  }

  await db.schema.alterTable('audit_log').addColumn('reason', 'text').execute();
  await db.schema.alterTable('audit_log').addColumn('household_id', 'text').execute();
  await db.schema.createIndex('audit_log_household').on('audit_log').column('household_id').execute();
}
