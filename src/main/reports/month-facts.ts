/**
 * What the forms count, read from the enrollments' history for one month: every enrollment paid that
 * month (with the amount, covered persons and phase in force then), every enrollment whose payment stopped
 * from that month (paid through the month before), and every 临时救助 granted that month.
 */
import { sql } from 'kysely';
import { addMonths } from '../../shared/domain/dates';
import type { Program } from '../../shared/domain/programs';
import type { Executor } from '../db/schema';

export interface EnrollmentFact {
  enrollmentId: string;
  householdId: string;
  personId: string | null;
  program: Program;
  category: string | null;
  townshipId: string;
  hukou: 'urban' | 'rural';
  startMonth: string;
  amountFen: number;
  covered: number;
  phase: 'normal' | 'taper';
  /** The enrolled person's (person programs) or the head's birth date. */
  birthDate: string | null;
}

export interface ReliefFact {
  caseId: string;
  householdId: string;
  townshipId: string;
  amountFen: number;
}

/** The amount history entry `s` in force in the month, for enrollments `e`. */
export const inForce = (month: string) => sql<boolean>`s.from_month = (select max(x.from_month) from enrollment_amounts x where x.enrollment_id = e.id and x.from_month <= ${month})`;

function factsWhere(db: Executor, month: string) {
  return db
    .selectFrom('enrollments as e')
    .innerJoin('households as h', 'h.id', 'e.household_id')
    .innerJoin('enrollment_amounts as s', 's.enrollment_id', 'e.id')
    .select([
      'e.id as enrollmentId',
      'e.household_id as householdId',
      'e.person_id as personId',
      'e.program',
      'e.category',
      'e.township_id as townshipId',
      'h.hukou_type as hukou',
      'e.start_month as startMonth',
      's.amount_fen as amountFen',
      's.covered',
      's.phase',
      // A lookup by primary key: as a join on coalesce() SQLite may not use the index.
      sql<string | null>`(select p.birth_date from persons p where p.id = coalesce(e.person_id, h.head_person_id))`.as('birthDate'),
    ])
    .where(inForce(month));
}

/** Enrollments paid in the month. */
export async function paidIn(db: Executor, month: string, programs?: readonly Program[]): Promise<EnrollmentFact[]> {
  let q = factsWhere(db, month)
    .where('e.start_month', '<=', month)
    .where((eb) => eb.or([eb('e.end_month', 'is', null), eb('e.end_month', '>=', month)]));
  if (programs) q = q.where('e.program', 'in', programs);
  return (await q.execute()) as EnrollmentFact[];
}

/** Enrollments paid the month before and not from this month on (停保 effective this month). */
export async function stoppedFrom(db: Executor, month: string, programs?: readonly Program[]): Promise<EnrollmentFact[]> {
  const before = addMonths(month, -1);
  let q = factsWhere(db, before).where('e.end_month', '=', before);
  if (programs) q = q.where('e.program', 'in', programs);
  return (await q.execute()) as EnrollmentFact[];
}

/** Amounts changed from this month on (an increase or a decrease), with the amount before. */
export async function changedIn(db: Executor, month: string, programs?: readonly Program[]) {
  let q = factsWhere(db, month)
    .where('s.from_month', '=', month)
    .whereRef('e.start_month', '<', 's.from_month')
    .where((eb) => eb.or([eb('e.end_month', 'is', null), eb('e.end_month', '>=', month)]))
    .select(sql<number>`(select y.amount_fen from enrollment_amounts y where y.enrollment_id = e.id and y.from_month < ${month} order by y.from_month desc limit 1)`.as('previousFen'));
  if (programs) q = q.where('e.program', 'in', programs);
  return (await q.execute()) as (EnrollmentFact & { previousFen: number })[];
}

/** 临时救助 granted in the month (approved cases closed that month). */
export async function reliefIn(db: Executor, month: string): Promise<ReliefFact[]> {
  return db
    .selectFrom('cases as c')
    .select(['c.id as caseId', 'c.household_id as householdId', 'c.township_id as townshipId', sql<number>`coalesce(c.amount_fen, 0)`.as('amountFen')])
    .where('c.program', '=', 'linshi')
    .where('c.outcome', '=', 'approved')
    .where(sql<string>`substr(c.closed_at, 1, 7)`, '=', month)
    .execute();
}
