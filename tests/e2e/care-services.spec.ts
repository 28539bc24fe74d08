/**
 * 老年关爱, 转介帮扶 and 流浪救助 as a township clerk of 青山镇 works them, in Chromium over HTTP on the demo
 * county: who turns 80/90/100 next month, a missing survival check of the half-year just ended recorded, a visit
 * to an elder with special difficulties moving the next due date, the overdue referrals and a new referral
 * taken through 已接收 to 已办结, the 逾期转介 card, and an unidentified person rescued, escorted home and
 * counted in the month; the manager sees rescued people's names masked.
 *
 * The demo county is made at its full size (as `doudi demo` makes it): the 40-household one of the other specs
 * has nobody in 青山镇 who missed the survival check of the half-year just ended.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { PeopleGenerator } from '../fixtures/people';
import { addMonths, addMonthsToDate, toIsoDate } from '../../src/shared/domain/dates';
import { periodJustEnded, periodLabel } from '../../src/shared/domain/elderly';
import { prepareDemo, startServer, type TestServer } from './server';
import { movableClock } from './clock';
import { login, logout } from './login';
import { registerFamily } from './family';
import { choose } from './select';
import { pressUntil } from './press';

const PASSWORD = 'Demo2026pass';
const clock = movableClock();
// Today's date, read once: the demo county, the server and the browser all keep it, even if the run
// crosses midnight.
const today = toIsoDate(new Date());

/** The value of a Descriptions item, by its label. */
function described(scope: Locator, label: string): Locator {
  return scope.locator('.ant-descriptions-item').filter({ has: scope.page().locator('.ant-descriptions-item-label', { hasText: new RegExp(`^${label}$`) }) }).locator('.ant-descriptions-item-content');
}

