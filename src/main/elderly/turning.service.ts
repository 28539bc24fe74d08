/**
 * 下月年满 80/90/100: living persons of the ledger reaching an age line of 高龄津贴 in a month, with the
 * 高龄津贴 they hold and what to do. Each line is one birth-date range on the persons' birth-date index,
 * bounded as ageOn counts (latestBirthForAge), so a county of any size is read without computing ages.
 */
import { addMonths, dateOfAge, lastDayOf, latestBirthForAge, monthOf } from '../../shared/domain/dates';
import { TURNING_LINES, turningAction, type TurningLine } from '../../shared/domain/elderly';
import { maskIdNumber } from '../../shared/domain/id-number';
import { COVERED_STATUSES, type EnrollmentStatus, type GaolingBand } from '../../shared/domain/programs';
import type { Scope } from '../../shared/domain/roles';
import type { TurningRow } from '../../shared/api/elderly.schemas';
import type { Executor } from '../db/schema';
import { livingPersonsInScope } from '../ledger/person-candidates';
import type { ElderlyViewer } from './elderly-viewer';

/** At most this many per line: a county sees a few hundred a month; more would be a data problem. */
export const TURNING_LIMIT = 2000;

export async function turning(db: Executor, scope: Scope, viewer: ElderlyViewer, input: { month?: string; townshipId?: string }) {
  const month = input.month ?? addMonths(monthOf(viewer.today), 1);
  const before = lastDayOf(addMonths(month, -1));
  const end = lastDayOf(month);
  let truncated = false;
  const found: { line: TurningLine; p: Awaited<ReturnType<ReturnType<typeof personsOf>['execute']>>[number] }[] = [];
  for (const line of TURNING_LINES) {
    // Under `line` on the last day of last month, and `line` or more on the last day of this one.
    const rows = await personsOf(db, scope, input.townshipId)
      .where('p.birth_date', '>', latestBirthForAge(before, line))
      .where('p.birth_date', '<=', latestBirthForAge(end, line))
      .orderBy('p.birth_date')
      .limit(TURNING_LIMIT + 1)
      .execute();
    if (rows.length > TURNING_LIMIT) truncated = true;
    for (const p of rows.slice(0, TURNING_LIMIT)) found.push({ line, p });
  }
  const held = await gaolingHeld(
    db,
    found.map((f) => f.p.id),
  );
  const rows: TurningRow[] = found.map(({ line, p }) => {
    const enrollment = held.get(p.id) ?? null;
    const what = turningAction(line, enrollment?.band ?? null);
    return {
      personId: p.id,
      householdId: p.household_id!,
      name: p.name,
      idNumber: viewer.seesIds ? p.id_number : maskIdNumber(p.id_number),
      sex: p.sex as TurningRow['sex'],
      birthDate: p.birth_date,
      townshipId: p.township_id,
      townshipName: p.township_name,
      villageName: p.village_name,
      line,
      turnsOn: dateOfAge(p.birth_date, line),
      enrollment,
      action: what.action,
      actionText: what.message,
    };
  });
  rows.sort((a, b) => a.turnsOn.localeCompare(b.turnsOn) || a.name.localeCompare(b.name, 'zh-CN'));
  return { month, rows, truncated };
}

function personsOf(db: Executor, scope: Scope, townshipId?: string) {
  let q = livingPersonsInScope(db, scope)
    .select('p.sex')
    // A survival check that found the person deceased counts, though the person's record is not edited.
    .where((eb) => eb.not(eb.exists(eb.selectFrom('survival_checks as s').select('s.id').whereRef('s.person_id', '=', 'p.id').where('s.result', '=', 'deceased'))));
  if (townshipId) q = q.where('h.township_id', '=', townshipId);
  return q;
}

/** The 高龄津贴 each person holds now (在保 or 渐退). */
async function gaolingHeld(db: Executor, personIds: string[]) {
  const out = new Map<string, { id: string; band: GaolingBand | null; status: EnrollmentStatus }>();
  for (let i = 0; i < personIds.length; i += 500) {
    const rows = await db
      .selectFrom('enrollment_members as em')
      .innerJoin('enrollments as e', 'e.id', 'em.enrollment_id')
      .select(['em.person_id', 'e.id', 'e.category', 'e.status'])
      .where('em.person_id', 'in', personIds.slice(i, i + 500))
      .where('e.program', '=', 'gaoling')
      .execute();
    // Status is judged here: with it in SQL the planner may walk every 高龄津贴 enrollment instead of these persons.
    for (const r of rows) {
      if ((COVERED_STATUSES as readonly string[]).includes(r.status)) out.set(r.person_id, { id: r.id, band: r.category as GaolingBand | null, status: r.status as EnrollmentStatus });
    }
  }
  return out;
}
