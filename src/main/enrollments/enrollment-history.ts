/**
 * The one way enrollments enter the ledger and change their amount: the rows, their covered members and
 * their amount history (enrollment_amounts), from which forms for past months are computed.
 */
import type { Executor } from '../db/schema';
import type { EnrollmentMembersTable, EnrollmentsTable } from '../db/tables/enrollments.table';
import type { BulkReferences } from '../db/bulk-references';
import { insertMany } from '../db/insert-many';

export type Phase = 'normal' | 'taper';

/** `references`: see insertMany. */
export async function insertEnrollments(trx: Executor, rows: EnrollmentsTable[], members: EnrollmentMembersTable[], references?: BulkReferences | null): Promise<void> {
  await insertMany(trx, 'enrollments', rows, references);
  await insertMany(trx, 'enrollment_members', members, references);
  const covered = new Map<string, number>();
  for (const m of members) covered.set(m.enrollment_id, (covered.get(m.enrollment_id) ?? 0) + 1);
  await insertMany(
    trx,
    'enrollment_amounts',
    rows.map((r) => ({ enrollment_id: r.id, from_month: r.start_month, amount_fen: r.monthly_amount_fen, covered: covered.get(r.id) ?? 0, phase: r.status === 'tapering' ? 'taper' : 'normal' })),
    references,
  );
}

/**
 * From `month` on, the enrollment is paid `amountFen` (a change, an adjustment at review) or tapers off;
 * what is not given carries over from the entry in force that month. Covered persons are counted now.
 */
export async function recordAmountFrom(trx: Executor, enrollmentId: string, month: string, change: { amountFen?: number; phase?: Phase }): Promise<void> {
  const current = await trx
    .selectFrom('enrollment_amounts')
    .select(['amount_fen', 'phase'])
    .where('enrollment_id', '=', enrollmentId)
    .where('from_month', '<=', month)
    .orderBy('from_month', 'desc')
    .limit(1)
    .executeTakeFirst();
  const covered = await trx
    .selectFrom('enrollment_members')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('enrollment_id', '=', enrollmentId)
    .executeTakeFirstOrThrow();
  const row = {
    enrollment_id: enrollmentId,
    from_month: month,
    amount_fen: change.amountFen ?? current?.amount_fen ?? 0,
    covered: Number(covered.n),
    phase: change.phase ?? current?.phase ?? 'normal',
  };
  await trx
    .insertInto('enrollment_amounts')
    .values(row)
    .onConflict((oc) => oc.columns(['enrollment_id', 'from_month']).doUpdateSet({ amount_fen: row.amount_fen, covered: row.covered, phase: row.phase }))
    .execute();
}
