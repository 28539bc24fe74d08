/**
 * The demo county's beneficiaries: every program has people in it, entered through the administrator's
 * initial load (建账) with the real rules (conflicts, ages, standards), plus a few edits with reasons so
 * timelines have a story, and people about to cross an age line so the 工作台 has something to show.
 */
import type { Actor } from '../audit/audit.service';
import type { LedgerDb } from '../db/schema';
import { ageOn, addDays, addYears, toIsoDate } from '../../shared/domain/dates';
import { gaolingBand, type Program } from '../../shared/domain/programs';
import { standardItemFor } from '../../shared/domain/standards';
import { createInitialEnrollment } from '../enrollments/enrollments.service';
import { registerHouseholds, updateHousehold, updatePerson } from '../households/households.service';
import { standardOn } from '../standards/standards.repository';
import { saveStandard } from '../standards/standards.service';
import type { SeededRandom } from './random';
import { PeopleGenerator } from './synthetic-people';

const COUNTY: { kind: 'county' } = { kind: 'county' };

interface Ctx {
  db: LedgerDb;
  actor: Actor;
  at: Date;
  rng: SeededRandom;
  today: string;
}

async function enroll(c: Ctx, householdId: string, program: Program, personIds: string[], category: string | null, startMonth: string, amountFen: number) {
  try {
    await createInitialEnrollment(c.db, c.actor, c.at, COUNTY, { householdId, program, personIds, category, startMonth, monthlyAmountFen: amountFen, reason: '历史在保对象建账录入' });
    return true;
  } catch {
    // The demo draws at random; a draw the rules refuse (a conflict, an age) is simply not entered.
    return false;
  }
}

const monthsAgo = (today: string, n: number) => {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const total = y * 12 + (m - 1) - n;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
};

async function standardFen(c: Ctx, program: Program, category: string | null, hukou: 'urban' | 'rural', month: string): Promise<number> {
  const item = standardItemFor(program, category, hukou);
  return item ? ((await standardOn(c.db, item, `${month}-01`))?.amount_fen ?? 0) : 0;
}

