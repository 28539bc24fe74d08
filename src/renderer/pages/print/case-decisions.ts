/**
 * What the notices read from a case: the history entry that decided it (by the outcome its action has in
 * the case's own definition), the level of the step it was taken at, and the month an enrollment ends.
 */
import type { CaseDetail, CaseHistoryEntry } from '../../../shared/api/cases.schemas';
import { nextMonth } from './format';

type Outcome = 'approved' | 'rejected';

function outcomeOf(detail: CaseDetail, entry: CaseHistoryEntry): Outcome | undefined {
  const step = detail.definition.steps.find((s) => s.id === entry.step);
  return step?.actions.find((a) => a.id === entry.action)?.outcome;
}

/** The last history entry whose action fixed this outcome, or null. */
export function decidingEntry(detail: CaseDetail, outcome: Outcome): CaseHistoryEntry | null {
  for (let i = detail.history.length - 1; i >= 0; i -= 1) {
    const entry = detail.history[i];
    if (entry && outcomeOf(detail, entry) === outcome) return entry;
  }
  return null;
}

/** The level of a step as the case's definition has it (a delegated confirmation is a township's). */
export function levelOf(detail: CaseDetail, stepId: string): 'township' | 'county' {
  return detail.definition.steps.find((s) => s.id === stepId)?.level ?? 'county';
}

/** Whether the case ended an enrollment: it went on to (or through) the termination notice. */
export function endedEnrollment(detail: CaseDetail): boolean {
  return detail.outcome === 'approved' && (detail.step === 'termination_notice' || detail.history.some((h) => h.step === 'termination_notice'));
}

const MONTH = /(\d{4})\s*[-年/.]\s*(\d{1,2})/;
const ENDING_LABEL = /停发|停保|停止|终止|生效|起始|执行/;

/**
 * The first month without assistance, 'YYYY-MM': a month the case recorded under a label such as
 * 停发月份 / 生效月份 (newest findings first, then the application), else the month after confirmation.
 */
export function endingMonth(detail: CaseDetail, confirming: CaseHistoryEntry): string {
  const lines = [...[...detail.history].reverse().flatMap((h) => h.details), ...detail.application];
  for (const line of lines) {
    if (!ENDING_LABEL.test(line.label)) continue;
    const m = MONTH.exec(line.value);
    if (m) return `${m[1] ?? ''}-${(m[2] ?? '').padStart(2, '0')}`;
  }
  return nextMonth(confirming.onDate);
}

/** Findings about a taper (渐退), if the case recorded any, as label/value lines. */
export function taperLines(detail: CaseDetail): { label: string; value: string }[] {
  return detail.history.flatMap((h) => h.details).filter((d) => /渐退/.test(d.label) || /渐退/.test(d.value));
}
