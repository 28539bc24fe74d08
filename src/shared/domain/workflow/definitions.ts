/**
 * The national default workflows (docs/domain.md). A county edits them through WorkflowOverrides; the
 * steps and outcomes here are what the engine in main enforces.
 */
import type { Role } from '../roles';
import { CLOSED, type ActionDef, type CaseKind, type StepDef, type WorkflowDef } from './types';

const TOWNSHIP: readonly Role[] = ['township_clerk', 'county_clerk'];
const COUNTY: readonly Role[] = ['county_reviewer', 'manager'];

const served = (label: string): ActionDef => ({ id: 'served', label, to: CLOSED, tone: 'primary' });

const rejectionNotice: StepDef = {
  id: 'rejection_notice',
  label: '送达不予确认告知书',
  roles: TOWNSHIP,
  level: 'township',
  deadline: { days: 3, unit: 'working' },
  actions: [served('已书面告知申请人')],
};

const terminationNotice: StepDef = {
  id: 'termination_notice',
  label: '送达终止告知书',
  roles: TOWNSHIP,
  level: 'township',
  deadline: { days: 3, unit: 'working' },
  actions: [served('已书面告知保障对象')],
};

const investigation = (days: number, next = 'initial_review'): StepDef => ({
  id: 'investigation',
  label: '家庭经济状况调查',
  roles: TOWNSHIP,
  level: 'township',
  deadline: { days, unit: 'working' },
  form: 'investigation',
  actions: [{ id: 'complete', label: '完成入户调查和信息核对', to: next, tone: 'primary' }],
});

const countyConfirmation = (extra: readonly ActionDef[] = []): StepDef => ({
  id: 'county_confirmation',
  label: '县级审核确认',
  roles: COUNTY,
  level: 'county',
  deadline: { days: 10, unit: 'working' },
  confirms: true,
  delegable: true,
  actions: [
    { id: 'confirm', label: '审核确认', to: CLOSED, outcome: 'approved', tone: 'primary' },
    { id: 'reject', label: '不予确认', to: 'rejection_notice', outcome: 'rejected', tone: 'danger' },
    ...extra,
  ],
});

const backToInvestigation: ActionDef = { id: 'return', label: '退回重新调查', to: 'investigation' };

/** 低保 and 特困 share the path: intake, investigation, initial opinion, notice, county confirmation. */
function newApplicationSteps(investigationDays: number): StepDef[] {
  return [
    { id: 'intake', label: '受理', roles: TOWNSHIP, level: 'township', actions: [
        { id: 'accept', label: '受理申请', to: 'investigation', tone: 'primary' },
        { id: 'decline', label: '不予受理', to: CLOSED, outcome: 'rejected', tone: 'danger' },
      ] },
    investigation(investigationDays),
    {
      id: 'initial_review',
      label: '乡镇初审',
      roles: TOWNSHIP,
      level: 'township',
      deadline: { days: 5, unit: 'working' },
      actions: [
        { id: 'pass', label: '初审同意，进入公示', to: 'democratic_review', tone: 'primary' },
        { id: 'reject', label: '初审不同意', to: 'rejection_notice', outcome: 'rejected', tone: 'danger' },
        backToInvestigation,
      ],
    },
    {
      id: 'democratic_review',
      label: '民主评议',
      roles: TOWNSHIP,
      level: 'township',
      deadline: { days: 5, unit: 'working' },
      optional: true,
      enabled: false,
      actions: [
        { id: 'pass', label: '评议通过', to: 'public_notice', tone: 'primary' },
        { id: 'reject', label: '评议不通过', to: 'rejection_notice', outcome: 'rejected', tone: 'danger' },
      ],
    },
    {
      id: 'public_notice',
      label: '公示',
      roles: TOWNSHIP,
      level: 'township',
      deadline: { days: 7, unit: 'calendar' },
      publishes: true,
      actions: [
        { id: 'no_objection', label: '公示期满无异议，报县级审核确认', to: 'county_confirmation', afterPeriod: true, tone: 'primary' },
        { id: 'objection', label: '公示有异议，重新调查', to: 'investigation', tone: 'danger' },
      ],
    },
    countyConfirmation([backToInvestigation]),
    rejectionNotice,
  ];
}

