/** Report periods as the contract spells them: a month 'YYYY-MM' or, for the assistance form, a quarter 'YYYY-Q1'…'Q4'. */
import dayjs, { type Dayjs } from 'dayjs';

export const PERIOD_PATTERN = /^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/;

export const isQuarter = (period: string): boolean => /-Q[1-4]$/.test(period);

/** Forms are made once a month is over, so the month just ended is the one wanted first. */
export function lastMonth(today: Dayjs = dayjs()): string {
  return today.subtract(1, 'month').format('YYYY-MM');
}

/** The first day of the period, for the pickers. */
export function periodStart(period: string): Dayjs {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) return dayjs(`${quarter[1]}-${String((Number(quarter[2]) - 1) * 3 + 1).padStart(2, '0')}-01`);
  return dayjs(`${period}-01`);
}

/** The month or quarter a picked day falls in. */
export function periodOf(day: Dayjs, quarter: boolean): string {
  return quarter ? `${day.year()}-Q${Math.floor(day.month() / 3) + 1}` : day.format('YYYY-MM');
}
