/**
 * Reading cases: the inbox (待办 by role and township, 已办, all, 备案审查) ordered on an index by step
 * deadline, rows with due dates counted in working days, the case page, a household's cases, the village
 * notice list (公示: names, covered members, amounts — never ID numbers; no minors for 特困) and the
 * enrollments due for review.
 */
import { sql, type SelectQueryBuilder } from 'kysely';
import type { CaseDetail, CaseRow } from '../../shared/api/cases.schemas';
import { AppError } from '../../shared/api/errors';
import { ageOn, addDays } from '../../shared/domain/dates';
import { HUKOU_LABELS, RELATION_LABELS, type Relation } from '../../shared/domain/household';
import { maskIdNumber } from '../../shared/domain/id-number';
import { formatYuan } from '../../shared/domain/money';
import { PROGRAM_CATEGORIES, PROGRAM_SHORT_LABELS, type Program } from '../../shared/domain/programs';
import type { Role } from '../../shared/domain/roles';
import { canSeeTownship, COUNTY_REVIEWERS, seesChildRecords } from '../../shared/domain/roles';
import { CHILD_CATEGORY_LABELS, maskName, type ChildCategory } from '../../shared/domain/care';
import { defaultFollowUp } from '../../shared/domain/care-cases';
import { daysLeft, dueDate, extensionRefusal, refusal, stepOf } from '../../shared/domain/workflow/rules';
import type { CaseKind, WorkflowDef } from '../../shared/domain/workflow/types';
import { ROLE_LABELS } from '../../shared/labels';
import type { Executor, LedgerSchema } from '../db/schema';
import type { CasesTable } from '../db/tables/cases.table';
import type { Viewer } from '../ledger/ledger.service';
import { describeData, endsEnrollment, type CaseData } from './case-data';
import { loadSettings } from '../settings/settings.service';
import { loadActors, type EngineEnv } from './case-engine';
import { definitionOf, loadDefinitions } from './case-definitions';

const ROW_COLUMNS = [
  'c.id',
  'c.case_no',
  'c.kind',
  'c.program',
  'c.household_id',
  'c.township_id',
  'c.status',
  'c.outcome',
  'c.step',
  'c.step_level',
  'c.step_since',
  'c.step_due',
  'c.case_due',
  'c.amount_fen',
  'c.opened_on',
  'c.closed_at',
  'c.delegated',
  'c.filing_reviewed_at',
  'c.version',
  'c.definition_id',
  'c.crisis',
  'c.follow_up_on',
  'c.person_id',
] as const;

type Base = SelectQueryBuilder<LedgerSchema & { c: CasesTable }, 'c', object>;

function withNames(qb: Base) {
  return qb
    .select(ROW_COLUMNS)
    .select((eb) => [
      eb.selectFrom('households as h').innerJoin('persons as p', 'p.id', 'h.head_person_id').select('p.name').whereRef('h.id', '=', 'c.household_id').as('head_name'),
      eb.selectFrom('persons as p').select('p.name').whereRef('p.id', '=', 'c.person_id').as('subject_name'),
      eb.selectFrom('townships as t').select('t.name').whereRef('t.id', '=', 'c.township_id').as('township_name'),
      eb.selectFrom('households as h').innerJoin('villages as v', 'v.id', 'h.village_id').select('v.name').whereRef('h.id', '=', 'c.household_id').as('village_name'),
    ]);
}

type RawRow = Awaited<ReturnType<ReturnType<typeof withNames>['execute']>>[number] & { my_last?: string | null };

