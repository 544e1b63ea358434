import { test, expect } from './fixtures';
import { addAccount, ADMIN, SAMPLE_LAWYER, signIn, signOut } from './support/setup';

test('each role signs in and sees only what it may do; Ctrl+L locks and the password unlocks', async ({ station }) => {
  test.setTimeout(240_000);
  const { page } = await station.launchSetUp();
  await page.getByRole('menuitem', { name: '设置' }).click();
  await addAccount(page, { username: 'zhang', displayName: '张律师', role: '值班律师', password: 'Lawyer#2026' });
  await addAccount(page, { username: 'kss', displayName: '看守所民警', role: '看守所工作人员', password: 'Staff#20261' });

  // Lock on demand: nothing of the station's records stays on screen.
  await page.keyboard.press('Control+l');
  await expect(page.getByRole('heading', { name: '已锁定' })).toBeVisible();
  await expect(page.getByTestId('station-name')).toHaveCount(0);
  await page.getByLabel('密码', { exact: true }).fill('not-the-password');
  await page.getByRole('button', { name: '解锁' }).click();
  await expect(page.getByText('用户名或密码错误')).toBeVisible();
  await page.getByLabel('密码', { exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: '解锁' }).click();
  await expect(page.getByTestId('current-user')).toHaveText('刘主任（工作站负责人）');

  // The supervisor sees the audit trail, intact, with the lock and the failed unlock in it.
  await page.getByRole('menuitem', { name: '设置' }).click();
  await page.getByRole('button', { name: '校验完整性' }).click();
  await expect(page.getByTestId('audit-verdict')).toContainText('审计日志完整');
  await expect(page.getByTestId('audit-log')).toContainText('锁定');
  await expect(page.getByTestId('audit-log')).toContainText('登录失败');
  await signOut(page);

  // A lawyer: no export, no statistics, no accounts.
  await signIn(page, 'zhang', 'Lawyer#2026');
  await expect(page.getByTestId('current-user')).toHaveText('张律师（值班律师）');
  const nav = page.getByRole('menu', { name: '主导航' });
  await expect(nav.getByRole('menuitem', { name: '咨询登记' })).toBeVisible();
  await expect(nav.getByRole('menuitem', { name: '数据报送' })).toHaveCount(0);
  await expect(nav.getByRole('menuitem', { name: '统计' })).toHaveCount(0);
  await nav.getByRole('menuitem', { name: '设置' }).click();
  await expect(page.getByRole('button', { name: '添加账户' })).toHaveCount(0);
  await expect(page.getByText('修改我的密码')).toBeVisible();
  await signOut(page);

  // Detention-centre staff: the transfer queue.
  await signIn(page, 'kss', 'Staff#20261');
  await expect(page.getByTestId('current-user')).toHaveText('看守所民警（看守所工作人员）');
  await page.getByRole('tab', { name: '待转交申请' }).click();
  await expect(page.getByText('没有待转交的法律援助申请')).toBeVisible();
  expect(SAMPLE_LAWYER.name).toBeTruthy();
});

test('the window locks by itself after the idle time, not before', async ({ station }) => {
  const { page } = await station.launchSetUp();
  await page.getByRole('menuitem', { name: '设置' }).click();
  await page.getByLabel('自动锁定分钟数').fill('1');
  await page.getByLabel('自动锁定分钟数').blur();
  // The new idle time applies from the next unlock.
  await page.keyboard.press('Control+l');
  await expect(page.getByRole('heading', { name: '已锁定' })).toBeVisible();
  await page.getByLabel('密码', { exact: true }).fill(ADMIN.password);
  // The page's clock is taken over before the unlock starts the idle timer, so the minute
  // can be skipped instead of waited out; time still flows for everything else.
  await page.clock.install();
  await page.getByRole('button', { name: '解锁' }).click();
  await expect(page.getByTestId('current-user')).toBeVisible();
  await page.clock.fastForward('00:50');
  await expect(page.getByTestId('current-user')).toBeVisible();
  await page.clock.fastForward('00:15');
  await expect(page.getByRole('heading', { name: '已锁定' })).toBeVisible();
});
