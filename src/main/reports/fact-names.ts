/** The names behind counted facts, read in slices of 500 ids: households with their place and head, covered members, rescues. */
import type { Executor } from '../db/schema';

const SLICE = 500;

async function inSlices<T>(ids: string[], read: (slice: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += SLICE) out.push(...(await read(ids.slice(i, i + SLICE))));
  return out;
}

export interface HouseholdPlace {
  township: string;
  townshipCode: string;
  village: string | null;
  head: string;
  headId: string | null;
  bankAccount: string | null;
}

export async function householdPlaces(db: Executor, householdIds: string[]): Promise<Map<string, HouseholdPlace>> {
  const rows = await inSlices([...new Set(householdIds)], (slice) =>
    db
      .selectFrom('households as h')
      .innerJoin('townships as t', 't.id', 'h.township_id')
      .leftJoin('villages as v', 'v.id', 'h.village_id')
      .leftJoin('persons as p', 'p.id', 'h.head_person_id')
      .select(['h.id', 't.name as township', 't.code', 'v.name as village', 'p.name as head', 'p.id_number as headId', 'h.bank_account'])
      .where('h.id', 'in', slice)
      .execute(),
  );
  return new Map(rows.map((r) => [r.id, { township: r.township, townshipCode: r.code, village: r.village, head: r.head ?? '', headId: r.headId, bankAccount: r.bank_account }]));
}

export interface NamedPerson {
  id: string;
  name: string;
  idNumber: string;
}

/** Each enrollment's covered members, eldest first. */
export async function coveredMembers(db: Executor, enrollmentIds: string[]): Promise<Map<string, NamedPerson[]>> {
  const rows = await inSlices(enrollmentIds, (slice) =>
    db.selectFrom('enrollment_members as m').innerJoin('persons as p', 'p.id', 'm.person_id').select(['m.enrollment_id', 'p.id', 'p.name', 'p.id_number']).where('m.enrollment_id', 'in', slice).orderBy('p.birth_date').execute(),
  );
  const out = new Map<string, NamedPerson[]>();
  for (const r of rows) out.set(r.enrollment_id, [...(out.get(r.enrollment_id) ?? []), { id: r.id, name: r.name, idNumber: r.id_number }]);
  return out;
}

export async function personsById(db: Executor, ids: string[]): Promise<Map<string, NamedPerson>> {
  const rows = await inSlices([...new Set(ids)], (slice) => db.selectFrom('persons').select(['id', 'name', 'id_number']).where('id', 'in', slice).execute());
  return new Map(rows.map((p) => [p.id, { id: p.id, name: p.name, idNumber: p.id_number }]));
}

export interface RescueNamed {
  rescueNo: string;
  township: string;
  identityKnown: boolean;
  name: string | null;
  idNumber: string | null;
  sex: 'male' | 'female';
  estimatedAge: number | null;
  admittedOn: string;
  foundPlace: string;
  leftOn: string | null;
  outcome: string | null;
}

/** Rescue records with the township where the person was found. */
export async function rescuesById(db: Executor, ids: string[]): Promise<Map<string, RescueNamed>> {
  const rows = await inSlices([...new Set(ids)], (slice) =>
    db
      .selectFrom('vagrant_rescues as r')
      .innerJoin('townships as t', 't.id', 'r.township_id')
      .select(['r.id', 'r.rescue_no', 't.name as township', 'r.identity_known', 'r.name', 'r.id_number', 'r.sex', 'r.estimated_age', 'r.admitted_on', 'r.found_place', 'r.left_on', 'r.outcome'])
      .where('r.id', 'in', slice)
      .execute(),
  );
  return new Map(
    rows.map((r) => [
      r.id,
      {
        rescueNo: r.rescue_no,
        township: r.township,
        identityKnown: r.identity_known === 1,
        name: r.name,
        idNumber: r.id_number,
        sex: r.sex as RescueNamed['sex'],
        estimatedAge: r.estimated_age,
        admittedOn: r.admitted_on,
        foundPlace: r.found_place,
        leftOn: r.left_on,
        outcome: r.outcome,
      },
    ]),
  );
}
