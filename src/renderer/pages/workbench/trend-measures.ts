/** What the trend charts can show, and how each reads on an axis and in a figure. */
import type { Trends } from '../../../shared/api/reports.schemas';
import { formatYuan } from '../../../shared/domain/money';

export type Measure = 'households' | 'persons' | 'spendingFen';
export type TrendSeries = Trends['series'][number];

export const MEASURES: { value: Measure; label: string }[] = [
  { value: 'households', label: '户数' },
  { value: 'persons', label: '人数' },
  { value: 'spendingFen', label: '支出' },
];

const count = (n: number) => Math.round(n).toLocaleString('en-US');

/** 元 on a narrow axis: 万 from ten thousand on. */
function yuanShort(fen: number): string {
  const yuan = fen / 100;
  if (yuan >= 10_000) return `${(yuan / 10_000).toFixed(yuan >= 100_000 ? 0 : 1)}万`;
  return count(yuan);
}

export const MEASURE_FORMAT: Record<Measure, { axis: (n: number) => string; full: (n: number) => string; minTop: number }> = {
  households: { axis: count, full: (n) => `${count(n)} 户`, minTop: 2 },
  persons: { axis: count, full: (n) => `${count(n)} 人`, minTop: 2 },
  spendingFen: { axis: yuanShort, full: (n) => `${formatYuan(n)} 元`, minTop: 10_000 },
};

/** A program with nothing in any of the twelve months is left off the card. */
export const hasAny = (s: TrendSeries): boolean => [...s.households, ...s.persons, ...s.spendingFen].some((v) => v !== 0);
