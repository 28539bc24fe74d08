/**
 * The 当前环节 form: what the clerk types (amounts as 元 text, the visit date as a date) and the
 * contract's ActionData (fen, YYYY-MM-DD), both ways, and where the server's field errors belong.
 */
import dayjs, { type Dayjs } from 'dayjs';
import type { ActionData, CaseDetail } from '../../../shared/api/cases.schemas';
import { formatYuan, parseYuan } from '../../../shared/domain/money';
import type { ReviewResult } from '../../../shared/domain/workflow/types';

export interface ActionValues {
  action?: string;
  opinion: string;
  monthlyIncome?: string;
  familySize?: number | null;
  visitDate?: Dayjs | null;
  unstableIncome?: boolean;
  amount?: string;
  reviewResult?: ReviewResult;
  newAmount?: string;
  taperMonths?: number | null;
}

const yuanText = (fen: number | undefined) => (fen === undefined ? undefined : formatYuan(fen));

const fenOf = (text: string | undefined) => {
  const fen = text?.trim() ? parseYuan(text) : null;
  return fen === null ? undefined : fen;
};

const numberOf = (n: number | null | undefined) => (n === null || n === undefined ? undefined : n);

export function initialValues(defaults: ActionData): Partial<ActionValues> {
  return {
    monthlyIncome: yuanText(defaults.monthlyIncomeFen),
    familySize: defaults.familySize,
    visitDate: defaults.visitDate ? dayjs(defaults.visitDate) : undefined,
    unstableIncome: defaults.unstableIncome ?? false,
    amount: yuanText(defaults.amountFen),
    reviewResult: defaults.reviewResult,
    newAmount: yuanText(defaults.newAmountFen),
    taperMonths: defaults.taperMonths,
  };
}

/** The findings the step's form records; nothing for steps without one. */
export function actionData(form: CaseDetail['form'], v: ActionValues): ActionData {
  switch (form) {
    case 'investigation':
      return {
        monthlyIncomeFen: fenOf(v.monthlyIncome),
        familySize: numberOf(v.familySize),
        visitDate: v.visitDate ? v.visitDate.format('YYYY-MM-DD') : undefined,
        unstableIncome: v.unstableIncome ?? false,
      };
    case 'payment':
      return { amountFen: fenOf(v.amount) };
    case 'review_result':
      return {
        reviewResult: v.reviewResult,
        newAmountFen: v.reviewResult === 'adjust' ? fenOf(v.newAmount) : undefined,
        taperMonths: v.reviewResult === 'taper' ? numberOf(v.taperMonths) : undefined,
      };
    default:
      return {};
  }
}

const FIELD_OF_DATA: Record<string, string> = { monthlyIncomeFen: 'monthlyIncome', amountFen: 'amount', newAmountFen: 'newAmount' };

/** The form field a server issue at `path` of cases.act's input belongs to (data.monthlyIncomeFen -> monthlyIncome). */
export function fieldPathOf(path: (string | number)[]): (string | number)[] {
  if (path[0] !== 'data' || path.length < 2) return path;
  const key = String(path[1]);
  return [FIELD_OF_DATA[key] ?? key];
}
