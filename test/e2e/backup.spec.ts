import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { pickDutyLawyer } from './support/keyboard';
import { ADMIN, completeSetup, signIn } from './support/setup';

test('a backup restores into a fresh installation with every record intact', async ({ station }) => {
  test.setTimeout(240_000);
  const folder = mkdtempSync(join(tmpdir(), 'station-backups-'));
  await station.answerDialogs({ folder });

  const first = await station.launchSetUp();
  const { page } = first;
  for (const [name, question] of [
    ['欧阳䶮', '房屋拆迁补偿款被扣留'],
    ['张三', '工资被拖欠三个月'],
  ] as const) {
    await page.getByRole('button', { name: '新登记' }).click();
    await pickDutyLawyer(page);
    const form = page.locator('.ant-drawer').filter({ hasText: '新登记' });
    await form.getByLabel('案件类型').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '民事' }).click();
    await form.getByLabel('来访人身份').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '当事人' }).click();
    await form.getByLabel('姓名').fill(name);
    await form.getByLabel('证件类型').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '无' }).last().click();
    await form.getByLabel('帮助类型').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '法律咨询' }).first().click();
    await form.getByLabel('咨询事项').fill(question);
    await form.getByRole('button', { name: '保存', exact: true }).click();
    await expect(page.getByText(`已登记：${name}`)).toBeVisible();
  }
  await page.getByRole('menuitem', { name: '设置' }).click();
  await page.getByRole('button', { name: '立即备份…' }).click();
  await expect(page.getByTestId('backup-path')).toContainText(folder);
  const files = readdirSync(folder);
  expect(files).toHaveLength(1);
  expect(files[0]).toMatch(/^LN0102-KSS01_backup_\d{8}T\d{6}\.dlbackup$/);
  await first.close();

  // A new computer: restore instead of setting up.
  await station.answerDialogs({ file: join(folder, files[0]!) });
  const second = await station.launchFresh();
  const p2 = second.page;
  await p2.getByRole('button', { name: '从备份恢复…' }).click();
  await p2.getByRole('button', { name: '选择备份文件…' }).click();
  await expect(p2.getByTestId('backup-header')).toContainText('沈阳市和平区看守所法律援助工作站');
  await expect(p2.getByTestId('backup-header')).toContainText('2 条');
  const dialog = p2.getByRole('dialog', { name: '从备份恢复' });
  await dialog.getByLabel('用户名').fill(ADMIN.username);
  await dialog.getByLabel('密码', { exact: true }).fill('not-the-password');
  await dialog.getByRole('button', { name: '恢复' }).click();
  await expect(dialog).toContainText('用户名或密码错误');
  await dialog.getByLabel('密码', { exact: true }).fill(ADMIN.password);
  await dialog.getByRole('button', { name: '恢复' }).click();
  await signIn(p2);
  await expect(p2.getByTestId('station-name')).toHaveText('沈阳市和平区看守所法律援助工作站');
  await expect(p2.getByTestId('result-count')).toHaveText('共 2 条');
  await p2.getByLabel('搜索登记').fill('欧阳䶮');
  await expect(p2.getByTestId('consultation-row').first()).toContainText('欧阳䶮');
});

test('another station’s backup is refused unless explicitly imported as such', async ({ station }) => {
  test.setTimeout(240_000);
  const folder = mkdtempSync(join(tmpdir(), 'station-backups-'));
  await station.answerDialogs({ folder });
  const a = await station.launchSetUp();
  await a.page.getByRole('menuitem', { name: '设置' }).click();
  await a.page.getByRole('button', { name: '立即备份…' }).click();
  await expect(a.page.getByTestId('backup-path')).toContainText(folder);
  await a.close();

  await station.answerDialogs({ file: join(folder, readdirSync(folder)[0]!) });
  const b = await station.launchFresh();
  const page = b.page;
  await completeSetup(page, {
    code: 'LN0103-FY01',
    name: '沈阳市沈河区人民法院法律援助工作站',
    kindLabel: '法院',
    regionCode: '210103',
    address: '沈河区市府大路 1 号',
  });
  await page.getByRole('menuitem', { name: '设置' }).click();
  await page.getByRole('button', { name: '从备份恢复…' }).click();
  const dialog = page.getByRole('dialog', { name: '从备份恢复' });
  await dialog.getByRole('button', { name: '选择备份文件…' }).click();
  await dialog.getByLabel('用户名').fill(ADMIN.username);
  await dialog.getByLabel('密码', { exact: true }).fill(ADMIN.password);
  await dialog.getByRole('button', { name: '恢复' }).click();
  await expect(dialog).toContainText('不是本站的');
  await dialog.getByText('我确认作为其他工作站的备份导入').click();
  await dialog.getByRole('button', { name: '恢复' }).click();
  await signIn(page);
  await expect(page.getByTestId('station-name')).toHaveText('沈阳市和平区看守所法律援助工作站');
});
