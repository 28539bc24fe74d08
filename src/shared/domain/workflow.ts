/**
 * Approval workflows (审核确认) as data: each kind of case is a list of steps, who may act at each (role and
 * township or county level), the step's deadline (working or calendar days), and where each action leads.
 * The national defaults follow docs/domain.md; a county may edit them (issue 4). The rules here are pure:
 * the main side applies them to stored cases.
 */
import { addDays } from './dates';
import type { Program } from './programs';
import type { Role } from './roles';
import type { WorkCalendar } from './work-calendar';

export type DayUnit = 'working' | 'calendar';
export type Terminal = 'approved' | 'rejected';

export interface Deadline {
  days: number;
  unit: DayUnit;
}

export interface ActionDef {
  id: string;
  label: string;
  /** The next step, or the end of the case. */
  to: string | Terminal;
}

export interface StepDef {
  id: string;
  label: string;
  /** Who may act: these roles, at township level (own township only) or county level. */
  roles: readonly Role[];
  level: 'township' | 'county';
  deadline?: Deadline;
  /** A confirming step: nobody who acted on an earlier step of the case may act here. */
  confirms?: boolean;
  actions: readonly ActionDef[];
}

export interface WorkflowDef {
  kind: string;
  program: Program;
  label: string;
  steps: readonly StepDef[];
  /** The whole case, from intake; extendable once, with a reason, to `extended`. */
  whole: Deadline;
  extended?: Deadline;
}

const TOWNSHIP: readonly Role[] = ['township_clerk', 'county_clerk'];
const COUNTY: readonly Role[] = ['county_reviewer', 'manager'];

/** 低保 new application, by the national rules. */
export const DIBAO_NEW: WorkflowDef = {
  kind: 'dibao_new',
  program: 'dibao',
  label: '最低生活保障申请',
  whole: { days: 30, unit: 'working' },
  extended: { days: 45, unit: 'working' },
  steps: [
    { id: 'intake', label: '受理', roles: TOWNSHIP, level: 'township', actions: [{ id: 'accept', label: '受理', to: 'investigation' }] },
    {
      id: 'investigation',
      label: '家庭经济状况调查',
      roles: TOWNSHIP,
      level: 'township',
      deadline: { days: 3, unit: 'working' },
      actions: [{ id: 'complete', label: '完成调查', to: 'initial_review' }],
    },
    {
      id: 'initial_review',
      label: '乡镇初审',
      roles: TOWNSHIP,
      level: 'township',
      actions: [
        { id: 'pass', label: '初审通过，进入公示', to: 'public_notice' },
        { id: 'reject', label: '初审不通过', to: 'rejected' },
      ],
    },
    {
      id: 'public_notice',
      label: '公示',
      roles: TOWNSHIP,
      level: 'township',
      deadline: { days: 7, unit: 'calendar' },
      actions: [
        { id: 'no_objection', label: '公示无异议', to: 'county_confirmation' },
        { id: 'objection', label: '公示有异议，重新调查', to: 'investigation' },
      ],
    },
    {
      id: 'county_confirmation',
      label: '县级审核确认',
      roles: COUNTY,
      level: 'county',
      deadline: { days: 10, unit: 'working' },
      confirms: true,
      actions: [
        { id: 'confirm', label: '审核确认', to: 'approved' },
        { id: 'reject', label: '不予确认', to: 'rejected' },
      ],
    },
  ],
};

/** 特困 new application: investigation within 15 working days, notice 7 days, confirmation 10 working days. */
export const TEKUN_NEW: WorkflowDef = {
  kind: 'tekun_new',
  program: 'tekun',
  label: '特困人员救助供养申请',
  whole: { days: 35, unit: 'working' },
  steps: DIBAO_NEW.steps.map((s) => (s.id === 'investigation' ? { ...s, deadline: { days: 15, unit: 'working' as const } } : s)),
};

export const DEFAULT_WORKFLOWS: readonly WorkflowDef[] = [DIBAO_NEW, TEKUN_NEW];

export interface Participant {
  userId: string;
  role: Role;
  townshipId: string | null;
}

/** Who acted on which step so far. */
export interface StepRecord {
  step: string;
  userId: string;
}

export function stepOf(def: WorkflowDef, stepId: string): StepDef {
  const step = def.steps.find((s) => s.id === stepId);
  if (!step) throw new Error(`${def.kind} has no step ${stepId}`);
  return step;
}

/**
 * Why this user may not take this action on this step of a case in `caseTownshipId`, in Chinese; null when
 * they may. Checks the defined transitions, the role and level of the step, the township, and that whoever
 * recorded an earlier step does not confirm the case.
 */
export function refusal(def: WorkflowDef, stepId: string, actionId: string, user: Participant, caseTownshipId: string, history: readonly StepRecord[]): string | null {
  const step = def.steps.find((s) => s.id === stepId);
  if (!step) return '案件已办结或环节不存在';
  if (!step.actions.some((a) => a.id === actionId)) return `“${step.label}”环节没有这项操作`;
  if (!step.roles.includes(user.role)) return `“${step.label}”环节不由您的角色办理`;
  if (step.level === 'township' && user.role === 'township_clerk' && user.townshipId !== caseTownshipId) return '只能办理本乡镇（街道）的案件';
  if (step.confirms && history.some((h) => h.userId === user.userId)) return '办理过前面环节的人员不能审核确认同一案件';
  return null;
}

export function nextOf(def: WorkflowDef, stepId: string, actionId: string): string | Terminal {
  const action = stepOf(def, stepId).actions.find((a) => a.id === actionId);
  if (!action) throw new Error(`${def.kind}/${stepId} has no action ${actionId}`);
  return action.to;
}

/** The date a deadline falls on, counted from `from` (YYYY-MM-DD). */
export function dueDate(deadline: Deadline, from: string, calendar: WorkCalendar): string {
  return deadline.unit === 'working' ? calendar.addWorkingDays(from, deadline.days) : addDays(from, deadline.days);
}
