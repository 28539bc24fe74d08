/** Choices and labels of elderly care, from the shared domain labels. */
import dayjs, { type Dayjs } from 'dayjs';
import {
  ASSESSMENT_LEVEL_LABELS,
  ASSESSMENT_LEVELS,
  ELDER_DIFFICULTIES,
  ELDER_DIFFICULTY_LABELS,
  ELDER_VISIT_KIND_LABELS,
  ELDER_VISIT_KINDS,
  periodLabel,
  periodOf,
  previousPeriod,
  SURVIVAL_METHOD_LABELS,
  SURVIVAL_METHODS,
  SURVIVAL_RESULT_LABELS,
  SURVIVAL_RESULTS,
  type ElderVisitKind,
} from '../../../shared/domain/elderly';
import type { DueState } from './use-elderly-query';

export const DUE_STATE_LABELS: Record<DueState, string> = { overdue: '已逾期', soon: '近期待访', ok: '按期', closed: '已结案' };
export const DUE_STATE_OPTIONS = (Object.keys(DUE_STATE_LABELS) as DueState[]).map((value) => ({ value, label: DUE_STATE_LABELS[value] }));
export const DIFFICULTY_OPTIONS = ELDER_DIFFICULTIES.map((value) => ({ value, label: ELDER_DIFFICULTY_LABELS[value] }));
export const VISIT_KIND_OPTIONS = ELDER_VISIT_KINDS.map((value) => ({ value, label: ELDER_VISIT_KIND_LABELS[value] }));
export const VISIT_KIND_COLORS: Record<ElderVisitKind, string> = { home: 'green', phone: 'gray', video: 'blue' };
export const METHOD_OPTIONS = SURVIVAL_METHODS.map((value) => ({ value, label: SURVIVAL_METHOD_LABELS[value] }));
export const RESULT_OPTIONS = SURVIVAL_RESULTS.map((value) => ({ value, label: SURVIVAL_RESULT_LABELS[value] }));
export const LEVEL_OPTIONS = ASSESSMENT_LEVELS.map((value) => ({ value, label: ASSESSMENT_LEVEL_LABELS[value] }));

/** The current half-year and the five before it, newest first. */
export function periodOptions(today: Dayjs = dayjs()) {
  const out: { value: string; label: string }[] = [];
  let period = periodOf(today.format('YYYY-MM-DD'));
  for (let i = 0; i < 6; i++) {
    out.push({ value: period, label: i === 0 ? `${periodLabel(period)}（本期）` : periodLabel(period) });
    period = previousPeriod(period);
  }
  return out;
}

export const currentPeriod = () => periodOf(dayjs().format('YYYY-MM-DD'));

/** Common reasons a file is closed; free text is allowed too. */
export const CLOSE_REASON_OPTIONS = ['入住养老机构', '随子女迁往外地', '困难情形已消除', '户籍迁出本县', '死亡'].map((value) => ({ value }));

/** The colour of a difficulty's tag: those visited monthly by default stand out. */
export const DIFFICULTY_COLORS: Record<(typeof ELDER_DIFFICULTIES)[number], string> = {
  alone: 'volcano',
  empty_nest: 'gold',
  left_behind: 'gold',
  disabled: 'red',
  severe_disability: 'red',
  bereaved: 'purple',
  very_old: 'blue',
};

/** The examples of a visit's fields, for an elder. */
export const VISIT_PLACEHOLDERS = {
  visitor: '如：村委委员、网格员姓名',
  findings: '老人身体、居住、生活照料和精神状况',
  needs: '如：助餐、取暖、家庭医生签约、适老化改造',
  followUp: '如：已联系子女、转介到乡镇养老服务站',
};
