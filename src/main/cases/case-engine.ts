/**
 * The engine: applies one action to one or many cases in a transaction. Every case is judged first (its
 * version, the step's roles and township, no self-confirmation, the notice period, the township limit,
 * what the step's form requires, and the effect's own checks); only then are the accepted ones written,
 * in bulk: their actions, their new steps, the ledger changes of approvals and the audit entries. A case
 * that is refused is left exactly as it was, with a message saying why.
 */
import { AppError, type ErrorCode } from '../../shared/api/errors';
import type { ActionData } from '../../shared/api/cases.schemas';
import { addMonths, monthOf } from '../../shared/domain/dates';
import { actionOf, dueDate, refusal, stepOf, transition } from '../../shared/domain/workflow/rules';
import { defaultFollowUp, gradeOf } from '../../shared/domain/care-cases';
import { CLOSED, type WorkflowDef, type WorkflowPolicy } from '../../shared/domain/workflow/types';
import type { Role } from '../../shared/domain/roles';
import type { WorkCalendar } from '../../shared/domain/work-calendar';
import type { Scope } from '../../shared/domain/roles';
import { canSeeTownship } from '../../shared/domain/roles';
import { sql } from 'kysely';
import type { Executor } from '../db/schema';
import { Refused } from './refused';
import { definitionOf, loadDefinitions } from './case-definitions';
import type { CasesTable } from '../db/tables/cases.table';
import { newId } from '../app/ids';
import { insertMany } from '../db/insert-many';
import { insertEnrollments } from '../enrollments/enrollment-history';
import { recordAuditBatch, type Actor, type AuditRecord } from '../audit/audit.service';
import { endsEnrollment, type CaseData } from './case-data';
import { prepareEffects, type EffectContext, type PendingEffect } from './case-effects';
import { coveringEnrollments } from '../enrollments/enrollments.repository';
import { caseFacts } from './case-facts';
import { proposeAmount } from './case-amount';

/** Who acts, when, under which rules. */
export interface EngineEnv {
  actor: Actor;
  user: { id: string; displayName: string; role: Role; townshipId: string | null };
  scope: Scope;
  at: Date;
  today: string;
  calendar: WorkCalendar;
  policy: WorkflowPolicy;
}

export interface ActionRequest {
  caseId: string;
  version: number;
  action: string;
  opinion: string;
  data: ActionData;
  /** Batch approval: steps that need facts typed in per case are refused. */
  batch: boolean;
}

export interface ActionResult {
  caseId: string;
  caseNo: string;
  ok: boolean;
  message: string;
  code?: ErrorCode;
  field?: (string | number)[];
  step?: string | null;
  outcome?: 'approved' | 'rejected' | null;
}



/** Actions that do not make someone a party to the case (they may still confirm it). */
export const NEUTRAL_ACTIONS = ['extend', 'filing_review', 'crisis', 'crisis_cleared', 'follow_up'];

export async function loadActors(db: Executor, caseIds: string[]): Promise<Map<string, { actors: string[]; lastSeq: number }>> {
  const out = new Map<string, { actors: string[]; lastSeq: number }>();
  for (let i = 0; i < caseIds.length; i += 500) {
    const rows = await db.selectFrom('case_steps').select(['case_id', 'user_id', 'seq', 'action']).where('case_id', 'in', caseIds.slice(i, i + 500)).execute();
    for (const r of rows) {
      const entry = out.get(r.case_id) ?? { actors: [], lastSeq: 0 };
      if (!NEUTRAL_ACTIONS.includes(r.action)) entry.actors.push(r.user_id);
      entry.lastSeq = Math.max(entry.lastSeq, r.seq);
      out.set(r.case_id, entry);
    }
  }
  return out;
}

async function membersOfCases(db: Executor, caseIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (let i = 0; i < caseIds.length; i += 500) {
    for (const m of await db.selectFrom('case_members').select(['case_id', 'person_id']).where('case_id', 'in', caseIds.slice(i, i + 500)).execute()) {
      out.set(m.case_id, [...(out.get(m.case_id) ?? []), m.person_id]);
    }
  }
  return out;
}

async function loadCases(db: Executor, ids: string[]): Promise<Map<string, CasesTable>> {
  const out = new Map<string, CasesTable>();
  for (let i = 0; i < ids.length; i += 500) {
    for (const row of await db.selectFrom('cases').selectAll().where('id', 'in', ids.slice(i, i + 500)).execute()) out.set(row.id, row);
  }
  return out;
}

