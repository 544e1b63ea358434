import { test, expect } from './fixtures';
import { ADMIN, completeSetup, signIn } from './support/setup';

test('a half-typed contact survives Ctrl+L and unlock, a reload, and Esc with cancel', async ({ station }) => {
  test.setTimeout(180_000);
  const { page } = await station.launch();
  await completeSetup(page);
  await page.getByRole('button', { name: '新登记' }).click();
  const drawer = page.locator('.ant-drawer').filter({ hasText: '新登记' });
  await drawer.getByLabel('姓名', { exact: true }).fill('赵𠮷');
  await drawer.getByLabel('咨询事项', { exact: true }).fill('询问取保候审的条件');

  // Locked at once, before the pause after typing: the lock itself writes the draft.
  await page.keyboard.press('Control+l');
  await expect(page.getByRole('heading', { name: '已锁定' })).toBeVisible();
  await expect(page.getByText('赵𠮷')).toHaveCount(0);
  await page.getByLabel('密码', { exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: '解锁' }).click();
  await expect(drawer.getByTestId('draft-restored')).toContainText(/已恢复 \d\d:\d\d 未保存的草稿/);
  await expect(drawer.getByLabel('姓名', { exact: true })).toHaveValue('赵𠮷');
  await expect(drawer.getByLabel('咨询事项', { exact: true })).toHaveValue('询问取保候审的条件');

  // Typed on, then the window reloads once the draft says it is kept.
  await drawer.getByLabel('案由/罪名', { exact: true }).fill('盗窃罪');
  await expect(drawer.getByTestId('draft-status')).toContainText('草稿已自动保存');
  await page.reload();
  await signIn(page);
  await expect(drawer.getByTestId('draft-restored')).toBeVisible();
  await expect(drawer.getByLabel('姓名', { exact: true })).toHaveValue('赵𠮷');
  await expect(drawer.getByLabel('案由/罪名', { exact: true })).toHaveValue('盗窃罪');

  // Esc asks first; 继续填写 keeps the form as it is.
  await drawer.getByLabel('案由/罪名', { exact: true }).focus();
  await page.keyboard.press('Escape');
  const confirm = page.getByRole('dialog').filter({ hasText: '放弃未保存的内容？' });
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: '继续填写' }).click();
  await expect(confirm).toBeHidden();
  await expect(drawer.getByLabel('姓名', { exact: true })).toHaveValue('赵𠮷');

  // Discarded on purpose: the draft is gone, and the next new contact starts empty.
  await page.keyboard.press('Escape');
  await confirm.getByRole('button', { name: '放弃' }).click();
  await expect(drawer).toBeHidden();
  await expect(page.getByTestId('draft-banner')).toHaveCount(0);
  await page.getByRole('button', { name: '新登记' }).click();
  await expect(drawer.getByLabel('姓名', { exact: true })).toHaveValue('');
  await expect(drawer.getByTestId('draft-restored')).toHaveCount(0);
});
