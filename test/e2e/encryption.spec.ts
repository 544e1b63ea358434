import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { pickDutyLawyer } from './support/keyboard';
import { SAMPLE_LAWYER, signIn } from './support/setup';

const CLIENT = { name: '欧阳䶮', id: '11010519491231002X', question: '房屋拆迁补偿款被村委会扣留' };

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Every encoding Chromium may store a string in: Latin-1/UTF-8 for ASCII, UTF-16LE and UTF-8 for Chinese. */
function occurs(haystack: Buffer, text: string): boolean {
  return [Buffer.from(text, 'utf8'), Buffer.from(text, 'utf16le')].some((needle) => haystack.includes(needle));
}

test('a client’s name, ID number and question never reach the disk in the clear', async ({ station }) => {
  let app = await station.launchSetUp();
  const { page } = app;
  await page.getByRole('button', { name: '新登记' }).click();
  await pickDutyLawyer(page);
  const form = page.locator('.ant-drawer').filter({ hasText: '新登记' });
  await form.getByLabel('来访人身份').click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .and(page.getByTitle('近亲属', { exact: true }))
    .click();
  await form.getByLabel('姓名').fill(CLIENT.name);
  await form.getByLabel('证件号码').fill(CLIENT.id);
  await form.getByLabel('诉讼阶段').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '审判' }).click();
  await form.getByLabel('帮助类型').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '法律咨询' }).first().click();
  await form.getByLabel('咨询事项').fill(CLIENT.question);
  await form.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText(`已登记：${CLIENT.name}`)).toBeVisible();
  await app.close();

  const disk = Buffer.concat(filesUnder(station.dataDir).map((f) => readFileSync(f)));
  // Control: the roster is not client data and is stored as typed, so the scan does see
  // plain text where there is some (compression would otherwise hide a leak).
  expect(occurs(disk, SAMPLE_LAWYER.licenceNo)).toBe(true);
  expect(occurs(disk, CLIENT.id)).toBe(false);
  expect(occurs(disk, CLIENT.name)).toBe(false);
  expect(occurs(disk, '欧阳')).toBe(false);
  expect(occurs(disk, CLIENT.question)).toBe(false);

  // And the record is all there after signing in again.
  app = await station.launch();
  await signIn(app.page);
  await app.page.getByLabel('搜索登记').fill(CLIENT.id.slice(0, 10));
  await expect(app.page.getByTestId('consultation-row').first()).toContainText(CLIENT.name);
});
