import { expect, type Page } from '@playwright/test';

/** Signs in from the login page as a clerk would: user name, password, the 登录 button. */
export async function login(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

/** Signs out through the user menu and waits for the login page. */
export async function logout(page: Page, displayName: string): Promise<void> {
  await page.getByText(displayName).first().click();
  await page.getByText('退出登录').click();
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
}
