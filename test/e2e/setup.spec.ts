import { test, expect } from './fixtures';
import { acknowledgeRecoveryCode, addLawyer, ADMIN, completeSetup, fillAdmin, fillProfile, SAMPLE_LAWYER, SAMPLE_PROFILE, signIn } from './support/setup';

test('first run asks for the station profile and refuses a wrong region code at the field', async ({ station }) => {
  const { page } = await station.launch();
  await expect(page.getByRole('heading', { name: '欢迎使用值班律师工作站' })).toBeVisible();

  await fillProfile(page, { ...SAMPLE_PROFILE, regionCode: '991234' });
  await page.getByRole('button', { name: '完成设置' }).click();
  const regionItem = page.locator('.ant-form-item').filter({ has: page.getByLabel('行政区划代码') });
  const regionError = regionItem.locator('.ant-form-item-explain');
  await expect(regionError).toHaveText('行政区划代码的前两位不是有效的省级代码');

  await page.getByLabel('行政区划代码').fill('21010');
  await expect(regionError).toHaveText('行政区划代码应为 6 位数字');

  // Still on the setup screen: nothing was saved.
  await expect(page.getByRole('heading', { name: '欢迎使用值班律师工作站' })).toBeVisible();
  await page.getByLabel('行政区划代码').fill('210102');
  await expect(regionError).toHaveCount(0);

  // Without a lawyer in the roster setup cannot finish.
  await page.getByRole('button', { name: '完成设置' }).click();
  await expect(page.getByText('请至少添加一名值班律师')).toBeVisible();

  // A bad licence number is refused in the dialog.
  await page.getByRole('button', { name: '添加律师' }).click();
  const dialog = page.getByRole('dialog', { name: '添加值班律师' });
  await dialog.getByLabel('执业证号').fill('1234');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toContainText('17 位数字');
  await dialog.getByRole('button', { name: '取消' }).click();

  await addLawyer(page, SAMPLE_LAWYER);
  // The supervisor account: a weak password is refused at the field.
  await fillAdmin(page, { ...ADMIN, password: 'short' });
  await page.getByRole('button', { name: '完成设置' }).click();
  await expect(
    page
      .locator('.ant-form-item')
      .filter({ has: page.getByLabel('密码', { exact: true }) })
      .locator('.ant-form-item-explain'),
  ).toHaveText('密码至少 10 位');
  await fillAdmin(page);
  await page.getByRole('button', { name: '完成设置' }).click();
  const code = await acknowledgeRecoveryCode(page);
  expect(code).toMatch(/^([0-9A-Z]{4}-){5}[0-9A-Z]{4}$/);
  await expect(page.getByTestId('station-name')).toHaveText(SAMPLE_PROFILE.name);
  await expect(page.getByTestId('current-user')).toHaveText('刘主任（工作站负责人）');

  const nav = page.getByRole('menu', { name: '主导航' });
  for (const area of ['咨询登记', '法律文书', '调解', '值班', '数据报送', '统计', '设置']) {
    await expect(nav.getByRole('menuitem', { name: area })).toBeVisible();
  }
  await expect(page.locator('.ant-message-notice')).toHaveCount(0, { timeout: 15_000 });
  await page.screenshot({ path: 'test-results/shell.png' });
});

test('profile and roster survive a restart, and settings edits them', async ({ station }) => {
  let app = await station.launch();
  await completeSetup(app.page);
  await app.close();

  app = await station.launch();
  const { page } = app;
  // After a restart nothing is shown until someone signs in.
  await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
  await page.getByLabel('用户名').fill(ADMIN.username);
  await page.getByLabel('密码', { exact: true }).fill('wrong-password');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByText('用户名或密码错误')).toBeVisible();
  await signIn(page);
  await expect(page.getByTestId('station-name')).toHaveText(SAMPLE_PROFILE.name);
  await page.getByRole('menuitem', { name: '设置' }).click();
  await expect(page.getByLabel('工作站编码')).toHaveValue(SAMPLE_PROFILE.code);
  // The rare character U+20BB7 survives IndexedDB and a restart intact.
  await expect(page.getByTestId('roster').getByRole('cell', { name: SAMPLE_LAWYER.name, exact: true })).toBeVisible();

  await page.getByLabel('工作站名称').fill('沈阳市和平区法律援助中心驻看守所工作站');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByTestId('station-name')).toHaveText('沈阳市和平区法律援助中心驻看守所工作站');
  await addLawyer(page, { name: '李娜', licenceNo: '12101201810765432', lawFirm: '辽宁星河律师事务所', phone: '024-23456789' });
  await app.close();

  app = await station.launch();
  await signIn(app.page);
  await expect(app.page.getByTestId('station-name')).toHaveText('沈阳市和平区法律援助中心驻看守所工作站');
  await app.page.getByRole('menuitem', { name: '设置' }).click();
  const roster = app.page.getByTestId('roster');
  await expect(roster.getByRole('cell', { name: '李娜', exact: true })).toBeVisible();
  await expect(roster.getByRole('cell', { name: SAMPLE_LAWYER.name, exact: true })).toBeVisible();
});
