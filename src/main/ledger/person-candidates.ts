/**
 * The people a form may pick (登记对象, 转介对象): living persons in the user's scope matching what was typed,
 * with their household and place, the first 20 by name. Each caller narrows who qualifies (an age, no open file).
 */
import { ageOn } from '../../shared/domain/dates';
import type { Scope } from '../../shared/domain/roles';
import type { Executor } from '../db/schema';
import { personMatches, type classifyQuery } from './ledger-search';

export const CANDIDATE_LIMIT = 20;

/** Living persons in the user's scope with their household's place: where person searches and lists start. */
export function livingPersonsInScope(db: Executor, scope: Scope) {
  let q = db
    .selectFrom('persons as p')
    .innerJoin('households as h', 'h.id', 'p.household_id')
    .innerJoin('townships as t', 't.id', 'h.township_id')
    .leftJoin('villages as v', 'v.id', 'h.village_id')
    .select(['p.id', 'p.household_id', 'p.name', 'p.id_number', 'p.birth_date', 'h.township_id', 't.name as township_name', 'v.name as village_name'])
    .where('p.deceased_on', 'is', null);
  if (scope.kind === 'township') q = q.where('h.township_id', '=', scope.townshipId);
  return q;
}

export function candidatesQuery(db: Executor, search: NonNullable<ReturnType<typeof classifyQuery>>, scope: Scope) {
  return livingPersonsInScope(db, scope).select('h.head_person_id').where(personMatches(search, 'either'));
}

interface CandidateRow {
  id: string;
  name: string;
  id_number: string;
  birth_date: string;
  township_id: string;
  township_name: string;
  village_name: string | null;
}

export const toCandidate = (r: CandidateRow, today: string) => ({
  personId: r.id,
  name: r.name,
  idNumber: r.id_number,
  age: ageOn(r.birth_date, today),
  townshipId: r.township_id,
  townshipName: r.township_name,
  villageName: r.village_name,
});
