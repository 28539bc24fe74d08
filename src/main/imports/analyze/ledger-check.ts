/**
 * The roster against the ledger: where each household belongs (township, village), who is already
 * registered elsewhere or holds a conflicting program, and what differs from the enrollments the ledger
 * holds (new, changed, unchanged, and enrolled persons missing from the roster).
 */
import { sql } from 'kysely';
import { canSeeTownship, type Scope } from '../../../shared/domain/roles';
import { COVERED_STATUSES, isHouseholdProgram, type Program } from '../../../shared/domain/programs';
import { formatYuan } from '../../../shared/domain/money';
import type { DifferenceKind } from '../../../shared/domain/import/differences';
import type { Executor } from '../../db/schema';
import type { RegionIndex } from './regions';
import { personsByIdNumbers } from '../../households/households.repository';
import { whereRegistered } from '../../households/households.service';
import { coveringEnrollments } from '../../enrollments/enrollments.repository';
import { conflictsIn, type CoveringEnrollment } from '../../enrollments/enrollments.service';
import type { ParsedHousehold, Problem, FieldColumns } from './types';
import type { ProblemLog } from './problem-log';

export type Purpose = 'initial_load' | 'reconcile';

export type LedgerPerson = Awaited<ReturnType<typeof personsByIdNumbers>>[number];

export interface LedgerEnrollment {
  id: string;
  householdId: string;
  townshipId: string;
  personId: string | null;
  status: string;
  amountFen: number;
  category: string | null;
  members: string[];
  headName: string | null;
}

export interface Difference {
  kind: DifferenceKind;
  row: number | null;
  name: string;
  householdId: string | null;
  enrollmentId: string | null;
  persons: number;
  amountFen: number | null;
  ledgerAmountFen: number | null;
  detail: string;
  /**
   * A household program's enrollment whose covered members differ from the roster's: the ledger ids of
   * the members the roster covers (增减保障人口), or null when one of them is not registered in that household.
   */
  coveredPersonIds?: string[] | null;
}

export interface LedgerCheck {
  /** Ledger household of each file household (by index), when its people are already registered. */
  matched: (string | null)[];
  ledgerPersons: Map<string, LedgerPerson>;
  differences: Difference[];
  unknownRegions: { townshipName: string; villageName: string | null }[];
}

export interface CheckOptions {
  program: Program;
  purpose: Purpose;
  townshipId: string | null;
  scope: Scope;
  /** The batch written as the roster is checked (a streamed 建账): what it wrote is not the ledger's (its persons); no enrollment is missing. */
  writingBatch?: string;
  /** The rows the roster's sheet holds, which bound the ID numbers it can name. */
  rosterRows: number;
}

const CHUNK = 900;
const COVERED = COVERED_STATUSES as readonly string[];

/** Covered enrollments (every program) of the persons, read in chunks, by person. */
async function coveringByPerson(db: Executor, personIds: string[]): Promise<Map<string, CoveringEnrollment[]>> {
  const out = new Map<string, CoveringEnrollment[]>();
  for (let i = 0; i < personIds.length; i += CHUNK) {
    for (const e of await coveringEnrollments(db, personIds.slice(i, i + CHUNK))) out.set(e.person_id, [...(out.get(e.person_id) ?? []), e]);
  }
  return out;
}

/** Covered enrollments of the program in these townships, with their members: what the roster should list. */
export async function programEnrollments(db: Executor, program: Program, townshipIds: string[]): Promise<LedgerEnrollment[]> {
  if (townshipIds.length === 0) return [];
  return withMembers(db, await enrollmentRows(db).where('e.program', '=', program).where('e.township_id', 'in', townshipIds).where('e.status', 'in', [...COVERED]).execute());
}

/** Covered enrollments of the program in these households (by index, not by program and status: they are few). */
async function householdsEnrollments(db: Executor, program: Program, householdIds: string[]): Promise<LedgerEnrollment[]> {
  const rows = [];
  for (let i = 0; i < householdIds.length; i += CHUNK) rows.push(...(await enrollmentRows(db).where('e.household_id', 'in', householdIds.slice(i, i + CHUNK)).execute()));
  return withMembers(db, rows.filter((r) => r.program === program && COVERED.includes(r.status)));
}

function enrollmentRows(db: Executor) {
  return db
    .selectFrom('enrollments as e')
    .select(['e.id', 'e.program', 'e.household_id', 'e.township_id', 'e.person_id', 'e.status', 'e.monthly_amount_fen', 'e.category', sql<string | null>`(select name from persons where id = coalesce(e.person_id, (select head_person_id from households where id = e.household_id)))`.as('head_name')])
    .orderBy('e.id');
}

