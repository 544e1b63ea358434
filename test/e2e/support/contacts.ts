import { expect, type Page } from '@playwright/test';
import { finishConsultation, pickByKeyboard, pickDutyLawyer, typeInto } from './keyboard';

export interface SuspectContact {
  name: string;
  /** The resident ID number, or null for a person whose papers are unknown (证件类型 无/不详). */
  idNumber: string | null;
  question?: string;
  /** 案由/罪名; null leaves it empty. */
  crime?: string | null;
}

/**
 * Logs a contact at the investigation stage with the keyboard alone, as a lawyer does with
 * the queue waiting: Alt+N, the duty lawyer, the person, 侦查, the charge, 法律咨询 and the
 * question, saved with Ctrl+Enter. Returns once the notice says it is logged.
 */
export async function logSuspectContact(page: Page, { name, idNumber, question = '家属询问取保候审的条件', crime = '盗窃罪' }: SuspectContact) {
  await page.keyboard.press('Alt+N');
  await expect(page.locator('.ant-drawer').filter({ hasText: '新登记' })).toBeVisible();
  await pickDutyLawyer(page);
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
  await typeInto(page, '姓名', name);
  if (idNumber) await typeInto(page, '证件号码', idNumber);
  else await pickByKeyboard(page, '证件类型', '无/不详');
  await pickByKeyboard(page, '诉讼阶段', '侦查');
  if (crime) await typeInto(page, '案由/罪名', crime);
  await finishConsultation(page, name, question);
}
