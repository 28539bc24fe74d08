import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { nameInitials } from '../../src/main/households/search-keys';
import { checkIdNumber, maskIdNumber } from '../../src/shared/domain/id-number';
import { createCounty, type TestLedger } from '../fixtures/ledger';
import { familyOfFour } from '../fixtures/households';
import { captureFiles } from '../fixtures/files';
import type { Session } from '../../src/main/rpc/sessions';

let ledger: TestLedger | undefined;
afterEach(async () => {
  await ledger?.dispose();
  ledger = undefined;
});

type County = Awaited<ReturnType<typeof createCounty>>;

async function clerkOf(t: County, username: string, townshipId: string, role: 'township_clerk' | 'county_clerk' = 'township_clerk') {
  await t.call(t.admin, 'users.create', { username, displayName: username, role, townshipId: role === 'township_clerk' ? townshipId : null, password: 'Temp2026pass' });
  const s = await t.login(username, 'Temp2026pass');
  await t.call(s, 'auth.changePassword', { currentPassword: 'Temp2026pass', newPassword: 'Mine2026pass' });
  return s;
}

async function registerFamily(t: County, session: Session, seed = 11) {
  const { members, people } = familyOfFour(seed);
  const { id } = await t.call(session, 'households.create', {
    townshipId: t.east.id,
    villageId: t.eastVillage.id,
    address: '东山村三组 12 号',
    hukouType: 'rural',
    phone: '13800001111',
    bankName: '农村商业银行',
    bankAccount: '6230 1234 5678 9012',
    members,
  });
  return { id, members, people };
}

describe('registering households', () => {
  it('registers a household of four: sex and birth date come from the ID, the head is the head', async () => {
    const t = await createCounty();
    ledger = t;
    const clerk = await clerkOf(t, 'dongshan2', t.east.id);
    const { id, members } = await registerFamily(t, clerk);
    const detail = await t.call(clerk, 'households.get', { id });
    expect(detail.members.map((m) => m.name)).toEqual([members[0]!.name, members[1]!.name, members[3]!.name, members[2]!.name]);
    for (const m of detail.members) {
      const info = checkIdNumber(m.idNumber);
      expect(info.ok && info.info.sex).toBe(m.sex);
      expect(info.ok && info.info.birthDate).toBe(m.birthDate);
    }
    expect(detail.headPersonId).toBe(detail.members.find((m) => m.relation === 'self')!.id);
    expect(detail.bankAccount).toBe('6230123456789012');
    const timeline = await t.call(clerk, 'households.timeline', { id });
    expect(timeline[0]).toMatchObject({ action: 'household.register', summary: '登记家庭（4 人）', username: 'dongshan2' });
  });

  it('refuses what the rules forbid, naming the other record, and writes nothing', async () => {
    const t = await createCounty();
    ledger = t;
    const clerk = await clerkOf(t, 'dongshan2', t.east.id);
    const { members } = await registerFamily(t, clerk);
    const before = await t.call(t.admin, 'workspace.overview', {});
    const { members: others } = familyOfFour(99);
    // The mother is already registered in the first household.
    const twice = await t.failure(clerk, 'households.create', {
      townshipId: t.east.id,
      villageId: null,
      address: '东山村五组',
      hukouType: 'rural',
      phone: null,
      members: [...others.slice(0, 2), { ...members[3]!, relation: 'parent' }],
    });
    expect(twice.code).toBe('VALIDATION');
    expect(twice.details?.fields).toContainEqual({ path: ['members', 2, 'idNumber'], message: `${members[3]!.name}已登记在东山镇东山村户主${members[0]!.name}的家庭中，同一人不能登记在两户` });
    const preview = await t.call(clerk, 'households.checkMembers', { members: [...others.slice(0, 2), members[3]!] });
    expect(preview.problems.map((p) => p.path)).toEqual([['members', 2, 'idNumber']]);
    const badChecksum = others[0]!.idNumber.slice(0, 17) + (others[0]!.idNumber[17] === '1' ? '2' : '1');
    const bad = await t.failure(clerk, 'households.create', {
      townshipId: t.east.id,
      villageId: null,
      address: '东山村五组',
      hukouType: 'rural',
      phone: null,
      members: [{ ...others[0]!, idNumber: badChecksum }, { ...others[1]!, relation: 'self' }],
    });
    expect(bad.details?.fields).toEqual(
      expect.arrayContaining([
        { path: ['members'], message: '一户只能有一名户主' },
        { path: ['members', 0, 'idNumber'], message: '身份证号码校验位不对，请核对' },
      ]),
    );
    expect(await t.call(t.admin, 'workspace.overview', {})).toEqual(before);
  });

  it("refuses a township clerk a household in another township, and registering there", async () => {
    const t = await createCounty();
    ledger = t;
    const east = await clerkOf(t, 'dongshan2', t.east.id);
    const west = await clerkOf(t, 'xihe', t.west.id);
    const { id } = await registerFamily(t, east);
    expect((await t.failure(west, 'households.get', { id })).code).toBe('FORBIDDEN');
    expect((await t.failure(west, 'households.timeline', { id })).code).toBe('FORBIDDEN');
    expect((await t.call(west, 'ledger.list', { kind: 'households', page: 1, pageSize: 50 })).total).toBe(0);
    const { members } = familyOfFour(5);
    expect((await t.failure(west, 'households.create', { townshipId: t.east.id, villageId: null, address: 'x', hukouType: 'rural', phone: null, members })).code).toBe('FORBIDDEN');
  });
});

