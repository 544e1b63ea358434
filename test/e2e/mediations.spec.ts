import { test, expect } from './fixtures';

/** Picks an option of an Ant Design select by clicking, as a mouse user does. */
async function choose(page: import('@playwright/test').Page, field: import('@playwright/test').Locator, option: string) {
  await field.click();
  await page.locator('.ant-select-dropdown:visible').getByText(option, { exact: true }).click();
}

test('an in-trial mediation offers no 调解协议书 and says why: the court makes its own 调解书', async ({ station }) => {
  const { page } = await station.launchSetUp();

  await page.getByRole('menuitem', { name: '调解' }).click();
  await page.getByRole('button', { name: '记录调解' }).click();
  const form = page.getByRole('form', { name: '调解记录' });
  await choose(page, form.getByLabel('调解类型'), '诉中调解');
  await form.getByLabel('调解地点').fill('沈阳市和平区人民法院第三法庭');
  await form.getByLabel('案号').fill('（2026）辽0102民初7890号');
  await form.getByLabel('案由').fill('房屋租赁合同纠纷');
  await choose(page, form.getByLabel('参与调解的值班律师'), '王𠮷');
  await form.getByLabel('第 1 方当事人姓名').fill('吴某某');
  await form.getByLabel('第 2 方当事人姓名').fill('周玉兰');
  await choose(page, form.getByLabel('调解结果'), '达成协议');
  await form.getByLabel('协议内容').fill('被告于2026年12月31日前支付原告租金4,500元。');
  await form.getByRole('button', { name: /保\s*存/ }).click();

  const detail = page.locator('.ant-drawer').filter({ hasText: '调解详情' });
  await expect(detail.getByText('诉中调解达成协议的，由人民法院依法制作调解书')).toBeVisible();
  await expect(detail.getByRole('button', { name: '起草调解协议书' })).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('in-trial-mediation.png') });
});
