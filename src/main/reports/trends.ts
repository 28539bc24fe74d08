/** Households, persons and spending per program for each of the 12 months up to last month (工作台). */
import { sql } from 'kysely';
import { addMonths, monthOf } from '../../shared/domain/dates';
import { HOUSEHOLD_PROGRAMS, PROGRAM_SHORT_LABELS, type Program } from '../../shared/domain/programs';
import type { Scope } from '../../shared/domain/roles';
import type { Trends } from '../../shared/api/reports.schemas';
import type { Executor } from '../db/schema';
import { inForce } from './month-facts';

const SHOWN: Program[] = ['dibao', 'tekun', 'orphan', 'de_facto_orphan', 'gaoling'];

export async function trends(db: Executor, scope: Scope, today: string): Promise<Trends> {
  const last = addMonths(monthOf(today), -1);
  const months = Array.from({ length: 12 }, (_, i) => addMonths(last, i - 11));
  const household = [...HOUSEHOLD_PROGRAMS];
  const series = SHOWN.map((program) => ({ program, label: PROGRAM_SHORT_LABELS[program], households: [] as number[], persons: [] as number[], spendingFen: [] as number[] }));
  for (const month of months) {
    let q = db
      .selectFrom('enrollments as e')
      .innerJoin('enrollment_amounts as s', 's.enrollment_id', 'e.id')
      .select([
        'e.program',
        sql<number>`count(distinct e.household_id)`.as('households'),
        sql<number>`sum(case when e.program in (${sql.join(household)}) then s.covered else 1 end)`.as('persons'),
        sql<number>`sum(s.amount_fen)`.as('spending'),
      ])
      .where(inForce(month))
      .where('e.start_month', '<=', month)
      .where((eb) => eb.or([eb('e.end_month', 'is', null), eb('e.end_month', '>=', month)]))
      .where('e.program', 'in', SHOWN)
      .groupBy('e.program');
    if (scope.kind === 'township') q = q.where('e.township_id', '=', scope.townshipId);
    const rows = new Map((await q.execute()).map((r) => [r.program, r]));
    for (const s of series) {
      const r = rows.get(s.program);
      s.households.push(Number(r?.households ?? 0));
      s.persons.push(Number(r?.persons ?? 0));
      s.spendingFen.push(Number(r?.spending ?? 0));
    }
  }
  return { months, series };
}
