/**
 * A workflow as the settings page edits it: every step's roles, deadline and switch, the case limits and
 * delegation, read from the national default with the county's edits — and back to the edits, keeping
 * only what differs from the default, which is all the county stores.
 */
import type { WorkflowDefWire } from '../../../shared/api/cases.schemas';
import { ROLES, type Role } from '../../../shared/domain/roles';
import type { Deadline, WorkflowOverrides } from '../../../shared/domain/workflow/types';

export interface StepDraft {
  roles: Role[];
  /** null: no deadline (不限). */
  deadline: Deadline | null;
  /** Optional steps (民主评议) only; the others are always on. */
  enabled: boolean;
}

export interface Draft {
  steps: Record<string, StepDraft>;
  whole: Deadline;
  /** null: the case cannot be extended. */
  extended: Deadline | null;
  delegated: boolean;
}

export const isDelegable = (def: WorkflowDefWire): boolean => def.steps.some((s) => s.delegable);

const inRoleOrder = (roles: readonly Role[]): Role[] => ROLES.filter((r) => roles.includes(r));

export function draftOf(defaults: WorkflowDefWire, overrides: WorkflowOverrides): Draft {
  const steps: Record<string, StepDraft> = {};
  for (const step of defaults.steps) {
    const o = overrides.steps?.[step.id];
    steps[step.id] = {
      roles: inRoleOrder(o?.roles && o.roles.length > 0 ? o.roles : step.roles),
      deadline: o?.deadline === undefined ? (step.deadline ?? null) : o.deadline,
      enabled: step.optional && o?.enabled !== undefined ? o.enabled : step.enabled !== false,
    };
  }
  return {
    steps,
    whole: overrides.whole ?? defaults.whole,
    extended: overrides.extended === undefined ? (defaults.extended ?? null) : overrides.extended,
    delegated: isDelegable(defaults) && overrides.delegated === true,
  };
}

export const sameDeadline = (a: Deadline | null, b: Deadline | null): boolean =>
  a === null || b === null ? a === b : a.days === b.days && a.unit === b.unit;

export const sameRoles = (a: readonly Role[], b: readonly Role[]): boolean => a.length === b.length && a.every((r) => b.includes(r));

/** The county's edits: only what differs from the national default. */
export function overridesOf(defaults: WorkflowDefWire, draft: Draft): WorkflowOverrides {
  const base = draftOf(defaults, {});
  const out: WorkflowOverrides = {};
  const steps: NonNullable<WorkflowOverrides['steps']> = {};
  for (const step of defaults.steps) {
    const now = draft.steps[step.id];
    const was = base.steps[step.id];
    if (!now || !was) continue;
    const edit: NonNullable<WorkflowOverrides['steps']>[string] = {};
    if (!sameRoles(now.roles, was.roles)) edit.roles = inRoleOrder(now.roles);
    if (!sameDeadline(now.deadline, was.deadline)) edit.deadline = now.deadline;
    if (step.optional && now.enabled !== was.enabled) edit.enabled = now.enabled;
    if (Object.keys(edit).length > 0) steps[step.id] = edit;
  }
  if (Object.keys(steps).length > 0) out.steps = steps;
  if (!sameDeadline(draft.whole, base.whole)) out.whole = draft.whole;
  if (!sameDeadline(draft.extended, base.extended)) out.extended = draft.extended;
  if (draft.delegated !== base.delegated) out.delegated = draft.delegated;
  return out;
}

/** What keeps a draft from being saved, in Chinese. */
export function problemsOf(defaults: WorkflowDefWire, draft: Draft): string[] {
  const problems: string[] = [];
  for (const step of defaults.steps) {
    const s = draft.steps[step.id];
    if (s && s.roles.length === 0 && !(draft.delegated && step.delegable)) problems.push(`“${step.label}”至少要有一个办理角色`);
  }
  const { whole, extended } = draft;
  if (extended && extended.unit === whole.unit && extended.days <= whole.days) problems.push('延期后的办结时限应长于正常办结时限');
  return problems;
}

/** A stable text of edits, to tell whether a draft differs from what is saved. */
export const editsKey = (o: WorkflowOverrides): string => JSON.stringify(o);

/** Whether the stored edits change anything (an empty steps map does not). */
export const hasEdits = (defaults: WorkflowDefWire, overrides: WorkflowOverrides): boolean =>
  editsKey(overridesOf(defaults, draftOf(defaults, overrides))) !== editsKey({});
