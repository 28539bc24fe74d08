/**
 * The audit log as a county inspector uses it: searched by who, what, which record, which China day and
 * the reason's text; exported with the filter, the exporter, the chain's state and head; the export itself
 * recorded; tampering through the raw database shown by the verification and in the exported file.
 */
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../src/shared/api/contract';
import type { Session } from '../../src/main/rpc/sessions';
import { ADMIN_PASSWORD, createCounty, type TestLedger } from '../fixtures/ledger';
import { familyOfFour } from '../fixtures/households';
import { captureFiles } from '../fixtures/files';

let ledger: TestLedger | undefined;
afterEach(async () => {
  await ledger?.dispose();
  ledger = undefined;
});

const FORMULA_REASON = '=HYPERLINK("http://example.invalid","点我") 按户口簿更正民族';

/**
 * The county of the fixture (set up on 2026-11-20 at 09:00 China time, `base` entries), then, numbered
 * from base:
 *   +1 2026-11-20 23:30 admin     township.update  东山镇 → 东山街道
 *   +2 2026-11-20 23:30 dongshan  auth.login
 *   +3 2026-11-20 23:30 dongshan  user.change_password
 *   +4 2026-11-21 00:10 dongshan  household.register       (16:10 UTC on the 20th: the 21st in China)
 *   +5 2026-11-21 00:10 dongshan  person.update  son, reason 按户口簿更正姓名
 *   +6 2026-11-22 10:00 admin     person.update  head, reason FORMULA_REASON
 */
async function scenario() {
  const t = await createCounty();
  ledger = t;
  const base = (await t.call(t.admin, 'audit.list', { limit: 1 })).total;
  const signedIn: [Session, string][] = [[t.admin, ADMIN_PASSWORD]];
  // Hours pass between the steps: the idle lock of each session is lifted with its password (not audited).
  const moveTo = async (at: string) => {
    t.clock.set(at);
    for (const [session, password] of signedIn) await t.call(session, 'auth.unlock', { password });
  };
  await moveTo('2026-11-20T23:30:00+08:00');
  await t.call(t.admin, 'regions.saveTownship', { id: t.east.id, code: '431122100', name: '东山街道' });
  const clerk = await t.login('dongshan', 'Temp2026pass');
  await t.call(clerk, 'auth.changePassword', { currentPassword: 'Temp2026pass', newPassword: 'Mine2026pass' });
  signedIn.push([clerk, 'Mine2026pass']);
  await moveTo('2026-11-21T00:10:00+08:00');
  const { members } = familyOfFour(31);
  const { id: householdId } = await t.call(clerk, 'households.create', { townshipId: t.east.id, villageId: t.eastVillage.id, address: '东山村一组 3 号', hukouType: 'rural', members });
  const family = (await t.call(clerk, 'households.get', { id: householdId })).members;
  const son = family.find((m) => m.relation === 'son')!;
  const head = family.find((m) => m.relation === 'self')!;
  await t.call(clerk, 'persons.update', { id: son.id, name: `${son.name}明`, idNumber: son.idNumber, relation: 'son', reason: '按户口簿更正姓名' });
  await moveTo('2026-11-22T10:00:00+08:00');
  await t.call(t.admin, 'persons.update', { id: head.id, name: head.name, idNumber: head.idNumber, relation: 'self', ethnicity: '侗族', reason: FORMULA_REASON });
  return { t, base, clerk, householdId, son, head };
}

type County = Awaited<ReturnType<typeof scenario>>['t'];

const seqs = async (t: County, input: Omit<MethodInput<'audit.list'>, 'limit'> & { limit?: number }) => {
  const { entries, total } = await t.call(t.admin, 'audit.list', { limit: 100, ...input });
  return { seqs: entries.map((e) => e.seq), total };
};

async function readBack(data: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('审计日志')!;
  const text = (row: number, col = 1) => {
    const v = sheet.getRow(row).getCell(col).value;
    return v === null || v === undefined ? null : String(v);
  };
  return { sheet, text };
}

