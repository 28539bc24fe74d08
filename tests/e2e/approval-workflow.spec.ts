/**
 * A 低保 application with three users, in Chromium over HTTP: the township clerk registers the family and
 * takes the application, records the investigation and the initial opinion and publishes the notice; the
 * county clerk records an objection, which sends it back; after the second notice has run its 7 days (the
 * server's clock moves through a clock file) the county reviewer confirms; the enrollment and its amount
 * appear on the household; the approval form prints to a PDF whose text holds the opinions and dates.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { PeopleGenerator } from '../fixtures/people';
import { prepareDemo, startServer, type TestServer } from './server';
import { movableClock } from './clock';
import { login, logout } from './login';
import { actOnCase } from './act';
import { openAdminPage, pressUntil, switchOn } from './press';

const PASSWORD = 'Demo2026pass';
const clock = movableClock();
const setDate = clock.setDate;

/** Signs in, waits for the workstation, then opens the case. */
async function openAs(page: Page, username: string, url: string) {
  await login(page, username, PASSWORD);
  // Signing in lands on the workbench; open the case only once it has, or the landing would follow.
  await expect(page).toHaveURL(/#\/$/);
  await expect(page.getByRole('menuitem', { name: '审批待办' })).toBeVisible();
  await page.goto(url);
}

async function currentStep(page: Page, label: string) {
  await expect(page.getByText(`当前环节：${label}`)).toBeVisible();
}

test.describe('approval of a 低保 application', () => {
  let server: TestServer;
  test.beforeAll(async () => {
    clock.setServerDate('2026-11-23');
    server = await startServer(prepareDemo(PASSWORD), clock.env);
  });
  test.afterAll(async () => {
    await server.stop();
    clock.dispose();
  });

  test('township clerk, county clerk and reviewer take it from intake to enrollment, and the form prints', async ({ page }) => {
    test.setTimeout(120_000);
    const people = new PeopleGenerator(808, '110105');
    const head = people.person({ sex: 'female', bornFrom: 1968, bornTo: 1972, surname: '司马' });
    const son = people.person({ sex: 'male', bornFrom: 2010, bornTo: 2012, surname: '司马' });

    // The township clerk of 青山镇 registers the family and goes on to the application.
    await setDate(page, '2026-11-23');
    await page.goto(server.url);
    await login(page, 'qingshan', PASSWORD);
    await page.getByRole('menuitem', { name: '对象台账' }).click();
    await page.getByRole('button', { name: '登记新家庭' }).click();
    await expect(page.getByLabel('家庭住址')).toBeVisible();
    await page.getByLabel('家庭住址').fill('青山镇石桥村二组 3 号');
    await page.getByLabel('第1位成员 姓名').fill(head.name);
    await page.getByLabel('第1位成员 身份证号码').fill(head.idNumber);
    await page.getByRole('button', { name: '添加成员' }).click();
    await page.getByLabel('第2位成员 姓名').fill(son.name);
    await page.getByLabel('第2位成员 身份证号码').fill(son.idNumber);
    const relation = page.getByLabel('第2位成员 与户主关系', { exact: true });
    await relation.click();
    await relation.fill('子');
    await relation.press('Enter');
    await expect(page.getByRole('checkbox', { name: '登记后发起救助申请' })).toBeChecked();
    await page.getByRole('button', { name: '保存登记' }).click();

    const apply = page.getByRole('dialog', { name: '发起救助申请' });
    await expect(apply).toBeVisible();
    // A press while the dialog is still opening can miss.
    const dibao = apply.getByRole('radio', { name: '最低生活保障申请' });
    await pressUntil(dibao, () => expect(dibao).toBeChecked({ timeout: 1000 }));
    await apply.getByLabel('家庭月收入（元）').fill('300');
    await apply.getByLabel('申请理由').fill('丈夫去世，本人患慢性病，独自抚养儿子');
    await apply.getByRole('button', { name: '提交申请' }).click();
    await expect(page).toHaveURL(/#\/approvals\//);
    const caseUrl = page.url();

    await currentStep(page, '受理');
    await actOnCase(page, '受理申请', '申请材料齐全，予以受理');
    await currentStep(page, '家庭经济状况调查');
    await page.getByLabel('家庭月收入（元）').fill('300');
    await page.getByLabel('家庭人口').fill('2');
    await page.getByLabel('入户调查日期').fill('2026-11-23');
    await page.getByLabel('入户调查日期').press('Enter');
    // Enter after the date moves on to the empty opinion rather than submitting a half-filled form.
    await expect(page.getByRole('textbox', { name: '审核意见' })).toBeFocused();
    await expect(page.locator('.ant-form-item-explain-error')).toHaveCount(0);
    await actOnCase(page, '完成入户调查和信息核对', '入户调查：家庭月收入 300 元，无其他财产');
    await currentStep(page, '乡镇初审');
    // The demo county's rural standard, 650 元: 650 × 2 − 300 = 1,000 元.
    await expect(page.getByText('补差：（650.00 − 150.00）× 2 人 = 1,000.00 元/月')).toBeVisible();
    await actOnCase(page, '初审同意，进入公示', '经初审符合低保条件，同意公示');
    await currentStep(page, '公示');
    // The notice cannot end before its 7 days.
    await expect(page.getByText('公示期至 2026-11-30').first()).toBeVisible();

    // The village notice list: the name, members and amount; never an ID number.
    await page.getByRole('menuitem', { name: '审批待办' }).click();
    await page.getByRole('button', { name: '打印公示名单' }).click();
    const noticeSheet = page.locator('[data-print-ready="true"]');
    await expect(noticeSheet).toContainText('青山镇最低生活保障等救助对象公示名单');
    await expect(noticeSheet.getByRole('row').filter({ hasText: head.name })).toContainText('1,000.00');
    await expect(noticeSheet).not.toContainText(head.idNumber);
    await expect(noticeSheet).not.toContainText(head.idNumber.slice(-6));
    await page.goto(caseUrl);
    await currentStep(page, '公示');
    await logout(page, '青山镇经办员（演示）');

    // A villager's objection reaches the county clerk: back to the investigation.
    await setDate(page, '2026-11-25');
    await openAs(page, 'clerk', caseUrl);
    await currentStep(page, '公示');
    await actOnCase(page, '公示有异议，重新调查', '群众反映其子有打工收入，退回重新调查');
    await currentStep(page, '家庭经济状况调查');
    await logout(page, '县级经办员（演示）');

    await openAs(page, 'qingshan', caseUrl);
    await currentStep(page, '家庭经济状况调查');
    await page.getByLabel('家庭月收入（元）').fill('500');
    await page.getByLabel('入户调查日期').fill('2026-11-25');
    await page.getByLabel('入户调查日期').press('Enter');
    await actOnCase(page, '完成入户调查和信息核对', '复查：儿子在校就读，无打工收入；本人零工月收入 500 元');
    await actOnCase(page, '初审同意，进入公示', '复查后仍符合条件，重新公示');
    await currentStep(page, '公示');
    // A week later the session has long expired: the clerk signs in again.
    await setDate(page, '2026-12-02');
    await page.reload();
    await openAs(page, 'qingshan', caseUrl);
    await actOnCase(page, '公示期满无异议，报县级审核确认', '公示 7 天期满，无异议');
    await currentStep(page, '县级审核确认');
    await logout(page, '青山镇经办员（演示）');

    // The county reviewer finds it in the inbox and confirms.
    await login(page, 'reviewer', PASSWORD);
    await page.getByRole('menuitem', { name: '审批待办' }).click();
    await page.getByRole('textbox', { name: '搜索' }).fill(head.name);
    await page.getByRole('textbox', { name: '搜索' }).press('Enter');
    const row = page.getByRole('row').filter({ hasText: head.name });
    await expect(row).toHaveCount(1);
    await row.getByRole('link').first().click();
    await currentStep(page, '县级审核确认');
    await actOnCase(page, '审核确认', '经县级审核，符合城乡低保条件，予以确认');
    await expect(page.getByText('已批准').first()).toBeVisible();

    // The household now holds 低保 of 800 元 (650 × 2 − 500), paid from the month after the decision.
    await page.getByRole('link', { name: head.name }).first().click();
    await expect(page.getByRole('heading', { name: `${head.name}家` })).toBeVisible();
    // The enrollment's row (the 审批案件 card also shows the amount, without a start month).
    await expect(page.getByRole('row').filter({ hasText: '800.00' }).filter({ hasText: '2027-01' })).toHaveCount(1);

    // The approval form as a PDF: every opinion and date is in its text.
    await page.goto(caseUrl.replace('#/approvals/', '#/print/cases/') + '/approval-form');
    await expect(page.locator('[data-print-ready="true"]')).toBeVisible();
    const pdfPath = path.join(os.tmpdir(), `doudi-approval-${Date.now()}.pdf`);
    await page.pdf({ path: pdfPath, format: 'A4', printBackground: true });
    const text = execFileSync('pdftotext', ['-raw', pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    fs.rmSync(pdfPath, { force: true });
    for (const expected of ['申请材料齐全，予以受理', '群众反映其子有打工收入，退回重新调查', '公示7天期满，无异议', '经县级审核，符合城乡低保条件，予以确认', '2026-11-23', '2026-11-25', '2026-12-02', head.name]) {
      expect(text).toContain(expected.replace(/\s+/g, ''));
    }
  });

  test('the reviewer confirms the demo cases waiting for the county in one batch, with a result per case', async ({ page }) => {
    await setDate(page, '2026-12-02');
    await page.goto(server.url);
    await login(page, 'reviewer', PASSWORD);
    await page.getByRole('menuitem', { name: '审批待办' }).click();
    await expect(page.getByText('共 2 件')).toBeVisible();
    for (const box of await page.getByRole('checkbox', { name: /^选择 \d{4}-\d{5}$/ }).all()) await box.check();
    const bar = page.locator('.ant-card').filter({ hasText: '批量办理（已选 2 件）' });
    await bar.getByRole('radio', { name: '审核确认' }).check();
    await bar.getByRole('textbox', { name: '审核意见' }).fill('经县级审核，予以确认');
    await bar.getByRole('button', { name: '批量办理' }).click();
    const result = page.getByRole('dialog', { name: '批量办理结果' });
    await expect(result).toContainText('成功 2 件');
    await expect(result.getByRole('cell', { name: '成功', exact: true })).toHaveCount(2);
    await result.getByRole('button', { name: '知道了' }).click();
    await expect(page.getByText('共 0 件')).toBeVisible();
  });

  test('a rejected application prints its 不予确认告知书 with the reasons', async ({ page }) => {
    await setDate(page, '2026-12-02');
    await page.goto(server.url);
    await login(page, 'reviewer', PASSWORD);
    await page.getByRole('menuitem', { name: '审批待办' }).click();
    await page.getByRole('tab', { name: '全部案件' }).click();
    const rejected = page.getByRole('row').filter({ hasText: '送达不予确认告知书' });
    await expect(rejected).toHaveCount(1);
    await rejected.getByRole('link').first().click();
    await page.getByRole('button', { name: '打印不予确认告知书' }).click();
    const sheet = page.locator('[data-print-ready="true"]');
    await expect(sheet.getByRole('heading', { name: '不予确认告知书' })).toBeVisible();
    await expect(sheet).toContainText('家庭人均收入高于当地低保标准，不符合条件');
    await expect(sheet).toContainText('60日内');
    await expect(sheet).toContainText('送达回执');
  });

  test('the administrator delegates 低保 confirmation to the townships on 流程设置', async ({ page }) => {
    await page.goto(server.url);
    await login(page, 'admin', PASSWORD);
    await openAdminPage(page, '流程设置');
    await page.getByText('最低生活保障申请', { exact: true }).click();
    const panel = page.locator('.ant-collapse-item').filter({ hasText: '最低生活保障申请' });
    await switchOn(panel.getByRole('switch', { name: '审核确认权限下放乡镇（县级备案）' }));
    await panel.getByRole('button', { name: '保存流程设置' }).click();
    await expect(panel.getByText('已调整')).toBeVisible();
    await page.reload();
    const saved = page.locator('.ant-collapse-item').filter({ hasText: '最低生活保障申请' });
    await expect(saved.getByText('已调整')).toBeVisible();
    await saved.locator('.ant-collapse-header').click();
    await expect(saved.getByRole('switch', { name: '审核确认权限下放乡镇（县级备案）' })).toBeChecked();
  });
});
