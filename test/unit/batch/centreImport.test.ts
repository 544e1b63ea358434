import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { SUITES, type SuiteId } from '../../../core/batch/formatV2';
import { checkReceipt, receiptFileName } from '../../../core/batch/receipt';
import { createCentreKeys } from '../../../electron/services/batch/centreKeys';
import { readRecipientPublicKey, readRecipientSecret } from '../../../electron/services/batch/recipientKeys';
import { fileSecretProtector } from '../../../electron/services/batch/secretProtector';
import { createStationKeys } from '../../../electron/services/batch/stationKey';
import { nodeSuites, suiteOf } from '../../../electron/services/batch/suites';
import type { ExportTarget } from '../../../electron/services/batch/exportJob';
import { memoryStore } from '../../../electron/services/settings/keyValueStore';
import { consultation, exportBatch, fakePdf, readZip, STATION, testStation, writeZip, type TestStation } from './support';
import { centre as cliCentre, v2DocumentLine, verifyV2File } from './v2Support';

const ACTOR = { id: 'sup-c', name: '周主任' };
const CENTRE_STATION = { code: 'LN01-FYZX', name: '沈阳市法律援助中心', kind: 'legal_aid_centre' as const, regionCode: '210100' };

/** A station of kind 法律援助中心 with its own keys, importing through the real batch service. */
function centreStation(options: { isCentre?: boolean } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'centre-'));
  const store = memoryStore();
  const protector = fileSecretProtector(join(dataDir, 'secrets', 'k'));
  const saves: string[] = [];
  let saveFolder: string | null = mkdtempSync(join(tmpdir(), 'centre-out-'));
  const keys = createCentreKeys({
    store,
    protector,
    isCentre: () => options.isCentre ?? true,
    chooseSavePath: async (name) => {
      saves.push(name);
      return saveFolder ? join(saveFolder, basename(name)) : null;
    },
  });
  const receiptPaths: string[] = [];
  const station: TestStation = testStation({
    station: CENTRE_STATION,
    store,
    protector,
    ports: {
      recipientKey: (m) => keys.secretFor(m),
      chooseReceiptPath: async (defaultPath) => {
        receiptPaths.push(defaultPath);
        // The person accepts the default: beside the batch on the stick.
        return defaultPath;
      },
    },
  });
  return {
    station,
    keys,
    store,
    saves,
    receiptPaths,
    outDir: () => saveFolder!,
    cancelSaves: () => (saveFolder = null),
    stationKeys: createStationKeys(store, protector),
  };
}

async function importAll(station: TestStation, path: string, confirm = true) {
  station.setImportFile(path);
  const summary = (await station.service.openImport())!;
  const verdict = await station.service.verifyImport({ token: summary.token });
  const records: { type: string; record: Record<string, unknown> }[] = [];
  const files: { path: string; sha256: string; data: string }[] = [];
  if (verdict.ok && !verdict.importRefusal) {
    for (;;) {
      const chunk = await station.service.readImport({
        token: summary.token,
        actor: ACTOR,
        ...(confirm && verdict.fingerprint ? { confirmedFingerprint: verdict.fingerprint } : {}),
      });
      records.push(...chunk.records);
      files.push(...chunk.files);
      if (chunk.done) break;
    }
  }
  station.service.closeImport({ token: summary.token });
  return { verdict, records, files };
}

async function manifestHashOf(path: string, suite: SuiteId): Promise<string> {
  const bytes = (await readZip(path)).find(([n]) => n === 'manifest.json')![1];
  const h = suiteOf(suite).hash();
  h.update(bytes);
  return h.digestHex();
}

