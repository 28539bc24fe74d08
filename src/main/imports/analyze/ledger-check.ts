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
import { markErrors } from './parse-rows';

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
  const rows = await db
    .selectFrom('enrollments as e')
    .select(['e.id', 'e.household_id', 'e.township_id', 'e.person_id', 'e.status', 'e.monthly_amount_fen', 'e.category', sql<string | null>`(select name from persons where id = coalesce(e.person_id, (select head_person_id from households where id = e.household_id)))`.as('head_name')])
    .where('e.program', '=', program)
    .where('e.township_id', 'in', townshipIds)
    .where('e.status', 'in', [...COVERED])
    .execute();
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

export async function checkAgainstLedger(db: Executor, households: ParsedHousehold[], problems: Problem[], cols: FieldColumns, regions: RegionIndex, options: CheckOptions): Promise<LedgerCheck> {
  const { program, purpose } = options;
  const add = (row: number, col: number | undefined, code: Problem['code'], message: string, severity: Problem['severity'] = 'error', householdLevel = false) =>
    problems.push({ row, col: col ?? null, code, severity, message, ...(householdLevel ? { householdLevel } : {}) });
  const unknown = new Map<string, { townshipName: string; villageName: string | null }>();

  // Regions first: every household needs a township; a village the ledger lacks is a warning.
  for (const h of households) {
    let townshipId = options.townshipId;
    if (h.townshipText) {
      const found = regions.townshipByName(h.townshipText);
      if (found) townshipId = found;
      else if (!options.townshipId) {
        unknown.set(h.townshipText, { townshipName: h.townshipText, villageName: null });
        add(h.firstRow, cols.township, 'region_unknown', `乡镇（街道）“${h.townshipText}”不在区划台账中，可在预览中添加`, 'warning');
      }
    }
    if (!townshipId) {
      add(h.firstRow, cols.township, 'missing_required', '无法确定所属乡镇（街道）：请在导入设置中选择乡镇，或在表格中填写乡镇列', 'error', true);
      continue;
    }
    if (options.scope.kind === 'township' && townshipId !== options.scope.townshipId) {
      add(h.firstRow, cols.township, 'township_mismatch', `这一户属于${regions.townshipName(townshipId)}，只能导入本乡镇（街道）的人员`, 'error', true);
    }
    h.townshipId = townshipId;
    if (h.villageText) {
      h.villageId = regions.villageByName(townshipId, h.villageText);
      if (!h.villageId) {
        unknown.set(`${townshipId}|${h.villageText}`, { townshipName: regions.townshipName(townshipId), villageName: h.villageText });
        add(h.firstRow, cols.village, 'region_unknown', `村（社区）“${h.villageText}”不在${regions.townshipName(townshipId)}的区划台账中，可在预览中添加`, 'warning');
      }
    }
  }

  const ids = households.flatMap((h) => h.members.map((m) => m.idNumber).filter((x): x is string => x !== null));
  const persons = new Map((await personsByIdNumbers(db, ids)).map((p) => [p.id_number, p]));
  const covering = await coveringByPerson(db, [...persons.values()].map((p) => p.id));
  const matched: (string | null)[] = [];

  households.forEach((h) => {
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
        add(m.row, cols.idNumber, 'duplicate_in_ledger', `${whereRegistered(p)}，与本表同户的其他人不在一户，同一人不能登记在两户`, 'error', true);
        continue;
      }
      if (h.townshipId && p.township_id !== h.townshipId) {
        add(m.row, cols.idNumber, 'duplicate_in_ledger', `${whereRegistered(p)}（另一乡镇），请先办理迁移`, 'error', true);
        continue;
      }
      // A reconciliation expects the program itself; only the programs it excludes conflict.
      const held = (covering.get(p.id) ?? []).filter((e) => purpose === 'initial_load' || e.program !== program);
      const conflicts = conflictsIn(held, program, h.townshipId ?? '');
      for (const c of conflicts) add(m.row, cols.idNumber, 'program_conflict', c.message, 'error', true);
      if (conflicts.length === 0 && purpose === 'initial_load') add(m.row, cols.idNumber, 'duplicate_in_ledger', `${whereRegistered(p)}，将沿用已有档案`, 'warning');
    }
  });

  const townshipIds = [...new Set(households.map((h) => h.townshipId).filter((t): t is string => t !== null))];
  if (options.townshipId && !townshipIds.includes(options.townshipId)) townshipIds.push(options.townshipId);
  // Rows naming another township are errors for a township clerk; its enrollments are not theirs to list as missing.
  const reachable = townshipIds.filter((t) => canSeeTownship(options.scope, t));
  markErrors(households, problems);
  const differences = compare(households, matched, persons, await programEnrollments(db, program, reachable), program);
  return { matched, ledgerPersons: persons, differences, unknownRegions: [...unknown.values()] };
}

function compare(households: ParsedHousehold[], matched: (string | null)[], persons: Map<string, LedgerPerson>, enrollments: LedgerEnrollment[], program: Program): Difference[] {
  const out: Difference[] = [];
  const seen = new Set<string>();
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
  for (const e of enrollments) {
    if (seen.has(e.id)) continue;
    out.push({ kind: 'missing', row: null, name: e.headName ?? '', householdId: e.householdId, enrollmentId: e.id, persons: e.members.length, amountFen: null, ledgerAmountFen: e.amountFen, detail: `台账在保（${e.members.length} 人，${fmt(e.amountFen)}），本表中没有` });
  }
  return out;
}

const fmt = (fen: number | null) => (fen === null ? '—' : `${formatYuan(fen)} 元`);
