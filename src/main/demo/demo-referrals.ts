/**
 * The demo county's referrals (转介帮扶): the organisations the county works with (the county hospitals, a
 * counselling centre, schools, 春蕾计划 and other charity projects, a social work centre, a township 儿童之家…)
 * and about forty referrals of demo households over the past half year, made by their township clerk through
 * the real services. Most older referrals were answered and closed; a few were not answered in time, so the
 * 工作台 and the 已逾期 list have something to show. Some come from the households' 临时救助 cases.
 */
import { addDays, ageOn, toIsoDate } from '../../shared/domain/dates';
import type { NeedKind, OrganisationKind, ReferralStatus } from '../../shared/domain/referrals';
import type { LedgerDb } from '../db/schema';
import { saveOrganisation } from '../referrals/organisations.service';
import { createReferral, updateReferral } from '../referrals/referrals.service';
import { DEMO_COUNTY } from './demo-regions';
import type { SeededRandom } from './random';
import { demoClerks, demoEnv } from './demo-env';

interface DemoOrganisation {
  name: string;
  kind: OrganisationKind;
  services: string;
  contactName: string;
  phone: string;
  /** The needs it takes; a township's name when it serves only that township. */
  serves: NeedKind[];
  township?: string;
}

const C = DEMO_COUNTY.name;
const ORGANISATIONS: DemoOrganisation[] = [
  { name: `${C}人民医院`, kind: 'hospital', services: '内外科住院救治，医疗救助“一站式”结算', contactName: '刘主任（医务科）', phone: '0745-2261120', serves: ['medical'] },
  { name: `${C}中医医院`, kind: 'hospital', services: '慢性病门诊、康复理疗', contactName: '周医生', phone: '0745-2263380', serves: ['medical'] },
  { name: `${C}未成年人心理健康辅导中心`, kind: 'counselling', services: '儿童青少年心理评估、个体和团体辅导、危机干预', contactName: '陈老师', phone: '0745-2270012', serves: ['psychological'] },
  { name: `${C}第一中学`, kind: 'school', services: '学生资助、心理辅导、复学衔接', contactName: '学生处 黄老师', phone: '0745-2285501', serves: ['education'] },
  { name: `${C}特殊教育学校`, kind: 'school', services: '残疾儿童入学安置、送教上门', contactName: '教务处 唐老师', phone: '0745-2287730', serves: ['education'] },
  { name: '春蕾计划（示范县项目）', kind: 'charity', services: '资助困难家庭女童完成学业，每学期助学金', contactName: '县妇联 李女士', phone: '0745-2251168', serves: ['education'] },
  { name: `${C}慈善总会“温暖过冬”项目`, kind: 'charity', services: '冬季衣被、米油等生活物资', contactName: '王秘书长', phone: '0745-2252206', serves: ['living'] },
  { name: `${C}慈善总会“助学圆梦”项目`, kind: 'charity', services: '考入高中、大学的困难学生助学金', contactName: '王秘书长', phone: '0745-2252206', serves: ['education'] },
  { name: '启明社会工作服务中心', kind: 'social_org', services: '困境儿童个案服务、家庭支持、独居老人探访', contactName: '社工 邓敏', phone: '13807451234', serves: ['psychological', 'living'] },
  { name: `${C}法律援助中心`, kind: 'other', services: '免费法律咨询、代理赡养抚养纠纷和工伤案件', contactName: '值班律师', phone: '12348', serves: ['legal'] },
  { name: `${C}公共就业服务中心`, kind: 'other', services: '职业介绍、技能培训、公益性岗位', contactName: '就业股 蒋股长', phone: '0745-2240018', serves: ['employment'] },
  { name: '青山镇儿童之家', kind: 'charity', services: '课后托管、学业辅导、亲情视频', contactName: '儿童之家管理员', phone: '13974501122', serves: ['education', 'psychological'], township: '青山镇' },
  { name: '白水镇卫生院', kind: 'hospital', services: '常见病门诊、家庭医生签约随访', contactName: '公卫科', phone: '0745-2301120', serves: ['medical'], township: '白水镇' },
  { name: '梅溪乡社会工作服务站', kind: 'social_org', services: '困难群众走访、生活帮扶、心理陪伴', contactName: '站长 罗芳', phone: '13907453366', serves: ['living', 'psychological'], township: '梅溪乡' },
];

