import { test, expect } from './fixtures';
import { pickByKeyboard, typeInto } from './support/keyboard';

/** A station laptop's screen: the header keeps to one line and nothing spills past the window. */
test('at 1024×640 the list and the statistics page fit: the header does not spill, the sidebar collapses', async ({ station }) => {
  test.setTimeout(180_000);
  const { page } = await station.launchSetUp();
  await page.setViewportSize({ width: 1024, height: 640 });

  await page.getByRole('button', { name: '登记在押人员申请' }).click();
  const drawer = page.locator('.ant-drawer').filter({ hasText: '登记在押人员申请' });
  await expect(drawer.getByLabel('在押人员姓名')).toBeFocused();
  await page.keyboard.type('欧阳𠮷');
  await pickByKeyboard(page, '诉讼阶段', '审查起诉');
  await typeInto(page, '涉嫌罪名', '危险驾驶罪');
  await page.keyboard.press('Enter');
  await expect(page.getByText('已登记：欧阳𠮷（申请法律援助）')).toBeVisible();
  await page.getByRole('tab', { name: /登记列表/ }).click();
  await expect(page.getByText('欧阳𠮷').first()).toBeVisible();

  const header = page.locator('.ant-layout-header');
  const spill = () => header.evaluate((h) => h.scrollWidth - h.clientWidth);
  expect(await spill()).toBeLessThanOrEqual(0);
  await expect(page.locator('.ant-layout-sider-collapsed')).toHaveCount(1);
  await page.screenshot({ path: 'test-results/screens-1024-list.png' });

  await page.getByRole('menuitem', { name: '统计' }).click();
  await expect(page.getByTestId('trend-chart')).toBeVisible();
  expect(await spill()).toBeLessThanOrEqual(0);
  await page.screenshot({ path: 'test-results/screens-1024-statistics.png', fullPage: true });
});
