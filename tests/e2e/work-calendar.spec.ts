/**
 * Next year's holiday arrangement, entered offline by the administrator: the 工作台 reminds them in
 * November, the calendar page warns until the Spring Festival is in, and the working-day count follows.
 */
import { expect, test } from '@playwright/test';
import { prepareDemo, startServer, type TestServer } from './server';
import { login } from './login';

const PASSWORD = 'Demo2026pass';

test.describe('the holiday calendar', () => {
  let server: TestServer;
  test.beforeAll(async () => {
    server = await startServer(prepareDemo(PASSWORD));
  });
  test.afterAll(async () => {
    await server.stop();
  });

  test('the administrator enters next year’s Spring Festival and the warnings go away', async ({ page }) => {
    // The reminder shows from November on: fix the browser's clock there.
    await page.clock.setFixedTime(new Date('2026-11-22T10:00:00+08:00'));
    await page.goto(server.url);
    await login(page, 'admin', PASSWORD);
    await expect(page.getByText('明年（2027 年）的节假日安排尚未录入')).toBeVisible();
    await page.getByRole('button', { name: '去录入' }).click();

    await page.getByText('2027 年', { exact: true }).click();
    await expect(page.getByText('2027 年的节假日安排尚未录入（未见春节假期）')).toBeVisible();
    await expect(page.getByText('2027 年共 261 个工作日')).toBeVisible();

    await page.getByRole('button', { name: '新增日期' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('日期').fill('2027-02-08');
    await dialog.getByLabel('日期').press('Enter');
    await dialog.getByLabel('名称').fill('春节');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toBeHidden();

    await expect(page.getByRole('cell', { name: /2027-02-08/ })).toBeVisible();
    await expect(page.getByText('2027 年的节假日安排尚未录入（未见春节假期）')).toHaveCount(0);
    await expect(page.getByText('2027 年共 260 个工作日')).toBeVisible();
  });
});