const NEEDS: Record<NeedKind, string[]> = {
  medical: ['慢性病长期服药，自付费用负担重，需要医疗救助衔接', '住院治疗后需要康复理疗', '突发重病需要住院治疗，家庭无力垫付', '腿部骨折术后行动不便，需要康复指导'],
  psychological: ['父母离异后情绪低落，不愿与人交流', '在校遭遇欺凌，出现厌学和失眠', '亲人去世后长期悲伤，需要哀伤辅导', '留守儿童性格孤僻，需要心理疏导'],
  education: ['家庭困难面临辍学，需要助学资助', '学习困难，需要课业辅导', '考入高中，学费和住宿费有困难', '残疾儿童适龄未入学，需要入学安置'],
  living: ['冬季衣被不足，需要生活物资', '独居老人无人照料，需要助餐和探访服务', '家庭突发变故，需要临时生活帮扶'],
  employment: ['有劳动能力但长期失业，需要职业介绍', '希望参加技能培训后就业'],
  legal: ['赡养纠纷，子女拒不履行赡养义务', '工伤赔偿未到位，需要法律援助', '抚养费长期未支付，需要法律咨询'],
  other: ['需要协调办理残疾人证'],
};

const OUTCOMES: Record<NeedKind, string[]> = {
  medical: ['已住院治疗出院，医疗救助“一站式”结算，自付部分减免', '已纳入家庭医生签约随访，按月复诊'],
  psychological: ['完成 6 次心理辅导，情绪明显好转，转学校心理老师跟进', '参加团体辅导 4 次，已能正常上学'],
  education: ['已获助学金资助，每学期 1000 元', '已安排课后辅导，成绩有提升', '已办理入学，纳入随班就读'],
  living: ['已送达棉被两床、米油一批', '已安排村级助餐点每日送餐'],
  employment: ['已介绍到县城物流园就业', '已参加电工培训并取得证书'],
  legal: ['法律援助中心已受理并调解成功，按月支付赡养费', '已代理诉讼，获赔到位'],
  other: ['已协助办理残疾人证'],
};

const DECLINED = ['超出机构服务范围，建议转介县级医院', '本期资助名额已满，列入下期候选', '对象本人不同意接受服务'];

/** What is likely needed at this age. */
function needKindFor(age: number, rng: SeededRandom): NeedKind {
  if (age < 18) return rng.pick(['psychological', 'psychological', 'education', 'education', 'living', 'medical'] as const);
  if (age < 60) return rng.pick(['medical', 'employment', 'legal', 'living'] as const);
  return rng.pick(['medical', 'medical', 'living', 'legal'] as const);
}

