import { test, expect } from './fixtures';
import { ADMIN, completeSetup, signIn, signInAsNewStaff } from './support/setup';
import { pickByKeyboard } from './support/keyboard';

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

test('a detainee request whose draft was kept leaves no draft once it is saved', async ({ station }) => {
  test.setTimeout(120_000);
  const { page } = await station.launchSetUp();
  await signInAsNewStaff(page);
  await page.getByRole('button', { name: '登记在押人员申请' }).click();
  const drawer = page.locator('.ant-drawer').filter({ hasText: '登记在押人员申请' });
  await drawer.getByLabel('在押人员姓名').fill('李大山');
  await pickByKeyboard(page, '诉讼阶段', '侦查');
  await drawer.getByLabel('涉嫌罪名').fill('故意伤害罪');
  // The draft is written while the form is open, then the request is saved.
  await expect(drawer.getByTestId('draft-status')).toContainText('草稿已自动保存');
  await drawer.getByLabel('涉嫌罪名').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('已登记：李大山')).toBeVisible();
  await expect(drawer).toBeHidden();
  // The queue shows the request, and the page no draft to continue.
  await expect(page.getByTestId('transfer-queue').locator('tbody tr.ant-table-row')).toHaveCount(1);
  await expect(page.getByTestId('draft-banner')).toHaveCount(0);
});

test('a half-typed mediation comes back after Ctrl+L, and a document draft after a reload', async ({ station }) => {
  test.setTimeout(180_000);
  const { page } = await station.launchSetUp();

  await page.getByRole('menuitem', { name: '调解' }).click();
  await page.getByRole('button', { name: '记录调解' }).click();
  const mediation = page.getByRole('form', { name: '调解记录' });
  await mediation.getByLabel('调解地点').fill('沈阳市和平区南市场街道人民调解委员会');
  await mediation.getByLabel('第 1 方当事人姓名').fill('吴𠮷');
  await page.keyboard.press('Control+l');
  await expect(page.getByRole('heading', { name: '已锁定' })).toBeVisible();
  // Nothing of the party stays on the lock screen.
  await expect(page.getByText('吴𠮷')).toHaveCount(0);
  await page.getByLabel('密码', { exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: '解锁' }).click();
  await expect(page.getByTestId('draft-restored')).toBeVisible();
  await expect(mediation.getByLabel('第 1 方当事人姓名')).toHaveValue('吴𠮷');
  await expect(mediation.getByLabel('调解地点')).toHaveValue('沈阳市和平区南市场街道人民调解委员会');

  // A paper started from the documents page, typed into, then the window reloads.
  await mediation.getByLabel('调解地点').focus();
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').filter({ hasText: '放弃未保存的内容？' }).getByRole('button', { name: '放弃' }).click();
  await expect(mediation).toBeHidden();
  await page.getByRole('menuitem', { name: '法律文书' }).click();
  const letter = page.getByRole('form', { name: '支付令申请书内容' });
  await expect(async () => {
    if (await letter.isVisible()) return;
    await page.getByRole('button', { name: '新建文书' }).hover({ timeout: 3_000 });
    await page.getByRole('menuitem', { name: '支付令申请书', exact: true }).click({ timeout: 3_000 });
    await expect(letter).toBeVisible({ timeout: 10_000 });
  }).toPass({ timeout: 60_000 });
  await letter.getByLabel('被申请人送达地址').fill('沈阳市皇姑区长江街12号');
  await expect(page.getByTestId('draft-status')).toContainText('草稿已自动保存');
  await page.reload();
  await signIn(page);
  await expect(page.getByTestId('draft-restored')).toBeVisible();
  await expect(letter.getByLabel('被申请人送达地址')).toHaveValue('沈阳市皇姑区长江街12号');
});
