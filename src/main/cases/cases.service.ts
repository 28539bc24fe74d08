/**
 * Opening cases and everything done to them besides step actions: extension of the whole deadline (once,
 * with a reason), the county's review of delegated confirmations (备案审查), and starting due reviews.
 * Nobody enters a program except through a case ("不得直接纳入"); the administrator's initial load (建账)
 * is the one marked exception.
 */
import { AppError, type FieldIssue } from '../../shared/api/errors';
import { addMonths, ageOn, monthOf } from '../../shared/domain/dates';
import { gaolingBand, isHouseholdProgram, PROGRAM_CATEGORIES, PROGRAM_SHORT_LABELS, type Program } from '../../shared/domain/programs';
import { dueDate, extensionRefusal } from '../../shared/domain/workflow/rules';
import { CHANGE_TYPES, changeTypesFor } from '../../shared/domain/workflow/types';
import type { z } from 'zod';
import type { startCaseSchema } from '../../shared/api/cases.schemas';
import type { Executor, LedgerDb } from '../db/schema';
import type { CasesTable } from '../db/tables/cases.table';
import { newId } from '../app/ids';
import { recordAudit } from '../audit/audit.service';
import { programConflicts } from '../enrollments/enrollments.service';
import { requireHousehold } from '../households/households.service';
import { membersOf } from '../households/households.repository';
import { effectiveWorkflow } from '../workflows/workflows.service';
import { APPLICATION_KINDS, isCareCaseKind } from '../../shared/domain/workflow/definitions';
import { careCaseSubject } from './care-case-start';
import { memberChange } from './member-change';
import { proposeAmount } from './case-amount';
import type { CaseData } from './case-data';
import { applyActions, type ActionRequest, type ActionResult, type EngineEnv } from './case-engine';
import { definitionOf, loadDefinitions, storeDefinition } from './case-definitions';
import { caseFacts } from './case-facts';

export type StartInput = z.output<typeof startCaseSchema>;

const fail = (path: string, message: string): FieldIssue => ({ path: [path], message });

/** The next case number of the year: YYYY-NNNNN. */
async function nextCaseNo(db: Executor, year: string): Promise<string> {
  const last = await db.selectFrom('cases').select((eb) => eb.fn.max('case_no').as('no')).where('case_no', 'like', `${year}-%`).executeTakeFirst();
  const n = last?.no ? Number(String(last.no).slice(5)) + 1 : 1;
  return `${year}-${String(n).padStart(5, '0')}`;
}

/** A person qualifies for 特困 by age or disability: 60 or over, a disability, or a minor (under 16, or 18 at school). */
function tekunEligible(p: { birth_date: string; disability_category: string | null; school_status: string | null }, on: string): boolean {
  const age = ageOn(p.birth_date, on);
  const atSchool = p.school_status !== null && !['out_of_school', 'finished'].includes(p.school_status);
  return age >= 60 || p.disability_category !== null || age < 16 || (age < 18 && atSchool);
}

/** An open change, stop or review of this enrollment. */
function openCaseOnEnrollment(db: Executor, enrollmentId: string) {
  return db.selectFrom('cases').select('case_no').where('enrollment_id', '=', enrollmentId).where('status', '=', 'open').where('kind', 'not in', APPLICATION_KINDS).executeTakeFirst();
}

/** An open application to `program` covering any of these persons. */
function openApplicationFor(db: Executor, personIds: string[], program: Program) {
  return db
    .selectFrom('cases as c')
    .innerJoin('case_members as cm', 'cm.case_id', 'c.id')
    .select('c.case_no')
    .where('cm.person_id', 'in', personIds)
    .where('c.status', '=', 'open')
    .where('c.program', '=', program)
    .where('c.kind', 'in', APPLICATION_KINDS)
    .executeTakeFirst();
}

