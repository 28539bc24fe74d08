import type { Executor } from '../db/schema';
import { COVERED_STATUSES } from '../../shared/domain/programs';

/** Enrollments covering any of these persons now (在保 or 渐退), with where they are held. */
export async function coveringEnrollments(db: Executor, personIds: string[]) {
  if (personIds.length === 0) return [];
  const rows = await db
    .selectFrom('enrollment_members as em')
    .innerJoin('enrollments as e', 'e.id', 'em.enrollment_id')
    .innerJoin('households as h', 'h.id', 'e.household_id')
    .innerJoin('townships as t', 't.id', 'h.township_id')
    .innerJoin('persons as p', 'p.id', 'em.person_id')
    .select(['em.person_id', 'p.name as person_name', 'e.id', 'e.program', 'e.category', 'e.status', 'e.household_id', 'h.township_id', 't.name as township_name'])
    .where('em.person_id', 'in', personIds)
    .execute();
  // Status is judged here, not in SQL: given a status filter, the planner may walk every active enrollment
  // instead of starting from these persons.
  return rows.filter((r) => (COVERED_STATUSES as readonly string[]).includes(r.status));
}

export function enrollmentsOfHouseholds(db: Executor, householdIds: string[]) {
  if (householdIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('enrollments as e')
    .leftJoin('users as u', 'u.id', 'e.confirmed_by')
    .leftJoin('standards as s', 's.id', 'e.standard_id')
    .selectAll('e')
    .select(['u.display_name as confirmed_by_name', 's.amount_fen as standard_fen', 's.effective_from as standard_from'])
    .where('e.household_id', 'in', householdIds)
    .orderBy('e.start_month', 'desc')
    .execute();
}

export function membersOfEnrollments(db: Executor, enrollmentIds: string[]) {
  if (enrollmentIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('enrollment_members').selectAll().where('enrollment_id', 'in', enrollmentIds).execute();
}
