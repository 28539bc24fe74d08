/**
 * Rescue records (流浪乞讨人员救助): every refusal of a record with its message and nothing written, leaving
 * with its outcomes, stays, a year's monthly counts and the statistical form's 流浪乞讨救助 column worked out
 * by hand, township scope, masking for roles without need, and an audit log without personal data.
 */
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PeopleGenerator } from '../fixtures/people';
import { careCounty, laterDays, type ApprovalCounty } from '../fixtures/cases';
import type { MethodInput } from '../../src/shared/api/contract';
import type { ReportResult } from '../../src/shared/api/reports.schemas';
import type { Session } from '../../src/main/rpc/sessions';
import { collectFile } from '../../src/main/rpc/file-sink';
import { reportWorkbookFile } from '../../src/main/reports/report-workbook';

let t: ApprovalCounty;
let manager: Session;
beforeEach(async () => {
  ({ t, manager } = await careCounty('2026-11-20T09:00:00+08:00'));
});
afterEach(async () => {
  await t.dispose();
});

type Fields = MethodInput<'vagrant.create'>;

/** A man from 四川富顺 found at the bus station two days ago, his identity known. */
function knownMan(gen: PeopleGenerator, patch: Partial<Fields> = {}): Fields {
  const p = gen.person({ sex: 'male', bornFrom: 1970, bornTo: 1975, surname: '罗' });
  return {
    townshipId: t.east.id,
    foundOn: '2026-11-18',
    foundPlace: '东山镇汽车站候车厅',
    foundBy: 'police',
    identityKnown: true,
    name: p.name,
    idNumber: p.idNumber,
    sex: 'male',
    estimatedAge: null,
    description: null,
    nativePlace: '四川省富顺县',
    admittedOn: '2026-11-18',
    services: ['food_lodging', 'ticket'],
    leftOn: null,
    outcome: null,
    destination: null,
    notes: '自述外出务工失散',
    ...patch,
  };
}

/** Someone nobody can name: a woman of about 50, found on the street. */
const unknownWoman = (patch: Partial<Fields> = {}): Fields => ({
  townshipId: t.east.id,
  foundOn: '2026-11-19',
  foundPlace: '东山镇农贸市场',
  foundBy: 'patrol',
  identityKnown: false,
  name: null,
  idNumber: null,
  sex: 'female',
  estimatedAge: 50,
  description: '身高约 155 厘米，短发，左手腕有旧疤痕',
  nativePlace: null,
  admittedOn: '2026-11-19',
  services: ['food_lodging', 'medical', 'family_search'],
  leftOn: null,
  outcome: null,
  destination: null,
  notes: null,
  ...patch,
});

const rescueRows = () => t.backend.store.db.selectFrom('vagrant_rescues').selectAll().execute();
const rescueAudit = () => t.backend.store.db.selectFrom('audit_log').select(['action', 'entity_id', 'before_json', 'after_json']).where('entity', '=', 'vagrant_rescue').orderBy('seq').execute();

