/**
 * Reading elder files as rows: the file with its person, household and place, its due state today, and
 * what a viewer may see. Roles without need get names, ID numbers and the contact masked (the fields every
 * person file shares: ledger/person-file.ts).
 */
import { sql } from 'kysely';
import { parseDifficulties, type ElderDifficulty, type ElderPolicy } from '../../shared/domain/elderly';
import type { Scope } from '../../shared/domain/roles';
import type { ElderRow } from '../../shared/api/elderly.schemas';
import type { Executor } from '../db/schema';
import { classifyQuery, personMatches } from '../ledger/ledger-search';
import { fileRowFields, shownName, type DueState, type FileViewer } from '../ledger/person-file';

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

export interface ElderFilter {
  townshipId?: string;
  state?: DueState;
  difficulty?: ElderDifficulty;
  q?: string;
}

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

export function toElderRow(r: Raw, viewer: FileViewer, policy: ElderPolicy): ElderRow {
  return {
    ...fileRowFields(r, viewer, policy),
    difficulties: parseDifficulties(r.difficulties),
    contactName: shownName(r.contact_name, viewer),
  };
}
