/**
 * The demo county's elderly care: survival checks (生存认证) of most 高龄津贴 beneficiaries for the half-year
 * just ended (a few missing, one found deceased, so 停发未认证人员 has something to stop) and part of the
 * current one; about 40 elderly with special difficulties registered about a year ago and visited since (some
 * villages fell behind, so reminders show overdue visits); about 30 ability assessments; and a few people
 * turning 80 or 90 next month. Nothing is stopped here: stopping is the county clerk's decision.
 */
import { addDays, addMonths, addMonthsToDate, ageOn, addYears, lastDayOf, monthOf, toIsoDate } from '../../shared/domain/dates';
import { ASSESSMENT_LEVELS, DEFAULT_ELDER_POLICY, elderVisitIntervalMonths, levelOfScore, periodEnd, periodJustEnded, periodMonths, periodOf, periodStart, type ElderDifficulty } from '../../shared/domain/elderly';
import type { LedgerDb } from '../db/schema';
import { registerHouseholds } from '../households/households.service';
import { createInitialEnrollment } from '../enrollments/enrollments.service';
import { recordSurvival } from '../elderly/survival.service';
import { registerElder } from '../elderly/elders.service';
import { recordElderVisit } from '../elderly/elder-visits.service';
import { recordAssessment } from '../elderly/assessments.service';
import type { SeededRandom } from './random';
import type { PeopleGenerator } from './synthetic-people';
import { demoClerks, demoEnv } from './demo-env';

const FINDINGS = ['老人身体状况稳定，生活基本能自理', '独自居住，家中整洁，按时服药', '腿脚不便，已提醒子女多来照看', '冬季取暖设施不足，已登记需求', '血压偏高，建议到村卫生室复查', '情绪低落，与子女联系较少，已安排志愿者陪伴'];
const NEEDS = [null, null, '助餐服务', '取暖器', '家庭医生签约', '适老化改造'];
const ORGANISATIONS = ['县养老服务指导中心', '乡镇卫生院', '县社会福利院评估室'];

export interface DemoElderly {
  checks: number;
  elders: number;
  visits: number;
  assessments: number;
}

