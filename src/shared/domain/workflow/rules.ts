/**
 * The engine's pure rules: the effective definition after a county's edits, who may take which action
 * on which step, where it leads, and when steps and cases fall due. The main side applies them to
 * stored cases inside transactions; the UI uses them only to show choices.
 */
import { addDays } from '../dates';
import { formatYuan } from '../money';
import { COUNTY_REVIEWERS, type Role } from '../roles';
import type { WorkCalendar } from '../work-calendar';
import { CLOSED, type ActionDef, type Deadline, type Outcome, type StepDef, type WorkflowDef, type WorkflowOverrides } from './types';

export function stepOf(def: WorkflowDef, stepId: string): StepDef {
  const step = def.steps.find((s) => s.id === stepId);
  if (!step) throw new Error(`${def.kind} has no step ${stepId}`);
  return step;
}

/** The definition a county works with: the default with its edits, delegation applied. */
export function applyOverrides(def: WorkflowDef, overrides: WorkflowOverrides | undefined): WorkflowDef {
  if (!overrides) return def;
  const delegated = def.steps.some((s) => s.delegable) && overrides.delegated === true;
  const steps = def.steps.map((step): StepDef => {
    const o = overrides.steps?.[step.id];
    let out: StepDef = { ...step };
    if (o?.roles && o.roles.length > 0) out.roles = o.roles;
    if (o?.deadline !== undefined) out = o.deadline === null ? { ...out, deadline: undefined } : { ...out, deadline: o.deadline };
    if (step.optional && o?.enabled !== undefined) out.enabled = o.enabled;
    if (delegated && step.delegable) out = { ...out, level: 'township', roles: ['township_clerk', 'county_clerk'] };
    return out;
  });
  return {
    ...def,
    steps,
    whole: overrides.whole ?? def.whole,
    extended: overrides.extended === null ? undefined : (overrides.extended ?? def.extended),
    delegated,
  };
}

/** Where an action leads, skipping optional steps that are switched off (they pass straight through). */
export function targetOf(def: WorkflowDef, to: string): string {
  let target = to;
  for (let guard = 0; guard < def.steps.length && target !== CLOSED; guard += 1) {
    const step = stepOf(def, target);
    if (!step.optional || step.enabled !== false) return target;
    target = step.actions.find((a) => a.id === 'pass')?.to ?? CLOSED;
  }
  return target;
}

export interface Participant {
  userId: string;
  role: Role;
  townshipId: string | null;
}

/** What the engine knows of a case when judging an action on it. */
export interface CaseState {
  step: string | null;
  townshipId: string;
  /** The day the case entered its current step. */
  stepSince: string;
  /** Everyone who acted on this case so far (the application included). */
  actors: readonly string[];
  amountFen: number | null;
}

export interface ActionContext {
  today: string;
  calendar: WorkCalendar;
  townshipLimitFen: number;
}

/** Why an action is refused: not this user's to take (FORBIDDEN), or not possible now (CONFLICT). */
export interface Refusal {
  code: 'FORBIDDEN' | 'CONFLICT';
  message: string;
}

const forbidden = (message: string): Refusal => ({ code: 'FORBIDDEN', message });
const conflict = (message: string): Refusal => ({ code: 'CONFLICT', message });

/**
 * Why this user may not take this action on the case now, in Chinese; null when they may. Checks the
 * defined transitions, the role and level of the step, the township, that whoever acted earlier does not
 * confirm, that a notice has run its period, and the township's approval limit.
 */
export function refusal(def: WorkflowDef, state: CaseState, actionId: string, user: Participant, ctx: ActionContext): Refusal | null {
  if (!state.step) return conflict('案件已办结，不能再办理');
  const step = def.steps.find((s) => s.id === state.step);
  if (!step) return conflict('案件环节不存在');
  const action = step.actions.find((a) => a.id === actionId);
  if (!action) return conflict(`“${step.label}”环节没有这项操作`);
  if (!step.roles.includes(user.role)) return forbidden(`“${step.label}”环节不由您的角色办理`);
  if (step.level === 'township' && user.role === 'township_clerk' && user.townshipId !== state.townshipId) return forbidden('只能办理本乡镇（街道）的案件');
  if (step.confirms && state.actors.includes(user.userId)) return forbidden('办理过本案前面环节的人员不能审核确认同一案件');
  if (action.afterPeriod && step.deadline) {
    const end = dueDate(step.deadline, state.stepSince, ctx.calendar);
    if (ctx.today < end) return conflict(`${step.label}期至 ${end}，期满后才能办理“${action.label}”`);
  }
  if (action.withinTownshipLimit && (state.amountFen ?? 0) > ctx.townshipLimitFen) {
    return conflict(`救助金额 ${formatYuan(state.amountFen ?? 0)} 元超过乡镇审批权限（${formatYuan(ctx.townshipLimitFen)} 元），请报县级审批`);
  }
  return null;
}

/** Why the whole deadline of a case cannot be extended by this user, or null: once, with a reason, by the step's staff or the county. */
export function extensionRefusal(def: WorkflowDef, c: { step: string | null; extendedReason: string | null }, role: Role): Refusal | null {
  if (!c.step) return conflict('案件已办结');
  if (!def.extended) return conflict(`“${def.label}”不能延期`);
  if (c.extendedReason) return conflict('本案已延期过一次，不能再延期');
  const step = def.steps.find((s) => s.id === c.step);
  if (!step?.roles.includes(role) && !COUNTY_REVIEWERS.includes(role)) return forbidden('只有当前环节的经办人员或县级审核人员可以延期');
  return null;
}

export function actionOf(def: WorkflowDef, stepId: string, actionId: string): ActionDef {
  const action = stepOf(def, stepId).actions.find((a) => a.id === actionId);
  if (!action) throw new Error(`${def.kind}/${stepId} has no action ${actionId}`);
  return action;
}

/** The step an action leads to (or CLOSED) and the outcome it fixes, if any. */
export function transition(def: WorkflowDef, stepId: string, actionId: string, endsEnrollment: boolean): { next: string; outcome: Outcome | undefined } {
  const action = actionOf(def, stepId, actionId);
  const to = endsEnrollment && action.toIfEnding ? action.toIfEnding : action.to;
  return { next: targetOf(def, to), outcome: action.outcome };
}

/** The date a deadline falls on, counted from `from` (YYYY-MM-DD). */
export function dueDate(deadline: Deadline, from: string, calendar: WorkCalendar): string {
  return deadline.unit === 'working' ? calendar.addWorkingDays(from, deadline.days) : addDays(from, deadline.days);
}

/** Days left until `due` in the unit it counts (negative: overdue by that many). */
export function daysLeft(due: string, today: string, unit: Deadline['unit'], calendar: WorkCalendar): number {
  if (unit === 'calendar') return Math.round((Date.parse(`${due}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  return calendar.workingDaysBetween(today, due);
}

export function formatDeadline(d: Deadline): string {
  return `${d.days} 个${d.unit === 'working' ? '工作日' : '自然日'}`;
}
