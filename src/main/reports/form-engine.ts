/**
 * Forms defined as data: each numeric column names what it counts (households, persons, amount or cases),
 * from which facts (paid in the month, newly started, stopped, amount changed, 临时救助 granted, rescues
 * admitted) and which of them. A cell adds up the period's aggregate rows that pass the column's test, and
 * its drill-down lists the facts of the rows passing the same test, so a cell and its named rows cannot disagree. Stock columns (how many are covered) read the period's
 * last month; flow columns (new, stopped, spending) add up its months.
 */
import { isHouseholdProgram, type GaolingBand, type Program } from '../../shared/domain/programs';
import type { ReportColumn } from '../../shared/api/reports.schemas';
import type { FactRow } from './month-facts';
import type { CubeRow } from './period-cube';

/** What forms tell facts apart by. The band is the 高龄 band at the counted month's end. */
export interface FactDims {
  program: Program;
  category: string | null;
  hukou: 'urban' | 'rural';
  band: GaolingBand | null;
}

export type Source = 'paid' | 'new' | 'stopped' | 'increased' | 'decreased' | 'relief' | 'vagrant';
export type Count = 'households' | 'persons' | 'amount' | 'cases' | 'delta';

export interface Measure {
  source: Source;
  count: Count;
  /** Which enrollment facts of the source this column takes (临时救助 and rescue facts have none to match). */
  match?: (dims: FactDims) => boolean;
}

export interface ColumnDef extends ReportColumn {
  /** What the cell adds up (several for a total such as 本期支出). */
  measures?: Measure[];
  /** Counted over the period before (上期). */
  previous?: boolean;
  /** Computed from other cells of the row (环比, a 合计's count of rows), never drilled. */
  derived?: (cells: Map<string, number | null>) => number | string | null;
}

/** One counted fact with what it adds to its cell. */
export interface Contribution {
  row: FactRow;
  value: number;
}

const isStock = (m: Measure) => m.source === 'paid' && (m.count === 'households' || m.count === 'persons');

/** The months a measure counts: stock columns (how many are covered) the last, flows all of them. */
const monthsCounted = (measure: Measure, months: string[]) => (isStock(measure) ? months.slice(-1) : months);

function takes(measure: Measure, row: CubeRow, months: string[]): boolean {
  if (!months.includes(row.month) || !row.sources.includes(measure.source)) return false;
  return !measure.match || (row.dims !== null && measure.match(row.dims));
}

/** What a row (a single fact or the sum of many) adds to a cell counting `count`. */
function valueOf(row: CubeRow, count: Count): number {
  switch (count) {
    case 'households':
      return row.households;
    case 'cases':
      return row.n;
    case 'persons':
      return row.dims && isHouseholdProgram(row.dims.program) ? row.covered : row.n;
    case 'amount':
      return row.amount;
    case 'delta':
      return row.delta;
  }
}

/** A column's cells for every township at once, from the period's aggregate rows. */
export function cellsByTownship(measure: Measure, cube: CubeRow[], months: string[]): Map<string, number> {
  const used = monthsCounted(measure, months);
  const out = new Map<string, number>();
  for (const row of cube) if (takes(measure, row, used)) out.set(row.townshipId, (out.get(row.townshipId) ?? 0) + valueOf(row, measure.count));
  return out;
}

/** The facts a cell counts, in the months it counts them: each household once per aggregate row, as the cell does. */
export function contributions(measure: Measure, facts: FactRow[], months: string[]): Contribution[] {
  const used = monthsCounted(measure, months);
  const seen = new Set<string>();
  const out: Contribution[] = [];
  for (const row of facts) {
    if (!takes(measure, row, used)) continue;
    // Rescues have no household: they are counted in 人次 only.
    if (measure.count === 'households' && 'householdId' in row.fact) {
      const key = `${row.group}|${row.fact.householdId}`;
      if (seen.has(key)) continue;
      seen.add(key);
    }
    out.push({ row, value: valueOf(row, measure.count) });
  }
  return out;
}
