/**
 * Enrollments (在保记录). Later issues create them through workflows and imports; here the administrator's
 * initial load (建账) enters existing beneficiaries directly, marked as such. The cross-program rules are
 * enforced for every covered person: 低保 and 特困 exclude each other, so do 孤儿 and 事实无人抚养儿童, and
 * nobody is in one program twice (in this township or another).
 */
import { AppError, type FieldIssue } from '../../shared/api/errors';
import { addMonthsToDate, ageOn, isValidMonth } from '../../shared/domain/dates';
import { exclusiveConflict, gaolingBand, isHouseholdProgram, PROGRAM_CATEGORIES, PROGRAM_SHORT_LABELS, type Program } from '../../shared/domain/programs';
import type { Scope } from '../../shared/domain/roles';
import { standardItemFor } from '../../shared/domain/standards';
import type { Executor, LedgerDb } from '../db/schema';
import { newId } from '../app/ids';
import { recordAudit, type Actor } from '../audit/audit.service';
import { requireHousehold } from '../households/households.service';
import { membersOf } from '../households/households.repository';
import { standardOn } from '../standards/standards.repository';
import { coveringEnrollments } from './enrollments.repository';
import { insertEnrollments } from './enrollment-history';
import { loadPolicy } from '../workflows/workflows.service';

export interface InitialEnrollmentInput {
  householdId: string;
  program: Program;
  /** The person, for person programs; the covered members, for household programs (default: all). */
  personIds: string[];
  category: string | null;
  startMonth: string;
  monthlyAmountFen: number;
  reason: string;
}

export interface ConflictIssue {
  personId: string;
  message: string;
}

/** Why these persons cannot (or should not) join `program` now, naming the other record. */
export async function programConflicts(db: Executor, personIds: string[], program: Program, ownTownshipId: string): Promise<ConflictIssue[]> {
  return conflictsIn(await coveringEnrollments(db, personIds), program, ownTownshipId);
}

export type CoveringEnrollment = Awaited<ReturnType<typeof coveringEnrollments>>[number];

/** The same judgement on enrollments already read (a batch reads them for all its persons at once). */
export function conflictsIn(covering: readonly CoveringEnrollment[], program: Program, ownTownshipId: string): ConflictIssue[] {
  const issues: ConflictIssue[] = [];
  for (const e of covering) {
    const held = e.program as Program;
    const exclusive = exclusiveConflict(held, program);
    if (exclusive) issues.push({ personId: e.person_id, message: `${e.person_name}已在${e.township_name}享受${PROGRAM_SHORT_LABELS[held]}：${exclusive}` });
    else if (held === program) {
      const where = e.township_id === ownTownshipId ? '' : `（${e.township_name}，另一乡镇）`;
      issues.push({ personId: e.person_id, message: `${e.person_name}已有${PROGRAM_SHORT_LABELS[held]}在保记录${where}，不能重复纳入` });
    }
  }
  return issues;
}

/** Age rules of the programs that have them, judged on the start month's first day. */
function ageIssues(program: Program, category: string | null, person: { name: string; birth_date: string }, on: string): string | null {
  const age = ageOn(person.birth_date, on);
  if ((program === 'orphan' || program === 'de_facto_orphan') && age >= 18) return `${person.name}已满 18 周岁，不能纳入${PROGRAM_SHORT_LABELS[program]}`;
  if (program === 'child_care' && category === 'left_behind' && age >= 16) return `${person.name}已满 16 周岁，不属于农村留守儿童`;
  if (program === 'gaoling') {
    const band = gaolingBand(age);
    if (!band) return `${person.name}未满 80 周岁，不能享受高龄津贴`;
    if (band !== category) return `${person.name}现年 ${age} 岁，高龄津贴应为 ${band} 档`;
  }
  return null;
}

export async function createInitialEnrollment(db: LedgerDb, actor: Actor, at: Date, scope: Scope, input: InitialEnrollmentInput): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const household = await requireHousehold(trx, scope, input.householdId);
    const members = await membersOf(trx, household.id);
    const issues: FieldIssue[] = [];
    const categories = PROGRAM_CATEGORIES[input.program];
    if (categories && (!input.category || !(input.category in categories))) issues.push({ path: ['category'], message: '请选择类别' });
    if (!categories && input.category) issues.push({ path: ['category'], message: '该项目不分类别' });
    if (!isValidMonth(input.startMonth)) issues.push({ path: ['startMonth'], message: '开始月份应为 YYYY-MM' });
    const personIds = isHouseholdProgram(input.program) && input.personIds.length === 0 ? members.map((m) => m.id) : input.personIds;
    const covered = members.filter((m) => personIds.includes(m.id));
    if (covered.length !== personIds.length) issues.push({ path: ['personIds'], message: '所选人员不是该户成员' });
    if (!isHouseholdProgram(input.program) && personIds.length !== 1) issues.push({ path: ['personIds'], message: '该项目按人保障，请选择一名成员' });
    let conflict = false;
    if (issues.length === 0) {
      const firstDay = `${input.startMonth}-01`;
      for (const person of covered) {
        const problem = ageIssues(input.program, input.category, person, firstDay);
        if (problem) issues.push({ path: ['personIds'], message: problem });
      }
      for (const c of await programConflicts(trx, personIds, input.program, household.township_id)) {
        conflict = true;
        issues.push({ path: ['personIds'], message: c.message });
      }
    }
    if (issues.length > 0) throw new AppError(conflict ? 'CONFLICT' : 'VALIDATION', issues[0]!.message, { fields: issues });

    const item = standardItemFor(input.program, input.category, household.hukou_type as 'urban' | 'rural');
    const standard = item ? await standardOn(trx, item, `${input.startMonth}-01`) : undefined;
    const now = at.toISOString();
    const row = {
      id: newId(),
      program: input.program,
      household_id: household.id,
      township_id: household.township_id,
      person_id: isHouseholdProgram(input.program) ? null : personIds[0]!,
      category: input.category,
      status: 'active',
      start_month: input.startMonth,
      end_month: null,
      monthly_amount_fen: input.monthlyAmountFen,
      standard_id: standard?.id ?? null,
      source: 'initial_load',
      confirmed_by: actor.userId,
      confirmed_at: now,
      // Existing 低保 households are reviewed a year after they began (sooner when that has passed).
      next_review_on: input.program === 'dibao' ? addMonthsToDate(`${input.startMonth}-01`, (await loadPolicy(trx)).reviewMonths) : null,
      unstable_income: 0,
      case_id: null,
      import_batch_id: null,
      created_at: now,
      updated_at: now,
    };
    await insertEnrollments(trx, [row], personIds.map((person_id) => ({ enrollment_id: row.id, person_id })));
    await recordAudit(trx, actor, at, {
      action: 'enrollment.initial_load',
      entity: 'enrollment',
      entityId: row.id,
      householdId: household.id,
      after: { ...row, members: personIds },
      reason: input.reason,
    });
    return row.id;
  });
}
