/** Report periods: a month 'YYYY-MM' or a quarter 'YYYY-Qn', with their months, label and the period before. */
import { addMonths, chineseMonth } from '../dates';

const QUARTER = /^(\d{4})-Q([1-4])$/;

export const PERIOD_PATTERN = /^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/;
export const isQuarter = (period: string) => QUARTER.test(period);

/** Only the 社会救助 form comes by quarter; the change sheet and the payment roster are monthly. */
export const periodFitsForm = (form: string, period: string) => PERIOD_PATTERN.test(period) && (form === 'assistance-monthly' || !isQuarter(period));
const QUARTER_NAMES = ['一', '二', '三', '四'];

export function monthsOf(period: string): string[] {
  const q = QUARTER.exec(period);
  if (!q) return [period];
  const first = `${q[1]}-${String((Number(q[2]) - 1) * 3 + 1).padStart(2, '0')}`;
  return [first, addMonths(first, 1), addMonths(first, 2)];
}

export const lastMonthOf = (period: string) => monthsOf(period).at(-1)!;

export function periodLabel(period: string): string {
  const q = QUARTER.exec(period);
  return q ? `${q[1]}年第${QUARTER_NAMES[Number(q[2]) - 1]}季度` : chineseMonth(period);
}

/** The period just before: the previous month, or the previous quarter. */
export function previousPeriod(period: string): string {
  const q = QUARTER.exec(period);
  if (!q) return addMonths(period, -1);
  const n = Number(q[2]);
  return n === 1 ? `${Number(q[1]) - 1}-Q4` : `${q[1]}-Q${n - 1}`;
}