export const DIBAO_NEW: WorkflowDef = {
  kind: 'dibao_new',
  label: '最低生活保障申请',
  program: 'dibao',
  effect: 'enroll',
  whole: { days: 30, unit: 'working' },
  extended: { days: 45, unit: 'working' },
  steps: newApplicationSteps(3),
};

export const TEKUN_NEW: WorkflowDef = {
  kind: 'tekun_new',
  label: '特困人员救助供养申请',
  program: 'tekun',
  effect: 'enroll',
  whole: { days: 35, unit: 'working' },
  extended: { days: 45, unit: 'working' },
  steps: newApplicationSteps(15),
};

/** 急难型: the township pays first (先行救助) and completes the file within 5 working days. */
export const LINSHI_EMERGENCY: WorkflowDef = {
  kind: 'linshi_emergency',
  label: '临时救助（急难型）',
  program: 'linshi',
  effect: 'one_off',
  whole: { days: 10, unit: 'working' },
  steps: [
    {
      id: 'prior_aid',
      label: '先行救助',
      roles: TOWNSHIP,
      level: 'township',
      deadline: { days: 1, unit: 'working' },
      form: 'payment',
      actions: [
        { id: 'pay', label: '先行救助（乡镇审批）', to: 'documentation', outcome: 'approved', withinTownshipLimit: true, tone: 'primary' },
        { id: 'refer', label: '超出乡镇权限，报县级审批', to: 'county_confirmation' },
        { id: 'reject', label: '不予救助', to: 'rejection_notice', outcome: 'rejected', tone: 'danger' },
      ],
    },
    { ...countyConfirmation(), deadline: { days: 3, unit: 'working' }, delegable: false, actions: [
      { id: 'confirm', label: '审核确认', to: 'documentation', outcome: 'approved', tone: 'primary' },
      { id: 'reject', label: '不予确认', to: 'rejection_notice', outcome: 'rejected', tone: 'danger' },
    ] },
    {
      id: 'documentation',
      label: '补齐救助材料',
      roles: TOWNSHIP,
      level: 'township',
      deadline: { days: 5, unit: 'working' },
      actions: [{ id: 'complete', label: '材料已补齐', to: CLOSED, tone: 'primary' }],
    },
    rejectionNotice,
  ],
};

/** 支出型: the full path; the township approves within its limit, the county above it. */
export const LINSHI_EXPENSE: WorkflowDef = {
  kind: 'linshi_expense',
  label: '临时救助（支出型）',
  program: 'linshi',
  effect: 'one_off',
  whole: { days: 20, unit: 'working' },
  extended: { days: 30, unit: 'working' },
  steps: [
    investigation(5, 'township_approval'),
    {
      id: 'township_approval',
      label: '乡镇审批',
      roles: TOWNSHIP,
      level: 'township',
      deadline: { days: 5, unit: 'working' },
      confirms: true,
      form: 'payment',
      actions: [
        { id: 'approve', label: '乡镇审批同意', to: CLOSED, outcome: 'approved', withinTownshipLimit: true, tone: 'primary' },
        { id: 'refer', label: '超出乡镇权限，报县级审批', to: 'county_confirmation' },
        { id: 'reject', label: '不予救助', to: 'rejection_notice', outcome: 'rejected', tone: 'danger' },
      ],
    },
    { ...countyConfirmation([backToInvestigation]), delegable: false },
    rejectionNotice,
  ],
};

