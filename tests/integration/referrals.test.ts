/**
 * Referrals (转介) and the organisations they go to: every check of a new referral (each refusal with its
 * message, changing nothing), the status moves, open referrals turning overdue as the clock moves, township
 * scope, masking for roles without need, an audit log without personal data, and the organisations' rules.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PeopleGenerator } from '../fixtures/people';
import { careCounty, laterDays, registerFamily, type ApprovalCounty } from '../fixtures/cases';
import type { MethodInput } from '../../src/shared/api/contract';
import type { Session } from '../../src/main/rpc/sessions';

let t: ApprovalCounty;
let manager: Session;
beforeEach(async () => {
  ({ t, manager } = await careCounty('2026-03-16T09:00:00+08:00'));
});
afterEach(async () => {
  await t.dispose();
});

/** The east family (a head 张, his wife, a son, his mother) and what a referral needs around it. */
async function setting() {
  const family = await registerFamily(t, t.eastA, 11);
  const member = (relation: string) => family.detail.members.find((m) => m.relation === relation)!;
  const neighbours = await registerFamily(t, t.eastA, 12);
  const gen = new PeopleGenerator(81, '431122');
  const west = gen.person({ sex: 'female', bornFrom: 1960, bornTo: 1970, surname: '赵' });
  const { id: westHousehold } = await t.call(t.westClerk, 'households.create', {
    townshipId: t.west.id,
    villageId: t.westVillage.id,
    address: '西河村一组 8 号',
    hukouType: 'rural',
    phone: null,
    members: [{ name: west.name, idNumber: west.idNumber, relation: 'self' }],
  });
  const organisation = (session: Session, name: string, kind: MethodInput<'referrals.organisations.save'>['kind'], townshipId: string | null) =>
    t.call(session, 'referrals.organisations.save', { name, kind, services: '门诊、住院救治', contactName: '联络员', phone: '0745-1234567', townshipId }).then((r) => r.id);
  const hospital = await organisation(t.countyClerk, '县人民医院', 'hospital', null);
  const charity = await organisation(t.eastA, '东山镇儿童之家', 'charity', t.east.id);
  const westSchool = await organisation(t.westClerk, '西河乡中心小学', 'school', t.west.id);
  const retired = await organisation(t.countyClerk, '已停办的救助项目', 'charity', null);
  await t.call(t.countyClerk, 'referrals.organisations.save', { id: retired, name: '已停办的救助项目', kind: 'charity', townshipId: null, active: false });
  const { id: caseId } = await t.call(t.eastA, 'cases.start', { kind: 'linshi_emergency', householdId: family.id, reason: '房屋失火', requestedAmountFen: 150000 });
  const { id: otherCase } = await t.call(t.eastA, 'cases.start', { kind: 'linshi_emergency', householdId: neighbours.id, reason: '突发重病', requestedAmountFen: 100000 });
  return { family, son: member('son'), head: member('self'), neighbours, westHousehold, hospital, charity, westSchool, retired, caseId, otherCase };
}

type Setting = Awaited<ReturnType<typeof setting>>;

const referral = (s: Setting, patch: Partial<MethodInput<'referrals.create'>> = {}): MethodInput<'referrals.create'> => ({
  householdId: s.family.id,
  personId: s.son.id,
  needKind: 'psychological',
  need: '孩子受火灾惊吓，夜间失眠，需要心理疏导',
  organisationId: s.hospital,
  referredOn: '2026-03-16',
  dueOn: '2026-03-26',
  ...patch,
});

