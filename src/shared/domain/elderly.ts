/**
 * Elderly care (老年关爱): 高龄津贴 survival checks (生存认证) by half-year, the 老年人能力综合评估 levels of
 * GB/T 42195-2022, and the file of elderly with special difficulties (特殊困难老年人) visited on an interval.
 * Intervals, grace days and whether a missed check stops payment are *local*: the administrator sets them.
 */
import { addDays, addMonthsToDate } from './dates';
import type { GaolingBand } from './programs';

export const ELDER_DIFFICULTIES = ['alone', 'empty_nest', 'left_behind', 'disabled', 'severe_disability', 'bereaved', 'very_old'] as const;
export type ElderDifficulty = (typeof ELDER_DIFFICULTIES)[number];
export const ELDER_DIFFICULTY_LABELS: Record<ElderDifficulty, string> = {
  alone: '独居',
  empty_nest: '空巢',
  left_behind: '留守',
  disabled: '失能',
  severe_disability: '重残',
  bereaved: '计划生育特殊家庭',
  very_old: '高龄',
};

/** Stored as a comma list in the canonical order, so equal sets are equal text. */
export const joinDifficulties = (list: readonly ElderDifficulty[]) => ELDER_DIFFICULTIES.filter((d) => list.includes(d)).join(',');
export const parseDifficulties = (stored: string): ElderDifficulty[] => ELDER_DIFFICULTIES.filter((d) => stored.split(',').includes(d));

export const ELDER_VISIT_KINDS = ['home', 'phone', 'video'] as const;
export type ElderVisitKind = (typeof ELDER_VISIT_KINDS)[number];
export const ELDER_VISIT_KIND_LABELS: Record<ElderVisitKind, string> = { home: '上门', phone: '电话', video: '视频' };

export const SURVIVAL_METHODS = ['face', 'home', 'video', 'institution'] as const;
export type SurvivalMethod = (typeof SURVIVAL_METHODS)[number];
export const SURVIVAL_METHOD_LABELS: Record<SurvivalMethod, string> = { face: '人脸识别认证', home: '上门核实', video: '视频认证', institution: '机构证明' };

export const SURVIVAL_RESULTS = ['alive', 'deceased'] as const;
export type SurvivalResult = (typeof SURVIVAL_RESULTS)[number];
export const SURVIVAL_RESULT_LABELS: Record<SurvivalResult, string> = { alive: '健在', deceased: '已死亡' };

// ---- Survival periods: two a year, 'YYYY-H1' (January–June) and 'YYYY-H2' (July–December).

export const SURVIVAL_PERIOD = /^\d{4}-H[12]$/;
export const isValidPeriod = (value: string) => SURVIVAL_PERIOD.test(value);

export function periodOf(date: string): string {
  return `${date.slice(0, 4)}-H${Number(date.slice(5, 7)) <= 6 ? 1 : 2}`;
}

export const periodStart = (period: string) => `${period.slice(0, 4)}-${period.endsWith('H1') ? '01' : '07'}-01`;
export const periodEnd = (period: string) => `${period.slice(0, 4)}-${period.endsWith('H1') ? '06-30' : '12-31'}`;
/** The first and last month of the period, 'YYYY-MM'. */
export const periodMonths = (period: string) => ({ first: periodStart(period).slice(0, 7), last: periodEnd(period).slice(0, 7) });

export function previousPeriod(period: string): string {
  const year = Number(period.slice(0, 4));
  return period.endsWith('H2') ? `${year}-H1` : `${year - 1}-H2`;
}

/** The half-year that ended most recently before `today`. */
export const periodJustEnded = (today: string) => previousPeriod(periodOf(today));

/** 2026-H1 as 2026年上半年. */
export const periodLabel = (period: string) => `${period.slice(0, 4)}年${period.endsWith('H1') ? '上' : '下'}半年`;

/** The first day on which missing checks of the period may stop payment: after its end and the grace days. */
export const stopAllowedFrom = (period: string, graceDays: number) => addDays(periodEnd(period), graceDays + 1);