export const GAOLING_NEW: WorkflowDef = {
  kind: 'gaoling_new',
  label: '高龄津贴申请',
  program: 'gaoling',
  effect: 'enroll',
  whole: { days: 20, unit: 'working' },
  steps: [
    {
      id: 'township_review',
      label: '乡镇审核',
      roles: TOWNSHIP,
      level: 'township',
      deadline: { days: 5, unit: 'working' },
      actions: [
        { id: 'pass', label: '审核同意，报县级确认', to: 'county_confirmation', tone: 'primary' },
        { id: 'reject', label: '不符合条件', to: 'rejection_notice', outcome: 'rejected', tone: 'danger' },
      ],
    },
    countyConfirmation(),
    rejectionNotice,
  ],
};

const changeSteps = (confirmLabel: string): StepDef[] => [
  investigation(5, 'township_review'),
  {
    id: 'township_review',
    label: '乡镇审核',
    roles: TOWNSHIP,
    level: 'township',
    deadline: { days: 5, unit: 'working' },
    actions: [
      { id: 'pass', label: '审核同意，报县级确认', to: 'county_confirmation', tone: 'primary' },
      { id: 'reject', label: '不同意变更', to: CLOSED, outcome: 'rejected', tone: 'danger' },
    ],
  },
  {
    ...countyConfirmation(),
    actions: [
      { id: 'confirm', label: confirmLabel, to: CLOSED, toIfEnding: 'termination_notice', outcome: 'approved', tone: 'primary' },
      { id: 'reject', label: '不予确认', to: CLOSED, outcome: 'rejected', tone: 'danger' },
      backToInvestigation,
    ],
  },
  terminationNotice,
];

/** 增发, 减发, 户主死亡: the new amount (and covered members) apply from the effective month. */
export const ENROLLMENT_CHANGE: WorkflowDef = {
  kind: 'enrollment_change',
  label: '保障变更（增发/减发/户主变更）',
  program: null,
  effect: 'change',
  whole: { days: 20, unit: 'working' },
  steps: changeSteps('确认变更'),
};

export const ENROLLMENT_STOP: WorkflowDef = {
  kind: 'enrollment_stop',
  label: '停止保障（停保）',
  program: null,
  effect: 'stop',
  whole: { days: 20, unit: 'working' },
  steps: changeSteps('确认停保'),
};

/** 复核: yearly, or every 6 months for unstable incomes; keep, adjust, taper (渐退) or stop. */
export const PERIODIC_REVIEW: WorkflowDef = {
  kind: 'periodic_review',
  label: '定期复核',
  program: null,
  effect: 'review',
  whole: { days: 30, unit: 'working' },
  steps: [
    investigation(10, 'township_review'),
    {
      id: 'township_review',
      label: '乡镇复核意见',
      roles: TOWNSHIP,
      level: 'township',
      deadline: { days: 5, unit: 'working' },
      form: 'review_result',
      actions: [
        { id: 'keep', label: '维持原保障', to: CLOSED, outcome: 'approved', tone: 'primary' },
        { id: 'propose', label: '调整/渐退/停保，报县级确认', to: 'county_confirmation' },
      ],
    },
    {
      ...countyConfirmation(),
      actions: [
        { id: 'confirm', label: '确认复核结果', to: CLOSED, toIfEnding: 'termination_notice', outcome: 'approved', tone: 'primary' },
        { id: 'return', label: '退回乡镇重新复核', to: 'investigation', tone: 'danger' },
      ],
    },
    terminationNotice,
  ],
};

/** Who works care cases: the clerks who keep the children's files (the county's reviewers read them, and confirm resettlement). */
const CARE: readonly Role[] = TOWNSHIP;

/**
 * 心理关爱个案: intake review with a first assessment (which grades the case), a service plan, the service,
 * a mid-term assessment (back to the plan, or on to discharge), discharge with a follow-up date. Any
 * stage can be flagged as a crisis (cases.flagCrisis); a flagged case cannot be discharged.
 */
