/**
 * Every enrollment's state in chosen months, read in one pass over the enrollments: for each month the
 * amount, covered persons and phase in force then, and what forms classify by (program, category, hukou,
 * the 高龄 band at the month's end). From it each month's rows carry the flags the forms count: paid that
 * month, newly started, stopped from that month (paid through the month before), amount raised or cut.
 *
 * Why it is shaped this way: a county form over 200,000 enrollments must take under a second. The three
 * values in force are packed into one integer, so each month costs one primary-key lookup in the amount
 * history; the hukou and birth date are read from covering indexes (migration 0014), so the pages a form
 * touches stay within the page cache; the states are materialized once however many months and flags read them; and only the
 * aggregates (period-cube.ts) or the drilled rows (month-facts.ts) ever reach JavaScript.
 */
import { sql, type RawBuilder } from 'kysely';
import { addMonths, lastDayOf, latestBirthForAge } from '../../shared/domain/dates';
import { GAOLING_BANDS, type Program } from '../../shared/domain/programs';

/** Amounts (in fen) stay below 100 million yuan; covered persons below 10,000. */
// Written into the SQL as literals: bound JavaScript numbers would make the divisions floating-point.
const AMOUNT = sql.raw('10000000000');
const COVERED = sql.raw('10000');
const PHASE = sql.raw('100000000000000');

/** A month to read; `flows` also reads the month before, for what stopped or changed in this one. */
export interface StateMonth {
  month: string;
  flows: boolean;
}

const packedAt = (month: string) =>
  sql<number | null>`(select (case x.phase when 'taper' then ${COVERED} else 0 end + x.covered) * ${AMOUNT} + x.amount_fen
    from enrollment_amounts x where x.enrollment_id = e.id and x.from_month <= ${month} order by x.from_month desc limit 1)`;

/** The months whose state is read: each asked for, and the month before where flows are asked for. */
function stateMonths(wanted: StateMonth[]): string[] {
  return [...new Set(wanted.flatMap(({ month, flows }) => (flows ? [addMonths(month, -1), month] : [month])))].sort();
}

/**
 * `with s as materialized (…)`: one row per enrollment that may count in any of the months, with the
 * packed state of month i as column v{i}. The 城乡 area is the category where it names one (低保 is paid
 * by the standard of its category), else the household's hukou; the birth date is read for 高龄 only.
 * `rows` adds what naming a fact needs; `programs` narrows it (a payment roster reads one program).
 */
function statesCte(months: string[], rows: boolean, programs?: readonly Program[]): RawBuilder<unknown> {
  const first = months[0]!;
  const last = months.at(-1)!;
  const narrowed = programs ? sql`and e.program in (${sql.join(programs)})` : sql``;
  const naming = rows ? sql`e.id, e.person_id,` : sql``;
  return sql`with s as materialized (
    select ${naming} e.household_id, e.township_id, e.program, e.category, e.start_month, e.end_month,
      case when e.category in ('urban', 'rural') then e.category else (select h.hukou_type from households h indexed by households_id_hukou where h.id = e.household_id) end as area,
      case when e.program = 'gaoling' then (select p.birth_date from persons p indexed by persons_id_birth where p.id = e.person_id) end as birth_date,
      ${sql.join(months.map((m, i) => sql`${packedAt(m)} as ${sql.raw(`v${i}`)}`))}
    from enrollments e not indexed
    where e.start_month <= ${last} and (e.end_month is null or e.end_month >= ${first}) ${narrowed}
  )`;
}

/** The 高龄 band at the month's end, from the same thresholds as gaolingBand(); below 80 (or unknown) counts as 80. */
function bandAt(month: string): RawBuilder<string | null> {
  const day = lastDayOf(month);
  const cases = GAOLING_BANDS.filter((b) => b.band !== '80').map((b) => sql`when birth_date <= ${latestBirthForAge(day, b.fromAge)} then ${b.band}`);
  return sql`case when program <> 'gaoling' then null ${sql.join(cases, sql` `)} else '80' end`;
}

/** Flags of a fact in a month, summed into one column: paid, newly started, stopped, amount raised, cut. */
export const FLAG = { paid: 1, new: 2, stopped: 4, raised: 8, cut: 16 } as const;