/** Picks an option of a filter Select outside dialogs. */
async function pick(page: Page, label: string, option: string | RegExp) {
  await page.getByRole('combobox', { name: label }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
}

/** Chooses a button-style radio (its input is hidden: the button is what a clerk presses). */
async function choosePressed(scope: Locator, label: string) {
  await pressUntil(scope.locator('label.ant-radio-button-wrapper').filter({ hasText: label }), () => expect(scope.getByRole('radio', { name: label })).toBeChecked({ timeout: 1000 }));
}

const rows = (scope: Page | Locator) => scope.locator('tr.ant-table-row');

test.describe('care services', () => {
  let server: TestServer;
  test.beforeAll(async () => {
    test.setTimeout(90_000);
    clock.setServerDate(today);
    server = await startServer(prepareDemo(PASSWORD, 320, clock.env), clock.env);
  });
  test.afterAll(async () => {
    await server?.stop();
    clock.dispose();
  });

  test('elderly care, referrals and rescues of a township, and the manager sees rescued people masked', async ({ page }) => {
    test.setTimeout(180_000);
    const people = new PeopleGenerator(931, '431122');
    const patient = people.person({ sex: 'male', bornFrom: 1958, bornTo: 1962, surname: '诸葛' });
    // The pages must not throw in the browser along the way.
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    const nextMonth = addMonths(today.slice(0, 7), 1);
    const ended = periodJustEnded(today);

    // The browser starts on the server's day and its clock runs from there (a fixed clock would keep
    // antd's messages on screen for good, over the buttons of the dialogs below).
    await page.clock.install({ time: new Date(`${today}T09:30:00+08:00`) });
    await page.goto(server.url);
    await login(page, 'qingshan', PASSWORD);

    // ---- 老年关爱 · 下月年满80/90/100: the demo has people of 青山镇 turning 80 next month.
    await page.getByRole('menuitem', { name: '老年关爱' }).click();
    await expect(page.getByRole('tab', { name: '下月年满80/90/100', selected: true })).toBeVisible();
    const turning = rows(page).filter({ hasText: /年满 (80|90|100) 周岁/ });
    await expect(turning.first()).toBeVisible();
    await expect(turning.first()).toContainText(`${nextMonth}-`);
    await expect(turning.first()).toContainText('青山镇');
    await expect(page.getByText(/年满 80、90、100 周岁的在世人员共 [1-9]\d* 人/)).toBeVisible();

    // ---- 生存认证 of the half-year just ended: some did not check; one is checked now.
    await page.getByRole('tab', { name: '生存认证' }).click();
    await pick(page, '认证期间', new RegExp(`^${periodLabel(ended)}$`));
    await expect(page.getByText(new RegExp(`^${periodLabel(ended)}应认证 \\d+ 人`))).toBeVisible();
    const missingTab = page.getByText(/^未认证 \d+$/);
    const checkedTab = page.getByText(/^已认证 \d+$/);
    await missingTab.click();
    const missingBefore = Number((await missingTab.textContent())!.replace(/\D/g, ''));
    const checkedBefore = Number((await checkedTab.textContent())!.replace(/\D/g, ''));
    expect(missingBefore).toBeGreaterThan(0);
    await expect(rows(page)).toHaveCount(missingBefore);
    const missingRow = rows(page).filter({ has: page.getByRole('button', { name: '登记认证' }) }).first();
    await expect(missingRow).toContainText('未认证');
    const elderName = (await missingRow.locator('td').nth(0).textContent())!.trim();
    const elderId = (await missingRow.locator('td').nth(1).textContent())!.trim();
    await missingRow.getByRole('button', { name: '登记认证' }).click();
    const checkDialog = page.getByRole('dialog', { name: `登记生存认证：${elderName}（${periodLabel(ended)}）` });
    await expect(checkDialog.getByRole('radio', { name: '人脸识别认证' })).toBeChecked();
    await expect(checkDialog.getByRole('radio', { name: '健在' })).toBeChecked();
    await checkDialog.getByRole('button', { name: '保存' }).click();
    await expect(page.getByText(`已登记：${elderName}${periodLabel(ended)}生存认证`)).toBeVisible();
    await expect(checkDialog).toBeHidden();
    await expect(page.getByText(`未认证 ${missingBefore - 1}`, { exact: true })).toBeVisible();
    await expect(rows(page).filter({ hasText: elderId })).toHaveCount(0);
    await page.getByText(`已认证 ${checkedBefore + 1}`, { exact: true }).click();
    // Leaving the search box applies what was typed at once, not only once typing pauses: with the
    // browser's time stopped, the search is in the address as soon as the clerk tabs out of the box.
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
    await page.getByLabel('搜索').fill(elderId);
    await page.getByLabel('搜索').press('Tab');
    await expect(page).toHaveURL(new RegExp(`q=${elderId}`));
    await page.clock.resume();
    const checkedRow = rows(page).filter({ hasText: elderId });
    await expect(checkedRow).toContainText('健在');
    await expect(checkedRow).toContainText(`${today} · 人脸识别认证`);
    await expect(checkedRow.getByRole('button', { name: '登记认证' })).toHaveCount(0);

    // ---- 特殊困难老年人: a visit today moves the next due date to an interval from today.
    await page.getByRole('tab', { name: '特殊困难老年人' }).click();
    // The survival list shows 共 N 人 too: its rows must be gone before a row is picked.
    await expect(page.getByRole('tab', { name: '特殊困难老年人', selected: true })).toBeVisible();
    await expect(page.getByText(/^共 [1-9]\d* 人$/)).toBeVisible();
    // Not one visited today already (the visit would not move the date).
    await rows(page).filter({ hasNotText: today }).first().click();
    const elderFile = page.getByRole('dialog').filter({ hasText: '特殊困难老年人档案' });
    await expect(elderFile.getByTestId('elder-file')).toBeVisible();
    const opened = (await described(elderFile, '建档日期').textContent())!.trim();
    const last = (await described(elderFile, '上次探访').textContent())!.trim();
    const dueBefore = /\d{4}-\d{2}-\d{2}/.exec((await described(elderFile, '下次应访').textContent())!)![0];
    const from = /^\d{4}-\d{2}-\d{2}$/.test(last) && last > opened ? last : opened;
    const interval = [1, 2, 3, 4, 6, 12].find((m) => addMonthsToDate(from, m) === dueBefore);
    expect(interval, `下次应访 ${dueBefore} is a whole number of months after ${from}`).toBeDefined();
    const dueAfter = addMonthsToDate(today, interval!);
    expect(dueAfter).not.toBe(dueBefore);
    await elderFile.getByRole('button', { name: '记录探访' }).click();
    const visitDialog = page.getByRole('dialog', { name: /^记录探访：/ });
    await visitDialog.getByLabel('探访人').fill('青山村网格员');
    await visitDialog.getByLabel('探访发现').fill('老人精神尚好，冬季取暖设施已到位');
    await visitDialog.getByRole('button', { name: '保存' }).click();
    await expect(page.getByText(`已记录，下次应访：${dueAfter}`)).toBeVisible();
    await expect(visitDialog).toBeHidden();
    await expect(described(elderFile, '上次探访')).toHaveText(today);
    await expect(described(elderFile, '下次应访')).toContainText(dueAfter);
    await expect(elderFile).toContainText(`${today} · 上门`);
    await expect(elderFile).toContainText('冬季取暖设施已到位');
    await page.keyboard.press('Escape');
    await expect(elderFile).toBeHidden();

    // ---- 转介帮扶: the overdue referrals.
    await page.getByRole('menuitem', { name: '转介帮扶' }).click();
    await pick(page, '状态', '已逾期');
    await expect(page).toHaveURL(/status=overdue/);
    const overdueLink = page.getByText(/^其中已逾期 \d+ 条$/);
    await expect(overdueLink).toBeVisible();
    const overdue = Number((await overdueLink.textContent())!.replace(/\D/g, ''));
    expect(overdue).toBeGreaterThan(0);
    await expect(page.getByText(`共 ${overdue} 条`)).toBeVisible();
    await expect(rows(page)).toHaveCount(overdue);
    for (const row of await rows(page).all()) await expect(row).toContainText(/逾期 \d+ 天/);

    // A member of a family newly registered, referred to the county hospital.
    await registerFamily(page, '青山镇枫林村二组 5 号', [patient]);
    await page.getByRole('menuitem', { name: '转介帮扶' }).click();
    await page.getByRole('button', { name: '新建转介' }).click();
    await choose(page, '转介对象', patient.idNumber);
    await choose(page, '需求类别', '医疗救治');
    await page.getByRole('dialog').getByLabel('需求描述').fill('糖尿病足需住院治疗，家庭无力垫付');
    await choose(page, '帮扶机构', '示范县人民医院');
    await page.getByRole('dialog', { name: '新建转介' }).getByRole('button', { name: '转介' }).click();
    await expect(page.getByText(/^已转介，编号 ZJ\d{4}-\d{4}$/)).toBeVisible();
    const referral = page.getByRole('dialog').filter({ hasText: '办理经过' });
    await expect(referral).toContainText(patient.name);
    const referralNo = /ZJ\d{4}-\d{4}/.exec((await referral.locator('.ant-drawer-title').textContent())!)![0];
    await expect(described(referral, '状态')).toHaveText('已转介');
    await expect(described(referral, '帮扶机构')).toContainText('示范县人民医院');

    // 已接收, then 已办结 with the outcome.
    await referral.getByRole('button', { name: '更新状态' }).click();
    let update = page.getByRole('dialog', { name: `更新状态：${referralNo}` });
    await choosePressed(update, '已接收');
    await update.getByLabel('办理说明').fill('医院已接收，安排入院');
    await update.getByRole('button', { name: '保存' }).click();
    await expect(page.getByText('已更新为：已接收')).toBeVisible();
    await expect(update).toBeHidden();
    await expect(described(referral, '状态')).toHaveText('已接收');
    await expect(referral).toContainText(`${today} · 已接收`);

    await referral.getByRole('button', { name: '更新状态' }).click();
    update = page.getByRole('dialog', { name: `更新状态：${referralNo}` });
    await choosePressed(update, '已办结');
    await update.getByLabel('办理结果').fill('已住院治疗出院，医疗救助一站式结算');
    await update.getByRole('button', { name: '保存' }).click();
    await expect(page.getByText('已更新为：已办结')).toBeVisible();
    await expect(update).toBeHidden();
    await expect(described(referral, '状态')).toHaveText('已办结');
    await expect(described(referral, '办理结果')).toHaveText('已住院治疗出院，医疗救助一站式结算');
    await expect(referral).toContainText(`${today} · 已办结`);
    await expect(referral.getByRole('button', { name: '更新状态' })).toHaveCount(0);
    await page.keyboard.press('Escape');
    await expect(rows(page).filter({ hasText: referralNo })).toContainText('已办结');

    // The 工作台 card counts the same overdue referrals.
    await page.getByRole('menuitem', { name: '工作台' }).click();
    const card = page.getByRole('link', { name: '逾期转介' });
    await expect(card).toBeVisible();
    await expect(card.locator('.ant-statistic-content-value')).toHaveText(String(overdue));
    await expect(card).toContainText(/逾期 \d+ 天/);

    // ---- 流浪救助: the month's counts before, and a known person's record for the manager later.
    await page.getByRole('menuitem', { name: '流浪救助' }).click();
    await expect(page.getByRole('tab', { name: '救助记录', selected: true })).toBeVisible();
    const known = rows(page).filter({ hasText: /^JZ\d{4}-\d{4}/ }).filter({ hasNotText: '身份不明' }).first();
    await expect(known).toBeVisible();
    const knownNo = (await known.locator('td').nth(0).textContent())!.trim();
    const knownName = (await known.locator('td').nth(1).textContent())!.trim();
    expect(knownName).toMatch(/^[\u4e00-\u9fa5]{2,4}$/);
    await page.getByRole('tab', { name: '月度统计' }).click();
    const month = page.locator(`tr[data-row-key="${today.slice(0, 7)}"]`);
    await expect(month).toContainText(`${Number(today.slice(5, 7))}月`);
    const cellNumber = async (row: Locator, i: number) => Number((await row.locator('td').nth(i).textContent())!.replace(/\D/g, ''));
    const rescuesBefore = await cellNumber(month, 1);
    const escortedBefore = await cellNumber(month, 2);

    // An unidentified man, brought by the police.
    await page.getByRole('tab', { name: '救助记录' }).click();
    await page.getByRole('button', { name: '新建救助记录' }).click();
    const form = page.getByRole('dialog', { name: '新建救助记录' });
    await expect(form.getByLabel('发现地乡镇（街道）')).toBeDisabled();
    await expect(form).toContainText('青山镇');
    await choose(page, '来源', '公安移送');
    await form.getByLabel('发现地点').fill('青山镇汽车站候车厅');
    await form.getByRole('switch', { name: '身份' }).click();
    await expect(form.getByRole('switch', { name: '身份' })).toContainText('身份不明');
    await expect(form.getByLabel('姓名')).toHaveCount(0);
    await form.getByRole('radio', { name: '男' }).check();
    await form.getByLabel('估计年龄').fill('58');
    await form.getByLabel('体貌特征').fill('身高约 168 厘米，头发花白，穿灰色棉衣，说外地口音');
    await form.getByRole('button', { name: '登记', exact: true }).click();
    await expect(page.getByText(/^已登记，救助编号 \S+$/)).toBeVisible();
    const rescue = page.getByRole('dialog').filter({ has: page.getByTestId('rescue-record') });
    const title = (await rescue.locator('.ant-drawer-title').textContent())!;
    expect(title).toMatch(/^身份不明（男，约58岁） · \S+$/);
    const rescueNo = title.split(' · ')[1]!;
    await expect(described(rescue, '体貌特征')).toHaveText('身高约 168 厘米，头发花白，穿灰色棉衣，说外地口音');
    const listed = rows(page).filter({ hasText: rescueNo });
    await expect(listed).toContainText('身份不明（男，约58岁）');
    await expect(listed).toContainText('在站');

    // 离站登记: escorted home.
    await rescue.getByRole('button', { name: '离站登记' }).click();
    const leave = page.getByRole('dialog', { name: `离站登记：身份不明（男，约58岁）（${rescueNo}）` });
    await choose(page, '去向', '护送返乡');
    await leave.getByLabel('返乡目的地').fill('湖北省武汉市武昌区');
    await leave.getByRole('button', { name: '登记离站' }).click();
    await expect(page.getByText(`已登记离站：${rescueNo}`)).toBeVisible();
    await expect(leave).toBeHidden();
    await expect(described(rescue, '离站日期')).toHaveText(today);
    await expect(described(rescue, '去向')).toHaveText('护送返乡（湖北省武汉市武昌区）');
    await expect(rescue.getByRole('button', { name: '离站登记' })).toHaveCount(0);
    await page.keyboard.press('Escape');
    await expect(listed).toContainText('护送返乡（湖北省武汉市武昌区）');
    await expect(listed).not.toContainText('在站');

    // 月度统计: this month counts one more rescue and one more escorted home.
    await page.getByRole('tab', { name: '月度统计' }).click();
    await expect(month.locator('td').nth(1)).toHaveText(String(rescuesBefore + 1));
    await expect(month.locator('td').nth(2)).toHaveText(String(escortedBefore + 1));
    await logout(page, '青山镇经办员（演示）');

    // ---- The manager sees the known person's name masked, and may not act on the record.
    await login(page, 'manager', PASSWORD);
    await page.getByRole('menuitem', { name: '流浪救助' }).click();
    await expect(page.getByRole('button', { name: '新建救助记录' })).toHaveCount(0);
    await page.getByLabel('搜索').fill(knownNo);
    const masked = rows(page).filter({ hasText: knownNo });
    await expect(rows(page)).toHaveCount(1);
    const maskedName = knownName.slice(0, 1) + '*'.repeat(knownName.length - 1);
    await expect(masked.locator('td').nth(1)).toHaveText(maskedName);
    await expect(page.getByText(knownName)).toHaveCount(0);
    await masked.click();
    const record = page.getByRole('dialog').filter({ has: page.getByTestId('rescue-record') });
    await expect(record).toContainText('您的角色只能查看脱敏信息');
    await expect(described(record, '姓名')).toHaveText(maskedName);
    await expect(record.getByRole('button', { name: '离站登记' })).toHaveCount(0);
    await expect(record.getByRole('button', { name: '编辑' })).toHaveCount(0);
    expect(pageErrors).toEqual([]);
  });
});
