/**
 * The demo county's approval work: cases at every step of every kind, opened days or weeks ago by the
 * demo staff through the real engine, so 审批待办 has due dates, overdue cases, a notice list, approvals
 * with their enrollments, a rejection with its notice, 临时救助 and reviews falling due.
 */
import { addDays, ageOn, toIsoDate } from '../../shared/domain/dates';
import type { ActionData } from '../../shared/api/cases.schemas';
import type { CaseKind } from '../../shared/domain/workflow/types';
import type { LedgerDb } from '../db/schema';
import { actOnCase, startCase } from '../cases/cases.service';
import type { SeededRandom } from './random';
import { demoClerks, demoEnv } from './demo-env';

/** An action by a user ('clerk': the township's clerk), or a number of days to let pass (a notice running). */
type Step = [user: string, action: string, opinion: string, data?: ActionData] | number;

export async function demoCases(db: LedgerDb, at: Date, rng: SeededRandom): Promise<number> {
  const today = toIsoDate(at);
  const envFor = await demoEnv(db);
  const clerkOf = await demoClerks(db);
  // Households with nobody covered yet, by township, to apply from.
  const free = await db
    .selectFrom('households as h')
    .select(['h.id', 'h.township_id'])
    .where((eb) => eb.not(eb.exists(eb.selectFrom('enrollments as e').select('e.id').whereRef('e.household_id', '=', 'h.id'))))
    .orderBy('h.id')
    .execute();
  let made = 0;

  /** Opens a case `daysAgo` days ago and walks it through `steps`, one day apart unless told to wait. */
  async function run(kind: CaseKind, householdId: string, townshipId: string, daysAgo: number, input: Record<string, unknown>, steps: Step[]) {
    const clerk = clerkOf.get(townshipId) ?? 'clerk';
    let day = addDays(today, -daysAgo);
    try {
      const { id } = await startCase(db, envFor(clerk, day), { kind, householdId, personIds: [], category: null, unstableIncome: false, reason: '家庭困难，申请救助', ...input });
      for (const step of steps) {
        if (typeof step === 'number') {
          day = addDays(day, step);
          continue;
        }
        const [who, action, opinion, data] = step;
        const user = who === 'clerk' ? clerk : who;
        day = addDays(day, 1);
        const { version } = await db.selectFrom('cases').select('version').where('id', '=', id).executeTakeFirstOrThrow();
        const on = day > today ? today : day;
        // A home visit is recorded on the day of the step.
        const recorded = data?.visitDate ? { ...data, visitDate: on } : (data ?? {});
        await actOnCase(db, envFor(user, on), { caseId: id, version, action, opinion, data: recorded });
      }
      made += 1;
    } catch {
      // The demo draws at random; a draw the rules refuse is simply left out.
    }
  }

  const investigated = (income: number, size: number): Step => ['clerk', 'complete', `入户调查：家庭月收入 ${income / 100} 元，与申报一致`, { monthlyIncomeFen: income, familySize: size, visitDate: today }];
  const toNotice: Step[] = [['clerk', 'accept', '材料齐全，予以受理'], investigated(90000, 3), ['clerk', 'pass', '符合低保条件，同意公示']];
  for (const [i, h] of free.slice(0, 40).entries()) {
    const members = await db.selectFrom('persons').select(['id', 'birth_date', 'relation']).where('household_id', '=', h.id).execute();
    const income = rng.int(2, 12) * 10000;
    const dibao = { monthlyIncomeFen: income };
    switch (i % 10) {
      case 0:
        await run('dibao_new', h.id, h.township_id, 1, dibao, []);
        break;
      case 1:
        await run('dibao_new', h.id, h.township_id, 6, dibao, [['clerk', 'accept', '予以受理']]);
        break;
      case 2:
        await run('dibao_new', h.id, h.township_id, 3, dibao, toNotice.slice(0, 2).concat([['clerk', 'pass', '同意公示']]));
        break;
      case 3:
        await run('dibao_new', h.id, h.township_id, 20, dibao, [...toNotice, 7, ['clerk', 'no_objection', '公示 7 天无异议']]);
        break;
      case 4:
        // Waiting for the county past its 10 working days: red in the reviewer's inbox.
        await run('dibao_new', h.id, h.township_id, 40, dibao, [...toNotice, 7, ['clerk', 'no_objection', '公示 7 天无异议']]);
        break;
      case 5:
        await run('dibao_new', h.id, h.township_id, 35, dibao, [...toNotice, 7, ['clerk', 'no_objection', '公示无异议'], ['reviewer', 'confirm', '经审核，符合低保条件，予以确认']]);
        break;
      case 6:
        await run('dibao_new', h.id, h.township_id, 30, { monthlyIncomeFen: 300000 }, [
          ['clerk', 'accept', '予以受理'],
          investigated(300000, members.length),
          ['clerk', 'reject', '家庭人均收入高于当地低保标准，不符合条件'],
        ]);
        break;
      case 7: {
        const old = members.find((m) => ageOn(m.birth_date, today) >= 80);
        if (old) await run('gaoling_new', h.id, h.township_id, 4, { personIds: [old.id] }, [['clerk', 'pass', '年龄核实无误，报县级确认']]);
        else await run('linshi_emergency', h.id, h.township_id, 2, { requestedAmountFen: 150000 }, [['clerk', 'pay', '突发火灾，先行救助 1500 元', { amountFen: 150000 }]]);
        break;
      }
      case 8:
        await run('linshi_expense', h.id, h.township_id, 5, { requestedAmountFen: 500000, reason: '重病住院，自付医疗费用高' }, [['clerk', 'complete', '核实住院费用清单', { visitDate: today }]]);
        break;
      default:
        await run('dibao_new', h.id, h.township_id, 12, dibao, toNotice);
    }
  }
  return made;
}
