/**
 * Roster export (花名册) of any filtered ledger list: the same filter and scope as the list on screen,
 * read in keyset batches so 100,000 rows stream through with flat memory.
 */
import { sql } from 'kysely';
import type { LedgerFilter } from '../../shared/api/contract';
import { ageOn, chineseDate } from '../../shared/domain/dates';
import { RELATION_LABELS, type Relation } from '../../shared/domain/household';
import { maskIdNumber } from '../../shared/domain/id-number';
import { SEX_LABELS } from '../../shared/domain/person-attributes';
import { COVERED_STATUSES, ENROLLMENT_STATUS_LABELS, PROGRAM_CATEGORIES, PROGRAM_LABELS, PROGRAM_SHORT_LABELS, type EnrollmentStatus, type Program } from '../../shared/domain/programs';
import type { Executor } from '../db/schema';
import { enrollmentsOfHouseholds, membersOfEnrollments } from '../enrollments/enrollments.repository';
import { filteredHouseholds, filteredPersons, selectHouseholdRow } from '../ledger/ledger-search';
import type { Viewer } from '../ledger/ledger.service';
import { yieldToEventLoop } from '../app/yield';
import type { FileToDeliver } from '../rpc/file-sink';
import { XLSX_MIME } from '../rpc/file-sink';
import { householdColumns, personColumns, type RosterHouseholdRow, type RosterPersonRow } from './roster-columns';
import { writeRosterWorkbook } from './roster-workbook';

const BATCH = 2000;

type EnrollmentInfo = { program: Program; status: EnrollmentStatus; category: string | null; amountFen: number; startMonth: string; persons: string[] };

async function enrollmentInfo(db: Executor, householdIds: string[]) {
  const rows = await enrollmentsOfHouseholds(db, householdIds);
  const members = await membersOfEnrollments(db, rows.map((r) => r.id));
  const personsOf = new Map<string, string[]>();
  for (const m of members) personsOf.set(m.enrollment_id, [...(personsOf.get(m.enrollment_id) ?? []), m.person_id]);
  const byHousehold = new Map<string, EnrollmentInfo[]>();
  for (const r of rows) {
    const info: EnrollmentInfo = { program: r.program as Program, status: r.status as EnrollmentStatus, category: r.category, amountFen: r.monthly_amount_fen, startMonth: r.start_month, persons: personsOf.get(r.id) ?? [] };
    byHousehold.set(r.household_id, [...(byHousehold.get(r.household_id) ?? []), info]);
  }
  return byHousehold;
}

const isCovered = (e: EnrollmentInfo) => (COVERED_STATUSES as string[]).includes(e.status);
const categoryLabel = (e: EnrollmentInfo | undefined) => (e?.category ? (PROGRAM_CATEGORIES[e.program]?.[e.category] ?? e.category) : null);

/** The enrollment of the chosen program a roster row shows: the one matching the status filter, else a covered one. */
function chosen(list: EnrollmentInfo[] = [], filter: LedgerFilter, personId?: string): EnrollmentInfo | undefined {
  return list.find(
    (e) => e.program === filter.program && (filter.status ? e.status === filter.status : isCovered(e)) && (!filter.category || e.category === filter.category) && (!personId || e.persons.includes(personId)),
  );
}

const programsText = (list: EnrollmentInfo[] = [], personId?: string) =>
  [...new Set(list.filter((e) => isCovered(e) && (!personId || e.persons.includes(personId))).map((e) => PROGRAM_SHORT_LABELS[e.program]))].join('、');

async function* householdBatches(db: Executor, viewer: Viewer, filter: LedgerFilter): AsyncGenerator<RosterHouseholdRow[]> {
  let last: number | null = null;
  for (;;) {
    let q = selectHouseholdRow(filteredHouseholds(db, filter, viewer.scope, viewer.today)).select(sql<number>`h.rowid`.as('rid'));
    if (last !== null) q = q.where(sql`h.rowid`, '<', last);
    const rows = await q.orderBy(sql`h.rowid`, 'desc').limit(BATCH).execute();
    if (rows.length === 0) return;
    last = Number(rows[rows.length - 1]!.rid);
    const info = await enrollmentInfo(db, rows.map((r) => r.id));
    yield rows.map((r) => {
      const list = info.get(r.id);
      const e = filter.program ? chosen(list, filter) : undefined;
      return {
        townshipName: r.township_name ?? '',
        villageName: r.village_name,
        headName: r.head_name,
        headIdNumber: r.head_id_number ? (viewer.maskIds ? maskIdNumber(r.head_id_number) : r.head_id_number) : null,
        memberCount: Number(r.member_count ?? 0),
        programs: programsText(list),
        category: categoryLabel(e),
        covered: e ? e.persons.length : null,
        amountFen: filter.program ? (e?.amountFen ?? 0) : (list ?? []).filter(isCovered).reduce((s, x) => s + x.amountFen, 0),
        startMonth: e?.startMonth ?? null,
        status: e ? ENROLLMENT_STATUS_LABELS[e.status] : null,
        address: r.address,
        bankName: r.bank_name,
        bankAccount: r.bank_account ? (viewer.maskIds ? maskIdNumber(r.bank_account) : r.bank_account) : null,
      };
    });
    await yieldToEventLoop();
  }
}