export async function startCase(db: LedgerDb, env: EngineEnv, input: StartInput): Promise<{ id: string; caseNo: string }> {
  return db.transaction().execute((trx) => startCaseIn(trx, env, input));
}

/** Starts a case inside the caller's transaction (an import starts many in one); checks come before any write. */
export async function startCaseIn(trx: Executor, env: EngineEnv, input: StartInput): Promise<{ id: string; caseNo: string }> {
  const household = await requireHousehold(trx, env.scope, input.householdId);
  const def = await effectiveWorkflow(trx, input.kind);
  const first = def.steps[0]!;
  if (!first.roles.includes(env.user.role)) throw new AppError('FORBIDDEN', `您的角色不能受理“${def.label}”`);
  if (env.user.role === 'township_clerk' && env.user.townshipId !== household.township_id) throw new AppError('FORBIDDEN', '只能办理本乡镇（街道）的案件');
  const members = (await membersOf(trx, household.id)).filter((m) => !m.deceased_on);
  const memberIds = new Set(members.map((m) => m.id));
  const startOn = `${addMonths(monthOf(env.today), 1)}-01`;
  const issues: FieldIssue[] = [];
  let program: Program;
  let personIds: string[];
  let category: string | null = input.category;
  let enrollmentId: string | null = null;
  let memberChangeData: Pick<CaseData, 'addedPersonIds' | 'removedPersonIds'> = {};

  if (isCareCaseKind(input.kind)) {
    ({ program, category, personIds } = await careCaseSubject(trx, input.kind, input.personIds, members, env.today));
  } else if (def.program) {
    program = def.program;
    personIds = input.personIds.length > 0 ? input.personIds : isHouseholdProgram(program) ? [...memberIds] : [];
    if (personIds.some((p) => !memberIds.has(p))) issues.push(fail('personIds', '所选人员不是该户在世成员'));
    if (!isHouseholdProgram(program) && personIds.length !== 1) issues.push(fail('personIds', `${PROGRAM_SHORT_LABELS[program]}按人申请，请选择一名申请人`));
    const person = members.find((m) => m.id === personIds[0]);
    if (program === 'dibao') category = category ?? household.hukou_type;
    if (program === 'linshi') category = input.kind === 'linshi_emergency' ? 'emergency' : 'expense';
    if (program === 'gaoling' && person) {
      const band = gaolingBand(ageOn(person.birth_date, startOn));
      if (!band) issues.push(fail('personIds', `${person.name}未满 80 周岁，不能申请高龄津贴`));
      category = band;
    }
    if (program === 'tekun' && person && !tekunEligible(person, env.today)) issues.push(fail('personIds', `${person.name}不符合特困人员的年龄或残疾条件（60 周岁以上、残疾人或未满 16 周岁）`));
    const categories = PROGRAM_CATEGORIES[program];
    if (categories && (!category || !(category in categories))) issues.push(fail('category', '请选择类别'));
    if (program === 'dibao' && input.monthlyIncomeFen === undefined) issues.push(fail('monthlyIncomeFen', '请填写申请人申报的家庭月收入'));
    if (program === 'linshi' && !input.requestedAmountFen) issues.push(fail('requestedAmountFen', '请填写申请救助金额'));
    if (issues.length === 0 && program !== 'linshi') {
      const conflicts = await programConflicts(trx, personIds, program, household.township_id);
      if (conflicts.length > 0) throw new AppError('CONFLICT', conflicts[0]!.message, { fields: [fail('personIds', conflicts[0]!.message)] });
      const open = await openApplicationFor(trx, personIds, program);
      if (open) throw new AppError('CONFLICT', `已有未办结的${PROGRAM_SHORT_LABELS[program]}申请（案件编号 ${open.case_no}），不能重复申请`);
    }
  } else {
    if (!input.enrollmentId) throw new AppError('VALIDATION', '请选择要变更的在保记录', { fields: [fail('enrollmentId', '请选择在保记录')] });
    const enrollment = await trx.selectFrom('enrollments').selectAll().where('id', '=', input.enrollmentId).where('household_id', '=', household.id).executeTakeFirst();
    if (!enrollment) throw new AppError('NOT_FOUND', '该户没有这条在保记录');
    if (enrollment.status === 'stopped') throw new AppError('CONFLICT', '该在保记录已停保');
    if (input.kind === 'periodic_review' && enrollment.status !== 'active') throw new AppError('CONFLICT', '渐退中的记录不再复核');
    const open = await openCaseOnEnrollment(trx, enrollment.id);
    if (open) throw new AppError('CONFLICT', `该在保记录已有未办结的案件（案件编号 ${open.case_no}），请先办结`);
    program = enrollment.program as Program;
    category = enrollment.category;
    enrollmentId = enrollment.id;
    personIds = (await trx.selectFrom('enrollment_members').select('person_id').where('enrollment_id', '=', enrollment.id).execute()).map((m) => m.person_id);
    if (input.kind === 'enrollment_change' && input.changeType && !changeTypesFor(program).includes(input.changeType)) {
      issues.push(fail('changeType', `${PROGRAM_SHORT_LABELS[program]}按人保障，不适用“${CHANGE_TYPES[input.changeType]}”`));
    } else if (input.kind === 'enrollment_change' && input.changeType === 'members') {
      // The case's members are those covered after the change: the amount is proposed for them.
      const change = await memberChange(trx, program, household.township_id, personIds, input.personIds, memberIds);
      issues.push(...change.issues);
      if (input.newAmountFen === undefined) issues.push(fail('newAmountFen', '请填写变更后的保障金额'));
      personIds = change.covered;
      memberChangeData = { addedPersonIds: change.added, removedPersonIds: change.removed };
    } else if (input.kind === 'enrollment_change') {
      const current = enrollment.monthly_amount_fen;
      if (!input.changeType) issues.push(fail('changeType', '请选择变更类型'));
      if (input.newAmountFen === undefined) issues.push(fail('newAmountFen', '请填写变更后的保障金额'));
      else if (input.changeType === 'increase' && input.newAmountFen <= current) issues.push(fail('newAmountFen', '增发后的金额应高于现有金额'));
      else if (input.changeType === 'decrease' && input.newAmountFen >= current) issues.push(fail('newAmountFen', '减发后的金额应低于现有金额'));
      if (input.changeType === 'head_death') {
        if (input.deceasedPersonId !== household.head_person_id) issues.push(fail('deceasedPersonId', '请选择已死亡的户主'));
        if (!input.newHeadPersonId || input.newHeadPersonId === input.deceasedPersonId || !memberIds.has(input.newHeadPersonId)) issues.push(fail('newHeadPersonId', '请选择新的户主（该户在世成员）'));
      }
    }
  }
  if (input.effectiveMonth && input.effectiveMonth <= monthOf(env.today)) issues.push(fail('effectiveMonth', '生效月份应晚于本月'));
  if (issues.length > 0) throw new AppError('VALIDATION', issues[0]!.message, { fields: issues });

  const now = env.at.toISOString();
  const data: CaseData = {
    reason: input.reason,
    monthlyIncomeFen: input.monthlyIncomeFen,
    unstableIncome: input.unstableIncome || undefined,
    requestedAmountFen: input.requestedAmountFen,
    changeType: input.changeType,
    newAmountFen: input.newAmountFen,
    deceasedPersonId: input.deceasedPersonId,
    newHeadPersonId: input.newHeadPersonId,
    ...memberChangeData,
    effectiveMonth: input.effectiveMonth,
  };
  for (const k of Object.keys(data) as (keyof CaseData)[]) if (data[k] === undefined) delete data[k];
  const row: CasesTable = {
    id: newId(),
    case_no: await nextCaseNo(trx, env.today.slice(0, 4)),
    kind: input.kind,
    program,
    household_id: household.id,
    township_id: household.township_id,
    person_id: isHouseholdProgram(program) ? null : (personIds[0] ?? null),
    enrollment_id: enrollmentId,
    category,
    status: 'open',
    outcome: null,
    step: first.id,
    step_level: first.level,
    step_roles: `,${first.roles.join(',')},`,
    step_since: env.today,
    step_due: first.deadline ? dueDate(first.deadline, env.today, env.calendar) : dueDate(def.whole, env.today, env.calendar),
    opened_on: env.today,
    case_due: dueDate(def.whole, env.today, env.calendar),
    extended_reason: null,
    definition_id: await storeDefinition(trx, def, now),
    data: '',
    amount_fen: null,
    standard_id: null,
    delegated: def.delegated ? 1 : 0,
    filing_reviewed_at: null,
    filing_reviewed_by: null,
    filing_opinion: null,
    created_by: env.user.id,
    import_batch_id: null,
    created_at: now,
    updated_at: now,
    closed_at: null,
    version: 0,
    crisis: 0,
    follow_up_on: null,
  };
  await trx.insertInto('cases').values({ ...row, data: JSON.stringify(data) }).execute();
  if (personIds.length > 0) await trx.insertInto('case_members').values(personIds.map((person_id) => ({ case_id: row.id, person_id }))).execute();
  const proposal = await proposeAmount(trx, await caseFacts(trx, { ...row, data: '' }, data, env.today, env.policy));
  data.amountLines = proposal.lines;
  await trx.updateTable('cases').set({ data: JSON.stringify(data), amount_fen: proposal.amountFen, standard_id: proposal.standardId }).where('id', '=', row.id).execute();
  await trx
    .insertInto('case_steps')
    .values({ id: newId(), case_id: row.id, seq: 1, step: 'application', action: 'submit', opinion: input.reason, user_id: env.user.id, user_name: env.user.displayName, role: env.user.role, acted_at: now, on_date: env.today, data: null })
    .execute();
  await recordAudit(trx, env.actor, env.at, {
    action: 'case.start',
    entity: 'case',
    entityId: row.id,
    householdId: household.id,
    after: { caseNo: row.case_no, kind: row.kind, program, members: personIds, amountFen: proposal.amountFen, enrollmentId },
    reason: input.kind === 'psych_care' ? undefined : input.reason,
  });
  return { id: row.id, caseNo: row.case_no };
}

