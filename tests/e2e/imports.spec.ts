/**
 * A township's 低保 roster read into a demo county by the administrator, in Chromium over HTTP: the roster
 * (built here with exceljs, three households with merged cells, one member's ID with a broken check
 * character) is previewed, its problem list downloaded and read back, two households are imported (the
 * bad one skipped), a member is found in the ledger, and undoing the batch takes them out again.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';
import { PeopleGenerator, type SyntheticPerson } from '../fixtures/people';
import { maskIdNumber } from '../../src/shared/domain/id-number';
import { prepareDemo, startServer, type TestServer } from './server';
import { login } from './login';
import { pressUntil } from './press';

const PASSWORD = 'Demo2026pass';
/** A township of the demo county (src/main/demo/demo-regions.ts) and three of its villages. */
const TOWNSHIP = '青山镇';
const HEADER = ['序号', '村（社区）', '户主姓名', '家庭人口', '月保障金额（元）', '姓名', '性别', '身份证号码', '与户主关系'];
/** Household columns (序号 … 月保障金额), merged down across the household's member rows. */
const HOUSEHOLD_COLUMNS = 5;

interface Household {
  village: string;
  amount: number;
  members: { person: SyntheticPerson; relation: string; idNumber?: string }[];
}

/** The same ID with another check character: 18 characters still, only the checksum is wrong. */
function brokenChecksum(idNumber: string): string {
  const last = idNumber.slice(-1);
  const other = last === 'X' ? '0' : last === '9' ? 'X' : String(Number(last) + 1);
  return idNumber.slice(0, 17) + other;
}

/** Writes the roster as townships send it; returns the sheet row of every member, in order. */
async function writeRoster(file: string, households: Household[]): Promise<number[]> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet('Sheet1');
  ws.addRow([`${TOWNSHIP}2026年11月农村低保花名册`]);
  ws.mergeCells(1, 1, 1, HEADER.length);
  ws.addRow(HEADER);
  const memberRows: number[] = [];
  households.forEach((h, i) => {
    const first = ws.rowCount + 1;
    h.members.forEach((m, j) => {
      const household = j === 0 ? [i + 1, h.village, h.members[0]!.person.name, h.members.length, h.amount] : [null, null, null, null, null];
      const row = ws.addRow([...household, m.person.name, m.person.sex === 'male' ? '男' : '女', m.idNumber ?? m.person.idNumber, m.relation]);
      memberRows.push(row.number);
    });
    const last = ws.rowCount;
    if (last > first) for (let c = 1; c <= HOUSEHOLD_COLUMNS; c++) ws.mergeCells(first, c, last, c);
  });
  await workbook.xlsx.writeFile(file);
  return memberRows;
}

/** Searches the ledger (按户) for an ID number and waits for the answer to that search. */
async function searchLedger(page: Page, idNumber: string) {
  await page.getByRole('menuitem', { name: '对象台账' }).click();
  await expect(page.getByRole('tab', { name: '按户' })).toBeVisible();
  await page.getByLabel('搜索').fill(idNumber);
  await expect(page).toHaveURL(new RegExp(`q=${idNumber}`));
}

