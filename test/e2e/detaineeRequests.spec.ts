import { test, expect } from './fixtures';
import { SAMPLE_LAWYER, signIn, signInAsNewStaff, signOut } from './support/setup';
import { pickByKeyboard, typeInto, pickDutyLawyer } from './support/keyboard';

const MINOR_ID = '210102201005011234'; // born 2010-05-01, male
// 830000 19900101 001 + check 2 (MOD 11-2, as in test/unit/core/idNumber.test.ts): born 1990-01-01, male.
const TAIWAN_PERMIT = '830000199001010012';

test('staff log detainees’ requests, the 24-hour queue counts down and flags the overdue one; a lawyer answers one, saves and starts the next contact, sees a repeat visitor, deletes and undoes', async ({
  station,
}) => {
  test.setTimeout(240_000);
  const { page } = await station.launchSetUp();
  await signInAsNewStaff(page);

  // A request with no name is refused at the field, and nothing is saved.
  await page.getByRole('button', { name: '登记在押人员申请' }).click();
  const drawer = page.locator('.ant-drawer').filter({ hasText: '登记在押人员申请' });
  await expect(drawer.getByLabel('在押人员姓名')).toBeFocused();
  await pickByKeyboard(page, '诉讼阶段', '侦查');
  await page.keyboard.press('Control+Enter');
  const nameItem = drawer.locator('.ant-form-item').filter({ has: page.getByLabel('在押人员姓名', { exact: true }) });
  await expect(nameItem.locator('.ant-form-item-explain')).toContainText('姓名');

  // Keyboard only: name, ID card (a minor: the form says so), stage already chosen, charge, Enter.
  await drawer.getByLabel('在押人员姓名').focus();
  await page.keyboard.type('张小𠮷');
  await expect(nameItem.locator('.ant-form-item-explain')).toHaveCount(0);
  await typeInto(page, '证件号码', MINOR_ID);
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
  // A Taiwan resident: the same ID types as the consultation form, checked the same way.
  await pickByKeyboard(page, '证件类型', '台湾居民居住证');
  await typeInto(page, '证件号码', TAIWAN_PERMIT);
  await expect(drawer).toContainText('出生日期 1990-01-01，男');
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

  // Staff hand the overdue one over: the dialog asks to whom, and refuses a missing receiver in Chinese.
  await rows.nth(0).getByRole('button', { name: '标记已转交' }).click();
  const dialog = page.getByRole('dialog', { name: '标记已转交' });
  await expect(dialog.getByLabel('接收机构')).toBeFocused();
  await page.keyboard.type('沈阳市和平区法律援助中心');
  await dialog.getByRole('button', { name: '确认转交' }).click();
  const receiverItem = dialog.locator('.ant-form-item').filter({ has: page.getByLabel('接收人', { exact: true }) });
  await expect(receiverItem.locator('.ant-form-item-explain')).toHaveText('请填写接收人姓名');
  await dialog.getByLabel('接收人').fill('刘𠮷');
  await expect(receiverItem.locator('.ant-form-item-explain')).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(page.getByText('已记录 李四 的申请已转交（超过 24 小时）')).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(rows).toHaveCount(1);
  await expect(rows.nth(0)).toContainText('张小𠮷');
  await expect(page.getByRole('tab', { name: /待转交申请/ }).locator('.ant-badge-count')).toHaveAttribute('title', '1');

  // In the log both are requests, with no lawyer yet; the minor's record carries the Art. 25 flag.
  await page.getByRole('tab', { name: '登记列表' }).click();
  const list = page.getByTestId('consultation-row');
  await expect(list).toHaveCount(2);
  await expect(list.filter({ hasText: '张小𠮷' })).toContainText('在押人员申请法律援助');
  // Once handed over, a record no longer reads 待转交 anywhere.
  await expect(list.filter({ hasText: '张小𠮷' })).toContainText('待转交');
  await expect(list.filter({ hasText: '李四' })).toContainText('已转交（超时）');
  await expect(list.filter({ hasText: '李四' })).not.toContainText('待转交');
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
  await pickDutyLawyer(page);
  await pickByKeyboard(page, '帮助类型', '会见');
  await page.keyboard.press('Escape');
  // The detainee applies for legal aid through the lawyer (Art. 39 para. 2): the lawyer transfers it.
  const outcomeItem = form.locator('.ant-form-item').filter({ has: page.getByLabel('法律援助', { exact: true }) });
  await outcomeItem.locator('.ant-select').click();
  await page.locator('.ant-select-dropdown:visible').getByText('转交申请', { exact: true }).click();
  await expect(outcomeItem).toContainText('转交申请');
  await form.getByLabel('咨询事项', { exact: true }).click();
  await page.keyboard.type('会见在押人员，了解申请法律援助的情况');
  // Save and new: the next contact starts with the same lawyer, and nothing of the last person.
  await page.keyboard.press('Control+Shift+Enter');
  await expect(page.getByText('已登记：张小𠮷', { exact: true })).toBeVisible();
  await expect(form.getByLabel('姓名', { exact: true })).toHaveValue('');
  await expect(form.getByLabel('证件号码', { exact: true })).toHaveValue('');
  await expect(form.locator('.ant-form-item').filter({ has: page.getByLabel('值班律师', { exact: true }) })).toContainText(SAMPLE_LAWYER.name);
  // A known ID number brings up the person's earlier contacts.
  await typeInto(page, '姓名', '李四');
  await pickByKeyboard(page, '证件类型', '台湾居民居住证');
  await typeInto(page, '证件号码', TAIWAN_PERMIT);
  await expect(form.getByTestId('earlier-contacts')).toContainText('此人此前来访 1 次');
  await expect(form.getByTestId('earlier-contacts')).toContainText('李四');
  await form.getByRole('button', { name: '取消' }).click();
  await page.getByRole('dialog').filter({ hasText: '放弃未保存的内容？' }).getByRole('button', { name: '放弃' }).click();

  // His own contact joins the same 24-hour queue beside the request staff logged; he marks his own.
  await page.getByRole('tab', { name: /待转交申请/ }).click();
  await expect(rows).toHaveCount(2);
  const own = rows.filter({ hasText: '值班律师接待' });
  await expect(own).toContainText('张小𠮷');
  await expect(own).toContainText(/剩余 2[34] 小时/);
  await own.getByRole('button', { name: '标记已转交' }).click();
  // The station's usual recipient is offered again.
  await expect(dialog.getByLabel('接收机构')).toHaveValue('沈阳市和平区法律援助中心');
  await dialog.getByLabel('接收人').fill('赵六');
  await page.keyboard.press('Enter');
  await expect(page.getByText('已记录 张小𠮷 的申请已转交')).toBeVisible();
  await expect(rows).toHaveCount(1);
  await expect(rows.nth(0)).toContainText('看守所登记');
  await page.getByRole('tab', { name: '登记列表' }).click();
  await list.filter({ hasText: '会见在押人员' }).click();
  await expect(detail).toContainText(/已于 .* 转交沈阳市和平区法律援助中心（24 小时内）/);
  await expect(detail).toContainText('接收人：赵六');
  await expect(detail).not.toContainText('待转交');
  await page.keyboard.press('Escape');

  await expect(list).toHaveCount(3);
  await expect(page.getByTestId('result-count')).toHaveText('共 3 条');

  // Delete with confirmation, then undo from the notice.
  await list.filter({ hasText: '会见在押人员' }).click();
  await detail.getByRole('button', { name: '删除' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: '删除' }).click();
  await expect(page.getByText('已删除 张小𠮷 的登记')).toBeVisible();
  await expect(page.getByTestId('result-count')).toHaveText('共 2 条');
  await page.locator('.ant-notification-notice').filter({ hasText: '已删除' }).getByRole('button', { name: '撤销' }).click();
  await expect(page.getByText('已撤销删除')).toBeVisible();
  await expect(page.getByTestId('result-count')).toHaveText('共 3 条');
  await expect(list.filter({ hasText: '会见在押人员' })).toHaveCount(1);
  await signOut(page);

  // Need to know (issue 18 item 6): staff see the lawyer's contact only as the application it
  // carried, for the transfer; what the detainee told the lawyer stays with the lawyer.
  await signIn(page, 'kss', 'Staff#20261');
  await expect(page.getByRole('menuitem', { name: '调解' })).toHaveCount(0);
  await page.getByRole('tab', { name: '登记列表' }).click();
  await expect(list).toHaveCount(3);
  await expect(list.filter({ hasText: '会见在押人员' })).toHaveCount(0);
  const lawyersContact = list.filter({ hasText: '咨询内容无权查看' });
  await expect(lawyersContact).toHaveCount(1);
  await expect(lawyersContact).toContainText('张小𠮷');
  await lawyersContact.click();
  await expect(detail.getByTestId('withheld-notice')).toBeVisible();
  await expect(detail).toContainText('无权查看');
  await expect(detail).toContainText('接收人：赵六');
  await expect(detail).not.toContainText('会见在押人员');
  await expect(detail).not.toContainText('会见');
});
