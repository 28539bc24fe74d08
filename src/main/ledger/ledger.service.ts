/**
 * The ledger as clerks read it: lists with the programs each household or person holds, a household's
 * whole record, and the age events to act on. ID numbers and bank accounts are masked here, on the main
 * side, for roles that do not need them — the renderer never receives the whole number.
 */
import type { AgeEvent, HouseholdDetail, HouseholdRow, LedgerFilter, Member, PersonRow } from '../../shared/api/contract';
import { CHILD_CATEGORY_LABELS, leavesLedgerAt, type ChildCategory } from '../../shared/domain/care';
import { AGE_LINE_MEANINGS, AGE_LINES, crossingsBetween, overdueTransitions, type AgeLine } from '../../shared/domain/age-events';
import { addDays, addYears, ageOn } from '../../shared/domain/dates';
import type { HukouType, Relation } from '../../shared/domain/household';
import { maskIdNumber } from '../../shared/domain/id-number';
import { COVERED_STATUSES, type EnrollmentStatus, type Program } from '../../shared/domain/programs';
import type { Scope } from '../../shared/domain/roles';
import type { Executor } from '../db/schema';
import { enrollmentsOfHouseholds, membersOfEnrollments } from '../enrollments/enrollments.repository';
import { requireHousehold } from '../households/households.service';
import { membersOf } from '../households/households.repository';
import { COUNT_CAP, searchHouseholds, searchPersons } from './ledger-search';

export interface Viewer {
  scope: Scope;
  maskIds: boolean;
  today: string;
}

const shownId = (viewer: Viewer, id: string | null) => (id === null ? null : viewer.maskIds ? maskIdNumber(id) : id);

type Brief = { program: Program; status: EnrollmentStatus; monthlyAmountFen: number };

/** Covered programs first, then stopped ones, for the tags of a list row. */
async function briefsByHousehold(db: Executor, householdIds: string[]) {
  const rows = await enrollmentsOfHouseholds(db, householdIds);
  const members = await membersOfEnrollments(db, rows.map((r) => r.id));
  const byHousehold = new Map<string, Brief[]>();
  const byPerson = new Map<string, Brief[]>();
  const personsOf = new Map<string, string[]>();
  for (const m of members) personsOf.set(m.enrollment_id, [...(personsOf.get(m.enrollment_id) ?? []), m.person_id]);
  for (const r of rows) {
    const brief: Brief = { program: r.program as Program, status: r.status as EnrollmentStatus, monthlyAmountFen: r.monthly_amount_fen };
    byHousehold.set(r.household_id, [...(byHousehold.get(r.household_id) ?? []), brief]);
    for (const p of personsOf.get(r.id) ?? []) byPerson.set(p, [...(byPerson.get(p) ?? []), brief]);
  }
  const order = (list: Brief[] = []) => [...list].sort((a, b) => Number(a.status === 'stopped') - Number(b.status === 'stopped'));
  return { household: (id: string) => order(byHousehold.get(id)), person: (id: string) => order(byPerson.get(id)) };
}

const coveredTotal = (briefs: Brief[]) => briefs.filter((b) => (COVERED_STATUSES as string[]).includes(b.status)).reduce((sum, b) => sum + b.monthlyAmountFen, 0);

export async function listLedger(db: Executor, viewer: Viewer, filter: LedgerFilter, page: number, pageSize: number) {
  if (filter.kind === 'persons') {
    const { rows, count } = await searchPersons(db, filter, viewer.scope, viewer.today, page, pageSize);
    const briefs = await briefsByHousehold(db, [...new Set(rows.map((r) => r.household_id!))]);
    const out: PersonRow[] = rows.map((r) => ({
      id: r.id,
      name: r.name,
      idNumber: shownId(viewer, r.id_number)!,
      sex: r.sex as 'male' | 'female',
      birthDate: r.birth_date,
      age: ageOn(r.birth_date, viewer.today),
      relation: r.relation,
      householdId: r.household_id!,
      headName: r.head_name,
      townshipName: r.township_name ?? '',
      villageName: r.village_name,
      programs: briefs.person(r.id),
    }));
    return { rows: out, total: Math.min(count, COUNT_CAP), totalIsLowerBound: count > COUNT_CAP };
  }
  const { rows, count } = await searchHouseholds(db, filter, viewer.scope, viewer.today, page, pageSize);
  const briefs = await briefsByHousehold(db, rows.map((r) => r.id));
  const out: HouseholdRow[] = rows.map((r) => {
    const programs = briefs.household(r.id);
    return {
      id: r.id,
      headName: r.head_name,
      headIdNumber: shownId(viewer, r.head_id_number),
      townshipName: r.township_name ?? '',
      villageName: r.village_name,
      address: r.address,
      hukouType: r.hukou_type as HukouType,
      memberCount: Number(r.member_count ?? 0),
      programs,
      monthlyTotalFen: coveredTotal(programs),
    };
  });
  return { rows: out, total: Math.min(count, COUNT_CAP), totalIsLowerBound: count > COUNT_CAP };
}

