/**
 * Township rosters in and out, through the router as the UI calls it: a roster with household blocks is
 * previewed, committed as one batch and undone; an exported program roster imports back with no change;
 * bad files are refused whole and leave the ledger file byte for byte as it was.
 */
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import ExcelJS from 'exceljs';
import { createCounty } from '../fixtures/ledger';
import { PeopleGenerator, type SyntheticPerson } from '../fixtures/people';
import { acceptUpload } from '../../src/main/rpc/uploads';
import type { Session } from '../../src/main/rpc/sessions';
import { captureFiles } from '../fixtures/files';
import { formatYuan } from '../../src/shared/domain/money';
import { checkCharacter } from '../../src/shared/domain/id-number';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { messyDibaoXlsx, personRosterCsvGbk } from '../fixtures/messy-rosters';
import { bigFile, corruptZip, emptyFile, emptyRowsXlsx, htmlAsXls, hugeCellXlsx, mergeBombXlsx, passwordProtectedXlsx, xlsRenamedXlsx, type BadFile } from '../fixtures/bad-files';
import { ADMIN_PASSWORD } from '../fixtures/ledger';
import { staff, STAFF_PASSWORD } from '../fixtures/cases';

import type * as AnalysisModule from '../../src/main/imports/analyze/analysis';

// The real analysis, counted: a commit after a preview must not check the file again unless the ledger changed.
vi.mock('../../src/main/imports/analyze/analysis', async (importOriginal) => {
  const original = await importOriginal<typeof AnalysisModule>();
  return { ...original, analyzeRoster: vi.fn(original.analyzeRoster) };
});
const { analyzeRoster } = await import('../../src/main/imports/analyze/analysis');
const { gridRoster, RosterReading } = await import('../../src/main/imports/analyze/roster-source');
const { ExcelDate } = await import('../../src/main/imports/read/grid');
const { commitImport, FLUSH } = await import('../../src/main/imports/commit');
const { readGrid } = await import('../../src/main/imports/read/read-file');
const { ledgerChanges } = await import('../../src/main/db/ledger-changes');
const { demoEnv } = await import('../../src/main/demo/demo-env');
const { rosterOf } = await import('../../src/main/imports/analyze/worker-roster');
const { openFile } = await import('../../src/main/imports/read/read-file');
const { nameInitials } = await import('../../src/main/households/search-keys');
const { registerHouseholds } = await import('../../src/main/households/households.service');

const ROOT = path.resolve(import.meta.dirname, '..', '..');
async function runImportCli(args: string[], password = ADMIN_PASSWORD) {
  return spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src', 'main', 'cli.ts'), 'import', ...args], { cwd: ROOT, env: { ...process.env, DOUDI_PASSWORD: password }, encoding: 'utf8' });
}

type County = Awaited<ReturnType<typeof createCounty>>;
let t: County;

function upload(session: Session, fileName: string, data: Buffer) {
  const r = acceptUpload(session, fileName, data, Date.now());
  if (!r.ok) throw new Error(r.error.message);
  return r.data.uploadId;
}

/** A small 低保 roster: households as blocks, household cells merged down; members new, or given (the first is the head). */
async function blockRoster(people: PeopleGenerator, households: { members: number | SyntheticPerson[]; amount: number | string }[]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  ws.addRow(['东山镇2026年11月农村低保花名册']);
  ws.mergeCells(1, 1, 1, 9);
  ws.addRow(['序号', '村（社区）', '户主姓名', '家庭人口', '月保障金额（元）', '姓名', '性别', '身份证号码', '与户主关系']);
  const ids: string[][] = [];
  const persons: SyntheticPerson[][] = [];
  households.forEach((h, i) => {
    const top = ws.rowCount + 1;
    const members = typeof h.members !== 'number' ? h.members : Array.from({ length: h.members }, (_, k) => people.person(k === 0 ? { bornFrom: 1950, bornTo: 1975 } : { bornFrom: 1976, bornTo: 2015 }));
    ids.push(members.map((m) => m.idNumber));
    persons.push(members);
    members.forEach((m, k) => {
      ws.addRow(k === 0 ? [i + 1, '东山村', m.name, members.length, h.amount, m.name, m.sex === 'male' ? '男' : '女', m.idNumber, '户主'] : [null, null, null, null, null, m.name, m.sex === 'male' ? '男' : '女', m.idNumber, k === 1 ? '配偶' : '子']);
    });
    if (members.length > 1) for (const c of [1, 2, 3, 4, 5]) ws.mergeCells(top, c, top + members.length - 1, c);
  });
  ws.addRow(['合计']);
  ws.addRow(['制表人：王五']);
  return { data: Buffer.from(await wb.xlsx.writeBuffer()), ids, persons };
}

/** 东山镇's clerk, signed in with the first password changed. */
async function signedInClerk() {
  const clerk = t.sessions.create();
  await t.call(clerk, 'auth.login', { username: 'dongshan', password: 'Temp2026pass' });
  await t.call(clerk, 'auth.changePassword', { currentPassword: 'Temp2026pass', newPassword: 'Mine2026pass' });
  return clerk;
}

/** The persons table's indexes and the SQL that made them. */
async function personIndexes() {
  return (await sql<{ name: string; sql: string | null }>`select name, sql from sqlite_master where type = 'index' and tbl_name = 'persons' order by name`.execute(t.backend.store.db)).rows;
}

beforeEach(async () => {
  t = await createCounty();
});
afterEach(async () => {
  await t.dispose();
});

describe('roster import', () => {
  it('previews, commits a batch, exports it back unchanged and undoes it', async () => {
    const people = new PeopleGenerator(7, '431122');
    const { data, ids } = await blockRoster(people, [
      { members: 3, amount: 900 },
      { members: 1, amount: '350元' },
      { members: 2, amount: '1,200.00' },
    ]);
    const uploadId = upload(t.admin, '东山镇低保.xlsx', data);
    const preview = await t.call(t.admin, 'imports.preview', { uploadId, purpose: 'initial_load' });
    expect(preview.program).toBe('dibao');
    expect(preview.townshipId).toBe(t.east.id);
    expect(preview.problems).toEqual([]);
    expect(preview.totals).toMatchObject({ households: 3, persons: 6, valid: 6, newPersons: 6, errors: 0 });
    expect(preview.commit.allowed).toBe(true);

    const indexes = await personIndexes();
    const result = await t.call(t.admin, 'imports.commit', { uploadId, purpose: 'initial_load' });
    expect(result).toMatchObject({ households: 3, persons: 6, enrollments: 3 });
    // A 建账 into an empty ledger builds the search indexes after its rows (db/deferred-indexes): all are back.
    expect(await personIndexes()).toEqual(indexes);
    const list = await t.call(t.admin, 'ledger.list', { kind: 'households', program: 'dibao', page: 1, pageSize: 20 });
    expect(list.total).toBe(3);
    // One audit entry for the whole batch; each household's timeline tells its part from the rows the
    // batch created, naming the file, with no copy of anyone's data in the log.
    const db = t.backend.store.db;
    const logged = await db.selectFrom('audit_log').select(['action', 'entity_id']).where('action', 'like', '%import%').execute();
    expect(logged).toEqual([{ action: 'import.commit', entity_id: result.batchId }]);
    const timeline = await t.call(t.admin, 'households.timeline', { id: list.rows[0]!.id });
    expect(timeline.map((e) => e.action)).toEqual(['household.import']);
    const household = await db.selectFrom('households').select('id').where('id', '=', list.rows[0]!.id).executeTakeFirstOrThrow();
    const members = await db.selectFrom('persons').select('id').where('household_id', '=', household.id).execute();
    const enrollment = await db.selectFrom('enrollments').select(['monthly_amount_fen', 'start_month']).where('household_id', '=', household.id).executeTakeFirstOrThrow();
    expect(timeline[0]!.summary).toBe(`建账导入：登记家庭（${members.length} 人），最低生活保障在保，每月 ${formatYuan(enrollment.monthly_amount_fen)} 元，${enrollment.start_month} 起`);
    expect(timeline[0]!.reason).toBe('建账导入：东山镇低保.xlsx');

    // The exported roster, read back as a monthly reconciliation, finds nothing to change.
    const clerk = await signedInClerk();
    const files = captureFiles(clerk);
    await t.call(clerk, 'exports.programRoster', { program: 'dibao' });
    const again = upload(clerk, files[0]!.fileName, files[0]!.data);
    const check = await t.call(clerk, 'imports.preview', { uploadId: again, purpose: 'reconcile' });
    expect(check.problems).toEqual([]);
    expect(check.totals).toMatchObject({ households: 3, persons: 6, valid: 6, newPersons: 0, changedPersons: 0, unchangedPersons: 6, missingPersons: 0 });
    expect(check.commit.allowed).toBe(false);

    const history = await t.call(t.admin, 'imports.history', {});
    expect(history[0]).toMatchObject({ purpose: 'initial_load', households: 3, status: 'committed' });
    await t.call(t.admin, 'imports.undo', { batchId: result.batchId });
    expect((await t.call(t.admin, 'ledger.list', { kind: 'persons', q: ids[0]![0]!, page: 1, pageSize: 20 })).total).toBe(0);
    expect((await t.call(t.admin, 'imports.history', {}))[0]).toMatchObject({ status: 'undone' });
  });
});