describe('finding people', () => {
  it('finds by pinyin initials, by name, by the start or the end of an ID, within scope', async () => {
    const t = await createCounty();
    ledger = t;
    const clerk = await clerkOf(t, 'dongshan2', t.east.id);
    const { id, members } = await registerFamily(t, clerk);
    await registerFamily(t, clerk, 12);
    const head = members[0]!;
    const find = async (q: string, kind: 'persons' | 'households' = 'persons') =>
      (await t.call(clerk, 'ledger.list', { kind, q, page: 1, pageSize: 50 })).rows.map((r) => ('name' in r ? r.name : r.id));
    expect(await find(nameInitials(head.name))).toContain(head.name);
    expect(await find(head.name.slice(0, 2))).toContain(head.name);
    expect(await find(head.idNumber.slice(-6))).toEqual([head.name]);
    expect(await find(head.idNumber.slice(-4).toLowerCase())).toContain(head.name);
    expect(await find(head.idNumber.slice(0, 14))).toContain(head.name);
    expect(await find(head.idNumber)).toEqual([head.name]);
    expect(await find(members[3]!.idNumber.slice(-6), 'households')).toEqual([id]);
    expect(await find('不存在的人')).toEqual([]);
  });

  it('masks ID numbers and bank accounts for roles that do not need them', async () => {
    const t = await createCounty();
    ledger = t;
    const clerk = await clerkOf(t, 'dongshan2', t.east.id);
    const { id, members } = await registerFamily(t, clerk);
    const manager = await clerkOf(t, 'boss', t.east.id, 'county_clerk');
    await t.call(t.admin, 'users.update', { id: (await t.call(t.admin, 'users.list', {})).find((u) => u.username === 'boss')!.id, displayName: 'boss', role: 'manager', townshipId: null });
    for (const s of [t.admin, manager]) {
      const row = (await t.call(s, 'ledger.list', { kind: 'persons', q: members[0]!.idNumber.slice(-6), page: 1, pageSize: 10 })).rows[0]!;
      expect('idNumber' in row && row.idNumber).toBe(maskIdNumber(members[0]!.idNumber));
      const detail = await t.call(s, 'households.get', { id });
      expect(detail.members.every((m) => m.idNumber.includes('********'))).toBe(true);
      expect(detail.bankAccount).toBe('623012******9012');
    }
    expect((await t.call(clerk, 'households.get', { id })).members[0]!.idNumber).toBe(members[0]!.idNumber);
  });

  it('filters by program, status and age', async () => {
    const t = await createCounty();
    ledger = t;
    const clerk = await clerkOf(t, 'dongshan2', t.east.id);
    const { id } = await registerFamily(t, clerk);
    await registerFamily(t, clerk, 12);
    const detail = await t.call(t.admin, 'households.get', { id });
    await t.call(t.admin, 'enrollments.createInitial', { householdId: id, program: 'dibao', personIds: [], category: 'rural', startMonth: '2026-03', monthlyAmountFen: 120000, reason: '建账录入' });
    const dibao = await t.call(clerk, 'ledger.list', { kind: 'households', program: 'dibao', page: 1, pageSize: 50 });
    expect(dibao.rows.map((r) => r.id)).toEqual([id]);
    expect(dibao.rows[0]).toMatchObject({ monthlyTotalFen: 120000, programs: [{ program: 'dibao', status: 'active' }] });
    const elderly = await t.call(clerk, 'ledger.list', { kind: 'persons', ageMin: 75, page: 1, pageSize: 50 });
    expect(elderly.rows.every((r) => 'age' in r && r.age >= 75)).toBe(true);
    expect(elderly.rows.map((r) => r.id)).toContain(detail.members.find((m) => m.relation === 'parent')!.id);
    expect((await t.call(clerk, 'ledger.list', { kind: 'persons', program: 'dibao', status: 'stopped', page: 1, pageSize: 50 })).total).toBe(0);
  });
});