// ---- 老年人能力综合评估 (GB/T 42195-2022): a total of 0–90 and five levels.

export const ASSESSMENT_LEVELS = ['intact', 'mild', 'moderate', 'severe', 'total'] as const;
export type AssessmentLevel = (typeof ASSESSMENT_LEVELS)[number];
export const ASSESSMENT_LEVEL_LABELS: Record<AssessmentLevel, string> = {
  intact: '能力完好',
  mild: '轻度失能',
  moderate: '中度失能',
  severe: '重度失能',
  total: '完全失能',
};
export const ASSESSMENT_MAX_SCORE = 90;

/** The level a total score gives before adjustments (90; 66–89; 46–65; 30–45; 0–29). */
export function levelOfScore(score: number): AssessmentLevel {
  if (score >= 90) return 'intact';
  if (score >= 66) return 'mild';
  if (score >= 46) return 'moderate';
  if (score >= 30) return 'severe';
  return 'total';
}

/**
 * Whether a level may be recorded with this score: the standard's adjustments (coma, dementia, other
 * diagnosed disorders) only make a level more severe, never milder than the score gives.
 */
export const levelFitsScore = (level: AssessmentLevel, score: number) => ASSESSMENT_LEVELS.indexOf(level) >= ASSESSMENT_LEVELS.indexOf(levelOfScore(score));

/** Assessments are repeated yearly. */
export const nextAssessmentDue = (assessedOn: string) => addMonthsToDate(assessedOn, 12);

// ---- The county's policy.

export interface ElderPolicy {
  /** Whether a missed survival check stops 高龄津贴 from the next month. */
  survivalStopsPayment: boolean;
  /** Days after 30 June / 31 December during which a late check is still awaited (0–60). */
  graceDays: number;
  /** Months between visits, per difficulty; an elder with several is visited on the shortest. */
  visitMonths: Record<ElderDifficulty, number>;
  /** Days ahead a visit counts as due soon. */
  dueSoonDays: number;
}

export const DEFAULT_ELDER_POLICY: ElderPolicy = {
  survivalStopsPayment: true,
  graceDays: 0,
  visitMonths: { alone: 1, empty_nest: 3, left_behind: 3, disabled: 1, severe_disability: 1, bereaved: 1, very_old: 3 },
  dueSoonDays: 7,
};

export function elderVisitIntervalMonths(policy: ElderPolicy, difficulties: readonly ElderDifficulty[]): number {
  const months = difficulties.map((d) => policy.visitMonths[d]);
  return months.length > 0 ? Math.min(...months) : Math.max(...Object.values(policy.visitMonths));
}

/** The day the next visit is due: an interval after the last visit, or after the file was (re)opened, whichever is later. */
export function nextElderVisitDue(policy: ElderPolicy, elder: { difficulties: readonly ElderDifficulty[]; lastVisitedOn: string | null; openedOn: string }): string {
  const from = elder.lastVisitedOn && elder.lastVisitedOn > elder.openedOn ? elder.lastVisitedOn : elder.openedOn;
  return addMonthsToDate(from, elderVisitIntervalMonths(policy, elder.difficulties));
}

// ---- Turning 80, 90 or 100: what the clerk should do about 高龄津贴.

export const TURNING_LINES = [80, 90, 100] as const;
export type TurningLine = (typeof TURNING_LINES)[number];
export type TurningAction = 'apply' | 'raise' | 'none';

/** What reaching `line` means for someone holding `band` (or no 高龄津贴 at all). */
export function turningAction(line: TurningLine, band: GaolingBand | null): { action: TurningAction; message: string } {
  if (band === null) return { action: 'apply', message: '可申请高龄津贴' };
  if (Number(band) >= line) return { action: 'none', message: '档次已相符' };
  return line === 100 ? { action: 'raise', message: '应调至百岁档' } : { action: 'raise', message: '应调至90–99岁档' };
}
