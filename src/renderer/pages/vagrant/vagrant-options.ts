/** Choices and labels of rescue records, from the shared domain labels. */
import {
  FOUND_BY,
  FOUND_BY_LABELS,
  RESCUE_OUTCOME_LABELS,
  RESCUE_OUTCOMES,
  RESCUE_SERVICE_LABELS,
  RESCUE_SERVICES,
  RESCUE_STATE_LABELS,
  RESCUE_STATES,
  type RescueOutcome,
} from '../../../shared/domain/vagrant';

export const FOUND_BY_OPTIONS = FOUND_BY.map((value) => ({ value, label: FOUND_BY_LABELS[value] }));
export const SERVICE_OPTIONS = RESCUE_SERVICES.map((value) => ({ value, label: RESCUE_SERVICE_LABELS[value] }));
export const OUTCOME_OPTIONS = RESCUE_OUTCOMES.map((value) => ({ value, label: RESCUE_OUTCOME_LABELS[value] }));
export const STATE_OPTIONS = RESCUE_STATES.map((value) => ({ value, label: RESCUE_STATE_LABELS[value] }));
export const SEX_OPTIONS = [
  { value: 'male', label: '男' },
  { value: 'female', label: '女' },
];

/** Places people are commonly sent to; free text is allowed too. */
export const INSTITUTION_OPTIONS = ['县人民医院', '县社会福利院', '市精神卫生中心', '市救助管理站'].map((value) => ({ value }));

/** How the destination field is asked for, by outcome. */
export function destinationLabel(outcome: RescueOutcome | null | undefined): string {
  if (outcome === 'escorted_home') return '返乡目的地';
  if (outcome === 'transferred') return '接收机构';
  return '去向说明';
}

/** 护送返乡（四川省富顺县）, or 在站 while the person is still there. */
export function outcomeText(row: { outcome: RescueOutcome | null; destination: string | null }): string {
  if (!row.outcome) return '在站';
  return row.destination ? `${RESCUE_OUTCOME_LABELS[row.outcome]}（${row.destination}）` : RESCUE_OUTCOME_LABELS[row.outcome];
}