describe('editing with a reason, on the timeline', () => {
  it('keeps who, when, why, before and after', async () => {
    const t = await createCounty();
    ledger = t;
    const clerk = await clerkOf(t, 'dongshan2', t.east.id);
    const { id } = await registerFamily(t, clerk);
    const son = (await t.call(clerk, 'households.get', { id })).members.find((m) => m.relation === 'son')!;
    const noReason = await t.failure(clerk, 'persons.update', { id: son.id, name: son.name, idNumber: son.idNumber, relation: 'son', reason: '' });
    expect(noReason.details?.fields?.[0]).toMatchObject({ path: ['reason'], message: '请写明修改原因（至少 2 个字）' });
    await t.call(clerk, 'persons.update', { id: son.id, name: son.name, idNumber: son.idNumber, relation: 'son', schoolStatus: 'senior', ethnicity: '苗族', reason: '入户调查核实在学情况' });
    const [latest] = await t.call(clerk, 'households.timeline', { id });
    expect(latest).toMatchObject({ action: 'person.update', reason: '入户调查核实在学情况', username: 'dongshan2', summary: `修改成员信息：${son.name}` });
    expect(latest!.changes).toEqual([
      { field: '民族', before: null, after: '苗族' },
      { field: '在学情况', before: null, after: '高中在读' },
    ]);
  });

  it('adds a member, lets a masked-ID role edit without retyping numbers, and records nothing when nothing changed', async () => {
    const t = await createCounty();
    ledger = t;
    const clerk = await clerkOf(t, 'dongshan2', t.east.id);
    const { id, people } = await registerFamily(t, clerk);
    const baby = people.person({ bornFrom: 2024, bornTo: 2025, surname: '张' });
    await t.call(clerk, 'persons.add', { householdId: id, member: { name: baby.name, idNumber: baby.idNumber, relation: 'grandchild' }, reason: '新生儿落户' });
    const asAdmin = await t.call(t.admin, 'households.get', { id });
    expect(asAdmin.members).toHaveLength(5);
    const head = asAdmin.members.find((m) => m.relation === 'self')!;
    const entries = (await t.call(t.admin, 'households.timeline', { id })).length;
    // The administrator sees masked numbers and sends them back unchanged.
    await t.call(t.admin, 'persons.update', { id: head.id, name: head.name, idNumber: head.idNumber, relation: 'self', ethnicity: '侗族', reason: '更正民族' });
    await t.call(t.admin, 'households.update', { id, villageId: t.eastVillage.id, address: '东山村三组 12 号', hukouType: 'rural', phone: '13800001111', bankName: '农村商业银行', bankAccount: asAdmin.bankAccount, reason: '无改动' });
    const timeline = await t.call(clerk, 'households.timeline', { id });
    expect(timeline).toHaveLength(entries + 1);
    expect(timeline[0]!.changes).toEqual([{ field: '民族', before: null, after: '侗族' }]);
    const full = await t.call(clerk, 'households.get', { id });
    expect(full.members.find((m) => m.id === head.id)!.idNumber).toMatch(/^\d{17}[\dX]$/);
    expect(full.bankAccount).toBe('6230123456789012');
  });

  it('refuses to remove the head, and re-derives sex and birth date when an ID is corrected', async () => {
    const t = await createCounty();
    ledger = t;
    const clerk = await clerkOf(t, 'dongshan2', t.east.id);
    const { id, people } = await registerFamily(t, clerk);
    const detail = await t.call(clerk, 'households.get', { id });
    const head = detail.members.find((m) => m.relation === 'self')!;
    expect((await t.failure(clerk, 'persons.update', { id: head.id, name: head.name, idNumber: head.idNumber, relation: 'spouse', reason: '关系录错' })).code).toBe('VALIDATION');
    const son = detail.members.find((m) => m.relation === 'son')!;
    const corrected = people.person({ sex: 'female', bornFrom: 2009, bornTo: 2009 });
    await t.call(clerk, 'persons.update', { id: son.id, name: son.name, idNumber: corrected.idNumber, relation: 'daughter', reason: '身份证号码录错，按户口簿更正' });
    const after = (await t.call(clerk, 'households.get', { id })).members.find((m) => m.id === son.id)!;
    expect(after).toMatchObject({ sex: 'female', birthDate: corrected.birthDate, relation: 'daughter' });
  });
});

