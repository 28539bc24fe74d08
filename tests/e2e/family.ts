/** Registers a family through 对象台账 → 登记新家庭, without starting an application. */
import { expect, type Page } from '@playwright/test';

export interface FamilyMember {
  name: string;
  idNumber: string;
  /** The relation to the head as typed into its select (女, 子, 孙子女…); the first member is the head. */
  relation?: string;
}

export async function registerFamily(page: Page, address: string, members: FamilyMember[]) {
  await page.getByRole('menuitem', { name: '对象台账' }).click();
  await page.getByRole('button', { name: '登记新家庭' }).click();
  await page.getByLabel('家庭住址').fill(address);
  for (const [i, m] of members.entries()) {
    if (i > 0) await page.getByRole('button', { name: '添加成员' }).click();
    await page.getByLabel(`第${i + 1}位成员 姓名`).fill(m.name);
    await page.getByLabel(`第${i + 1}位成员 身份证号码`).fill(m.idNumber);
    if (i > 0 && m.relation) {
      const relation = page.getByLabel(`第${i + 1}位成员 与户主关系`, { exact: true });
      await relation.click();
      await relation.fill(m.relation);
      await relation.press('Enter');
    }
  }
  await page.getByRole('checkbox', { name: '登记后发起救助申请' }).uncheck();
  await page.getByRole('button', { name: '保存登记' }).click();
  await expect(page.getByText(members[members.length - 1]!.name).first()).toBeVisible();
}
