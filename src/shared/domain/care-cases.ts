/**
 * Care cases on the workflow engine: the psychological-care case (心理关爱个案: 接案审核 → 方案制定 → 服务实施
 * → 中期评估 → 结案, graded by an assessment, with a crisis flag and follow-up after discharge) and adult
 * resettlement of an orphan or de facto orphan turning 18 (成年后安置, with its one-off subsidy).
 */
import type { ChildCategory } from './care';
import { addMonthsToDate, ageOn } from './dates';

/** Assessment tools. The SDQ total-difficulties score (0–40) has published cut-offs per informant. */
export const PSYCH_TOOLS = {
  sdq_self: 'SDQ 长处与困难问卷（儿童自评）',
  sdq_parent: 'SDQ 长处与困难问卷（家长或教师评）',
  other: '其他量表或专业判断',
} as const;
export type PsychTool = keyof typeof PSYCH_TOOLS;

export const PSYCH_GRADES = { high: '一级（高风险）', medium: '二级（中风险）', low: '三级（低风险）' } as const;
export type PsychGrade = keyof typeof PSYCH_GRADES;

/** SDQ total difficulties: from this score up the result is borderline (medium), then abnormal (high). */
const SDQ_CUTOFFS: Record<Exclude<PsychTool, 'other'>, { medium: number; high: number }> = {
  sdq_self: { medium: 16, high: 20 },
  sdq_parent: { medium: 14, high: 17 },
};

/** The grade an assessment gives; `other` tools carry the grade the worker chose. Null when the result is incomplete. */
export function gradeOf(tool: PsychTool, score: number | undefined, chosen: PsychGrade | undefined): PsychGrade | null {
  if (tool === 'other') return chosen ?? null;
  if (score === undefined) return null;
  const cut = SDQ_CUTOFFS[tool];
  return score >= cut.high ? 'high' : score >= cut.medium ? 'medium' : 'low';
}

/** Months from discharge to the first follow-up, by the last grade: the higher the risk, the sooner. */
export const FOLLOW_UP_MONTHS: Record<PsychGrade, number> = { high: 1, medium: 3, low: 6 };

export const defaultFollowUp = (grade: PsychGrade | undefined, today: string) => addMonthsToDate(today, FOLLOW_UP_MONTHS[grade ?? 'medium']);

export const RESETTLEMENT_KINDS = {
  education: '继续升学（高校、职业院校）',
  employment: '就业安置',
  housing: '住房保障安置',
  assistance: '纳入低保或特困供养',
  other: '其他安置方式',
} as const;
export type ResettlementKind = keyof typeof RESETTLEMENT_KINDS;

/** Resettlement may be prepared from 17½ (listed before the 18th birthday) and is open until 25. */
export const RESETTLEMENT_AGES = { fromMonths: 17 * 12 + 6, untilAge: 25 } as const;

/** Where a person born on `birthDate` stands for resettlement on `today`: too early (with the day it opens), open, or too late. */
export function resettlementTiming(birthDate: string, today: string): { state: 'early' | 'open' | 'late'; opensOn: string } {
  const opensOn = addMonthsToDate(birthDate, RESETTLEMENT_AGES.fromMonths);
  const state = today < opensOn ? 'early' : ageOn(birthDate, today) >= RESETTLEMENT_AGES.untilAge ? 'late' : 'open';
  return { state, opensOn };
}

/** Child-file categories whose children are resettled at 18. */
export const RESETTLED_CATEGORIES: readonly ChildCategory[] = ['orphan', 'de_facto_orphan'];
