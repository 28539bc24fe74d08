/**
 * Finding households and persons: one search box (name prefix, pinyin initials, the start or end of an ID
 * number) plus filters, always within the user's township scope. Every search uses an index: names and
 * initials by prefix, IDs by prefix on the number and by prefix on the reversed number. A page walks its
 * index in order (search key, or newest registration first) so no large sort is needed, and counts stop
 * at 10,000.
 */
import { sql, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import type { LedgerFilter } from '../../shared/api/contract';
import { addYears } from '../../shared/domain/dates';
import { COVERED_STATUSES } from '../../shared/domain/programs';
import type { Scope } from '../../shared/domain/roles';
import { normalizeIdNumber } from '../../shared/domain/id-number';
import type { Executor, LedgerSchema } from '../db/schema';
import { reversed } from '../households/search-keys';

export const COUNT_CAP = 10_000;
const TOP = String.fromCodePoint(0x10ffff);

type Q = SelectQueryBuilder<LedgerSchema & { p: LedgerSchema['persons']; h: LedgerSchema['households'] }, 'p' | 'h', object>;

/** What kind of text was typed into the search box. */
export function classifyQuery(raw: string): { kind: 'id'; text: string } | { kind: 'initials'; text: string } | { kind: 'name'; text: string } | null {
  const q = raw.trim();
  if (!q) return null;
  const id = normalizeIdNumber(q);
  if (/^[0-9X]{3,18}$/.test(id) && /\d/.test(id)) return { kind: 'id', text: id };
  if (/^[a-z]+$/i.test(q)) return { kind: 'initials', text: q.toLowerCase() };
  return { kind: 'name', text: q.replace(/\s+/g, '') };
}

/** An ID search runs twice: on the start of the number, and on its end (the reversed number's start). */
export type IdPart = 'start' | 'end';

/**
 * The condition a search puts on persons `p`, each a prefix range on its index. `either` takes an ID by its
 * start or its end in one query, for short lists (the list of the ledger runs the two parts apart).
 */
export function personMatches(search: NonNullable<ReturnType<typeof classifyQuery>>, idPart: IdPart | 'either' = 'start'): RawBuilder<boolean> {
  const prefix = (column: string, text: string) => sql<boolean>`(${sql.ref(column)} >= ${text} and ${sql.ref(column)} < ${text + TOP})`;
  if (search.kind === 'initials') return prefix('p.name_initials', search.text);
  if (search.kind === 'name') return prefix('p.name', search.text);
  const start = prefix('p.id_number', search.text);
  const end = prefix('p.id_rev', reversed(search.text));
  return idPart === 'start' ? start : idPart === 'end' ? end : sql<boolean>`(${start} or ${end})`;
}

const idParts = (filter: LedgerFilter): IdPart[] => (classifyQuery(filter.q ?? '')?.kind === 'id' ? ['start', 'end'] : ['start']);

function personConditions(query: Q, filter: LedgerFilter, scope: Scope, today: string, idPart: IdPart = 'start'): Q {
  let q = query;
  if (scope.kind === 'township') q = q.where('h.township_id', '=', scope.townshipId);
  if (filter.townshipId) q = q.where('h.township_id', '=', filter.townshipId);
  if (filter.villageId) q = q.where('h.village_id', '=', filter.villageId);
  const search = classifyQuery(filter.q ?? '');
  if (search) q = q.where(personMatches(search, idPart));
  // Born after (today - (ageMax + 1) years) and on or before (today - ageMin years).
  if (filter.ageMin !== undefined) q = q.where('p.birth_date', '<=', addYears(today, -filter.ageMin));
  if (filter.ageMax !== undefined) q = q.where('p.birth_date', '>', addYears(today, -(filter.ageMax + 1)));
  if (filter.program || filter.status || filter.category) {
    const statuses = filter.status ? [filter.status] : [...COVERED_STATUSES];
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('enrollment_members as em')
          .innerJoin('enrollments as e', 'e.id', 'em.enrollment_id')
          .select(sql`1`.as('one'))
          .whereRef('em.person_id', '=', 'p.id')
          .where('e.status', 'in', statuses)
          .$if(Boolean(filter.program), (sub) => sub.where('e.program', '=', filter.program!))
          .$if(Boolean(filter.category), (sub) => sub.where('e.category', '=', filter.category!)),
      ),
    );
  }
  return q;
}

