/**
 * A year of rescue work by month (月度统计): rescues admitted (人次), exits by outcome, the average stay of
 * those who left in the month, and how many were in the station at the month's end. Reads only the stays
 * that touch the year (admitted by its end and not gone before its start), on the admission and leaving indexes.
 */
import { lastDayOf } from '../../shared/domain/dates';
import { stayDays, type RescueOutcome } from '../../shared/domain/vagrant';
import type { RescueMonth, RescueMonthly } from '../../shared/api/vagrant.schemas';
import type { Scope } from '../../shared/domain/roles';
import type { Executor } from '../db/schema';

interface Stay {
  admitted_on: string;
  left_on: string | null;
  outcome: string | null;
}

const EXIT_COLUMNS: Record<RescueOutcome, 'escortedHome' | 'familyPickup' | 'transferred' | 'otherExits'> = {
  escorted_home: 'escortedHome',
  family_pickup: 'familyPickup',
  transferred: 'transferred',
  self_left: 'otherExits',
  settled: 'otherExits',
  died: 'otherExits',
};

/** One decimal, as the table shows it; null for nobody. */
const average = (days: number[]) => (days.length === 0 ? null : Math.round((days.reduce((a, b) => a + b, 0) / days.length) * 10) / 10);

function counts(month: string | null, stays: Stay[], exits: Stay[], today: string): Omit<RescueMonth, 'inStationAtEnd'> {
  const out = { month, rescues: stays.length, escortedHome: 0, familyPickup: 0, transferred: 0, otherExits: 0 };
  for (const s of exits) out[EXIT_COLUMNS[s.outcome as RescueOutcome] ?? 'otherExits'] += 1;
  return { ...out, averageStayDays: average(exits.map((s) => stayDays(s.admitted_on, s.left_on, today))) };
}

export async function rescueMonthly(db: Executor, year: number, scope: Scope, townshipId: string | undefined, today: string): Promise<RescueMonthly> {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  let q = db
    .selectFrom('vagrant_rescues')
    .select(['admitted_on', 'left_on', 'outcome'])
    .where('admitted_on', '<=', end)
    .where((eb) => eb.or([eb('left_on', 'is', null), eb('left_on', '>=', start)]));
  if (scope.kind === 'township') q = q.where('township_id', '=', scope.townshipId);
  if (townshipId) q = q.where('township_id', '=', townshipId);
  const stays = await q.execute();

  const months: RescueMonth[] = [];
  for (let m = 1; m <= 12; m++) {
    const month = `${year}-${String(m).padStart(2, '0')}`;
    const admitted = stays.filter((s) => s.admitted_on.startsWith(month));
    const left = stays.filter((s) => s.left_on?.startsWith(month));
    const begun = `${month}-01` <= today;
    // The current month is counted up to today; months still to come have nobody at their end yet.
    const cutoff = lastDayOf(month) < today ? lastDayOf(month) : today;
    const inStation = begun ? stays.filter((s) => s.admitted_on <= cutoff && (s.left_on === null || s.left_on > cutoff)).length : null;
    months.push({ ...counts(month, admitted, left, today), inStationAtEnd: inStation });
  }
  const inYear = (d: string | null) => d !== null && d >= start && d <= end;
  const counted = months.filter((m) => m.inStationAtEnd !== null);
  const total: RescueMonth = {
    ...counts(
      null,
      stays.filter((s) => inYear(s.admitted_on)),
      stays.filter((s) => inYear(s.left_on)),
      today,
    ),
    inStationAtEnd: counted.at(-1)?.inStationAtEnd ?? null,
  };
  return { year, today, months, total };
}