export async function householdDetail(db: Executor, viewer: Viewer, id: string): Promise<HouseholdDetail> {
  const h = await requireHousehold(db, viewer.scope, id);
  const members = await membersOf(db, h.id);
  const enrollments = await enrollmentsOfHouseholds(db, [h.id]);
  const covered = await membersOfEnrollments(db, enrollments.map((e) => e.id));
  const out: Member[] = members.map((m) => ({
    id: m.id,
    name: m.name,
    idNumber: shownId(viewer, m.id_number)!,
    sex: m.sex as 'male' | 'female',
    birthDate: m.birth_date,
    age: ageOn(m.birth_date, viewer.today),
    relation: (m.relation ?? 'other') as Relation,
    ethnicity: m.ethnicity,
    disabilityCategory: m.disability_category,
    disabilityGrade: m.disability_grade,
    selfCare: m.self_care,
    health: m.health,
    schoolStatus: m.school_status,
    notes: m.notes,
  }));
  const mapped = enrollments.map((e) => ({
    id: e.id,
    program: e.program as Program,
    category: e.category,
    status: e.status as EnrollmentStatus,
    personIds: covered.filter((c) => c.enrollment_id === e.id).map((c) => c.person_id),
    startMonth: e.start_month,
    endMonth: e.end_month,
    monthlyAmountFen: e.monthly_amount_fen,
    standardFen: e.standard_fen ?? null,
    standardFrom: e.standard_from ?? null,
    source: e.source,
    confirmedByName: e.confirmed_by_name ?? null,
    confirmedAt: e.confirmed_at,
  }));
  return {
    id: h.id,
    townshipId: h.township_id,
    townshipName: h.township_name,
    villageId: h.village_id,
    villageName: h.village_name,
    address: h.address,
    hukouType: h.hukou_type as HukouType,
    phone: h.phone,
    bankName: h.bank_name,
    bankAccount: h.bank_account ? (viewer.maskIds ? maskIdNumber(h.bank_account) : h.bank_account) : null,
    notes: h.notes,
    headPersonId: h.head_person_id,
    members: out,
    enrollments: mapped,
    monthlyTotalFen: coveredTotal(mapped),
    createdAt: h.created_at,
    updatedAt: h.updated_at,
  };
}

/** Lines that matter for everyone in the ledger; 16 and 18 matter for children in the child programs. */
const CHILD_LINES: ReadonlySet<AgeLine> = new Set([16, 18]);
const CHILD_PROGRAMS: Program[] = ['orphan', 'de_facto_orphan', 'child_care'];
const EVENT_LIMIT = 500;