async function withMembers(db: Executor, rows: Awaited<ReturnType<ReturnType<typeof enrollmentRows>['execute']>>): Promise<LedgerEnrollment[]> {
  const members = new Map<string, string[]>();
  for (let i = 0; i < rows.length; i += CHUNK) {
    const ms = await db.selectFrom('enrollment_members').select(['enrollment_id', 'person_id']).where('enrollment_id', 'in', rows.slice(i, i + CHUNK).map((r) => r.id)).execute();
    for (const m of ms) {
      const list = members.get(m.enrollment_id);
      if (list) list.push(m.person_id);
      else members.set(m.enrollment_id, [m.person_id]);
    }
  }
  return rows.map((r) => ({
    id: r.id,
    householdId: r.household_id,
    townshipId: r.township_id,
    personId: r.person_id,
    status: r.status,
    amountFen: r.monthly_amount_fen,
    category: r.category,
    members: members.get(r.id) ?? [],
    headName: r.head_name,
  }));
}

/**
 * The ID numbers of everyone in the ledger, when it holds no more persons than the roster has rows (a
 * county's first 建账, a township's into a young ledger), else null. A chunk then asks the ledger only for
 * the persons among them, where otherwise each ID is looked up in the ledger's index: 100,000 lookups cost
 * a 建账 some 0.35 s of its writing thread. Into a larger ledger, reading it whole would cost more than the
 * lookups it saves.
 */
async function idNumbersIfFew(db: Executor, atMost: number): Promise<Set<string> | null> {
  const { rows } = await sql<{ n: number }>`select count(*) as n from (select 1 from persons limit ${atMost + 1})`.execute(db);
  if (rows[0]!.n > atMost) return null;
  return new Set((await db.selectFrom('persons').select('id_number').execute()).map((r) => r.id_number));
}

/**
 * Checks a roster's households against the ledger a chunk at a time, in the roster's order (check), then
 * lists what the ledger holds that the roster lacks (finish). A household's verdict depends only on itself
 * and the ledger, never on how the roster is cut into chunks.
 */
export class LedgerChecker {
  private readonly matched: (string | null)[] = [];
  readonly ledgerPersons = new Map<string, LedgerPerson>();
  private differences: Difference[] = [];
  private readonly unknown = new Map<string, { townshipName: string; villageName: string | null }>();
  private readonly townshipIds = new Set<string>();
  /** Enrollments the roster lists (unchanged or changed): the rest of the townships' are missing from it. */
  private readonly seen = new Set<string>();
  /** The ID numbers the ledger held before the first chunk, when they are few (idNumbersIfFew), else null. */
  private ledgerIds: Set<string> | null | undefined;

  constructor(
    private readonly db: Executor,
    private readonly cols: FieldColumns,
    private readonly regions: RegionIndex,
    private readonly options: CheckOptions,
    private readonly log: ProblemLog,
  ) {}

  private add(row: number, col: number | undefined, code: Problem['code'], message: string, severity: Problem['severity'] = 'error', householdLevel = false) {
    this.log.add({ row, col: col ?? null, code, severity, message, ...(householdLevel ? { householdLevel } : {}) });
  }

