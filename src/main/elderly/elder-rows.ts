/**
 * Reading elder files as rows: the file with its person, household and place, its due state today, and
 * what a viewer may see. Roles without need get names, ID numbers and the contact masked.
 */
import { sql } from 'kysely';
import { addDays, ageOn, daysBetween } from '../../shared/domain/dates';
import { maskName } from '../../shared/domain/care';
import { parseDifficulties, type ElderDifficulty, type ElderPolicy } from '../../shared/domain/elderly';
import { maskIdNumber } from '../../shared/domain/id-number';
import type { Scope } from '../../shared/domain/roles';
import type { ElderRow } from '../../shared/api/elderly.schemas';
import type { Executor } from '../db/schema';
import { classifyQuery, personMatches } from '../ledger/ledger-search';
import type { ElderlyViewer } from './elderly-person';

export function elderRowsQuery(db: Executor) {
  return db
    .selectFrom('elders as e')
    .innerJoin('persons as p', 'p.id', 'e.person_id')
    .innerJoin('households as h', 'h.id', 'p.household_id')
    .innerJoin('townships as t', 't.id', 'h.township_id')
    .leftJoin('villages as v', 'v.id', 'h.village_id')
    .select([
      'e.person_id',
      'p.household_id',
      'p.name',
      'p.id_number',
      'p.sex',
      'p.birth_date',
      'e.difficulties',
      'e.contact_name',
      'h.township_id',
      't.name as township_name',
      'v.name as village_name',
      'e.last_visited_on',
      'e.next_due_on',
      'e.closed_on',
    ]);
}

type Raw = Awaited<ReturnType<ReturnType<typeof elderRowsQuery>['execute']>>[number];
export type DueState = ElderRow['dueState'];

export interface ElderFilter {
  townshipId?: string;
  state?: DueState;
  difficulty?: ElderDifficulty;
  q?: string;
}

/** The last day that still counts as due soon. */
export const soonUntil = (today: string, policy: ElderPolicy) => addDays(today, policy.dueSoonDays);

/** Elder files matching the filter within the scope, for the file list and the reminders alike. */
export function filteredElders(db: Executor, filter: ElderFilter, scope: Scope, today: string, soon: string) {
  let q = elderRowsQuery(db);
  if (scope.kind === 'township') q = q.where('h.township_id', '=', scope.townshipId);
  if (filter.townshipId) q = q.where('h.township_id', '=', filter.townshipId);
  if (filter.difficulty) q = q.where(sql<boolean>`(',' || e.difficulties || ',') like ${`%,${filter.difficulty},%`}`);
  if (filter.state === 'closed') q = q.where('e.closed_on', 'is not', null);
  else if (filter.state) q = q.where('e.closed_on', 'is', null);
  if (filter.state === 'overdue') q = q.where('e.next_due_on', '<', today);
  if (filter.state === 'soon') q = q.where('e.next_due_on', '>=', today).where('e.next_due_on', '<=', soon);
  if (filter.state === 'ok') q = q.where('e.next_due_on', '>', soon);
  const search = classifyQuery(filter.q ?? '');
  return search ? q.where(personMatches(search, 'either')) : q;
}

/** Where a file stands today: closed, overdue, due within the policy's days, or not yet due. */
export function dueStateOf(nextDueOn: string | null, closedOn: string | null, today: string, policy: ElderPolicy): Pick<ElderRow, 'dueState' | 'days'> {
  if (closedOn || !nextDueOn) return { dueState: 'closed', days: 0 };
  const days = daysBetween(today, nextDueOn);
  if (days < 0) return { dueState: 'overdue', days: -days };
  if (days <= policy.dueSoonDays) return { dueState: 'soon', days };
  return { dueState: 'ok', days: 0 };
}

export function toElderRow(r: Raw, viewer: ElderlyViewer, policy: ElderPolicy): ElderRow {
  return {
    personId: r.person_id,
    householdId: r.household_id ?? '',
    name: viewer.seesRecords ? r.name : maskName(r.name),
    idNumber: viewer.seesRecords ? r.id_number : maskIdNumber(r.id_number),
    sex: r.sex as ElderRow['sex'],
    age: ageOn(r.birth_date, viewer.today),
    difficulties: parseDifficulties(r.difficulties),
    contactName: r.contact_name && !viewer.seesRecords ? maskName(r.contact_name) : r.contact_name,
    townshipId: r.township_id,
    townshipName: r.township_name,
    villageName: r.village_name,
    lastVisitedOn: r.last_visited_on,
    nextDueOn: r.closed_on ? null : r.next_due_on,
    ...dueStateOf(r.next_due_on, r.closed_on, viewer.today, policy),
    closedOn: r.closed_on,
  };
}
