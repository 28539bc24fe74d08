/**
 * Forms defined as data: each numeric column names what it counts (households, persons, amount or cases),
 * from which facts (paid in the month, newly started, stopped, amount changed, 临时救助 granted) and which
 * of them. The engine sums the facts by township for the cell, and lists the same facts for its drill-down,
 * so a cell and its named rows cannot disagree. Stock columns (how many are covered) read the period's
 * last month; flow columns (new, stopped, spending) add up its months.
 */
import { isHouseholdProgram } from '../../shared/domain/programs';
import type { ReportColumn } from '../../shared/api/reports.schemas';
import type { EnrollmentFact, ReliefFact } from './month-facts';

export type ChangeFact = EnrollmentFact & { previousFen: number };

/** The facts of one month. */
export interface MonthFacts {
  month: string;
  paid: EnrollmentFact[];
  stopped: EnrollmentFact[];
  changed: ChangeFact[];
  relief: ReliefFact[];
}

export type Source = 'paid' | 'new' | 'stopped' | 'increased' | 'decreased' | 'relief';
export type Count = 'households' | 'persons' | 'amount' | 'cases' | 'delta';

export interface Measure {
  source: Source;
  count: Count;
  /** Which facts of the source this column takes. */
  match?: (fact: EnrollmentFact, month: string) => boolean;
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
  fact: EnrollmentFact | ReliefFact;
  month: string;
  value: number;
}

const isStock = (m: Measure) => m.source === 'paid' && (m.count === 'households' || m.count === 'persons');

function factsOf(m: MonthFacts, source: Source): (EnrollmentFact | ReliefFact)[] {
  switch (source) {
    case 'paid':
      return m.paid;
    case 'new':
      return m.paid.filter((f) => f.startMonth === m.month);
    case 'stopped':
      return m.stopped;
    case 'increased':
      return m.changed.filter((f) => f.amountFen > f.previousFen);
    case 'decreased':
      return m.changed.filter((f) => f.amountFen < f.previousFen);
    case 'relief':
      return m.relief;
  }
}

function valueOf(fact: EnrollmentFact | ReliefFact, count: Count): number {
  if ('caseId' in fact) return count === 'amount' ? fact.amountFen : 1;
  switch (count) {
    case 'households':
    case 'cases':
      return 1;
    case 'persons':
      return isHouseholdProgram(fact.program) ? fact.covered : 1;
    case 'amount':
      return fact.amountFen;
    case 'delta':
      return Math.abs(fact.amountFen - (fact as ChangeFact).previousFen);
  }
}

/** The facts a cell counts, in the months it counts them. Households are counted once per cell. */
export function contributions(measure: Measure, months: MonthFacts[], inRow: (townshipId: string) => boolean): Contribution[] {
  const used = isStock(measure) ? months.slice(-1) : months;
  const out: Contribution[] = [];
  const seenHouseholds = new Set<string>();
  for (const m of used) {
    for (const fact of factsOf(m, measure.source)) {
      if (!inRow(fact.townshipId)) continue;
      if (!('caseId' in fact) && measure.match && !measure.match(fact, m.month)) continue;
      if (measure.count === 'households') {
        const key = `${m.month}|${fact.householdId}`;
        if (seenHouseholds.has(key)) continue;
        seenHouseholds.add(key);
      }
      out.push({ fact, month: m.month, value: valueOf(fact, measure.count) });
    }
  }
  return out;
}


/** A column's cells for every township at once: one pass over the facts. */
export function cellsByTownship(measure: Measure, months: MonthFacts[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of contributions(measure, months, () => true)) out.set(c.fact.townshipId, (out.get(c.fact.townshipId) ?? 0) + c.value);
  return out;
}
