import { expect, type Page } from '@playwright/test';

/**
 * Acts on a case's current step as a clerk does: chooses the action, types what `fill` types, writes the
 * opinion (审核意见, or 工作记录 on a care case) and presses 提交办理; then waits for the answer. A refusal
 * or a field left wrong fails here, with the page's own words.
 */
export async function actOnCase(page: Page, action: string, opinion: string, fill: () => Promise<void> = async () => {}): Promise<void> {
  const card = page.locator('.ant-card').filter({ hasText: '当前环节' });
  await card.getByRole('radio', { name: action }).check();
  await fill();
  await card.getByRole('textbox', { name: /审核意见|工作记录/ }).fill(opinion);
  await card.getByRole('button', { name: '提交办理' }).click();
  const done = page.getByText(`已办理：${action}`);
  const refused = page.locator('.ant-message-error').or(card.locator('.ant-form-item-explain-error'));
  await expect(done.or(refused).first()).toBeVisible();
  if (!(await done.isVisible())) throw new Error(`“${action}”未能办理：${(await refused.allInnerTexts()).join('；')}`);
}