  /** Checks a chunk of households; answers the ledger household each is, or null. */
  async check(households: ParsedHousehold[]): Promise<(string | null)[]> {
    const { db, cols, options } = this;
    const { program, purpose } = options;
    for (const h of households) this.placeInRegion(h);
    // Asked once: null (a large ledger) is an answer too.
    if (this.ledgerIds === undefined) this.ledgerIds = await idNumbersIfFew(db, options.rosterRows);
    const known = this.ledgerIds;
    const ids = households.flatMap((h) => h.members.map((m) => m.idNumber).filter((x): x is string => x !== null && (!known || known.has(x))));
    const persons = new Map((await personsByIdNumbers(db, ids, options.writingBatch)).map((p) => [p.id_number, p]));
    for (const [id, p] of persons) this.ledgerPersons.set(id, p);
    const covering = await coveringByPerson(db, [...persons.values()].map((p) => p.id));
    const matched: (string | null)[] = [];
    for (const h of households) {
      // A household is the ledger's household of its head: with a new head it is a new household, and a
      // member already registered elsewhere is a duplicate. Without a head, or with a head whose ID cannot be
      // read (its own error holds the household back), any registered member decides.
      const head = h.members.find((m) => m.relation === 'self');
      const anchor = head?.idNumber ? (persons.has(head.idNumber) ? head : undefined) : h.members.find((m) => m.idNumber && persons.has(m.idNumber));
      const householdId = anchor ? persons.get(anchor.idNumber!)!.household_id : null;
      matched.push(householdId);
      for (const m of h.members) {
        const p = m.idNumber ? persons.get(m.idNumber) : undefined;
        if (!p) continue;
        if (p.household_id !== householdId) {
          this.add(m.row, cols.idNumber, 'duplicate_in_ledger', `${whereRegistered(p)}，与本表同户的其他人不在一户，同一人不能登记在两户`, 'error', true);
          continue;
        }
        if (h.townshipId && p.township_id !== h.townshipId) {
          this.add(m.row, cols.idNumber, 'duplicate_in_ledger', `${whereRegistered(p)}（另一乡镇），请先办理迁移`, 'error', true);
          continue;
        }
        // A reconciliation expects the program itself; only the programs it excludes conflict.
        const held = (covering.get(p.id) ?? []).filter((e) => purpose === 'initial_load' || e.program !== program);
        const conflicts = conflictsIn(held, program, h.townshipId ?? '');
        for (const c of conflicts) this.add(m.row, cols.idNumber, 'program_conflict', c.message, 'error', true);
        if (conflicts.length === 0 && purpose === 'initial_load') this.add(m.row, cols.idNumber, 'duplicate_in_ledger', `${whereRegistered(p)}，将沿用已有档案`, 'warning');
      }
    }
    for (const h of households) this.log.mark(h);
    this.matched.push(...matched);
    // The enrollments these households could be listed under: of their ledger households (a person program's
    // enrollment belongs to its person's household). No township filter is needed: a household never changes
    // township, and one placed in a township the clerk may not import into, or whose registered members live in
    // another township, has an error.
    const ledgerHouseholds = new Set<string>();
    households.forEach((h, i) => {
      if (h.hasError) return;
      if (isHouseholdProgram(program)) {
        if (matched[i]) ledgerHouseholds.add(matched[i]!);
        return;
      }
      for (const m of h.members) {
        const householdId = m.idNumber ? persons.get(m.idNumber)?.household_id : null;
        if (householdId) ledgerHouseholds.add(householdId);
      }
    });
    const enrollments = await householdsEnrollments(db, program, [...ledgerHouseholds]);
    this.differences.push(...compare(households, matched, persons, enrollments, program, this.seen));
    return matched;
  }

  /** Where the household belongs: every household needs a township; a village the ledger lacks is a warning. */
  private placeInRegion(h: ParsedHousehold): void {
    const { cols, regions, options } = this;
    let townshipId = options.townshipId;
    if (h.townshipText) {
      const found = regions.townshipByName(h.townshipText);
      if (found) townshipId = found;
      else if (!options.townshipId) {
        this.unknown.set(h.townshipText, { townshipName: h.townshipText, villageName: null });
        this.add(h.firstRow, cols.township, 'region_unknown', `乡镇（街道）“${h.townshipText}”不在区划台账中，可在预览中添加`, 'warning');
      }
    }
    if (!townshipId) {
      this.add(h.firstRow, cols.township, 'missing_required', '无法确定所属乡镇（街道）：请在导入设置中选择乡镇，或在表格中填写乡镇列', 'error', true);
      return;
    }
    if (options.scope.kind === 'township' && townshipId !== options.scope.townshipId) {
      this.add(h.firstRow, cols.township, 'township_mismatch', `这一户属于${regions.townshipName(townshipId)}，只能导入本乡镇（街道）的人员`, 'error', true);
    }
    h.townshipId = townshipId;
    this.townshipIds.add(townshipId);
    if (h.villageText) {
      h.villageId = regions.villageByName(townshipId, h.villageText);
      if (!h.villageId) {
        this.unknown.set(`${townshipId}|${h.villageText}`, { townshipName: regions.townshipName(townshipId), villageName: h.villageText });
        this.add(h.firstRow, cols.village, 'region_unknown', `村（社区）“${h.villageText}”不在${regions.townshipName(townshipId)}的区划台账中，可在预览中添加`, 'warning');
      }
    }
  }

  /** Households checked before a problem found later held them back: what they differ in is not counted. */
  withdraw(households: ParsedHousehold[]): void {
    const rows = new Set(households.flatMap((h) => [h.firstRow, ...h.members.map((m) => m.row)]));
    this.differences = this.differences.filter((d) => {
      if (d.row === null || !rows.has(d.row)) return true;
      if (d.enrollmentId) this.seen.delete(d.enrollmentId);
      return false;
    });
  }