describe('searching the audit log', () => {
  it('filters by user, actions, entity, record, China days and reason, newest first with exact totals', async () => {
    const { t, base, householdId, son } = await scenario();
    const b = (n: number) => base + n;

    expect(await seqs(t, { username: 'dongshan' })).toEqual({ seqs: [b(5), b(4), b(3), b(2)], total: 4 });
    expect(await seqs(t, { actions: ['person.update'] })).toEqual({ seqs: [b(6), b(5)], total: 2 });
    expect(await seqs(t, { actions: ['person.update', 'township.update'] })).toEqual({ seqs: [b(6), b(5), b(1)], total: 3 });
    expect(await seqs(t, { entity: 'household' })).toEqual({ seqs: [b(4)], total: 1 });
    // A household's id finds the entry about it and those on its timeline; a person's id only its own.
    expect(await seqs(t, { recordId: householdId })).toEqual({ seqs: [b(6), b(5), b(4)], total: 3 });
    expect(await seqs(t, { recordId: son.id })).toEqual({ seqs: [b(5)], total: 1 });

    // Days are China days: 00:10 on the 21st is the 20th in UTC and still belongs to the 21st.
    expect(await seqs(t, { from: '2026-11-21', to: '2026-11-21' })).toEqual({ seqs: [b(5), b(4)], total: 2 });
    expect(await seqs(t, { from: '2026-11-21' })).toEqual({ seqs: [b(6), b(5), b(4)], total: 3 });
    const upTo20th = await seqs(t, { to: '2026-11-20' });
    expect(upTo20th.total).toBe(b(3));
    expect(upTo20th.seqs[0]).toBe(b(3));
    expect(await seqs(t, { from: '2026-11-23' })).toEqual({ seqs: [], total: 0 });

    // Text in the reason, any case.
    expect(await seqs(t, { q: '户口簿' })).toEqual({ seqs: [b(6), b(5)], total: 2 });
    expect(await seqs(t, { q: 'hyperlink' })).toEqual({ seqs: [b(6)], total: 1 });
    expect(await seqs(t, { q: '100%' })).toEqual({ seqs: [], total: 0 });

    // Filters combine.
    expect(await seqs(t, { username: 'admin', from: '2026-11-21' })).toEqual({ seqs: [b(6)], total: 1 });
    expect(await seqs(t, { username: 'dongshan', actions: ['person.update'], q: '姓名' })).toEqual({ seqs: [b(5)], total: 1 });

    // The entry carries its reason and household.
    const [entry] = (await t.call(t.admin, 'audit.list', { recordId: son.id, limit: 1 })).entries;
    expect(entry).toMatchObject({ action: 'person.update', username: 'dongshan', reason: '按户口簿更正姓名', householdId, entityId: son.id, after: { name: `${son.name}明` } });
  });

  it('pages newest first, by page or after a seq, with the total of the whole filter', async () => {
    const { t, base } = await scenario();
    const total = base + 6;
    expect(await seqs(t, { limit: 2 })).toEqual({ seqs: [total, total - 1], total });
    expect(await seqs(t, { limit: 2, page: 2 })).toEqual({ seqs: [total - 2, total - 3], total });
    expect(await seqs(t, { limit: 2, beforeSeq: total - 1 })).toEqual({ seqs: [total - 2, total - 3], total });
    expect(await seqs(t, { actions: ['person.update'], limit: 1, page: 2 })).toEqual({ seqs: [base + 5], total: 2 });
    expect(await seqs(t, { actions: ['person.update'], limit: 1, page: 3 })).toEqual({ seqs: [], total: 2 });
  });

  it('refuses a reversed date range, and keeps the log to the administrator', async () => {
    const { t, clerk } = await scenario();
    const reversed = await t.failure(t.admin, 'audit.list', { from: '2026-11-22', to: '2026-11-21' });
    expect(reversed.code).toBe('VALIDATION');
    expect(reversed.details?.fields?.[0]).toMatchObject({ path: ['to'], message: '开始日期不能晚于结束日期' });
    expect((await t.failure(t.admin, 'audit.list', { from: '2026-02-30' })).code).toBe('VALIDATION');
    expect((await t.failure(clerk, 'audit.list', { recordId: 'x' })).code).toBe('FORBIDDEN');
    expect((await t.failure(clerk, 'audit.export', {})).code).toBe('FORBIDDEN');
  });
});

