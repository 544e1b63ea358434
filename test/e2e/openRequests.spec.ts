import { test, expect } from './fixtures';
import { signIn, signInAsNewStaff, signOut } from './support/setup';
import { finishConsultation, pickByKeyboard, pickDutyLawyer } from './support/keyboard';

test('a detainee’s request to meet a duty lawyer reaches the lawyers at sign-in and on the shift page, until one of them meets him', async ({ station }) => {
  test.setTimeout(180_000);
  const { page } = await station.launchSetUp();
  // Staff log the request to meet a lawyer.
  await signInAsNewStaff(page);
  await page.getByRole('button', { name: '登记在押人员申请' }).click();
  const drawer = page.locator('.ant-drawer').filter({ hasText: '登记在押人员申请' });
  await drawer.locator('.ant-radio-button-wrapper').filter({ hasText: '约见值班律师' }).click();
  await expect(drawer.getByRole('radio', { name: '约见值班律师' })).toBeChecked();
  await drawer.getByLabel('在押人员姓名').fill('李大山');
  await pickByKeyboard(page, '诉讼阶段', '侦查');
  await drawer.getByLabel('涉嫌罪名').fill('故意伤害罪');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText('已登记：李大山（约见值班律师）')).toBeVisible();
  await signOut(page);

  // The lawyer's side learns of it on signing in, and finds it on the shift page.
  await signIn(page);
  const notice = page.locator('.ant-notification-notice').filter({ hasText: '有 1 条约见申请待接待' });
  await expect(notice).toBeVisible();
  await notice.getByRole('button', { name: '查看' }).click();
  const open = page.getByTestId('open-requests');
  await expect(open).toContainText('待接待的约见申请（1）');
  await expect(open.locator('tbody tr.ant-table-row')).toHaveCount(1);
  await expect(open).toContainText('李大山');
  await expect(open).toContainText('故意伤害罪');
  await page.screenshot({ path: 'test-results/open-requests.png' });

  // 接待 starts the lawyer's contact from the request; saved, it takes the request off the list.
  await open.getByRole('button', { name: '接待', exact: true }).click();
  const detail = page.getByTestId('consultation-detail');
  const form = page.locator('.ant-drawer').filter({ hasText: '新登记' });
  await expect(form.getByLabel('姓名', { exact: true })).toHaveValue('李大山');
  await pickDutyLawyer(page);
  await finishConsultation(page, '李大山', '会见在押人员，告知诉讼权利');

  await page.getByRole('menuitem', { name: '值班' }).click();
  await expect(open).toContainText('没有待接待的约见申请');
  // The request itself says when it was met, and can no longer be answered twice.
  await page.getByRole('menuitem', { name: '咨询登记' }).click();
  await page.getByTestId('consultation-row').filter({ hasText: '约见值班律师' }).click();
  await expect(detail).toContainText('约见值班律师，收到于');
  await expect(detail).toContainText('由值班律师接待');
  await expect(detail.getByRole('button', { name: '接待此申请' })).toHaveCount(0);
});