/** Place names read once per export, instead of a lookup per row. */
export async function placeNames(db: Executor) {
  const [townships, villages] = await Promise.all([db.selectFrom('townships').select(['id', 'name']).execute(), db.selectFrom('villages').select(['id', 'name']).execute()]);
  return { township: new Map(townships.map((t) => [t.id, t.name])), village: new Map(villages.map((v) => [v.id, v.name])) };
}

async function* personBatches(db: Executor, viewer: Viewer, filter: LedgerFilter): AsyncGenerator<RosterPersonRow[]> {
  const places = await placeNames(db);
  // Keyset by household, members together: a batch ends at a household boundary, so no household is split
  // and the index order needs no sort.
  let upTo: number | null = null;
  for (;;) {
    let q = filteredPersons(db, filter, viewer.scope, viewer.today).select([
      'p.id',
      'p.name',
      'p.sex',
      'p.id_number',
      'p.birth_date',
      'p.relation',
      'p.household_id',
      'h.township_id',
      'h.village_id',
      'h.head_person_id',
      sql<number>`h.rowid`.as('hrid'),
    ]);
    if (upTo !== null) q = q.where(sql`h.rowid`, '<=', upTo);
    const fetched = await q.orderBy(sql`h.rowid`, 'desc').orderBy(sql`p.rowid`).limit(BATCH).execute();
    if (fetched.length === 0) return;
    const last = Number(fetched[fetched.length - 1]!.hrid);
    const complete = fetched.length < BATCH;
    const rows = complete ? fetched : fetched.filter((r) => Number(r.hrid) !== last);
    upTo = complete ? null : last;
    // Heads are usually in the batch (members come together); the others are read in one query.
    const headNames = new Map(rows.map((r) => [r.id, r.name]));
    const missing = [...new Set(rows.map((r) => r.head_person_id).filter((id): id is string => Boolean(id) && !headNames.has(id!)))];
    if (missing.length > 0) for (const h of await db.selectFrom('persons').select(['id', 'name']).where('id', 'in', missing).execute()) headNames.set(h.id, h.name);
    const info = await enrollmentInfo(db, [...new Set(rows.map((r) => r.household_id!))]);
    yield rows.map((r) => {
      const list = info.get(r.household_id!);
      const e = filter.program ? chosen(list, filter, r.id) : undefined;
      return {
        townshipName: places.township.get(r.township_id) ?? '',
        villageName: r.village_id ? (places.village.get(r.village_id) ?? null) : null,
        name: r.name,
        sex: SEX_LABELS[r.sex as 'male' | 'female'],
        idNumber: viewer.maskIds ? maskIdNumber(r.id_number) : r.id_number,
        birthDate: r.birth_date,
        age: ageOn(r.birth_date, viewer.today),
        relation: RELATION_LABELS[(r.relation ?? 'other') as Relation],
        headName: r.head_person_id ? (headNames.get(r.head_person_id) ?? null) : null,
        programs: programsText(list, r.id),
        category: categoryLabel(e),
        amountFen: e?.amountFen ?? 0,
        startMonth: e?.startMonth ?? null,
        status: e ? ENROLLMENT_STATUS_LABELS[e.status] : null,
      };
    });
    if (complete) return;
    await yieldToEventLoop();
  }
}

export interface RosterContext {
  countyName: string;
  townshipName: string | null;
  preparedBy: string;
}

export function rosterFile(db: Executor, viewer: Viewer, filter: LedgerFilter, context: RosterContext): FileToDeliver {
  const what = filter.program ? PROGRAM_LABELS[filter.program] : filter.kind === 'households' ? '保障对象（按户）' : '保障对象（按人）';
  const title = `${context.countyName}${context.townshipName ?? ''}${what}花名册`;
  const d = viewer.today;
  const meta = { title, subtitle: `截至 ${chineseDate(d)}\u3000\u3000单位：户、人、元`, preparedBy: context.preparedBy, date: d };
  return {
    fileName: `${title}_${d.replaceAll('-', '')}.xlsx`,
    mimeType: XLSX_MIME,
    write: (out) =>
      filter.kind === 'households'
        ? writeRosterWorkbook(out, meta, householdColumns(Boolean(filter.program)), householdBatches(db, viewer, filter))
        : writeRosterWorkbook(out, meta, personColumns(Boolean(filter.program)), personBatches(db, viewer, filter)),
  };
}
