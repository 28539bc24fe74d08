/**
 * 儿童关爱 as a township clerk keeps it, in Chromium over HTTP on a demo county: a left-behind child is
 * registered with a guardian and a village 儿童主任, a visit is recorded, and when the clock moves past the
 * month the visit shows as overdue on the 探访提醒 list and the 工作台; the manager sees the child masked.
 */
import { expect, test } from '@playwright/test';
import { PeopleGenerator } from '../fixtures/people';
import { prepareDemo, startServer, type TestServer } from './server';
import { movableClock } from './clock';
import { login, logout } from './login';
import { registerFamily } from './family';
import { choose } from './select';

const PASSWORD = 'Demo2026pass';
const clock = movableClock();
const setDate = clock.setDate;

test.describe('children care', () => {
  let server: TestServer;
  test.beforeAll(async () => {
    clock.setServerDate('2026-11-23');
    server = await startServer(prepareDemo(PASSWORD), clock.env);
  });
  test.afterAll(async () => {
    await server.stop();
    clock.dispose();
  });

  test('a left-behind child is registered, visited, and listed overdue when the month has passed', async ({ page }) => {
    test.setTimeout(150_000);
    const people = new PeopleGenerator(909, '431122');
    const father = people.person({ sex: 'male', bornFrom: 1985, bornTo: 1987, surname: '欧阳' });
    const child = people.personBornOn('2016-05-12', 'female');
    const childName = `欧阳${child.name.slice(1)}`;

    await setDate(page, '2026-11-23');
    await page.goto(server.url);
    await login(page, 'qingshan', PASSWORD);

    // The family first, in the people ledger (children are people of the ledger).
    await registerFamily(page, '青山镇石桥村四组 8 号', [father, { name: childName, idNumber: child.idNumber, relation: '女' }]);

    // A 儿童主任 for the village.
    await page.getByRole('menuitem', { name: '儿童关爱' }).click();
    await page.getByRole('tab', { name: '儿童主任' }).click();
    await page.getByRole('button', { name: '新增儿童主任' }).click();
    await choose(page, '村（社区）', '石桥');
    await page.getByRole('dialog').getByLabel('姓名').fill('石主任');
    await page.getByRole('dialog').getByLabel('电话').fill('13912345678');
    await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await expect(page.getByRole('cell', { name: '石主任', exact: true })).toBeVisible();

    // The child's file: left behind, grandmother's entrusted care, the director, a teacher paired.
    await page.getByRole('tab', { name: '儿童台账' }).click();
    await page.getByRole('button', { name: '登记儿童' }).click();
    await choose(page, '登记对象', childName);
    await choose(page, '儿童类别', '农村留守儿童');
    await choose(page, '监护情况', '委托照护');
    await page.getByRole('dialog').getByLabel('监护人姓名').fill('欧阳桂英');
    await page.getByRole('dialog').getByLabel('与儿童关系').fill('祖母');
    await choose(page, '儿童主任', '石主任');
    await page.getByRole('dialog').getByLabel('就读学校').fill('石桥小学四年级');
    await page.getByRole('dialog', { name: '登记儿童' }).getByRole('button', { name: '登记' }).click();
    // The new file opens at once.
    const file = page.getByRole('dialog').filter({ hasText: '探访记录' });
    await expect(file).toContainText(childName);
    await expect(file).toContainText('石主任');
    await expect(page.locator('tr.ant-table-row', { hasText: childName })).toBeVisible();

    // A home visit today: the next is due in a month (entrusted care).
    await file.getByRole('button', { name: '记录探访' }).click();
    await page.getByLabel('探访人').fill('石主任');
    await page.getByLabel('探访发现').fill('祖母照料尽心，孩子学习正常');
    await page.getByRole('dialog').filter({ hasText: '探访发现' }).getByRole('button', { name: '保存' }).click();
    await expect(page.getByText('下次应访：2026-12-23')).toBeVisible();
    await expect(file).toContainText('祖母照料尽心');

    // Four days past the month, the visit is overdue: on the 工作台 and on the 探访提醒 list.
    await setDate(page, '2026-12-27');
    // A month later the session has long expired: the clerk signs in again.
    await page.goto(server.url);
    await page.reload();
    await login(page, 'qingshan', PASSWORD);
    await expect(page.getByText('逾期未访')).toBeVisible();
    await page.getByRole('menuitem', { name: '儿童关爱' }).click();
    const overdue = page.getByRole('region', { name: '已逾期' });
    await expect(overdue.locator('tr.ant-table-row', { hasText: childName })).toContainText('逾期 4 天');
    await logout(page, '青山镇经办员（演示）');

    // The manager sees the file masked: family name only, no details.
    await login(page, 'manager', PASSWORD);
    await page.getByRole('menuitem', { name: '儿童关爱' }).click();
    await page.getByRole('tab', { name: '儿童台账' }).click();
    await page.getByLabel('搜索').fill(child.idNumber.slice(-4));
    await expect(page.getByText(childName)).toHaveCount(0);
    await expect(page.locator('tr.ant-table-row', { hasText: '欧**' }).first()).toBeVisible();
  });
});