export async function demoElderly(db: LedgerDb, at: Date, people: PeopleGenerator, rng: SeededRandom): Promise<DemoElderly> {
  const today = toIsoDate(at);
  const envFor = await demoEnv(db);
  const clerkOf = await demoClerks(db);
  await turningNextMonth(db, today, people, envFor);

  // 生存认证: most beneficiaries checked for the half-year just ended, over half so far for this one.
  const beneficiaries = await db
    .selectFrom('enrollments as e')
    .innerJoin('persons as p', 'p.id', 'e.person_id')
    .select(['e.person_id', 'e.township_id', 'e.start_month', 'p.birth_date'])
    .where('e.program', '=', 'gaoling')
    .where('e.status', 'in', ['active', 'tapering'])
    .where('p.deceased_on', 'is', null)
    .orderBy('e.id')
    .execute();
  let checks = 0;
  let deceased = false;
  const ended = periodJustEnded(today);
  for (const b of beneficiaries) {
    const clerk = clerkOf.get(b.township_id);
    if (!clerk) continue;
    for (const period of [ended, periodOf(today)]) {
      if (b.start_month > periodMonths(period).last) continue;
      const current = period !== ended;
      if (rng.chance(current ? 0.4 : 0.1)) continue;
      const from = periodStart(period) > `${b.start_month}-01` ? periodStart(period) : `${b.start_month}-01`;
      const to = current ? today : periodEnd(period);
      if (from > to) continue;
      const day = addDays(from, rng.int(0, Math.max(0, Math.min(150, daysFrom(from, to)))));
      const dies = !current && !deceased && ageOn(b.birth_date, day) >= 85 && daysFrom(from, day) > 30;
      const env = envFor(clerk, day);
      await recordSurvival(db, env.actor, env.at, env.scope, day, {
        personId: b.person_id!,
        period,
        checkedOn: day,
        method: dies ? 'home' : rng.pick(['face', 'face', 'face', 'home', 'video', 'institution'] as const),
        result: dies ? 'deceased' : 'alive',
        deceasedOn: dies ? addDays(day, -rng.int(3, 20)) : null,
      });
      if (dies) deceased = true;
      checks += 1;
      // Once dead, no check of the current half-year.
      if (dies) break;
    }
  }

  // 特殊困难老年人: about 40, registered about a year ago (on different days, so visits fall due on different days).
  const earliest = addDays(today, -400);
  const candidates = await db
    .selectFrom('persons as p')
    .innerJoin('households as h', 'h.id', 'p.household_id')
    .select(['p.id', 'p.birth_date', 'h.township_id'])
    .where('p.birth_date', '<=', addYears(earliest, -62))
    .where('p.deceased_on', 'is', null)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('survival_checks as s').select('s.id').whereRef('s.person_id', '=', 'p.id').where('s.result', '=', 'deceased'))))
    .orderBy('p.id')
    .execute();
  let elders = 0;
  let visits = 0;
  let assessments = 0;
  for (const c of candidates) {
    const clerk = clerkOf.get(c.township_id);
    if (!clerk || elders >= 40 || !rng.chance(0.35)) continue;
    const opened = addDays(earliest, rng.int(0, 70));
    const age = ageOn(c.birth_date, opened);
    const difficulties = new Set<ElderDifficulty>([rng.pick(['alone', 'alone', 'empty_nest', 'empty_nest', 'left_behind', 'disabled', 'severe_disability', 'bereaved'] as const)]);
    if (age >= 80 && rng.chance(0.7)) difficulties.add('very_old');
    if (rng.chance(0.25)) difficulties.add(rng.pick(['disabled', 'empty_nest'] as const));
    const env = envFor(clerk, opened);
    const contact = rng.chance(0.7) ? people.person({ bornFrom: 1965, bornTo: 1990 }) : null;
    await registerElder(db, env.actor, env.at, env.scope, opened, {
      personId: c.id,
      difficulties: [...difficulties],
      contactName: contact ? `${contact.name}（子女）` : null,
      contactPhone: contact ? `139${String(rng.int(10_000_000, 99_999_999))}` : null,
    });
    elders += 1;
    // Visits on the interval, a few days either side; one file in five has fallen behind lately.
    const months = elderVisitIntervalMonths(DEFAULT_ELDER_POLICY, [...difficulties]);
    const behindFrom = rng.chance(0.2) ? addDays(today, -rng.int(40, 120)) : today;
    for (let on = addMonthsToDate(opened, months); on <= behindFrom; on = addMonthsToDate(on, months)) {
      const day = addDays(on, rng.int(-4, 3));
      if (day > today) break;
      const visitEnv = envFor(clerk, day);
      await recordElderVisit(db, visitEnv.actor, visitEnv.at, visitEnv.scope, day, {
        personId: c.id,
        visitedOn: day,
        kind: rng.pick(['home', 'home', 'home', 'phone', 'video'] as const),
        visitor: rng.pick(['村委委员', '网格员', '乡镇社工', '养老服务站工作人员']),
        findings: rng.pick(FINDINGS),
        needs: rng.pick(NEEDS),
        followUp: null,
      });
      visits += 1;
    }
    // About three in four have been assessed (能力综合评估) in the past year.
    if (assessments < 30 && rng.chance(0.8)) {
      const day = addDays(today, -rng.int(10, 330));
      const score = difficulties.has('severe_disability') || difficulties.has('disabled') ? rng.int(15, 60) : rng.int(55, 90);
      const base = ASSESSMENT_LEVELS.indexOf(levelOfScore(score));
      const level = ASSESSMENT_LEVELS[Math.min(ASSESSMENT_LEVELS.length - 1, base + (rng.chance(0.1) ? 1 : 0))]!;
      const assessEnv = envFor(clerk, day);
      await recordAssessment(db, assessEnv.actor, assessEnv.at, assessEnv.scope, day, {
        personId: c.id,
        assessedOn: day,
        assessor: `${people.person({ bornFrom: 1975, bornTo: 1995 }).name}`,
        organisation: rng.pick(ORGANISATIONS),
        score,
        level,
        notes: level === 'intact' ? null : rng.pick(['行走需扶持', '需协助洗澡、穿衣', '近期记忆力减退', '夜间需有人照看']),
      });
      assessments += 1;
    }
  }
  return { checks, elders, visits, assessments };
}

const daysFrom = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** Two people turning 80 next month, and one turning 90 who still draws the 80–89 band. */
async function turningNextMonth(db: LedgerDb, today: string, people: PeopleGenerator, envFor: Awaited<ReturnType<typeof demoEnv>>) {
  const admin = envFor('admin', today);
  const next = addMonths(monthOf(today), 1);
  const day = (n: number) => `${next}-${String(Math.min(n, Number(lastDayOf(next).slice(8)))).padStart(2, '0')}`;
  const townships = await db.selectFrom('townships').select('id').orderBy('code').execute();
  const villageOf = async (townshipId: string) => (await db.selectFrom('villages').select('id').where('township_id', '=', townshipId).orderBy('code').executeTakeFirst())?.id ?? null;
  const births = [addYears(day(6), -80), addYears(day(19), -80), addYears(day(11), -90)];
  const input = [];
  for (const [i, birth] of births.entries()) {
    const townshipId = townships[(i + 1) % townships.length]!.id;
    const p = people.personBornOn(birth);
    input.push({ townshipId, villageId: await villageOf(townshipId), address: `敬老路${i + 1}号`, hukouType: 'rural' as const, phone: null, members: [{ name: p.name, idNumber: p.idNumber, relation: 'self' as const }] });
  }
  const { householdIds } = await registerHouseholds(db, admin.actor, admin.at, input, { reason: '建账：录入高龄老人家庭' });
  // The one turning 90 has drawn the 80–89 band for two years.
  const ninety = householdIds[2]!;
  const person = await db.selectFrom('persons').select('id').where('household_id', '=', ninety).executeTakeFirstOrThrow();
  const start = addMonths(monthOf(today), -24);
  await createInitialEnrollment(db, admin.actor, admin.at, admin.scope, { householdId: ninety, program: 'gaoling', personIds: [person.id], category: '80', startMonth: start, monthlyAmountFen: 5000, reason: '历史在保对象建账录入' });
}
