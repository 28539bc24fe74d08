/**
 * Elderly care: who turns 80, 90 or 100 next month; survival checks (生存认证) and stopping the 高龄津贴 of
 * those who missed theirs after the half-year and its grace days, seen on the enrollments and the payment
 * roster; the file of elderly with special difficulties with visits due and overdue as the clock moves, the
 * county changing its intervals, ability assessments, scope, masking and an audit log without personal data.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { PeopleGenerator } from '../fixtures/people';
import { approvalCounty, laterDays, staff, type ApprovalCounty } from '../fixtures/cases';

let t: ApprovalCounty;
afterEach(async () => {
  await t.dispose();
});

const gen = new PeopleGenerator(81, '431122');

/** A person born on `birthDate`, living alone in a household of east (or west) township. */
async function elder(birthDate: string, where: 'east' | 'west' = 'east', sex: 'male' | 'female' = 'female') {
  const p = gen.personBornOn(birthDate, sex);
  const session = where === 'east' ? t.eastA : t.westClerk;
  const township = where === 'east' ? t.east : t.west;
  const village = where === 'east' ? t.eastVillage : t.westVillage;
  const { id } = await t.call(session, 'households.create', { townshipId: township.id, villageId: village.id, address: `${village.name}一组`, hukouType: 'rural', phone: null, members: [{ name: p.name, idNumber: p.idNumber, relation: 'self' }] });
  const personId = (await t.call(session, 'households.get', { id })).members[0]!.id;
  return { householdId: id, personId, name: p.name, idNumber: p.idNumber };
}

async function gaoling(e: { householdId: string; personId: string }, band: '80' | '90' | '100', startMonth: string) {
  const { id } = await t.call(t.admin, 'enrollments.createInitial', { householdId: e.householdId, program: 'gaoling', personIds: [e.personId], category: band, startMonth, monthlyAmountFen: 5000, reason: '建账录入高龄津贴' });
  return id;
}

const enrollment = (id: string) => t.backend.store.db.selectFrom('enrollments').select(['status', 'end_month', 'next_review_on']).where('id', '=', id).executeTakeFirstOrThrow();

describe('turning 80, 90 or 100 next month', () => {
  it('lists who reaches a line next month with what to do, read by birth-date range', async () => {
    t = await approvalCounty('2026-11-20T09:00:00+08:00');
    const manager = await staff(t, 'manager', 'manager');
    const eighty = await elder('1946-12-05');
    const ninety = await elder('1936-12-15', 'east', 'male');
    await gaoling(ninety, '80', '2026-01');
    const lastDay = await elder('1946-12-31');
    const monthAfter = await elder('1947-01-01');
    const thisMonth = await elder('1946-11-30');
    const west = await elder('1926-12-01', 'west');

    const list = await t.call(t.countyClerk, 'elderly.turning', {});
    expect(list.month).toBe('2026-12');
    expect(list.rows.map((r) => [r.personId, r.line, r.turnsOn, r.actionText])).toEqual([
      [west.personId, 100, '2026-12-01', '可申请高龄津贴'],
      [eighty.personId, 80, '2026-12-05', '可申请高龄津贴'],
      [ninety.personId, 90, '2026-12-15', '应调至90–99岁档'],
      [lastDay.personId, 80, '2026-12-31', '可申请高龄津贴'],
    ]);
    const row = list.rows.find((r) => r.personId === ninety.personId)!;
    expect(row).toMatchObject({ householdId: ninety.householdId, idNumber: ninety.idNumber, enrollment: { band: '80', status: 'active' }, action: 'raise', townshipName: '东山镇', villageName: '东山村' });
    for (const other of [monthAfter, thisMonth]) expect(list.rows.some((r) => r.personId === other.personId)).toBe(false);
    // January's list has the one turning 80 on 1 January.
    expect((await t.call(t.countyClerk, 'elderly.turning', { month: '2027-01' })).rows.map((r) => r.personId)).toEqual([monthAfter.personId]);

    // A township clerk sees their own township; a manager sees ID numbers masked.
    expect((await t.call(t.westClerk, 'elderly.turning', {})).rows.map((r) => r.personId)).toEqual([west.personId]);
    expect((await t.failure(t.westClerk, 'elderly.turning', { townshipId: t.east.id })).code).toBe('FORBIDDEN');
    const masked = await t.call(manager, 'elderly.turning', { townshipId: t.east.id });
    expect(masked.rows).toHaveLength(3);
    expect(masked.rows[0]!.idNumber).toMatch(/^431122\*{8}\d{3}[\dX]$/);
  });
});

