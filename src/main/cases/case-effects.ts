/**
 * What an approval does to the ledger, by the workflow's effect: enroll the household or person (payment
 * from the month after the decision), record a one-off payment (临时救助: the approved case is the
 * record), change an enrollment (增发/减发/户主死亡), stop it, or apply a review (keep, adjust, taper,
 * stop). Each is checked when judged, and written only once every case of the batch has been judged.
 */
import { addMonths, addMonthsToDate, monthOf } from '../../shared/domain/dates';
import { formatYuan } from '../../shared/domain/money';
import { isHouseholdProgram, type Program } from '../../shared/domain/programs';
import type { WorkflowDef } from '../../shared/domain/workflow/types';
import type { Executor } from '../db/schema';
import { newId } from '../app/ids';
import type { CasesTable } from '../db/tables/cases.table';
import type { EnrollmentsTable } from '../db/tables/enrollments.table';
import type { AuditRecord } from '../audit/audit.service';
import { conflictsIn, programConflicts, type CoveringEnrollment } from '../enrollments/enrollments.service';
import type { CaseData } from './case-data';
import type { EngineEnv } from './case-engine';
import { Refused } from './refused';
import { recordAmountFrom } from '../enrollments/enrollment-history';

/** An approval's ledger change: a new enrollment (written in bulk with the batch) or an update to apply. */
export interface PendingEffect {
  caseId: string;
  enrollment?: EnrollmentsTable;
  members?: string[];
  audits: AuditRecord[];
  apply?: (trx: Executor) => Promise<void>;
}

/** What the batch read once for all its cases: covered members, and who is already covered by what. */
export interface EffectContext {
  members: ReadonlyMap<string, string[]>;
  covering: readonly CoveringEnrollment[];
  /** Program and person pairs enrolled earlier in the same batch. */
  reserved: Set<string>;
}

/** The next review date of an enrollment: yearly, or sooner for unstable incomes (*local*). */
function nextReview(env: EngineEnv, unstable: boolean): string {
  return addMonthsToDate(env.today, unstable ? env.policy.reviewMonthsUnstable : env.policy.reviewMonths);
}

export async function prepareEffects(
  trx: Executor,
  env: EngineEnv,
  row: CasesTable,
  def: WorkflowDef,
  data: CaseData,
  amount: number | null,
  standardId: string | null,
  context: EffectContext,
): Promise<PendingEffect> {
  const now = env.at.toISOString();
  const firstMonth = addMonths(monthOf(env.today), 1);
  switch (def.effect) {
    case 'enroll': {
      if (amount === null || amount <= 0) throw new Refused('CONFLICT', '尚未核定保障金额（或按调查结果不符合条件），不能审核确认');
      const program = row.program as Program;
      const personIds = context.members.get(row.id) ?? [];
      const persons = new Set(personIds);
      const conflicts = conflictsIn(context.covering.filter((c) => persons.has(c.person_id)), program, row.township_id);
      if (conflicts.length > 0) throw new Refused('CONFLICT', conflicts[0]!.message);
      if (personIds.some((p) => context.reserved.has(`${program}:${p}`))) throw new Refused('CONFLICT', '同一人员在本批中有另一件同类申请，请逐件办理');
      for (const p of personIds) context.reserved.add(`${program}:${p}`);
      const enrollment: EnrollmentsTable = {
        id: newId(),
        program,
        household_id: row.household_id,
        township_id: row.township_id,
        person_id: isHouseholdProgram(program) ? null : row.person_id,
        category: row.category,
        status: 'active',
        start_month: firstMonth,
        end_month: null,
        monthly_amount_fen: amount,
        standard_id: standardId,
        source: 'workflow',
        confirmed_by: env.user.id,
        confirmed_at: now,
        next_review_on: program === 'dibao' ? nextReview(env, data.unstableIncome === true) : null,
        unstable_income: data.unstableIncome ? 1 : 0,
        case_id: row.id,
        import_batch_id: null,
        created_at: now,
        updated_at: now,
      };
      return {
        caseId: row.id,
        enrollment,
        members: personIds,
        audits: [{ action: 'enrollment.create', entity: 'enrollment', entityId: enrollment.id, householdId: row.household_id, after: { ...enrollment, members: personIds }, reason: `审批案件 ${row.case_no}` }],
      };
    }
    case 'one_off':
      if (amount === null || amount <= 0) throw new Refused('VALIDATION', '请填写救助金额', ['data', 'amountFen']);
      return { caseId: row.id, audits: [] };
    case 'care':
      return { caseId: row.id, audits: [] };
    case 'resettle':
      return resettlementEffect(trx, env, row, amount);
    default:
      return enrollmentEffect(trx, env, row, def, data, amount);
  }
}

/** 成年后安置: the one-off subsidy is the approved case itself; the child's care file closes with it. */
async function resettlementEffect(trx: Executor, env: EngineEnv, row: CasesTable, amount: number | null): Promise<PendingEffect> {
  if (amount === null || amount <= 0) throw new Refused('VALIDATION', '请填写一次性安置补助金额', ['data', 'amountFen']);
  const file = await trx.selectFrom('children').select(['person_id']).where('person_id', '=', row.person_id!).where('closed_on', 'is', null).executeTakeFirst();
  const now = env.at.toISOString();
  return {
    caseId: row.id,
    audits: file ? [{ action: 'child.close', entity: 'child', entityId: file.person_id, after: { closedOn: env.today, case: row.case_no }, reason: '成年后安置' }] : [],
    apply: async (t) => {
      if (!file) return;
      await t.updateTable('children').set({ closed_on: env.today, close_reason: `成年后安置（案件 ${row.case_no}）`, next_due_on: null, updated_at: now }).where('person_id', '=', file.person_id).execute();
    },
  };
}

