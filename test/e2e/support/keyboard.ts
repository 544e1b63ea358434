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

/** Types into a searchable select and picks the first matching option with Enter. */
export async function pickByKeyboard(page: Page, label: string, text: string) {
  await tabTo(page, label);
  await page.keyboard.type(text);
  await expect(page.locator('.ant-select-dropdown:visible .ant-select-item-option-active')).toContainText(text);
  await page.keyboard.press('Enter');
}

export async function typeInto(page: Page, label: string, text: string) {
  await tabTo(page, label);
  await page.keyboard.type(text);
}
