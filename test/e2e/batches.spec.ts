import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { completeSetup, signIn, SAMPLE_LAWYER } from './support/setup';
import { logSuspectContact } from './support/contacts';
import { readZip } from '../unit/batch/support';
import { verifyZipFile } from '../../electron/services/batch/zipArchive';

async function exportBatch(page: Page, sequence: number) {
  // No receiving centre is registered here: a batch in the clear needs the supervisor's explicit choice.
  const exportButton = page.getByRole('button', { name: '导出批次…' });
  await expect(page.getByText('尚未登记接收中心：批次将不加密')).toBeVisible();
  await expect(exportButton).toBeDisabled();
  await page.getByRole('checkbox', { name: '我了解风险，导出未加密的批次（格式 v1）' }).check();
  await exportButton.click();
  const done = page.getByRole('dialog').filter({ hasText: `批次第 ${sequence} 号已导出并校验通过` });
  await expect(done).toBeVisible({ timeout: 30_000 });
  await done.getByRole('button', { name: /知道了|OK|确定/ }).click();
  await expect(page.getByText('自上一批次以来没有新的或修改过的记录。')).toBeVisible();
}

async function lines(file: string, entry: string) {
  const found = (await readZip(file)).find(([n]) => n === entry);
  return found
    ? found[1]
        .toString('utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>)
    : [];
}

function verify(file: string, chain?: { previousManifestSha256: string; previousSequence: number }) {
  return verifyZipFile(file, { fileName: path.basename(file), ...(chain ? { chain } : {}) });
}

test('a supervisor exports two chained batches: the second holds only the edited record, and the centre ingests both read-only', async ({ station }) => {
  // Two installations, three launches: longer than one screen's test.
  test.setTimeout(300_000);
  const usb = mkdtempSync(path.join(os.tmpdir(), 'usb-'));
  await station.answerDialogs({ folder: usb });
  const app = await station.launchSetUp();
  const { page } = app;
  await logSuspectContact(page, { name: '李𠮷', idNumber: '210102201005011234' });
  await logSuspectContact(page, { name: '赵六', idNumber: '210102199003071233' });

  // The settings page shows the fingerprint the centre registers.
  await page.getByRole('menuitem', { name: '设置' }).click();
  await expect(page.getByLabel('公钥指纹')).toHaveText(/^[0-9A-F]{4}( [0-9A-F]{4}){15}$/);

  await page.getByRole('menuitem', { name: '数据报送' }).click();
  const pending = page.getByLabel('待报送记录');
  await expect(pending).toContainText('法律帮助登记2 条');
  await exportBatch(page, 1);

  // Edit one record, then export again.
  await page.getByRole('menuitem', { name: '咨询登记' }).click();
  await page.getByTestId('consultation-row').filter({ hasText: '赵六' }).click();
  await page.getByTestId('consultation-detail').getByRole('button', { name: '编辑' }).click();
  const editor = page.locator('.ant-drawer').filter({ hasText: '修改登记' });
  await editor.getByLabel('解答意见').fill('建议近亲属书面申请取保候审');
  await editor.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByTestId('history')).toContainText('修改（第 2 版）');
  await page.keyboard.press('Escape');

  await page.getByRole('menuitem', { name: '数据报送' }).click();
  await expect(pending).toContainText('法律帮助登记1 条');
  await exportBatch(page, 2);
  const history = page.getByRole('table', { name: '报送记录' }).or(page.getByLabel('报送记录'));
  await expect(history.locator('tbody tr')).toHaveCount(2);
  await page.screenshot({ path: test.info().outputPath('batches.png'), fullPage: true });

  const files = readdirSync(usb).sort();
  expect(files).toHaveLength(2);
  expect(files.every((f) => /^LN0102-KSS01_00000[12]_\d{8}_\d{8}\.dlbatch\.zip$/.test(f))).toBe(true);
  const [first, second] = files.map((f) => path.join(usb, f)) as [string, string];
  expect((await lines(first, 'consultations.jsonl')).map((l) => l.clientName).sort()).toEqual(['李𠮷', '赵六'].sort());
  const changed = await lines(second, 'consultations.jsonl');
  expect(changed).toHaveLength(1);
  expect(changed[0]).toMatchObject({ clientName: '赵六', rev: 2, advice: '建议近亲属书面申请取保候审', deleted: false });
  const firstManifest = (await readZip(first)).find(([n]) => n === 'manifest.json')![1];
  const secondManifest = JSON.parse((await readZip(second)).find(([n]) => n === 'manifest.json')![1].toString());
  expect(secondManifest.previousManifestSha256).toBe(createHash('sha256').update(firstManifest).digest('hex'));
  expect((await verify(first)).problems).toEqual([]);
  expect((await verify(second, { previousManifestSha256: secondManifest.previousManifestSha256, previousSequence: 1 })).problems).toEqual([]);
  await app.close();

  // At the centre: a fresh installation ingests the batches.
  await station.answerDialogs({ batchFile: first });
  let centre = await station.launchFresh();
  await completeSetup(centre.page, { code: 'LN01-ZX', name: '沈阳市法律援助中心', kindLabel: '法律援助中心', regionCode: '210100', address: '沈阳市和平区' }, [
    SAMPLE_LAWYER,
  ]);
  await centre.page.getByRole('menuitem', { name: '数据报送' }).click();
  await centre.page.getByRole('button', { name: '选择批次文件…' }).click();
  await expect(centre.page.getByText(/校验通过：LN0102-KSS01_000001/)).toBeVisible();
  await centre.page.getByRole('button', { name: '导入该批次' }).click();
  await centre.page.getByRole('button', { name: '指纹一致，登记并导入' }).click();
  await expect(centre.page.getByText('已导入 2 条记录')).toBeVisible();
  const imported = centre.page.getByLabel('已导入记录');
  await expect(imported.locator('tbody tr')).toHaveCount(2);
  await expect(imported).toContainText('沈阳市和平区看守所法律援助工作站');
  await centre.close();

  await station.answerDialogs({ batchFile: second });
  centre = await station.launchFresh();
  await signIn(centre.page);
  await centre.page.getByRole('menuitem', { name: '数据报送' }).click();
  await centre.page.getByRole('button', { name: '选择批次文件…' }).click();
  await expect(centre.page.getByText(/校验通过：LN0102-KSS01_000002/)).toBeVisible();
  await centre.page.getByRole('button', { name: '导入该批次' }).click();
  await expect(centre.page.getByText(/已导入 1 条记录/)).toBeVisible();
  await centre.page.getByLabel('已导入记录').locator('tbody tr').filter({ hasText: '赵六' }).click();
  const drawer = centre.page.locator('.ant-drawer').filter({ hasText: '只读' });
  await expect(drawer).toContainText('建议近亲属书面申请取保候审');
  await expect(drawer).toContainText('来自 沈阳市和平区看守所法律援助工作站');
  await centre.page.screenshot({ path: test.info().outputPath('imported.png') });

  // The same batch again changes nothing.
  await centre.page.keyboard.press('Escape');
  await centre.page.getByRole('button', { name: '选择批次文件…' }).click();
  await expect(centre.page.getByText('该批次已导入过；再次导入不会改变任何数据。')).toBeVisible();
});