export async function ageEvents(db: Executor, viewer: Viewer, withinDays: number, townshipId?: string) {
  const to = addDays(viewer.today, withinDays);
  const people = () => {
    let q = db
      .selectFrom('persons as p')
      .innerJoin('households as h', 'h.id', 'p.household_id')
      .innerJoin('townships as t', 't.id', 'h.township_id')
      .leftJoin('villages as v', 'v.id', 'h.village_id')
      .select(['p.id', 'p.name', 'p.id_number', 'p.birth_date', 'p.household_id', 't.name as township_name', 'v.name as village_name']);
    if (viewer.scope.kind === 'township') q = q.where('h.township_id', '=', viewer.scope.townshipId);
    if (townshipId) q = q.where('h.township_id', '=', townshipId);
    return q;
  };
  const candidates = new Map<string, Awaited<ReturnType<ReturnType<typeof people>['execute']>>[number]>();
  for (const line of AGE_LINES) {
    // Turning `line` in (today, to]: born in (today - line years, to - line years].
    const rows = await people()
      .where('p.birth_date', '>', addYears(viewer.today, -line))
      .where('p.birth_date', '<=', addYears(to, -line))
      .limit(EVENT_LIMIT)
      .execute();
    for (const r of rows) candidates.set(r.id, r);
  }
  const heldByChildrenOrElderly = await db
    .selectFrom('enrollment_members as em')
    .innerJoin('enrollments as e', 'e.id', 'em.enrollment_id')
    .innerJoin('persons as p', 'p.id', 'em.person_id')
    .innerJoin('households as h', 'h.id', 'p.household_id')
    .innerJoin('townships as t', 't.id', 'h.township_id')
    .leftJoin('villages as v', 'v.id', 'h.village_id')
    .select(['p.id', 'p.name', 'p.id_number', 'p.birth_date', 'p.household_id', 't.name as township_name', 'v.name as village_name', 'e.program', 'e.category'])
    .where('e.status', 'in', [...COVERED_STATUSES])
    .where('e.program', 'in', [...CHILD_PROGRAMS, 'gaoling'])
    .$if(viewer.scope.kind === 'township', (q) => q.where('h.township_id', '=', (viewer.scope as { townshipId: string }).townshipId))
    .$if(Boolean(townshipId), (q) => q.where('h.township_id', '=', townshipId!))
    .execute();
  const held = new Map<string, { program: Program; category: string | null }[]>();
  for (const r of heldByChildrenOrElderly) held.set(r.id, [...(held.get(r.id) ?? []), { program: r.program as Program, category: r.category }]);

  const row = (p: { id: string; name: string; id_number: string; birth_date: string; household_id: string | null; township_name: string; village_name: string | null }, line: AgeLine, date: string, message: string): AgeEvent => ({
    personId: p.id,
    householdId: p.household_id!,
    name: p.name,
    idNumber: shownId(viewer, p.id_number)!,
    townshipName: p.township_name,
    villageName: p.village_name,
    age: ageOn(p.birth_date, viewer.today),
    line,
    date,
    message,
    programs: (held.get(p.id) ?? []).map((h) => h.program),
  });

  // Open files of the children's care ledger: 16 ends a 留守 file, 18 every other.
  const childFiles = await db
    .selectFrom('children as c')
    .innerJoin('persons as p', 'p.id', 'c.person_id')
    .innerJoin('households as h', 'h.id', 'p.household_id')
    .innerJoin('townships as t', 't.id', 'h.township_id')
    .leftJoin('villages as v', 'v.id', 'h.village_id')
    .select(['p.id', 'p.name', 'p.id_number', 'p.birth_date', 'p.household_id', 't.name as township_name', 'v.name as village_name', 'c.category'])
    .where('c.closed_on', 'is', null)
    .$if(viewer.scope.kind === 'township', (q) => q.where('h.township_id', '=', (viewer.scope as { townshipId: string }).townshipId))
    .$if(Boolean(townshipId), (q) => q.where('h.township_id', '=', townshipId!))
    .execute();
  const fileOf = new Map(childFiles.map((f) => [f.id, f.category as ChildCategory]));

  const upcoming: AgeEvent[] = [];
  for (const p of candidates.values()) {
    const file = fileOf.get(p.id);
    for (const c of crossingsBetween(p.birth_date, viewer.today, to)) {
      if (file && c.line === leavesLedgerAt(file)) upcoming.push(row(p, c.line, c.date, `年满 ${c.line} 周岁：${CHILD_CATEGORY_LABELS[file]}关爱档案到期，请结案或转入相应台账`));
    }
    const isChild = (held.get(p.id) ?? []).some((h) => CHILD_PROGRAMS.includes(h.program));
    for (const c of crossingsBetween(p.birth_date, viewer.today, to)) {
      if (CHILD_LINES.has(c.line) && !isChild) continue;
      upcoming.push(row(p, c.line, c.date, AGE_LINE_MEANINGS[c.line]));
    }
  }
  const overdue: AgeEvent[] = [];
  const seen = new Set<string>();
  for (const p of heldByChildrenOrElderly) {
    if (seen.has(p.id)) continue;
    seen.add(p.id);
    for (const o of overdueTransitions(p.birth_date, viewer.today, held.get(p.id) ?? [])) overdue.push(row(p, o.line, viewer.today, o.message));
  }
  for (const f of childFiles) {
    const age = ageOn(f.birth_date, viewer.today);
    const limit = leavesLedgerAt(f.category as ChildCategory);
    if (age >= limit) overdue.push(row(f, limit as AgeLine, viewer.today, `已满 ${limit} 周岁（${age} 岁），${CHILD_CATEGORY_LABELS[f.category as ChildCategory]}关爱档案仍未结案`));
  }
  upcoming.sort((a, b) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name, 'zh-CN'));
  overdue.sort((a, b) => b.age - a.age);
  return { today: viewer.today, upcoming, overdue };
}