describe('enrollments of the initial load and the rules between programs', () => {
  it('refuses 低保 and 特困 for the same person, naming the other record', async () => {
    const t = await createCounty();
    ledger = t;
    const clerk = await clerkOf(t, 'dongshan2', t.east.id);
    const { id } = await registerFamily(t, clerk);
    const detail = await t.call(t.admin, 'households.get', { id });
    const mother = detail.members.find((m) => m.relation === 'parent')!;
    await t.call(t.admin, 'enrollments.createInitial', { householdId: id, program: 'dibao', personIds: [], category: 'rural', startMonth: '2026-01', monthlyAmountFen: 100000, reason: '建账录入' });
    const conflict = await t.failure(t.admin, 'enrollments.createInitial', { householdId: id, program: 'tekun', personIds: [mother.id], category: 'home', startMonth: '2026-02', monthlyAmountFen: 90000, reason: '建账录入' });
    expect(conflict).toMatchObject({ code: 'CONFLICT', message: `${mother.name}已在东山镇享受低保：同一人不能同时享受低保和特困供养` });
    const again = await t.failure(t.admin, 'enrollments.createInitial', { householdId: id, program: 'dibao', personIds: [mother.id], category: 'rural', startMonth: '2026-02', monthlyAmountFen: 1, reason: '建账录入' });
    expect(again.message).toBe(`${mother.name}已有低保在保记录，不能重复纳入`);
    expect((await t.failure(clerk, 'enrollments.createInitial', { householdId: id, program: 'gaoling', personIds: [mother.id], category: '80', startMonth: '2026-02', monthlyAmountFen: 1, reason: '建账录入' })).code).toBe('FORBIDDEN');
  });

  it('refuses 孤儿 with 事实无人抚养儿童, and ages outside a program', async () => {
    const t = await createCounty();
    ledger = t;
    const clerk = await clerkOf(t, 'dongshan2', t.east.id);
    const { id } = await registerFamily(t, clerk);
    const detail = await t.call(t.admin, 'households.get', { id });
    const son = detail.members.find((m) => m.relation === 'son')!;
    const mother = detail.members.find((m) => m.relation === 'parent')!;
    await t.call(t.admin, 'enrollments.createInitial', { householdId: id, program: 'de_facto_orphan', personIds: [son.id], category: null, startMonth: '2025-06', monthlyAmountFen: 140000, reason: '建账录入' });
    const both = await t.failure(t.admin, 'enrollments.createInitial', { householdId: id, program: 'orphan', personIds: [son.id], category: 'home', startMonth: '2025-06', monthlyAmountFen: 140000, reason: '建账录入' });
    expect(both.message).toContain('同一儿童不能同时认定为孤儿和事实无人抚养儿童');
    const tooYoung = await t.failure(t.admin, 'enrollments.createInitial', { householdId: id, program: 'gaoling', personIds: [detail.members[0]!.id], category: '80', startMonth: '2026-01', monthlyAmountFen: 5000, reason: '建账录入' });
    expect(tooYoung.message).toContain('未满 80 周岁，不能享受高龄津贴');
    const age = mother.age;
    const band = age >= 90 ? '90' : '80';
    const wrongBand = await t.failure(t.admin, 'enrollments.createInitial', { householdId: id, program: 'gaoling', personIds: [mother.id], category: band === '80' ? '90' : '80', startMonth: '2026-11', monthlyAmountFen: 5000, reason: '建账录入' });
    expect(wrongBand.message).toContain(`高龄津贴应为 ${band} 档`);
  });

  it('links the standard in force in the start month', async () => {
    const t = await createCounty();
    ledger = t;
    const clerk = await clerkOf(t, 'dongshan2', t.east.id);
    const first = await registerFamily(t, clerk);
    const second = await registerFamily(t, clerk, 12);
    await t.call(t.admin, 'standards.save', { item: 'dibao_rural', amountFen: 70000, effectiveFrom: '2026-07-01', note: '调标' });
    await t.call(t.admin, 'enrollments.createInitial', { householdId: first.id, program: 'dibao', personIds: [], category: 'rural', startMonth: '2026-06', monthlyAmountFen: 1, reason: '建账录入' });
    await t.call(t.admin, 'enrollments.createInitial', { householdId: second.id, program: 'dibao', personIds: [], category: 'rural', startMonth: '2026-07', monthlyAmountFen: 1, reason: '建账录入' });
    expect((await t.call(t.admin, 'households.get', { id: first.id })).enrollments[0]).toMatchObject({ standardFen: 60000, standardFrom: '2020-01-01' });
    expect((await t.call(t.admin, 'households.get', { id: second.id })).enrollments[0]).toMatchObject({ standardFen: 70000, standardFrom: '2026-07-01' });
    const versions = (await t.call(clerk, 'standards.list', {})).filter((s) => s.item === 'dibao_rural');
    expect(versions.map((v) => v.effectiveFrom)).toEqual(['2026-07-01', '2020-01-01']);
  });
});

