/**
 * Thirteen months of the demo county's past, made through the real workflow engine on the days they would
 * have happened: stops (停保), increases and decreases (增发/减发, 增减保障人口) and tapers (渐退) decided in past months,
 * so every form, comparison and trend shows real movement for the months before today.
 */
import { addDays, addMonths, monthOf, toIsoDate } from '../../shared/domain/dates';
import type { ActionData } from '../../shared/api/cases.schemas';
import type { CaseKind } from '../../shared/domain/workflow/types';
import type { LedgerDb } from '../db/schema';
import { actOnCase, startCase } from '../cases/cases.service';
import type { SeededRandom } from './random';
import { demoClerks, demoEnv } from './demo-env';

type Step = [user: string, action: string, data?: ActionData];

export async function demoHistory(db: LedgerDb, at: Date, rng: SeededRandom): Promise<number> {
  const today = toIsoDate(at);
  const envFor = await demoEnv(db);
  const clerkOf = await demoClerks(db);
  // Enrollments running for at least 14 months, oldest first, so a past decision finds them in force.
  const candidates = await db
    .selectFrom('enrollments')
    .select(['id', 'household_id', 'township_id', 'program', 'monthly_amount_fen', 'start_month'])
    .where('status', '=', 'active')
    .where('end_month', 'is', null)
    .where('program', 'in', ['dibao', 'tekun', 'gaoling'])
    .where('start_month', '<=', addMonths(monthOf(today), -14))
    .orderBy('id')
    .execute();
  const picked = rng.shuffle(candidates).slice(0, 24);
  let made = 0;
  for (const [i, e] of picked.entries()) {
    // Spread over the 12 months before this one: decided on a working morning mid-month.
    const day = `${addMonths(monthOf(today), -1 - (i % 12))}-1${rng.int(0, 5)}`;
    const clerk = clerkOf.get(e.township_id) ?? 'clerk';
    const visit: Step = [clerk, 'complete', { visitDate: day }];
    const confirm = (label: string): Step[] => [[clerk, 'pass'], ['reviewer', 'confirm'], ...(label === 'ends' ? [[clerk, 'served'] as Step] : [])];
    let kind: CaseKind;
    let input: Record<string, unknown>;
    let steps: Step[];
    switch (i % 4) {
      case 0:
        kind = 'enrollment_stop';
        input = { reason: '家庭收入增加，已超过保障标准' };
        steps = [visit, ...confirm('ends')];
        break;
      case 1:
      case 2: {
        const up = i % 4 === 1;
        const newAmountFen = Math.max(1000, e.monthly_amount_fen + (up ? 1 : -1) * rng.int(3, 12) * 1000);
        kind = 'enrollment_change';
        input = { changeType: up ? 'increase' : 'decrease', newAmountFen, reason: up ? '家庭成员患病，支出增加' : '家庭成员就业，收入增加' };
        // In a 低保 household of three or more, the decrease is a grown child moving away (增减保障人口).
        const covered = up || e.program !== 'dibao' ? [] : await coveredMembers(db, e.id);
        const leaving = covered.findLast((m) => m.relation !== 'self');
        if (covered.length >= 3 && leaving) {
          input = { changeType: 'members', personIds: covered.filter((m) => m !== leaving).map((m) => m.id), newAmountFen, reason: '子女外出务工，户籍迁出' };
        }
        steps = [visit, ...confirm('keeps')];
        break;
      }
      default:
        if (e.program !== 'dibao') continue;
        kind = 'periodic_review';
        input = { reason: '年度复核' };
        steps = [visit, [clerk, 'propose', { reviewResult: 'taper', taperMonths: 3 }], ['reviewer', 'confirm'], [clerk, 'served']];
    }
    try {
      let on = day;
      const { id } = await startCase(db, envFor(clerk, on), { kind, householdId: e.household_id, enrollmentId: e.id, personIds: [], category: null, unstableIncome: false, ...input } as never);
      for (const [user, action, data] of steps) {
        on = addDays(on, 1) > today ? today : addDays(on, 1);
        const { version } = await db.selectFrom('cases').select('version').where('id', '=', id).executeTakeFirstOrThrow();
        await actOnCase(db, envFor(user, on), { caseId: id, version, action, opinion: '经核实，同意', data: data?.visitDate ? { ...data, visitDate: on } : (data ?? {}) });
      }
      made += 1;
    } catch {
      // A draw the rules refuse (an open case on the enrollment …) is simply left out.
    }
  }
  return made;
}

/** The members an enrollment covers, with their relation to the head. */
function coveredMembers(db: LedgerDb, enrollmentId: string) {
  return db
    .selectFrom('enrollment_members as em')
    .innerJoin('persons as p', 'p.id', 'em.person_id')
    .select(['p.id', 'p.relation'])
    .where('em.enrollment_id', '=', enrollmentId)
    .orderBy('p.id')
    .execute();
}
