/**
 * The demo county's children's care ledger: a 儿童主任 in each village, children of the demo households
 * (the orphans and 事实无人抚养儿童 on allowances, and left-behind, in-difficulty and migrant children),
 * registered a year ago by their township clerk and visited since on the county's intervals. Some villages
 * fell behind lately, so the 工作台 and the 探访提醒 list show overdue visits and visits due this week.
 */
import { addDays, addMonthsToDate, ageOn, toIsoDate } from '../../shared/domain/dates';
import { visitIntervalMonths, DEFAULT_VISIT_POLICY, DIFFICULTY_CAUSES, type ChildCategory, type Guardianship } from '../../shared/domain/care';
import type { LedgerDb } from '../db/schema';
import { registerChild } from '../care/children.service';
import { recordVisit } from '../care/visits.service';
import { saveDirector } from '../care/directors.service';
import type { SeededRandom } from './random';
import type { PeopleGenerator } from './synthetic-people';
import { demoClerks, demoEnv } from './demo-env';

const FINDINGS = ['孩子身体健康，学习情况正常', '监护人照料尽责，居住环境整洁', '孩子性格内向，已与班主任沟通', '冬季衣被不足，已登记需求', '学习成绩下滑，建议安排结对辅导'];
const NEEDS = [null, null, '冬衣棉被', '课外辅导', '心理疏导'];

export async function demoCare(db: LedgerDb, at: Date, people: PeopleGenerator, rng: SeededRandom): Promise<{ children: number; visits: number }> {
  const today = toIsoDate(at);
  const opened = addDays(today, -400);
  const envFor = await demoEnv(db);
  const clerkOf = await demoClerks(db);
  const villages = await db.selectFrom('villages').select(['id', 'township_id']).orderBy('code').execute();
  const directorOf = new Map<string, string>();
  for (const v of villages) {
    const clerk = clerkOf.get(v.township_id);
    if (!clerk) continue;
    const env = envFor(clerk, opened);
    const name = `${people.person({ bornFrom: 1975, bornTo: 1990 }).name}`;
    directorOf.set(v.id, await saveDirector(db, env.actor, env.at, env.scope, { townshipId: v.township_id, villageId: v.id, name, phone: `139${String(rng.int(10_000_000, 99_999_999))}`, active: true }));
  }

  const youngsters = await db
    .selectFrom('persons as p')
    .innerJoin('households as h', 'h.id', 'p.household_id')
    .leftJoin('persons as head', 'head.id', 'h.head_person_id')
    .select(['p.id', 'p.birth_date', 'h.township_id', 'h.village_id', 'h.hukou_type', 'head.id as head_id', 'head.name as head_name', 'head.id_number as head_id_number'])
    .where('p.birth_date', '>', addDays(opened, -17 * 365))
    .where('p.deceased_on', 'is', null)
    .orderBy('p.id')
    .execute();
  const allowances = new Map(
    (await db.selectFrom('enrollments').select(['person_id', 'program']).where('program', 'in', ['orphan', 'de_facto_orphan']).where('status', '!=', 'stopped').execute()).map((e) => [e.person_id, e.program]),
  );
  let children = 0;
  let visits = 0;
  for (const y of youngsters) {
    const clerk = clerkOf.get(y.township_id);
    const age = ageOn(y.birth_date, opened);
    const allowance = allowances.get(y.id);
    if (!clerk || age < 3 || (!allowance && !rng.chance(0.35))) continue;
    const category: ChildCategory = allowance === 'orphan' ? 'orphan' : allowance === 'de_facto_orphan' ? 'de_facto_orphan' : y.hukou_type === 'rural' && age < 15 ? rng.pick(['left_behind', 'left_behind', 'in_difficulty'] as const) : rng.pick(['in_difficulty', 'migrant'] as const);
    const guardianship: Guardianship = category === 'orphan' ? rng.pick(['relatives', 'state'] as const) : category === 'de_facto_orphan' ? 'relatives' : rng.pick(['parents', 'relatives', 'entrusted', 'entrusted', 'lacking'] as const);
    const guardian = y.head_id && y.head_id !== y.id && guardianship !== 'state' && guardianship !== 'lacking' ? { name: y.head_name, idNumber: y.head_id_number } : null;
    const env = envFor(clerk, opened);
    await registerChild(db, env.actor, env.at, env.scope, opened, {
      personId: y.id,
      category,
      cause: category === 'in_difficulty' ? rng.pick(DIFFICULTY_CAUSES) : null,
      guardianship,
      guardianName: guardian?.name ?? (guardianship === 'state' || guardianship === 'lacking' ? null : people.person({ sex: 'female', bornFrom: 1950, bornTo: 1965 }).name),
      guardianRelation: guardian ? '户主' : null,
      guardianIdNumber: guardian?.idNumber ?? null,
      guardianPhone: guardian ? `138${String(rng.int(10_000_000, 99_999_999))}` : null,
      directorId: (y.village_id && directorOf.get(y.village_id)) || null,
      school: age >= 6 ? `${rng.pick(['中心小学', '第一中学', '镇中学'])}` : null,
      health: rng.pick(['健康', '健康', '哮喘，需定期复诊']),
      disability: null,
      ...(rng.chance(0.5)
        ? { pairingName: people.person({ bornFrom: 1970, bornTo: 1995 }).name, pairingKind: rng.pick(['teacher', 'volunteer', 'cadre'] as const), pairingPhone: `137${String(rng.int(10_000_000, 99_999_999))}` }
        : { pairingName: null, pairingKind: null, pairingPhone: null }),
    });
    children += 1;
    // Visits on the interval, a few days either side; one file in five has fallen behind in recent months.
    const months = visitIntervalMonths(DEFAULT_VISIT_POLICY, category, guardianship);
    const behindFrom = rng.chance(0.2) ? addDays(today, -rng.int(45, 120)) : today;
    for (let on = addMonthsToDate(opened, months); on <= behindFrom; on = addMonthsToDate(on, months)) {
      const day = addDays(on, rng.int(-4, 3));
      if (day > today) break;
      const visitEnv = envFor(clerk, day);
      await recordVisit(db, visitEnv.actor, visitEnv.at, visitEnv.scope, day, {
        childId: y.id,
        visitedOn: day,
        kind: rng.pick(['home', 'home', 'school', 'phone'] as const),
        visitor: '儿童主任',
        findings: rng.pick(FINDINGS),
        needs: rng.pick(NEEDS),
        followUp: null,
      });
      visits += 1;
    }
  }
  return { children, visits };
}