/** One action on one case: refused with the engine's message (nothing written), or done. */
export async function actOnCase(db: LedgerDb, env: EngineEnv, req: Omit<ActionRequest, 'batch'>): Promise<ActionResult> {
  return db.transaction().execute(async (trx) => {
    const [result] = await applyActions(trx, env, [{ ...req, batch: false }]);
    if (!result!.ok) throw new AppError(result!.code ?? 'CONFLICT', result!.message, result!.field ? { fields: [{ path: result!.field, message: result!.message }] } : undefined);
    return result!;
  });
}

/** Batch approval: one transaction, a result per case; refused cases stay as they were. */
export async function actOnCases(db: LedgerDb, env: EngineEnv, items: { caseId: string; version: number }[], action: string, opinion: string): Promise<ActionResult[]> {
  return db.transaction().execute((trx) => applyActions(trx, env, items.map((i) => ({ ...i, action, opinion, data: {}, batch: true }))));
}

export async function requireCurrentCase(db: Executor, env: EngineEnv, caseId: string, version: number): Promise<CasesTable> {
  const row = await db.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirst();
  if (!row || (env.scope.kind === 'township' && env.scope.townshipId !== row.township_id)) throw new AppError('NOT_FOUND', '案件不存在或不在您的办理范围');
  if (row.version !== version) throw new AppError('CONFLICT', '案件已被他人办理或已更新，请刷新后再办理');
  return row;
}

