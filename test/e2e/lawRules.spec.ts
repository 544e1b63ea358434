import { test, expect } from './fixtures';
import { finishConsultation, pickByKeyboard, typeInto, pickDutyLawyer } from './support/keyboard';
import type { Page } from '@playwright/test';

// 830000 19900101 001 + check 2 (MOD 11-2 worked out in test/unit/core/idNumber.test.ts).
const TAIWAN_PERMIT = '830000199001010012';
const MINOR_ID = '210102201005011234'; // born 2010-05-01

async function newContact(page: Page, name: string) {
  await page.keyboard.press('Alt+N');
  await expect(page.locator('.ant-drawer').filter({ hasText: '新登记' })).toBeVisible();
  await pickDutyLawyer(page);
  await typeInto(page, '姓名', name);
}

const fieldOf = (page: Page, name: string) => page.locator('.ant-form-item').filter({ has: page.getByRole('checkbox', { name, exact: true }) });

test('a Taiwan resident permit is accepted and gives the birth date, like a resident ID', async ({ station }) => {
  const { page } = await station.launchSetUp();
  await newContact(page, '林志明');
  await pickByKeyboard(page, '证件类型', '台湾居民居住证');
  await typeInto(page, '证件号码', TAIWAN_PERMIT);
  await expect(page.getByLabel('出生日期')).toHaveValue('1990-01-01');
  await expect(page.getByText('已按证件号码填入出生日期 1990-01-01、性别男')).toBeVisible();
  await pickByKeyboard(page, '诉讼阶段', '侦查');
  await finishConsultation(page, '林志明', '咨询被拘留后的权利');

  await page.getByTestId('consultation-row').first().click();
  const detail = page.getByTestId('consultation-detail');
  await expect(detail).toContainText(`台湾居民居住证 ${TAIWAN_PERMIT}`);
  await expect(detail).toContainText('1990-01-01');
});

test('a victim is told of Art. 29 aid, and Art. 25 and plea leniency are not asked of her', async ({ station }) => {
  const { page } = await station.launchSetUp();
  await newContact(page, '张小红');
  await pickByKeyboard(page, '来访人身份', '被害人');
  await typeInto(page, '证件号码', MINOR_ID);
  await expect(page.getByLabel('出生日期')).toHaveValue('2010-05-01');
  const drawer = page.locator('.ant-drawer').filter({ hasText: '新登记' });
  await expect(drawer.getByTestId('article-29')).toContainText('第二十九条');
  // A minor victim is not an accused: no appointed-defence flag, no plea section.
  await expect(drawer.getByTestId('mandatory-defence')).toHaveCount(0);
  await expect(drawer.getByTestId('plea-section')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/victim-form.png' });
  await pickByKeyboard(page, '诉讼阶段', '审查起诉');
  await finishConsultation(page, '张小红', '被害人能否申请法律援助委托诉讼代理人');
  await expect(page.getByTestId('consultation-row').first()).toContainText('张小红');
});

test('a plea statement is refused at the investigation stage, at the field, and accepted at prosecution review', async ({ station }) => {
  const { page } = await station.launchSetUp();
  await newContact(page, '赵大勇');
  await pickByKeyboard(page, '证件类型', '无/不详');
  await pickByKeyboard(page, '诉讼阶段', '侦查');
  await page.getByRole('checkbox', { name: '认罪认罚', exact: true }).check();
  await page.getByRole('checkbox', { name: '具结书已签署', exact: true }).check();
  const pledge = fieldOf(page, '具结书已签署');
  await expect(pledge.locator('.ant-form-item-explain')).toContainText('侦查阶段不签署认罪认罚具结书');
  await expect(pledge.locator('.ant-form-item-explain')).toContainText('《刑事诉讼法》第一百七十三条、第一百七十四条第一款');

  await pickByKeyboard(page, '帮助类型', '法律咨询');
  await page.keyboard.press('Escape');
  await typeInto(page, '咨询事项', '是否签署认罪认罚具结书');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText('有 1 处需要修改')).toBeVisible();
  await expect(pledge.locator('.ant-form-item-explain')).toContainText('侦查阶段不签署认罪认罚具结书');
  await pledge.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/plea-refused.png' });

  // At prosecution review the statement is signed with the duty lawyer present.
  await pickByKeyboard(page, '诉讼阶段', '审查起诉');
  await expect(pledge.locator('.ant-form-item-explain')).toHaveCount(0);
  await page.getByLabel('量刑建议', { exact: true }).fill('有期徒刑八个月');
  await page.getByLabel('对量刑建议的意见', { exact: true }).fill('同意');
  await page.getByRole('checkbox', { name: '签署时值班律师在场', exact: true }).check();
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('已登记：赵大勇')).toBeVisible();

  await page.getByTestId('consultation-row').first().click();
  const detail = page.getByTestId('consultation-detail');
  await expect(detail).toContainText('是；具结书已签署，值班律师在场');
  await expect(detail).toContainText('有期徒刑八个月');
  await page.screenshot({ path: 'test-results/plea-detail.png' });
});
