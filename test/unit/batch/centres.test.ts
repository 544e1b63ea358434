import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SUITES, type SuiteId } from '../../../core/batch/formatV2';
import { createCentres } from '../../../electron/services/batch/centres';
import { createBatchService, selectExportTarget } from '../../../electron/services/batch/batchService';
import { fileSecretProtector } from '../../../electron/services/batch/secretProtector';
import { memoryStore } from '../../../electron/services/settings/keyValueStore';
import { consultation, exportBatch, fakePdf, readZip, STATION, type TestStation } from './support';
import { centre, v2DocumentLine, verifyV2File, type Centre } from './v2Support';

const actor = { id: 'sup-1', name: '李主任' };

/** A station whose export target comes from its centres' registry, as createServices wires it. */
function station() {
  const dir = mkdtempSync(join(tmpdir(), 'centres-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'centres-data-'));
  const outDir = mkdtempSync(join(tmpdir(), 'centres-usb-'));
  const store = memoryStore();
  let keyFile: string | null = null;
  const centres = createCentres({ store, chooseKeyFile: async () => keyFile });
  const service = createBatchService({
    store,
    dataDir,
    appVersion: '0.1.0',
    protector: fileSecretProtector(join(dataDir, 'secrets', 'k')),
    chooseFolder: async () => outDir,
    chooseBatchFile: async () => null,
    readChosenBackup: (p) => readFileSync(p),
    station: () => STATION,
    exportTarget: () => centres.exportTarget(),
  });
  const choose = (text: string | null) => {
    if (text === null) return void (keyFile = null);
    keyFile = join(dir, `${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(keyFile, text);
  };
  /** Opens a centre's public key file and confirms the fingerprint the station showed. */
  const register = async (c: Centre) => {
    choose(c.publicText);
    const opened = (await centres.openKeyFile())!;
    return centres.register({ token: opened.token, confirmedFingerprint: opened.fingerprint, actor });
  };
  const asTestStation = { service, outDir, dataDir, store } as unknown as TestStation;
  return { centres, service, store, choose, register, asTestStation };
}

describe('the receiving centres registry', () => {
  it('registers a centre only after its fingerprint is echoed back, lists it, and removes it', async () => {
    const s = station();
    const city = centre('intl-1', '沈阳市法律援助中心');
    s.choose(city.publicText);
    const opened = (await s.centres.openKeyFile())!;
    expect(opened).toMatchObject({ name: '沈阳市法律援助中心', suite: 'intl-1', keyId: city.secret.keyId });
    // The spec's fingerprint: H of the key bytes, read aloud in groups of four.
    const h = createHash('sha256').update(Buffer.from(city.publicKey, 'base64')).digest('hex').toUpperCase();
    expect(opened.fingerprint).toBe(h.match(/.{4}/g)!.join(' '));
    // Opening registers nothing.
    expect(s.centres.state().centres).toEqual([]);

    expect(() => s.centres.register({ token: opened.token, confirmedFingerprint: '0000 1111', actor })).toThrow('确认的指纹与密钥文件的指纹不一致');
    expect(s.centres.state().centres).toEqual([]);
    // Typed back in lower case without spaces, it is the same fingerprint.
    const registered = s.centres.register({ token: opened.token, confirmedFingerprint: opened.fingerprint.replace(/ /g, '').toLowerCase(), actor });
    expect(registered).toMatchObject({ name: '沈阳市法律援助中心', keyId: city.secret.keyId, registeredBy: actor });
    expect(s.centres.state().centres.map((c) => c.name)).toEqual(['沈阳市法律援助中心']);
    // A token is used once.
    expect(() => s.centres.register({ token: opened.token, confirmedFingerprint: opened.fingerprint, actor })).toThrow('请重新选择');

    s.choose(city.publicText);
    await expect(s.centres.openKeyFile()).rejects.toThrow('该密钥已登记');

    expect(s.centres.remove({ keyId: city.secret.keyId, actor }).name).toBe('沈阳市法律援助中心');
    expect(s.centres.state().centres).toEqual([]);
    expect(() => s.centres.remove({ keyId: city.secret.keyId, actor })).toThrow('找不到该接收中心');
  });

  it('refuses a malformed key file, a private key file, and a key file whose keyId lies, in Chinese', async () => {
    const s = station();
    const city = centre('intl-1', '沈阳市法律援助中心');
    s.choose('这不是 JSON');
    await expect(s.centres.openKeyFile()).rejects.toThrow('密钥文件不是有效的 JSON');
    s.choose(JSON.stringify({ format: 'dlbatch-recipient', suite: 'intl-1', name: '中心' }));
    await expect(s.centres.openKeyFile()).rejects.toThrow(/^密钥文件字段 publicKey 不符合格式/);
    const lying = { ...JSON.parse(city.publicText), keyId: '0123456789abcdef' };
    s.choose(JSON.stringify(lying));
    await expect(s.centres.openKeyFile()).rejects.toThrow('与其公钥不符');
    s.choose(JSON.stringify({ ...JSON.parse(city.publicText), publicKey: Buffer.alloc(31, 7).toString('base64') }));
    await expect(s.centres.openKeyFile()).rejects.toThrow('不是套件 intl-1 的加密公钥');
    s.choose(' '.repeat(70 * 1024));
    await expect(s.centres.openKeyFile()).rejects.toThrow('所选文件不是接收中心的公钥文件（文件过大）');
    s.choose(null);
    expect(await s.centres.openKeyFile()).toBeNull();
    expect(s.centres.state().centres).toEqual([]);
  });

  it("refuses a centre whose suite is not the station's, and changes the suite only with no centre registered", async () => {
    const s = station();
    expect(s.centres.state().suite).toBe('intl-1');
    s.choose(centre('gm-1', '辽宁省法律援助中心').publicText);
    await expect(s.centres.openKeyFile()).rejects.toThrow(/该密钥文件使用国密算法.*本站设置的算法套件是国际算法/);

    await s.register(centre('intl-1', '沈阳市法律援助中心'));
    expect(() => s.centres.setSuite({ suite: 'gm-1', actor })).toThrow('请先移除这些接收中心');
    expect(s.centres.state().suite).toBe('intl-1');
    s.centres.remove({ keyId: s.centres.state().centres[0]!.keyId, actor });
    expect(s.centres.setSuite({ suite: 'gm-1', actor }).suite).toBe('gm-1');
    expect((await s.register(centre('gm-1', '辽宁省法律援助中心'))).suite).toBe('gm-1');
  });

  it('a file opened under one suite is not registered after the suite changed', async () => {
    const s = station();
    s.choose(centre('intl-1', '沈阳市法律援助中心').publicText);
    const opened = (await s.centres.openKeyFile())!;
    s.centres.setSuite({ suite: 'gm-1', actor });
    expect(() => s.centres.register({ token: opened.token, confirmedFingerprint: opened.fingerprint, actor })).toThrow('本站设置的算法套件是国密算法');
    expect(s.centres.state().centres).toEqual([]);
  });

  it('a damaged registry refuses to export rather than falling back to plaintext', async () => {
    const s = station();
    s.store.set('receivingCentres', { suite: 'intl-1', centres: [{ name: '中心', suite: 'intl-1', publicKey: 'x' }] });
    expect(() => s.centres.state()).toThrow('接收中心登记信息已损坏');
    await expect(s.service.beginExport({ actor, plaintext: true })).rejects.toThrow('接收中心登记信息已损坏');
  });
});

describe('choosing what an export writes', () => {
  it('v2 whenever a centre is registered, v1 only by explicit choice', () => {
    const v2 = { version: 2 as const, suite: 'gm-1' as const, recipients: ['k'] };
    expect(selectExportTarget(v2, false)).toBe(v2);
    expect(selectExportTarget(v2, true)).toBe(v2);
    expect(selectExportTarget(null, true)).toEqual({ version: 1 });
    expect(() => selectExportTarget(null, false)).toThrow('尚未登记接收中心，批次将不加密');
  });

  it('without a centre the service refuses an export the supervisor did not choose in the clear, before asking for a folder', async () => {
    const s = station();
    await expect(s.service.beginExport({ actor })).rejects.toThrow('如确需导出未加密的批次，请先明确选择');
    const begun = (await s.service.beginExport({ actor, plaintext: true }))!;
    expect(begun).toMatchObject({ version: 1, suite: null, recipients: 0 });
    await s.service.cancelExport({ exportId: begun.exportId });
  });
});

describe.each(SUITES)('exporting to the registered centres, suite %s', (suite: SuiteId) => {
  it('writes v2 to every registered centre; each centre decrypts and checks it, an unregistered one cannot', async () => {
    const s = station();
    s.centres.setSuite({ suite, actor });
    const city = centre(suite, '沈阳市法律援助中心');
    const province = centre(suite, '辽宁省法律援助中心');
    const stranger = centre(suite, '外省法律援助中心');
    await s.register(city);
    await s.register(province);

    const pdf = fakePdf('王小明 210102199001011234');
    const doc = v2DocumentLine(suite, pdf);
    const batch = await exportBatch(
      s.asTestStation,
      { consultations: [consultation({ clientName: '王小明', idNumber: '210102199001011234' })], documents: [doc] },
      new Map([[doc.file as string, pdf]]),
    );
    for (const c of [city, province]) {
      const report = await verifyV2File(batch.path, { recipientKey: c.secret });
      expect(report.problems).toEqual([]);
      expect(report.decrypted).toBe(true);
      expect(report.records).toBe(2);
      expect(report.manifestV2!.suite).toBe(suite);
    }
    const other = await verifyV2File(batch.path, { recipientKey: stranger.secret });
    expect(other.ok).toBe(false);
    const bytes = readFileSync(batch.path);
    for (const text of ['王小明', '210102199001011234']) {
      expect(bytes.includes(Buffer.from(text))).toBe(false);
      expect(bytes.includes(Buffer.from(Buffer.from(text).toString('base64')))).toBe(false);
    }
  }, 60_000);
});

describe('a change of suite continues the chain', () => {
  it('intl-1 → gm-1 after a v1 batch: every batch verifies against the one before it', async () => {
    const s = station();
    const v1 = await (async () => {
      const begun = (await s.service.beginExport({ actor, plaintext: true }))!;
      await s.service.appendRecords({ exportId: begun.exportId, type: 'consultations', records: [consultation()] });
      return s.service.finishExport({ exportId: begun.exportId });
    })();
    const intlCentre = centre('intl-1', '沈阳市法律援助中心');
    await s.register(intlCentre);
    const two = await exportBatch(s.asTestStation, { consultations: [consultation()] });
    const v1Manifest = (await readZip(v1.path)).find(([n]) => n === 'manifest.json')![1];
    const twoReport = await verifyV2File(two.path, {
      recipientKey: intlCentre.secret,
      chain: { previousManifestSha256: v1.manifestSha256, previousManifestSm3: createHash('sm3').update(v1Manifest).digest('hex'), previousSequence: 1 },
    });
    expect(twoReport.problems).toEqual([]);

    s.centres.remove({ keyId: intlCentre.secret.keyId, actor });
    s.centres.setSuite({ suite: 'gm-1', actor });
    const gmCentre = centre('gm-1', '辽宁省法律援助中心');
    await s.register(gmCentre);
    const three = await exportBatch(s.asTestStation, { consultations: [consultation()] });
    const twoManifest = (await readZip(two.path)).find(([n]) => n === 'manifest.json')![1];
    const threeReport = await verifyV2File(three.path, {
      recipientKey: gmCentre.secret,
      chain: { previousManifestSha256: two.manifestSha256, previousManifestSm3: createHash('sm3').update(twoManifest).digest('hex'), previousSequence: 2 },
    });
    expect(threeReport.problems).toEqual([]);
    expect(threeReport.manifestV2!.suite).toBe('gm-1');
    expect(threeReport.manifestV2!.previousManifestHash).toBe(createHash('sm3').update(twoManifest).digest('hex'));
    // The station signs gm-1 with its SM2 key: a key of its own, not the intl-1 one.
    expect(threeReport.manifestV2!.publicKey).not.toBe(twoReport.manifestV2!.publicKey);
  }, 60_000);
});
