import { sql, type Kysely } from 'kysely';

/**
 * Frozen once shipped: the history reports are computed from. An enrollment's amount, covered persons and
 * phase (paid as usual, or tapering off) by the month they took effect, so a form for a past month uses
 * what was in force then; and the snapshots of submitted (上报) forms. Existing enrollments get their
 * current values from their start month.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('enrollment_amounts')
    .addColumn('enrollment_id', 'text', (c) => c.notNull().references('enrollments.id'))
    .addColumn('from_month', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'integer', (c) => c.notNull())
    .addColumn('covered', 'integer', (c) => c.notNull())
    .addColumn('phase', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('enrollment_amounts_pk', ['enrollment_id', 'from_month'])
    .modifyEnd(sql`without rowid`)
    .execute();
  await sql`
    insert into enrollment_amounts (enrollment_id, from_month, amount_fen, covered, phase)
    select e.id, e.start_month, e.monthly_amount_fen,
      (select count(*) from enrollment_members m where m.enrollment_id = e.id),
      case when e.status = 'tapering' then 'taper' else 'normal' end
    from enrollments e`.execute(db);
  await db.schema.createIndex('enrollments_months').on('enrollments').columns(['start_month', 'end_month']).execute();
  await db.schema.createIndex('enrollments_end_month').on('enrollments').column('end_month').execute();

  await db.schema
    .createTable('report_snapshots')
    .addColumn('form', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    /** The payment roster's program; '' for forms of every program. */
    .addColumn('variant', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_snapshots_pk', ['form', 'period', 'variant'])
    .execute();
}