export async function enrollDemoCounty(db: LedgerDb, actor: Actor, at: Date, rng: SeededRandom, townshipIds: string[], villageOf: (t: string) => string | null): Promise<number> {
  const c: Ctx = { db, actor, at, rng, today: toIsoDate(at) };
  const households = await db
    .selectFrom('households')
    .select(['id', 'hukou_type', 'head_person_id'])
    .orderBy('created_at')
    .execute();
  const persons = await db.selectFrom('persons').select(['id', 'household_id', 'birth_date', 'relation', 'name']).execute();
  const membersOf = new Map<string, typeof persons>();
  for (const p of persons) membersOf.set(p.household_id!, [...(membersOf.get(p.household_id!) ?? []), p]);
  let count = 0;
  // This year's raise of the 低保 standards, so the standards page and calculations show two versions.
  const thisYear = `${c.today.slice(0, 4)}-01-01`;
  await saveStandard(db, actor, at, { item: 'dibao_urban', amountFen: 85000, effectiveFrom: thisYear, note: '县政府批复本年度城市低保标准' });
  await saveStandard(db, actor, at, { item: 'dibao_rural', amountFen: 65000, effectiveFrom: thisYear, note: '县政府批复本年度农村低保标准' });

  for (const h of households) {
    const members = membersOf.get(h.id) ?? [];
    const hukou = h.hukou_type as 'urban' | 'rural';
    const start = monthsAgo(c.today, rng.int(1, 40));
    const ages = members.map((m) => ({ ...m, age: ageOn(m.birth_date, `${start}-01`) }));
    const alone = members.length === 1 && (ages[0]?.age ?? 0) >= 60;
    if (alone && rng.chance(0.6)) {
      const category = rng.chance(0.25) ? 'institution' : 'home';
      const fen = (await standardFen(c, 'tekun', category, hukou, start)) + rng.pick([8000, 30000, 80000]);
      if (await enroll(c, h.id, 'tekun', [members[0]!.id], category, start, fen)) count++;
    } else if (rng.chance(0.4)) {
      const standard = await standardFen(c, 'dibao', hukou, hukou, start);
      const covered = rng.chance(0.8) ? members : members.slice(0, Math.max(1, members.length - 1));
      const income = rng.int(0, Math.floor(standard / 100 / 2)) * 100;
      if (await enroll(c, h.id, 'dibao', covered.map((m) => m.id), hukou, start, Math.max(0, standard - income) * covered.length)) count++;
    } else if (rng.chance(0.12)) {
      if (await enroll(c, h.id, 'dibao_edge', [], hukou, start, 0)) count++;
    }
    for (const m of ages) {
      const band = gaolingBand(m.age);
      if (band && rng.chance(0.9)) {
        if (await enroll(c, h.id, 'gaoling', [m.id], band, start, await standardFen(c, 'gaoling', band, hukou, start))) count++;
      }
      if (m.relation === 'grandchild' && m.age < 18 && rng.chance(0.5)) {
        const program: Program = rng.chance(0.5) ? 'orphan' : 'de_facto_orphan';
        const category = program === 'orphan' ? 'home' : null;
        if (await enroll(c, h.id, program, [m.id], category, start, await standardFen(c, program, category, hukou, start))) count++;
      } else if (m.age < 16 && hukou === 'rural' && rng.chance(0.35)) {
        if (await enroll(c, h.id, 'child_care', [m.id], 'left_behind', start, 0)) count++;
      }
    }
    const elder = ages.find((m) => m.age >= 65 && m.age < 80);
    if (elder && rng.chance(0.15)) {
      if (await enroll(c, h.id, 'elder_subsidy', [elder.id], null, start, rng.pick([5000, 10000]))) count++;
    }
  }

  // People about to cross a line, so the age-event list shows them at once.
  const people = new PeopleGenerator(777, '431122');
  const bornToTurn = (age: number, inDays: number) => addYears(addDays(c.today, inDays), -age);
  const member = (p: { name: string; idNumber: string }) => ({ name: p.name, idNumber: p.idNumber });
  const edge: { name: string; idNumber: string; relation: 'self' | 'grandchild' }[][] = [
    [
      { ...member(people.person({ bornFrom: 1940, bornTo: 1950 })), relation: 'self' },
      { ...member(people.personBornOn(bornToTurn(18, 12))), relation: 'grandchild' },
    ],
    [{ ...member(people.personBornOn(bornToTurn(80, 20))), relation: 'self' }],
  ];
  const { householdIds } = await registerHouseholds(
    db,
    actor,
    at,
    edge.map((members, i) => ({ townshipId: townshipIds[i % townshipIds.length]!, villageId: villageOf(townshipIds[i % townshipIds.length]!), address: `示范路${i + 1}号`, hukouType: 'rural' as const, phone: null, members })),
  );
  const orphanHousehold = householdIds[0]!;
  const child = (await db.selectFrom('persons').select('id').where('household_id', '=', orphanHousehold).where('relation', '=', 'grandchild').executeTakeFirstOrThrow()).id;
  if (await enroll(c, orphanHousehold, 'orphan', [child], 'home', monthsAgo(c.today, 30), await standardFen(c, 'orphan', 'home', 'rural', monthsAgo(c.today, 30)))) count++;

  // A few corrections with reasons, so household timelines tell a story.
  for (const h of households.slice(0, 12)) {
    const full = await db.selectFrom('households').selectAll().where('id', '=', h.id).executeTakeFirstOrThrow();
    await updateHousehold(db, actor, at, COUNTY, {
      id: h.id,
      villageId: full.village_id,
      address: full.address,
      hukouType: full.hukou_type as 'urban' | 'rural',
      phone: `13${String(rng.int(100000000, 999999999))}`,
      bankName: '农村商业银行',
      bankAccount: `6230${String(rng.int(100000000, 999999999))}${String(rng.int(100000, 999999))}`,
      notes: full.notes,
      reason: '入户核实，更新联系电话和代发账户',
    });
    const head = await db.selectFrom('persons').selectAll().where('id', '=', full.head_person_id!).executeTakeFirstOrThrow();
    await updatePerson(db, actor, at, COUNTY, {
      id: head.id,
      name: head.name,
      idNumber: head.id_number,
      relation: 'self',
      ethnicity: '汉族',
      selfCare: rng.pick(['full', 'partial', 'none']),
      health: rng.pick(['healthy', 'chronic', 'serious']),
      reason: '年度复核，补录健康状况和自理能力',
    });
  }
  return count;
}
