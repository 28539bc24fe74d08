import { sql, type Kysely } from 'kysely';

/**
 * Frozen once shipped: referrals (转介, 慈善帮扶衔接). A need of a household (or one member) is referred to
 * an organisation of the county's list (hospital, counselling service, school, charity project…), which
 * answers by a due date; each status move is an event. The overdue list reads (status, due_on).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('care_organisations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('services', 'text')
    .addColumn('contact_name', 'text')
    .addColumn('phone', 'text')
    // Null: the organisation serves the whole county.
    .addColumn('township_id', 'text', (c) => c.references('townships.id'))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // Two active organisations may not share a name; a retired one may.
  await db.schema.createIndex('care_organisations_active_name').on('care_organisations').column('name').unique().where(sql.ref('active'), '=', 1).execute();

  await db.schema
    .createTable('referrals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('referral_no', 'text', (c) => c.notNull().unique())
    .addColumn('household_id', 'text', (c) => c.notNull().references('households.id'))
    .addColumn('person_id', 'text', (c) => c.references('persons.id'))
    .addColumn('township_id', 'text', (c) => c.notNull().references('townships.id'))
    .addColumn('need_kind', 'text', (c) => c.notNull())
    .addColumn('need', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('care_organisations.id'))
    .addColumn('referred_on', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('closed_on', 'text')
    .addColumn('case_id', 'text', (c) => c.references('cases.id'))
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('referrals_status_due').on('referrals').columns(['status', 'due_on']).execute();
  await db.schema.createIndex('referrals_township').on('referrals').columns(['township_id', 'status', 'due_on']).execute();
  await db.schema.createIndex('referrals_household').on('referrals').column('household_id').execute();
  await db.schema.createIndex('referrals_case').on('referrals').column('case_id').execute();
  await db.schema.createIndex('referrals_organisation').on('referrals').column('organisation_id').execute();

  await db.schema
    .createTable('referral_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('referral_id', 'text', (c) => c.notNull().references('referrals.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('user_name', 'text', (c) => c.notNull())
    .addColumn('acted_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('referral_events_referral').on('referral_events').columns(['referral_id', 'seq']).unique().execute();
}
