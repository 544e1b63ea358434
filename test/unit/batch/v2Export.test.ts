import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { SUITES } from '../../../core/batch/formatV2';
import type { ExportTarget } from '../../../electron/services/batch/exportJob';
import { consultation, exportBatch, fakePdf, readZip, STATION, testStation } from './support';
import { centre, v2DocumentLine, verifyV2File } from './v2Support';

describe.each(SUITES)('exporting format v2 through the station service, suite %s', (suite) => {
  it('continues a v1 chain, encrypts to every centre, keeps no client data in the clear, and re-exports byte for byte', async () => {
    const city = centre(suite, '沈阳市法律援助中心');
    const province = centre(suite, '辽宁省法律援助中心');
    let target: ExportTarget = { version: 1 };
    const station = testStation({ exportTarget: () => target });

    const v1 = await exportBatch(station, { consultations: [consultation()] });
    const v1Manifest = (await readZip(v1.path)).find(([n]) => n === 'manifest.json')![1];

    target = { version: 2, suite, recipients: [city.publicKey, province.publicKey] };
    const pdf = fakePdf('王小明 210102199001011234');
    const doc = v2DocumentLine(suite, pdf);
    const records = Array.from({ length: 300 }, () => consultation({ clientName: '王小明', idNumber: '210102199001011234' }));
    const two = await exportBatch(station, { consultations: records, documents: [doc] }, new Map([[doc.file as string, pdf]]));
    expect(two.sequence).toBe(2);

    const chain = { previousManifestSha256: v1.manifestSha256, previousManifestSm3: createHash('sm3').update(v1Manifest).digest('hex'), previousSequence: 1 };
    const full = await verifyV2File(two.path, { chain, recipientKey: province.secret });
    expect(full.problems).toEqual([]);
    expect(full.decrypted).toBe(true);
    expect(full.records).toBe(301);
    expect(full.manifestV2!.suite).toBe(suite);
    expect(full.manifestV2!.recipients.map((r) => r.keyId)).toEqual([city.secret.keyId, province.secret.keyId]);
    expect((await verifyV2File(two.path, { recipientKey: city.secret })).ok).toBe(true);

    const bytes = readFileSync(two.path);
    for (const text of ['王小明', '210102199001011234']) expect(bytes.includes(Buffer.from(text))).toBe(false);

    const history = station.service.history();
    expect(history[0]!.suite).toBe(suite);

    // The next v2 batch names this one under the suite's hash, signed with the same station key.
    const three = await exportBatch(station, { consultations: [consultation()] });
    const next = await verifyV2File(three.path, {
      chain: { previousManifestSha256: full.manifestHash!, previousManifestSm3: full.manifestHash!, previousSequence: 2 },
      registeredPublicKey: full.manifestV2!.publicKey,
    });
    expect(next.problems).toEqual([]);

    const again = await station.service.reexport({ batchId: two.batchId, actor: { id: 'u1', name: '李主任' } });
    expect(readFileSync(again!.path).equals(bytes)).toBe(true);
  }, 60_000);

  it('continues from a history written before v2 (no SM3 kept) by reading the previous manifest from its sealed copy', async () => {
    const city = centre(suite, '沈阳市法律援助中心');
    let target: ExportTarget = { version: 1 };
    const station = testStation({ exportTarget: () => target });
    const v1 = await exportBatch(station, { consultations: [consultation()] });
    const aged = (station.store.get('batchLedger') as Record<string, unknown>[]).map(({ manifestSm3, ...rest }) => (void manifestSm3, rest));
    station.store.set('batchLedger', aged);
    const v1Manifest = (await readZip(v1.path)).find(([n]) => n === 'manifest.json')![1];
    target = { version: 2, suite, recipients: [city.publicKey] };
    const two = await exportBatch(station, { consultations: [consultation()] });
    const report = await verifyV2File(two.path, {
      chain: { previousManifestSha256: v1.manifestSha256, previousManifestSm3: createHash('sm3').update(v1Manifest).digest('hex'), previousSequence: 1 },
    });
    expect(report.problems).toEqual([]);
  });

  it('a station that holds no key of a v2 batch verifies it as far as it can and refuses to import it, saying why', async () => {
    const city = centre(suite, '沈阳市法律援助中心');
    const sender = testStation({ exportTarget: () => ({ version: 2, suite, recipients: [city.publicKey] }) });
    const batch = await exportBatch(sender, { consultations: [consultation()] });
    const receiver = testStation({ station: { ...STATION, code: 'LN01-ZX' } });
    receiver.setImportFile(batch.path);
    const summary = (await receiver.service.openImport())!;
    const verdict = await receiver.service.verifyImport({ token: summary.token });
    expect(verdict.ok).toBe(true);
    expect(verdict.decrypted).toBe(false);
    expect(verdict.importRefusal).toBe('本机没有该批次任何接收方的私钥，无法解密，不能导入');
    await expect(
      receiver.service.readImport({ token: summary.token, actor: { id: 'u2', name: '张科长' }, confirmedFingerprint: verdict.fingerprint! }),
    ).rejects.toThrow('本机没有该批次任何接收方的私钥');
    receiver.service.closeImport({ token: summary.token });
  });

  it('refuses a v2 document line that still carries v1’s sha256', async () => {
    const city = centre(suite, '沈阳市法律援助中心');
    const station = testStation({ exportTarget: () => ({ version: 2, suite, recipients: [city.publicKey] }) });
    const pdf = fakePdf('x');
    const line: Record<string, unknown> = { ...v2DocumentLine(suite, pdf), sha256: createHash('sha256').update(pdf).digest('hex') };
    await expect(exportBatch(station, { documents: [line] }, new Map([[line.file as string, pdf]]))).rejects.toThrow('以 hash 代替 sha256');
  });

  it('refuses to export v2 with no centre registered', async () => {
    const station = testStation({ exportTarget: () => ({ version: 2, suite, recipients: [] }) });
    await expect(exportBatch(station, { consultations: [consultation()] })).rejects.toThrow('尚未登记接收批次的法律援助中心');
  });
});

describe('changing the province’s suite', () => {
  it('continues the chain from an intl-1 batch into a gm-1 one, each signed with the station key of its suite', async () => {
    const intl = centre('intl-1', '辽宁省法律援助中心');
    const gm = centre('gm-1', '辽宁省法律援助中心');
    let target: ExportTarget = { version: 2, suite: 'intl-1', recipients: [intl.publicKey] };
    const station = testStation({ exportTarget: () => target });
    const one = await exportBatch(station, { consultations: [consultation()] });
    const first = await verifyV2File(one.path);
    target = { version: 2, suite: 'gm-1', recipients: [gm.publicKey] };
    const two = await exportBatch(station, { consultations: [consultation()] });
    const oneManifest = (await readZip(one.path)).find(([n]) => n === 'manifest.json')![1];
    const second = await verifyV2File(two.path, {
      chain: { previousManifestSha256: one.manifestSha256, previousManifestSm3: createHash('sm3').update(oneManifest).digest('hex'), previousSequence: 1 },
      recipientKey: gm.secret,
    });
    expect(second.problems).toEqual([]);
    expect(second.manifestV2!.previousManifestHash).toBe(createHash('sm3').update(oneManifest).digest('hex'));
    expect(second.manifestV2!.publicKey).not.toBe(first.manifestV2!.publicKey);
    expect(Buffer.from(second.manifestV2!.publicKey, 'base64')[0]).toBe(0x04);
    expect(station.service.stationKey().publicKey).toBe(first.manifestV2!.publicKey);
  });
});