describe('rescue records', () => {
  it('refuses each wrong field with its message at its field, and writes nothing', async () => {
    const gen = new PeopleGenerator(91, '510322');
    const base = knownMan(gen);
    const woman = gen.person({ sex: 'female', bornFrom: 1970, bornTo: 1975 });
    const badCheck = `${base.idNumber!.slice(0, 17)}${base.idNumber!.endsWith('0') ? '1' : '0'}`;
    const cases: [Fields, string, string][] = [
      [{ ...base, name: null }, 'name', '请填写姓名'],
      [{ ...base, idNumber: badCheck }, 'idNumber', '身份证号码校验位不对'],
      [{ ...base, idNumber: woman.idNumber }, 'sex', '性别与身份证号码不符（身份证号码为女性）'],
      [unknownWoman({ estimatedAge: null }), 'estimatedAge', '身份不明时请填写估计年龄'],
      [unknownWoman({ description: null }), 'description', '身份不明时请填写体貌特征'],
      [unknownWoman({ name: '某某' }), 'name', '身份不明时不填写姓名和身份证号码'],
      [{ ...base, foundOn: '2026-11-21', admittedOn: '2026-11-21' }, 'foundOn', '发现日期不能晚于今天'],
      [{ ...base, admittedOn: '2026-11-17' }, 'admittedOn', '入站日期不能早于发现日期'],
      [{ ...base, services: [] }, 'services', '请至少选择一项救助服务'],
      [{ ...base, leftOn: '2026-11-19' }, 'outcome', '离站时请选择去向'],
      [{ ...base, outcome: 'family_pickup' }, 'leftOn', '请填写离站日期'],
      [{ ...base, leftOn: '2026-11-17', outcome: 'family_pickup' }, 'leftOn', '离站日期不能早于入站日期'],
      [{ ...base, leftOn: '2026-11-21', outcome: 'family_pickup' }, 'leftOn', '离站日期不能晚于今天'],
      [{ ...base, leftOn: '2026-11-19', outcome: 'escorted_home' }, 'destination', '护送返乡请填写返乡目的地'],
      [{ ...base, leftOn: '2026-11-19', outcome: 'transferred' }, 'destination', '转送请填写接收机构'],
      [{ ...base, foundPlace: ' ' }, 'foundPlace', '请填写发现地点'],
      [{ ...base, foundOn: '2026-02-30' }, 'foundOn', '日期无效'],
      [{ ...base, townshipId: 'no-such-township' }, 'townshipId', '所选乡镇（街道）不存在'],
    ];
    for (const [input, path, message] of cases) {
      const error = await t.failure(t.countyClerk, 'vagrant.create', input);
      expect([error.code, error.details?.fields?.[0]?.path, error.message.includes(message)], `${path}: ${error.message}`).toEqual(['VALIDATION', [path], true]);
    }
    // Writing is the clerks' work, each in their own township.
    expect((await t.failure(manager, 'vagrant.create', base)).code).toBe('FORBIDDEN');
    expect((await t.failure(t.admin, 'vagrant.create', base)).code).toBe('FORBIDDEN');
    expect((await t.failure(t.westClerk, 'vagrant.create', base)).code).toBe('FORBIDDEN');
    expect(await rescueRows()).toEqual([]);
    expect(await rescueAudit()).toEqual([]);

    // Numbered by year of admission; the same person cannot be in the station twice.
    expect((await t.call(t.eastA, 'vagrant.create', base)).rescueNo).toBe('JZ2026-0001');
    const again = await t.failure(t.eastA, 'vagrant.create', { ...base, foundOn: '2026-11-20', admittedOn: '2026-11-20' });
    expect([again.code, again.message, again.details?.fields?.[0]?.path]).toEqual(['CONFLICT', '该人员已在站（救助编号 JZ2026-0001），请勿重复登记', ['idNumber']]);
    expect((await t.call(t.eastA, 'vagrant.create', unknownWoman())).rescueNo).toBe('JZ2026-0002');
    expect((await t.call(t.eastA, 'vagrant.create', knownMan(gen, { foundOn: '2025-12-30', admittedOn: '2025-12-30', leftOn: '2026-01-02', outcome: 'family_pickup' }))).rescueNo).toBe('JZ2025-0001');
    expect((await rescueRows()).length).toBe(3);
  });

  it('keeps what is known of each person, and derives age and stay', async () => {
    const gen = new PeopleGenerator(92, '510322');
    const man = knownMan(gen);
    // Typed with full-width digits and a lowercase x, as it may be: kept normalized.
    const typed = man.idNumber!.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).replace('X', 'x');
    const { id } = await t.call(t.eastA, 'vagrant.create', { ...man, idNumber: typed, estimatedAge: 30 });
    const record = await t.call(t.eastA, 'vagrant.get', { id });
    const born = man.idNumber!.slice(6, 14);
    const age = 2026 - Number(born.slice(0, 4)) - (born.slice(4) > '1118' ? 1 : 0);
    expect(record).toMatchObject({ idNumber: man.idNumber, name: man.name, age, estimatedAge: null, stayDays: 2, leftOn: null, outcome: null, services: ['food_lodging', 'ticket'], masked: false, createdBy: 'east_a姓名' });

    const { id: womanId } = await t.call(t.eastA, 'vagrant.create', unknownWoman({ services: ['family_search', 'food_lodging', 'family_search'] }));
    const woman = await t.call(t.eastA, 'vagrant.get', { id: womanId });
    expect(woman).toMatchObject({ identityKnown: false, name: null, idNumber: null, age: 50, stayDays: 1, services: ['food_lodging', 'family_search'] });
    expect(woman.description).toContain('左手腕有旧疤痕');
  });

  it('records the leaving with its outcome, refuses a stale version, and counts the stay', async () => {
    const gen = new PeopleGenerator(93, '510322');
    const man = knownMan(gen, { foundOn: '2026-11-10', admittedOn: '2026-11-10' });
    const { id, rescueNo } = await t.call(t.eastA, 'vagrant.create', man);
    expect((await t.call(t.eastA, 'vagrant.list', { state: 'in_station' })).rows.map((r) => [r.rescueNo, r.stayDays])).toEqual([[rescueNo, 10]]);

    // 离站登记 without a destination for 护送返乡 is refused and changes nothing.
    const missing = await t.failure(t.eastA, 'vagrant.update', { ...man, id, version: 0, leftOn: '2026-11-15', outcome: 'escorted_home' });
    expect(missing.details?.fields?.[0]).toEqual({ path: ['destination'], message: '护送返乡请填写返乡目的地' });
    const left = await t.call(t.eastA, 'vagrant.update', { ...man, id, version: 0, leftOn: '2026-11-15', outcome: 'escorted_home', destination: '四川省自贡市富顺县' });
    expect(left.version).toBe(1);
    // Someone else's screen still holds version 0: their edit is refused, the leaving stands.
    const stale = await t.failure(t.countyClerk, 'vagrant.update', { ...man, id, version: 0, notes: '改动' });
    expect([stale.code, stale.message]).toEqual(['CONFLICT', '该救助记录已被他人修改，请刷新后再试']);
    expect(await t.call(t.eastA, 'vagrant.get', { id })).toMatchObject({ version: 1, leftOn: '2026-11-15', outcome: 'escorted_home', destination: '四川省自贡市富顺县', stayDays: 5, notes: man.notes });

    // A same-day stay counts as one day; an open stay grows with the clock.
    const sameDay = await t.call(t.eastA, 'vagrant.create', unknownWoman({ foundOn: '2026-11-20', admittedOn: '2026-11-20', leftOn: '2026-11-20', outcome: 'transferred', destination: '县人民医院' }));
    const { id: openId } = await t.call(t.eastA, 'vagrant.create', unknownWoman({ estimatedAge: 62, foundOn: '2026-11-16', admittedOn: '2026-11-17' }));
    await laterDays(t, 5); // 2026-11-25
    const list = await t.call(t.eastA, 'vagrant.list', {});
    expect(list.rows.map((r) => [r.rescueNo, r.stayDays, r.outcome])).toEqual([
      [sameDay.rescueNo, 1, 'transferred'],
      ['JZ2026-0003', 8, null],
      [rescueNo, 5, 'escorted_home'],
    ]);
    expect((await t.call(t.eastA, 'vagrant.list', { state: 'left' })).rows.map((r) => r.rescueNo)).toEqual([sameDay.rescueNo, rescueNo]);
    expect((await t.call(t.eastA, 'vagrant.list', { state: 'in_station' })).rows.map((r) => r.id)).toEqual([openId]);
    // Search by rescue number, by the ID number's last digits, by name, by the place found.
    expect((await t.call(t.eastA, 'vagrant.list', { q: rescueNo.toLowerCase() })).rows.map((r) => r.id)).toEqual([id]);
    expect((await t.call(t.eastA, 'vagrant.list', { q: man.idNumber!.slice(-6) })).rows.map((r) => r.id)).toEqual([id]);
    expect((await t.call(t.eastA, 'vagrant.list', { q: man.name!.slice(0, 2) })).rows.map((r) => r.id)).toEqual([id]);
    expect((await t.call(t.eastA, 'vagrant.list', { q: '农贸市场' })).total).toBe(2);
    expect((await t.call(t.eastA, 'vagrant.list', { q: '100%' })).total).toBe(0);

    // The leaving day may not pass today.
    const future = await t.failure(t.eastA, 'vagrant.update', { ...unknownWoman({ estimatedAge: 62, foundOn: '2026-11-16', admittedOn: '2026-11-17' }), id: openId, version: 0, leftOn: '2026-11-26', outcome: 'self_left' });
    expect(future.details?.fields?.[0]?.path).toEqual(['leftOn']);
  });

  it('counts a year by month as computed by hand: admissions, exits by outcome, average stay, in station at the end', async () => {
    await monthlyHistory();
    const year = await t.call(t.countyClerk, 'vagrant.monthly', { year: 2026 });
    const row = (m: (typeof year.months)[number]) => [m.rescues, m.escortedHome, m.familyPickup, m.transferred, m.otherExits, m.averageStayDays, m.inStationAtEnd];
    expect(year.months.map(row)).toEqual([
      [0, 0, 0, 0, 1, 9, 0], // January: F died on the 6th after 9 days
      [0, 0, 0, 0, 0, null, 0],
      [0, 0, 0, 0, 0, null, 0],
      [0, 0, 0, 0, 0, null, 0],
      [0, 0, 0, 0, 0, null, 0],
      [0, 0, 0, 0, 0, null, 0],
      [0, 0, 0, 0, 0, null, 0],
      [0, 0, 0, 0, 0, null, 0],
      [1, 0, 0, 0, 0, null, 1], // September: A admitted on the 28th, still there on the 30th
      [3, 1, 1, 0, 0, 3, 2], // October: B, C, D admitted; A home after 5 days, B picked up the same day (1); C and D there on the 31st
      [1, 0, 0, 1, 1, 8, 1], // November: E admitted; C transferred after 13 days, E left after 3; D there today
      [0, 0, 0, 0, 0, null, null], // December has not begun
    ]);
    expect(row(year.total)).toEqual([5, 1, 1, 1, 2, 6.2, 1]);
    const last = await t.call(t.countyClerk, 'vagrant.monthly', { year: 2025 });
    expect([last.months[11]!.rescues, last.months[11]!.inStationAtEnd, last.total.rescues]).toEqual([1, 1, 1]);

    // 西河 alone (C, E, F), for its clerk and for the county narrowed to it.
    const west = await t.call(t.westClerk, 'vagrant.monthly', { year: 2026 });
    expect(west).toEqual(await t.call(t.countyClerk, 'vagrant.monthly', { year: 2026, townshipId: t.west.id }));
    expect([west.months[9]!.rescues, west.months[9]!.inStationAtEnd, west.months[10]!.transferred, west.months[10]!.averageStayDays]).toEqual([1, 1, 1, 8]);
    expect(row(west.total)).toEqual([2, 0, 0, 1, 2, 8.3, 0]);
    expect((await t.failure(t.westClerk, 'vagrant.monthly', { year: 2026, townshipId: t.east.id })).code).toBe('FORBIDDEN');
  });

  it('feeds the statistical form by admission month and township where found, and drills down to exactly those rescues', async () => {
    const ids = await monthlyHistory();
    const cell = (r: ReportResult, rowLabel: string) => {
      const row = rowLabel === '合计' ? r.total : r.rows.find((x) => x.label === rowLabel)!;
      return row.values[r.columns.findIndex((c) => c.key === 'vagrant_cases')];
    };
    const form = (period: string) => t.call(manager, 'reports.compute', { form: 'assistance-monthly', period });
    const oct = await form('2026-10');
    expect(oct.columns.find((c) => c.key === 'vagrant_cases')).toMatchObject({ group: '流浪乞讨救助', label: '人次', unit: 'cases', additive: true, drillable: true });
    // October counts B and D (东山) and C (西河); A was admitted in September and counts there, though it left in October.
    expect([cell(oct, '东山镇'), cell(oct, '西河乡'), cell(oct, '合计')]).toEqual([2, 1, 3]);
    oct.columns.forEach((c, i) => c.additive && expect(oct.total.values[i]).toBe(oct.rows.reduce((n, r) => n + Number(r.values[i]), 0)));
    const sep = await form('2026-09');
    expect([cell(sep, '东山镇'), cell(sep, '西河乡')]).toEqual([1, 0]);
    const nov = await form('2026-11');
    expect([cell(nov, '东山镇'), cell(nov, '西河乡')]).toEqual([0, 1]);
    const q4 = await form('2026-Q4');
    expect([cell(q4, '东山镇'), cell(q4, '西河乡'), cell(q4, '合计')]).toEqual([2, 2, 4]);
    // The workbook keeps the column under its group, in the 合计 row too, across a landscape page.
    const { data } = await collectFile(reportWorkbookFile(oct, '测试', '2026-11-20'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(data as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const at = oct.columns.findIndex((c) => c.key === 'vagrant_cases') + 2;
    expect([ws.getRow(3).getCell(at).value, ws.getRow(4).getCell(at).value, ws.getRow(3).getCell(at - 1).value]).toEqual(['流浪乞讨救助', '人次', '临时救助']);
    expect(ws.getRow(4 + oct.rows.length + 1).getCell(at).value).toBe(3);
    expect(ws.pageSetup.orientation).toBe('landscape');
    // December 2025 counts F, admitted then, though it left in 2026.
    expect(cell(await form('2025-12'), '西河乡')).toBe(1);

    const drill = (session: Session, rowKey: string) => t.call(session, 'reports.drill', { form: 'assistance-monthly', period: '2026-10', rowKey, columnKey: 'vagrant_cases' });
    const all = await drill(t.countyClerk, '__total');
    expect([all.total, all.unit, all.rows.length]).toEqual([3, 'cases', 3]);
    expect(all.rows.map((r) => r.detail.slice(5, 16)).sort()).toEqual([ids.B, ids.C, ids.D].sort());
    const east = await drill(t.countyClerk, t.east.id);
    expect(east.rows.map((r) => [r.township, r.value, r.detail.slice(5, 16)]).sort()).toEqual([['东山镇', 1, ids.B], ['东山镇', 1, ids.D]].sort());
    const d = east.rows.find((r) => r.detail.includes(ids.D))!;
    expect([d.name, d.idNumber, d.detail]).toEqual(['身份不明（男，约50岁）', null, `救助编号 ${ids.D}，2026-10-30 入站（发现于东山镇火车站广场），在站`]);
    const b = east.rows.find((r) => r.detail.includes(ids.B))!;
    expect([b.name, b.idNumber]).toEqual([ids.names.B, ids.idNumbers.B]);
    // Managers get the family name and a masked ID, as everywhere.
    const masked = (await drill(manager, t.east.id)).rows.find((r) => r.detail.includes(ids.B))!;
    expect(masked.name).toMatch(new RegExp(`^${ids.names.B.slice(0, 1)}\\*+$`));
    expect(masked.idNumber).toMatch(/^510322\*{8}\d{3}[\dX]$/);
    // A township clerk drills their own township only.
    expect((await drill(t.westClerk, t.west.id)).rows.map((r) => r.detail.slice(5, 16))).toEqual([ids.C]);
    expect((await t.failure(t.westClerk, 'reports.drill', { form: 'assistance-monthly', period: '2026-10', rowKey: t.east.id, columnKey: 'vagrant_cases' })).code).toBe('FORBIDDEN');
  });

  it('shows a rescue entered after 上报 as a difference, and compares older snapshots column by column', async () => {
    await monthlyHistory();
    await t.call(manager, 'reports.submit', { form: 'assistance-monthly', period: '2026-10' });
    await t.call(t.eastA, 'vagrant.create', unknownWoman({ foundOn: '2026-10-12', admittedOn: '2026-10-12', leftOn: '2026-10-15', outcome: 'family_pickup' }));
    const again = await t.call(manager, 'reports.compute', { form: 'assistance-monthly', period: '2026-10' });
    expect(again.differences.map((d) => [d.rowLabel, d.columnKey, d.submitted, d.current])).toEqual([
      ['东山镇', 'vagrant_cases', 2, 3],
      ['合计', 'vagrant_cases', 3, 4],
    ]);

    // A period submitted before the form had this column: its cells are compared by column, not by position.
    const db = t.backend.store.db;
    const snap = await db.selectFrom('report_snapshots').select('result').where('form', '=', 'assistance-monthly').where('period', '=', '2026-10').executeTakeFirstOrThrow();
    const stored = JSON.parse(snap.result) as ReportResult;
    const at = stored.columns.findIndex((c) => c.key === 'vagrant_cases');
    const without = (values: ReportResult['total']['values']) => values.filter((_, i) => i !== at);
    const older = { ...stored, columns: stored.columns.filter((c) => c.key !== 'vagrant_cases'), rows: stored.rows.map((r) => ({ ...r, values: without(r.values) })), total: { ...stored.total, values: without(stored.total.values) } };
    await db.updateTable('report_snapshots').set({ result: JSON.stringify(older) }).where('form', '=', 'assistance-monthly').where('period', '=', '2026-10').execute();
    const frozen = await t.call(manager, 'reports.compute', { form: 'assistance-monthly', period: '2026-10' });
    expect(frozen.columns.some((c) => c.key === 'vagrant_cases')).toBe(false);
    expect(frozen.differences).toEqual([]);
  });

  it('keeps township clerks to their township, masks names for roles without need, and logs no personal data', async () => {
    const gen = new PeopleGenerator(94, '510322');
    const man = knownMan(gen, { foundOn: '2026-11-12', admittedOn: '2026-11-12' });
    const { id } = await t.call(t.eastA, 'vagrant.create', man);
    const { id: westId } = await t.call(t.westClerk, 'vagrant.create', unknownWoman({ townshipId: t.west.id, foundPlace: '西河乡集镇' }));

    expect((await t.failure(t.westClerk, 'vagrant.get', { id })).code).toBe('FORBIDDEN');
    expect((await t.failure(t.westClerk, 'vagrant.update', { ...man, townshipId: t.west.id, id, version: 0 })).code).toBe('FORBIDDEN');
    expect((await t.failure(t.westClerk, 'vagrant.list', { townshipId: t.east.id })).code).toBe('FORBIDDEN');
    expect((await t.call(t.westClerk, 'vagrant.list', {})).rows.map((r) => r.id)).toEqual([westId]);
    // Nor may a clerk move their own record into another township.
    const moved = await t.failure(t.westClerk, 'vagrant.update', { ...unknownWoman({ townshipId: t.east.id }), id: westId, version: 0 });
    expect(moved.code).toBe('FORBIDDEN');
    expect((await t.call(t.countyClerk, 'vagrant.list', {})).total).toBe(2);
    expect((await t.call(t.countyClerk, 'vagrant.list', { townshipId: t.west.id })).rows.map((r) => r.id)).toEqual([westId]);
    expect((await t.call(t.countyClerk, 'vagrant.list', { month: '2026-11' })).total).toBe(2);
    expect((await t.call(t.countyClerk, 'vagrant.list', { month: '2026-10' })).total).toBe(0);

    for (const session of [manager, t.admin]) {
      const record = await t.call(session, 'vagrant.get', { id });
      expect(record.masked).toBe(true);
      expect(record.name).toMatch(/^罗\*+$/);
      expect(record.idNumber).toMatch(/^510322\*{8}\d{3}[\dX]$/);
      expect((await t.call(session, 'vagrant.list', {})).rows.find((r) => r.id === id)?.name).toMatch(/^罗\*+$/);
      expect((await t.failure(session, 'vagrant.update', { ...man, id, version: 0 })).code).toBe('FORBIDDEN');
    }
    expect(await t.call(t.countyClerk, 'vagrant.get', { id })).toMatchObject({ masked: false, name: man.name, idNumber: man.idNumber });

    await t.call(t.eastA, 'vagrant.update', { ...man, id, version: 0, leftOn: '2026-11-19', outcome: 'escorted_home', destination: '四川省自贡市富顺县东湖镇' });
    await t.call(t.eastA, 'vagrant.update', { ...man, id, version: 1, leftOn: '2026-11-19', outcome: 'escorted_home', destination: '四川省自贡市富顺县东湖镇', notes: '已电话回访，安全到家' });
    const audit = await rescueAudit();
    expect(audit.map((a) => [a.action, a.entity_id])).toEqual([
      ['vagrant.create', id],
      ['vagrant.create', westId],
      ['vagrant.leave', id],
      ['vagrant.update', id],
    ]);
    expect(JSON.parse(audit[2]!.after_json!)).toMatchObject({ leftOn: '2026-11-19', outcome: 'escorted_home', admittedOn: '2026-11-12' });
    expect(JSON.parse(audit[3]!.after_json!).changed).toEqual(['notes']);
    const logged = JSON.stringify(audit);
    for (const secret of [man.name!, man.idNumber!, '东山镇汽车站', '富顺', '外出务工', '安全到家', '旧疤痕', '西河乡集镇']) expect(logged).not.toContain(secret);
  });
});

/**
 * Six stays around the year 2026 (today 2026-11-20), in the township where each was found:
 * A 东山 09-28 → 10-03 护送返乡 (5 days); B 东山 10-05 → 10-05 亲属接回 (1); C 西河 10-20 → 11-02 转送 (13);
 * D 东山 10-30, unknown man of about 50, still in the station; E 西河 11-01 → 11-04 自行离站 (3);
 * F 西河 2025-12-28 → 2026-01-06 死亡 (9).
 */
async function monthlyHistory() {
  const gen = new PeopleGenerator(95, '510322');
  const at = (township: 'east' | 'west', found: string, left: string | null, outcome: Fields['outcome'], destination: string | null = null) =>
    knownMan(gen, { townshipId: township === 'east' ? t.east.id : t.west.id, foundOn: found, admittedOn: found, leftOn: left, outcome, destination });
  const create = async (input: Fields) => (await t.call(input.townshipId === t.east.id ? t.eastA : t.westClerk, 'vagrant.create', input)).rescueNo;
  const b = at('east', '2026-10-05', '2026-10-05', 'family_pickup');
  const A = await create(at('east', '2026-09-28', '2026-10-03', 'escorted_home', '四川省富顺县'));
  const B = await create(b);
  const C = await create(at('west', '2026-10-20', '2026-11-02', 'transferred', '县社会福利院'));
  const D = await create(unknownWoman({ sex: 'male', estimatedAge: 50, foundPlace: '东山镇火车站广场', foundOn: '2026-10-30', admittedOn: '2026-10-30', description: '中等身材，蓄须，穿灰色外套' }));
  const E = await create(at('west', '2026-11-01', '2026-11-04', 'self_left'));
  const F = await create(at('west', '2025-12-28', '2026-01-06', 'died'));
  return { A, B, C, D, E, F, names: { B: b.name! }, idNumbers: { B: b.idNumber! } };
}
