/**
 * 统计报表 as the county's manager meets it, in Chromium over HTTP on a demo county: the 工作台 shows the
 * twelve-month trends; the assistance form of last month opens by default; a column's 合计 is the sum of
 * the township rows shown; a cell opens exactly the named rows it counts; the exported workbook and the
 * printed PDF hold the same 合计 as the screen; and submitting (上报) freezes the period.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { prepareDemo, startServer, type TestServer } from './server';
import { login } from './login';

const PASSWORD = 'Demo2026pass';

/** Last month where the county is (the browser runs in Asia/Shanghai too): 'YYYY-MM' and 2026年10月. */
function lastMonth(): { period: string; label: string } {
  const [y, m] = new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' }).split('-').map(Number) as [number, number];
  const year = m === 1 ? y - 1 : y;
  const month = m === 1 ? 12 : m - 1;
  return { period: `${year}-${String(month).padStart(2, '0')}`, label: `${year}年${month}月` };
}

/** A count or an amount as the screen shows it (1,234 or 1,234.56) as a number. */
const numberOf = (text: string) => Number(text.replace(/,/g, '').trim());

const totalRow = (page: Page) => page.getByTestId('report-total-row');

/**
 * A column of persons (else households) whose 合计 is a drillable number small enough for one page of the
 * drawer: its key, its place among the columns (for the workbook) and the 合计. Persons come first: a
 * household's covered members are then listed one by one.
 */
async function countColumn(page: Page): Promise<{ key: string; index: number; total: number }> {
  const cells = totalRow(page).locator('[data-column]');
  const count = await cells.count();
  for (const wanted of ['persons', 'households']) {
    for (let index = 0; index < count; index++) {
      const cell = cells.nth(index);
      if ((await cell.getAttribute('data-unit')) !== wanted) continue;
      if ((await cell.evaluate((el) => el.tagName)) !== 'BUTTON') continue;
      const total = numberOf(await cell.innerText());
      if (total > 0 && total <= 100) return { key: (await cell.getAttribute('data-column'))!, index, total };
    }
  }
  throw new Error('the demo county has no drillable persons or households column with a small 合计');
}

async function sumOfRows(table: Locator, columnKey: string): Promise<number> {
  const texts = await table.locator(`tbody [data-column="${columnKey}"]`).allInnerTexts();
  expect(texts.length).toBeGreaterThan(1);
  return texts.reduce((sum, t) => sum + numberOf(t), 0);
}

test.describe('statistical forms', () => {
  let server: TestServer;
  let dir: string;
  test.beforeAll(async () => {
    server = await startServer(prepareDemo(PASSWORD));
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-e2e-reports-'));
  });
  test.afterAll(async () => {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('the manager checks last month’s assistance form against its rows, the workbook and the print, then submits it', async ({ page }) => {
    test.setTimeout(120_000);
    const { period, label } = lastMonth();

    await page.goto(server.url);
    await login(page, 'manager', PASSWORD);
    await expect(page).toHaveURL(/#\/$/);

    // The 工作台: twelve months of 低保, switchable to spending; a figure opens last month's form.
    const trends = page.locator('.trends-card');
    await expect(trends.getByRole('img', { name: '低保 近12个月户数' })).toBeVisible();
    await trends.locator('.ant-segmented').getByText('支出', { exact: true }).click();
    await expect(trends.getByRole('img', { name: '低保 近12个月支出' })).toBeVisible();
    await trends.getByRole('button', { name: /^低保户数 .*查看统计表$/ }).click();
    await expect(page).toHaveURL(new RegExp(`#/reports\\?form=assistance-monthly&period=${period}$`));

    // Through the menu, with nothing chosen: the assistance form of the month just ended.
    await page.getByRole('menuitem', { name: '工作台' }).click();
    await page.getByRole('menuitem', { name: '统计报表' }).click();
    const sheet = page.getByTestId('report-sheet');
    await expect(sheet.getByRole('heading', { name: /社会救助情况统计表$/ })).toBeVisible();
    await expect(page.getByTestId('report-period')).toHaveText(label);
    await expect(sheet).toContainText('单位：户、人、元');
    const title = (await sheet.getByRole('heading').first().innerText()).trim();

    // 合计 of a column is the sum of the township rows shown.
    const table = sheet.locator('.report-table');
    const column = await countColumn(page);
    expect(await sumOfRows(table, column.key)).toBe(column.total);
    const totals = (await totalRow(page).locator('td').allInnerTexts()).map((t) => t.trim());
    expect(totals[0]).toBe('合计');

    // The cell opens the named rows it counts: one row per household or person.
    await totalRow(page).locator(`[data-column="${column.key}"]`).click();
    const drawer = page.getByRole('dialog');
    const result = drawer.getByTestId('drill-result');
    await expect(result).toContainText(`共 ${column.total} 条`);
    await expect(result).toContainText('相等');
    await expect(drawer.locator('tbody tr.ant-table-row')).toHaveCount(column.total);
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();

    // The workbook's 合计 row holds the same number in the same column.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel' }).click()]);
    expect(download.suggestedFilename()).toMatch(/社会救助情况统计表.*\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const ws = workbook.worksheets[0]!;
    let totalRowNumber = 0;
    ws.eachRow((row, n) => {
      if (row.getCell(1).value === '合计') totalRowNumber = n;
    });
    expect(totalRowNumber).toBeGreaterThan(0);
    expect(ws.getRow(totalRowNumber).getCell(column.index + 2).value).toBe(column.total);

    // The print view, printed to a PDF: title, period and the whole 合计 row as on screen.
    await page.getByRole('button', { name: '打印' }).click();
    await expect(page).toHaveURL(/#\/print\/report\?/);
    const paper = page.locator('[data-print-ready="true"]');
    await expect(paper.getByRole('heading', { name: title })).toBeVisible();
    await expect(paper).toContainText('制表人');
    const pdfPath = path.join(dir, 'report.pdf');
    await page.pdf({ path: pdfPath, preferCSSPageSize: true, printBackground: true });
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    const squeezed = text.replace(/\s+/g, '');
    expect(squeezed).toContain(title);
    expect(squeezed).toContain(label);
    const printedTotal = text.split('\n').find((line) => line.trim().startsWith('合计'));
    expect(printedTotal, 'the 合计 line of the printed form').toBeTruthy();
    expect(printedTotal!.trim().split(/\s+/)).toEqual(totals);

    // Back on the form, the manager submits the period: it is frozen, and cannot be submitted again.
    await page.getByRole('button', { name: '返回' }).click();
    await expect(page.getByTestId('report-period')).toHaveText(label);
    await page.getByRole('button', { name: '上报' }).click();
    const confirm = page.getByRole('dialog').filter({ hasText: '数据即冻结' });
    await expect(confirm).toBeVisible();
    await confirm.getByRole('button', { name: '确认上报' }).click();
    await expect(page.getByTestId('report-frozen')).toContainText('由 分管领导（演示） 上报，数据已冻结');
    await expect(page.getByRole('button', { name: '上报' })).toHaveCount(0);
    // The frozen form shows the same 合计 as before.
    expect((await totalRow(page).locator('td').allInnerTexts()).map((t) => t.trim())).toEqual(totals);
  });
});
