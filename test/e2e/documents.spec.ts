import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from './fixtures';
import { SAMPLE_PROFILE } from './support/setup';
import { finishConsultation, pickByKeyboard, typeInto, pickDutyLawyer } from './support/keyboard';

test('a lawyer drafts a civil complaint from a logged contact, edits a field, saves it and finds it in the documents page', async ({ station }) => {
  const { page } = await station.launchSetUp();

  // Log a civil contact: a migrant worker owed wages.
  await page.keyboard.press('Alt+N');
  await expect(page.locator('.ant-drawer').filter({ hasText: '新登记' })).toBeVisible();
  await pickDutyLawyer(page);
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
  await pickByKeyboard(page, '来访人身份', '当事人');
  await typeInto(page, '姓名', '赵𠮷');
  await typeInto(page, '证件号码', '210102199003071233');
  await pickByKeyboard(page, '案件类型', '民事');
  await typeInto(page, '案由/罪名', '劳务合同纠纷');
  await finishConsultation(page, '赵𠮷', '在某建筑工地务工八个月，包工头拖欠工资三万八千五百元');

  // From the record: draft a 民事起诉状.
  await page.getByTestId('consultation-row').first().click();
  // A click that lands while the drawer or the menu is still animating does nothing: as a
  // user would, open the menu again if it is not showing and pick the item until the draft opens.
  const complaintItem = page.getByRole('menuitem', { name: '民事起诉状', exact: true });
  const form = page.getByRole('form', { name: '民事起诉状内容' });
  // The draft page replaces the record's drawer: once it shows, a retry must not look for the menu again.
  await expect(async () => {
    if (await form.isVisible()) return;
    if (!(await complaintItem.isVisible())) await page.getByRole('button', { name: '起草文书' }).click({ timeout: 3_000 });
    await complaintItem.click({ timeout: 3_000 });
    await expect(form).toBeVisible({ timeout: 10_000 });
  }).toPass({ timeout: 60_000 });
  await expect(form.getByLabel('原告', { exact: true })).toHaveValue('赵𠮷，男，1990年3月7日出生，证件号码210102199003071233');
  await expect(form.getByLabel('事实与理由')).toHaveValue('在某建筑工地务工八个月，包工头拖欠工资三万八千五百元');
  await expect(form.getByLabel('具状人')).toHaveValue('赵𠮷');
  // The preview is the real PDF, drawn page by page.
  await expect(page.getByTestId('pdf-pages').locator('canvas')).toHaveCount(1);

  // Saving with fields missing shows the problems at the fields.
  await page.getByRole('button', { name: '保存并编号' }).click();
  await expect(form.getByText('请填写被告')).toBeVisible();
  await expect(form.getByText('请至少填写一条诉讼请求')).toBeVisible();

  await form.getByLabel('被告', { exact: true }).fill('钱某，男，住沈阳市皇姑区黄河南大街100号');
  await form.getByRole('button', { name: '添加诉讼请求' }).click();
  await form.getByLabel('诉讼请求第 1 条', { exact: true }).fill('判令被告支付拖欠工资人民币38,500元');
  await form.getByLabel('受诉法院').fill('沈阳市和平区人民法院');
  // Edit a pre-filled field.
  await form.getByLabel('事实与理由').fill('原告自2026年3月起在被告承包的工地务工，被告至今拖欠工资38,500元。');
  await page.getByRole('button', { name: '保存并编号' }).click();

  const number = `〔${new Date().getFullYear()}〕${SAMPLE_PROFILE.code}值字第0001号`;
  await expect(page.getByText(`已保存：${number}`)).toBeVisible();
  const viewer = page.locator('.ant-drawer').filter({ hasText: number });
  await expect(viewer.getByText('第 1 版')).toBeVisible();
  await expect(viewer.getByRole('img', { name: '第 1 页' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('document-viewer.png') });

  // The saved PDF is the edited text, byte for byte what was recorded.
  const folder = mkdtempSync(path.join(os.tmpdir(), 'dls-pdf-'));
  await station.answerDialogs({ folder });
  await viewer.getByRole('button', { name: '另存为 PDF' }).click();
  await expect(page.getByText(/已保存到/)).toBeVisible();
  const sha = (await viewer.locator('code').textContent())?.trim();
  const { createHash } = await import('node:crypto');
  const saved = readFileSync(path.join(folder, '民事起诉状_赵𠮷_v1.pdf'));
  expect(createHash('sha256').update(saved).digest('hex')).toBe(sha);
  await page.keyboard.press('Escape');
  await expect(viewer).toBeHidden();

  // In the documents page: listed, and found by the client's name and by the number.
  await page.getByRole('menuitem', { name: '法律文书' }).click();
  const rows = page.locator('.ant-table-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(number);
  await expect(rows.first()).toContainText('民事起诉状');
  await expect(rows.first()).toContainText('赵𠮷');
  const search = page.getByLabel('搜索文书');
  await search.fill('赵𠮷');
  await search.press('Enter');
  await expect(rows).toHaveCount(1);
  await search.fill('法律意见');
  await search.press('Enter');
  await expect(rows).toHaveCount(0);
  await search.fill('0001');
  await search.press('Enter');
  await expect(rows).toHaveCount(1);

  // Editing makes a second version under the same number; the first stays.
  await rows.first().click();
  await page.getByRole('button', { name: '修改（生成新版本）' }).click();
  await form.getByLabel('受诉法院').fill('沈阳市皇姑区人民法院');
  await page.getByRole('button', { name: '保存并编号' }).click();
  await expect(page.getByText(`已保存：${number}（第 2 版）`)).toBeVisible();
  await expect(page.locator('.ant-drawer').getByText('全部版本')).toBeVisible();
});

test('picking the element-style labour complaint warns that arbitration comes first; its form offers the model form’s choices and previews', async ({
  station,
}) => {
  // A five-page form on a shared machine: setup plus the first preview outlast the default budget.
  test.slow();
  const { page } = await station.launchSetUp();
  await page.getByRole('menuitem', { name: '法律文书' }).click();

  const pick = async () => {
    await page.getByRole('button', { name: '新建文书' }).hover();
    await page.getByRole('menuitem', { name: '民事起诉状（劳动争议纠纷·要素式）' }).click();
  };
  await pick();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('劳动争议须先申请劳动争议仲裁');
  await expect(dialog).toContainText('《中华人民共和国劳动争议调解仲裁法》第五条、第二十九条、第五十条');
  await page.screenshot({ path: test.info().outputPath('labour-notice.png') });
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('form')).toHaveCount(0);

  await pick();
  await dialog.getByRole('button', { name: '继续起草民事起诉状（劳动争议纠纷·要素式）' }).click();
  const form = page.getByRole('form', { name: '民事起诉状（劳动争议纠纷·要素式）内容' });
  await expect(form).toBeVisible();
  // The warning stays above the form while drafting.
  await expect(page.getByRole('alert')).toContainText('仲裁前置');

  await form.getByLabel('是否接受电子送达').click();
  await page.locator('.ant-select-dropdown:visible').getByTitle('是', { exact: true }).click();
  await expect(form.locator('.ant-select-content[title="是"]')).toHaveCount(1);
  await form.getByLabel('电子送达方式及号码').fill('短信：13904001122');
  await form.getByLabel('1. 是否主张工资支付：金额（元）').fill('38500');
  await form.getByLabel('6. 是否主张解除劳动合同经济补偿：金额（元）').fill('7700.5');
  await page.screenshot({ path: test.info().outputPath('labour-draft.png') });
  // Five pages of form: the first preview takes longer than a one-page letter.
  await expect(page.getByTestId('pdf-pages').locator('canvas').first()).toBeVisible({ timeout: 30_000 });
});
