import { expect, type Page } from '@playwright/test';

/** Presses Tab until the focused element is the field with this accessible label. */
export async function tabTo(page: Page, label: string, maxPresses = 60) {
  const target = page.getByLabel(label, { exact: true }).first();
  for (let i = 0; i < maxPresses; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached the field “${label}”`);
}

/**
 * The highlighted option in the list of the focused select: found by the list the select
 * names (rc-select's `<id>_list`), so a list still closing elsewhere is never read.
 */
export async function activeOptionOfFocused(page: Page) {
  const id = await page.evaluate(() => document.activeElement?.id ?? '');
  return page.locator(`.ant-select-dropdown:has([id="${id}_list"]) .ant-select-item-option-active`);
}

/** Types into a searchable select and picks the first matching option with Enter. */
export async function pickByKeyboard(page: Page, label: string, text: string) {
  await tabTo(page, label);
  // The last list has finished closing: only this select's list is on screen once typed into.
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
  await page.keyboard.type(text);
  await expect(await activeOptionOfFocused(page)).toContainText(text);
  await page.keyboard.press('Enter');
}

export async function typeInto(page: Page, label: string, text: string) {
  await tabTo(page, label);
  await page.keyboard.type(text);
}

/** Picks 法律咨询, writes the question and saves the new contact with Ctrl+Enter; waits until it is logged. */
export async function finishConsultation(page: Page, clientName: string, question: string) {
  await pickByKeyboard(page, '帮助类型', '法律咨询');
  await page.keyboard.press('Escape');
  await typeInto(page, '咨询事项', question);
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText(`已登记：${clientName}`)).toBeVisible();
  await expect(page.locator('.ant-drawer').filter({ hasText: '新登记' })).toBeHidden();
}

/**
 * In a new contact's drawer the 值班律师 select has the focus first: once the caret is
 * there, as a person would see it, types 王 and picks the lawyer with Enter.
 */
export async function pickDutyLawyer(page: Page) {
  const select = page.locator('.ant-drawer').filter({ hasText: '新登记' }).getByLabel('值班律师', { exact: true });
  await expect(select).toBeFocused();
  await page.keyboard.type('王');
  await expect(await activeOptionOfFocused(page)).toContainText('王');
  await page.keyboard.press('Enter');
}
