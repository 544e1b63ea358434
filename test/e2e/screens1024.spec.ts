import { test, expect } from './fixtures';
import type { Locator } from '@playwright/test';
import { pickByKeyboard, pickDutyLawyer, typeInto } from './support/keyboard';

/** How far an element's content reaches past its box, in pixels: above zero, it spills or is cut to “…”. */
const overflowOf = (el: Locator) => el.evaluate((e) => e.scrollWidth - e.clientWidth);

/** A station laptop's screen: the header keeps to one line and nothing spills past the window. */
test('at 1024×640 the list, the contact form and the statistics page fit: the header does not spill, columns and tags stay whole, the sidebar collapses; at 1366×768 the per-lawyer table scrolls with its first column fixed', async ({
  station,
}) => {
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
  // Every column of the list keeps its heading whole.
  const headings = page.getByRole('table', { name: '咨询登记列表' }).getByRole('columnheader');
  await expect(headings).toHaveCount(6);
  for (const heading of await headings.all()) expect(await overflowOf(heading), await heading.innerText()).toBeLessThanOrEqual(0);
  await page.screenshot({ path: 'test-results/screens-1024-list.png' });

  // The contact form: a minor's ID fills 未成年人; two more groups make three tags in one field.
  await page.keyboard.press('Alt+N');
  const form = page.locator('.ant-drawer').filter({ hasText: '新登记' });
  await pickDutyLawyer(page);
  await typeInto(page, '姓名', '李𠮷');
  await typeInto(page, '证件号码', '210102201005011234');
  const groups = form.locator('.ant-form-item').filter({ has: page.getByLabel('特殊群体', { exact: true }) });
  await expect(groups.locator('.ant-select-selection-item')).toHaveCount(1);
  await pickByKeyboard(page, '特殊群体', '残疾人');
  await page.keyboard.type('农民工');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  const tags = groups.locator('.ant-select-selection-item');
  await expect(tags).toHaveCount(3);
  const boxes = await Promise.all((await tags.all()).map((t) => t.boundingBox()));
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i]!, boxes[j]!];
      const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
      expect(apart, `tags ${i + 1} and ${j + 1} overlap`).toBe(true);
    }
  const body = form.locator('.ant-drawer-body');
  expect(await overflowOf(body)).toBeLessThanOrEqual(0);
  expect((await form.locator('.ant-drawer-content-wrapper').boundingBox())!.width).toBeLessThanOrEqual(1024);
  // The list has finished closing (until then Esc goes to it, not to the drawer).
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screens-1024-form.png' });
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').filter({ hasText: '放弃未保存的内容？' }).getByRole('button', { name: '放弃' }).click();
  await expect(form).toBeHidden();

  await page.getByRole('menuitem', { name: '统计' }).click();
  await expect(page.getByTestId('trend-chart')).toBeVisible();
  expect(await spill()).toBeLessThanOrEqual(0);
  await page.screenshot({ path: 'test-results/screens-1024-statistics.png', fullPage: true });
  // At 1366×768 the per-lawyer table is wider than the page: it scrolls inside itself, and
  // its first column stays put, so a row's figures are never read without its lawyer.
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByRole('tab', { name: '按值班律师' }).click();
  const perLawyer = page.getByRole('tabpanel', { name: '按值班律师' });
  const content = perLawyer.locator('.ant-table-content');
  const total = perLawyer.getByRole('row').filter({ hasText: '合计' }).getByRole('cell').first();
  await expect(total).toHaveText('合计');
  expect(await overflowOf(content)).toBeGreaterThan(0);
  expect(await overflowOf(page.locator('main'))).toBeLessThanOrEqual(0);
  await content.evaluate((e) => e.scrollTo({ left: e.scrollWidth }));
  await expect.poll(() => content.evaluate((e) => e.scrollLeft + e.clientWidth >= e.scrollWidth)).toBe(true);
  const [pane, cell] = [(await content.boundingBox())!, (await total.boundingBox())!];
  expect(Math.abs(cell.x - pane.x)).toBeLessThanOrEqual(2);
  await page.screenshot({ path: 'test-results/screens-1366-per-lawyer.png' });
});
