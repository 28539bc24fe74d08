/**
 * 备份与恢复 as the county administrator uses it, in Chromium over HTTP on the demo county: the demo's own
 * backup set-up, a missing stick failing the backup (and the 工作台 saying so), then a USB folder set instead, a backup made now and checked, a damaged copy shown as unusable, a change made
 * after the backup, then the backup restored (a wrong password first): everyone signs in again and the change
 * is gone.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { prepareDemo, startServer, type TestServer } from './server';
import { login } from './login';
import { openAdminPage } from './press';

const PASSWORD = 'Demo2026pass';

/** Opens a page from the 系统管理 submenu, pressed until the page shows. */
test.describe('backup and restore', () => {
  let server: TestServer;
  let folder: string;
  test.beforeAll(async () => {
    test.setTimeout(90_000);
    server = await startServer(prepareDemo(PASSWORD));
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-e2e-usb-'));
  });
  test.afterAll(async () => {
    await server?.stop();
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
  });

  test('the administrator backs up to a folder, checks it, and restores the ledger from it', async ({ page }) => {
    await page.goto(server.url);
    await login(page, 'admin', PASSWORD);
    await openAdminPage(page, '备份与恢复');
    // The demo county comes with a folder beside its ledger, the daily backup on and one backup made.
    await expect(page.getByLabel('备份文件夹')).toHaveValue(/演示备份$/);
    await expect(page.getByRole('switch')).toBeChecked();
    await expect(page.locator('tr.ant-table-row').filter({ hasText: '本台账的备份' })).toHaveCount(1);

    // A stick that is not plugged in: the backup fails with what to do, and the 工作台 says so until fixed.
    const missing = path.join(folder, '未插入的U盘');
    await page.getByLabel('备份文件夹').fill(missing);
    await page.getByRole('button', { name: '保存备份设置' }).click();
    await expect(page.getByText('备份设置已保存')).toBeVisible();
    await page.getByRole('button', { name: '立即备份' }).click();
    await expect(page.getByText(`找不到备份文件夹：${missing}。如果备份到U盘，请先插好U盘`).first()).toBeVisible();
    await page.getByRole('menuitem', { name: '工作台' }).click();
    const reminder = page.locator('.workbench-alert').filter({ hasText: '备份失败：找不到备份文件夹' });
    await expect(reminder).toBeVisible();
    await reminder.getByRole('button', { name: '去备份' }).click();

    // The administrator's USB stick instead (once the first save's message has gone, so the next is new).
    await expect(page.getByText('备份设置已保存')).toHaveCount(0);
    await page.getByLabel('备份文件夹').fill(folder);
    await page.getByLabel('保留自动备份').fill('10');
    await page.getByRole('button', { name: '保存备份设置' }).click();
    await expect(page.getByText('备份设置已保存')).toBeVisible();

    // A backup now: written, read back, listed.
    await page.getByRole('button', { name: '立即备份' }).click();
    await expect(page.getByText(/已备份并校验：兜底台账备份-/)).toBeVisible();
    await expect(page.getByText(/备份失败/)).toHaveCount(0);
    const files = fs.readdirSync(folder).filter((f) => f.endsWith('.doudibak'));
    expect(files).toHaveLength(1);
    const backupRow = page.locator('tr.ant-table-row').filter({ hasText: files[0]! });
    await expect(backupRow.getByText('本台账的备份')).toBeVisible();
    await backupRow.getByRole('button', { name: '校验' }).click();
    await expect(page.locator('.ant-modal-confirm-title', { hasText: '备份完好，可以用于恢复' })).toBeVisible();
    await page.getByRole('button', { name: /知道了|确\s*定|OK/ }).click();

    // A damaged copy (a stick pulled out while copying) is shown as unusable, with no restore button.
    const good = path.join(folder, files[0]!);
    fs.writeFileSync(path.join(folder, '拷贝不全.doudibak'), fs.readFileSync(good).subarray(0, 100_000));
    await page.reload();
    const damagedRow = page.locator('tr.ant-table-row').filter({ hasText: '拷贝不全.doudibak' });
    await expect(damagedRow.getByText(/已损坏/)).toBeVisible();
    await expect(damagedRow.getByRole('button', { name: '恢复' })).toHaveCount(0);

    // A change after the backup: the county's name.
    await openAdminPage(page, '系统设置');
    const countyName = page.getByLabel('县（市、区）名称');
    const originalName = await countyName.inputValue();
    await countyName.fill('备份后改名县');
    await page.getByRole('button', { name: '保存' }).click();
    await expect(page.getByText('设置已保存')).toBeVisible();

    // Restore: a wrong password is refused in the dialog, the right one replaces the ledger.
    await openAdminPage(page, '备份与恢复');
    await page.locator('tr.ant-table-row').filter({ hasText: files[0]! }).getByRole('button', { name: '恢复' }).click();
    const dialog = page.getByRole('dialog', { name: '从备份恢复台账' });
    await expect(dialog.getByText(/之后的全部登记、审批和修改都会撤回/)).toBeVisible();
    await dialog.getByLabel('请输入您的密码确认').fill('Wrong2026pass');
    await dialog.getByRole('button', { name: '确认恢复' }).click();
    await expect(dialog.getByText('密码错误')).toBeVisible();
    await dialog.getByLabel('请输入您的密码确认').fill(PASSWORD);
    await dialog.getByRole('button', { name: '确认恢复' }).click();
    await expect(page.locator('.ant-modal-confirm-title', { hasText: '已从备份恢复台账' })).toBeVisible();
    await expect(page.getByText(/恢复前的台账已保留在：.*恢复前的台账-/)).toBeVisible();
    await page.getByRole('button', { name: '重新登录' }).click();
    await expect(page.getByRole('button', { name: '重新登录' })).toBeHidden();
    await expect(page.getByRole('button', { name: '登录', exact: true })).toBeVisible();

    // Signed in again, the name is the one of the backup, and the audit log tells who restored what.
    await login(page, 'admin', PASSWORD);
    await openAdminPage(page, '系统设置');
    await expect(page.getByLabel('县（市、区）名称')).toHaveValue(originalName);
    await openAdminPage(page, '审计日志');
    await expect(page.getByText('从备份恢复台账').first()).toBeVisible();
  });
});
