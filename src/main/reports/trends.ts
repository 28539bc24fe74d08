/** Households, persons and spending per program for each of the 12 months up to last month (工作台). */
import { addMonths, monthOf } from '../../shared/domain/dates';
import { PROGRAM_SHORT_LABELS, type Program } from '../../shared/domain/programs';
import type { Scope } from '../../shared/domain/roles';
import type { Trends } from '../../shared/api/reports.schemas';
import type { Executor } from '../db/schema';
import { cellsByTownship, type Measure } from './form-engine';
import { periodCube, type CubeRow } from './period-cube';

const SHOWN: Program[] = ['dibao', 'tekun', 'orphan', 'de_facto_orphan', 'gaoling'];

/** A month's figure, counted as the forms count it (households once per aggregate row, covered persons). */
function figure(measure: Measure, cube: CubeRow[], month: string, scope: Scope): number {
  let n = 0;
  for (const [township, v] of cellsByTownship(measure, cube, [month])) if (scope.kind !== 'township' || township === scope.townshipId) n += v;
  return n;
}

export async function trends(db: Executor, scope: Scope, today: string): Promise<Trends> {
  const last = addMonths(monthOf(today), -1);
  const months = Array.from({ length: 12 }, (_, i) => addMonths(last, i - 11));
  const cube = await periodCube(db, months.map((month) => ({ month, flows: false })));
  const series = SHOWN.map((program) => {
    const match = (d: { program: Program }) => d.program === program;
    return {
      program,
      label: PROGRAM_SHORT_LABELS[program],
      households: months.map((m) => figure({ source: 'paid', count: 'households', match }, cube, m, scope)),
      persons: months.map((m) => figure({ source: 'paid', count: 'persons', match }, cube, m, scope)),
      spendingFen: months.map((m) => figure({ source: 'paid', count: 'amount', match }, cube, m, scope)),
    };
  });
  return { months, series };
}
