import { test, expect } from './fixtures';
import { addAccount, completeSetup, SAMPLE_LAWYER, signIn, signOut } from './support/setup';
import { pickByKeyboard, typeInto } from './support/keyboard';

const MINOR_ID = '210102201005011234'; // born 2010-05-01, male
const ADULT_ID = '11010519491231002X'; // born 1949-12-31, female

test('staff log detainees’ requests, the 24-hour queue counts down and flags the overdue one; a lawyer answers one, saves and starts the next contact, sees a repeat visitor, deletes and undoes', async ({ station }) => {
  test.setTimeout(240_000);
  const { page } = await station.launch();
  await completeSetup(page);
  await page.getByRole('menuitem', { name: '设置' }).click();
  await addAccount(page, { username: 'kss', displayName: '看守所民警', role: '看守所工作人员', password: 'Staff#20261' });
  await signOut(page);
  await signIn(page, 'kss', 'Staff#20261');

  // A request with no name is refused at the field, and nothing is saved.
  await page.getByRole('button', { name: '登记在押人员申请' }).click();
  const drawer = page.locator('.ant-drawer').filter({ hasText: '登记在押人员申请' });
  await expect(drawer.getByLabel('在押人员姓名')).toBeFocused();
  await pickByKeyboard(page, '诉讼阶段', '侦查');
  await page.keyboard.press('Control+Enter');
  const nameItem = drawer.locator('.ant-form-item').filter({ has: page.getByLabel('在押人员姓名', { exact: true }) });
  await expect(nameItem.locator('.ant-form-item-explain')).toContainText('姓名');

  // Keyboard only: name, ID (a minor: the form says so), stage already chosen, charge, Enter.
  await drawer.getByLabel('在押人员姓名').focus();
  await page.keyboard.type('张小𠮷');
  await expect(nameItem.locator('.ant-form-item-explain')).toHaveCount(0);
  await typeInto(page, '身份证号码', MINOR_ID);
  await expect(drawer).toContainText('出生日期 2010-05-01，男，未成年人');
  await page.screenshot({ path: 'test-results/detainee-request-form.png' });
  await typeInto(page, '涉嫌罪名', '盗窃罪');
  await page.keyboard.press('Enter');
  await expect(page.getByText('已登记：张小𠮷（申请法律援助）')).toBeVisible();
  await expect(drawer).toBeHidden();

  // A second one, received 25 hours ago: already overdue.
  await page.getByRole('button', { name: '登记在押人员申请' }).click();
  await expect(drawer.getByLabel('在押人员姓名')).toBeFocused();
  await page.keyboard.type('李四');
  await typeInto(page, '身份证号码', ADULT_ID);
  await pickByKeyboard(page, '诉讼阶段', '审查起诉');
  const received = drawer.getByLabel('收到申请时间');
  await received.click();
  await page.keyboard.press('Control+a');
  // The station's wall clock is the browser's (its zone may differ from this process's).
  const dayBefore = await page.evaluate(() => {
    const d = new Date(Date.now() - 25 * 3600_000);
    const p = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
  });
  await page.keyboard.type(dayBefore);
  // Enter confirms the time and, the form being complete, saves it.
  await page.keyboard.press('Enter');
  await expect(page.getByText('已登记：李四（申请法律援助）')).toBeVisible();
  await expect(drawer).toBeHidden();

  // The queue: soonest deadline first, the overdue one in red, the new one with ~24 h left.
  await expect(page.getByRole('tab', { name: /待转交申请/ })).toHaveAttribute('aria-selected', 'true');
  const queue = page.getByTestId('transfer-queue');
  const rows = queue.locator('tbody tr.ant-table-row');
  await expect(rows).toHaveCount(2);
  await expect(page.getByRole('tab', { name: /待转交申请/ }).locator('.ant-badge-count')).toHaveAttribute('title', '2');
  await expect(rows.nth(0)).toContainText('李四');
  await expect(rows.nth(0)).toHaveClass(/row-overdue/);
  await expect(rows.nth(0)).toContainText(/已超时 1 小时/);
  await expect(rows.nth(1)).toContainText('张小𠮷');
  await expect(rows.nth(1)).toContainText(/剩余 23 小时 5\d 分/);
  await expect(rows.nth(1)).not.toHaveClass(/row-overdue/);
  await page.screenshot({ path: 'test-results/transfer-queue.png' });

  // Staff hand the overdue one over: it leaves the queue.
  await rows.nth(0).getByRole('button', { name: '标记已转交' }).click();
  await expect(page.getByText('已记录 李四 的申请已转交')).toBeVisible();
  await expect(rows).toHaveCount(1);
  await expect(rows.nth(0)).toContainText('张小𠮷');
  await expect(page.getByRole('tab', { name: /待转交申请/ }).locator('.ant-badge-count')).toHaveAttribute('title', '1');

  // In the log both are requests, with no lawyer yet; the minor's record carries the Art. 25 flag.
  await page.getByRole('tab', { name: '登记列表' }).click();
  const list = page.getByTestId('consultation-row');
  await expect(list).toHaveCount(2);
  await expect(list.filter({ hasText: '张小𠮷' })).toContainText('在押人员申请法律援助');
  await page.screenshot({ path: 'test-results/requests-in-log.png' });
  await list.filter({ hasText: '张小𠮷' }).click();
  const detail = page.getByTestId('consultation-detail');
  await expect(detail.getByTestId('mandatory-defence')).toContainText('未成年人');
  await expect(detail).toContainText(/应于 .* 前转交：剩余 23 小时/);
  await page.keyboard.press('Escape');
  await signOut(page);

  // The duty lawyer answers the request: his contact starts with the detainee and the case.
  await signIn(page);
  await list.filter({ hasText: '张小𠮷' }).click();
  await detail.getByRole('button', { name: '接待此申请' }).click();
  const form = page.locator('.ant-drawer').filter({ hasText: '新登记' });
  await expect(form.getByLabel('姓名', { exact: true })).toHaveValue('张小𠮷');
  await expect(form.getByLabel('证件号码', { exact: true })).toHaveValue(MINOR_ID);
  await expect(form.getByLabel('案由/罪名', { exact: true })).toHaveValue('盗窃罪');
  await expect(form.getByTestId('mandatory-defence')).toContainText('未成年人');
  // The lawyer-on-duty select has focus first.
  await page.keyboard.type('王');
  await page.keyboard.press('Enter');
  await pickByKeyboard(page, '帮助类型', '会见');
  await page.keyboard.press('Escape');
  await typeInto(page, '咨询事项', '会见在押人员，了解申请法律援助的情况');
  // Save and new: the next contact starts with the same lawyer, and nothing of the last person.
  await page.keyboard.press('Control+Shift+Enter');
  await expect(page.getByText('已登记：张小𠮷', { exact: true })).toBeVisible();
  await expect(form.getByLabel('姓名', { exact: true })).toHaveValue('');
  await expect(form.getByLabel('证件号码', { exact: true })).toHaveValue('');
  await expect(form.locator('.ant-form-item').filter({ has: page.getByLabel('值班律师', { exact: true }) })).toContainText(SAMPLE_LAWYER.name);
  // A known ID number brings up the person's earlier contacts.
  await typeInto(page, '姓名', '李四');
  await typeInto(page, '证件号码', ADULT_ID);
  await expect(form.getByTestId('earlier-contacts')).toContainText('此人此前来访 1 次');
  await expect(form.getByTestId('earlier-contacts')).toContainText('李四');
  await form.getByRole('button', { name: '取消' }).click();

  await expect(list).toHaveCount(3);
  await expect(page.getByTestId('result-count')).toHaveText('共 3 条');

  // Delete with confirmation, then undo from the notice.
  await list.filter({ hasText: '会见在押人员' }).click();
  await detail.getByRole('button', { name: '删除' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: '删除' }).click();
  await expect(page.getByText('已删除 张小𠮷 的登记')).toBeVisible();
  await expect(page.getByTestId('result-count')).toHaveText('共 2 条');
  await page.locator('.ant-message-notice').getByRole('button', { name: '撤销' }).click();
  await expect(page.getByText('已撤销删除')).toBeVisible();
  await expect(page.getByTestId('result-count')).toHaveText('共 3 条');
  await expect(list.filter({ hasText: '会见在押人员' })).toHaveCount(1);
});
