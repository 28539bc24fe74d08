/**
 * The audit log as an inspector's visit needs it, in Chromium over HTTP: the administrator changes a
 * household's address with a reason, finds that change on 审计日志 by user, action, day and reason text,
 * opens its before/after, verifies the hash chain, exports the filtered entries and reads the file back;
 * the export itself then heads the log.
 */
import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';
import { movableClock } from './clock';
import { login } from './login';
import { prepareDemo, startServer, type TestServer } from './server';
import { openAdminPage } from './press';

const PASSWORD = 'Demo2026pass';
const DAY = '2026-12-15';
const REASON = '=SUM(1,2) 入户核实住址变更';
const ADDRESS = '青山镇审计抽查村一组 1 号';
const clock = movableClock();

/** Picks an option of one of the filter bar's selects, typing part of its text first. */
async function pick(page: Page, label: string, option: string) {
  const select = page.getByLabel(label, { exact: true });
  await select.click();
  await select.fill(option);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
  await page.keyboard.press('Escape');
}

test.describe('the audit log', () => {
  let server: TestServer;
  test.beforeAll(async () => {
    server = await startServer(prepareDemo(PASSWORD), clock.env);
  });
  test.afterAll(async () => {
    await server.stop();
    clock.dispose();
  });

  test('finds a change by who, what, when and why, verifies the chain and exports it for inspectors', async ({ page }) => {
    await clock.setDate(page, DAY);
    await page.goto(server.url);
    await login(page, 'admin', PASSWORD);

    // A change with a reason: the address of the first household on the ledger.
    await page.getByRole('menuitem', { name: '对象台账' }).click();
    await page.locator('.ant-table-tbody tr.clickable-row').first().click();
    await expect(page).toHaveURL(/#\/ledger\/households\//);
    await page.getByRole('button', { name: '编辑家庭信息' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('家庭住址').fill(ADDRESS);
    await dialog.getByLabel('修改原因').fill(REASON);
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toBeHidden();

    await openAdminPage(page, '审计日志');
    await expect(page).toHaveURL(/#\/admin\/audit/);

    // Narrow it down as an inspector would.
    await pick(page, '用户', '系统管理员（admin）');
    await expect(page).toHaveURL(/username=admin/);
    await pick(page, '操作', '修改家庭信息');
    await expect(page).toHaveURL(/actions=household\.update/);
    await page.getByPlaceholder('开始日期').click();
    await page.getByPlaceholder('开始日期').fill(DAY);
    await page.keyboard.press('Enter');
    await page.getByPlaceholder('结束日期').fill(DAY);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`from=${DAY}&to=${DAY}`));
    await page.getByLabel('搜索').fill('入户核实');
    await expect(page).toHaveURL(/q=/);
    await expect(page.getByText('共 1 条')).toBeVisible();

    const row = page.locator('.ant-table-tbody tr.ant-table-row');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('系统管理员（admin）');
    await expect(row).toContainText('修改家庭信息');
    await expect(row).toContainText(REASON);
    await expect(row).toContainText(`${DAY} 09:00:00`);

    // Before and after, the changed field marked.
    await row.getByRole('button', { name: '展开行' }).click();
    const detail = page.locator('.audit-detail');
    await expect(detail.locator('.audit-changed-fields')).toContainText('address');
    await expect(detail.locator('.audit-snapshot').filter({ hasText: '改动后' })).toContainText(ADDRESS);
    await expect(detail.locator('.audit-snapshot').filter({ hasText: '改动前' })).not.toContainText(ADDRESS);

    // The chain holds.
    await page.getByRole('button', { name: '校验审计链' }).click();
    await expect(page.getByText(/^审计链完整：已校验 \d+ 条，未发现篡改$/)).toBeVisible();

    // The export: the filter, the exporter, the chain and its head, the one entry; the reason cannot run.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出' }).click()]);
    expect(download.suggestedFilename()).toBe('示范县审计日志_20261215.xlsx');
    await expect(page.getByText(/^已导出 1 条审计记录/)).toBeVisible();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const sheet = workbook.getWorksheet('审计日志')!;
    const text = (r: number, c = 1) => {
      const v = sheet.getRow(r).getCell(c).value;
      return v === null || v === undefined ? null : String(v);
    };
    expect(text(1)).toBe('示范县审计日志');
    expect(text(2)).toBe(`筛选条件：用户：系统管理员（admin）；操作：修改家庭信息；日期：${DAY} 至 ${DAY}；修改原因含“入户核实”`);
    expect(text(3)).toBe(`导出人：系统管理员（admin）\u3000\u3000导出时间：${DAY} 09:00:00（北京时间）`);
    expect(text(4)).toMatch(/^导出时审计链校验：完整：已校验 \d+ 条，未发现篡改$/);
    expect(text(5)).toMatch(/^导出时链头：第 \d+ 条\u3000\u3000哈希：[0-9a-f]{64}$/);
    expect(text(8, 4)).toBe('操作');
    expect([3, 4, 8].map((c) => text(9, c))).toEqual(['系统管理员（admin）', '修改家庭信息', `'${REASON}`]);
    expect(text(9, 9)).toContain('address');
    expect(text(9, 11)).toContain(ADDRESS);
    expect(text(10)).toBeNull();

    // The export is itself in the log, at the top once the filters are cleared.
    await page.getByRole('button', { name: '清除筛选' }).click();
    await expect(page).not.toHaveURL(/username=/);
    await expect(page.locator('.ant-table-tbody tr.ant-table-row').first()).toContainText('导出审计日志');
  });
});