/** Persons, joined to their household only when a condition needs it (a join per row costs at scale). */
function personsBase(db: Executor, joinHousehold = true) {
  const base = db.selectFrom('persons as p');
  return (joinHousehold ? base.innerJoin('households as h', 'h.id', 'p.household_id') : base) as unknown as Q;
}

const needsHousehold = (filter: LedgerFilter, scope: Scope) => scope.kind === 'township' || Boolean(filter.townshipId || filter.villageId);

/** Persons matching the filter within the scope (tables p and h), for lists and exports alike. */
export function filteredPersons(db: Executor, filter: LedgerFilter, scope: Scope, today: string, idPart: IdPart = 'start', joinHousehold = true): Q {
  return personConditions(personsBase(db, joinHousehold || needsHousehold(filter, scope)), filter, scope, today, idPart);
}

/**
 * The order a search walks its index in, so a page needs no sort: by the searched key (then rowid), or
 * newest households first, members together, when nothing is searched.
 */
function ordered(q: Q, filter: LedgerFilter, idPart: IdPart): Q {
  const search = classifyQuery(filter.q ?? '');
  // Household blocks, newest household first: walks the households (or a township's index) and each
  // household's members in index order.
  if (!search) return q.orderBy(sql`h.rowid`, 'desc').orderBy(sql`p.rowid`);
  const key = search.kind === 'name' ? 'p.name' : search.kind === 'initials' ? 'p.name_initials' : idPart === 'start' ? 'p.id_number' : 'p.id_rev';
  return q.orderBy(key).orderBy(sql`p.rowid`);
}

/**
 * Place names and the head's name as scalar subqueries per returned row: joins here would let the planner
 * start from the small tables and sort a million rows.
 */
export function withPlaces(q: Q) {
  return q.select((eb) => [
    'p.id',
    'p.name',
    'p.id_number',
    'p.sex',
    'p.birth_date',
    'p.relation',
    'p.household_id',
    eb.selectFrom('persons as head').select('head.name').whereRef('head.id', '=', 'h.head_person_id').as('head_name'),
    eb.selectFrom('townships as t').select('t.name').whereRef('t.id', '=', 'h.township_id').as('township_name'),
    eb.selectFrom('villages as v').select('v.name').whereRef('v.id', '=', 'h.village_id').as('village_name'),
  ]);
}

type PersonHit = Awaited<ReturnType<ReturnType<typeof withPlaces>['execute']>>[number];

/** The first `limit` matching persons in search order (both ID parts merged, start matches first). */
async function firstPersons(db: Executor, filter: LedgerFilter, scope: Scope, today: string, limit: number): Promise<PersonHit[]> {
  const seen = new Set<string>();
  const out: PersonHit[] = [];
  for (const part of idParts(filter)) {
    const rows = await withPlaces(ordered(filteredPersons(db, filter, scope, today, part), filter, part)).limit(limit).execute();
    for (const r of rows) {
      if (seen.has(r.id) || out.length >= limit) continue;
      seen.add(r.id);
      out.push(r);
    }
  }
  return out;
}

async function personCount(db: Executor, filter: LedgerFilter, scope: Scope, today: string): Promise<number> {
  let n = 0;
  for (const part of idParts(filter)) n += await cappedCount(db, filteredPersons(db, filter, scope, today, part, false));
  return n;
}

/** Households matching the filter within the scope (table h): a household matches when a member does. */
export function filteredHouseholds(db: Executor, filter: LedgerFilter, scope: Scope, today: string): Q {
  const personFiltered = Boolean(filter.q || filter.ageMin !== undefined || filter.ageMax !== undefined);
  let out = db.selectFrom('households as h') as unknown as Q;
  if (personFiltered) out = out.where((eb) => eb('h.id', 'in', filteredPersons(db, filter, scope, today).select('p.household_id')));
  else if (filter.program || filter.status || filter.category) {
    // Checked per household while walking the township index newest first (no sort); counted separately
    // on the enrollments index (householdCount).
    out = out.where((eb) => eb.exists(matchingEnrollments(db, filter, scope).select(sql`1`.as('one')).where(sql<boolean>`e.household_id = h.id`)));
  }
  if (scope.kind === 'township') out = out.where('h.township_id', '=', scope.townshipId);
  if (filter.townshipId) out = out.where('h.township_id', '=', filter.townshipId);
  if (filter.villageId) out = out.where('h.village_id', '=', filter.villageId);
  return out;
}