export async function appendNeutralStep(trx: Executor, env: EngineEnv, row: CasesTable, action: string, opinion: string, data: object | null = null) {
  const last = await trx.selectFrom('case_steps').select((eb) => eb.fn.max('seq').as('seq')).where('case_id', '=', row.id).executeTakeFirst();
  await trx
    .insertInto('case_steps')
    .values({ id: newId(), case_id: row.id, seq: Number(last?.seq ?? 0) + 1, step: row.step ?? 'closed', action, opinion, user_id: env.user.id, user_name: env.user.displayName, role: env.user.role, acted_at: env.at.toISOString(), on_date: env.today, data: data && JSON.stringify(data) })
    .execute();
}

/** Extends the whole deadline once (30 → 45 working days for 低保), with a written reason. */
export async function extendCase(db: LedgerDb, env: EngineEnv, input: { caseId: string; version: number; reason: string }): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const row = await requireCurrentCase(trx, env, input.caseId, input.version);
    await loadDefinitions(trx, [row]);
    const def = definitionOf(row);
    const refused = extensionRefusal(def, { step: row.step, extendedReason: row.extended_reason }, env.user.role);
    if (refused) throw new AppError(refused.code, refused.message);
    const step = def.steps.find((s) => s.id === row.step);
    // extensionRefusal has made sure the workflow allows an extension.
    const caseDue = dueDate(def.extended!, row.opened_on, env.calendar);
    const stepDue = step?.deadline ? row.step_due : caseDue;
    await trx.updateTable('cases').set({ case_due: caseDue, step_due: stepDue, extended_reason: input.reason, updated_at: env.at.toISOString(), version: row.version + 1 }).where('id', '=', row.id).execute();
    await appendNeutralStep(trx, env, row, 'extend', input.reason);
    await recordAudit(trx, env.actor, env.at, { action: 'case.extend', entity: 'case', entityId: row.id, householdId: row.household_id, before: { caseDue: row.case_due }, after: { caseDue }, reason: input.reason });
    return caseDue;
  });
}

