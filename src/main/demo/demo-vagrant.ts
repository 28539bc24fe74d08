/**
 * The demo county's rescue station (流浪乞讨人员救助): about eighty people found over the past fourteen
 * months, most in 城关街道, from other provinces. Most went home escorted or were picked up by family, some
 * were transferred to a hospital or the welfare home, a few could not be identified, and three are in the
 * station now. Each record is entered by the township's clerk on the day of admission and the leaving on
 * its day, through the same services as on screen, so the audit log and the monthly counts are the real ones.
 */
import { addDays, toIsoDate } from '../../shared/domain/dates';
import { RESCUE_SERVICES, type FoundBy, type RescueOutcome, type RescueService } from '../../shared/domain/vagrant';
import type { RescueFields } from '../../shared/api/vagrant.schemas';
import type { LedgerDb } from '../db/schema';
import { createRescue, updateRescue } from '../vagrant/vagrant.service';
import { SeededRandom } from './random';
import { PeopleGenerator } from './synthetic-people';
import { demoClerks, demoEnv } from './demo-env';

const RESCUES = 80;
const IN_STATION = 3;

/** Where people come from: an address code for their synthetic ID numbers, and the place as written. */
const ORIGINS = [
  { code: '510322', place: '四川省自贡市富顺县' },
  { code: '430104', place: '湖南省长沙市岳麓区' },
  { code: '420106', place: '湖北省武汉市武昌区' },
  { code: '360124', place: '江西省南昌市进贤县' },
  { code: '450103', place: '广西壮族自治区南宁市青秀区' },
  { code: '522601', place: '贵州省凯里市' },
];

const SPOTS = ['汽车站', '火车站广场', '农贸市场', '人民公园', '商业街', '县医院门口', '桥洞下', '高速公路服务区'];
const FOUND_BY_WEIGHTS: FoundBy[] = ['police', 'police', 'urban_mgmt', 'public', 'patrol', 'patrol', 'self', 'self', 'other'];
const KNOWN_OUTCOMES: RescueOutcome[] = ['escorted_home', 'escorted_home', 'escorted_home', 'escorted_home', 'escorted_home', 'family_pickup', 'family_pickup', 'family_pickup', 'self_left', 'transferred'];
const UNKNOWN_OUTCOMES: RescueOutcome[] = ['transferred', 'transferred', 'family_pickup', 'settled', 'self_left'];
const INSTITUTIONS = ['县人民医院', '县社会福利院', '市精神卫生中心', '市救助管理站'];
const LOOKS = ['身高约 170 厘米，偏瘦，短发，穿深色棉衣', '身高约 160 厘米，头发花白，右腿行走不便', '中等身材，蓄须，言语不清', '身高约 175 厘米，左臂有文身，神情呆滞'];
const NOTES = [null, null, null, '自述外出务工失散', '经公安人像比对核实身份', '与家属视频确认身份'];

/** The services a stay ends up with: food and lodging always, and what the person and the outcome called for. */
function servicesOf(rng: SeededRandom, outcome: RescueOutcome | null, known: boolean, month: number): RescueService[] {
  const wanted = new Set<RescueService>(['food_lodging']);
  if (outcome === 'escorted_home' || outcome === 'self_left' || rng.chance(0.2)) wanted.add('ticket');
  if (outcome === 'transferred' || rng.chance(0.25)) wanted.add('medical');
  if (!known || rng.chance(0.3)) wanted.add('family_search');
  if (rng.chance(0.2)) wanted.add('psych');
  if (month >= 11 || month <= 2 || rng.chance(0.15)) wanted.add('clothing');
  return RESCUE_SERVICES.filter((s) => wanted.has(s));
}

export async function demoVagrant(db: LedgerDb, at: Date): Promise<{ rescues: number; inStation: number }> {
  // Its own seed, so the rest of the demo county stays the same whatever is added before it.
  const rng = new SeededRandom(20261123);
  const people = new Map(ORIGINS.map((o, i) => [o.code, new PeopleGenerator(7100 + i, o.code)]));
  const today = toIsoDate(at);
  const envFor = await demoEnv(db);
  const clerkOf = await demoClerks(db);
  const townships = await db.selectFrom('townships').select(['id', 'name']).orderBy('code').execute();
  // The county town's stations and streets find most; every township some.
  const found = townships.filter((t) => clerkOf.has(t.id)).flatMap((t) => (t.name.endsWith('街道') ? [t, t, t, t] : [t]));

  // Admissions in date order (numbers run with the dates), the last few still in the station.
  const days = Array.from({ length: RESCUES - IN_STATION }, () => addDays(today, -rng.int(12, 425))).sort();
  days.push(...Array.from({ length: IN_STATION }, (_, i) => addDays(today, -(IN_STATION - i) * 3)));

  let created = 0;
  for (const [i, admittedOn] of days.entries()) {
    const township = rng.pick(found);
    const clerk = clerkOf.get(township.id)!;
    const origin = rng.pick(ORIGINS);
    const known = rng.chance(0.93);
    const sex = rng.chance(0.8) ? 'male' : 'female';
    const year = Number(admittedOn.slice(0, 4));
    const person = people.get(origin.code)!.person({ sex, bornFrom: year - 72, bornTo: year - 19 });
    const staying = i >= RESCUES - IN_STATION;
    const outcome = staying ? null : rng.pick(known ? KNOWN_OUTCOMES : UNKNOWN_OUTCOMES);
    // About ten days on average; a transfer waits longer for a place, a family pickup is quick.
    const stay = outcome === 'transferred' ? rng.int(5, 30) : outcome === 'family_pickup' ? rng.int(0, 6) : rng.int(2, 14);
    const leftOn = outcome ? [addDays(admittedOn, stay), today].sort()[0]! : null;
    const fields: RescueFields = {
      townshipId: township.id,
      foundOn: rng.chance(0.2) ? addDays(admittedOn, -1) : admittedOn,
      foundPlace: `${township.name}${rng.pick(SPOTS)}`,
      foundBy: rng.pick(FOUND_BY_WEIGHTS),
      identityKnown: known,
      name: known ? person.name : null,
      idNumber: known && rng.chance(0.85) ? person.idNumber : null,
      sex,
      estimatedAge: known ? null : rng.int(35, 70),
      description: known ? null : rng.pick(LOOKS),
      nativePlace: known ? origin.place : null,
      admittedOn,
      services: servicesOf(rng, outcome, known, Number(admittedOn.slice(5, 7))),
      leftOn: null,
      outcome: null,
      destination: null,
      notes: known ? rng.pick(NOTES) : null,
    };
    const env = envFor(clerk, admittedOn);
    const { id } = await createRescue(db, env.actor, env.at, env.scope, admittedOn, fields);
    created += 1;
    if (!outcome || !leftOn) continue;
    const destination = outcome === 'escorted_home' ? origin.place : outcome === 'transferred' ? rng.pick(INSTITUTIONS) : null;
    const leaveEnv = envFor(clerk, leftOn);
    await updateRescue(db, leaveEnv.actor, leaveEnv.at, leaveEnv.scope, leftOn, { ...fields, id, version: 0, leftOn, outcome, destination });
  }
  return { rescues: created, inStation: IN_STATION };
}