test.describe('importing a township roster', () => {
  let server: TestServer;
  let dir: string;
  test.beforeAll(async () => {
    server = await startServer(prepareDemo(PASSWORD));
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-e2e-import-'));
  });
  test.afterAll(async () => {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('previews a 低保 roster, sends back its problems, imports it, finds a member and undoes the batch', async ({ page }) => {
    test.setTimeout(120_000);
    // Synthetic people with another address code than the demo county's, so nobody is already registered.
    const people = new PeopleGenerator(2611, '110105');
    const head1 = people.person({ sex: 'male', bornFrom: 1965, bornTo: 1970, surname: '欧阳' });
    const wife1 = people.person({ sex: 'female', bornFrom: 1967, bornTo: 1971 });
    const son1 = people.person({ sex: 'male', bornFrom: 1995, bornTo: 2000, surname: '欧阳' });
    const head2 = people.person({ sex: 'female', bornFrom: 1950, bornTo: 1955 });
    const daughter2 = people.person({ sex: 'female', bornFrom: 1980, bornTo: 1985 });
    const head3 = people.person({ sex: 'male', bornFrom: 1958, bornTo: 1962 });
    const wife3 = people.person({ sex: 'female', bornFrom: 1960, bornTo: 1964 });
    const badId = brokenChecksum(wife3.idNumber);
    const households: Household[] = [
      {
        village: '石桥村',
        amount: 860,
        members: [
          { person: head1, relation: '户主' },
          { person: wife1, relation: '配偶' },
          { person: son1, relation: '子' },
        ],
      },
      {
        village: '青山村',
        amount: 520,
        members: [
          { person: head2, relation: '户主' },
          { person: daughter2, relation: '女' },
        ],
      },
      {
        village: '枫林村',
        amount: 450,
        members: [
          { person: head3, relation: '户主' },
          { person: wife3, relation: '配偶', idNumber: badId },
        ],
      },
    ];
    const file = path.join(dir, `${TOWNSHIP}2026年11月低保花名册.xlsx`);
    const memberRows = await writeRoster(file, households);
    const badRow = memberRows[6]!;

    await page.goto(server.url);
    await login(page, 'admin', PASSWORD);
    await expect(page).toHaveURL(/#\/$/);
    await page.getByRole('menuitem', { name: '导入导出' }).click();
    await expect(page.getByRole('tab', { name: '导入花名册' })).toBeVisible();

    // 建账, then the file through the drop zone's input.
    await page.getByRole('radio', { name: '建账导入' }).check();
    await page.locator('input[type=file]').setInputFiles(file);

    // The preview: three households, one error, on the bad member's row in the ID column.
    await expect(page.getByText(path.basename(file))).toBeVisible();
    await expect(page.getByRole('group', { name: '户数', exact: true })).toContainText('3');
    await expect(page.getByRole('group', { name: '错误', exact: true })).toContainText('1');
    const problems = page.getByRole('region', { name: '问题' });
    const problemRow = problems.getByRole('row').filter({ hasText: '身份证校验位错误' });
    await expect(problemRow).toHaveCount(1);
    await expect(problemRow.getByRole('cell').first()).toHaveText(String(badRow));
    await expect(problemRow).toContainText('身份证');
    const problemMessage = (await problemRow.getByRole('cell').last().textContent())!.trim();
    expect(problemMessage.length).toBeGreaterThan(0);

    // The problem list for the township: the same sheet with a 错误说明 column, the message on the bad row.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载问题清单' }).click()]);
    expect(download.suggestedFilename()).toMatch(/问题清单\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const sheet = workbook.worksheets[0]!;
    let noteColumn = 0;
    sheet.getRow(2).eachCell((cell, col) => {
      if (cell.value === '错误说明') noteColumn = col;
    });
    expect(noteColumn).toBeGreaterThan(0);
    // The administrator sees ID numbers masked on screen; the township's own workbook keeps them whole.
    expect(problemMessage).toContain(maskIdNumber(badId));
    expect(problemMessage).not.toContain(badId);
    expect(String(sheet.getRow(badRow).getCell(noteColumn).value)).toContain(problemMessage.replace(maskIdNumber(badId), badId));
    expect(sheet.getRow(badRow).getCell(8).value).toBe(badId);

    // The differences from the ledger: the demo township's enrolled households are missing from this roster, and
    // the two good households are new (one with an error is not compared). Filtered to 新增, and whole in the 差异清单.
    const differences = page.getByRole('region', { name: '与台账的差异' });
    await differences.getByRole('combobox', { name: '按差异类型筛选' }).click();
    await pressUntil(page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '新增（2）' }), () => expect(differences.getByText('共 2 项', { exact: true })).toBeVisible({ timeout: 1000 }));
    await expect(differences.getByRole('row').filter({ hasText: '新增' })).toHaveCount(2);
    const [listDownload] = await Promise.all([page.waitForEvent('download'), differences.getByRole('button', { name: '下载差异清单' }).click()]);
    expect(listDownload.suggestedFilename()).toMatch(/差异清单\.xlsx$/);
    const list = new ExcelJS.Workbook();
    await list.xlsx.readFile(await listDownload.path());
    const listed: unknown[][] = [];
    list.worksheets[0]!.eachRow((row, n) => {
      if (n > 3) listed.push([row.getCell(2).value, row.getCell(4).value]);
    });
    expect(listed.filter(([kind]) => kind === '新增')).toEqual([
      ['新增', head1.name],
      ['新增', head2.name],
    ]);
    expect(listed.filter(([kind]) => kind === '表中没有').length).toBeGreaterThan(0);

    // Commit: the two good households go in, the bad one is skipped.
    await page.getByRole('button', { name: '确认导入' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('2 户');
    // A click during the dialog's zoom-in can be lost on a busy machine: wait until it has settled.
    await expect(page.locator('.ant-zoom-appear, .ant-zoom-enter')).toHaveCount(0);
    await dialog.getByRole('button', { name: '开始导入' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('建账导入完成')).toBeVisible();
    const counts = page.locator('.import-result-counts');
    await expect(counts.getByRole('cell', { name: '2 户', exact: true })).toBeVisible();
    await expect(counts.getByRole('cell', { name: '5 人', exact: true })).toBeVisible();

    // The ledger has the first household now.
    await searchLedger(page, head1.idNumber);
    await expect(page.getByText('共 1 户')).toBeVisible();
    await expect(page.getByRole('cell', { name: head1.name, exact: true })).toBeVisible();
    // …and not the skipped one.
    await searchLedger(page, head3.idNumber);
    await expect(page.getByText('没有符合条件的记录')).toBeVisible();

    // Undo the batch from 导入记录.
    await page.getByRole('menuitem', { name: '导入导出' }).click();
    await page.getByRole('tab', { name: '导入记录' }).click();
    const batch = page.getByRole('row').filter({ hasText: path.basename(file) });
    await expect(batch).toContainText('已导入');
    await batch.getByRole('button', { name: '撤销' }).click();
    await expect(page.getByText('撤销后该批次新建的家庭、人员、在保记录或发起的案件将被删除')).toBeVisible();
    await page.locator('.ant-popconfirm-buttons').getByRole('button', { name: '撤销' }).click();
    await expect(batch).toContainText('已撤销');

    // The member is gone from the ledger.
    await searchLedger(page, head1.idNumber);
    await expect(page.getByText('没有符合条件的记录')).toBeVisible();
  });

  test('a household imported by 建账 loses a member through a 增减保障人口 change the township clerk starts', async ({ page, browser }) => {
    test.setTimeout(120_000);
    const people = new PeopleGenerator(2612, '110105');
    const head = people.person({ sex: 'male', bornFrom: 1960, bornTo: 1965, surname: '司马' });
    const wife = people.person({ sex: 'female', bornFrom: 1962, bornTo: 1966 });
    const son = people.person({ sex: 'male', bornFrom: 1990, bornTo: 1995, surname: '司马' });
    const file = path.join(dir, `${TOWNSHIP}低保建账.xlsx`);
    await writeRoster(file, [
      {
        village: '石桥村',
        amount: 900,
        members: [
          { person: head, relation: '户主' },
          { person: wife, relation: '配偶' },
          { person: son, relation: '子' },
        ],
      },
    ]);
    await page.goto(server.url);
    await login(page, 'admin', PASSWORD);
    await expect(page).toHaveURL(/#\/$/);
    await page.getByRole('menuitem', { name: '导入导出' }).click();
    await page.getByRole('radio', { name: '建账导入' }).check();
    await page.locator('input[type=file]').setInputFiles(file);
    await expect(page.getByRole('group', { name: '户数', exact: true })).toContainText('1');
    await page.getByRole('button', { name: '确认导入' }).click();
    await expect(page.locator('.ant-zoom-appear, .ant-zoom-enter')).toHaveCount(0);
    await page.getByRole('dialog').getByRole('button', { name: '开始导入' }).click();
    await expect(page.getByText('建账导入完成')).toBeVisible();

    // The son has moved away: the township's clerk takes him off the enrollment, at a new amount.
    const clerk = await browser.newPage();
    await clerk.goto(server.url);
    await login(clerk, 'qingshan', PASSWORD);
    await expect(clerk).toHaveURL(/#\/$/);
    await searchLedger(clerk, head.idNumber);
    await clerk.getByRole('row').filter({ hasText: head.name }).click();
    await expect(clerk.getByRole('heading', { name: `${head.name}家` })).toBeVisible();
    await clerk.getByRole('button', { name: '变更' }).click();
    const dialog = clerk.getByRole('dialog');
    await expect(dialog).toContainText('保障对象：');
    const type = dialog.getByLabel('变更类型');
    await type.click();
    await clerk.locator('.ant-select-dropdown:visible').getByTitle('增减保障人口', { exact: true }).click();
    // The members covered now are ticked; the son is unticked.
    await expect(dialog.getByRole('checkbox', { name: `${head.name}（本人（户主））` })).toBeChecked();
    await dialog.getByRole('checkbox', { name: `${son.name}（子）` }).uncheck();
    await dialog.getByLabel('新月保障金额（元）').fill('600');
    await dialog.getByLabel('变更原因').fill('儿子外出务工，户籍迁出');
    await dialog.getByRole('button', { name: '发起变更' }).click();
    await expect(clerk).toHaveURL(/#\/approvals\//);
    await expect(clerk.getByText('减少保障人员')).toBeVisible();
    await expect(clerk.getByText('增减保障人口').first()).toBeVisible();
    // On the case, the son is no longer among those covered; his parents are.
    const covered = (relation: string) => clerk.getByRole('row').filter({ has: clerk.getByRole('cell', { name: relation, exact: true }) });
    await expect(covered('子').getByRole('cell').last()).toHaveText('否');
    await expect(covered('配偶').getByRole('cell').last()).toHaveText('是');
    await clerk.close();
  });
});