describe('survival checks', () => {
  it('records checks by the rules, then stops exactly the missed ones after the half-year and its grace days', async () => {
    t = await approvalCounty('2026-06-20T09:00:00+08:00');
    const manager = await staff(t, 'manager', 'manager');
    const checked = await elder('1940-03-01');
    const died = await elder('1938-04-10', 'east', 'male');
    const missed = await elder('1941-05-05');
    const underCase = await elder('1942-02-02', 'east', 'male');
    const westMissed = await elder('1939-09-09', 'west');
    const notEnrolled = await elder('1943-08-08');
    const e = {
      checked: await gaoling(checked, '80', '2026-01'),
      died: await gaoling(died, '80', '2026-01'),
      missed: await gaoling(missed, '80', '2026-01'),
      underCase: await gaoling(underCase, '80', '2026-01'),
      westMissed: await gaoling(westMissed, '80', '2026-01'),
    };
    const period = '2026-H1';
    const alive = { personId: checked.personId, period, checkedOn: '2026-06-10', method: 'face' as const, result: 'alive' as const };

    // The rules: not in the future, not before the period, a death needs its date, only beneficiaries, once.
    expect((await t.failure(t.eastA, 'elderly.survival.record', { ...alive, checkedOn: '2026-06-21' })).details?.fields?.[0]?.path).toEqual(['checkedOn']);
    expect((await t.failure(t.eastA, 'elderly.survival.record', { ...alive, checkedOn: '2025-12-31' })).message).toContain('早于2026年上半年的开始');
    expect((await t.failure(t.eastA, 'elderly.survival.record', { ...alive, result: 'deceased' })).details?.fields?.[0]?.path).toEqual(['deceasedOn']);
    expect((await t.failure(t.eastA, 'elderly.survival.record', { ...alive, personId: notEnrolled.personId })).message).toContain('没有高龄津贴在保记录');
    expect((await t.failure(t.westClerk, 'elderly.survival.record', alive)).code).toBe('FORBIDDEN');
    expect((await t.failure(manager, 'elderly.survival.record', alive)).code).toBe('FORBIDDEN');
    await t.call(t.eastA, 'elderly.survival.record', alive);
    expect((await t.failure(t.eastA, 'elderly.survival.record', { ...alive, checkedOn: '2026-06-12' })).message).toContain('已于 2026-06-10 登记');
    await t.call(t.eastA, 'elderly.survival.record', { personId: died.personId, period, checkedOn: '2026-06-15', method: 'home', result: 'deceased', deceasedOn: '2026-05-08' });
    // The person's own record is not edited by the check.
    expect((await t.backend.store.db.selectFrom('persons').select('deceased_on').where('id', '=', died.personId).executeTakeFirstOrThrow()).deceased_on).toBeNull();
    const stopCase = await t.call(t.eastA, 'cases.start', { kind: 'enrollment_stop', householdId: underCase.householdId, enrollmentId: e.underCase, reason: '老人随子女迁居外县' });

    let list = await t.call(t.countyClerk, 'elderly.survival.list', { period });
    expect(list.totals).toEqual({ all: 5, checked: 2, missing: 3, deceased: 1 });
    expect(list.stop).toEqual({ policyStops: true, allowedFrom: '2026-07-01', allowed: false, pending: 4 });
    expect((await t.call(t.countyClerk, 'elderly.survival.list', { period, state: 'missing' })).rows.map((r) => r.personId).sort()).toEqual([missed.personId, underCase.personId, westMissed.personId].sort());
    const east = await t.call(t.eastA, 'elderly.survival.list', { period, state: 'checked' });
    expect(east.rows.map((r) => [r.personId, r.check?.result])).toEqual(
      expect.arrayContaining([
        [checked.personId, 'alive'],
        [died.personId, 'deceased'],
      ]),
    );
    expect(east.totals.all).toBe(4);
    expect((await t.failure(t.eastA, 'elderly.survival.list', { period, townshipId: t.west.id })).code).toBe('FORBIDDEN');

    // Before the period has ended nothing stops; a township clerk never stops.
    expect((await t.failure(t.countyClerk, 'elderly.survival.stopMissing', { period })).message).toContain('2026-07-01 起才能停发');
    await laterDays(t, 11); // 2026-07-01
    expect((await t.failure(t.eastA, 'elderly.survival.stopMissing', { period })).code).toBe('FORBIDDEN');
    const policy = await t.call(t.admin, 'elderly.policy.get', {});
    await t.call(t.admin, 'elderly.policy.save', { ...policy, graceDays: 10 });
    expect((await t.failure(t.countyClerk, 'elderly.survival.stopMissing', { period })).message).toContain('另有 10 天宽限，2026-07-11 起才能停发');
    await t.call(t.admin, 'elderly.policy.save', { ...policy, survivalStopsPayment: false });
    expect((await t.failure(t.reviewer, 'elderly.survival.stopMissing', { period })).message).toContain('不停发高龄津贴');
    await t.call(t.admin, 'elderly.policy.save', policy);
    list = await t.call(t.countyClerk, 'elderly.survival.list', { period });
    expect(list.stop).toMatchObject({ allowed: true, pending: 4 });
    // Older half-years are history, never stopped now.
    expect((await t.failure(t.countyClerk, 'elderly.survival.stopMissing', { period: '2025-H2' })).message).toContain('只能停发刚结束的认证期间（2026年上半年）');
    expect((await t.call(t.countyClerk, 'elderly.survival.list', { period: '2025-H2' })).stop.allowed).toBe(false);

    const result = await t.call(t.countyClerk, 'elderly.survival.stopMissing', { period });
    expect(result).toMatchObject({ stopped: 3, deceased: 1 });
    expect(result.skipped.map((s) => s.enrollmentId)).toEqual([e.underCase]);
    expect(result.skipped[0]!.message).toContain(stopCase.caseNo);
    expect(await enrollment(e.missed)).toEqual({ status: 'stopped', end_month: '2026-07', next_review_on: null });
    expect(await enrollment(e.westMissed)).toMatchObject({ status: 'stopped', end_month: '2026-07' });
    expect(await enrollment(e.died)).toMatchObject({ status: 'stopped', end_month: '2026-05' });
    expect((await enrollment(e.checked)).status).toBe('active');
    expect((await enrollment(e.underCase)).status).toBe('active');

    // Running it again stops nothing more; the period keeps its list, the stopped shown as such.
    expect(await t.call(t.countyClerk, 'elderly.survival.stopMissing', { period })).toMatchObject({ stopped: 0, deceased: 0 });
    list = await t.call(t.countyClerk, 'elderly.survival.list', { period });
    expect(list.totals.all).toBe(5);
    expect(list.stop.pending).toBe(1);
    expect(list.rows.find((r) => r.personId === missed.personId)).toMatchObject({ enrollmentStatus: 'stopped', endMonth: '2026-07', check: null });

    // Paid in July, not from August: the payment rosters agree.
    await laterDays(t, 33); // 2026-08-03
    const roster = async (month: string) => (await t.call(t.countyClerk, 'reports.compute', { form: 'payment-roster', period: month, program: 'gaoling' })).rows.map((r) => r.key);
    expect(await roster('2026-07')).toEqual(expect.arrayContaining([e.checked, e.missed, e.westMissed, e.underCase]));
    expect((await roster('2026-07')).includes(e.died)).toBe(false);
    expect((await roster('2026-08')).sort()).toEqual([e.checked, e.underCase].sort());

    const audit = await t.backend.store.db.selectFrom('audit_log').select(['action', 'entity_id', 'reason', 'before_json', 'after_json']).where('action', 'in', ['enrollment.stop', 'survival.record']).orderBy('seq').execute();
    expect(audit.filter((a) => a.action === 'enrollment.stop').map((a) => [a.entity_id, a.reason])).toEqual(
      expect.arrayContaining([
        [e.missed, '未按期完成生存认证（2026年上半年）'],
        [e.died, '生存认证结果为死亡（2026年上半年）'],
      ]),
    );
    expect(audit).toHaveLength(5);
    const logged = JSON.stringify(audit.map((a) => [a.before_json, a.after_json]));
    for (const p of [checked, died, missed, westMissed]) {
      expect(logged).not.toContain(p.idNumber);
      expect(logged).not.toContain(p.name);
    }
  });
});