describe('commit after preview', () => {
  it('commits what the preview showed without checking the file again, unless the ledger changed since', async () => {
    const { data } = await blockRoster(new PeopleGenerator(11, '431122'), [
      { members: 2, amount: 600 },
      { members: 1, amount: 400 },
    ]);
    const shown = upload(t.admin, '东山镇低保.xlsx', data);
    await t.call(t.admin, 'imports.preview', { uploadId: shown, purpose: 'initial_load' });
    vi.mocked(analyzeRoster).mockClear();
    expect(await t.call(t.admin, 'imports.commit', { uploadId: shown, purpose: 'initial_load' })).toMatchObject({ households: 2, persons: 3 });
    expect(analyzeRoster).not.toHaveBeenCalled();
    await t.call(t.admin, 'imports.undo', { batchId: (await t.call(t.admin, 'imports.history', {}))[0]!.id });

    // Previewed, then the same people entered by another batch: the commit checks again and imports no one twice.
    const again = upload(t.admin, '东山镇低保.xlsx', data);
    const other = upload(t.admin, '东山镇低保（另一份）.xlsx', data);
    await t.call(t.admin, 'imports.preview', { uploadId: again, purpose: 'initial_load' });
    await t.call(t.admin, 'imports.commit', { uploadId: other, purpose: 'initial_load' });
    vi.mocked(analyzeRoster).mockClear();
    await expect(t.call(t.admin, 'imports.commit', { uploadId: again, purpose: 'initial_load' })).rejects.toThrow(/没有可以导入的家庭/);
    expect(analyzeRoster).toHaveBeenCalledTimes(1);
    expect((await t.call(t.admin, 'ledger.list', { kind: 'persons', page: 1, pageSize: 20 })).total).toBe(3);
  });

  it('refuses the batch, writing nothing, when the ledger changed between the check and the commit', async () => {
    const { data } = await blockRoster(new PeopleGenerator(13, '431122'), [{ members: 2, amount: 600 }]);
    const db = t.backend.store.db;
    const env = (await demoEnv(db))('admin', '2026-11-20');
    const checkedAt = await ledgerChanges(db);
    const analysis = await analyzeRoster(db, gridRoster(await readGrid(data, '东山镇低保.xlsx')), { fileName: '东山镇低保.xlsx', purpose: 'initial_load', scope: env.scope, today: env.today });
    await t.call(t.admin, 'regions.saveVillage', { townshipId: t.east.id, code: '431122100209', name: '新村', kind: 'village' });
    await expect(commitImport(db, { analysis, checkedAt }, { env, fileName: '东山镇低保.xlsx', fileSha256: 'x', approve: () => {} })).rejects.toThrow('检查之后台账有了变动，请重新预览后再导入');
    expect(await db.selectFrom('import_batches').select('id').execute()).toEqual([]);
    expect(await db.selectFrom('persons').select('id').execute()).toEqual([]);
  });

  it('judges a roster the same household by household as in chunks: a finding of the whole ID column withdraws what a household checked before it differed in', async () => {
    const people = new PeopleGenerator(21, '431122');
    // A valid ID ending in 000 (sequence 00, check digit 0): one a column that lost digits elsewhere puts in doubt.
    const head = people.person({ sex: 'female', bornFrom: 1950, bornTo: 1960 });
    const zeros = [...'0123456789'].map((d) => `${head.idNumber.slice(0, 14)}${d}00`).find((first17) => checkCharacter(first17) === '0')!;
    const x = { ...head, idNumber: `${zeros}0` };
    const { persons } = await blockRoster(people, [
      { members: [x, people.person({ bornFrom: 1976, bornTo: 2015 })], amount: 600 },
      { members: 2, amount: 500 },
    ]).then(async (r) => {
      await t.call(t.admin, 'imports.commit', { uploadId: upload(t.admin, '东山镇低保.xlsx', r.data), purpose: 'initial_load' });
      return r;
    });
    // The 核对 roster: X's amount changed (rows 3–4), Y unchanged (5–6), a new household whose member's ID was
    // typed into a number cell and lost its last digits (7–8), found only after X was read.
    const lostId = people.person({ bornFrom: 1976, bornTo: 2015 });
    const held = Number(lostId.idNumber.slice(0, 15)) * 1000;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('花名册');
    ws.addRow(['东山镇2026年11月农村低保花名册']);
    ws.addRow(['序号', '村（社区）', '户主姓名', '家庭人口', '月保障金额（元）', '姓名', '性别', '身份证号码', '与户主关系']);
    const block = (seq: number, amount: number, members: (typeof persons)[number], idCells: (string | number)[]) => {
      const top = ws.rowCount + 1;
      members.forEach((m, k) => ws.addRow(k === 0 ? [seq, '东山村', m.name, members.length, amount, m.name, m.sex === 'male' ? '男' : '女', idCells[k], '户主'] : [null, null, null, null, null, m.name, m.sex === 'male' ? '男' : '女', idCells[k], '子']));
      for (const c of [1, 2, 3, 4, 5]) ws.mergeCells(top, c, top + members.length - 1, c);
    };
    block(1, 700, persons[0]!, persons[0]!.map((m) => m.idNumber));
    block(2, 500, persons[1]!, persons[1]!.map((m) => m.idNumber));
    const z = people.person({ bornFrom: 1950, bornTo: 1975 });
    block(3, 400, [z, lostId], [z.idNumber, held]);
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    expect(checkCharacter(String(held).slice(0, 17))).not.toBe(String(held)[17]);

    const db = t.backend.store.db;
    const env = (await demoEnv(db))('admin', '2026-11-20');
    const options = { fileName: '东山镇低保.xlsx', purpose: 'reconcile' as const, scope: env.scope, today: env.today };
    const grid = await readGrid(data, '东山镇低保.xlsx');
    const together = await analyzeRoster(db, gridRoster(grid), options);
    const oneByOne = await analyzeRoster(db, gridRoster(grid), { ...options, chunkHouseholds: 1 });
    expect(oneByOne).toEqual(together);
    expect(together.problems.map((p) => [p.row, p.code])).toEqual([
      [3, 'id_scientific_notation'],
      [8, 'id_scientific_notation'],
    ]);
    // X is held back whole, so its enrollment is not listed: missing, not changed.
    expect(together.check.differences.map((d) => [d.kind, d.row, d.name])).toEqual([
      ['unchanged', 5, persons[1]![0]!.name],
      ['missing', null, x.name],
    ]);
    expect(together.totals).toMatchObject({ households: 3, persons: 6, valid: 4 });
  });

  it('checks again when the settings differ from the preview’s', async () => {
    const { data } = await blockRoster(new PeopleGenerator(12, '431122'), [{ members: 1, amount: 400 }]);
    const uploadId = upload(t.admin, '东山镇低保.xlsx', data);
    await t.call(t.admin, 'imports.preview', { uploadId, purpose: 'initial_load', program: 'dibao' });
    vi.mocked(analyzeRoster).mockClear();
    await t.call(t.admin, 'imports.commit', { uploadId, purpose: 'initial_load', program: 'dibao_edge' });
    expect(analyzeRoster).toHaveBeenCalledTimes(1);
    const enrollment = await t.backend.store.db.selectFrom('enrollments').select('program').executeTakeFirstOrThrow();
    expect(enrollment.program).toBe('dibao_edge');
  });
});

