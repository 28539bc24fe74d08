import type { Page } from '@playwright/test';

/** Picks an option of an antd Select in the open dialog, typing part of its text where the Select searches. */
export async function choose(page: Page, label: string, text: string) {
  const field = page.getByRole('dialog').getByLabel(label, { exact: true });
  await field.click();
  if (await field.isEditable()) await field.fill(text);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click();
}
