import { test, expect } from './fixtures';
import { acknowledgeRecoveryCode, addAccount, addLawyer, ADMIN, fillAdmin, fillProfile, SAMPLE_LAWYER, SAMPLE_PROFILE, signIn, signOut } from './support/setup';
import { pickByKeyboard, typeInto } from './support/keyboard';

const MINOR_ID = '210102201005011234';

test('the lock screen shows nothing of a client: a notice naming one goes with Ctrl+L and does not come back after unlock', async ({ station }) => {
  test.setTimeout(180_000);
  const { page } = await station.launchSetUp();

  // The list speaks Chinese to a screen reader too: the search button and a select's clear button.
  await expect(page.getByRole('button', { name: '搜索', exact: true })).toBeVisible();

  await page.getByRole('button', { name: '登记在押人员申请' }).click();
  const drawer = page.locator('.ant-drawer').filter({ hasText: '登记在押人员申请' });
  await expect(drawer.getByLabel('在押人员姓名')).toBeFocused();
  await page.keyboard.type('张小𠮷');
  await typeInto(page, '证件号码', MINOR_ID);
  await pickByKeyboard(page, '诉讼阶段', '侦查');
  await typeInto(page, '涉嫌罪名', '盗窃罪');
  await page.keyboard.press('Enter');
  const notice = page.locator('.ant-message').getByText('已登记：张小𠮷（申请法律援助）');
  await expect(notice).toBeVisible();

  await page.keyboard.press('Control+l');
  await expect(page.getByRole('heading', { name: '已锁定' })).toBeVisible();
  // Checked at once: a notice lasts 3 s, so waiting for it to go would pass on its own.
  expect(await page.getByText('张小𠮷').count()).toBe(0);

  await page.getByLabel('密码', { exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: '解锁' }).click();
  await expect(page.getByTestId('current-user')).toBeVisible();
  await expect(page.getByText('已登记：张小𠮷', { exact: false })).toHaveCount(0);

  const caseType = page.getByLabel('筛选：案件类型', { exact: true });
  await caseType.click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
  await expect(page.getByRole('button', { name: '清除' })).toBeVisible();
  await expect(page.locator('[aria-label="Clear"]')).toHaveCount(0);

  // Work that fails with nobody waiting for it is shown, in Chinese, not lost in the console.
  await page.evaluate(() => {
    setTimeout(() => void Promise.reject(new Error('磁盘空间不足')), 0);
  });
  await expect(page.getByText('操作未完成')).toBeVisible();
  await expect(page.getByText('磁盘空间不足。请重试', { exact: false })).toBeVisible();
});

test('使用恢复码: the printed code signs the supervisor in and sets a new password', async ({ station }) => {
  test.setTimeout(180_000);
  const { page } = await station.launch();
  await expect(page.getByRole('heading', { name: '欢迎使用值班律师工作站' })).toBeVisible();
  await fillProfile(page, SAMPLE_PROFILE);
  await addLawyer(page, SAMPLE_LAWYER);
  await fillAdmin(page);
  await page.getByRole('button', { name: '完成设置' }).click();
  const code = await acknowledgeRecoveryCode(page);
  await expect(page.getByTestId('current-user')).toBeVisible();
  await signOut(page);

  await page.getByRole('button', { name: '忘记密码？使用恢复码' }).click();
  await expect(page.getByRole('heading', { name: '使用恢复码' })).toBeVisible();
  await page.getByLabel('负责人用户名').fill(ADMIN.username);
  await page.getByLabel('恢复码').fill('AAAA-BBBB-CCCC-DDDD-EEEE-FFFF');
  await page.getByLabel('新密码', { exact: true }).fill('Regained#2026');
  await page.getByLabel('确认新密码').fill('Regained#2026');
  await page.getByRole('button', { name: '登录并设置新密码' }).click();
  await expect(page.getByText('恢复码错误')).toBeVisible();

  await page.getByLabel('恢复码').fill(code.toLowerCase());
  await page.getByRole('button', { name: '登录并设置新密码' }).click();
  await expect(page.getByTestId('current-user')).toHaveText('刘主任（工作站负责人）');
  await signOut(page);

  await signIn(page, ADMIN.username, 'Regained#2026');
  await expect(page.getByTestId('current-user')).toHaveText('刘主任（工作站负责人）');
});

test('a supervisor resets a lawyer’s password and changes a role; the lawyer must choose a new password at the next sign-in', async ({ station }) => {
  test.setTimeout(240_000);
  const { page } = await station.launchSetUp();
  await page.getByRole('menuitem', { name: '设置' }).click();
  await addAccount(page, { username: 'zhang', displayName: '张律师', role: '值班律师', password: 'Lawyer#2026' });
  await addAccount(page, { username: 'kss', displayName: '看守所民警', role: '值班律师', password: 'Staff#20261' });

  await page.getByTestId('accounts').getByRole('row').filter({ hasText: 'zhang' }).getByRole('button', { name: '重置密码' }).click();
  const dialog = page.getByRole('dialog', { name: '重置 张律师（zhang）的密码' });
  await dialog.getByLabel('临时密码').fill('Temp#20261');
  await dialog.getByRole('button', { name: '重置' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('已重置 zhang 的密码')).toBeVisible();

  // 看守所民警 was added as a lawyer by mistake: the supervisor corrects the role.
  await page.getByLabel('kss 的角色').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '看守所工作人员' }).click();
  await page.getByRole('button', { name: '修改角色' }).click();
  await expect(page.getByText('已修改角色')).toBeVisible();
  await signOut(page);

  // The old password no longer opens the account; the temporary one asks for a new one first.
  await page.getByLabel('用户名').fill('zhang');
  await page.getByLabel('密码', { exact: true }).fill('Lawyer#2026');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByText('用户名或密码错误')).toBeVisible();
  await page.getByLabel('密码', { exact: true }).fill('Temp#20261');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('heading', { name: '设置新密码' })).toBeVisible();
  await expect(page.getByTestId('current-user')).toHaveCount(0);
  await page.getByLabel('新密码', { exact: true }).fill('Mine#20262');
  await page.getByLabel('确认新密码').fill('Mine#20262');
  await page.getByRole('button', { name: '保存新密码并进入' }).click();
  await expect(page.getByTestId('current-user')).toHaveText('张律师（值班律师）');
  await signOut(page);
  await signIn(page, 'zhang', 'Mine#20262');
  await expect(page.getByTestId('current-user')).toHaveText('张律师（值班律师）');
  await signOut(page);

  await signIn(page, 'kss', 'Staff#20261');
  await expect(page.getByTestId('current-user')).toHaveText('看守所民警（看守所工作人员）');
  await signOut(page);

  // Both changes are in the audit trail, by name.
  await signIn(page);
  await page.getByRole('menuitem', { name: '设置' }).click();
  await expect(page.getByTestId('audit-log')).toContainText('张律师（zhang）：已设临时密码');
  await expect(page.getByTestId('audit-log')).toContainText('看守所民警（kss）：值班律师 → 看守所工作人员');
});