export const PSYCH_CARE: WorkflowDef = {
  kind: 'psych_care',
  label: '心理关爱个案',
  program: 'child_care',
  effect: 'care',
  whole: { days: 60, unit: 'working' },
  extended: { days: 90, unit: 'working' },
  steps: [
    {
      id: 'intake_review',
      label: '接案审核',
      roles: CARE,
      level: 'township',
      deadline: { days: 3, unit: 'working' },
      form: 'psych_assessment',
      actions: [
        { id: 'accept', label: '接案，完成初始评估', to: 'service_plan', tone: 'primary' },
        { id: 'decline', label: '不予接案', to: CLOSED, outcome: 'rejected', tone: 'danger' },
      ],
    },
    {
      id: 'service_plan',
      label: '方案制定',
      roles: CARE,
      level: 'township',
      deadline: { days: 5, unit: 'working' },
      form: 'service_plan',
      actions: [{ id: 'complete', label: '方案已制定，开始服务', to: 'service', tone: 'primary' }],
    },
    {
      id: 'service',
      label: '服务实施',
      roles: CARE,
      level: 'township',
      deadline: { days: 30, unit: 'working' },
      actions: [{ id: 'complete', label: '服务阶段完成，进入中期评估', to: 'mid_assessment', tone: 'primary' }],
    },
    {
      id: 'mid_assessment',
      label: '中期评估',
      roles: CARE,
      level: 'township',
      deadline: { days: 5, unit: 'working' },
      form: 'psych_assessment',
      actions: [
        { id: 'to_discharge', label: '目标基本达成，准备结案', to: 'discharge', tone: 'primary' },
        { id: 'replan', label: '调整方案，继续服务', to: 'service_plan' },
      ],
    },
    {
      id: 'discharge',
      label: '结案',
      roles: CARE,
      level: 'township',
      deadline: { days: 5, unit: 'working' },
      form: 'discharge',
      actions: [
        { id: 'close', label: '结案，转入随访', to: CLOSED, outcome: 'approved', tone: 'primary' },
        { id: 'resume', label: '暂不结案，继续服务', to: 'service' },
      ],
    },
  ],
};

/** 成年后安置: the township proposes the placement and the one-off subsidy; the county confirms. */
export const ADULT_RESETTLEMENT: WorkflowDef = {
  kind: 'adult_resettlement',
  label: '孤儿成年后安置',
  program: 'orphan',
  effect: 'resettle',
  whole: { days: 20, unit: 'working' },
  steps: [
    {
      id: 'township_review',
      label: '乡镇审核安置方案',
      roles: TOWNSHIP,
      level: 'township',
      deadline: { days: 5, unit: 'working' },
      form: 'resettlement',
      actions: [
        { id: 'pass', label: '审核同意，报县级确认', to: 'county_confirmation', tone: 'primary' },
        { id: 'reject', label: '不符合安置条件', to: 'rejection_notice', outcome: 'rejected', tone: 'danger' },
      ],
    },
    { ...countyConfirmation(), delegable: false },
    rejectionNotice,
  ],
};

export const DEFAULT_WORKFLOWS: Record<CaseKind, WorkflowDef> = {
  dibao_new: DIBAO_NEW,
  tekun_new: TEKUN_NEW,
  linshi_emergency: LINSHI_EMERGENCY,
  linshi_expense: LINSHI_EXPENSE,
  gaoling_new: GAOLING_NEW,
  enrollment_change: ENROLLMENT_CHANGE,
  enrollment_stop: ENROLLMENT_STOP,
  periodic_review: PERIODIC_REVIEW,
  psych_care: PSYCH_CARE,
  adult_resettlement: ADULT_RESETTLEMENT,
};

/** Kinds a clerk starts from a household (new applications); the others start from an enrollment. */
export const APPLICATION_KINDS = ['dibao_new', 'tekun_new', 'linshi_emergency', 'linshi_expense', 'gaoling_new'] as const satisfies readonly CaseKind[];

/** Kinds started from a child's care file; one open case of each kind per child. */
export const CARE_CASE_KINDS = ['psych_care', 'adult_resettlement'] as const satisfies readonly CaseKind[];
export const isCareCaseKind = (kind: string): kind is (typeof CARE_CASE_KINDS)[number] => (CARE_CASE_KINDS as readonly string[]).includes(kind);