/** The facts an action records, checked against the step's form. */
function recordedFacts(def: WorkflowDef, row: CasesTable, req: ActionRequest, policy: WorkflowPolicy, today: string): Partial<CaseData> & ActionData {
  const step = stepOf(def, row.step!);
  const d = req.data;
  const facts: Partial<CaseData> & ActionData = {};
  const needs = (field: keyof ActionData, message: string): never => {
    if (req.batch) throw new Refused('VALIDATION', `“${step.label}”需逐件填写，不能批量办理`);
    throw new Refused('VALIDATION', message, ['data', field]);
  };
  if (step.form === 'investigation' && req.action === 'complete') {
    if (row.kind === 'dibao_new' && d.monthlyIncomeFen === undefined) needs('monthlyIncomeFen', '请填写核实的家庭月收入');
    if (!d.visitDate) needs('visitDate', '请填写入户调查日期');
    if (d.visitDate && d.visitDate > today) throw new Refused('VALIDATION', '入户调查日期不能晚于今天', ['data', 'visitDate']);
    Object.assign(facts, { monthlyIncomeFen: d.monthlyIncomeFen, familySize: d.familySize, visitDate: d.visitDate, unstableIncome: d.unstableIncome });
  }
  if (step.form === 'payment' && d.amountFen !== undefined) {
    if (d.amountFen <= 0) throw new Refused('VALIDATION', '救助金额应大于 0', ['data', 'amountFen']);
    facts.requestedAmountFen = d.amountFen;
  }
  if (step.form === 'review_result') {
    if (req.action === 'keep') facts.reviewResult = 'keep';
    else {
      if (!d.reviewResult || d.reviewResult === 'keep') needs('reviewResult', '请选择复核结论（调整、渐退或停保）');
      facts.reviewResult = d.reviewResult;
      if (d.reviewResult === 'adjust') {
        if (d.newAmountFen === undefined) needs('newAmountFen', '请填写调整后的保障金额');
        facts.newAmountFen = d.newAmountFen;
      }
      if (d.reviewResult === 'taper') facts.taperMonths = d.taperMonths ?? policy.taperMonths;
    }
  }
  if (step.form === 'psych_assessment' && !actionOf(def, step.id, req.action).outcome) Object.assign(facts, assessmentFacts(row, d, needs));
  if (step.form === 'service_plan') {
    if (!d.planGoals) needs('planGoals', '请填写服务目标');
    if (!d.planMeasures) needs('planMeasures', '请填写服务措施');
    if (!d.counsellor) needs('counsellor', '请填写服务人员或机构');
    Object.assign(facts, { planGoals: d.planGoals, planMeasures: d.planMeasures, counsellor: d.counsellor, sessionsPlanned: d.sessionsPlanned });
  }
  if (step.form === 'discharge' && req.action === 'close') {
    if (row.crisis) throw new Refused('CONFLICT', '个案处于危机状态，须先解除危机标记才能结案');
    if (!d.dischargeSummary) needs('dischargeSummary', '请填写结案评估');
    const grade = (JSON.parse(row.data) as CaseData).psychGrade;
    const followUpOn = d.followUpOn ?? defaultFollowUp(grade, today);
    if (followUpOn <= today) throw new Refused('VALIDATION', '随访日期应晚于今天', ['data', 'followUpOn']);
    Object.assign(facts, { dischargeSummary: d.dischargeSummary, followUpOn });
  }
  if (step.form === 'resettlement' && req.action === 'pass') {
    if (!d.resettlementKind) needs('resettlementKind', '请选择安置方式');
    if (!d.resettlementDetail) needs('resettlementDetail', '请填写安置去向（学校、单位或住房）');
    if (!d.amountFen) needs('amountFen', '请填写一次性安置补助金额');
    Object.assign(facts, { resettlementKind: d.resettlementKind, resettlementDetail: d.resettlementDetail, requestedAmountFen: d.amountFen });
  }
  for (const k of Object.keys(facts) as (keyof typeof facts)[]) if (facts[k] === undefined) delete facts[k];
  return facts;
}