/** What a month of the states says about each row, over `s`. */
function monthTerms(month: string, flows: boolean, months: string[]) {
  const now = sql.raw(`v${months.indexOf(month)}`);
  const before = flows ? sql.raw(`v${months.indexOf(addMonths(month, -1))}`) : null;
  const amount = (v: RawBuilder<unknown>) => sql`(${v} % ${AMOUNT})`;
  const paid = sql`(start_month <= ${month} and (end_month is null or end_month >= ${month}) and ${now} is not null)`;
  const prior = addMonths(month, -1);
  const stopped = before ? sql`(end_month = ${prior} and start_month <= ${prior} and ${before} is not null)` : sql`0`;
  const changed = (op: string) => (before ? sql`(${paid} and start_month < ${month} and ${amount(now)} ${sql.raw(op)} ${amount(before)})` : sql`0`);
  // Comparisons with NULL are NULL, not false: each flag is a CASE so one unknown cannot blank the rest.
  const flag = (test: RawBuilder<unknown>, bit: number) => sql`case when ${test} then ${sql.lit(bit)} else 0 end`;
  const flags = sql`(${flag(paid, FLAG.paid)} + ${flag(sql`${paid} and start_month = ${month}`, FLAG.new)} + ${flag(stopped, FLAG.stopped)} + ${flag(changed('>'), FLAG.raised)} + ${flag(changed('<'), FLAG.cut)})`;
  // A stopped enrollment counts with what it was paid the month before.
  const counted = before ? sql`case when ${stopped} then ${before} else ${now} end` : now;
  return {
    band: bandAt(month),
    flags,
    amount: amount(counted),
    covered: sql`(${counted} / ${AMOUNT} % ${COVERED})`,
    taper: sql`(${counted} / ${PHASE})`,
    previous: before ? amount(before) : sql`null`,
    counts: before ? sql`(${paid} or ${stopped})` : paid,
  };
}

const col = (name: string, i: number) => sql.raw(`${name}${i}`);
const anyMonth = (terms: ReturnType<typeof monthTerms>[]) => sql.join(terms.map((t) => t.counts), sql` or `);
const classes = (terms: ReturnType<typeof monthTerms>[]) => terms.flatMap((t, i) => [sql`${t.band} as ${col('b', i)}`, sql`${t.flags} as ${col('f', i)}`]);

/** What every fact row and aggregate row carries; month i of the request is column b{i}, f{i}, a{i}… */
export interface StateRow {
  township_id: string;
  program: Program;
  category: string | null;
  area: 'urban' | 'rural';
  [perMonth: `${'b' | 'f' | 'a' | 'c' | 't' | 'p' | 'd'}${number}`]: number | string | null;
}

/** Each enrollment counted in any of the months: one row, with its classes and values month by month. */
export function factRowsSql(wanted: StateMonth[], townshipId?: string, programs?: readonly Program[]): RawBuilder<StateRow & { id: string; household_id: string; person_id: string | null; start_month: string }> {
  const months = stateMonths(wanted);
  const terms = wanted.map((w) => monthTerms(w.month, w.flows, months));
  const only = townshipId ? sql`and township_id = ${townshipId}` : sql``;
  const values = terms.flatMap((t, i) => [sql`${t.amount} as ${col('a', i)}`, sql`${t.covered} as ${col('c', i)}`, sql`${t.taper} as ${col('t', i)}`, sql`${t.previous} as ${col('p', i)}`]);
  return sql`${statesCte(months, true, programs)}
    select id, household_id, person_id, township_id, program, category, area, start_month, ${sql.join([...classes(terms), ...values])}
    from s where (${anyMonth(terms)}) ${only}`;
}

/**
 * The same rows summed by township and by everything they are classified by (one sort, however many
 * months). A household is counted once per aggregate row; drilled facts are deduplicated alike (groupKey).
 */
export function aggregateSql(wanted: StateMonth[]): RawBuilder<StateRow & { n: number; households: number }> {
  const months = stateMonths(wanted);
  const terms = wanted.map((w) => monthTerms(w.month, w.flows, months));
  const sums = terms.flatMap((t, i) => [
    sql`sum(${t.amount}) as ${col('a', i)}`,
    sql`sum(${t.covered}) as ${col('c', i)}`,
    sql`sum(abs(${t.amount} - ${t.previous})) as ${col('d', i)}`,
  ]);
  const groups = terms.flatMap((_, i) => [col('b', i), col('f', i)]);
  return sql`${statesCte(months, false)}
    select township_id, program, category, area, ${sql.join(classes(terms))}, count(*) as n, count(distinct household_id) as households, ${sql.join(sums)}
    from s where ${anyMonth(terms)}
    group by township_id, program, category, area, ${sql.join(groups)}`;
}

/** The aggregate row a fact row falls in: households are counted once per key. */
export const groupKey = (r: StateRow, months: number) => [r.township_id, r.program, r.category, r.area, ...Array.from({ length: months }, (_, i) => `${r[`b${i}`]}/${r[`f${i}`]}`)].join('|');