export function toCaseRow(r: RawRow, env: Pick<EngineEnv, 'today' | 'calendar'>): CaseRow {
  const def = definitionOf(r);
  const step = r.step ? def.steps.find((s) => s.id === r.step) : undefined;
  const unit = step ? (step.deadline?.unit ?? 'working') : null;
  const stepDaysLeft = r.step_due && unit ? daysLeft(r.step_due, env.today, unit, env.calendar) : null;
  const caseDaysLeft = r.status === 'open' ? env.calendar.workingDaysBetween(env.today, r.case_due) : null;
  return {
    id: r.id,
    caseNo: r.case_no,
    kind: r.kind as CaseKind,
    kindLabel: def.label,
    program: r.program as Program,
    householdId: r.household_id,
    headName: r.head_name ?? null,
    subjectName: r.subject_name ?? r.head_name ?? null,
    townshipId: r.township_id,
    townshipName: r.township_name ?? '',
    villageName: r.village_name ?? null,
    status: r.status as CaseRow['status'],
    outcome: (r.outcome as CaseRow['outcome']) ?? null,
    step: r.step,
    stepLabel: step?.label ?? null,
    stepLevel: (r.step_level as CaseRow['stepLevel']) ?? null,
    stepSince: r.step_since,
    stepDue: r.step_due,
    stepDaysLeft,
    stepDueUnit: unit,
    caseDue: r.case_due,
    caseDaysLeft,
    overdue: r.status === 'open' && ((r.step_due !== null && r.step_due < env.today) || r.case_due < env.today),
    amountFen: r.amount_fen,
    openedOn: r.opened_on,
    closedAt: r.closed_at,
    delegated: r.delegated === 1,
    filingReviewed: r.filing_reviewed_at !== null,
    version: r.version,
    myLastActionAt: r.my_last ?? null,
    crisis: r.crisis === 1,
    followUpOn: r.follow_up_on,
    personId: r.person_id,
  };
}

/** A 心理关爱个案 is a child's record: roles without need see the names masked (as on the child ledger). */
export function maskedForViewer(row: CaseRow, role: Role): CaseRow {
  return row.kind !== 'psych_care' || seesChildRecords(role) ? row : withMaskedNames(row);
}

const withMaskedNames = <T extends Pick<CaseRow, 'headName' | 'subjectName'>>(row: T): T => ({ ...row, headName: row.headName && maskName(row.headName), subjectName: row.subjectName && maskName(row.subjectName) });

export interface InboxFilter {
  tab: 'todo' | 'done' | 'all' | 'filing';
  kind?: CaseKind;
  step?: string;
  townshipId?: string;
  overdueOnly?: boolean;
  crisisOnly?: boolean;
  status?: 'open' | 'closed';
  q?: string;
  page: number;
  pageSize: number;
}

export async function caseInbox(db: Executor, env: EngineEnv, f: InboxFilter): Promise<{ rows: CaseRow[]; total: number; today: string }> {
  const role: Role = env.user.role;
  const base = () => {
    let qb = db.selectFrom('cases as c');
    if (env.scope.kind === 'township') qb = qb.where('c.township_id', '=', env.scope.townshipId);
    if (f.townshipId) qb = qb.where('c.township_id', '=', f.townshipId);
    if (f.kind) qb = qb.where('c.kind', '=', f.kind);
    if (f.step) qb = qb.where('c.step', '=', f.step);
    if (f.status) qb = qb.where('c.status', '=', f.status);
    if (f.crisisOnly) qb = qb.where('c.crisis', '=', 1).where('c.status', '=', 'open');
    if (f.overdueOnly) qb = qb.where('c.status', '=', 'open').where((eb) => eb.or([eb('c.step_due', '<', env.today), eb('c.case_due', '<', env.today)]));
    if (f.q) {
      const q = f.q;
      qb = qb.where((eb) =>
        eb.or([
          eb('c.case_no', 'like', /^\d+$/.test(q) ? `%${q}%` : `${q}%`),
          eb.exists(eb.selectFrom('case_members as cm').innerJoin('persons as p', 'p.id', 'cm.person_id').select('p.id').whereRef('cm.case_id', '=', 'c.id').where('p.name', 'like', `${q}%`)),
        ]),
      );
    }
    switch (f.tab) {
      case 'todo':
        return qb.where('c.status', '=', 'open').where(sql<boolean>`instr(c.step_roles, ${`,${role},`}) > 0`);
      case 'filing':
        return qb.where('c.delegated', '=', 1).where('c.outcome', '=', 'approved').where('c.filing_reviewed_at', 'is', null);
      case 'done':
        return qb.where((eb) => eb.exists(eb.selectFrom('case_steps as s').select('s.id').whereRef('s.case_id', '=', 'c.id').where('s.user_id', '=', env.user.id)));
      default:
        return qb;
    }
  };
  const countRow = await base()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const offset = (f.page - 1) * f.pageSize;
  let rows: RawRow[];
  if (f.tab === 'done') {
    rows = await withNames(base())
      .select((eb) => eb.selectFrom('case_steps as s').select((e) => e.fn.max('s.acted_at').as('m')).whereRef('s.case_id', '=', 'c.id').where('s.user_id', '=', env.user.id).as('my_last'))
      .orderBy('my_last', 'desc')
      .limit(f.pageSize)
      .offset(offset)
      .execute();
  } else if (f.tab === 'todo') {
    rows = await withNames(base()).orderBy('c.step_due').limit(f.pageSize).offset(offset).execute();
  } else {
    rows = await withNames(base()).orderBy('c.opened_on', 'desc').orderBy('c.case_no', 'desc').limit(f.pageSize).offset(offset).execute();
  }
  await loadDefinitions(db, rows);
  return { rows: rows.map((r) => maskedForViewer(toCaseRow(r, env), role)), total: Number(countRow.n), today: env.today };
}

