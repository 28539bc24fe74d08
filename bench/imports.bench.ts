/**
 * A 100,000-row 低保 roster (households as merged blocks) validated and committed as one 建账 batch,
 * against the time exceljs needs just to stream the same file (target ≤ 1.6×), with the process's peak
 * memory while it runs (target < 400 MB).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { createBackend } from '../src/main/app/create-backend';
import { silentLogger } from '../src/main/app/log';
import { acceptUpload } from '../src/main/rpc/uploads';
import { mergeDisjoint } from '../src/main/excel/merge-block';
import { PeopleGenerator } from '../tests/fixtures/people';
import { report } from './measure';

const PERSONS = 100_000;
const PASSWORD = 'Bench2026pass';

async function writeRoster(file: string): Promise<void> {
  const people = new PeopleGenerator(42, '431122');
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet('花名册');
  ws.addRow(['城关镇2026年11月农村低保花名册']).commit();
  ws.addRow(['序号', '村（社区）', '户主姓名', '家庭人口', '月保障金额（元）', '姓名', '性别', '身份证号码', '与户主关系', '出生日期', '银行账号', '备注']).commit();
  let n = 0;
  let household = 0;
  while (n < PERSONS) {
    household += 1;
    const size = Math.min(1 + (household % 4), PERSONS - n);
    const members = Array.from({ length: size }, (_, k) => people.person(k === 0 ? { bornFrom: 1940, bornTo: 1975 } : { bornFrom: 1976, bornTo: 2018 }));
    const top = n + 3;
    const rows = members.map((m, k) =>
      ws.addRow(
        k === 0
          ? [household, '城关村', m.name, size, 300 * size, m.name, m.sex === 'male' ? '男' : '女', m.idNumber, '户主', m.birthDate, `62170000${String(household).padStart(10, '0')}`, null]
          : [null, null, null, null, null, m.name, m.sex === 'male' ? '男' : '女', m.idNumber, k === 1 ? '配偶' : '子', m.birthDate, null, null],
      ),
    );
    if (size > 1) for (const c of [1, 2, 3, 4, 5, 11]) mergeDisjoint(ws as unknown as ExcelJS.Worksheet, top, c, top + size - 1, c);
    for (const r of rows) r.commit();
    n += size;
  }
  ws.addRow(['合计']).commit();
  await ws.commit();
  await wb.commit();
}

async function streamWithExceljs(file: string): Promise<number> {
  let rows = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache' });
  for await (const sheet of reader) for await (const _row of sheet) rows += 1;
  return rows;
}

export async function benchImports(): Promise<boolean> {
  console.log(`\n## 导入：${PERSONS.toLocaleString()} 行花名册（按户合并单元格）`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-bench-import-'));
  try {
    const file = path.join(dir, 'roster.xlsx');
    await writeRoster(file);
    const data = fs.readFileSync(file);
    console.log(`文件 ${(data.length / 1024 / 1024).toFixed(1)} MB`);
    const t0 = performance.now();
    const rows = await streamWithExceljs(file);
    const baseline = performance.now() - t0;

    const { backend, router, sessions } = createBackend({ dataDir: path.join(dir, 'ledger'), log: silentLogger });
    const anon = sessions.create();
    await router.call(anon, 'setup.create', { countyName: '基准县', countyCode: '431122', adminUsername: 'admin', adminDisplayName: '管理员', adminPassword: PASSWORD });
    const admin = sessions.create();
    await router.call(admin, 'auth.login', { username: 'admin', password: PASSWORD });
    const town = await router.call(admin, 'regions.saveTownship', { code: '431122100', name: '城关镇' });
    if (!town.ok) throw new Error(town.error.message);
    await router.call(admin, 'regions.saveVillage', { townshipId: (town.data as { id: string }).id, code: '431122100201', name: '城关村', kind: 'village' });

    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const t1 = performance.now();
    const up = acceptUpload(admin, 'roster.xlsx', data, Date.now());
    if (!up.ok) throw new Error(up.error.message);
    const result = await router.call(admin, 'imports.commit', { uploadId: up.data.uploadId, purpose: 'initial_load' });
    const measured = performance.now() - t1;
    clearInterval(sampler);
    if (!result.ok) throw new Error(result.error.message);
    const r = result.data as { households: number; persons: number };
    console.log(`exceljs 流式读出 ${rows.toLocaleString()} 行；校验并建账 ${r.households.toLocaleString()} 户 ${r.persons.toLocaleString()} 人`);
    const ok = report('校验+提交（一个批次）', measured, 'exceljs 仅流式读取同一文件', baseline, 1.6);
    const peakMb = peak / 1024 / 1024;
    console.log(`峰值内存（进程 RSS）：${peakMb.toFixed(0)} MB（目标 < 400 MB：${peakMb < 400 ? '达到' : '未达到'}）`);
    await backend.store.close();
    return ok && peakMb < 400;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
