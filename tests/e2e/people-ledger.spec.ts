/**
 * The people ledger as a county clerk uses it, in Chromium over HTTP: register a household of four from
 * the keyboard-first intake form, find it by pinyin initials and by the last digits of an ID, correct a
 * member with a reason and see it on the timeline, export the roster and read the file back.
 */
import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';
import { nameInitials } from '../../src/main/households/search-keys';
import { PeopleGenerator } from '../fixtures/people';
import { prepareDemo, startServer, type TestServer } from './server';
import { login } from './login';

const PASSWORD = 'Demo2026pass';

/** Picks an option of a searchable select from the keyboard, as a clerk would. */
async function choose(page: Page, label: string, option: string) {
  const select = page.getByLabel(label, { exact: true });
  await select.click();
  await select.fill(option);
  await expect(page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true })).toBeVisible();
  await select.press('Enter');
}

test.describe('the people ledger', () => {
  let server: TestServer;
  test.beforeAll(async () => {
    server = await startServer(prepareDemo(PASSWORD));
  });
  test.afterAll(async () => {
    await server.stop();
  });

  test('registers a household of four, finds it, corrects a member with a reason, exports the roster', async ({ page }) => {
    // Synthetic people with another address code than the demo county's, so nobody is already registered.
    const people = new PeopleGenerator(515, '110105');
    const head = people.person({ sex: 'male', bornFrom: 1970, bornTo: 1975, surname: '欧阳' });
    const wife = people.person({ sex: 'female', bornFrom: 1972, bornTo: 1976 });
    const son = people.person({ sex: 'male', bornFrom: 2005, bornTo: 2008, surname: '欧阳' });
    const mother = people.person({ sex: 'female', bornFrom: 1944, bornTo: 1946 });
    const members = [
      { p: head, relation: '本人（户主）' },
      { p: wife, relation: '配偶' },
      { p: son, relation: '子' },
      { p: mother, relation: '父母' },
    ];

    await page.goto(server.url);
    await login(page, 'clerk', PASSWORD);
    await page.getByRole('menuitem', { name: '对象台账' }).click();
    await expect(page.getByRole('tab', { name: '按户' })).toBeVisible();
    await page.getByRole('button', { name: '登记新家庭' }).click();
    await expect(page).toHaveURL(/#\/ledger\/new/);
    // The intake page itself, not the list still on screen while it loads.
    await expect(page.getByLabel('家庭住址')).toBeVisible();

    await choose(page, '乡镇（街道）', '青山镇');
    await page.getByLabel('家庭住址').fill('青山镇石桥村七组 8 号');
    for (const [i, m] of members.entries()) {
      const n = i + 1;
      if (i > 0) await page.getByRole('button', { name: '添加成员' }).click();
      await page.getByLabel(`第${n}位成员 姓名`).fill(m.p.name);
      await page.getByLabel(`第${n}位成员 身份证号码`).fill(m.p.idNumber);
      if (i > 0) await choose(page, `第${n}位成员 与户主关系`, m.relation);
    }
    // The ID fills in the birth date as it is typed.
    await expect(page.getByText(head.birthDate).first()).toBeVisible();
    // This test stays with the ledger: no application after registering.
    await page.getByRole('checkbox', { name: '登记后发起救助申请' }).uncheck();
    await page.getByRole('button', { name: '保存登记' }).click();

    // The household page: four members, the head first.
    await expect(page.getByRole('cell', { name: head.idNumber })).toBeVisible();
    // A row per member with name and ID together; the head's name carries the 户主 mark.
    for (const m of members) await expect(page.getByRole('row').filter({ hasText: m.p.idNumber })).toContainText(m === members[0] ? `${m.p.name}户主` : m.p.name);

    // Find it again: by the head's pinyin initials, and by the last six digits of the wife's ID.
    await page.getByRole('menuitem', { name: '对象台账' }).click();
    const search = page.getByLabel('搜索');
    await search.fill(nameInitials(head.name));
    await expect(page.getByRole('cell', { name: head.name, exact: true })).toBeVisible();
    await search.fill(wife.idNumber.slice(-6));
    // The list answers the new search (not the previous one still on screen) before the clerk clicks.
    await expect(page).toHaveURL(new RegExp(`q=${wife.idNumber.slice(-6)}`));
    await expect(page.getByText('共 1 户')).toBeVisible();
    const row = page.getByRole('row').filter({ hasText: head.name });
    await expect(row).toHaveCount(1);
    await row.click();
    await expect(page).toHaveURL(/#\/ledger\/households\//);
    await expect(page.getByRole('heading', { name: `${head.name}家` })).toBeVisible();

    // Correct the son's name, with a reason, and see it on the timeline.
    const sonRow = page.getByRole('row').filter({ hasText: son.idNumber });
    await sonRow.getByRole('button', { name: '编辑' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('姓名').fill(`${son.name}明`);
    await dialog.getByLabel('修改原因').fill('按户口簿更正姓名');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('cell', { name: `${son.name}明`, exact: true })).toBeVisible();
    const timeline = page.locator('.ant-card').filter({ has: page.getByText('变更记录', { exact: true }) });
    await expect(timeline).toContainText('按户口簿更正姓名');
    await expect(timeline).toContainText(`${son.name}明`);

    // The roster of 青山镇 holds the new household, read back from the downloaded file.
    await page.getByRole('menuitem', { name: '对象台账' }).click();
    await page.getByLabel('搜索').fill('');
    await expect(page).not.toHaveURL(/q=/);
    await choose(page, '乡镇（街道）', '青山镇');
    await expect(page).toHaveURL(/townshipId=/);
    // What the clerk sees before exporting: only 青山镇 on the list.
    for (const other of ['城关街道', '白水镇', '梅溪乡']) await expect(page.getByRole('cell', { name: other, exact: true })).toHaveCount(0);
    await expect(page.getByRole('cell', { name: '青山镇', exact: true }).first()).toBeVisible();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出花名册' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^示范县青山镇.*花名册_\d{8}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const sheet = workbook.getWorksheet('花名册')!;
    const cells: string[] = [];
    sheet.eachRow((r) => r.eachCell((c) => cells.push(String(c.value))));
    expect(cells).toContain(head.name);
    expect(cells).toContain(head.idNumber);
    expect(cells).toContain('合计');
  });

  test('offers only 增发 and 减发 to change a 特困 enrollment: it covers one person and has no head to replace', async ({ page }) => {
    await page.goto(server.url);
    await login(page, 'clerk', PASSWORD);
    await expect(page).toHaveURL(/#\/$/);
    await page.goto(`${server.url}#/ledger?program=tekun`);
    await page.locator('tr.ant-table-row').first().click();
    const enrollment = page.getByRole('row').filter({ hasText: '特困人员救助供养' });
    await enrollment.getByRole('button', { name: '变更' }).click();
    const dialog = page.getByRole('dialog', { name: /保障变更：特困人员救助供养/ });
    await dialog.getByLabel('变更类型').click();
    await expect(page.locator('.ant-select-dropdown:visible .ant-select-item-option')).toHaveText(['增发', '减发']);
  });
});
