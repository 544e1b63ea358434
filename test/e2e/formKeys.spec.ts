import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { activeOptionOfFocused, pickDutyLawyer, tabTo } from './support/keyboard';

/** A new contact's drawer, open with the caret in 值班律师. */
async function openNewContact(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: '新登记' }).click();
  const drawer = page.locator('.ant-drawer').filter({ hasText: '新登记' });
  await expect(drawer.getByLabel('值班律师', { exact: true })).toBeFocused();
  return drawer;
}

/** The select whose input carries this label, as the user sees it (its chosen value or tags). */
const selectOf = (scope: Locator, label: string) => scope.locator('.ant-select').filter({ has: scope.page().getByLabel(label, { exact: true }) });

/** Where the focus is, named the way a user would tell the places apart. */
const focusedPlace = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el) return 'none';
    return `${el.tagName.toLowerCase()}#${el.id}.${Array.from(el.classList)
      .filter((c) => c.includes('clear'))
      .join('.')}`;
  });

// Every select of a new contact at a detention centre (criminal, suspect): what is typed,
// the option's label that Enter picks, and the field Tab then lands in.
const SELECTS: { label: string; typed: string; shown: string; next: string }[] = [
  { label: '接待地点', typed: '检察', shown: '检察院', next: '来访人身份' },
  { label: '来访人身份', typed: '被告', shown: '被告人', next: '姓名' },
  { label: '证件类型', typed: '居民', shown: '居民身份证', next: '证件号码' },
  { label: '性别', typed: '女', shown: '女', next: '出生日期' },
  { label: '民族', typed: '满', shown: '满族', next: '联系电话' },
  { label: '特殊群体', typed: '妇女', shown: '妇女', next: '残疾类别' },
  { label: '残疾类别', typed: '视力', shown: '视力残疾', next: '案件类型' },
  { label: '案件类型', typed: '刑事', shown: '刑事', next: '诉讼阶段' },
  { label: '诉讼阶段', typed: '审查', shown: '审查起诉', next: '案号' },
  { label: '羁押状态', typed: '取保', shown: '取保候审', next: '办案机关' },
  { label: '帮助类型', typed: '法律咨询', shown: '法律咨询', next: '咨询事项' },
  { label: '法律援助', typed: '当场', shown: '当场申请', next: '申请事项' },
  { label: '申请事项', typed: '劳动关系', shown: '请求确认劳动关系', next: '无固定生活来源' },
  { label: '在押人员申请', typed: '约见', shown: '约见值班律师', next: '收到申请时间' },
];

test('typing into every select of the consultation form: the options filter, Enter picks, Tab moves on', async ({ station }) => {
  test.setTimeout(180_000);
  const { page } = await station.launchSetUp();
  const drawer = await openNewContact(page);

  await pickDutyLawyer(page);
  await expect(selectOf(drawer, '值班律师')).toContainText('王𠮷');
  await page.keyboard.press('Tab');
  await expect(drawer.getByLabel('接待地点', { exact: true })).toBeFocused();
  // The lawyer's list has closed before the next one opens (its closing motion takes a moment).
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);

  for (const s of SELECTS) {
    await tabTo(page, s.label);
    await page.keyboard.type(s.typed);
    const active = await activeOptionOfFocused(page);
    await expect(active).toContainText(s.shown);
    if (s.label === '帮助类型') {
      // What the user sees while typing: the list filtered to what was typed.
      await page.screenshot({ path: 'test-results/forms-select-open.png' });
    }
    await page.keyboard.press('Enter');
    await expect(selectOf(drawer, s.label)).toContainText(s.shown);
    // Some fields appear with the pick (收到申请时间 with a request): Tab once it is on screen.
    await expect(drawer.getByLabel(s.next, { exact: true })).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(drawer.getByLabel(s.next, { exact: true }), `Tab after ${s.label}`).toBeFocused();
    // Moving on changed nothing: the pick is still there, and no list is left open.
    await expect(selectOf(drawer, s.label)).toContainText(s.shown);
    await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
  }
});

test('the Tab order stays the same after a valid ID number fills gender and birth date', async ({ station }) => {
  test.setTimeout(120_000);
  const { page } = await station.launchSetUp();
  const drawer = await openNewContact(page);
  const idField = drawer.getByLabel('证件号码', { exact: true });

  const tabWalkFromId = async () => {
    await idField.focus();
    const places: string[] = [];
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      places.push(await focusedPlace(page));
    }
    return places;
  };

  const before = await tabWalkFromId();
  await idField.fill('210102198506120039');
  await expect(drawer.getByText('已按身份证号码填入出生日期 1985-06-12、性别男')).toBeVisible();
  await expect(selectOf(drawer, '性别')).toContainText('男');
  await expect(drawer.getByLabel('出生日期', { exact: true })).toHaveValue('1985-06-12');
  expect(await tabWalkFromId()).toEqual(before);
});

test('Alt+N from another page opens a new contact with the caret in its first field', async ({ station }) => {
  test.setTimeout(120_000);
  const { page } = await station.launchSetUp();
  await page.getByRole('menuitem', { name: '统计' }).click();
  await expect(page.getByRole('heading', { level: 3, name: '统计' })).toBeVisible();
  await page.keyboard.press('Alt+N');
  await expect(page.getByRole('heading', { level: 3, name: '咨询登记' })).toBeVisible();
  const drawer = page.locator('.ant-drawer').filter({ hasText: '新登记' });
  await expect(drawer.getByLabel('值班律师', { exact: true })).toBeFocused();
});

test('Enter in the add-account dialog saves the account', async ({ station }) => {
  test.setTimeout(120_000);
  const { page } = await station.launchSetUp();
  await page.getByRole('menuitem', { name: '设置' }).click();
  await page.getByRole('button', { name: '添加账户' }).click();
  const dialog = page.getByRole('dialog', { name: '添加账户' });
  await dialog.getByLabel('用户名').fill('zhangsan');
  await dialog.getByLabel('姓名').fill('张三');
  await dialog.getByLabel('初始密码').fill('Lawyer#2026a');
  await page.keyboard.press('Enter');
  await expect(page.getByText('已添加账户 zhangsan')).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('accounts').getByRole('cell', { name: 'zhangsan', exact: true })).toBeVisible();
});

test("a mediation form's message goes once its field is corrected, and stays at a field still wrong", async ({ station }) => {
  test.setTimeout(120_000);
  const { page } = await station.launchSetUp();
  await page.getByRole('menuitem', { name: '调解' }).click();
  await page.getByRole('button', { name: '记录调解' }).click();
  const form = page.getByRole('form', { name: '调解记录' });
  const errorAt = (label: string) =>
    form
      .locator('.ant-form-item')
      .filter({ has: page.getByLabel(label, { exact: true }) })
      .locator('.ant-form-item-explain-error');

  await form.getByRole('button', { name: '保存' }).click();
  await expect(errorAt('调解地点')).toBeVisible();
  await expect(errorAt('案由')).toBeVisible();

  await form.getByLabel('调解地点', { exact: true }).fill('沈阳市和平区人民法院');
  await expect(errorAt('调解地点')).toHaveCount(0);
  await expect(errorAt('案由')).toBeVisible();
});
