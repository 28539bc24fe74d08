/**
 * The children's care ledger: a left-behind child registered with a guardian and a 儿童主任, visits that
 * move the due date, a visit becoming due soon and then overdue as the clock moves, the county changing its
 * intervals, closing a file, scope, and masking for roles without need.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PeopleGenerator } from '../fixtures/people';
import { addDays } from '../../src/shared/domain/dates';
import { registerHouseholds } from '../../src/main/households/households.service';
import { DUE_LIST_LIMIT } from '../../src/main/ledger/person-file';
import { careCounty, eastHousehold, laterDays, type ApprovalCounty } from '../fixtures/cases';
import type { Session } from '../../src/main/rpc/sessions';

let t: ApprovalCounty;
let manager: Session;
beforeEach(async () => {
  ({ t, manager } = await careCounty('2026-11-20T09:00:00+08:00'));
});
afterEach(async () => {
  await t.dispose();
});

/** A rural family in 东山村: a grandmother (the guardian), a child of 9, a youth of 16 and the absent father. */
async function family() {
  const gen = new PeopleGenerator(77, '431122');
  const father = gen.person({ sex: 'male', bornFrom: 1985, bornTo: 1988, surname: '刘' });
  const grandmother = gen.person({ sex: 'female', bornFrom: 1955, bornTo: 1958, surname: '陈' });
  const child = gen.personBornOn('2017-03-05', 'female');
  const youth = gen.personBornOn('2010-06-01', 'male');
  const detail = await eastHousehold(t, '东山村五组 3 号', [
    { name: father.name, idNumber: father.idNumber, relation: 'self' },
    { name: `刘${child.name.slice(1)}`, idNumber: child.idNumber, relation: 'daughter' },
    { name: `刘${youth.name.slice(1)}`, idNumber: youth.idNumber, relation: 'son' },
    { name: grandmother.name, idNumber: grandmother.idNumber, relation: 'parent' },
  ]);
  const personId = (idNumber: string) => detail.members.find((m) => m.idNumber === idNumber)!.id;
  return { householdId: detail.id, childId: personId(child.idNumber), childIdNumber: child.idNumber, youthId: personId(youth.idNumber), grandmother };
}

const fields = (grandmother: { name: string; idNumber: string }, directorId: string | null) => ({
  category: 'left_behind' as const,
  guardianship: 'entrusted' as const,
  guardianName: grandmother.name,
  guardianRelation: '祖母',
  guardianIdNumber: grandmother.idNumber,
  guardianPhone: '13900002222',
  directorId,
  school: '东山小学三年级',
  health: '健康',
  pairingName: '周老师',
  pairingKind: 'teacher' as const,
  pairingPhone: '13700003333',
});