export async function casesOfHousehold(db: Executor, env: EngineEnv, householdId: string): Promise<CaseRow[]> {
  const rows = await withNames(db.selectFrom('cases as c'))
    .where('c.household_id', '=', householdId)
    .orderBy('c.opened_on', 'desc')
    .orderBy('c.case_no', 'desc')
    .execute();
  await loadDefinitions(db, rows);
  return rows.filter((r) => canSeeTownship(env.scope, r.township_id)).map((r) => maskedForViewer(toCaseRow(r, env), env.user.role));
}

/** Discharged 心理关爱个案 whose follow-up (随访) is due within `withinDays` or overdue, soonest first. */
export async function followUpsDue(db: Executor, env: EngineEnv, withinDays: number, townshipId?: string): Promise<CaseRow[]> {
  let qb = withNames(db.selectFrom('cases as c')).where('c.follow_up_on', 'is not', null).where('c.follow_up_on', '<=', addDays(env.today, withinDays));
  if (env.scope.kind === 'township') qb = qb.where('c.township_id', '=', env.scope.townshipId);
  if (townshipId) qb = qb.where('c.township_id', '=', townshipId);
  const rows = await qb.orderBy('c.follow_up_on').limit(300).execute();
  await loadDefinitions(db, rows);
  return rows.map((r) => maskedForViewer(toCaseRow(r, env), env.user.role));
}

const SPECIAL_STEPS: Record<string, string> = { application: '申请登记', closed: '办结后' };
const SPECIAL_ACTIONS: Record<string, string> = { submit: '登记申请', extend: '延期办理', filing_review: '备案审查', crisis: '标记危机', crisis_cleared: '解除危机', follow_up: '结案后随访' };

function labelsOf(def: WorkflowDef, stepId: string, actionId: string) {
  const step = def.steps.find((s) => s.id === stepId);
  return {
    stepLabel: step?.label ?? SPECIAL_STEPS[stepId] ?? stepId,
    actionLabel: step?.actions.find((a) => a.id === actionId)?.label ?? SPECIAL_ACTIONS[actionId] ?? actionId,
  };
}

/** Whether an action fixed the case's outcome, and at which level its step stood in the case's definition. */
function decisionOf(def: WorkflowDef, stepId: string, actionId: string) {
  const step = def.steps.find((s) => s.id === stepId);
  return { outcome: step?.actions.find((a) => a.id === actionId)?.outcome ?? null, level: step?.level ?? null };
}

