import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Presses until what the press brings about is seen (`done` expects it, with a short timeout). A press
 * while a dialog is still opening or a submenu unfolding can miss; a press that took effect moves the
 * page on, so it is not repeated.
 */
export async function pressUntil(target: Locator, done: () => Promise<void>): Promise<void> {
  await expect(async () => {
    await target.click({ timeout: 2000 });
    await done();
  }).toPass();
}

/**
 * Opens a page under 系统管理 by its menu entry, whose page has the same title: the submenu unfolds first
 * (again, if a press folded it), and a press on an entry still moving can miss.
 */
export async function openAdminPage(page: Page, item: string): Promise<void> {
  const entry = page.getByRole('menuitem', { name: item });
  await expect(async () => {
    if (!(await entry.isVisible())) await page.getByRole('menuitem', { name: '系统管理' }).click();
    await entry.click({ timeout: 2000 });
    await expect(page.getByRole('heading', { name: item, exact: true })).toBeVisible({ timeout: 1000 });
  }).toPass();
}

/**
 * Turns a switch on, pressing again only while it is still off: a press on a panel still unfolding can
 * miss, and a second press on a switch that took the first would turn it off again.
 */
export async function switchOn(target: Locator): Promise<void> {
  await expect(async () => {
    if (!(await target.isChecked())) await target.click({ timeout: 2000 });
    await expect(target).toBeChecked({ timeout: 1000 });
  }).toPass();
}