export async function demoReferrals(db: LedgerDb, at: Date, rng: SeededRandom): Promise<{ organisations: number; referrals: number }> {
  const today = toIsoDate(at);
  const envFor = await demoEnv(db);
  const clerkOf = await demoClerks(db);
  const townships = new Map((await db.selectFrom('townships').select(['id', 'name']).execute()).map((t) => [t.name, t.id]));
  const created = addDays(today, -300);

  const organisations: { id: string; serves: NeedKind[]; townshipId: string | null }[] = [];
  for (const o of ORGANISATIONS) {
    const townshipId = o.township ? (townships.get(o.township) ?? null) : null;
    if (o.township && !townshipId) continue;
    const env = envFor(townshipId ? (clerkOf.get(townshipId) ?? 'clerk') : 'clerk', created);
    const id = await saveOrganisation(db, env.actor, env.at, env.scope, { name: o.name, kind: o.kind, services: o.services, contactName: o.contactName, phone: o.phone, townshipId, active: true });
    organisations.push({ id, serves: o.serves, townshipId });
  }

  const people = await db
    .selectFrom('persons as p')
    .innerJoin('households as h', 'h.id', 'p.household_id')
    .select(['p.id', 'p.household_id', 'p.birth_date', 'h.township_id'])
    .where('p.deceased_on', 'is', null)
    .orderBy('p.id')
    .execute();
  // 临时救助 (and psychological-care) cases often lead to a referral of the same household.
  const cases = await db.selectFrom('cases').select(['id', 'household_id', 'opened_on']).where('kind', 'in', ['linshi_emergency', 'linshi_expense', 'psych_care']).orderBy('id').execute();

  let referrals = 0;
  const made = new Set<string>();
  for (let i = 0; i < 40 && people.length > 0; i++) {
    const fromCase = i < 6 ? cases[i] : undefined;
    const candidates = fromCase ? people.filter((p) => p.household_id === fromCase.household_id) : people;
    const person = rng.pick(candidates.length > 0 ? candidates : people);
    if (made.has(person.id)) continue;
    made.add(person.id);
    const afterCase = fromCase ? addDays(fromCase.opened_on, rng.int(0, 7)) : null;
    const referredOn = afterCase ? (afterCase < today ? afterCase : today) : addDays(today, -rng.int(3, 180));
    let needKind = needKindFor(ageOn(person.birth_date, referredOn), rng);
    if (fromCase && needKind !== 'medical' && needKind !== 'psychological') needKind = rng.pick(['medical', 'living'] as const);
    const fits = organisations.filter((o) => o.serves.includes(needKind) && (o.townshipId === null || o.townshipId === person.township_id));
    if (fits.length === 0) continue;
    const organisation = rng.pick(fits);
    const dueOn = addDays(referredOn, rng.pick([10, 15, 20, 30]));
    const clerk = clerkOf.get(person.township_id) ?? 'clerk';
    const env = envFor(clerk, referredOn);
    const { id } = await createReferral(db, env.actor, env.at, env.scope, referredOn, {
      householdId: person.household_id!,
      // One in four is the household's need rather than one member's.
      personId: rng.chance(0.25) ? null : person.id,
      needKind,
      need: rng.pick(NEEDS[needKind]),
      organisationId: organisation.id,
      referredOn,
      dueOn,
      caseId: fromCase?.id ?? null,
    });
    referrals += 1;

    // Where it got to: past its due date most were answered and closed; a few, mostly recent, were not (overdue).
    const pastDue = dueOn < today;
    const closes = pastDue && rng.chance(dueOn < addDays(today, -60) ? 0.9 : 0.5);
    const steps: ReferralStatus[] = closes
      ? rng.chance(0.15)
        ? ['declined']
        : rng.chance(0.5)
          ? ['accepted', 'in_service', 'completed']
          : ['accepted', 'completed']
      : rng.pick([[], ['accepted'], ['accepted', 'in_service']] as ReferralStatus[][]);
    let on = referredOn;
    let version = 0;
    for (const status of steps) {
      const wait = status === 'completed' ? rng.int(5, 40) : rng.int(1, 6);
      const next = addDays(on, wait);
      on = next > today ? today : next;
      const stepEnv = envFor(clerk, on);
      const closing = status === 'completed' || status === 'declined';
      await updateReferral(db, stepEnv.actor, stepEnv.at, stepEnv.scope, on, {
        id,
        version,
        status,
        onDate: on,
        note: status === 'accepted' ? '机构已接收，约定首次服务时间' : status === 'in_service' ? '已开始服务，村（社区）跟进' : null,
        outcome: closing ? (status === 'declined' ? rng.pick(DECLINED) : rng.pick(OUTCOMES[needKind])) : null,
      });
      version += 1;
    }
  }
  return { organisations: organisations.length, referrals };
}
