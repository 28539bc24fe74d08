import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, createCounty, type TestLedger } from '../fixtures/ledger';
import { familyOfFour } from '../fixtures/households';

let ledger: TestLedger | undefined;
afterEach(async () => {
  await ledger?.dispose();
  ledger = undefined;
});

const CLI = path.resolve(import.meta.dirname, '..', '..', 'src', 'main', 'cli.ts');
const doudi = (args: string[], password: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], { encoding: 'utf8', env: { ...process.env, DOUDI_PASSWORD: password } });

describe('doudi export roster', () => {
  it('writes the roster a signed-in user would export, and refuses a wrong password without writing', async () => {
    const t = await createCounty();
    ledger = t;
    const { members } = familyOfFour();
    const { id } = await t.call(t.admin, 'households.create', { townshipId: t.east.id, villageId: null, address: '东山村', hukouType: 'rural', phone: null, members });
    await t.call(t.admin, 'enrollments.createInitial', { householdId: id, program: 'dibao', personIds: [], category: 'rural', startMonth: '2026-01', monthlyAmountFen: 98765, reason: '建账录入' });
    await t.backend.store.close();

    const out = path.join(t.dataDir, 'roster.xlsx');
    const ok = doudi(['export', 'roster', '--program', 'dibao', '--township', '东山镇', '--data', t.dataDir, '--out', out], ADMIN_PASSWORD);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain(`已导出 1 行：${out}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.getWorksheet('花名册')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('测试县东山镇最低生活保障花名册');
    // The administrator sees masked numbers, in the roster too.
    expect(sheet.getRow(4).getCell(5).value).toBe(`${members[0]!.idNumber.slice(0, 6)}********${members[0]!.idNumber.slice(-4)}`);
    expect(sheet.getRow(5).getCell(9).value).toBe(987.65);

    const denied = doudi(['export', 'roster', '--program', 'dibao', '--data', t.dataDir, '--out', path.join(t.dataDir, 'no.xlsx')], 'Wrong2026pass');
    expect(denied.status).toBe(1);
    expect(denied.stderr).toContain('错误：用户名或密码错误');
    expect(fs.readdirSync(t.dataDir).filter((f) => f.includes('no.xlsx'))).toEqual([]);
  });
});
