import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from './fixtures';
import { logSuspectContact } from './support/contacts';
import { completeSetup, SAMPLE_LAWYER, SAMPLE_PROFILE, signIn } from './support/setup';
import { checkReceipt, receiptFileName } from '../../core/batch/receipt';
import { readRecipientPublicKey } from '../../electron/services/batch/recipientKeys';
import { signingKeyFingerprint } from '../../electron/services/batch/stationKey';
import { nodeSuites } from '../../electron/services/batch/suites';
import { readZip } from '../unit/batch/support';

const CLIENT = { name: '欧阳䶮', id: '11010519491231002X' };
const CENTRE = { code: 'LN01-FYZX', name: '沈阳市法律援助中心', kindLabel: '法律援助中心', regionCode: '210100', address: '沈阳市和平区中华路 1 号' };

test('a legal-aid centre creates its recipient key, a station encrypts to it, the centre imports the batch and writes a receipt, and the station takes the receipt and shows 已送达', async ({
  station,
}) => {
  test.setTimeout(300_000);
  const keys = mkdtempSync(path.join(os.tmpdir(), 'centre-keys-'));
  const usb = mkdtempSync(path.join(os.tmpdir(), 'usb-'));

  // 1. The centre: a fresh installation set up as 法律援助中心 makes its key and exports the public file.
  await station.answerDialogs({ folder: keys });
  let centre = await station.launchFresh();
  await completeSetup(centre.page, CENTRE, [SAMPLE_LAWYER]);
  await centre.page.getByRole('menuitem', { name: '设置' }).click();
  const card = centre.page.locator('.ant-card').filter({ has: centre.page.locator('.ant-card-head-title', { hasText: /^本中心的接收密钥$/ }) });
  await expect(card.getByLabel('本中心的接收密钥')).toContainText('尚未生成接收密钥');
  await card.getByRole('button', { name: '生成接收密钥…' }).click();
  const dialog = centre.page.getByRole('dialog', { name: '生成本中心的接收密钥' });
  // The centre's name is the default.
  await expect(dialog.getByLabel('名称')).toHaveValue(CENTRE.name);
  await dialog.getByRole('button', { name: '生成' }).click();
  await expect(centre.page.getByText(/^已生成接收密钥：沈阳市法律援助中心（keyId [0-9a-f]{16}）$/)).toBeVisible();
  const row = card.locator('tbody tr').filter({ hasText: CENTRE.name });
  const fingerprint = (await row.getByLabel('接收密钥指纹').innerText()).trim();
  expect(fingerprint).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){15}$/);
  await row.getByRole('button', { name: '导出公钥文件…' }).click();
  await expect(centre.page.getByText(/^公钥文件已保存：/)).toBeVisible();
  // The plain private key goes out only after its warning.
  await row.getByRole('button', { name: '导出明文私钥…' }).click();
  const warning = centre.page.getByRole('dialog').filter({ hasText: '导出明文私钥？' });
  await expect(warning).toContainText('明文私钥：任何拿到该文件的人都能读取加密给本中心的全部批次');
  await warning.getByRole('button', { name: '取消' }).click();
  await expect(warning).toBeHidden();
  await card.screenshot({ path: test.info().outputPath('centre-keys.png') });
  await expect(centre.page.getByText(/生成本中心的接收密钥：沈阳市法律援助中心（国际算法.*指纹 /)).toBeVisible();
  await expect(centre.page.getByText(/导出本中心接收密钥的公钥文件：沈阳市法律援助中心/)).toBeVisible();
  await centre.close();

  const written = readdirSync(keys);
  expect(written).toHaveLength(1);
  const keyPath = path.join(keys, written[0]!);
  const publicFile = readRecipientPublicKey(readFileSync(keyPath, 'utf8'));
  expect(publicFile.ok && publicFile.value).toMatchObject({ suite: 'intl-1', name: CENTRE.name });

  // 2. A station registers the centre's key (fingerprint confirmed) and exports a v2 batch to the stick.
  await station.answerDialogs({ keyFile: keyPath, folder: usb });
  const app = await station.launchSetUp();
  await logSuspectContact(app.page, { name: CLIENT.name, idNumber: CLIENT.id });
  await app.page.getByRole('menuitem', { name: '设置' }).click();
  // Not a centre: no recipient keys of its own.
  await expect(app.page.locator('.ant-card').filter({ hasText: '接收中心与批次加密' })).toBeVisible();
  await expect(app.page.getByText('本中心的接收密钥', { exact: true })).toHaveCount(0);
  await app.page.getByRole('button', { name: '登记接收中心…' }).click();
  const confirm = app.page.getByRole('dialog').filter({ hasText: `登记接收中心“${CENTRE.name}”` });
  await expect(confirm.getByLabel('接收中心公钥指纹')).toHaveText(fingerprint);
  await confirm.getByRole('button', { name: '指纹一致，登记' }).click();
  await expect(app.page.getByText(`已登记接收中心：${CENTRE.name}`)).toBeVisible();
  await app.page.getByRole('menuitem', { name: '数据报送' }).click();
  await app.page.getByRole('button', { name: '导出批次…' }).click();
  const done = app.page.getByRole('dialog').filter({ hasText: '批次第 1 号已导出并校验通过' });
  await expect(done).toBeVisible({ timeout: 30_000 });
  await done.getByRole('button', { name: /知道了|OK|确定/ }).click();
  await app.close();
  const batches = readdirSync(usb);
  expect(batches).toHaveLength(1);
  const batchPath = path.join(usb, batches[0]!);

  // 3. The centre imports it: decrypted with its key, the records shown, the receipt written beside the batch.
  await station.answerDialogs({ batchFile: batchPath, folder: usb });
  centre = await station.launchFresh();
  await signIn(centre.page);
  const page = centre.page;
  await page.getByRole('menuitem', { name: '数据报送' }).click();
  await page.getByRole('button', { name: '选择批次文件…' }).click();
  await expect(page.getByText(`校验通过：${batches[0]!}`)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('（已用本中心的接收密钥解密核对）')).toBeVisible();
  await expect(page.getByText(/格式 v2，加密（国际算法/)).toBeVisible();
  await page.getByRole('button', { name: '导入该批次' }).click();
  await page.getByRole('button', { name: '指纹一致，登记并导入' }).click();
  await expect(page.getByText(/^已导入 1 条记录/)).toBeVisible();
  const imported = page.getByLabel('已导入记录');
  await expect(imported.locator('tbody tr').filter({ hasText: CLIENT.name })).toHaveCount(1);
  await expect(imported).toContainText(SAMPLE_PROFILE.name);
  await page.getByRole('button', { name: '写回执文件…' }).first().click();
  const receiptPath = path.join(usb, receiptFileName(batches[0]!));
  await expect(page.getByText(`回执文件已写入：${receiptPath}`)).toBeVisible();
  await page
    .locator('.ant-card')
    .filter({ hasText: '校验 / 导入批次' })
    .screenshot({ path: test.info().outputPath('centre-import.png') });
  // The same receipt can be written again later, from the imported batches.
  await expect(page.getByLabel('已导入的批次').getByRole('button', { name: '写回执文件…' })).toBeVisible();
  await centre.close();

  const manifest = (await readZip(batchPath)).find(([n]) => n === 'manifest.json')![1];
  const m = JSON.parse(manifest.toString('utf8')) as { batchId: string; station: { code: string }; sequence: number };
  const receipt = JSON.parse(readFileSync(receiptPath, 'utf8')) as unknown;
  const check = checkReceipt(
    receipt,
    {
      batchId: m.batchId,
      stationCode: m.station.code,
      sequence: m.sequence,
      manifestHash: createHash('sha256').update(manifest).digest('hex'),
      suite: 'intl-1',
    },
    nodeSuites,
  );
  expect(check.ok ? [] : check.problems).toEqual([]);
  expect(check.ok && check.document.receipt.records).toBe(1);
  const centreKey = (receipt as { publicKey: string }).publicKey;

  // 4. The stick goes back: the station imports the centre's receipt, reads the centre's key back, and the batch is delivered.
  await station.answerDialogs({ receiptFile: receiptPath });
  const back = await station.launch();
  await signIn(back.page);
  await back.page.getByRole('menuitem', { name: '数据报送' }).click();
  const status = back.page.getByLabel('批次第 1 号的状态');
  await expect(status).toContainText('未送达');
  await back.page.getByRole('button', { name: '导入回执…' }).click();
  const pin = back.page.getByRole('dialog').filter({ hasText: '核对批次第 1 号回执的签名' });
  await expect(pin.getByLabel('回执签名公钥指纹')).toHaveText(signingKeyFingerprint('intl-1', centreKey)!);
  await expect(pin.getByLabel('接收中心名称')).toHaveValue(CENTRE.name);
  await pin.getByRole('button', { name: '指纹一致，确认' }).click();
  await expect(back.page.getByText(`批次第 1 号已送达${CENTRE.name}（回执已核对）`)).toBeVisible();
  await expect(status).toContainText('已送达');
  await expect(status).toContainText('（回执文件，签名已核对，1 条记录）');
  await back.close();
});