describe('age events', () => {
  it('lists an orphan turning 18 before it happens, and as overdue after', async () => {
    const t = await createCounty();
    ledger = t;
    const clerk = await clerkOf(t, 'dongshan2', t.east.id);
    const { people } = familyOfFour(3);
    const grandma = people.person({ sex: 'female', bornFrom: 1950, bornTo: 1952 });
    const child = people.personBornOn('2008-12-01');
    const { id } = await t.call(clerk, 'households.create', {
      townshipId: t.east.id,
      villageId: null,
      address: '东山村',
      hukouType: 'rural',
      phone: null,
      members: [
        { name: grandma.name, idNumber: grandma.idNumber, relation: 'self' },
        { name: child.name, idNumber: child.idNumber, relation: 'grandchild' },
      ],
    });
    const childId = (await t.call(clerk, 'households.get', { id })).members.find((m) => m.relation === 'grandchild')!.id;
    await t.call(t.admin, 'enrollments.createInitial', { householdId: id, program: 'orphan', personIds: [childId], category: 'home', startMonth: '2024-01', monthlyAmountFen: 140000, reason: '建账录入' });
    // The clock stands at 2026-11-20: the 18th birthday is 11 days away.
    const before = await t.call(clerk, 'ageEvents.list', { withinDays: 30 });
    expect(before.upcoming).toContainEqual(expect.objectContaining({ name: child.name, line: 18, date: '2026-12-01', programs: ['orphan'] }));
    expect(before.overdue.filter((e) => e.name === child.name)).toEqual([]);
    t.clock.set('2026-12-05T09:00:00+08:00');
    const later = await t.login('dongshan2', 'Mine2026pass');
    const after = await t.call(later, 'ageEvents.list', { withinDays: 30 });
    expect(after.overdue).toContainEqual(expect.objectContaining({ name: child.name, line: 18, message: '已满 18 周岁（18 岁），仍在领取孤儿基本生活费' }));
  });
});

