import { expect, type Locator } from '@playwright/test';

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