describe('a roster read in a worker thread', () => {
  // A roster of any size is read in the worker here (from 0 bytes on); the app starts one from 1 MB.
  const inWorker = (data: Buffer, fileName: string, signal?: AbortSignal) => rosterOf(data, fileName, signal, 0);

  it('is analysed as one read here, a household a chunk, more chunks than the reader may post ahead', async () => {
    const roster = await messyDibaoXlsx({ seed: 5, townshipName: '东山镇', villageNames: ['东山村'] });
    const db = t.backend.store.db;
    const env = (await demoEnv(db))('admin', '2026-11-20');
    const options = { fileName: roster.fileName, purpose: 'initial_load' as const, scope: env.scope, today: env.today };
    const here = await analyzeRoster(db, gridRoster(await readGrid(roster.data, roster.fileName)), options);
    const there = await analyzeRoster(db, await inWorker(roster.data, roster.fileName), { ...options, chunkHouseholds: 1 });
    expect(there).toEqual(here);
    // The head crosses as a copy: its date cells are dates again, as in a read here.
    const [worker, local] = [await inWorker(roster.data, roster.fileName), new RosterReading(await openFile(roster.data, roster.fileName))];
    const head = await worker.head(0);
    expect(head.rows.some((r) => r.cells.some((c) => c instanceof ExcelDate))).toBe(true);
    expect(head).toStrictEqual(await local.head(0));
    worker.close();
    local.close();
    expect(here.totals.households).toBe(roster.households);
  });

  it('commits a 建账 as it is read and checked: the valid households, their search keys, nothing of one with an error', async () => {
    // More households than are written together (FLUSH): some are in the ledger before the roster's end.
    const roster = await messyDibaoXlsx({ seed: 6, townshipName: '东山镇', villageNames: ['东山村'], households: FLUSH + 20 });
    const db = t.backend.store.db;
    const env = (await demoEnv(db))('admin', '2026-11-20');
    const options = { fileName: roster.fileName, purpose: 'initial_load' as const, scope: env.scope, today: env.today, searchKeys: true, chunkHouseholds: 2 };
    const preview = await analyzeRoster(db, gridRoster(await readGrid(roster.data, roster.fileName)), options);
    const { result, analysis } = await commitImport(db, { roster: await inWorker(roster.data, roster.fileName), options }, { env, fileName: roster.fileName, fileSha256: 'x', approve: () => {} });
    // Counted as the preview counts (into a ledger of no enrollments, none missing either way).
    expect(analysis.totals).toEqual(preview.totals);
    expect(analysis.households).toEqual([]);
    expect(result).toMatchObject({ households: preview.ready.households, persons: preview.ready.persons, skippedRows: preview.totals.persons - preview.ready.persons });
    const stored = await db.selectFrom('persons').select(['id_number', 'name', 'name_initials']).orderBy('id_number').execute();
    const ready = preview.households.filter((h) => !h.hasError).flatMap((h) => h.members);
    expect(stored).toEqual(ready.map((m) => ({ id_number: m.idNumber, name: m.name, name_initials: nameInitials(m.name) })).sort((a, b) => a.id_number!.localeCompare(b.id_number!)));
    // Written with SQLite's foreign-key checks off and checked by the write itself: nothing names what is not there.
    expect((await sql`pragma foreign_key_check`.execute(db)).rows).toEqual([]);
  });

  it('lists no enrollment missing from a 建账 as it is written, which its commit would not act on, where its preview lists it', async () => {
    const people = new PeopleGenerator(15, '431122');
    const enrolled = await blockRoster(people, [{ members: 2, amount: 600 }]);
    await t.call(t.admin, 'imports.commit', { uploadId: upload(t.admin, '东山镇低保.xlsx', enrolled.data), purpose: 'initial_load' });
    const { data } = await blockRoster(people, [{ members: 1, amount: 300 }]);
    const db = t.backend.store.db;
    const env = (await demoEnv(db))('admin', '2026-11-20');
    const options = { fileName: '东山镇低保二.xlsx', purpose: 'initial_load' as const, scope: env.scope, today: env.today };
    const preview = await analyzeRoster(db, gridRoster(await readGrid(data, options.fileName)), options);
    expect(preview.check.differences.filter((d) => d.kind === 'missing').map((d) => d.name)).toEqual([enrolled.persons[0]![0]!.name]);
    const { result, analysis } = await commitImport(db, { roster: await inWorker(data, options.fileName), options }, { env, fileName: options.fileName, fileSha256: 'x', approve: () => {} });
    expect(result).toMatchObject({ households: 1, persons: 1 });
    expect(analysis.check.differences.map((d) => d.kind)).toEqual(['new']);
    expect(analysis.totals).toEqual({ ...preview.totals, missingPersons: 0 });
  });

  it('adds a new member to the registered household the check matched, also after a household left for the roster’s end', async () => {
    const people = new PeopleGenerator(41, '431122');
    const db = t.backend.store.db;
    // Y is registered without an enrollment; the 建账 roster lists Y's two people and a new child.
    const [yHead, ySpouse, child] = [people.person({ sex: 'male', bornFrom: 1950, bornTo: 1975 }), people.person({ sex: 'female', bornFrom: 1950, bornTo: 1975 }), people.person({ bornFrom: 2010, bornTo: 2015 })];
    await registerHouseholds(db, { userId: null, username: 'test' }, t.clock.now(), [
      { townshipId: t.east.id, villageId: t.eastVillage.id, address: '东山村5号', hukouType: 'rural', phone: null, members: [{ name: yHead.name, idNumber: yHead.idNumber, relation: 'self' }, { name: ySpouse.name, idNumber: ySpouse.idNumber, relation: 'spouse' }] },
    ]);
    const yHousehold = (await db.selectFrom('persons').select('household_id').where('id_number', '=', yHead.idNumber).executeTakeFirstOrThrow()).household_id;
    // X comes first, with a valid ID ending in 000: it waits for the roster's end before it is written.
    const x = people.person({ sex: 'female', bornFrom: 1950, bornTo: 1960 });
    const zeros = [...'0123456789'].map((d) => `${x.idNumber.slice(0, 14)}${d}00`).find((first17) => checkCharacter(first17) === '0')!;
    const { data } = await blockRoster(people, [
      { members: [{ ...x, idNumber: `${zeros}0` }], amount: 300 },
      { members: [yHead, ySpouse, child], amount: 900 },
    ]);
    const env = (await demoEnv(db))('admin', '2026-11-20');
    const options = { fileName: '东山镇低保.xlsx', purpose: 'initial_load' as const, scope: env.scope, today: env.today, chunkHouseholds: 1 };
    const { result } = await commitImport(db, { roster: await inWorker(data, '东山镇低保.xlsx'), options }, { env, fileName: '东山镇低保.xlsx', fileSha256: 'x', approve: () => {} });
    expect(result).toMatchObject({ households: 1, persons: 2, enrollments: 2, skippedRows: 0 });
    expect((await db.selectFrom('persons').select('household_id').where('id_number', '=', child.idNumber).executeTakeFirstOrThrow()).household_id).toBe(yHousehold);
    expect(await db.selectFrom('households').select('id').execute()).toHaveLength(2);
  });

  it('finds a person listed twice a duplicate in the file only, as the preview does, though the first was written meanwhile into a ledger larger than the roster', async () => {
    const people = new PeopleGenerator(43, '431122');
    const db = t.backend.store.db;
    // More people in the ledger than the roster has rows: each ID is looked up in the ledger as it comes.
    const couple = () => [people.person({ bornFrom: 1950, bornTo: 1975 }), people.person({ bornFrom: 1976, bornTo: 2010 })];
    const registered = Array.from({ length: FLUSH + 30 }, (_, i) => {
      const [head, son] = couple();
      const members = [
        { name: head!.name, idNumber: head!.idNumber, relation: 'self' as const },
        { name: son!.name, idNumber: son!.idNumber, relation: 'son' as const },
      ];
      return { townshipId: t.east.id, villageId: t.eastVillage.id, address: `东山村${i}号`, hukouType: 'rural' as const, phone: null, members };
    });
    await registerHouseholds(db, { userId: null, username: 'test' }, t.clock.now(), registered);
    // The first household's second member again in the last one, after the first was written (FLUSH).
    const households = Array.from({ length: FLUSH + 2 }, couple);
    households.at(-1)![1] = households[0]![1]!;
    const { data } = await blockRoster(people, households.map((members) => ({ members, amount: 600 })));
    const env = (await demoEnv(db))('admin', '2026-11-20');
    const options = { fileName: '东山镇低保.xlsx', purpose: 'initial_load' as const, scope: env.scope, today: env.today, chunkHouseholds: 2 };
    const preview = await analyzeRoster(db, gridRoster(await readGrid(data, '东山镇低保.xlsx')), options);
    expect(preview.problems.map((p) => p.code)).toEqual(['duplicate_in_file']);
    const { result, analysis } = await commitImport(db, { roster: await inWorker(data, '东山镇低保.xlsx'), options }, { env, fileName: '东山镇低保.xlsx', fileSha256: 'x', approve: () => {} });
    expect(analysis.problems).toEqual(preview.problems);
    expect(analysis.totals).toEqual(preview.totals);
    expect(result).toMatchObject({ households: FLUSH + 1, skippedRows: 2 });
  });

  it('refuses a file it cannot read with the message of a read here, and stops when the work is cancelled', async () => {
    const bad = await corruptZip();
    const refusal = await openFile(bad.data, bad.fileName).then(() => null, (err: unknown) => err);
    expect(refusal).toBeInstanceOf(Error);
    await expect(inWorker(bad.data, bad.fileName)).rejects.toMatchObject({ code: (refusal as { code: string }).code, message: (refusal as Error).message });

    const { data } = await blockRoster(new PeopleGenerator(31, '431122'), [{ members: 2, amount: 500 }]);
    const cancel = new AbortController();
    const roster = await inWorker(data, '东山镇低保.xlsx', cancel.signal);
    cancel.abort(new Error('已取消'));
    await expect(roster.head(0)).rejects.toThrow('已取消');
  });
});

