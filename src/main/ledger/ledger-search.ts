/**
 * Finding households and persons: one search box (name prefix, pinyin initials, the start or end of an ID
 * number) plus filters, always within the user's township scope. Every search uses an index: names and
 * initials by prefix, IDs by prefix on the number and by prefix on the reversed number. Pages are ordered
 * by registration (rowid) so no large sort is needed, and counts stop at 10,000.
 */
import { sql, type SelectQueryBuilder } from 'kysely';
import type { LedgerFilter } from '../../shared/api/contract';
import { addDays } from '../../shared/domain/dates';
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

function personConditions(query: Q, filter: LedgerFilter, scope: Scope, today: string): Q {
  let q = query;
  if (scope.kind === 'township') q = q.where('h.township_id', '=', scope.townshipId);
  if (filter.townshipId) q = q.where('h.township_id', '=', filter.townshipId);
  if (filter.villageId) q = q.where('h.village_id', '=', filter.villageId);
  const search = classifyQuery(filter.q ?? '');
  if (search?.kind === 'id') {
    const rev = reversed(search.text);
    q = q.where((eb) =>
      eb.or([
        eb.and([eb('p.id_number', '>=', search.text), eb('p.id_number', '<', search.text + TOP)]),
        eb.and([eb('p.id_rev', '>=', rev), eb('p.id_rev', '<', rev + TOP)]),
      ]),
    );
  } else if (search?.kind === 'initials') {
    q = q.where('p.name_initials', '>=', search.text).where('p.name_initials', '<', search.text + TOP);
  } else if (search?.kind === 'name') {
    q = q.where('p.name', '>=', search.text).where('p.name', '<', search.text + TOP);
  }
  // Born after (today - (ageMax + 1) years) and on or before (today - ageMin years).
  if (filter.ageMin !== undefined) q = q.where('p.birth_date', '<=', shiftYears(today, -filter.ageMin));
  if (filter.ageMax !== undefined) q = q.where('p.birth_date', '>', shiftYears(today, -(filter.ageMax + 1)));
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

function shiftYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = `${y + years}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  // 29 February in a common year: the day before 1 March.
  return m === 2 && d === 29 && new Date(Date.UTC(y + years, 1, 29)).getUTCMonth() !== 1 ? addDays(`${y + years}-03-01`, -1) : target;
}

function personsBase(db: Executor) {
  return db.selectFrom('persons as p').innerJoin('households as h', 'h.id', 'p.household_id') as unknown as Q;
}

/** Persons matching the filter within the scope (tables p and h), for lists and exports alike. */
export function filteredPersons(db: Executor, filter: LedgerFilter, scope: Scope, today: string): Q {
  return personConditions(personsBase(db), filter, scope, today);
}

/** Households matching the filter within the scope (table h): a household matches when a member does. */
export function filteredHouseholds(db: Executor, filter: LedgerFilter, scope: Scope, today: string): Q {
  const personFiltered = Boolean(filter.q || filter.program || filter.status || filter.category || filter.ageMin !== undefined || filter.ageMax !== undefined);
  let out = db.selectFrom('households as h') as unknown as Q;
  if (personFiltered) out = out.where((eb) => eb('h.id', 'in', filteredPersons(db, filter, scope, today).select('p.household_id')));
  if (scope.kind === 'township') out = out.where('h.township_id', '=', scope.townshipId);
  if (filter.townshipId) out = out.where('h.township_id', '=', filter.townshipId);
  if (filter.villageId) out = out.where('h.village_id', '=', filter.villageId);
  return out;
}

export async function searchPersons(db: Executor, filter: LedgerFilter, scope: Scope, today: string, page: number, pageSize: number) {
  const rows = await filteredPersons(db, filter, scope, today)
    .innerJoin('townships as t', 't.id', 'h.township_id')
    .leftJoin('villages as v', 'v.id', 'h.village_id')
    .leftJoin('persons as head', 'head.id', 'h.head_person_id')
    .select(['p.id', 'p.name', 'p.id_number', 'p.sex', 'p.birth_date', 'p.relation', 'p.household_id', 'head.name as head_name', 't.name as township_name', 'v.name as village_name'])
    .orderBy(sql`p.rowid`, 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { rows, count: await cappedCount(db, filteredPersons(db, filter, scope, today)) };
}

export async function searchHouseholds(db: Executor, filter: LedgerFilter, scope: Scope, today: string, page: number, pageSize: number) {
  const rows = await householdColumns(filteredHouseholds(db, filter, scope, today))
    .orderBy(sql`h.rowid`, 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { rows, count: await cappedCount(db, filteredHouseholds(db, filter, scope, today)) };
}

/** The columns a household row shows, joined onto a filtered household query. */
export function householdColumns(q: Q) {
  return q
    .innerJoin('townships as t', 't.id', 'h.township_id')
    .leftJoin('villages as v', 'v.id', 'h.village_id')
    .leftJoin('persons as head', 'head.id', 'h.head_person_id')
    .select([
      'h.id',
      'h.address',
      'h.hukou_type',
      'h.bank_name',
      'h.bank_account',
      'head.name as head_name',
      'head.id_number as head_id_number',
      't.name as township_name',
      'v.name as village_name',
      (eb) => eb.selectFrom('persons as m').whereRef('m.household_id', '=', 'h.id').select(eb.fn.countAll<number>().as('n')).as('member_count'),
    ]);
}

async function cappedCount(db: Executor, q: Q): Promise<number> {
  const row = await db
    .selectFrom(q.select(sql`1`.as('one')).limit(COUNT_CAP + 1).as('c'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