/** The county's review of a confirmation the township made under delegation (备案审查). */
export async function reviewFiling(db: LedgerDb, env: EngineEnv, input: { caseId: string; version: number; opinion: string }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await requireCurrentCase(trx, env, input.caseId, input.version);
    if (!row.delegated || row.outcome !== 'approved') throw new AppError('CONFLICT', '只有下放乡镇确认并已批准的案件需要备案审查');
    if (row.filing_reviewed_at) throw new AppError('CONFLICT', '该案件已完成备案审查');
    await trx
      .updateTable('cases')
      .set({ filing_reviewed_at: env.at.toISOString(), filing_reviewed_by: env.user.id, filing_opinion: input.opinion, version: row.version + 1, updated_at: env.at.toISOString() })
      .where('id', '=', row.id)
      .execute();
    await appendNeutralStep(trx, env, row, 'filing_review', input.opinion);
    await recordAudit(trx, env.actor, env.at, { action: 'case.filing_review', entity: 'case', entityId: row.id, householdId: row.household_id, reason: input.opinion });
  });
}

/** Opens a review (复核) for each enrollment given; those already under a case or not active are skipped. */
export async function startReviews(db: LedgerDb, env: EngineEnv, enrollmentIds: string[]) {
  const skipped: { enrollmentId: string; message: string }[] = [];
  let started = 0;
  for (const enrollmentId of enrollmentIds) {
    const e = await db.selectFrom('enrollments').select(['household_id']).where('id', '=', enrollmentId).executeTakeFirst();
    if (!e) {
      skipped.push({ enrollmentId, message: '在保记录不存在' });
      continue;
    }
    try {
      await startCase(db, env, { kind: 'periodic_review', householdId: e.household_id, enrollmentId, personIds: [], category: null, reason: '到期定期复核', unstableIncome: false });
      started += 1;
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      skipped.push({ enrollmentId, message: err.message });
    }
  }
  return { started, skipped };
}