describe('a centre’s own recipient keys', () => {
  for (const suite of SUITES) {
    it(`creates a key pair in ${suite}, keeps the private key only sealed, and exports the public and (on request) the plain private file`, async () => {
      const c = centreStation();
      const key = c.keys.create({ suite, name: ' 沈阳市法律援助中心 ', actor: ACTOR });
      expect(key).toMatchObject({ suite, name: '沈阳市法律援助中心', createdBy: ACTOR });
      expect(key.keyId).toBe(suiteOf(suite).keyIdOf(key.publicKey));
      expect(key.fingerprint).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){15}$/);
      expect(c.keys.list()).toEqual([key]);

      const pub = await c.keys.exportPublic({ keyId: key.keyId });
      const pubText = readFileSync(pub!.path, 'utf8');
      const read = readRecipientPublicKey(pubText);
      expect(read).toEqual({ ok: true, value: { format: 'dlbatch-recipient', suite, name: '沈阳市法律援助中心', publicKey: key.publicKey, keyId: key.keyId } });
      expect(pubText).not.toContain('privateKey');

      await expect(c.keys.exportPrivate({ keyId: key.keyId, acknowledgePlaintext: false })).rejects.toThrow('明确确认');
      const priv = await c.keys.exportPrivate({ keyId: key.keyId, acknowledgePlaintext: true });
      expect(statSync(priv!.path).mode & 0o777).toBe(0o600);
      const secret = readRecipientSecret(readFileSync(priv!.path, 'utf8'));
      expect(secret.ok).toBe(true);
      if (!secret.ok) return;
      expect(secret.value.publicKey).toBe(key.publicKey);
      // At rest the private key exists only sealed: its bytes appear nowhere in the settings.
      const stored = JSON.stringify(c.store.get('centreRecipientKeys'));
      expect(stored).not.toContain(Buffer.from(secret.value.privateKey).toString('base64'));
      expect(stored).not.toContain(Buffer.from(secret.value.privateKey).toString('hex'));
      expect(c.saves).toEqual([`centre-${suite}-${key.keyId}.public.json`, `centre-${suite}-${key.keyId}.private.json`]);
    });
  }

  it('is refused on a station that is not a legal-aid centre, and writes nothing when the dialog is cancelled', async () => {
    const notCentre = centreStation({ isCentre: false });
    expect(() => notCentre.keys.create({ suite: 'intl-1', name: '看守所', actor: ACTOR })).toThrow('法律援助中心');
    const c = centreStation();
    const key = c.keys.create({ suite: 'gm-1', name: '中心', actor: ACTOR });
    c.cancelSaves();
    expect(await c.keys.exportPublic({ keyId: key.keyId })).toBeNull();
    expect(await c.keys.exportPrivate({ keyId: key.keyId, acknowledgePlaintext: true })).toBeNull();
  });

  it('refuses a sealed key that was swapped for another', () => {
    const c = centreStation();
    const a = c.keys.create({ suite: 'intl-1', name: 'A', actor: ACTOR });
    const b = c.keys.create({ suite: 'intl-1', name: 'B', actor: ACTOR });
    const stored = c.store.get('centreRecipientKeys') as { sealedPrivateKey: string }[];
    c.store.set('centreRecipientKeys', [{ ...stored[0], sealedPrivateKey: stored[1]!.sealedPrivateKey }, stored[1]]);
    expect(() => c.keys.secretFor({ suite: 'intl-1', recipients: [{ keyId: a.keyId, publicKey: a.publicKey, encryptedKey: 'AA==' }] })).toThrow('已损坏');
    expect(c.keys.secretFor({ suite: 'intl-1', recipients: [{ keyId: b.keyId, publicKey: b.publicKey, encryptedKey: 'AA==' }] })?.keyId).toBe(b.keyId);
  });
});

