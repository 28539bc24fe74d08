import { sql } from 'kysely';
import type { Executor } from '../db/schema';
import type { BulkReferences } from '../db/bulk-references';
import { insertMany } from '../db/insert-many';
import type { HouseholdsTable, PersonsTable } from '../db/tables/households.table';
import type { Scope } from '../../shared/domain/roles';

/** `references`: see insertMany. */
export async function insertHouseholds(db: Executor, rows: HouseholdsTable[], references?: BulkReferences | null): Promise<void> {
  await insertMany(db, 'households', rows, references);
}

export async function insertPersons(db: Executor, rows: PersonsTable[], references?: BulkReferences | null): Promise<void> {
  await insertMany(db, 'persons', rows, references);
}

/** ID numbers looked up per query. */
const BATCH = 500;

/**
 * Persons already in the ledger with any of these ID numbers, with where they are registered; not those
 * `exceptBatch` wrote (a 建账 checking its roster while it writes it: what it wrote is not the ledger's).
 */
export async function personsByIdNumbers(db: Executor, idNumbers: string[], exceptBatch?: string) {
  const found: {
    id: string;
    id_number: string;
    name: string;
    household_id: string | null;
    township_id: string | null;
    township_name: string | null;
    village_name: string | null;
    head_name: string | null;
  }[] = [];
  for (let i = 0; i < idNumbers.length; i += BATCH) {
    const rows = await db
      .selectFrom('persons as p')
      .leftJoin('households as h', 'h.id', 'p.household_id')
      .leftJoin('townships as t', 't.id', 'h.township_id')
      .leftJoin('villages as v', 'v.id', 'h.village_id')
      .leftJoin('persons as head', 'head.id', 'h.head_person_id')
      .select(['p.id', 'p.id_number', 'p.name', 'p.household_id', 'h.township_id', 't.name as township_name', 'v.name as village_name', 'head.name as head_name'])
      .where('p.id_number', 'in', idNumbers.slice(i, i + BATCH))
      .$if(exceptBatch !== undefined, (q) => q.where('p.import_batch_id', 'is not', exceptBatch!))
      .execute();
    found.push(...rows);
  }
  return found;
}

export function findHousehold(db: Executor, id: string) {
  return db
    .selectFrom('households as h')
    .innerJoin('townships as t', 't.id', 'h.township_id')
    .leftJoin('villages as v', 'v.id', 'h.village_id')
    .selectAll('h')
    .select(['t.name as township_name', 'v.name as village_name'])
    .where('h.id', '=', id)
    .executeTakeFirst();
}

export function membersOf(db: Executor, householdId: string) {
  return db
    .selectFrom('persons')
    .selectAll()
    .where('household_id', '=', householdId)
    .orderBy(sql`case relation when 'self' then 0 when 'spouse' then 1 when 'parent' then 2 when 'son' then 3 when 'daughter' then 3 when 'grandchild' then 4 else 5 end`)
    .orderBy('birth_date')
    .execute();
}

export function findPerson(db: Executor, id: string) {
  return db.selectFrom('persons').selectAll().where('id', '=', id).executeTakeFirst();
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

/**
 * What each committed 建账 batch did to this household, told from the rows the batch created (they name
 * it), with the batch's own audit entry for who and when: the household registered or not, persons added,
 * the enrollments entered with their first monthly amount.
 */
export async function importsOf(db: Executor, householdId: string) {
  const rows = await sql<{ seq: number; at: string; username: string | null; batch_id: string; file_name: string; program: string; registered: number; persons: number; monthly_fen: number | null; start_month: string | null }>`
    select a.seq, a.at, a.username, b.id as batch_id, b.file_name, b.program,
      (select count(*) from households h where h.id = ${householdId} and h.import_batch_id = b.id) as registered,
      (select count(*) from persons p where p.household_id = ${householdId} and p.import_batch_id = b.id) as persons,
      (select sum(ea.amount_fen) from enrollments e join enrollment_amounts ea on ea.enrollment_id = e.id and ea.from_month = e.start_month
        where e.household_id = ${householdId} and e.import_batch_id = b.id) as monthly_fen,
      (select min(e.start_month) from enrollments e where e.household_id = ${householdId} and e.import_batch_id = b.id) as start_month
    from import_batches b
    join audit_log a on a.entity = 'import_batch' and a.entity_id = b.id and a.action = 'import.commit'
    where b.status = 'committed' and b.id in (
      select import_batch_id from households where id = ${householdId}
      union select import_batch_id from persons where household_id = ${householdId}
      union select import_batch_id from enrollments where household_id = ${householdId})
  `.execute(db);
  return rows.rows;
}

/** The household's timeline: every audit entry filed under it, newest first. */
export function timelineOf(db: Executor, householdId: string) {
  return db
    .selectFrom('audit_log')
    .select(['seq', 'at', 'username', 'action', 'entity', 'entity_id', 'before_json', 'after_json', 'reason'])
    .where('household_id', '=', householdId)
    .orderBy('seq', 'desc')
    .execute();
}