export async function caseDetail(db: Executor, env: EngineEnv, viewer: Viewer, id: string): Promise<CaseDetail> {
  const raw = await withNames(db.selectFrom('cases as c'))
    .select(['c.category', 'c.data', 'c.enrollment_id', 'c.extended_reason', 'c.filing_opinion', 'c.filing_reviewed_by', 'c.step_roles'])
    .where('c.id', '=', id)
    .executeTakeFirst();
  if (!raw || !canSeeTownship(env.scope, raw.township_id)) throw new AppError('NOT_FOUND', '案件不存在或不在您的办理范围');
  await loadDefinitions(db, [raw]);
  const row = toCaseRow(raw, env);
  const def = definitionOf(raw);
  const data = JSON.parse(raw.data) as CaseData;
  const household = await db.selectFrom('households').select(['address', 'hukou_type', 'phone']).where('id', '=', raw.household_id).executeTakeFirstOrThrow();
  const persons = await db.selectFrom('persons').select(['id', 'name', 'id_number', 'relation', 'birth_date', 'deceased_on']).where('household_id', '=', raw.household_id).execute();
  const covered = new Set((await db.selectFrom('case_members').select('person_id').where('case_id', '=', id).execute()).map((m) => m.person_id));
  const names = new Map(persons.map((p) => [p.id, p.name]));
  const steps = await db.selectFrom('case_steps').selectAll().where('case_id', '=', id).orderBy('seq').execute();
  const actors = (await loadActors(db, [id])).get(id)?.actors ?? [];
  const current = raw.step ? stepOf(def, raw.step) : null;
  const refusalOf = (actionId: string) =>
    refusal(
      def,
      { step: raw.step, townshipId: raw.township_id, stepSince: raw.step_since ?? raw.opened_on, actors, amountFen: raw.amount_fen },
      actionId,
      { userId: env.user.id, role: env.user.role, townshipId: env.user.townshipId },
      { today: env.today, calendar: env.calendar, townshipLimitFen: env.policy.linshiTownshipLimitFen },
    );
  const lastInvestigation = [...steps].reverse().find((s) => s.step === 'investigation' && s.data);
  const filingReviewer = raw.filing_reviewed_by ? await db.selectFrom('users').select('display_name').where('id', '=', raw.filing_reviewed_by).executeTakeFirst() : undefined;
  const enrollment = raw.enrollment_id ? await db.selectFrom('enrollments').select(['program', 'status', 'monthly_amount_fen', 'start_month', 'end_month']).where('id', '=', raw.enrollment_id).executeTakeFirst() : undefined;
  const categoryLabel = raw.category ? (PROGRAM_CATEGORIES[raw.program as Program]?.[raw.category] ?? CHILD_CATEGORY_LABELS[raw.category as ChildCategory] ?? raw.category) : null;
  const detail: CaseDetail = {
    ...row,
    definition: def,
    category: raw.category,
    categoryLabel,
    address: household.address,
    hukouType: household.hukou_type as 'urban' | 'rural',
    phone: household.phone,
    members: persons
      .filter((p) => !p.deceased_on || covered.has(p.id))
      .map((p) => ({
        personId: p.id,
        name: p.deceased_on ? `${p.name}（已故）` : p.name,
        idNumber: viewer.maskIds ? maskIdNumber(p.id_number) : p.id_number,
        relation: p.relation ? RELATION_LABELS[p.relation as Relation] : null,
        age: ageOn(p.birth_date, env.today),
        covered: covered.has(p.id),
      })),
    application: [
      { label: '申请项目', value: `${PROGRAM_SHORT_LABELS[raw.program as Program]}${categoryLabel ? `（${categoryLabel}）` : ''}` },
      { label: '户籍', value: HUKOU_LABELS[household.hukou_type as 'urban' | 'rural'] },
      { label: '申请理由', value: data.reason },
      ...describeData({ ...data, familySize: undefined, visitDate: undefined }, names),
    ],
    history: steps.map((s) => ({
      seq: s.seq,
      step: s.step,
      action: s.action,
      ...labelsOf(def, s.step, s.action),
      ...decisionOf(def, s.step, s.action),
      opinion: s.opinion,
      userName: s.user_name,
      roleLabel: ROLE_LABELS[s.role as Role] ?? s.role,
      actedAt: s.acted_at,
      onDate: s.on_date,
      details: s.data ? describeData(JSON.parse(s.data) as CaseData, names) : [],
    })),
    amountLines: data.amountLines ?? [],
    actions: current ? current.actions.map((a) => ({ id: a.id, label: a.label, tone: a.tone ?? null, refusal: refusalOf(a.id)?.message ?? null })) : [],
    form: current?.form ?? null,
    formDefaults: formDefaultsOf(raw.kind, data, lastInvestigation?.data ?? null, persons.filter((p) => !p.deceased_on).length, env.today),
    canExtend: extensionRefusal(def, { step: raw.step, extendedReason: raw.extended_reason }, env.user.role) === null,
    extendedReason: raw.extended_reason,
    enrollmentId: raw.enrollment_id,
    enrollmentSummary: enrollment
      ? `${PROGRAM_SHORT_LABELS[enrollment.program as Program]} ${formatYuan(enrollment.monthly_amount_fen)} 元/月，${enrollment.start_month} 起${enrollment.end_month ? `至 ${enrollment.end_month}` : ''}`
      : null,
    ending:
      raw.outcome === 'approved' && endsEnrollment(raw.kind, data) && enrollment?.end_month && enrollment.status !== 'active'
        ? { status: enrollment.status as 'tapering' | 'stopped', lastPaidMonth: enrollment.end_month }
        : null,
    filingReviewedAt: raw.filing_reviewed_at,
    filingReviewedBy: filingReviewer?.display_name ?? null,
    filingOpinion: raw.filing_opinion,
    canReviewFiling: raw.delegated === 1 && raw.outcome === 'approved' && !raw.filing_reviewed_at && COUNTY_REVIEWERS.includes(env.user.role),
    care:
      raw.kind === 'psych_care'
        ? {
            grade: data.psychGrade ?? null,
            crisisSince: data.crisisSince ?? null,
            crisisNote: data.crisisNote ?? null,
            canFlagCrisis: raw.status === 'open' && seesChildRecords(env.user.role),
            canFollowUp: raw.follow_up_on !== null && seesChildRecords(env.user.role),
          }
        : null,
  };
  return raw.kind === 'psych_care' && !seesChildRecords(env.user.role) ? maskedDetail(detail) : detail;
}