  /** The check of the whole roster, with the enrollments of its townships it does not list. */
  async finish(): Promise<LedgerCheck> {
    const { options } = this;
    const checked = { matched: this.matched, ledgerPersons: this.ledgerPersons, differences: this.differences, unknownRegions: [...this.unknown.values()] };
    // A 建账 being written lists no enrollment as missing: its commit acts on none (a 核对 stops them; the preview
    // listed them), and in a ledger of 300,000 people, reading all of its townships' took 1.5 s of the commit.
    if (options.writingBatch) return checked;
    const townshipIds = [...this.townshipIds];
    if (options.townshipId && !this.townshipIds.has(options.townshipId)) townshipIds.push(options.townshipId);
    // Rows naming another township are errors for a township clerk; its enrollments are not theirs to list as missing.
    const reachable = townshipIds.filter((t) => canSeeTownship(options.scope, t));
    for (const e of await programEnrollments(this.db, options.program, reachable)) {
      if (this.seen.has(e.id)) continue;
      this.differences.push({ kind: 'missing', row: null, name: e.headName ?? '', householdId: e.householdId, enrollmentId: e.id, persons: e.members.length, amountFen: null, ledgerAmountFen: e.amountFen, detail: `台账在保（${e.members.length} 人，${fmt(e.amountFen)}），本表中没有` });
    }
    return checked;
  }
}

/** What each household (or person) without errors differs in from the enrollment it is listed under, marking those seen. */
function compare(households: ParsedHousehold[], matched: (string | null)[], persons: Map<string, LedgerPerson>, enrollments: LedgerEnrollment[], program: Program, seen: Set<string>): Difference[] {
  const out: Difference[] = [];
  const byHousehold = new Map<string, LedgerEnrollment>();
  const byPerson = new Map<string, LedgerEnrollment>();
  for (const e of enrollments) {
    if (e.personId) byPerson.set(e.personId, e);
    else byHousehold.set(e.householdId, e);
  }
  const personIdOf = (id: string | null) => (id ? persons.get(id)?.id : undefined);
  households.forEach((h, i) => {
    if (h.hasError) return;
    if (isHouseholdProgram(program)) {
      const e = matched[i] ? byHousehold.get(matched[i]!) : undefined;
      const name = h.members.find((m) => m.relation === 'self')?.name ?? h.headName ?? h.members[0]?.name ?? '';
      const filePersons = h.members.map((m) => personIdOf(m.idNumber)).filter((x): x is string => Boolean(x));
      if (!e) {
        out.push({ kind: 'new', row: h.firstRow, name, householdId: matched[i] ?? null, enrollmentId: null, persons: h.members.length, amountFen: h.amountFen, ledgerAmountFen: null, detail: `新增：${h.members.length} 人，月保障金 ${fmt(h.amountFen)}` });
        return;
      }
      seen.add(e.id);
      const sameMembers = filePersons.length === h.members.length && e.members.length === filePersons.length && e.members.every((p) => filePersons.includes(p));
      const sameAmount = h.amountFen === null || h.amountFen === e.amountFen;
      const detail = [!sameAmount ? `金额 ${fmt(e.amountFen)} → ${fmt(h.amountFen)}` : '', !sameMembers ? `保障人数 ${e.members.length} → ${h.members.length}` : ''].filter(Boolean).join('；');
      const allRegistered = h.members.every((m) => persons.get(m.idNumber!)?.household_id === e.householdId);
      out.push({
        kind: sameAmount && sameMembers ? 'unchanged' : 'changed',
        row: h.firstRow,
        name,
        householdId: e.householdId,
        enrollmentId: e.id,
        persons: h.members.length,
        amountFen: h.amountFen,
        ledgerAmountFen: e.amountFen,
        detail: detail || '无变化',
        ...(sameMembers ? {} : { coveredPersonIds: allRegistered ? filePersons : null }),
      });
    } else {
      for (const m of h.members) {
        const pid = personIdOf(m.idNumber);
        const e = pid ? byPerson.get(pid) : undefined;
        const amount = m.amountFen ?? (h.members.length === 1 ? h.amountFen : null);
        if (!e) {
          out.push({ kind: 'new', row: m.row, name: m.name, householdId: matched[i] ?? null, enrollmentId: null, persons: 1, amountFen: amount, ledgerAmountFen: null, detail: `新增，月发放 ${fmt(amount)}` });
          continue;
        }
        seen.add(e.id);
        const same = amount === null || amount === e.amountFen;
        out.push({ kind: same ? 'unchanged' : 'changed', row: m.row, name: m.name, householdId: e.householdId, enrollmentId: e.id, persons: 1, amountFen: amount, ledgerAmountFen: e.amountFen, detail: same ? '无变化' : `金额 ${fmt(e.amountFen)} → ${fmt(amount)}` });
      }
    }
  });
  return out;
}

const fmt = (fen: number | null) => (fen === null ? '—' : `${formatYuan(fen)} 元`);
