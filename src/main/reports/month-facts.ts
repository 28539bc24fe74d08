/**
 * The facts forms count, as rows: each enrollment counted in a month (with the amount, covered persons and
 * phase in force then, and the flags of enrollment-states.ts), each 临时救助 granted and each rescue admitted
 * (流浪乞讨救助). Cells add these up in SQL (period-cube.ts); a drill-down or a roster lists them.
 */
import { sql } from 'kysely';
import { lastDayOf } from '../../shared/domain/dates';
import type { Program } from '../../shared/domain/programs';
import type { Executor } from '../db/schema';
import { factRowsSql, FLAG, groupKey, type StateMonth, type StateRow } from './enrollment-states';
import type { FactDims, Source } from './form-engine';

export interface EnrollmentFact {
  enrollmentId: string;
  householdId: string;
  personId: string | null;
  program: Program;
  category: string | null;
  townshipId: string;
  startMonth: string;
  amountFen: number;
  covered: number;
  phase: 'normal' | 'taper';
  /** The amount the month before, where it is read (for 增发 and 减发). */
  previousFen: number | null;
}

export interface ReliefFact {
  caseId: string;
  householdId: string;
  townshipId: string;
  amountFen: number;
}

/** A rescue admitted (流浪乞讨救助), counted in the township where the person was found. */
export interface VagrantFact {
  rescueId: string;
  townshipId: string;
  admittedOn: string;
}

/** One fact with what it counts in: the shape of an aggregate row, for a single fact. */
export interface FactRow {
  month: string;
  townshipId: string;
  dims: FactDims | null;
  sources: Source[];
  /** Households are counted once per group (see enrollment-states.ts). */
  group: string;
  n: number;
  households: number;
  covered: number;
  amount: number;
  delta: number;
  fact: EnrollmentFact | ReliefFact | VagrantFact;
}

/** What a month's flags count the fact in. */
export function sourcesOf(flags: number): Source[] {
  const out: Source[] = [];
  if (flags & FLAG.paid) out.push('paid');
  if (flags & FLAG.new) out.push('new');
  if (flags & FLAG.stopped) out.push('stopped');
  if (flags & FLAG.raised) out.push('increased');
  if (flags & FLAG.cut) out.push('decreased');
  return out;
}

/** One row of the states (a fact or a sum of them) as it counts in each month it counts in. */
export function byMonth<T>(r: StateRow, wanted: StateMonth[], each: (i: number, month: string, dims: FactDims, sources: Source[]) => T): T[] {
  const out: T[] = [];
  wanted.forEach(({ month }, i) => {
    const flags = Number(r[`f${i}`]);
    if (flags) out.push(each(i, month, { program: r.program, category: r.category, hukou: r.area, band: r[`b${i}`] as FactDims['band'] }, sourcesOf(flags)));
  });
  return out;
}

/** Every enrollment counted in the months, optionally of one township or some programs only. */
export async function enrollmentFacts(db: Executor, wanted: StateMonth[], townshipId?: string, programs?: readonly Program[]): Promise<FactRow[]> {
  const { rows } = await factRowsSql(wanted, townshipId, programs).execute(db);
  return rows.flatMap((r) => {
    const group = groupKey(r, wanted.length);
    return byMonth(r, wanted, (i, month, dims, sources): FactRow => {
      const amount = Number(r[`a${i}`]);
      const previous = r[`p${i}`] === null ? null : Number(r[`p${i}`]);
      const covered = Number(r[`c${i}`]);
      return {
        month,
        townshipId: r.township_id,
        dims,
        sources,
        group,
        n: 1,
        households: 1,
        covered,
        amount,
        delta: previous === null ? 0 : Math.abs(amount - previous),
        fact: {
          enrollmentId: r.id,
          householdId: r.household_id,
          personId: r.person_id,
          program: r.program,
          category: r.category,
          townshipId: r.township_id,
          startMonth: r.start_month,
          amountFen: amount,
          covered,
          phase: r[`t${i}`] ? 'taper' : 'normal',
          previousFen: previous,
        },
      };
    });
  });
}

/** The enrollments of some programs paid in a month (a payment roster). */
export async function paidIn(db: Executor, month: string, programs: readonly Program[]): Promise<EnrollmentFact[]> {
  // Without flows, the states hold only what was paid in the month.
  const rows = await enrollmentFacts(db, [{ month, flows: false }], undefined, programs);
  return rows.map((r) => r.fact as EnrollmentFact);
}

/** 临时救助 granted in the months: approved cases closed then. */
export function reliefCases(db: Executor, months: string[]) {
  const month = sql<string>`substr(c.closed_at, 1, 7)`;
  return db.selectFrom('cases as c').where('c.program', '=', 'linshi').where('c.outcome', '=', 'approved').where(month, 'in', months);
}

/** 临时救助 granted in the months, as facts. */
export async function reliefFacts(db: Executor, months: string[], townshipId?: string): Promise<FactRow[]> {
  let q = reliefCases(db, months).select(['c.id as caseId', 'c.household_id as householdId', 'c.township_id as townshipId', sql<number>`coalesce(c.amount_fen, 0)`.as('amountFen'), sql<string>`substr(c.closed_at, 1, 7)`.as('month')]);
  if (townshipId) q = q.where('c.township_id', '=', townshipId);
  return (await q.execute()).map(({ month, ...fact }) => ({ month, townshipId: fact.townshipId, dims: null, sources: ['relief'], group: `relief|${fact.caseId}`, n: 1, households: 1, covered: 1, amount: fact.amountFen, delta: 0, fact }));
}

/**
 * Rescues admitted in the months (at least one): a month counts by admission, not by leaving. The date range
 * keeps the admission index in use; the list of months keeps months apart that are not adjacent.
 */
export function vagrantRescues(db: Executor, months: string[]) {
  const sorted = [...months].sort();
  return db
    .selectFrom('vagrant_rescues as r')
    .where('r.admitted_on', '>=', `${sorted[0]}-01`)
    .where('r.admitted_on', '<=', lastDayOf(sorted.at(-1)!))
    .where(sql<string>`substr(r.admitted_on, 1, 7)`, 'in', months);
}

/** Rescues admitted in the months, as facts: one 人次 each, no household and no amount. */
export async function vagrantFacts(db: Executor, months: string[], townshipId?: string): Promise<FactRow[]> {
  let q = vagrantRescues(db, months).select(['r.id as rescueId', 'r.township_id as townshipId', 'r.admitted_on as admittedOn']);
  if (townshipId) q = q.where('r.township_id', '=', townshipId);
  return (await q.execute()).map((fact) => ({ month: fact.admittedOn.slice(0, 7), townshipId: fact.townshipId, dims: null, sources: ['vagrant'], group: `vagrant|${fact.rescueId}`, n: 1, households: 0, covered: 1, amount: 0, delta: 0, fact }));
}