describe.each(SUITES)('a centre imports format v2, suite %s', (suite) => {
  const sender = (recipients: string[]) => testStation({ exportTarget: () => ({ version: 2, suite, recipients }) });

  it('decrypts, verifies and hands out exactly the records and PDFs the station exported, then writes a receipt that checks', async () => {
    const c = centreStation();
    const key = c.keys.create({ suite, name: '沈阳市法律援助中心', actor: ACTOR });
    const other = cliCentre(suite, '辽宁省法律援助中心');
    const station = sender([other.publicKey, key.publicKey]);
    const pdf = fakePdf('法律援助申请表 𠮷');
    const doc = v2DocumentLine(suite, pdf);
    const records = [consultation(), consultation({ clientName: '李四', idNumber: '210102199001011234' })];
    const exported = await exportBatch(station, { consultations: records, documents: [doc] }, new Map([[doc.file as string, pdf]]));

    const back = await importAll(c.station, exported.path);
    expect(back.verdict.problems).toEqual([]);
    expect(back.verdict).toMatchObject({
      ok: true,
      decrypted: true,
      standing: 'new',
      recipient: { keyId: key.keyId, name: '沈阳市法律援助中心' },
      importRefusal: null,
    });
    expect(back.verdict.records).toBe(3);
    expect(back.records).toEqual([...records.map((record) => ({ type: 'consultations', record })), { type: 'documents', record: doc }]);
    expect(back.files).toHaveLength(1);
    expect(back.files[0]!.path).toBe(doc.file);
    expect(Buffer.from(back.files[0]!.data, 'base64').equals(pdf)).toBe(true);
    expect(back.files[0]!.sha256).toBe(createHash('sha256').update(pdf).digest('hex'));
    // The station's key is registered under its suite, with the verified fingerprint.
    const registered = (c.store.get('importedStationKeys') as Record<string, { fingerprint: string; lastSequence: number }>)[STATION.code]!;
    expect(registered).toMatchObject({ fingerprint: back.verdict.fingerprint, lastSequence: 1 });

    const written = await c.station.service.writeReceipt({ batchId: exported.batchId, actor: ACTOR });
    expect(written!.path).toBe(join(dirname(exported.path), receiptFileName(exported.fileName)));
    const doc1 = JSON.parse(readFileSync(written!.path, 'utf8')) as unknown;
    const expectation = {
      batchId: exported.batchId,
      stationCode: STATION.code,
      sequence: 1,
      manifestHash: await manifestHashOf(exported.path, suite),
      suite,
      pinnedPublicKey: c.stationKeys.ensureSuite(suite).publicKey,
    };
    const check = checkReceipt(doc1, expectation, nodeSuites);
    expect(check.ok ? [] : check.problems).toEqual([]);
    expect(check.ok && check.document.receipt.records).toBe(3);
    // Written again later, it says the same (received at the import, not at the writing).
    const again = await c.station.service.writeReceipt({ batchId: exported.batchId, actor: ACTOR });
    const doc2 = JSON.parse(readFileSync(again!.path, 'utf8')) as { receipt: unknown };
    expect(doc2.receipt).toEqual((doc1 as { receipt: unknown }).receipt);
  }, 60_000);

  it('continues the chain: the next batch stands as next, a batch out of order is refused', async () => {
    const c = centreStation();
    const key = c.keys.create({ suite, name: '中心', actor: ACTOR });
    const station = sender([key.publicKey]);
    const first = await exportBatch(station, { consultations: [consultation()] });
    const second = await exportBatch(station, { consultations: [consultation()] });
    const third = await exportBatch(station, { consultations: [consultation()] });
    expect((await importAll(c.station, first.path)).verdict.ok).toBe(true);
    const skipped = await importAll(c.station, third.path);
    expect(skipped.verdict.problems.map((p) => p.code)).toContain('chain_broken');
    const next = await importAll(c.station, second.path);
    expect(next.verdict).toMatchObject({ ok: true, standing: 'next', decrypted: true });
    expect(next.records).toHaveLength(1);
  }, 60_000);

  it('refuses to import a batch encrypted only to another centre’s key, after verifying what it can', async () => {
    const c = centreStation();
    c.keys.create({ suite, name: '沈阳市法律援助中心', actor: ACTOR });
    const other = cliCentre(suite, '大连市法律援助中心');
    const exported = await exportBatch(sender([other.publicKey]), { consultations: [consultation()] });
    c.station.setImportFile(exported.path);
    const summary = (await c.station.service.openImport())!;
    const verdict = await c.station.service.verifyImport({ token: summary.token });
    expect(verdict).toMatchObject({ ok: true, decrypted: false, recipient: null, importRefusal: '本机没有该批次任何接收方的私钥，无法解密，不能导入' });
    await expect(c.station.service.readImport({ token: summary.token, actor: ACTOR, confirmedFingerprint: verdict.fingerprint! })).rejects.toThrow(
      '本机没有该批次任何接收方的私钥',
    );
    c.station.service.closeImport({ token: summary.token });
    await expect(c.station.service.writeReceipt({ batchId: exported.batchId, actor: ACTOR })).rejects.toThrow('没有导入过该批次');
  });

  it('fails a batch whose stored entry was changed, and imports nothing of it', async () => {
    const c = centreStation();
    const key = c.keys.create({ suite, name: '中心', actor: ACTOR });
    const exported = await exportBatch(sender([key.publicKey]), { consultations: [consultation(), consultation()] });
    const entries = await readZip(exported.path);
    const at = entries.findIndex(([n]) => n === 'consultations.jsonl.enc');
    const bytes = Buffer.from(entries[at]![1]);
    bytes[40] = bytes[40]! ^ 1;
    entries[at] = ['consultations.jsonl.enc', bytes];
    const tampered = join(dirname(exported.path), `x-${exported.fileName}`);
    await writeZip(tampered, entries);
    const back = await importAll(c.station, tampered);
    expect(back.verdict.ok).toBe(false);
    expect(back.verdict.problems.map((p) => p.code)).toEqual(expect.arrayContaining(['hash_mismatch', 'decrypt_failed']));
    expect(back.records).toEqual([]);
    expect(c.store.get('importedStationKeys')).toBeUndefined();
  });

  it('reads the verified copy, not the stick: a file changed after verification still imports what was verified', async () => {
    const c = centreStation();
    const key = c.keys.create({ suite, name: '中心', actor: ACTOR });
    const station = sender([key.publicKey]);
    const record = consultation();
    const exported = await exportBatch(station, { consultations: [record] });
    c.station.setImportFile(exported.path);
    const summary = (await c.station.service.openImport())!;
    const verdict = await c.station.service.verifyImport({ token: summary.token });
    const { writeFileSync } = await import('node:fs');
    writeFileSync(exported.path, 'changed on the stick');
    const chunk = await c.station.service.readImport({ token: summary.token, actor: ACTOR, confirmedFingerprint: verdict.fingerprint! });
    expect(chunk).toMatchObject({ done: true, records: [{ type: 'consultations', record }] });
  });
});