function matchingEnrollments(db: Executor, filter: LedgerFilter, scope: Scope) {
  const statuses = filter.status ? [filter.status] : [...COVERED_STATUSES];
  const townshipId = filter.townshipId ?? (scope.kind === 'township' ? scope.townshipId : undefined);
  return db
    .selectFrom('enrollments as e')
    .where('e.status', 'in', statuses)
    .$if(Boolean(filter.program), (q) => q.where('e.program', '=', filter.program!))
    .$if(Boolean(filter.category), (q) => q.where('e.category', '=', filter.category!))
    .$if(Boolean(townshipId), (q) => q.where('e.township_id', '=', townshipId!));
}

/** Households by program within a township: counted on the enrollments index, not by walking households. */
async function householdCount(db: Executor, filter: LedgerFilter, scope: Scope, today: string): Promise<number> {
  if ((filter.program || filter.status || filter.category) && !filter.villageId && !filter.q && filter.ageMin === undefined && filter.ageMax === undefined) {
    const row = await matchingEnrollments(db, filter, scope)
      .select((eb) => eb.fn.count<number>('e.household_id').distinct().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
  return cappedCount(db, filteredHouseholds(db, filter, scope, today));
}

export async function searchPersons(db: Executor, filter: LedgerFilter, scope: Scope, today: string, page: number, pageSize: number) {
  let rows: PersonHit[];
  if (idParts(filter).length > 1) rows = (await firstPersons(db, filter, scope, today, page * pageSize)).slice((page - 1) * pageSize);
  else rows = await withPlaces(ordered(filteredPersons(db, filter, scope, today), filter, 'start')).limit(pageSize).offset((page - 1) * pageSize).execute();
  return { rows, count: await personCount(db, filter, scope, today) };
}

/**
 * Households list. With a search, households come in the order their members are found (a household
 * matches when any member does); otherwise newest first, walking an index that needs no sort.
 */
export async function searchHouseholds(db: Executor, filter: LedgerFilter, scope: Scope, today: string, page: number, pageSize: number) {
  if (!filter.q) {
    const rows = await selectHouseholdRow(filteredHouseholds(db, filter, scope, today))
      .orderBy(sql`h.rowid`, 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute();
    return { rows, count: await householdCount(db, filter, scope, today) };
  }
  // Households have about three members: reading four times the page's worth of persons finds the page.
  const hits = await firstPersons(db, filter, scope, today, page * pageSize * 4);
  const order = [...new Set(hits.map((h) => h.household_id!))];
  const wanted = order.slice((page - 1) * pageSize, page * pageSize);
  const found = wanted.length === 0 ? [] : await selectHouseholdRow(db.selectFrom('households as h') as unknown as Q).where('h.id', 'in', wanted).execute();
  const byId = new Map(found.map((r) => [r.id, r]));
  const rows = wanted.map((id) => byId.get(id)!).filter(Boolean);
  return { rows, count: await householdsFoundCount(db, filter, scope, today) };
}

/** Exact while at most 10,000 persons match; beyond that reported as "more than 10,000". */
async function householdsFoundCount(db: Executor, filter: LedgerFilter, scope: Scope, today: string): Promise<number> {
  if ((await personCount(db, filter, scope, today)) > COUNT_CAP) return COUNT_CAP + 1;
  const households = new Set<string>();
  for (const part of idParts(filter)) {
    for (const r of await filteredPersons(db, filter, scope, today, part).select('p.household_id').execute()) households.add(r.household_id!);
  }
  return households.size;
}

/** The columns a household row shows, joined onto a filtered household query. */
export function selectHouseholdRow(q: Q) {
  return q.select((eb) => [
    'h.id',
    'h.address',
    'h.hukou_type',
    'h.bank_name',
    'h.bank_account',
    eb.selectFrom('persons as head').select('head.name').whereRef('head.id', '=', 'h.head_person_id').as('head_name'),
    eb.selectFrom('persons as head').select('head.id_number').whereRef('head.id', '=', 'h.head_person_id').as('head_id_number'),
    eb.selectFrom('townships as t').select('t.name').whereRef('t.id', '=', 'h.township_id').as('township_name'),
    eb.selectFrom('villages as v').select('v.name').whereRef('v.id', '=', 'h.village_id').as('village_name'),
    eb.selectFrom('persons as m').whereRef('m.household_id', '=', 'h.id').select(eb.fn.countAll<number>().as('n')).as('member_count'),
  ]);
}

async function cappedCount(db: Executor, q: Q): Promise<number> {
  const row = await db
    .selectFrom(q.select(sql`1`.as('one')).limit(COUNT_CAP + 1).as('c'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