/** An assessment's tool, score and grade; a case flagged as a crisis stays at the highest grade. */
function assessmentFacts(row: CasesTable, d: ActionData, needs: (field: keyof ActionData, message: string) => never): Partial<CaseData> {
  if (!d.psychTool) needs('psychTool', '请选择评估工具');
  const tool = d.psychTool!;
  if (tool !== 'other' && d.psychScore === undefined) needs('psychScore', '请填写评估得分（0–40）');
  const grade = gradeOf(tool, d.psychScore, d.psychGrade);
  if (!grade) needs('psychGrade', '请根据专业判断选择风险等级');
  return { psychTool: tool, psychScore: tool === 'other' ? undefined : d.psychScore, psychGrade: row.crisis ? 'high' : grade! };
}

/** Judges and applies one action to each requested case; refused cases are reported, never half-written. */
export async function applyActions(trx: Executor, env: EngineEnv, requests: ActionRequest[]): Promise<ActionResult[]> {
  const ids = requests.map((r) => r.caseId);
  const rows = await loadCases(trx, ids);
  await loadDefinitions(trx, [...rows.values()]);
  const history = await loadActors(trx, ids);
  const results: ActionResult[] = [];
  const accepted: { row: CasesTable; req: ActionRequest; def: WorkflowDef; next: string; outcome?: 'approved' | 'rejected'; data: CaseData; amount: number | null; standardId: string | null; seq: number }[] = [];
  const effects: PendingEffect[] = [];
  const members = await membersOfCases(trx, ids);
  const context: EffectContext = { members, covering: await coveringEnrollments(trx, [...new Set([...members.values()].flat())]), reserved: new Set() };

  for (const req of requests) {
    const row = rows.get(req.caseId);
    try {
      if (!row) throw new Refused('NOT_FOUND', '案件不存在');
      if (!canSeeTownship(env.scope, row.township_id)) throw new Refused('FORBIDDEN', '只能办理本乡镇（街道）的案件');
      if (row.version !== req.version) throw new Refused('CONFLICT', '案件已被他人办理或已更新，请刷新后再办理');
      const def = definitionOf(row);
      const h = history.get(row.id) ?? { actors: [], lastSeq: 0 };
      // Who may act comes first; a granted 临时救助 amount is judged against the township's limit as typed.
      const why = refusal(
        def,
        { step: row.step, townshipId: row.township_id, stepSince: row.step_since ?? row.opened_on, actors: h.actors, amountFen: req.data.amountFen ?? row.amount_fen },
        req.action,
        { userId: env.user.id, role: env.user.role, townshipId: env.user.townshipId },
        { today: env.today, calendar: env.calendar, townshipLimitFen: env.policy.linshiTownshipLimitFen },
      );
      if (why) throw new Refused(why.code, why.message);
      const facts = recordedFacts(def, row, req, env.policy, env.today);
      const data: CaseData = { ...(JSON.parse(row.data) as CaseData), ...facts };
      let amount = row.amount_fen;
      let standardId = row.standard_id;
      if (Object.keys(facts).length > 0 && !row.outcome) {
        const proposal = await proposeAmount(trx, await caseFacts(trx, row, data, env.today, env.policy));
        amount = proposal.amountFen;
        standardId = proposal.standardId;
        data.amountLines = proposal.lines;
      }
      const { next, outcome } = transition(def, row.step!, req.action, endsEnrollment(row.kind, data));
      if (outcome === 'approved') {
        const effect = await prepareEffects(trx, env, row, def, data, amount, standardId, context);
        effects.push(effect);
      }
      accepted.push({ row, req, def, next, outcome, data, amount, standardId, seq: h.lastSeq + 1 });
      results.push({ caseId: req.caseId, caseNo: row.case_no, ok: true, message: outcome === 'approved' ? '已审批通过' : outcome === 'rejected' ? '已作出不予批准决定' : '已办理', step: next === CLOSED ? null : next, outcome: outcome ?? null });
    } catch (e) {
      if (!(e instanceof Refused) && !(e instanceof AppError)) throw e;
      const code = e instanceof Refused ? e.code : e.code;
      const field = e instanceof Refused ? e.field : e.details?.fields?.[0]?.path;
      // Another township's case keeps its number to itself.
      const caseNo = row && canSeeTownship(env.scope, row.township_id) ? row.case_no : '';
      results.push({ caseId: req.caseId, caseNo, ok: false, message: e.message, code, field });
    }
  }
  if (accepted.length === 0) return results;

  const actedAt = env.at.toISOString();
  const steps = accepted.map((a) => ({
    id: newId(),
    case_id: a.row.id,
    seq: a.seq,
    step: a.row.step!,
    action: a.req.action,
    opinion: a.req.opinion,
    user_id: env.user.id,
    user_name: env.user.displayName,
    role: env.user.role,
    acted_at: actedAt,
    on_date: env.today,
    data: Object.keys(a.req.data).length > 0 ? JSON.stringify(a.req.data) : null,
  }));
  await insertMany(trx, 'case_steps', steps);

  const enrolled = new Set<string>();
  const audits: AuditRecord[] = [];
  const newEnrollments = effects.filter((e) => e.enrollment);
  await insertEnrollments(
    trx,
    newEnrollments.map((e) => e.enrollment!),
    newEnrollments.flatMap((e) => e.members!.map((person_id) => ({ enrollment_id: e.enrollment!.id, person_id }))),
  );
  for (const effect of effects) {
    if (effect.enrollment) enrolled.add(effect.caseId);
    if (effect.apply) await effect.apply(trx);
    audits.push(...effect.audits);
  }

  // Cases that move alike (the usual batch) share one UPDATE.
  const groups = new Map<string, { values: Partial<CasesTable>; link: boolean; ids: string[] }>();
  for (const a of accepted) {
    const closing = a.next === CLOSED;
    const nextStep = closing ? null : stepOf(a.def, a.next);
    const values: Partial<CasesTable> = {
      step: nextStep?.id ?? null,
      step_level: nextStep?.level ?? null,
      step_roles: nextStep ? `,${nextStep.roles.join(',')},` : null,
      step_since: nextStep ? env.today : null,
      // A step without its own deadline is due when the case is (the inbox orders on one column).
      step_due: nextStep ? (nextStep.deadline ? dueDate(nextStep.deadline, env.today, env.calendar) : a.row.case_due) : null,
      status: closing ? 'closed' : 'open',
      closed_at: closing ? actedAt : null,
      updated_at: actedAt,
      ...(a.outcome ? { outcome: a.outcome } : {}),
    };
    const perCase: Partial<CasesTable> = { data: JSON.stringify(a.data), amount_fen: a.amount, standard_id: a.standardId };
    // A discharged care case is followed up from the date its discharge set.
    if (closing && a.outcome === 'approved' && a.data.followUpOn) perCase.follow_up_on = a.data.followUpOn;
    const link = enrolled.has(a.row.id);
    const sameData = a.row.data === perCase.data && a.row.amount_fen === a.amount && a.row.standard_id === a.standardId;
    const key = sameData ? JSON.stringify({ values, link }) : `case:${a.row.id}`;
    const group = groups.get(key) ?? { values: sameData ? values : { ...values, ...perCase }, link, ids: [] };
    group.ids.push(a.row.id);
    groups.set(key, group);
    audits.push({
      action: 'case.act',
      entity: 'case',
      entityId: a.row.id,
      householdId: a.row.household_id,
      before: { step: a.row.step, amountFen: a.row.amount_fen },
      after: { caseNo: a.row.case_no, action: a.req.action, next: values.step, outcome: a.outcome ?? null, amountFen: a.amount },
      // A child's psychological care stays in the case, not in the audit trail (as for child files).
      reason: a.row.kind === 'psych_care' ? undefined : a.req.opinion,
    });
  }
  for (const { values, link, ids: groupIds } of groups.values()) {
    for (let i = 0; i < groupIds.length; i += 500) {
      await trx
        .updateTable('cases')
        .set((eb) => ({
          ...values,
          version: eb('version', '+', 1),
          // An approved application points at the enrollment it created (enrollments.case_id).
          ...(link ? { enrollment_id: sql<string>`(select e.id from enrollments e where e.case_id = cases.id)` } : {}),
        }))
        .where('id', 'in', groupIds.slice(i, i + 500))
        .execute();
    }
  }
  await recordAuditBatch(trx, env.actor, env.at, audits);
  return results;
}

/** The first month paid after an approval: the month after the decision. */
export const firstPaidMonth = (today: string) => addMonths(monthOf(today), 1);