describe('a centre receiving a station that crosses from v1 to v2', () => {
  it('registers the station’s gm-1 key on its own fingerprint and checks the chain by the SM3 of the v1 manifest', async () => {
    const c = centreStation();
    const key = c.keys.create({ suite: 'gm-1', name: '中心', actor: ACTOR });
    let target: ExportTarget = { version: 1 };
    const station = testStation({ exportTarget: () => target });
    const v1 = await exportBatch(station, { consultations: [consultation()] });
    const first = await importAll(c.station, v1.path);
    expect(first.verdict).toMatchObject({ ok: true, standing: 'new' });
    target = { version: 2, suite: 'gm-1', recipients: [key.publicKey] };
    const v2 = await exportBatch(station, { consultations: [consultation()] });
    c.station.setImportFile(v2.path);
    const summary = (await c.station.service.openImport())!;
    const verdict = await c.station.service.verifyImport({ token: summary.token });
    expect(verdict.problems).toEqual([]);
    // A key this centre has not seen for the station: confirmed by its fingerprint first.
    expect(verdict.standing).toBe('new');
    expect(verdict.fingerprint).not.toBe(first.verdict.fingerprint);
    await expect(c.station.service.readImport({ token: summary.token, actor: ACTOR })).rejects.toThrow('公钥指纹');
    c.station.service.closeImport({ token: summary.token });
    const second = await importAll(c.station, v2.path);
    expect(second.records).toHaveLength(1);
    const receipt = await c.station.service.writeReceipt({ batchId: v1.batchId, actor: ACTOR });
    const doc = JSON.parse(readFileSync(receipt!.path, 'utf8')) as { suite: string };
    // A v1 batch's receipt is signed as intl-1 signs.
    expect(doc.suite).toBe('intl-1');
    expect(
      checkReceipt(doc, { batchId: v1.batchId, stationCode: STATION.code, sequence: 1, manifestHash: v1.manifestSha256, suite: 'intl-1' }, nodeSuites).ok,
    ).toBe(true);
    expect(existsSync(join(dirname(v2.path), receiptFileName(v1.fileName)))).toBe(true);
  }, 60_000);
});

describe('the exported private key file works with the command-line verifier', () => {
  it('decrypts a batch with the plain file the centre exported', async () => {
    const c = centreStation();
    const key = c.keys.create({ suite: 'gm-1', name: '中心', actor: ACTOR });
    const priv = await c.keys.exportPrivate({ keyId: key.keyId, acknowledgePlaintext: true });
    const secret = readRecipientSecret(readFileSync(priv!.path, 'utf8'));
    if (!secret.ok) throw new Error(secret.reason);
    const exported = await exportBatch(testStation({ exportTarget: () => ({ version: 2, suite: 'gm-1', recipients: [key.publicKey] }) }), {
      consultations: [consultation()],
    });
    const report = await verifyV2File(exported.path, { recipientKey: secret.value });
    expect(report).toMatchObject({ ok: true, decrypted: true, records: 1 });
  });
});