/** What the current step's form starts with: the last investigation, or what the case recorded so far. */
function formDefaultsOf(kind: string, data: CaseData, lastInvestigation: string | null, familySize: number, today: string): CaseDetail['formDefaults'] {
  if (kind === 'psych_care') {
    const { psychTool, planGoals, planMeasures, counsellor, sessionsPlanned } = data;
    return { psychTool, planGoals, planMeasures, counsellor, sessionsPlanned, followUpOn: defaultFollowUp(data.psychGrade, today) };
  }
  if (kind === 'adult_resettlement') return { resettlementKind: data.resettlementKind, resettlementDetail: data.resettlementDetail, amountFen: data.requestedAmountFen };
  if (lastInvestigation) return JSON.parse(lastInvestigation) as CaseDetail['formDefaults'];
  return { monthlyIncomeFen: data.monthlyIncomeFen, familySize, amountFen: data.requestedAmountFen };
}

const HIDDEN = '（仅儿童关爱经办人员可见）';

/** A 心理关爱个案 for roles without need: its course and dates, never the child's name, findings or opinions. */
function maskedDetail(d: CaseDetail): CaseDetail {
  return {
    ...withMaskedNames(d),
    phone: null,
    address: HIDDEN,
    members: d.members.map((m) => ({ ...m, name: maskName(m.name), idNumber: maskIdNumber(m.idNumber) })),
    application: d.application.slice(0, 1),
    history: d.history.map((h) => ({ ...h, opinion: HIDDEN, details: [] })),
    formDefaults: {},
    care: d.care && { ...d.care, crisisNote: d.care.crisisNote && HIDDEN },
  };
}

/** The village notice sheet (公示名单): the county and township, the complaint phone, and the cases on notice. */
export async function noticeList(db: Executor, env: EngineEnv, townshipId: string, villageId?: string) {
  const township = await db.selectFrom('townships').select('name').where('id', '=', townshipId).executeTakeFirst();
  return {
    county: (await loadSettings(db)).county.name,
    townshipName: township?.name ?? '',
    complaintPhone: env.policy.complaintPhone,
    today: env.today,
    rows: await noticeRows(db, env, townshipId, villageId),
  };
}

