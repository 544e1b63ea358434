import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from './fixtures';
import { logSuspectContact } from './support/contacts';
import { acknowledgeRecoveryCode, addLawyer, fillAdmin, fillProfile, SAMPLE_LAWYER, SAMPLE_PROFILE } from './support/setup';
import { createRecipientKeyFiles, readRecipientSecret, recipientFingerprint, serializeKeyFile } from '../../electron/services/batch/recipientKeys';
import { verifyZipFile } from '../../electron/services/batch/zipArchive';

const CLIENT = { name: '欧阳䶮', id: '11010519491231002X' };

/** The encodings a name could leak in: UTF-8, UTF-16LE, and the base64 of its UTF-8. */
function occurs(haystack: Buffer, text: string): boolean {
  const utf8 = Buffer.from(text, 'utf8');
  return [utf8, Buffer.from(text, 'utf16le'), Buffer.from(utf8.toString('base64'))].some((needle) => haystack.includes(needle));
}

test('a supervisor registers the province’s centre after confirming its fingerprint, and the batch on the stick is v2 that only the centre can read', async ({
  station,
}) => {
  test.setTimeout(180_000);
  // The centre's software made its key pair (国密); the station receives the public file.
  const { publicFile, privateFile } = createRecipientKeyFiles('gm-1', '辽宁省法律援助中心');
  const keys = mkdtempSync(path.join(os.tmpdir(), 'centre-key-'));
  const keyPath = path.join(keys, 'liaoning.dlrecipient.json');
  writeFileSync(keyPath, serializeKeyFile(publicFile));
  const secret = readRecipientSecret(serializeKeyFile(privateFile));
  if (!secret.ok) throw new Error(secret.reason);
  const usb = mkdtempSync(path.join(os.tmpdir(), 'usb-'));
  await station.answerDialogs({ keyFile: keyPath, folder: usb });

  const app = await station.launchSetUp();
  const { page } = app;
  await logSuspectContact(page, { name: CLIENT.name, idNumber: CLIENT.id });

  await page.getByRole('menuitem', { name: '设置' }).click();
  const card = page.locator('.ant-card').filter({ hasText: '接收中心与批次加密' });
  await expect(card.getByRole('table', { name: '接收中心' }).or(card.getByLabel('接收中心'))).toContainText('尚未登记接收中心');
  // The station still uses the international suite: a 国密 key is refused, in Chinese.
  await card.getByRole('button', { name: '登记接收中心…' }).click();
  await expect(page.getByText(/^无法登记：该密钥文件使用国密算法.*本站设置的算法套件是国际算法/)).toBeVisible();

  // The radio follows what main kept, so it is clicked, not checked.
  await card.getByRole('radio', { name: /国密算法/ }).click();
  await expect(page.getByText('算法套件已改为国密算法（SM2 / SM3 / SM4）')).toBeVisible();
  await expect(card.getByRole('radio', { name: /国密算法/ })).toBeChecked();
  await card.getByRole('button', { name: '登记接收中心…' }).click();
  const confirm = page.getByRole('dialog').filter({ hasText: '登记接收中心“辽宁省法律援助中心”' });
  await expect(confirm.getByLabel('接收中心公钥指纹')).toHaveText(recipientFingerprint(publicFile)!);
  await confirm.getByRole('button', { name: '指纹一致，登记' }).click();
  await expect(page.getByText('已登记接收中心：辽宁省法律援助中心')).toBeVisible();
  await expect(card.locator('tbody tr').filter({ hasText: '辽宁省法律援助中心' })).toContainText(recipientFingerprint(publicFile)!);
  await card.screenshot({ path: test.info().outputPath('centres.png') });
  // With a centre registered the suite is fixed until it is removed.
  await card.getByRole('radio', { name: /国际算法/ }).click();
  await expect(page.getByText(/未更改：已登记的接收中心使用国密算法/)).toBeVisible();
  await expect(card.getByRole('radio', { name: /国密算法/ })).toBeChecked();

  await page.getByRole('menuitem', { name: '数据报送' }).click();
  await expect(page.getByText('批次将加密给 1 个接收中心：辽宁省法律援助中心（国密算法（SM2 / SM3 / SM4））')).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /导出未加密的批次/ })).toHaveCount(0);
  await page.getByRole('button', { name: '导出批次…' }).click();
  const done = page.getByRole('dialog').filter({ hasText: '批次第 1 号已导出并校验通过' });
  await expect(done).toBeVisible({ timeout: 30_000 });
  await done.getByRole('button', { name: /知道了|OK|确定/ }).click();

  // The audit trail names the centre and its fingerprint.
  await page.getByRole('menuitem', { name: '设置' }).click();
  await expect(page.getByText(`登记接收中心：辽宁省法律援助中心（国密算法（SM2 / SM3 / SM4），指纹 ${recipientFingerprint(publicFile)!}）`)).toBeVisible();
  await app.close();

  const files = readdirSync(usb);
  expect(files).toHaveLength(1);
  const file = path.join(usb, files[0]!);
  const report = await verifyZipFile(file, { fileName: files[0]!, recipientKey: secret.value });
  expect(report.problems).toEqual([]);
  expect(report.decrypted).toBe(true);
  expect(report.manifestV2?.suite).toBe('gm-1');
  expect(report.records).toBe(1);
  const bytes = readFileSync(file);
  for (const text of [CLIENT.name, CLIENT.id]) expect(occurs(bytes, text)).toBe(false);
});

test('the province’s suite is chosen at setup, recorded in the audit trail, and shown on the settings page', async ({ station }) => {
  const app = await station.launchFresh();
  const { page } = app;
  await expect(page.getByRole('heading', { name: '欢迎使用值班律师工作站' })).toBeVisible();
  await fillProfile(page, SAMPLE_PROFILE);
  await addLawyer(page, SAMPLE_LAWYER);
  await fillAdmin(page);
  await page.getByRole('radio', { name: /国密算法/ }).check();
  await page.getByRole('button', { name: '完成设置' }).click();
  await acknowledgeRecoveryCode(page);
  await expect(page.getByTestId('station-name')).toHaveText(SAMPLE_PROFILE.name);

  await page.getByRole('menuitem', { name: '设置' }).click();
  const card = page.locator('.ant-card').filter({ hasText: '接收中心与批次加密' });
  await expect(card.getByRole('radio', { name: /国密算法/ })).toBeChecked();
  await expect(page.getByText('数据报送算法套件：国际算法（Ed25519 / X25519 / AES-256-GCM） → 国密算法（SM2 / SM3 / SM4）')).toBeVisible();
  await app.close();
});
