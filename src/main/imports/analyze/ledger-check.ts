/**
 * The roster against the ledger: where each household belongs (township, village), who is already
 * registered elsewhere or holds a conflicting program, and what differs from the enrollments the ledger
 * holds (new, changed, unchanged, and enrolled persons missing from the roster).
 */
import { sql } from 'kysely';
import type { Scope } from '../../../shared/domain/roles';
import { COVERED_STATUSES, exclusiveConflict, isHouseholdProgram, PROGRAM_SHORT_LABELS, type Program } from '../../../shared/domain/programs';
import { formatYuan } from '../../../shared/domain/money';
import type { Executor } from '../../db/schema';
import type { RegionIndex } from './regions';
import type { ParsedHousehold, Problem, FieldColumns } from './types';
import { markErrors } from './parse-rows';

export type Purpose = 'initial_load' | 'reconcile';

export interface LedgerPerson {
  id: string;
  idNumber: string;
  name: string;
  householdId: string;
  townshipId: string;
  where: string;
}

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
  kind: 'new' | 'changed' | 'unchanged' | 'missing';
  row: number | null;
  name: string;
  householdId: string | null;
  enrollmentId: string | null;
  persons: number;
  amountFen: number | null;
  ledgerAmountFen: number | null;
  detail: string;
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

async function ledgerPersons(db: Executor, idNumbers: string[]): Promise<Map<string, LedgerPerson>> {
  const out = new Map<string, LedgerPerson>();
  for (let i = 0; i < idNumbers.length; i += CHUNK) {
    const rows = await db
      .selectFrom('persons as p')
      .innerJoin('households as h', 'h.id', 'p.household_id')
      .select([
        'p.id',
        'p.id_number',
        'p.name',
        'p.household_id',
        'h.township_id',
        sql<string>`(select name from townships where id = h.township_id) || coalesce((select name from villages where id = h.village_id), '') || coalesce('户主' || (select name from persons where id = h.head_person_id) || '的家庭', '')`.as('place'),
      ])
      .where('p.id_number', 'in', idNumbers.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) out.set(r.id_number, { id: r.id, idNumber: r.id_number, name: r.name, householdId: r.household_id!, townshipId: r.township_id, where: r.place });
  }
  return out;
}

/** Covered enrollments of the persons, every program (for conflicts). */
async function enrollmentsOfPersons(db: Executor, personIds: string[]) {
  const out = new Map<string, { program: Program; status: string; townshipId: string; enrollmentId: string }[]>();
  for (let i = 0; i < personIds.length; i += CHUNK) {
    const rows = await db
      .selectFrom('enrollment_members as em')
      .innerJoin('enrollments as e', 'e.id', 'em.enrollment_id')
      .select(['em.person_id', 'e.id', 'e.program', 'e.status', 'e.township_id'])
      .where('em.person_id', 'in', personIds.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) {
      if (!COVERED.includes(r.status)) continue;
      const list = out.get(r.person_id) ?? [];
      list.push({ program: r.program as Program, status: r.status, townshipId: r.township_id, enrollmentId: r.id });
      out.set(r.person_id, list);
    }
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
  const persons = await ledgerPersons(db, ids);
  const enrolled = await enrollmentsOfPersons(db, [...persons.values()].map((p) => p.id));
  const matched: (string | null)[] = [];

  households.forEach((h) => {
    const head = h.members.find((m) => m.relation === 'self' && m.idNumber && persons.has(m.idNumber));
    const any = head ?? h.members.find((m) => m.idNumber && persons.has(m.idNumber));
    const householdId = any ? persons.get(any.idNumber!)!.householdId : null;
    matched.push(householdId);
    for (const m of h.members) {
      const p = m.idNumber ? persons.get(m.idNumber) : undefined;
      if (!p) continue;
      if (p.householdId !== householdId) {
        add(m.row, cols.idNumber, 'duplicate_in_ledger', `${m.name}已登记在${p.where}中，与本表同户的其他人不在一户，同一人不能登记在两户`, 'error', true);
        continue;
      }
      if (h.townshipId && p.townshipId !== h.townshipId) {
        add(m.row, cols.idNumber, 'duplicate_in_ledger', `${m.name}已登记在${p.where}中（另一乡镇），请先办理迁移`, 'error', true);
        continue;
      }
      let conflict = false;
      for (const e of enrolled.get(p.id) ?? []) {
        const reason = exclusiveConflict(e.program, program);
        if (reason) {
          conflict = true;
          add(m.row, cols.idNumber, 'program_conflict', `${m.name}已在${regions.townshipName(e.townshipId)}享受${PROGRAM_SHORT_LABELS[e.program]}：${reason}`, 'error', true);
        } else if (e.program === program && purpose === 'initial_load') {
          conflict = true;
          add(m.row, cols.idNumber, 'program_conflict', `${m.name}已有${PROGRAM_SHORT_LABELS[program]}在保记录，不能重复建账（月度核对请选择“核对”）`, 'error', true);
        }
      }
      if (!conflict && purpose === 'initial_load') add(m.row, cols.idNumber, 'duplicate_in_ledger', `${m.name}已在台账中（${p.where}），将沿用已有档案`, 'warning');
    }
  });

  const townshipIds = [...new Set(households.map((h) => h.townshipId).filter((t): t is string => t !== null))];
  if (options.townshipId && !townshipIds.includes(options.townshipId)) townshipIds.push(options.townshipId);
  markErrors(households, problems);
  const differences = compare(households, matched, persons, await programEnrollments(db, program, townshipIds), program);
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
      out.push({ kind: sameAmount && sameMembers ? 'unchanged' : 'changed', row: h.firstRow, name, householdId: e.householdId, enrollmentId: e.id, persons: h.members.length, amountFen: h.amountFen, ledgerAmountFen: e.amountFen, detail: detail || '无变化' });
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