describe('children care ledger', () => {
  it('registers a left-behind child, keeps visits due and lists them overdue as the clock moves', async () => {
    const f = await family();
    const { id: directorId } = await t.call(t.eastA, 'care.directors.save', { townshipId: t.east.id, villageId: t.eastVillage.id, name: '孙主任', phone: '13600004444' });

    // The youth is 16: no longer a 留守 child. A 困境儿童 needs its cause. A director of another township is refused.
    const tooOld = await t.failure(t.eastA, 'care.children.register', { personId: f.youthId, ...fields(f.grandmother, directorId) });
    expect(tooOld.message).toContain('已满 16 周岁');
    const noCause = await t.failure(t.eastA, 'care.children.register', { personId: f.childId, ...fields(f.grandmother, directorId), category: 'in_difficulty' });
    expect(noCause.details?.fields?.[0]?.path).toEqual(['cause']);
    const { id: westDirector } = await t.call(t.westClerk, 'care.directors.save', { townshipId: t.west.id, villageId: null, name: '西河主任', phone: null });
    const wrongDirector = await t.failure(t.eastA, 'care.children.register', { personId: f.childId, ...fields(f.grandmother, westDirector) });
    expect(wrongDirector.message).toContain('不在该儿童所在乡镇');
    // A clerk of another township cannot register (or see) this child.
    expect((await t.failure(t.westClerk, 'care.children.register', { personId: f.childId, ...fields(f.grandmother, null) })).code).toBe('FORBIDDEN');

    await t.call(t.eastA, 'care.children.register', { personId: f.childId, ...fields(f.grandmother, directorId) });
    expect((await t.failure(t.eastA, 'care.children.register', { personId: f.childId, ...fields(f.grandmother, directorId) })).message).toContain('已在儿童关爱台账中');

    // Entrusted care: monthly visits, the first due a month after registration.
    let file = await t.call(t.eastA, 'care.children.get', { personId: f.childId });
    expect(file).toMatchObject({ nextDueOn: '2026-12-20', dueState: 'ok', leavesOn: '2033-03-05', directorName: '孙主任', masked: false });
    const visit = await t.call(t.eastA, 'care.visits.record', { childId: f.childId, visitedOn: '2026-11-20', kind: 'home', visitor: '孙主任', findings: '祖母身体尚可，孩子学习正常', needs: '冬衣', followUp: '联系慈善项目' });
    expect(visit.nextDueOn).toBe('2026-12-20');
    // A visit dated in the future is refused and changes nothing.
    const future = await t.failure(t.eastA, 'care.visits.record', { childId: f.childId, visitedOn: '2026-11-21', kind: 'phone', visitor: '孙主任', findings: '电话了解情况' });
    expect(future.details?.fields?.[0]?.path).toEqual(['visitedOn']);

    await laterDays(t, 25); // 2026-12-15: due in five days
    let due = await t.call(t.eastA, 'care.visits.due', {});
    expect(due.overdue).toEqual([]);
    expect(due.dueSoon.map((r) => [r.personId, r.days])).toEqual([[f.childId, 5]]);

    await laterDays(t, 7); // 2026-12-22: two days overdue
    due = await t.call(t.eastA, 'care.visits.due', {});
    expect(due.overdue.map((r) => [r.personId, r.days, r.lastVisitedOn])).toEqual([[f.childId, 2, '2026-11-20']]);
    expect([due.overdueTotal, due.dueSoonTotal]).toEqual([1, 0]);
    expect((await t.call(t.eastA, 'care.visits.due', { directorId })).overdue).toHaveLength(1);
    expect((await t.call(t.countyClerk, 'care.visits.due', { directorId: westDirector })).overdue).toHaveLength(0);
    expect((await t.call(t.westClerk, 'care.visits.due', {})).overdue).toHaveLength(0);
    expect((await t.call(t.eastA, 'care.children.list', { dueState: 'overdue' })).total).toBe(1);
    expect((await t.call(t.eastA, 'care.directors.list', {})).find((d) => d.id === directorId)?.childCount).toBe(1);

    // The county lengthens the interval for weak guardianship to two months: the visit is no longer overdue.
    const policy = await t.call(t.admin, 'care.policy.get', {});
    await t.call(t.admin, 'care.policy.save', { ...policy, guardianshipLacking: 2 });
    file = await t.call(t.eastA, 'care.children.get', { personId: f.childId });
    expect(file).toMatchObject({ nextDueOn: '2027-01-20', dueState: 'ok' });

    // Closing the file takes it off every list; no more visits can be recorded.
    await t.call(t.eastA, 'care.children.close', { personId: f.childId, closedOn: '2026-12-22', reason: '父亲返乡照料' });
    expect((await t.call(t.eastA, 'care.visits.due', {})).dueSoon).toEqual([]);
    expect((await t.call(t.eastA, 'care.children.list', { dueState: 'closed' })).rows[0]?.personId).toBe(f.childId);
    expect((await t.failure(t.eastA, 'care.visits.record', { childId: f.childId, visitedOn: '2026-12-22', kind: 'home', visitor: '孙主任', findings: '回访' })).message).toContain('已结案');
  });

  it('masks children for roles without need and keeps their details out of the audit log', async () => {
    const f = await family();
    await t.call(t.eastA, 'care.children.register', { personId: f.childId, ...fields(f.grandmother, null) });
    await t.call(t.eastA, 'care.visits.record', { childId: f.childId, visitedOn: '2026-11-20', kind: 'home', visitor: '孙主任', findings: '孩子情绪低落，需要心理疏导', needs: null, followUp: null });

    const full = await t.call(t.countyClerk, 'care.children.get', { personId: f.childId });
    expect(full.idNumber).toBe(f.childIdNumber);
    expect(full.fields.health).toBe('健康');
    expect(full.visits[0]?.findings).toContain('心理疏导');

    for (const session of [manager, t.admin]) {
      const masked = await t.call(session, 'care.children.get', { personId: f.childId });
      expect(masked.masked).toBe(true);
      expect(masked.name).toMatch(/^刘\*+$/);
      expect(masked.idNumber).toMatch(/^431122\*{8}\d{3}[\dX]$/);
      expect(masked.guardianName).toMatch(/^陈\*+$/);
      expect(masked.fields).toMatchObject({ health: null, school: null, guardianPhone: null, pairingPhone: null });
      expect(masked.visits[0]?.findings).toBe('（无权查看）');
      const list = await t.call(session, 'care.children.list', {});
      expect(list.rows[0]?.name).toMatch(/^刘\*+$/);
    }
    // Registering and visiting stay with the clerks.
    expect((await t.failure(manager, 'care.visits.record', { childId: f.childId, visitedOn: '2026-11-20', kind: 'home', visitor: '王', findings: '探访情况' })).code).toBe('FORBIDDEN');

    const audit = await t.backend.store.db.selectFrom('audit_log').select(['action', 'before_json', 'after_json']).where('entity', '=', 'child').execute();
    expect(audit.map((a) => a.action)).toEqual(['child.register', 'child.visit']);
    const logged = JSON.stringify(audit);
    for (const secret of [f.childIdNumber, f.grandmother.name, f.grandmother.idNumber, '心理疏导', '13900002222']) expect(logged).not.toContain(secret);
  });

  it('offers only people under 18 in scope who are not yet in the ledger', async () => {
    const f = await family();
    const byName = await t.call(t.eastA, 'care.children.candidates', { q: '刘' });
    expect(byName.map((c) => c.personId).sort()).toEqual([f.childId, f.youthId].sort());
    expect(await t.call(t.westClerk, 'care.children.candidates', { q: '刘' })).toEqual([]);
    await t.call(t.eastA, 'care.children.register', { personId: f.childId, ...fields(f.grandmother, null) });
    expect((await t.call(t.eastA, 'care.children.candidates', { q: f.childIdNumber.slice(-6) })).map((c) => c.personId)).toEqual([]);
  });

  it("lists a child file's end by age before it comes, and as overdue while it stays open", async () => {
    const gen = new PeopleGenerator(78, '431122');
    const mother = gen.person({ sex: 'female', bornFrom: 1980, bornTo: 1982, surname: '黄' });
    const boy = gen.personBornOn('2010-12-10', 'male');
    const household = await eastHousehold(t, '东山村七组 1 号', [
      { name: mother.name, idNumber: mother.idNumber, relation: 'self' },
      { name: `黄${boy.name.slice(1)}`, idNumber: boy.idNumber, relation: 'son' },
    ]);
    const boyId = household.members.find((m) => m.idNumber === boy.idNumber)!.id;
    await t.call(t.eastA, 'care.children.register', { personId: boyId, ...fields(mother, null), guardianship: 'relatives' });

    const soon = await t.call(t.eastA, 'ageEvents.list', { withinDays: 30 });
    const ending = soon.upcoming.find((e) => e.personId === boyId && e.message.includes('关爱档案到期'));
    expect(ending).toMatchObject({ line: 16, date: '2026-12-10' });

    await laterDays(t, 21); // 2026-12-11: sixteen, and the file is still open
    const after = await t.call(t.eastA, 'ageEvents.list', { withinDays: 30 });
    expect(after.overdue.find((e) => e.personId === boyId)?.message).toContain('农村留守儿童关爱档案仍未结案');
    await t.call(t.eastA, 'care.children.close', { personId: boyId, closedOn: '2026-12-11', reason: '年满 16 周岁' });
    expect((await t.call(t.eastA, 'ageEvents.list', { withinDays: 30 })).overdue.some((e) => e.personId === boyId)).toBe(false);
  });

  it('keeps 儿童主任 in their township, and moves none away from the children they answer for', async () => {
    const wrongVillage = await t.failure(t.eastA, 'care.directors.save', { townshipId: t.east.id, villageId: t.westVillage.id, name: '错村主任', phone: null });
    expect(wrongVillage.details?.fields?.[0]?.path).toEqual(['villageId']);
    expect((await t.failure(t.eastA, 'care.directors.save', { townshipId: t.west.id, villageId: null, name: '越界主任', phone: null })).code).toBe('FORBIDDEN');

    const f = await family();
    const { id } = await t.call(t.countyClerk, 'care.directors.save', { townshipId: t.east.id, villageId: t.eastVillage.id, name: '孙主任', phone: null });
    await t.call(t.eastA, 'care.children.register', { personId: f.childId, ...fields(f.grandmother, id) });
    const moved = await t.failure(t.countyClerk, 'care.directors.save', { id, townshipId: t.west.id, villageId: null, name: '孙主任', phone: null });
    expect(moved.message).toContain('请先为这些儿童改派儿童主任');
    expect((await t.call(t.countyClerk, 'care.directors.list', {})).find((d) => d.id === id)).toMatchObject({ townshipId: t.east.id, childCount: 1 });
  });

  it('lists the 300 most urgent visits and counts them all', async () => {
    const gen = new PeopleGenerator(79, '431122');
    const now = new Date().toISOString();
    const db = t.backend.store.db;
    const kids = Array.from({ length: DUE_LIST_LIMIT + 5 }, () => gen.person({ bornFrom: 2012, bornTo: 2018 }));
    const { householdIds } = await registerHouseholds(db, { userId: null, username: 'test' }, t.clock.now(), kids.map((k) => ({ townshipId: t.east.id, villageId: t.eastVillage.id, address: '东山村', hukouType: 'rural' as const, phone: null, members: [{ name: k.name, idNumber: k.idNumber, relation: 'self' as const }] })));
    const persons = await db.selectFrom('persons').select(['id', 'household_id']).where('household_id', 'in', householdIds).execute();
    // Overdue by 1 to 305 days: the most overdue come first.
    const dueOf = (i: number) => addDays('2026-11-20', -1 - i);
    await db
      .insertInto('children')
      .values(persons.map((p, i) => ({ person_id: p.id, category: 'left_behind', cause: null, guardianship: 'parents', guardian_name: '监护人', guardian_relation: null, guardian_id_number: null, guardian_phone: null, director_id: null, school: null, health: null, disability: null, pairing_name: null, pairing_kind: null, pairing_phone: null, opened_on: '2025-01-01', closed_on: null, close_reason: null, last_visited_on: null, next_due_on: dueOf(i), created_at: now, updated_at: now })))
      .execute();
    const due = await t.call(t.eastA, 'care.visits.due', {});
    expect(due.overdueTotal).toBe(DUE_LIST_LIMIT + 5);
    expect(due.overdue).toHaveLength(DUE_LIST_LIMIT);
    expect(due.overdue[0]!.days).toBe(DUE_LIST_LIMIT + 5);
    expect(due.overdue.at(-1)!.days).toBe(6);
  });
});
