/**
 * A period's facts summed in SQL by month, township and everything forms classify and count by: a few
 * thousand rows however large the county, from which every cell of a form is added up in JavaScript.
 */
import { sql } from 'kysely';
import type { Executor } from '../db/schema';
import { aggregateSql, groupKey, type StateMonth } from './enrollment-states';
import { byMonth, reliefCases, vagrantRescues, type FactRow } from './month-facts';

/** Aggregate rows have the shape of fact rows, without a single fact behind them. */
export type CubeRow = Omit<FactRow, 'fact'>;

export async function periodCube(db: Executor, wanted: StateMonth[]): Promise<CubeRow[]> {
  const { rows } = await aggregateSql(wanted).execute(db);
  const out: CubeRow[] = rows.flatMap((r) => {
    const group = groupKey(r, wanted.length);
    return byMonth(r, wanted, (i, month, dims, sources): CubeRow => ({
      month,
      townshipId: r.township_id,
      dims,
      sources,
      group,
      n: r.n,
      households: r.households,
      covered: Number(r[`c${i}`]),
      amount: Number(r[`a${i}`]),
      delta: Number(r[`d${i}`] ?? 0),
    }));
  });
  const relief = await reliefCases(
    db,
    wanted.map((w) => w.month),
  )
    .select([sql<string>`substr(c.closed_at, 1, 7)`.as('month'), 'c.township_id', sql<number>`count(*)`.as('n'), sql<number>`sum(coalesce(c.amount_fen, 0))`.as('amount')])
    .groupBy(['month', 'c.township_id'])
    .execute();
  for (const r of relief) out.push({ month: r.month, townshipId: r.township_id, dims: null, sources: ['relief'], group: `relief|${r.month}|${r.township_id}`, n: r.n, households: r.n, covered: r.n, amount: r.amount, delta: 0 });
  const rescues = await vagrantRescues(
    db,
    wanted.map((w) => w.month),
  )
    .select([sql<string>`substr(r.admitted_on, 1, 7)`.as('month'), 'r.township_id', sql<number>`count(*)`.as('n')])
    .groupBy(['month', 'r.township_id'])
    .execute();
  for (const r of rescues) out.push({ month: r.month, townshipId: r.township_id, dims: null, sources: ['vagrant'], group: `vagrant|${r.month}|${r.township_id}`, n: r.n, households: 0, covered: r.n, amount: 0, delta: 0 });
  return out;
}
