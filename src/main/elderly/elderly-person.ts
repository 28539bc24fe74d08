/** The person an elderly-care record is about, read once and refused outside the user's township. */
import { AppError } from '../../shared/api/errors';
import type { Scope } from '../../shared/domain/roles';
import type { Executor } from '../db/schema';
import { assertTownshipInScope } from '../app/scope';

export async function elderlyPerson(db: Executor, scope: Scope, personId: string) {
  const person = await db
    .selectFrom('persons as p')
    .innerJoin('households as h', 'h.id', 'p.household_id')
    .select(['p.id', 'p.name', 'p.birth_date', 'p.deceased_on', 'p.household_id', 'h.township_id'])
    .where('p.id', '=', personId)
    .executeTakeFirst();
  if (!person) throw new AppError('NOT_FOUND', '找不到该人员');
  assertTownshipInScope(scope, person.township_id);
  return person;
}

/** What a viewer may see: whole ID numbers (clerks and reviewers), and care records whole (care workers). */
export interface ElderlyViewer {
  seesIds: boolean;
  seesRecords: boolean;
  today: string;
}

/** A field's validation error, shown at that field. */
export const fieldError = (path: string, message: string) => new AppError('VALIDATION', message, { fields: [{ path: [path], message }] });
