/**
 * What may be done to the selected cases at once: the actions of their common step, taken from the
 * default workflow of their kind. Steps that record findings (调查, 金额, 复核结论) are done case by case.
 */
import type { CaseRow } from '../../../shared/api/cases.schemas';
import { DEFAULT_WORKFLOWS } from '../../../shared/domain/workflow/definitions';
import type { ActionDef, StepDef } from '../../../shared/domain/workflow/types';

export type BatchChoice = { ok: true; step: StepDef; actions: readonly ActionDef[] } | { ok: false; reason: string };

export const MIXED_SELECTION = '批量办理需选择同一类型、同一环节的案件';

export function batchChoice(rows: readonly CaseRow[]): BatchChoice {
  const first = rows[0];
  if (!first || !first.step) return { ok: false, reason: '请选择办理中的案件' };
  if (rows.some((r) => r.kind !== first.kind || r.step !== first.step)) return { ok: false, reason: MIXED_SELECTION };
  const step = DEFAULT_WORKFLOWS[first.kind].steps.find((s) => s.id === first.step);
  if (!step) return { ok: false, reason: `“${first.stepLabel ?? first.step}”环节不能批量办理，请逐件办理` };
  if (step.form && step.form !== 'none') return { ok: false, reason: `“${step.label}”环节需逐件填写办理信息，请打开案件办理` };
  return { ok: true, step, actions: step.actions };
}
