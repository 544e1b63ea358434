import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, TARGET } from './fixtures';
import { logSuspectContact } from './support/contacts';
import { createRecipientKeyFiles, readRecipientSecret, serializeKeyFile } from '../../electron/services/batch/recipientKeys';
import { signingKeyFingerprint } from '../../electron/services/batch/stationKey';
import { centreSigningKeys, startCentreServer } from '../support/centreServer';

async function exportBatch(page: Page, sequence: number) {
  await page.getByRole('menuitem', { name: '数据报送' }).click();
  await expect(page.getByText(/批次将加密给 1 个接收中心：沈阳市法律援助中心/)).toBeVisible();
  await page.getByRole('button', { name: '导出批次…' }).click();
  const done = page.getByRole('dialog').filter({ hasText: `批次第 ${sequence} 号已导出并校验通过` });
  await expect(done).toBeVisible({ timeout: 30_000 });
  await done.getByRole('button', { name: /知道了|OK|确定/ }).click();
  await expect(done).toBeHidden();
}

const statusOf = (page: Page, sequence: number) => page.getByLabel(`批次第 ${sequence} 号的状态`);

test('batches reach the centre: a receipt file carried back on the stick, then uploads that retry until the centre answers, each shown 已送达', async ({
  station,
}) => {
  test.setTimeout(240_000);
  // The centre: its encryption key (registered at the station) and its signing key (for receipts).
  const { publicFile, privateFile } = createRecipientKeyFiles('intl-1', '沈阳市法律援助中心');
  const secret = readRecipientSecret(serializeKeyFile(privateFile));
  if (!secret.ok) throw new Error(secret.reason);
  const signing = centreSigningKeys();
  const keys = mkdtempSync(path.join(os.tmpdir(), 'centre-key-'));
  const keyPath = path.join(keys, 'shenyang.dlrecipient.json');
  writeFileSync(keyPath, serializeKeyFile(publicFile));
  const usb = mkdtempSync(path.join(os.tmpdir(), 'usb-'));
  await station.answerDialogs({ keyFile: keyPath, folder: usb });
  // Main's backoff, kept short here through its service port (the app itself waits 5 s, 30 s, …).
  station.useRetryDelays([1500]);
  const centre = await startCentreServer({ recipientKey: secret.value, signingKeys: signing });

  try {
    const app = await station.launchSetUp();
    const { page } = app;
    await page.getByRole('menuitem', { name: '设置' }).click();
    const centres = page.locator('.ant-card').filter({ hasText: '接收中心与批次加密' });
    await centres.getByRole('button', { name: '登记接收中心…' }).click();
    await page.getByRole('dialog').filter({ hasText: '登记接收中心“沈阳市法律援助中心”' }).getByRole('button', { name: '指纹一致，登记' }).click();
    await expect(page.getByText('已登记接收中心：沈阳市法律援助中心')).toBeVisible();

    // (a) Batch 1 travels on the stick; the centre's receipt file comes back the same way.
    await page.getByRole('menuitem', { name: '咨询登记' }).click();
    await logSuspectContact(page, { name: '王小明', idNumber: '210102199001011237' });
    await exportBatch(page, 1);
    await expect(statusOf(page, 1)).toContainText('未送达');
    const batchFile = path.join(usb, readdirSync(usb).find((f) => f.endsWith('.dlbatch.zip'))!);

    // The centre imports the stick and writes its receipt; one altered after signing is refused, with the reason.
    const genuine = await centre.ingestFile(batchFile);
    const forgedPath = path.join(usb, 'forged.receipt.json');
    writeFileSync(forgedPath, JSON.stringify({ ...genuine.document, receipt: { ...genuine.document.receipt, records: 99 } }));
    await station.answerDialogs({ receiptFile: forgedPath });
    await page.getByRole('button', { name: '导入回执…' }).click();
    const refused = page.getByRole('dialog').filter({ hasText: '批次第 1 号的回执未通过核对，未采用' });
    await expect(refused.getByLabel('回执问题')).toHaveText('回执签名无效');
    await refused.getByRole('button', { name: '知道了' }).click();
    await expect(statusOf(page, 1)).toContainText('未送达');

    // The genuine one: the centre's signing key is new here, so its fingerprint is read back first.
    await station.answerDialogs({ receiptFile: genuine.path });
    await page.getByRole('button', { name: '导入回执…' }).click();
    const confirm = page.getByRole('dialog').filter({ hasText: '核对批次第 1 号回执的签名' });
    await expect(confirm.getByLabel('回执签名公钥指纹')).toHaveText(signingKeyFingerprint('intl-1', signing['intl-1'].publicKey)!);
    await expect(confirm.getByLabel('接收中心名称')).toHaveValue('沈阳市法律援助中心');
    await confirm.getByRole('button', { name: '指纹一致，确认' }).click();
    await expect(page.getByText('批次第 1 号已送达沈阳市法律援助中心（回执已核对）')).toBeVisible();
    await expect(statusOf(page, 1)).toContainText('已送达');
    await expect(statusOf(page, 1)).toContainText('沈阳市法律援助中心 于');
    await expect(statusOf(page, 1)).toContainText('（回执文件，签名已核对，1 条记录）');

    // (b) An upload address: the next batches go to the centre from main.
    await page.getByRole('menuitem', { name: '设置' }).click();
    const delivery = page.locator('.ant-card').filter({ hasText: '在线报送与回执' });
    await delivery.getByLabel('接收中心上传地址').fill('http://legalaid.example.cn');
    await delivery.getByRole('button', { name: '保存地址' }).click();
    await expect(page.getByText('未保存：上传地址须以 https:// 开头（http:// 仅限本机地址，用于测试）')).toBeVisible();
    await delivery.getByLabel('接收中心上传地址').fill(centre.url);
    await delivery.getByRole('button', { name: '保存地址' }).click();
    await expect(page.getByText(`上传地址已保存：${centre.url}`)).toBeVisible();
    await expect(delivery.getByRole('table', { name: '回执签名公钥' }).or(delivery.getByLabel('回执签名公钥'))).toContainText('沈阳市法律援助中心');
    await delivery.screenshot({ path: test.info().outputPath('delivery-card.png') });

    // The centre is down: batch 2 stays 未送达 and says when it tries again.
    centre.failNext(1_000_000);
    await page.getByRole('menuitem', { name: '咨询登记' }).click();
    await logSuspectContact(page, { name: '李四', idNumber: '210102198505052345' });
    await exportBatch(page, 2);
    await expect(statusOf(page, 2)).toContainText('未送达');
    await expect(statusOf(page, 2)).toContainText(/第 \d+ 次上传未成功：接收中心暂时无法处理（HTTP 503）；将于 \d\d:\d\d:\d\d 自动重试/);
    await page
      .getByRole('table', { name: '报送记录' })
      .or(page.getByLabel('报送记录'))
      .first()
      .screenshot({ path: test.info().outputPath('history-waiting.png') });
    // The centre is back; the next automatic try delivers (the Electron app waits longer: retry by hand there).
    centre.failNext(0);
    if (TARGET === 'electron') await page.getByRole('button', { name: '立即重试' }).click();
    await expect(statusOf(page, 2)).toContainText('已送达', { timeout: 30_000 });
    await expect(statusOf(page, 2)).toContainText('（上传，签名已核对，1 条记录）');

    // With the centre up, batch 3 is delivered right after its export.
    await page.getByRole('menuitem', { name: '咨询登记' }).click();
    await logSuspectContact(page, { name: '赵五', idNumber: '210102197803033455' });
    await exportBatch(page, 3);
    await expect(statusOf(page, 3)).toContainText('已送达', { timeout: 30_000 });
    await page
      .getByRole('table', { name: '报送记录' })
      .or(page.getByLabel('报送记录'))
      .first()
      .screenshot({ path: test.info().outputPath('history-delivered.png') });

    // Every try sent the bytes on the drive, and the centre's head is this station's batch 3.
    const files = readdirSync(usb)
      .filter((f) => f.endsWith('.dlbatch.zip'))
      .sort();
    const stored = files.slice(1).map((f) => readFileSync(path.join(usb, f)));
    expect(centre.bodies.length).toBeGreaterThanOrEqual(3);
    for (const body of centre.bodies) expect(stored.some((s) => s.equals(body))).toBe(true);
    expect(centre.answers.filter((a) => a === 201)).toHaveLength(2);
    expect([...centre.heads.values()].map((h) => h.sequence)).toEqual([3]);
    await app.close();
  } finally {
    await centre.close();
  }
});
