import { test, expect } from './fixtures';
import { SAMPLE_LAWYER } from './support/setup';
import { pickByKeyboard, tabTo, typeInto, pickDutyLawyer } from './support/keyboard';

const MINOR_ID = '210102201005011234'; // born 2010-05-01, male; check digit from MOD 11-2

test('a duty lawyer logs a contact with the keyboard alone, finds it by every route, edits it and sees the history', async ({ station }) => {
  const { page } = await station.launchSetUp();

  await page.keyboard.press('Alt+N');
  const drawer = page.locator('.ant-drawer').filter({ hasText: '新登记' });
  await expect(drawer).toBeVisible();

  // The lawyer-on-duty select has focus first.
  await pickDutyLawyer(page);
  await typeInto(page, '姓名', '李𠮷');
  await typeInto(page, '证件号码', MINOR_ID);
  // A valid ID fills birth date and gender; a minor suspect raises the Art. 25 flag.
  await expect(page.getByLabel('出生日期')).toHaveValue('2010-05-01');
  await expect(drawer.getByTestId('mandatory-defence')).toContainText('未成年人');
  await typeInto(page, '联系电话', '138 0400 1234');
  await pickByKeyboard(page, '诉讼阶段', '侦查');
  await typeInto(page, '案号', '(2026)辽0102刑初88号');
  await typeInto(page, '案由/罪名', '盗窃罪');
  await pickByKeyboard(page, '帮助类型', '法律咨询');
  await page.keyboard.press('Escape');
  await typeInto(page, '咨询事项', '父母询问取保候审的条件和程序');
  await typeInto(page, '解答意见', '建议近亲属向办案机关书面申请取保候审');
  await page.keyboard.press('Control+Enter');

  await expect(page.getByText('已登记：李𠮷')).toBeVisible();
  await expect(drawer).toBeHidden();
  const rows = page.getByTestId('consultation-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('李𠮷');
  await expect(rows.first()).toContainText(SAMPLE_LAWYER.name);

  // Search by each route: name fragment, rare character, ID fragment, phone fragment,
  // case number typed with full-width parentheses, and words of the advice.
  const search = page.getByLabel('搜索登记');
  for (const q of ['李𠮷', '𠮷', '20100501', '04001234', '（2026）辽0102刑初88号', '书面申请']) {
    await search.fill(q);
    await expect(page.getByTestId('result-count')).toHaveText('共 1 条');
    await expect(rows.first()).toContainText('李𠮷');
  }
  await search.fill('离婚纠纷');
  await expect(page.getByTestId('result-count')).toHaveText('共 0 条');
  await search.fill('');

  // Open, edit one field, and see the new version in the history.
  await rows.first().click();
  const detail = page.getByTestId('consultation-detail');
  await expect(detail.getByTestId('detail-name')).toHaveText('李𠮷');
  await detail.getByRole('button', { name: '编辑' }).click();
  const editor = page.locator('.ant-drawer').filter({ hasText: '修改登记' });
  await editor.getByLabel('解答意见').fill('建议近亲属向办案机关书面申请取保候审，并准备保证人材料');
  await editor.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByTestId('history')).toContainText('修改（第 2 版）');
  // The edit shows the old answer struck through and the new one.
  const change = page.getByTestId('history-changes').locator('li').filter({ hasText: '解答意见' });
  await expect(change.locator('del')).toHaveText('建议近亲属向办案机关书面申请取保候审');
  await expect(change).toContainText('→ 建议近亲属向办案机关书面申请取保候审，并准备保证人材料');
  await expect(page.getByTestId('history')).toContainText('登记（第 1 版）');
  await expect(detail).toContainText('第 2 版');
  await expect(page.locator('.ant-message-notice')).toHaveCount(0, { timeout: 15_000 });
  await page.screenshot({ path: 'test-results/consultation-detail.png' });

  // Deleted, the notice with 撤销 stays while the lawyer goes on; the record waits in the 回收站.
  await detail.getByRole('button', { name: '删除' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: '删除' }).click();
  const notice = page.locator('.ant-notification-notice').filter({ hasText: '已删除 李𠮷 的登记' });
  await expect(notice).toBeVisible();
  await expect(page.getByTestId('result-count')).toHaveText('共 0 条');
  await page.getByRole('tab', { name: '回收站' }).click();
  const trash = page.getByTestId('trash');
  await expect(trash.locator('tbody tr.ant-table-row')).toHaveCount(1);
  await expect(trash).toContainText('李𠮷');
  await expect(notice).toBeVisible();
  await notice.locator('.ant-notification-notice-close').click();
  await expect(notice).toBeHidden();
  await trash.getByRole('button', { name: '恢复' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: '恢复' }).click();
  await expect(page.getByText('已恢复登记：李𠮷')).toBeVisible();
  await expect(page.getByText('回收站中没有已删除的登记')).toBeVisible();
  await page.getByRole('tab', { name: '登记列表' }).click();
  await expect(page.getByTestId('result-count')).toHaveText('共 1 条');
});

test('a wrong ID number is refused at the field and nothing is saved', async ({ station }) => {
  const { page } = await station.launchSetUp();
  await page.getByRole('button', { name: '新登记' }).click();
  await pickDutyLawyer(page);
  await typeInto(page, '姓名', '赵六');
  // The first 15 digits read as an old 15-digit card (born 1920-10-05, so 老年人); the
  // finished 18-digit number has a wrong check digit and reads as nothing: what the
  // prefix filled must go with it, or a 16-year-old is saved as 106 without Art. 25.
  const elderlyTag = page
    .locator('.ant-form-item')
    .filter({ has: page.getByLabel('特殊群体', { exact: true }) })
    .locator('.ant-select-selection-item', { hasText: '老年人' });
  await typeInto(page, '证件号码', '210102201005011');
  await expect(page.getByLabel('出生日期')).toHaveValue('1920-10-05');
  await expect(elderlyTag).toHaveCount(1);
  await page.keyboard.type('235');
  await expect(page.getByLabel('出生日期')).toHaveValue('');
  await expect(elderlyTag).toHaveCount(0);
  await expect(
    page
      .locator('.ant-form-item')
      .filter({ has: page.getByLabel('性别', { exact: true }) })
      .locator('.ant-select-selection-item'),
  ).toHaveCount(0);
  await tabTo(page, '咨询事项');
  await page.keyboard.type('咨询');
  await page.keyboard.press('Control+Enter');
  const idItem = page.locator('.ant-form-item').filter({ has: page.getByLabel('证件号码', { exact: true }) });
  await expect(idItem.locator('.ant-form-item-explain')).toContainText('校验码');
  await expect(
    page
      .locator('.ant-form-item')
      .filter({ has: page.getByLabel('帮助类型', { exact: true }) })
      .locator('.ant-form-item-explain'),
  ).toContainText('请至少选择一项帮助类型');
  // Corrected, the number's message goes at once; the one still wrong stays.
  await page.getByLabel('证件号码', { exact: true }).fill(MINOR_ID);
  await expect(idItem.locator('.ant-form-item-explain')).toHaveCount(0);
  await expect(
    page
      .locator('.ant-form-item')
      .filter({ has: page.getByLabel('帮助类型', { exact: true }) })
      .locator('.ant-form-item-explain'),
  ).toContainText('请至少选择一项帮助类型');
  // Leaving a changed form asks first.
  await page.getByRole('button', { name: '取消' }).click();
  await page.getByRole('dialog').filter({ hasText: '放弃未保存的内容？' }).getByRole('button', { name: '放弃' }).click();
  await expect(page.getByTestId('result-count')).toHaveText('共 0 条');
});
