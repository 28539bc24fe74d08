/** Report periods for the pickers (the rules themselves are in shared/domain/reports/periods). */
import dayjs, { type Dayjs } from 'dayjs';
import { monthsOf } from '../../../shared/domain/reports/periods';

/** Forms are made once a month is over, so the month just ended is the one wanted first. */
export function lastMonth(today: Dayjs = dayjs()): string {
  return today.subtract(1, 'month').format('YYYY-MM');
}

/** The first day of the period, for the pickers. */
export function periodStart(period: string): Dayjs {
  return dayjs(`${monthsOf(period)[0]}-01`);
}

/** The month or quarter a picked day falls in. */
export function periodOf(day: Dayjs, quarter: boolean): string {
  return quarter ? `${day.year()}-Q${Math.floor(day.month() / 3) + 1}` : day.format('YYYY-MM');
}