describe('monthly reconciliation', () => {
  it('refuses to undo a batch once one of its people has a children’s care file', async () => {
    const { data } = await blockRoster(new PeopleGenerator(8, '431122'), [{ members: 2, amount: 600 }]);
    const uploadId = upload(t.admin, '东山镇低保.xlsx', data);
    const result = await t.call(t.admin, 'imports.commit', { uploadId, purpose: 'initial_load' });
    const db = t.backend.store.db;
    const person = await db.selectFrom('persons').select('id as entity_id').where('import_batch_id', '=', result.batchId).executeTakeFirstOrThrow();
    const now = new Date().toISOString();
    await db
      .insertInto('children')
      .values({ person_id: person.entity_id, category: 'in_difficulty', cause: 'poverty', guardianship: 'parents', guardian_name: '监护人', guardian_relation: null, guardian_id_number: null, guardian_phone: null, director_id: null, school: null, health: null, disability: null, pairing_name: null, pairing_kind: null, pairing_phone: null, opened_on: '2026-11-20', closed_on: null, close_reason: null, last_visited_on: null, next_due_on: '2027-02-20', created_at: now, updated_at: now })
      .execute();
    const refused = await t.failure(t.admin, 'imports.undo', { batchId: result.batchId });
    expect(refused.message).toContain('1 人已建立儿童关爱档案');
    expect((await t.call(t.admin, 'imports.history', {}))[0]).toMatchObject({ status: 'committed' });
  });

  it('refuses to undo a batch a submitted payment roster has counted, not one submitted for an earlier month', async () => {
    const { data } = await blockRoster(new PeopleGenerator(9, '431122'), [{ members: 2, amount: 600 }]);
    const result = await t.call(t.admin, 'imports.commit', { uploadId: upload(t.admin, '东山镇低保.xlsx', data), purpose: 'initial_load' });
    await staff(t, 'leader', 'manager');
    t.clock.set('2026-12-03T09:00:00+08:00');
    const manager = await t.login('leader', STAFF_PASSWORD);
    await t.call(manager, 'reports.submit', { form: 'payment-roster', period: '2026-10', program: 'dibao' });
    await t.call(manager, 'reports.submit', { form: 'payment-roster', period: '2026-11', program: 'tekun' });
    await t.call(manager, 'reports.submit', { form: 'payment-roster', period: '2026-11', program: 'dibao' });
    const admin = await t.login('admin', ADMIN_PASSWORD);
    const refused = await t.failure(admin, 'imports.undo', { batchId: result.batchId });
    expect(refused.message).toBe('该批次导入后已有后续业务，不能撤销：已上报的2026年11月低保资金发放花名册已计入这批对象');
    expect((await t.call(admin, 'imports.history', {}))[0]).toMatchObject({ status: 'committed' });
  });

  it('keeps an edited household and member in their batch, and refuses to undo the batch with the reason', async () => {
    const { data } = await blockRoster(new PeopleGenerator(9, '431122'), [{ members: 2, amount: 600 }]);
    const result = await t.call(t.admin, 'imports.commit', { uploadId: upload(t.admin, '东山镇低保.xlsx', data), purpose: 'initial_load' });
    const db = t.backend.store.db;
    const { id } = await db.selectFrom('households').select('id').where('import_batch_id', '=', result.batchId).executeTakeFirstOrThrow();
    const h = await t.call(t.admin, 'households.get', { id });
    t.clock.advance(60_000);
    await t.call(t.admin, 'households.update', { id, villageId: h.villageId, address: h.address, hukouType: h.hukouType, phone: '13800000000', bankName: h.bankName, bankAccount: h.bankAccount, notes: h.notes, reason: '更正联系电话' });
    const member = h.members.find((m) => m.relation !== 'self')!;
    await t.call(t.admin, 'persons.update', { id: member.id, name: member.name, idNumber: member.idNumber, relation: member.relation, ethnicity: '苗族', reason: '按户口簿补填民族' });
    expect(await db.selectFrom('households').select(['phone', 'import_batch_id']).where('id', '=', id).executeTakeFirstOrThrow()).toEqual({ phone: '13800000000', import_batch_id: result.batchId });
    expect(await db.selectFrom('persons').select(['ethnicity', 'import_batch_id']).where('id', '=', member.id).executeTakeFirstOrThrow()).toEqual({ ethnicity: '苗族', import_batch_id: result.batchId });
    const refused = await t.failure(t.admin, 'imports.undo', { batchId: result.batchId });
    expect(refused.message).toBe('该批次导入后已有后续业务，不能撤销：1 户的家庭信息已被修改；1 人的档案已被修改');
    expect(await db.selectFrom('persons').select('id').where('import_batch_id', '=', result.batchId).execute()).toHaveLength(2);
  });

  it('turns a changed amount and a missing household into change and stop cases, undoable while untouched', async () => {
    const people = new PeopleGenerator(8, '431122');
    const first = await blockRoster(people, [
      { members: 2, amount: 800 },
      { members: 1, amount: 400 },
      { members: 3, amount: 1000 },
    ]);
    await t.call(t.admin, 'imports.commit', { uploadId: upload(t.admin, '东山镇低保.xlsx', first.data), purpose: 'initial_load' });

    const clerk = await signedInClerk();
    const files = captureFiles(clerk);
    await t.call(clerk, 'exports.programRoster', { program: 'dibao' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(files[0]!.data as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const headers = (ws.getRow(3).values as unknown[]).map(String);
    const amountCol = headers.indexOf('月保障金额（元）');
    const nameCol = headers.indexOf('户主姓名');
    // Household of 2 now gets 950.00; the one-person household is no longer on the township's roster.
    let removed = '';
    ws.eachRow((row, n) => {
      if (n > 3 && row.getCell(amountCol).value === 800) row.getCell(amountCol).value = 950;
    });
    ws.eachRow((row, n) => {
      if (n > 3 && row.getCell(amountCol).value === 400) {
        removed = String(row.getCell(nameCol).value);
        ws.spliceRows(n, 1);
      }
    });
    const edited = Buffer.from(await wb.xlsx.writeBuffer());
    const uploadId = upload(clerk, '东山镇11月核对.xlsx', edited);
    const p = await t.call(clerk, 'imports.preview', { uploadId, purpose: 'reconcile' });
    expect(p.totals).toMatchObject({ changedPersons: 2, missingPersons: 1, unchangedPersons: 3, newPersons: 0 });
    expect(p.differences.find((d) => d.kind === 'missing')?.name).toBe(removed);
    expect(p.commit.allowed).toBe(true);

    const enrollmentsBefore = await t.call(clerk, 'ledger.list', { kind: 'households', program: 'dibao', page: 1, pageSize: 20 });
    const result = await t.call(clerk, 'imports.commit', { uploadId, purpose: 'reconcile' });
    expect(result.cases).toBe(2);
    const inbox = await t.call(clerk, 'cases.inbox', { tab: 'all', page: 1, pageSize: 20 });
    expect(inbox.rows.map((c) => c.kind).sort()).toEqual(['enrollment_change', 'enrollment_stop']);
    // Enrollments are untouched until the cases are confirmed.
    expect(await t.call(clerk, 'ledger.list', { kind: 'households', program: 'dibao', page: 1, pageSize: 20 })).toEqual(enrollmentsBefore);

    await t.call(clerk, 'imports.undo', { batchId: result.batchId });
    expect((await t.call(clerk, 'cases.inbox', { tab: 'all', page: 1, pageSize: 20 })).total).toBe(0);
  });

  it('turns a household whose roster lists a member fewer into a 增减保障人口 case, and one with an unregistered member into a note', async () => {
    const people = new PeopleGenerator(12, '431122');
    const first = await blockRoster(people, [
      { members: 3, amount: 1000 },
      { members: 2, amount: 800 },
    ]);
    await t.call(t.admin, 'imports.commit', { uploadId: upload(t.admin, '东山镇低保.xlsx', first.data), purpose: 'initial_load' });
    const [three, two] = first.persons as [SyntheticPerson[], SyntheticPerson[]];
    const newborn = people.personBornOn('2026-09-01', 'female');
    // The first household's son is gone from the roster, at a lower amount; the second lists a baby the ledger has not registered.
    const next = await blockRoster(people, [
      { members: three.slice(0, 2), amount: 700 },
      { members: [...two, newborn], amount: 800 },
    ]);
    const clerk = await signedInClerk();
    const uploadId = upload(clerk, '东山镇12月核对.xlsx', next.data);
    const p = await t.call(clerk, 'imports.preview', { uploadId, purpose: 'reconcile' });
    expect(p.commit).toMatchObject({ allowed: true, summary: '将发起 0 个金额变更案件、1 个增减保障人口案件、0 个停保案件（进入审批流程，不直接修改在保记录）' });
    const result = await t.call(clerk, 'imports.commit', { uploadId, purpose: 'reconcile' });
    expect(result.cases).toBe(1);
    expect(result.notes).toEqual([expect.stringContaining('表中有此户在台账中未登记的成员，请先在家庭页面登记，再发起增减保障人口')]);
    const opened = (await t.call(clerk, 'cases.inbox', { tab: 'all', page: 1, pageSize: 20 })).rows;
    expect(opened.map((c) => c.kind)).toEqual(['enrollment_change']);
    const detail = await t.call(clerk, 'cases.get', { id: opened[0]!.id });
    expect(detail.application).toEqual(
      expect.arrayContaining([
        { label: '变更类型', value: '增减保障人口' },
        { label: '减少保障人员', value: three[2]!.name },
        { label: '新保障金额', value: '700.00 元/月' },
      ]),
    );
    expect(detail.members.filter((m) => m.covered).map((m) => m.name)).toEqual(three.slice(0, 2).map((m) => m.name));
  });

  it('lists the first thousand differences of each kind, so a stop is not hidden behind new households, and the 差异清单 holds them all', async () => {
    const people = new PeopleGenerator(14, '431122');
    const enrolled = await blockRoster(people, [{ members: 2, amount: 600 }]);
    await t.call(t.admin, 'imports.commit', { uploadId: upload(t.admin, '东山镇低保.xlsx', enrolled.data), purpose: 'initial_load' });
    const head = enrolled.persons[0]![0]!;
    // A roster of 1,001 households the ledger does not enroll, without the one it does.
    const { data } = await blockRoster(people, Array.from({ length: 1001 }, () => ({ members: 1, amount: 300 })));
    const clerk = await signedInClerk();
    const uploadId = upload(clerk, '东山镇12月核对.xlsx', data);
    const p = await t.call(clerk, 'imports.preview', { uploadId, purpose: 'reconcile' });
    expect(p.differenceCounts).toEqual({ changed: 0, missing: 1, new: 1001 });
    expect(p.differences.filter((d) => d.kind === 'new')).toHaveLength(1000);
    expect(p.differences.filter((d) => d.kind === 'missing')).toEqual([expect.objectContaining({ name: head.name, persons: 2, ledgerAmountFen: 60000, row: null })]);

    const files = captureFiles(clerk);
    expect(await t.call(clerk, 'imports.differencesWorkbook', { uploadId, purpose: 'reconcile' })).toMatchObject({ kind: 'saved', fileName: '东山镇12月核对_差异清单.xlsx', rows: 1002 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(files[0]!.data as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('与台账的差异')!;
    expect(ws.getCell('A2').value).toBe('低保　共 1002 项：变更 0 项，表中没有 1 项，新增 1001 项');
    expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual(['序号', '类型', '表中行号', '户主（姓名）', '人数', '表中金额（元）', '台账金额（元）', '说明']);
    // 表中没有 before 新增; then every new household, each at its row of the roster (the first at row 3).
    expect((ws.getRow(4).values as unknown[]).slice(1, 8)).toEqual([1, '表中没有', undefined, head.name, 2, undefined, 600]);
    expect((ws.getRow(5).values as unknown[]).slice(1, 8)).toEqual([2, '新增', 3, expect.any(String), 1, 300, undefined]);
    expect(ws.getRow(4 + 1001).getCell(3).value).toBe(1003);
    expect(ws.rowCount).toBe(3 + 1002);
  });

  it('proposes no stops from a roster whose IDs cannot be matched (a masked export)', async () => {
    const people = new PeopleGenerator(10, '431122');
    const { data } = await blockRoster(people, [{ members: 2, amount: 500 }, { members: 1, amount: 300 }]);
    await t.call(t.admin, 'imports.commit', { uploadId: upload(t.admin, '东山镇低保.xlsx', data), purpose: 'initial_load' });
    const files = captureFiles(t.admin);
    await t.call(t.admin, 'exports.programRoster', { program: 'dibao' });
    const p = await t.call(t.admin, 'imports.preview', { uploadId: upload(t.admin, files[0]!.fileName, files[0]!.data), purpose: 'reconcile' });
    expect(p.totals.invalid).toBe(3);
    expect(p.commit.allowed).toBe(false);
    expect(p.commit.reason).toContain('误停保');
  });

  it('refuses 建账 to anyone but the administrator, and another township’s roster to a township clerk', async () => {
    const people = new PeopleGenerator(9, '431122');
    const { data } = await blockRoster(people, [{ members: 1, amount: 300 }]);
    const clerk = await signedInClerk();
    const uploadId = upload(clerk, 'x.xlsx', data);
    const refused = await t.failure(clerk, 'imports.commit', { uploadId, purpose: 'initial_load' });
    expect(refused.message).toContain('系统管理员');
    expect(refused.code).toBe('FORBIDDEN');
    expect((await t.failure(clerk, 'imports.preview', { uploadId, purpose: 'reconcile', townshipId: t.west.id })).code).toBe('FORBIDDEN');
  });
});

describe('person programs in household blocks', () => {
  it('asks 建账 for each elder’s own amount: one only on the head’s row is not the spouse’s', async () => {
    const people = new PeopleGenerator(37, '431122');
    const [head, spouse] = [0, 1].map(() => people.person({ bornFrom: 1930, bornTo: 1940 }));
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('花名册');
    ws.addRow(['东山镇高龄津贴发放花名册']);
    ws.addRow(['序号', '户主姓名', '姓名', '身份证号码', '与户主关系', '月发放金额（元）']);
    ws.addRow([1, head!.name, head!.name, head!.idNumber, '户主', 100]);
    ws.addRow([null, null, spouse!.name, spouse!.idNumber, '配偶', null]);
    ws.mergeCells(3, 1, 4, 1);
    ws.mergeCells(3, 2, 4, 2);
    const uploadId = upload(t.admin, '东山镇高龄.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    const preview = await t.call(t.admin, 'imports.preview', { uploadId, purpose: 'initial_load' });
    expect(preview.program).toBe('gaoling');
    expect(preview.problems.map((p) => [p.row, p.column, p.code])).toEqual([[4, '月发放金额（元）', 'missing_required']]);
    expect(preview.totals).toMatchObject({ households: 1, persons: 2, valid: 1 });
    expect(preview.commit.allowed).toBe(false);
  });
});

describe('children’s rosters', () => {
  it('judges a 17-year-old by the kind the title names: kept on a 困境儿童 roster, too old on a 留守儿童 one', async () => {
    const child = new PeopleGenerator(39, '431122').person({ bornFrom: 2009, bornTo: 2009 });
    const roster = async (title: string) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('花名册');
      ws.addRow([title]);
      ws.addRow(['序号', '姓名', '身份证号码']);
      ws.addRow([1, child.name, child.idNumber]);
      return upload(t.admin, `${title}.xlsx`, Buffer.from(await wb.xlsx.writeBuffer()));
    };
    const difficulty = await t.call(t.admin, 'imports.preview', { uploadId: await roster('东山镇困境儿童花名册'), purpose: 'initial_load' });
    expect(difficulty.program).toBe('child_care');
    expect(difficulty.problems).toEqual([]);
    const leftBehind = await t.call(t.admin, 'imports.preview', { uploadId: await roster('东山镇农村留守儿童花名册'), purpose: 'initial_load' });
    expect(leftBehind.problems.map((p) => [p.row, p.column, p.code])).toEqual([[3, '身份证号码', 'age_ineligible']]);
  });
});

describe('person programs round trip', () => {
  it('exports a 高龄 roster of a couple whose head of household is their son, and reads it back with no change', async () => {
    const people = new PeopleGenerator(38, '431122');
    const [father, mother] = [0, 1].map(() => people.person({ bornFrom: 1930, bornTo: 1940 }));
    const son = people.person({ bornFrom: 1960, bornTo: 1965 });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('花名册');
    ws.addRow(['东山镇高龄津贴发放花名册']);
    ws.addRow(['序号', '户主姓名', '姓名', '身份证号码', '与户主关系', '月发放金额（元）']);
    ws.addRow([1, son.name, father!.name, father!.idNumber, '父亲', 100]);
    ws.addRow([null, null, mother!.name, mother!.idNumber, '母亲', 100]);
    ws.mergeCells(3, 1, 4, 1);
    ws.mergeCells(3, 2, 4, 2);
    const loaded = await t.call(t.admin, 'imports.commit', { uploadId: upload(t.admin, '东山镇高龄.xlsx', Buffer.from(await wb.xlsx.writeBuffer())), purpose: 'initial_load' });
    expect(loaded).toMatchObject({ households: 1, persons: 2, enrollments: 2 });

    const clerk = await signedInClerk();
    const files = captureFiles(clerk);
    await t.call(clerk, 'exports.programRoster', { program: 'gaoling' });
    const check = await t.call(clerk, 'imports.preview', { uploadId: upload(clerk, files[0]!.fileName, files[0]!.data), purpose: 'reconcile' });
    expect(check.problems).toEqual([]);
    // One row an elder, as the roster lists beneficiaries, not households.
    expect(check.totals).toMatchObject({ households: 2, persons: 2, valid: 2, newPersons: 0, changedPersons: 0, unchangedPersons: 2, missingPersons: 0 });
    expect(check.commit).toMatchObject({ allowed: false, reason: '与台账一致，没有需要发起的变更' });
  });
});

describe('messy township files', () => {
  it('finds every problem of a messy 低保 roster at its row and column, and nothing else', async () => {
    for (const seed of [1, 2, 3]) {
      const roster = await messyDibaoXlsx({ seed, townshipName: '东山镇', villageNames: ['东山村'] });
      const uploadId = upload(t.admin, roster.fileName, roster.data);
      const p = await t.call(t.admin, 'imports.preview', { uploadId, purpose: 'initial_load', problemLimit: 10_000 });
      const found = p.problems.map((x) => ({ row: x.row, column: x.column, code: x.code, severity: x.severity }));
      const sortKey = (x: { row: number; code: string }) => `${String(x.row).padStart(5, '0')}${x.code}`;
      expect(found.sort((a, b) => sortKey(a).localeCompare(sortKey(b)))).toEqual([...roster.expected].sort((a, b) => sortKey(a).localeCompare(sortKey(b))));
      expect(p.totals.households).toBe(roster.households);
      expect(p.totals.persons).toBe(roster.persons);
      expect(p.totals.valid).toBe(roster.validIds.length);
      expect(p.columns.find((c) => c.header === '旧身份证号')).toMatchObject({ hidden: true, field: null });
    }
  });

  it('reads a GBK CSV of one person a row, with a quoted line break, and finds its problems', async () => {
    const roster = personRosterCsvGbk({ seed: 5, townshipName: '东山镇', villageNames: ['东山村'], program: 'gaoling' });
    const uploadId = upload(t.admin, roster.fileName, roster.data);
    const p = await t.call(t.admin, 'imports.preview', { uploadId, purpose: 'initial_load' });
    expect(p.format).toBe('csv');
    expect(p.encoding).toBe('GBK/GB18030');
    expect(p.program).toBe('gaoling');
    expect(p.problems.map((x) => ({ row: x.row, column: x.column, code: x.code, severity: x.severity }))).toEqual(
      [...roster.expected].sort((a, b) => a.row - b.row),
    );
    expect(p.totals).toMatchObject({ persons: roster.persons, valid: roster.validIds.length });
  });

  it('sends the problems back in a workbook of the township’s own rows with a 错误说明 column', async () => {
    const roster = await messyDibaoXlsx({ seed: 9, townshipName: '东山镇', villageNames: ['东山村'] });
    const files = captureFiles(t.admin);
    const uploadId = upload(t.admin, roster.fileName, roster.data);
    await t.call(t.admin, 'imports.problemsWorkbook', { uploadId, purpose: 'initial_load' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(files[0]!.data as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const original = new ExcelJS.Workbook();
    await original.xlsx.load(roster.data as unknown as ArrayBuffer);
    const errorCol = ws.getRow(3).cellCount;
    expect(ws.getRow(3).getCell(errorCol).value).toBe('错误说明');
    for (const e of roster.expected) {
      expect(String(ws.getRow(e.row).getCell(errorCol).value)).toContain(`【${e.column}】`);
    }
    // The same rows at the same numbers: the title and a data cell read as in the township's file.
    expect(ws.getRow(1).getCell(1).value).toBe(original.worksheets[0]!.getRow(1).getCell(1).value);
    const bad = roster.expected.find((e) => e.code === 'id_checksum')!;
    const idCol = ws.getRow(4).values as unknown[];
    const col = idCol.findIndex((v, i) => v === '身份证号码' && i > 5);
    expect((ws.getRow(bad.row).getCell(col).fill as { fgColor?: { argb?: string } }).fgColor?.argb).toBe('FFFFC7CE');
    expect(wb.getWorksheet('问题汇总')!.rowCount).toBe(roster.expected.length + 1);
  });
});

describe('files that cannot be read', () => {
  it('refuses each with a clear message and leaves the ledger file as it was', async () => {
    const before = t.fileHashes();
    const cases: [BadFile, string, RegExp][] = [
      [await corruptZip(), 'file_corrupt', /损坏/],
      [xlsRenamedXlsx(), 'file_legacy_xls', /另存为.*xlsx/],
      [passwordProtectedXlsx(), 'file_encrypted', /密码/],
      [emptyFile(), 'file_empty', /空/],
      [htmlAsXls(), 'file_not_spreadsheet', /网页/],
      [mergeBombXlsx(), 'file_too_large', /合并单元格过多/],
    ];
    for (const [file, refusal, message] of cases) {
      const uploadId = upload(t.admin, file.fileName, file.data);
      for (const method of ['imports.preview', 'imports.commit'] as const) {
        const error = await t.failure(t.admin, method, { uploadId, purpose: 'initial_load' });
        expect(error.code).toBe('IMPORT_REJECTED');
        expect(error.details?.refusal).toBe(refusal);
        expect(error.message).toMatch(message);
      }
    }
    expect(t.fileHashes()).toEqual(before);
  });

  it('reads past 100,000 empty rows and cuts a 1 MB cell, with bounded memory', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-bad-'));
    try {
      const empty = fs.readFileSync(await emptyRowsXlsx(dir));
      const p = await t.call(t.admin, 'imports.preview', { uploadId: upload(t.admin, '十万空行.xlsx', empty), purpose: 'initial_load', program: 'gaoling', townshipId: t.east.id });
      expect(p.totals.persons).toBe(3);
      const huge = await hugeCellXlsx();
      const before = t.fileHashes();
      const q = await t.call(t.admin, 'imports.preview', { uploadId: upload(t.admin, huge.fileName, huge.data), purpose: 'initial_load', program: 'gaoling', townshipId: t.east.id });
      expect(q.problems.some((x) => x.code === 'value_too_long' && x.column === '姓名')).toBe(true);
      expect(JSON.stringify(q).length).toBeLessThan(200_000);
      await t.failure(t.admin, 'imports.commit', { uploadId: q.uploadId, purpose: 'initial_load', program: 'gaoling', townshipId: t.east.id });
      expect(t.fileHashes()).toEqual(before);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a 200 MB file before reading it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-big-'));
    try {
      const big = await bigFile(dir);
      const r = await runImportCli([big, '--data', t.dataDir, '--json']);
      expect(r.status).toBe(1);
      expect(JSON.parse(r.stdout)).toMatchObject({ rejected: true, code: 'file_too_large' });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('against the ledger', () => {
  it('flags a person registered in another household or holding an excluding program, and attaches an elder already registered', async () => {
    const people = new PeopleGenerator(21, '431122');
    const first = await blockRoster(people, [{ members: 2, amount: 600 }]);
    await t.call(t.admin, 'imports.commit', { uploadId: upload(t.admin, '东山镇低保.xlsx', first.data), purpose: 'initial_load' });
    const elder = people.person({ bornFrom: 1930, bornTo: 1940 });
    const { id: elderHousehold } = await t.call(t.admin, 'households.create', {
      townshipId: t.east.id,
      villageId: t.eastVillage.id,
      address: '东山村一组',
      hukouType: 'rural',
      phone: null,
      members: [{ name: elder.name, idNumber: elder.idNumber, relation: 'self' }],
    });

    // A 低保 member listed as the head of a new household: registered elsewhere.
    const [spouseId] = first.ids[0]!.slice(1);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('花名册');
    ws.addRow(['东山镇特困人员花名册']);
    ws.addRow(['序号', '姓名', '身份证号码', '月保障金额（元）']);
    ws.addRow([1, '甲', first.ids[0]![0]!, 700]);
    const tekun = await t.call(t.admin, 'imports.preview', { uploadId: upload(t.admin, '东山镇特困.xlsx', Buffer.from(await wb.xlsx.writeBuffer())), purpose: 'initial_load' });
    expect(tekun.problems.map((p) => [p.row, p.code, p.severity])).toEqual([[3, 'program_conflict', 'error']]);
    expect(tekun.problems[0]!.message).toContain('低保');

    const mixed = await blockRoster(people, [{ members: 2, amount: 300 }]);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(mixed.data as unknown as ArrayBuffer);
    wb2.worksheets[0]!.getRow(4).getCell(8).value = spouseId!;
    wb2.worksheets[0]!.getRow(4).getCell(7).value = null;
    const moved = await t.call(t.admin, 'imports.preview', { uploadId: upload(t.admin, '东山镇低保2.xlsx', Buffer.from(await wb2.xlsx.writeBuffer())), purpose: 'initial_load' });
    expect(moved.problems.map((p) => [p.row, p.code, p.severity])).toEqual([[4, 'duplicate_in_ledger', 'error']]);
    expect(moved.commit.allowed).toBe(false);

    // The registered household listed again with its head's ID stored as a number: that cell is the
    // problem; its members are not reported as registered in another household.
    const wb3 = new ExcelJS.Workbook();
    await wb3.xlsx.load(first.data as unknown as ArrayBuffer);
    wb3.worksheets[0]!.getRow(3).getCell(8).value = Number(first.ids[0]![0]!);
    const again = await t.call(t.admin, 'imports.preview', { uploadId: upload(t.admin, '东山镇低保3.xlsx', Buffer.from(await wb3.xlsx.writeBuffer())), purpose: 'reconcile' });
    expect(again.problems.map((p) => [p.row, p.code, p.severity])).toEqual([[3, 'id_scientific_notation', 'error']]);

    const gaoling = new ExcelJS.Workbook();
    const g = gaoling.addWorksheet('高龄');
    g.addRow(['东山镇高龄津贴发放名册']);
    g.addRow(['序号', '村', '姓名', '身份证号码', '发放金额']);
    g.addRow([1, '东山村', elder.name, elder.idNumber, 100]);
    const gUpload = upload(t.admin, '东山镇高龄.xlsx', Buffer.from(await gaoling.xlsx.writeBuffer()));
    const attach = await t.call(t.admin, 'imports.preview', { uploadId: gUpload, purpose: 'initial_load' });
    expect(attach.problems.map((p) => [p.row, p.code, p.severity])).toEqual([[3, 'duplicate_in_ledger', 'warning']]);
    const result = await t.call(t.admin, 'imports.commit', { uploadId: gUpload, purpose: 'initial_load' });
    expect(result).toMatchObject({ households: 0, persons: 0, enrollments: 1 });
    const household = await t.call(t.admin, 'households.get', { id: elderHousehold });
    expect(household.enrollments.map((e) => [e.program, e.monthlyAmountFen])).toEqual([['gaoling', 10_000]]);
    // The household was registered by hand: the batch's part in its timeline is the enrollment alone.
    const timeline = await t.call(t.admin, 'households.timeline', { id: elderHousehold });
    expect(timeline.map((e) => e.action)).toEqual(['household.import', 'household.register']);
    expect(timeline[0]).toMatchObject({ reason: '建账导入：东山镇高龄.xlsx', summary: expect.stringMatching(/^建账导入：高龄津贴在保，每月 100\.00 元，\d{4}-\d{2} 起$/) });
  });

  it('finds the registered alike whether the ledger holds fewer persons than the roster has rows (their ID numbers read at once) or more (each looked up)', async () => {
    const people = new PeopleGenerator(23, '431122');
    const registered = await blockRoster(people, Array.from({ length: 10 }, () => ({ members: 2, amount: 600 })));
    await t.call(t.admin, 'imports.commit', { uploadId: upload(t.admin, '东山镇低保.xlsx', registered.data), purpose: 'initial_load' });
    const ledgerPersons = (await sql<{ n: number }>`select count(*) as n from persons`.execute(t.backend.store.db)).rows[0]!.n;
    // A registered household listed again (already enrolled: a conflict), and a new one whose second member is registered in another.
    const moved = registered.persons[3]![1]!;
    const rosterOf = async (extra: number) => {
      const newcomers = [{ members: [people.person({ bornFrom: 1950, bornTo: 1975 }), moved], amount: 300 }, ...Array.from({ length: extra }, () => ({ members: 2, amount: 300 }))];
      const roster = await blockRoster(people, [{ members: registered.persons[0]!, amount: 600 }, ...newcomers]);
      const preview = await t.call(t.admin, 'imports.preview', { uploadId: upload(t.admin, `东山镇低保${extra}.xlsx`, roster.data), purpose: 'initial_load' });
      return { rows: roster.ids.flat().length + 4, problems: preview.problems.map((p) => [p.row, p.code, p.severity]) };
    };
    const few = await rosterOf(0);
    const many = await rosterOf(ledgerPersons);
    expect(few.rows).toBeLessThan(ledgerPersons);
    expect(many.rows).toBeGreaterThan(ledgerPersons);
    const expected = [
      [3, 'program_conflict', 'error'],
      [4, 'program_conflict', 'error'],
      [6, 'duplicate_in_ledger', 'error'],
    ];
    expect(few.problems).toEqual(expected);
    expect(many.problems).toEqual(expected);
  });

  it('remembers a mapping the clerk set as soon as the preview shows it, for the township’s next file of the template, also at the county', async () => {
    const people = new PeopleGenerator(22, '431122');
    const file = async (township: string) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('花名册');
      ws.addRow([`${township}高龄津贴花名册`]);
      ws.addRow(['序号', '姓名', '号码', '金额', '备用']);
      const p = people.person({ bornFrom: 1930, bornTo: 1940 });
      ws.addRow([1, p.name, p.idNumber, 100, p.idNumber]);
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const clerk = await signedInClerk();
    const firstId = upload(clerk, 'a.xlsx', await file('东山镇'));
    const auto = await t.call(clerk, 'imports.preview', { uploadId: firstId, purpose: 'reconcile' });
    expect(auto.columns[2]!.field).toBeNull();
    expect(auto.problems.map((p) => p.code)).toContain('missing_required');
    const mappingWith = (col: number) => Object.fromEntries(auto.columns.map((c) => [String(c.index), c.index === col ? 'idNumber' : c.field]));
    const mapped = await t.call(clerk, 'imports.preview', { uploadId: firstId, purpose: 'reconcile', mapping: mappingWith(2) });
    expect(mapped.problems).toEqual([]);
    expect(mapped.commit).toMatchObject({ allowed: false, reason: '没有变更或停保可以发起：1 户台账中没有高龄津贴在保记录，须经申请审批纳入（见差异列表）' });
    // 核对 of a new person starts nothing and is never committed: the preview has remembered it.
    const next = await t.call(clerk, 'imports.preview', { uploadId: upload(clerk, 'b.xlsx', await file('东山镇')), purpose: 'reconcile' });
    expect(next.mappingRemembered).toBe(true);
    expect(next.columns[2]!.field).toBe('idNumber');

    // Another township maps the same template its own way, later; at the county a 东山镇 file still gets 东山镇's.
    const west = await t.call(t.admin, 'imports.preview', { uploadId: upload(t.admin, 'w.xlsx', await file('西河乡')), purpose: 'reconcile' });
    expect(west.townshipId).toBe(t.west.id);
    await t.call(t.admin, 'imports.preview', { uploadId: west.uploadId, purpose: 'reconcile', mapping: mappingWith(4) });
    const east = await t.call(t.admin, 'imports.preview', { uploadId: upload(t.admin, 'c.xlsx', await file('东山镇')), purpose: 'reconcile' });
    expect(east.townshipId).toBe(t.east.id);
    expect(east.columns[2]!.field).toBe('idNumber');
    expect(east.columns[4]!.field).toBeNull();
  });

  it('shows whole ID numbers in the preview only to roles that see them', async () => {
    const roster = await messyDibaoXlsx({ seed: 4, townshipName: '东山镇', villageNames: ['东山村'] });
    const wholeId = /[0-9]{17}[0-9X]/;
    const adminView = await t.call(t.admin, 'imports.preview', { uploadId: upload(t.admin, roster.fileName, roster.data), purpose: 'initial_load' });
    expect(JSON.stringify([adminView.problems, adminView.columns])).not.toMatch(wholeId);
    const clerk = await signedInClerk();
    const clerkView = await t.call(clerk, 'imports.preview', { uploadId: upload(clerk, roster.fileName, roster.data), purpose: 'reconcile' });
    expect(JSON.stringify(clerkView.columns)).toMatch(wholeId);
  });

  it('cancelled while writing, leaves no batch and no household behind', async () => {
    const people = new PeopleGenerator(23, '431122');
    const { data } = await blockRoster(people, [{ members: 2, amount: 500 }, { members: 1, amount: 300 }]);
    const uploadId = upload(t.admin, '东山镇低保.xlsx', data);
    const indexes = await personIndexes();
    const jobId = 'cancel-me';
    t.admin.listeners.add((event) => {
      if (event.type === 'progress' && event.jobId === jobId && event.message === '正在写入台账') t.admin.jobs.get(jobId)?.abort();
    });
    const result = await t.router.call(t.admin, 'imports.commit', { uploadId, purpose: 'initial_load' }, { jobId });
    expect(result).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(await t.call(t.admin, 'imports.history', {})).toEqual([]);
    expect((await t.call(t.admin, 'ledger.list', { kind: 'households', page: 1, pageSize: 20 })).total).toBe(0);
    expect(await personIndexes()).toEqual(indexes);
  });

  it('answers scripts with one JSON object: the verdict of a messy file, or why a file was rejected', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-cli-'));
    try {
      // More households than are written together (FLUSH): some are in the ledger before the roster's end.
    const roster = await messyDibaoXlsx({ seed: 6, townshipName: '东山镇', villageNames: ['东山村'], households: FLUSH + 20 });
      const file = path.join(dir, roster.fileName);
      fs.writeFileSync(file, roster.data);
      // One program at a time has the ledger open: the script runs while the app is closed.
      await t.backend.store.close();
      const r = await runImportCli([file, '--data', t.dataDir, '--dry-run', '--json']);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const verdict = JSON.parse(r.stdout) as { rejected: boolean; households: number; persons: number; valid: number; errors: { row: number; column: string; code: string; severity: string; message: string }[] };
      expect(verdict).toMatchObject({ rejected: false, households: roster.households, persons: roster.persons, valid: roster.validIds.length });
      expect(verdict.errors.map((e) => `${e.row}|${e.column}|${e.code}|${e.severity}`).sort()).toEqual(roster.expected.map((e) => `${e.row}|${e.column}|${e.code}|${e.severity}`).sort());
      const legacy = xlsRenamedXlsx();
      fs.writeFileSync(path.join(dir, legacy.fileName), legacy.data);
      const refused = await runImportCli([path.join(dir, legacy.fileName), '--data', t.dataDir, '--json']);
      expect(refused.status).toBe(1);
      expect(JSON.parse(refused.stdout)).toMatchObject({ rejected: true, code: 'file_legacy_xls' });
      // A wrong password is JSON too, for the script to read.
      const wrong = await runImportCli([file, '--data', t.dataDir, '--dry-run', '--json'], 'Wrong2026pass');
      expect(wrong.status).toBe(1);
      expect(JSON.parse(wrong.stdout)).toMatchObject({ rejected: true, code: 'wrong_credentials' });
      // A dry run and a refusal write nothing (the other process's sign-in may still rewrite the file).
      await t.call(t.admin, 'auth.login', { username: 'admin', password: ADMIN_PASSWORD });
      expect(await t.call(t.admin, 'imports.history', {})).toEqual([]);
      expect((await t.call(t.admin, 'ledger.list', { kind: 'households', page: 1, pageSize: 20 })).total).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