describe('roster export', () => {
  it('writes the township layout: title, header, rows, 合计 and footer, IDs as text, no formulas', async () => {
    const t = await createCounty();
    ledger = t;
    const clerk = await clerkOf(t, 'dongshan2', t.east.id);
    const files = captureFiles(clerk);
    const first = await registerFamily(t, clerk);
    const second = await registerFamily(t, clerk, 12);
    await t.call(clerk, 'households.update', { id: second.id, villageId: null, address: '=HYPERLINK("http://evil")', hukouType: 'rural', phone: null, reason: '测试公式' });
    await t.call(t.admin, 'enrollments.createInitial', { householdId: first.id, program: 'dibao', personIds: [], category: 'rural', startMonth: '2026-03', monthlyAmountFen: 123456, reason: '建账录入' });
    await t.call(t.admin, 'enrollments.createInitial', { householdId: second.id, program: 'dibao', personIds: [], category: 'rural', startMonth: '2026-04', monthlyAmountFen: 100001, reason: '建账录入' });
    const result = await t.call(clerk, 'exports.roster', { kind: 'households', program: 'dibao' });
    expect(result).toMatchObject({ kind: 'saved', rows: 2, fileName: '测试县东山镇最低生活保障花名册_20261120.xlsx' });

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(files[0]!.data as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('花名册')!;
    const values = (r: number) => (sheet.getRow(r).values as unknown[]).slice(1);
    expect(values(1)[0]).toBe('测试县东山镇最低生活保障花名册');
    expect(values(3)).toEqual(['序号', '乡镇（街道）', '村（社区）', '户主姓名', '身份证号码', '家庭人口', '类别', '保障人数', '月保障金额（元）', '起始月份', '状态', '家庭住址', '开户银行', '银行账号']);
    const rows = [values(4), values(5)];
    expect(rows.map((r) => r[3]).sort()).toEqual([first.members[0]!.name, second.members[0]!.name].sort());
    expect(rows.map((r) => r[4]).sort()).toEqual([first.members[0]!.idNumber, second.members[0]!.idNumber].sort());
    expect(sheet.getRow(4).getCell(5).numFmt).toBe('@');
    const total = values(6);
    expect(total[0]).toBe('合计');
    expect(total[5]).toBe(8);
    expect(total[7]).toBe(8);
    expect(total[8]).toBe(2234.57);
    expect(String(sheet.getRow(8).getCell(1).value)).toMatch(/^制表人：dongshan2 .*制表日期：2026年11月20日$/);
    // Nothing in the workbook starts a formula.
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        if (typeof cell.value === 'string') expect(cell.value).not.toMatch(/^[=+\-@]/);
      }),
    );
    expect(rows.some((r) => r[11] === `'=HYPERLINK("http://evil")`)).toBe(true);
  });
});