/** 增减保障人口: the members the case adds and removes, before the amount history counts them. */
async function coverMembers(t: Executor, enrollmentId: string, data: CaseData): Promise<void> {
  if (data.removedPersonIds?.length) await t.deleteFrom('enrollment_members').where('enrollment_id', '=', enrollmentId).where('person_id', 'in', data.removedPersonIds).execute();
  if (data.addedPersonIds?.length) {
    await t
      .insertInto('enrollment_members')
      .values(data.addedPersonIds.map((person_id) => ({ enrollment_id: enrollmentId, person_id })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

/** Changes, stops and reviews of an existing enrollment. */
async function enrollmentEffect(trx: Executor, env: EngineEnv, row: CasesTable, def: WorkflowDef, data: CaseData, amount: number | null): Promise<PendingEffect> {
  const enrollment = await trx.selectFrom('enrollments').selectAll().where('id', '=', row.enrollment_id!).executeTakeFirst();
  if (!enrollment || enrollment.status === 'stopped') throw new Refused('CONFLICT', '该在保记录已停保，不能再变更');
  const now = env.at.toISOString();
  const thisMonth = monthOf(env.today);
  const effective = data.effectiveMonth && data.effectiveMonth > thisMonth ? data.effectiveMonth : addMonths(thisMonth, 1);
  const set: Partial<EnrollmentsTable> = { updated_at: now };
  let headChange: { deceased: string; newHead: string } | null = null;
  const result = def.effect === 'stop' ? 'stop' : def.effect === 'change' ? 'change' : (data.reviewResult ?? 'keep');
  switch (result) {
    case 'change':
      set.monthly_amount_fen = amount ?? enrollment.monthly_amount_fen;
      if (data.addedPersonIds?.length) {
        // Someone brought under this enrollment may have been covered elsewhere since the case began.
        const conflicts = await programConflicts(trx, data.addedPersonIds, enrollment.program as Program, enrollment.township_id);
        if (conflicts.length > 0) throw new Refused('CONFLICT', conflicts[0]!.message);
      }
      if (data.changeType === 'head_death' && data.deceasedPersonId && data.newHeadPersonId) headChange = { deceased: data.deceasedPersonId, newHead: data.newHeadPersonId };
      break;
    case 'stop':
      Object.assign(set, { status: 'stopped', end_month: addMonths(effective, -1), next_review_on: null });
      break;
    case 'taper':
      // Paid at the current amount through the taper, then stopped.
      Object.assign(set, { status: 'tapering', end_month: addMonths(thisMonth, data.taperMonths ?? env.policy.taperMonths), next_review_on: null });
      break;
    case 'adjust':
      Object.assign(set, { monthly_amount_fen: amount ?? enrollment.monthly_amount_fen, next_review_on: nextReview(env, data.unstableIncome ?? enrollment.unstable_income === 1) });
      break;
    case 'keep':
      set.next_review_on = nextReview(env, data.unstableIncome ?? enrollment.unstable_income === 1);
      break;
  }
  if (data.unstableIncome !== undefined) set.unstable_income = data.unstableIncome ? 1 : 0;
  const audits: AuditRecord[] = [
    {
      action: result === 'stop' ? 'enrollment.stop' : result === 'taper' ? 'enrollment.taper' : 'enrollment.change',
      entity: 'enrollment',
      entityId: enrollment.id,
      householdId: row.household_id,
      before: { status: enrollment.status, monthly_amount_fen: enrollment.monthly_amount_fen, end_month: enrollment.end_month, next_review_on: enrollment.next_review_on },
      after: {
        ...set,
        effectiveMonth: effective,
        amount: set.monthly_amount_fen !== undefined ? formatYuan(set.monthly_amount_fen) : undefined,
        addedPersonIds: result === 'change' ? data.addedPersonIds : undefined,
        removedPersonIds: result === 'change' ? data.removedPersonIds : undefined,
      },
      reason: `审批案件 ${row.case_no}`,
    },
  ];
  if (headChange) audits.push({ action: 'household.head_change', entity: 'household', entityId: row.household_id, householdId: row.household_id, after: { head_person_id: headChange.newHead, deceased: headChange.deceased }, reason: `审批案件 ${row.case_no}` });
  return {
    caseId: row.id,
    audits,
    apply: async (t) => {
      await t.updateTable('enrollments').set(set).where('id', '=', enrollment.id).execute();
      // The amount history the forms read: a new amount from the effective month, tapering from next month.
      if (result === 'change') await coverMembers(t, enrollment.id, data);
      if (result === 'change' || result === 'adjust') await recordAmountFrom(t, enrollment.id, effective, { amountFen: set.monthly_amount_fen });
      if (result === 'taper') await recordAmountFrom(t, enrollment.id, addMonths(thisMonth, 1), { phase: 'taper' });
      if (headChange) {
        await t.updateTable('persons').set({ deceased_on: env.today, updated_at: now }).where('id', '=', headChange.deceased).execute();
        await t.updateTable('persons').set({ relation: 'self', updated_at: now }).where('id', '=', headChange.newHead).execute();
        await t.updateTable('persons').set({ relation: 'other', updated_at: now }).where('id', '=', headChange.deceased).execute();
        await t.updateTable('households').set({ head_person_id: headChange.newHead, updated_at: now }).where('id', '=', row.household_id).execute();
        await t.deleteFrom('enrollment_members').where('enrollment_id', '=', enrollment.id).where('person_id', '=', headChange.deceased).execute();
        await recordAmountFrom(t, enrollment.id, effective, {});
      }
    },
  };
}
