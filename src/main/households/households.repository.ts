import type { Executor } from '../db/schema';
import type { HouseholdsTable, PersonsTable } from '../db/tables/households.table';
import type { Scope } from '../../shared/domain/roles';

/** Batches keep each statement under SQLite's bound-variable limit (9 columns x 500 rows). */
const BATCH = 500;

export async function insertHouseholds(db: Executor, rows: HouseholdsTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await db.insertInto('households').values(rows.slice(i, i + BATCH)).execute();
}

export async function insertPersons(db: Executor, rows: PersonsTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await db.insertInto('persons').values(rows.slice(i, i + BATCH)).execute();
}

/** Persons already in the ledger with any of these ID numbers, with their household's township. */
export async function personsByIdNumbers(db: Executor, idNumbers: string[]) {
  const found: { id_number: string; name: string; township_name: string | null }[] = [];
  for (let i = 0; i < idNumbers.length; i += BATCH) {
    const rows = await db
      .selectFrom('persons as p')
      .leftJoin('households as h', 'h.id', 'p.household_id')
      .leftJoin('townships as t', 't.id', 'h.township_id')
      .select(['p.id_number', 'p.name', 't.name as township_name'])
      .where('p.id_number', 'in', idNumbers.slice(i, i + BATCH))
      .execute();
    found.push(...rows);
  }
  return found;
}

export async function countPeople(db: Executor, scope: Scope): Promise<{ households: number; persons: number }> {
  let h = db.selectFrom('households').select((eb) => eb.fn.countAll<number>().as('n'));
  let p = db
    .selectFrom('persons as p')
    .innerJoin('households as h', 'h.id', 'p.household_id')
    .select((eb) => eb.fn.countAll<number>().as('n'));
  if (scope.kind === 'township') {
    h = h.where('township_id', '=', scope.townshipId);
    p = p.where('h.township_id', '=', scope.townshipId);
  }
  const [hr, pr] = await Promise.all([h.executeTakeFirstOrThrow(), p.executeTakeFirstOrThrow()]);
  return { households: Number(hr.n), persons: Number(pr.n) };
}
