/**
 * Reading child files as rows: the file with its person, household, place and 儿童主任, its due state
 * today, and what a viewer may see. Roles without need (seesChildRecords) get names and ID numbers masked.
 */
import { addDays, ageOn, daysBetween, dateOfAge } from '../../shared/domain/dates';
import { leavesLedgerAt, maskName, type ChildCategory, type VisitPolicy } from '../../shared/domain/care';
import { maskIdNumber } from '../../shared/domain/id-number';
import type { ChildRow } from '../../shared/api/care.schemas';
import type { Executor } from '../db/schema';

export interface ChildViewer {
  seesRecords: boolean;
  today: string;
}

export function childRowsQuery(db: Executor) {
  return db
    .selectFrom('children as c')
    .innerJoin('persons as p', 'p.id', 'c.person_id')
    .innerJoin('households as h', 'h.id', 'p.household_id')
    .innerJoin('townships as t', 't.id', 'h.township_id')
    .leftJoin('villages as v', 'v.id', 'h.village_id')
    .leftJoin('child_directors as d', 'd.id', 'c.director_id')
    .select([
      'c.person_id',
      'p.household_id',
      'p.name',
      'p.id_number',
      'p.sex',
      'p.birth_date',
      'c.category',
      'c.cause',
      'c.guardianship',
      'c.guardian_name',
      'h.township_id',
      't.name as township_name',
      'v.name as village_name',
      'c.director_id',
      'd.name as director_name',
      'c.last_visited_on',
      'c.next_due_on',
      'c.closed_on',
    ]);
}

type Raw = Awaited<ReturnType<ReturnType<typeof childRowsQuery>['execute']>>[number];

/** Where a file stands today: closed, overdue, due within the policy's days, or not yet due. */
export function dueStateOf(nextDueOn: string | null, closedOn: string | null, today: string, policy: VisitPolicy): Pick<ChildRow, 'dueState' | 'days'> {
  if (closedOn || !nextDueOn) return { dueState: 'closed', days: 0 };
  const days = daysBetween(today, nextDueOn);
  if (days < 0) return { dueState: 'overdue', days: -days };
  if (days <= policy.dueSoonDays) return { dueState: 'soon', days };
  return { dueState: 'ok', days: 0 };
}

export function toChildRow(r: Raw, viewer: ChildViewer, policy: VisitPolicy): ChildRow {
  return {
    personId: r.person_id,
    // Never null here: the query joins the household.
    householdId: r.household_id ?? '',
    name: viewer.seesRecords ? r.name : maskName(r.name),
    idNumber: viewer.seesRecords ? r.id_number : maskIdNumber(r.id_number),
    sex: r.sex as ChildRow['sex'],
    age: ageOn(r.birth_date, viewer.today),
    category: r.category as ChildCategory,
    cause: r.cause as ChildRow['cause'],
    guardianship: r.guardianship as ChildRow['guardianship'],
    guardianName: r.guardian_name && !viewer.seesRecords ? maskName(r.guardian_name) : r.guardian_name,
    townshipId: r.township_id,
    townshipName: r.township_name,
    villageName: r.village_name,
    directorId: r.director_id,
    directorName: r.director_name,
    lastVisitedOn: r.last_visited_on,
    nextDueOn: r.closed_on ? null : r.next_due_on,
    ...dueStateOf(r.next_due_on, r.closed_on, viewer.today, policy),
    leavesOn: dateOfAge(r.birth_date, leavesLedgerAt(r.category as ChildCategory)),
    closedOn: r.closed_on,
  };
}

/** The last day that still counts as due soon. */
export const soonUntil = (today: string, policy: VisitPolicy) => addDays(today, policy.dueSoonDays);