/** Cases now in their notice period (公示) in a township or village: names only, minors left out for 特困. */
async function noticeRows(db: Executor, env: EngineEnv, townshipId: string, villageId?: string) {
  let qb = db
    .selectFrom('cases as c')
    .innerJoin('households as h', 'h.id', 'c.household_id')
    .leftJoin('villages as v', 'v.id', 'h.village_id')
    .leftJoin('persons as head', 'head.id', 'h.head_person_id')
    .leftJoin('persons as subject', 'subject.id', 'c.person_id')
    .select(['c.id', 'c.case_no', 'c.program', 'c.amount_fen', 'c.step_since', 'c.definition_id', 'c.step', 'v.name as village_name', 'head.name as head_name', 'subject.name as subject_name', 'subject.birth_date as subject_birth'])
    .select((eb) => eb.selectFrom('case_members as cm').select((e) => e.fn.countAll<number>().as('n')).whereRef('cm.case_id', '=', 'c.id').as('covered'))
    .where('c.township_id', '=', townshipId)
    .where('c.status', '=', 'open');
  if (villageId) qb = qb.where('h.village_id', '=', villageId);
  const all = await qb.orderBy('v.code').orderBy('c.case_no').execute();
  await loadDefinitions(db, all);
  const rows = all.filter((r) => stepOf(definitionOf(r), r.step!).publishes);
  return rows
    .filter((r) => !(r.program === 'tekun' && r.subject_birth && ageOn(r.subject_birth, env.today) < 18))
    .map((r) => {
      const step = stepOf(definitionOf(r), r.step!);
      const from = r.step_since ?? env.today;
      return {
        caseId: r.id,
        caseNo: r.case_no,
        villageName: r.village_name,
        name: r.subject_name ?? r.head_name ?? '',
        program: r.program as Program,
        coveredCount: Number(r.covered ?? 0),
        amountFen: r.amount_fen,
        noticeFrom: from,
        noticeTo: step.deadline ? addDays(dueDate(step.deadline, from, env.calendar), -1) : from,
      };
    });
}

/** Active enrollments whose review falls due within `withinDays` (or is overdue), with any open review. */
export async function reviewsDue(db: Executor, env: EngineEnv, withinDays: number, townshipId?: string) {
  let qb = db
    .selectFrom('enrollments as e')
    .innerJoin('households as h', 'h.id', 'e.household_id')
    .innerJoin('townships as t', 't.id', 'e.township_id')
    .leftJoin('villages as v', 'v.id', 'h.village_id')
    .leftJoin('persons as head', 'head.id', 'h.head_person_id')
    .select(['e.id', 'e.household_id', 'e.program', 'e.monthly_amount_fen', 'e.next_review_on', 'e.unstable_income', 't.name as township_name', 'v.name as village_name', 'head.name as head_name'])
    .select((eb) =>
      eb.selectFrom('cases as c').select('c.id').whereRef('c.enrollment_id', '=', 'e.id').where('c.kind', '=', 'periodic_review').where('c.status', '=', 'open').limit(1).as('open_case'),
    )
    .where('e.status', '=', 'active')
    .where('e.next_review_on', '<=', addDays(env.today, withinDays));
  if (env.scope.kind === 'township') qb = qb.where('e.township_id', '=', env.scope.townshipId);
  if (townshipId) qb = qb.where('e.township_id', '=', townshipId);
  const rows = await qb.orderBy('e.next_review_on').limit(2000).execute();
  return rows.map((r) => ({
    enrollmentId: r.id,
    householdId: r.household_id,
    program: r.program as Program,
    headName: r.head_name,
    townshipName: r.township_name,
    villageName: r.village_name,
    monthlyAmountFen: r.monthly_amount_fen,
    nextReviewOn: r.next_review_on!,
    unstableIncome: r.unstable_income === 1,
    openReviewCaseId: r.open_case ?? null,
  }));
}