const referralCount = async () => Number((await t.backend.store.db.selectFrom('referrals').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
const auditCount = async () => Number((await t.backend.store.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

async function move(session: Session, id: string, input: Omit<MethodInput<'referrals.update'>, 'id' | 'version'>) {
  const { version } = await t.call(session, 'referrals.get', { id });
  return t.call(session, 'referrals.update', { id, version, ...input });
}

describe('referrals', () => {
  it('creates a referral only when the person, organisation, dates and case fit, each refusal changing nothing', async () => {
    const s = await setting();
    const audits = await auditCount();
    const refusals: [Partial<MethodInput<'referrals.create'>>, string, string][] = [
      [{ personId: s.neighbours.detail.members[0]!.id }, 'personId', '所选人员不是该户的家庭成员'],
      [{ organisationId: s.retired }, 'organisationId', '所选帮扶机构不存在或已停用'],
      [{ organisationId: s.westSchool }, 'organisationId', '西河乡中心小学只服务西河乡，该户不在其服务范围'],
      [{ referredOn: '2026-03-17', dueOn: '2026-03-27' }, 'referredOn', '转介日期不能晚于今天'],
      [{ dueOn: '2026-03-15' }, 'dueOn', '反馈期限不能早于转介日期'],
      [{ caseId: s.otherCase }, 'caseId', '所选审批案件不是该户的案件'],
      [{ caseId: 'no-such-case' }, 'caseId', '找不到所选审批案件'],
    ];
    for (const [patch, path, message] of refusals) {
      const refused = await t.failure(t.eastA, 'referrals.create', referral(s, patch));
      expect(refused).toMatchObject({ code: 'VALIDATION', message });
      expect(refused.details?.fields?.[0]?.path).toEqual([path]);
    }
    // Another township's clerk cannot refer this household; a manager does not keep referrals.
    expect((await t.failure(t.westClerk, 'referrals.create', referral(s))).code).toBe('FORBIDDEN');
    expect((await t.failure(manager, 'referrals.create', referral(s))).code).toBe('FORBIDDEN');
    expect((await t.failure(t.eastA, 'referrals.create', referral(s, { householdId: 'no-such-household' }))).code).toBe('NOT_FOUND');
    expect([await referralCount(), await auditCount()]).toEqual([0, audits]);

    const first = await t.call(t.eastA, 'referrals.create', referral(s, { caseId: s.caseId }));
    expect(first.referralNo).toBe('ZJ2026-0001');
    // A household's own need (no member), to the township's charity project, referred last December.
    const household = await t.call(t.countyClerk, 'referrals.create', referral(s, { personId: null, needKind: 'living', need: '房屋受损，需要过冬衣被', organisationId: s.charity, referredOn: '2025-12-20', dueOn: '2026-01-10' }));
    expect(household.referralNo).toBe('ZJ2025-0001');
    expect((await t.call(t.eastB, 'referrals.create', referral(s, { personId: s.head.id, needKind: 'medical', need: '烧伤需住院治疗' }))).referralNo).toBe('ZJ2026-0002');

    const got = await t.call(t.eastA, 'referrals.get', { id: first.id });
    const sonMember = s.family.members.find((m) => m.relation === 'son')!;
    const headMember = s.family.members.find((m) => m.relation === 'self')!;
    expect(got).toMatchObject({
      referralNo: 'ZJ2026-0001',
      personName: sonMember.name,
      headName: headMember.name,
      idNumber: sonMember.idNumber,
      townshipName: '东山镇',
      villageName: '东山村',
      organisationName: '县人民医院',
      status: 'referred',
      need: '孩子受火灾惊吓，夜间失眠，需要心理疏导',
      masked: false,
      caseId: s.caseId,
      overdue: false,
      createdBy: 'east_a姓名',
    });
    expect(got.caseNo).toMatch(/^2026-\d{5}$/);
    expect(got.events).toMatchObject([{ seq: 1, status: 'referred', onDate: '2026-03-16', userName: 'east_a姓名' }]);
    const ofHousehold = await t.call(t.eastA, 'referrals.get', { id: household.id });
    expect(ofHousehold).toMatchObject({ personId: null, personName: null, headName: headMember.name, idNumber: headMember.idNumber });

    // The case page lists the referrals opened from its case.
    const ofCase = await t.call(t.eastA, 'referrals.list', { caseId: s.caseId });
    expect(ofCase.rows.map((r) => r.id)).toEqual([first.id]);
  });

  it('moves a referral only along the allowed steps and records each as history', async () => {
    const s = await setting();
    const { id } = await t.call(t.eastA, 'referrals.create', referral(s));
    const unchanged = async () => {
      const now = await t.call(t.eastA, 'referrals.get', { id });
      return [now.status, now.version, now.events.length];
    };

    const skip = await t.failure(t.eastA, 'referrals.update', { id, version: 0, status: 'in_service', onDate: '2026-03-16' });
    expect(skip).toMatchObject({ code: 'VALIDATION', message: '“已转介”的转介只能改为“已接收”或“未接收”' });
    expect(skip.details?.fields?.[0]?.path).toEqual(['status']);
    expect((await t.failure(t.eastA, 'referrals.update', { id, version: 0, status: 'accepted', onDate: '2026-03-17' })).message).toBe('日期不能晚于今天');
    expect((await t.failure(t.eastA, 'referrals.update', { id, version: 0, status: 'accepted', onDate: '2026-03-15' })).message).toBe('日期不能早于转介日期（2026-03-16）');
    expect(await unchanged()).toEqual(['referred', 0, 1]);

    await t.call(t.eastA, 'referrals.update', { id, version: 0, status: 'accepted', onDate: '2026-03-16', note: '医院心理科已接收，约定周三首诊' });
    // A second clerk working from the same stale page is refused.
    expect((await t.failure(t.eastB, 'referrals.update', { id, version: 0, status: 'declined', onDate: '2026-03-16', outcome: '不接收' })).code).toBe('CONFLICT');
    const noOutcome = await t.failure(t.eastA, 'referrals.update', { id, version: 1, status: 'completed', onDate: '2026-03-16' });
    expect(noOutcome.details?.fields).toEqual([{ path: ['outcome'], message: '请填写办理结果' }]);
    expect(await unchanged()).toEqual(['accepted', 1, 2]);

    await laterDays(t, 5);
    await move(t.eastA, id, { status: 'in_service', onDate: '2026-03-18', note: '每周一次心理咨询' });
    expect((await t.failure(t.eastA, 'referrals.update', { id, version: 2, status: 'completed', onDate: '2026-03-17', outcome: '结束' })).message).toBe('日期不能早于上次状态变更（2026-03-18）');
    expect((await t.failure(t.eastA, 'referrals.update', { id, version: 2, status: 'declined', onDate: '2026-03-20', outcome: '不接收' })).message).toBe('“服务中”的转介只能改为“已办结”');
    await move(t.eastA, id, { status: 'completed', onDate: '2026-03-21', note: '四次咨询后评估', outcome: '睡眠恢复正常，结束心理咨询' });

    const done = await t.call(t.eastA, 'referrals.get', { id });
    expect(done).toMatchObject({ status: 'completed', closedOn: '2026-03-21', outcome: '睡眠恢复正常，结束心理咨询', version: 3, overdue: false });
    expect(done.events.map((e) => [e.status, e.onDate, e.note])).toEqual([
      ['referred', '2026-03-16', null],
      ['accepted', '2026-03-16', '医院心理科已接收，约定周三首诊'],
      ['in_service', '2026-03-18', '每周一次心理咨询'],
      ['completed', '2026-03-21', '四次咨询后评估'],
    ]);
    expect((await t.failure(t.eastA, 'referrals.update', { id, version: 3, status: 'in_service', onDate: '2026-03-21' })).message).toBe('“已办结”的转介已结束，不能再变更状态');

    // Declining needs its reason and closes the referral too.
    const other = await t.call(t.eastA, 'referrals.create', referral(s, { organisationId: s.charity, needKind: 'living', need: '需要冬衣', referredOn: '2026-03-20', dueOn: '2026-03-30' }));
    expect((await t.failure(t.eastA, 'referrals.update', { id: other.id, version: 0, status: 'declined', onDate: '2026-03-21' })).details?.fields?.[0]?.message).toBe('请写明机构未接收的原因');
    await t.call(t.eastA, 'referrals.update', { id: other.id, version: 0, status: 'declined', onDate: '2026-03-21', outcome: '本期物资已发放完毕' });
    expect(await t.call(t.eastA, 'referrals.get', { id: other.id })).toMatchObject({ status: 'declined', closedOn: '2026-03-21', outcome: '本期物资已发放完毕' });
  });

  it('lists open referrals past their date as overdue, most overdue first, as the clock moves', async () => {
    const s = await setting();
    const late = await t.call(t.eastA, 'referrals.create', referral(s, { dueOn: '2026-03-26' }));
    const soon = await t.call(t.eastA, 'referrals.create', referral(s, { personId: s.head.id, needKind: 'medical', need: '烧伤换药', dueOn: '2026-03-19' }));
    const closed = await t.call(t.eastA, 'referrals.create', referral(s, { organisationId: s.charity, needKind: 'living', need: '需要冬衣', dueOn: '2026-03-17' }));
    await move(t.eastA, closed.id, { status: 'accepted', onDate: '2026-03-16' });
    await move(t.eastA, closed.id, { status: 'completed', onDate: '2026-03-16', outcome: '已送去棉被两床' });

    let list = await t.call(t.eastA, 'referrals.list', {});
    expect(list.rows.map((r) => r.id)).toEqual([soon.id, late.id, closed.id]);
    expect([list.total, list.overdueTotal]).toEqual([3, 0]);

    await laterDays(t, 5); // 2026-03-21: the one due on the 19th is two days late
    list = await t.call(t.eastA, 'referrals.list', { status: 'overdue' });
    expect(list.rows.map((r) => [r.id, r.overdue, r.daysOverdue])).toEqual([[soon.id, true, 2]]);
    expect([list.total, list.overdueTotal]).toEqual([1, 1]);

    await laterDays(t, 10); // 2026-03-31: both open ones are late; the closed one never is
    list = await t.call(t.eastA, 'referrals.list', {});
    expect(list.rows.map((r) => [r.id, r.overdue, r.daysOverdue])).toEqual([
      [soon.id, true, 12],
      [late.id, true, 5],
      [closed.id, false, 0],
    ]);
    expect(list.overdueTotal).toBe(2);
    // Filters narrow the list; the overdue count follows them, not the status asked for.
    const medical = await t.call(t.eastA, 'referrals.list', { needKind: 'medical', status: 'closed' });
    expect([medical.total, medical.overdueTotal]).toEqual([0, 1]);
    expect((await t.call(t.eastA, 'referrals.list', { status: 'open' })).total).toBe(2);
    expect((await t.call(t.eastA, 'referrals.list', { status: 'completed' })).rows.map((r) => r.id)).toEqual([closed.id]);
    const son = s.family.members.find((m) => m.relation === 'son')!;
    // The search finds the person concerned (the son, in two referrals), by name or the end of the ID number.
    expect((await t.call(t.eastA, 'referrals.list', { q: son.name })).rows.map((r) => r.id)).toEqual([late.id, closed.id]);
    expect((await t.call(t.eastA, 'referrals.list', { q: son.idNumber.slice(-6), status: 'open' })).rows.map((r) => r.id)).toEqual([late.id]);

    await move(t.eastA, soon.id, { status: 'declined', onDate: '2026-03-31', outcome: '医院床位已满，改由乡镇卫生院治疗' });
    list = await t.call(t.eastA, 'referrals.list', { status: 'overdue' });
    expect(list.rows.map((r) => r.id)).toEqual([late.id]);
  });

  it("keeps a township clerk to their own township's referrals", async () => {
    const s = await setting();
    const { id } = await t.call(t.eastA, 'referrals.create', referral(s));
    const west = await t.call(t.westClerk, 'referrals.create', referral(s, { householdId: s.westHousehold, personId: null, organisationId: s.westSchool, needKind: 'education', need: '孙女辍学，需要复学帮扶' }));

    expect((await t.call(t.westClerk, 'referrals.list', {})).rows.map((r) => r.id)).toEqual([west.id]);
    expect((await t.failure(t.westClerk, 'referrals.list', { townshipId: t.east.id })).code).toBe('FORBIDDEN');
    expect((await t.failure(t.westClerk, 'referrals.get', { id })).code).toBe('FORBIDDEN');
    expect((await t.failure(t.westClerk, 'referrals.update', { id, version: 0, status: 'accepted', onDate: '2026-03-16' })).code).toBe('FORBIDDEN');
    const son = s.family.members.find((m) => m.relation === 'son')!;
    expect(await t.call(t.westClerk, 'referrals.candidates', { q: son.name })).toEqual([]);
    expect((await t.call(t.eastB, 'referrals.candidates', { q: son.name })).map((c) => [c.personId, c.householdId, c.isHead])).toEqual([[s.son.id, s.family.id, false]]);

    // The second east clerk sees the township's referral; the county sees both, and may narrow to one township.
    expect((await t.call(t.eastB, 'referrals.list', {})).rows.map((r) => r.id)).toEqual([id]);
    expect((await t.call(t.countyClerk, 'referrals.list', {})).total).toBe(2);
    expect((await t.call(t.countyClerk, 'referrals.list', { townshipId: t.west.id })).rows.map((r) => r.id)).toEqual([west.id]);
    expect((await t.call(t.eastA, 'referrals.get', { id })).version).toBe(0);
  });

  it('masks referrals for roles without need and keeps personal data out of the audit log', async () => {
    const s = await setting();
    const { id } = await t.call(t.eastA, 'referrals.create', referral(s));
    await t.call(t.eastA, 'referrals.update', { id, version: 0, status: 'accepted', onDate: '2026-03-16', note: '心理科王医生接诊' });
    await t.call(t.eastA, 'referrals.update', { id, version: 1, status: 'completed', onDate: '2026-03-16', outcome: '情绪平稳，转回学校心理老师跟进' });
    const son = s.family.members.find((m) => m.relation === 'son')!;

    const full = await t.call(t.countyClerk, 'referrals.get', { id });
    expect(full).toMatchObject({ masked: false, idNumber: son.idNumber, need: referral(s).need, outcome: '情绪平稳，转回学校心理老师跟进' });
    expect(full.events[1]?.note).toBe('心理科王医生接诊');

    for (const session of [manager, t.admin]) {
      const masked = await t.call(session, 'referrals.get', { id });
      expect(masked).toMatchObject({ masked: true, need: null, outcome: null, status: 'completed', organisationName: '县人民医院', referralNo: 'ZJ2026-0001' });
      expect(masked.personName).toMatch(/^张\*+$/);
      expect(masked.headName).toMatch(/^张\*+$/);
      expect(masked.idNumber).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
      expect(masked.idNumber).not.toBe(son.idNumber);
      expect(masked.events.map((e) => e.note)).toEqual([null, null, null]);
      const row = (await t.call(session, 'referrals.list', {})).rows[0]!;
      expect([row.personName, row.idNumber]).toEqual([masked.personName, masked.idNumber]);
    }
    expect((await t.failure(manager, 'referrals.update', { id, version: 2, status: 'accepted', onDate: '2026-03-16' })).code).toBe('FORBIDDEN');
    expect((await t.failure(t.admin, 'referrals.candidates', { q: son.name })).code).toBe('FORBIDDEN');

    const audit = await t.backend.store.db.selectFrom('audit_log').select(['action', 'entity_id', 'before_json', 'after_json', 'reason']).where('entity', '=', 'referral').orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['referral.create', 'referral.update', 'referral.update']);
    expect(JSON.parse(audit[2]!.after_json!)).toEqual({ from: 'accepted', status: 'completed', onDate: '2026-03-16' });
    const logged = JSON.stringify(audit);
    for (const secret of [son.name, son.idNumber, '火灾惊吓', '王医生', '情绪平稳']) expect(logged).not.toContain(secret);
  });

  it('keeps organisations unique by name while active, in their township, and serving their open referrals', async () => {
    const s = await setting();
    // Township clerks keep their own township's organisations only.
    const countyWide = await t.failure(t.eastA, 'referrals.organisations.save', { name: '县慈善总会', kind: 'charity', townshipId: null });
    expect(countyWide.code).toBe('FORBIDDEN');
    expect((await t.failure(t.eastA, 'referrals.organisations.save', { name: '西河乡社工站', kind: 'social_org', townshipId: t.west.id })).code).toBe('FORBIDDEN');
    expect((await t.failure(t.eastA, 'referrals.organisations.save', { id: s.hospital, name: '县人民医院', kind: 'hospital', townshipId: t.east.id })).code).toBe('FORBIDDEN');
    expect((await t.failure(manager, 'referrals.organisations.save', { name: '县慈善总会', kind: 'charity', townshipId: null })).code).toBe('FORBIDDEN');

    // Names are unique among active organisations: a retired one's name may be taken again, but not revived twice.
    const duplicate = await t.failure(t.admin, 'referrals.organisations.save', { name: '县人民医院', kind: 'hospital', townshipId: null });
    expect(duplicate.details?.fields).toEqual([{ path: ['name'], message: '已有同名的在用机构：县人民医院' }]);
    const reused = await t.call(t.admin, 'referrals.organisations.save', { name: '已停办的救助项目', kind: 'charity', townshipId: null });
    const revived = await t.failure(t.countyClerk, 'referrals.organisations.save', { id: s.retired, name: '已停办的救助项目', kind: 'charity', townshipId: null, active: true });
    expect(revived.details?.fields?.[0]?.path).toEqual(['name']);

    // An east clerk sees the county-wide organisations and the township's own; the retired one only when asked for all.
    const names = (list: { name: string }[]) => list.map((o) => o.name).sort();
    expect(names(await t.call(t.eastA, 'referrals.organisations.list', { activeOnly: true }))).toEqual(['东山镇儿童之家', '县人民医院', '已停办的救助项目'].sort());
    expect((await t.call(t.eastA, 'referrals.organisations.list', {})).length).toBe(4);
    expect(names(await t.call(t.countyClerk, 'referrals.organisations.list', { townshipId: t.west.id, activeOnly: true }))).toEqual(['县人民医院', '已停办的救助项目', '西河乡中心小学'].sort());
    expect((await t.failure(t.westClerk, 'referrals.organisations.list', { townshipId: t.east.id })).code).toBe('FORBIDDEN');

    // The county hospital serves both townships' open referrals: it cannot be narrowed to one township.
    await t.call(t.eastA, 'referrals.create', referral(s));
    await t.call(t.westClerk, 'referrals.create', referral(s, { householdId: s.westHousehold, personId: null, needKind: 'medical', need: '慢性病复诊' }));
    expect((await t.call(t.countyClerk, 'referrals.organisations.list', {})).find((o) => o.id === s.hospital)?.openReferrals).toBe(2);
    expect((await t.call(t.eastA, 'referrals.organisations.list', {})).find((o) => o.id === s.hospital)?.openReferrals).toBe(1);
    const narrowed = await t.failure(t.countyClerk, 'referrals.organisations.save', { id: s.hospital, name: '县人民医院', kind: 'hospital', townshipId: t.east.id });
    expect(narrowed).toMatchObject({ code: 'CONFLICT', message: '该机构仍有其他乡镇（街道）的在办转介，办结后才能改为只服务一个乡镇（街道）' });
    await t.call(t.countyClerk, 'referrals.organisations.save', { id: reused.id, name: '春蕾计划', kind: 'charity', services: '女童助学', townshipId: t.east.id });
    const audit = await t.backend.store.db.selectFrom('audit_log').select(['action', 'after_json']).where('entity', '=', 'care_organisation').where('entity_id', '=', reused.id).orderBy('seq').execute();
    expect(audit.map((a) => [a.action, JSON.parse(a.after_json!)])).toEqual([
      ['care_organisation.create', { kind: 'charity', townshipId: null, active: true }],
      ['care_organisation.update', { kind: 'charity', townshipId: t.east.id, active: true }],
    ]);
  });
});