describe('exporting the audit log for inspectors', () => {
  it('writes the header block and the filtered entries, neutralises formula-looking text, and records the export', async () => {
    const { t, base, householdId, head } = await scenario();
    const files = captureFiles(t.admin);
    const delivery = await t.call(t.admin, 'audit.export', { actions: ['person.update'], recordId: householdId });
    expect(delivery).toMatchObject({ kind: 'saved', fileName: '测试县审计日志_20261122.xlsx', rows: 2 });

    const rawHead = await t.backend.store.db.selectFrom('audit_head').select(['seq', 'hash']).executeTakeFirstOrThrow();
    expect(rawHead.seq).toBe(base + 7); // the export's own entry
    const exportEntry = await t.backend.store.db.selectFrom('audit_log').select(['prev_hash']).where('seq', '=', base + 7).executeTakeFirstOrThrow();

    const { sheet, text } = await readBack(files[0]!.data);
    expect(text(1)).toBe('测试县审计日志');
    expect(text(2)).toBe(`筛选条件：操作：修改成员信息；对象编号：${householdId}`);
    expect(text(3)).toBe('导出人：管理员（admin）\u3000\u3000导出时间：2026-11-22 10:00:00（北京时间）');
    expect(text(4)).toBe(`导出时审计链校验：完整：已校验 ${base + 6} 条，未发现篡改`);
    // The head in the file is the one the export's own entry chains onto.
    expect(text(5)).toBe(`导出时链头：第 ${base + 6} 条\u3000\u3000哈希：${exportEntry.prev_hash}`);
    expect(text(6)).toBe(`符合条件的记录：2 条（截至第 ${base + 6} 条，按序号从新到旧排列）`);
    expect(sheet.getRow(8).values).toEqual([
      undefined,
      '序号',
      '时间（北京时间）',
      '用户',
      '操作',
      '对象',
      '对象编号',
      '家庭编号',
      '修改原因',
      '改动的字段',
      '改动前',
      '改动后',
      '校验值',
    ]);
    const data = [9, 10].map((r) => [1, 2, 3, 4, 5, 6, 7, 8, 9].map((c) => text(r, c)));
    expect(data).toEqual([
      [String(base + 6), '2026-11-22 10:00:00', '管理员（admin）', '修改成员信息', `家庭成员 · ${head.name}`, head.id, householdId, `'${FORMULA_REASON}`, 'updated_at、ethnicity'],
      [String(base + 5), '2026-11-21 00:10:00', '东山经办员（dongshan）', '修改成员信息', expect.stringMatching(/^家庭成员 · .+明$/), expect.any(String), householdId, '按户口簿更正姓名', 'name、name_initials'],
    ]);
    expect(text(11)).toBeNull();
    // Snapshots as stored (the inspectors are entitled to them), and no cell is a formula.
    expect(JSON.parse(text(9, 11)!)).toMatchObject({ id: head.id, ethnicity: '侗族' });
    sheet.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));

    // The export is in the log: its filter and count, not the text searched for.
    const events: unknown[] = [];
    t.admin.listeners.add((e) => events.push(e));
    expect(await t.router.call(t.admin, 'audit.export', { q: '户口簿' }, { jobId: 'export-1' })).toMatchObject({ ok: true, data: { rows: 2 } });
    expect(events).toContainEqual({ type: 'progress', jobId: 'export-1', done: base + 7, total: base + 7, message: '正在校验审计链' });
    expect(events).toContainEqual({ type: 'progress', jobId: 'export-1', done: 2, total: 2, message: '正在写入表格' });
    const { entries } = await t.call(t.admin, 'audit.list', { actions: ['audit.export'] });
    expect(entries.map((e) => ({ username: e.username, entity: e.entity, after: e.after }))).toEqual([
      { username: 'admin', entity: 'audit_log', after: { filter: { reasonText: '（已填写，内容不记录）' }, rows: 2, headSeq: base + 7, chainOk: true } },
      { username: 'admin', entity: 'audit_log', after: { filter: { actions: ['person.update'], recordId: householdId }, rows: 2, headSeq: base + 6, chainOk: true } },
    ]);
    expect(JSON.stringify(entries)).not.toContain('户口簿');
    expect(await t.call(t.admin, 'audit.verify', {})).toMatchObject({ ok: true, checked: base + 8 });
  });

  it('records nothing when the save dialog is cancelled', async () => {
    const { t, base } = await scenario();
    t.admin.files = { deliver: async () => ({ kind: 'cancelled' }) };
    expect(await t.call(t.admin, 'audit.export', {})).toEqual({ kind: 'cancelled' });
    expect((await t.call(t.admin, 'audit.list', { limit: 1 })).total).toBe(base + 6);
  });
});

describe('tampering through the raw database', () => {
  it('is found by the verification and written into the export', async () => {
    const { t, base } = await scenario();
    const db = t.backend.store.db;
    await sql`update audit_log set reason = '按身份证更正姓名' where seq = ${base + 5}`.execute(db);
    const broken = { ok: false, checked: base + 4, brokenAtSeq: base + 5, problem: `第 ${base + 5} 条审计记录的内容被改动` };
    expect(await t.call(t.admin, 'audit.verify', {})).toEqual(broken);

    const files = captureFiles(t.admin);
    await t.call(t.admin, 'audit.export', { username: 'dongshan' });
    const { text } = await readBack(files[0]!.data);
    expect(text(4)).toBe(`导出时审计链校验：不完整：第 ${base + 5} 条审计记录的内容被改动（自第 ${base + 5} 条起的记录不可信）`);
    // The entries are still shown as they are now: the file says they cannot be trusted.
    expect(text(9, 8)).toBe('按身份证更正姓名');
    const exported = (await t.call(t.admin, 'audit.list', { actions: ['audit.export'] })).entries[0]!;
    expect(exported.after).toMatchObject({ chainOk: false, rows: 4 });

    // A deleted entry further back is found first.
    await sql`delete from audit_log where seq = ${base + 2}`.execute(db);
    expect(await t.call(t.admin, 'audit.verify', {})).toMatchObject({ ok: false, brokenAtSeq: base + 2, problem: `第 ${base + 2} 条审计记录缺失（已被删除）` });
    expect(await seqs(t, { username: 'dongshan' })).toEqual({ seqs: [base + 5, base + 4, base + 3], total: 3 });
  });
});