describe('elderly with special difficulties', () => {
  const fields = { difficulties: ['alone', 'very_old'] as ('alone' | 'very_old' | 'empty_nest')[], contactName: '儿子王军', contactPhone: '13900001234' };

  it('keeps visits due, lists them due soon and overdue as the clock moves, and follows the county intervals', async () => {
    t = await approvalCounty('2026-11-20T09:00:00+08:00');
    const old = await elder('1940-02-02');
    const young = await elder('1956-01-10');
    const sixty = await elder('1968-01-01');

    expect((await t.failure(t.eastA, 'elderly.elders.register', { personId: sixty.personId, ...fields, difficulties: ['alone'] })).message).toContain('60 周岁及以上');
    expect((await t.failure(t.eastA, 'elderly.elders.register', { personId: young.personId, ...fields })).details?.fields?.[0]?.path).toEqual(['difficulties']);
    expect((await t.failure(t.westClerk, 'elderly.elders.register', { personId: old.personId, ...fields })).code).toBe('FORBIDDEN');
    await t.call(t.eastA, 'elderly.elders.register', { personId: old.personId, ...fields });
    await t.call(t.eastA, 'elderly.elders.register', { personId: young.personId, ...fields, difficulties: ['empty_nest'], contactName: null, contactPhone: null });
    expect((await t.failure(t.eastA, 'elderly.elders.register', { personId: old.personId, ...fields })).message).toContain('已在特殊困难老年人台账中');

    // Living alone: monthly; an empty nest: quarterly.
    expect(await t.call(t.eastA, 'elderly.elders.get', { personId: old.personId })).toMatchObject({ nextDueOn: '2026-12-20', dueState: 'ok', difficulties: ['alone', 'very_old'], masked: false, contactPhone: '13900001234' });
    expect((await t.call(t.eastA, 'elderly.elders.get', { personId: young.personId })).nextDueOn).toBe('2027-02-20');
    const visit = { personId: old.personId, visitedOn: '2026-11-20', kind: 'home' as const, visitor: '村委李主任', findings: '老人独居，血压偏高，家中缺少取暖设备', needs: '取暖器', followUp: '联系乡镇社工站' };
    expect((await t.call(t.eastA, 'elderly.visits.record', visit)).nextDueOn).toBe('2026-12-20');
    expect((await t.failure(t.eastA, 'elderly.visits.record', { ...visit, visitedOn: '2026-11-21' })).details?.fields?.[0]?.path).toEqual(['visitedOn']);
    expect((await t.failure(t.eastA, 'elderly.visits.record', { ...visit, visitedOn: '2026-11-19' })).message).toContain('早于建档日期');

    await laterDays(t, 25); // 2026-12-15
    let due = await t.call(t.eastA, 'elderly.visits.due', {});
    expect(due.overdue).toEqual([]);
    expect(due.dueSoon.map((r) => [r.personId, r.days])).toEqual([[old.personId, 5]]);
    await laterDays(t, 7); // 2026-12-22
    due = await t.call(t.eastA, 'elderly.visits.due', {});
    expect(due.overdue.map((r) => [r.personId, r.days, r.lastVisitedOn])).toEqual([[old.personId, 2, '2026-11-20']]);
    expect([due.overdueTotal, due.dueSoonTotal]).toEqual([1, 0]);
    expect((await t.call(t.westClerk, 'elderly.visits.due', {})).overdue).toEqual([]);
    expect((await t.call(t.eastA, 'elderly.elders.list', { state: 'overdue' })).rows.map((r) => r.personId)).toEqual([old.personId]);
    expect((await t.call(t.eastA, 'elderly.elders.list', { difficulty: 'empty_nest' })).rows.map((r) => r.personId)).toEqual([young.personId]);

    // The county visits people living alone every two months: no longer overdue; an edit moves the date too.
    const policy = await t.call(t.admin, 'elderly.policy.get', {});
    expect(policy).toMatchObject({ survivalStopsPayment: true, graceDays: 0, dueSoonDays: 7, visitMonths: { alone: 1, empty_nest: 3 } });
    await t.call(t.admin, 'elderly.policy.save', { ...policy, visitMonths: { ...policy.visitMonths, alone: 2, very_old: 2 } });
    expect(await t.call(t.eastA, 'elderly.elders.get', { personId: old.personId })).toMatchObject({ nextDueOn: '2027-01-20', dueState: 'ok' });
    await t.call(t.eastA, 'elderly.elders.update', { personId: young.personId, difficulties: ['empty_nest', 'alone'], contactName: null, contactPhone: null, reason: '老伴去世，现独居' });
    expect((await t.call(t.eastA, 'elderly.elders.get', { personId: young.personId })).nextDueOn).toBe('2027-01-20');
    expect((await t.failure(t.admin, 'elderly.policy.save', { ...policy, graceDays: 61 })).code).toBe('VALIDATION');
    expect((await t.failure(t.countyClerk, 'elderly.policy.save', policy)).code).toBe('FORBIDDEN');

    // Closing takes the file off the reminders; registering again reopens it, visits due from the reopening.
    await t.call(t.eastA, 'elderly.elders.close', { personId: old.personId, closedOn: '2026-12-22', reason: '随子女迁往外地居住' });
    expect((await t.call(t.eastA, 'elderly.elders.list', { state: 'closed' })).rows.map((r) => r.personId)).toEqual([old.personId]);
    expect((await t.failure(t.eastA, 'elderly.visits.record', { ...visit, visitedOn: '2026-12-22' })).message).toContain('已结案');
    await laterDays(t, 10); // 2027-01-01
    await t.call(t.eastA, 'elderly.elders.register', { personId: old.personId, ...fields });
    expect(await t.call(t.eastA, 'elderly.elders.get', { personId: old.personId })).toMatchObject({ openedOn: '2027-01-01', closedOn: null, nextDueOn: '2027-03-01', lastVisitedOn: '2026-11-20' });
  });

  it('records ability assessments, masks files for roles without need and keeps personal data out of the audit log', async () => {
    t = await approvalCounty('2026-11-20T09:00:00+08:00');
    const manager = await staff(t, 'manager', 'manager');
    const old = await elder('1940-02-02');
    const sixty = await elder('1968-01-01');
    await t.call(t.eastA, 'elderly.elders.register', { personId: old.personId, ...fields });
    await t.call(t.eastA, 'elderly.visits.record', { personId: old.personId, visitedOn: '2026-11-20', kind: 'phone', visitor: '李主任', findings: '老人近期跌倒，行动不便' });

    const assessment = { personId: old.personId, assessedOn: '2026-11-18', assessor: '张评估员', organisation: '县养老服务指导中心', score: 70, level: 'intact' as const, notes: '右腿骨折后行走需扶持' };
    expect((await t.failure(t.eastA, 'elderly.assessments.record', assessment)).details?.fields?.[0]?.path).toEqual(['level']);
    expect((await t.failure(t.eastA, 'elderly.assessments.record', { ...assessment, personId: sixty.personId, level: 'mild' })).message).toContain('60 周岁及以上');
    expect((await t.failure(t.eastA, 'elderly.assessments.record', { ...assessment, level: 'mild', assessedOn: '2026-11-21' })).details?.fields?.[0]?.path).toEqual(['assessedOn']);
    // Adjustments may only make the level more severe than the score gives.
    expect(await t.call(t.eastA, 'elderly.assessments.record', { ...assessment, level: 'moderate' })).toMatchObject({ nextDueOn: '2027-11-18' });
    expect((await t.call(t.countyClerk, 'elderly.assessments.list', { personId: old.personId })).map((a) => [a.level, a.score, a.notes])).toEqual([['moderate', 70, '右腿骨折后行走需扶持']]);
    expect((await t.failure(t.westClerk, 'elderly.assessments.list', { personId: old.personId })).code).toBe('FORBIDDEN');
    expect((await t.failure(t.westClerk, 'elderly.elders.get', { personId: old.personId })).code).toBe('FORBIDDEN');
    expect((await t.call(t.westClerk, 'elderly.elders.list', {})).total).toBe(0);

    for (const session of [manager, t.admin]) {
      const masked = await t.call(session, 'elderly.elders.get', { personId: old.personId });
      expect(masked.masked).toBe(true);
      expect(masked.name).toMatch(/^.\*+$/);
      expect(masked.idNumber).toMatch(/^431122\*{8}\d{3}[\dX]$/);
      expect(masked.contactPhone).toBeNull();
      expect(masked.contactName).toMatch(/^儿\*+$/);
      expect(masked.visits[0]?.findings).toBe('（无权查看）');
      expect(masked.assessments[0]).toMatchObject({ level: 'moderate', notes: null });
    }
    expect((await t.failure(manager, 'elderly.visits.record', { personId: old.personId, visitedOn: '2026-11-20', kind: 'home', visitor: '王', findings: '探访情况' })).code).toBe('FORBIDDEN');

    await t.call(t.eastA, 'elderly.elders.close', { personId: old.personId, closedOn: '2026-11-20', reason: '入住县福利院' });
    const audit = await t.backend.store.db.selectFrom('audit_log').select(['action', 'before_json', 'after_json']).where('entity', 'in', ['elder', 'elder_assessment']).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['elder.register', 'elder.visit', 'elder.assessment', 'elder.close']);
    const logged = JSON.stringify(audit);
    for (const secret of [old.idNumber, old.name, '13900001234', '儿子王军', '跌倒', '骨折', '福利院']) expect(logged).not.toContain(secret);
  });
});
