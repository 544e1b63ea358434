import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createPublicKey, verify as nodeVerify, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { planIngest } from '../../../core/batch/records';
import { consultation, documentLine, exportBatch, fakePdf, readZip, testStation, type TestStation } from './support';

async function importAll(station: TestStation, path: string) {
  station.setImportFile(path);
  const summary = (await station.service.openImport())!;
  const report = await station.service.verifyImport({ token: summary.token });
  const records: { type: string; record: Record<string, unknown> }[] = [];
  const files: { path: string; data: string }[] = [];
  if (report.ok) {
    for (;;) {
      const chunk = await station.service.readImport({ token: summary.token, actor: READER });
      records.push(...chunk.records);
      files.push(...chunk.files);
      if (chunk.done) break;
    }
  }
  station.service.closeImport({ token: summary.token });
  return { summary, report, records, files };
}

const READER = { id: 'u1', name: '李主任' };

/** Keys the reader drops at any depth of another station's record (core/batch/records.ts); a record keeping them cannot round-trip by design. */
const UNSAFE = ['__proto__', 'constructor', 'prototype'];
// Records are JSON data; -0 is not a JSON value (it reads back as 0).
const jsonValue = fc
  .jsonValue({ maxDepth: 2 })
  .map((v) => JSON.parse(JSON.stringify(v), (key, value: unknown) => (UNSAFE.includes(key) ? undefined : value)) as unknown);
const arbitraryRecord = fc.record({
  clientName: fc.string({ unit: 'grapheme', maxLength: 30 }),
  note: fc.string({ unit: 'binary', maxLength: 60 }),
  extra: fc.dictionary(
    fc.string({ maxLength: 8 }).filter((k) => !['id', 'rev', 'updatedAt', 'deleted', ...UNSAFE].includes(k)),
    jsonValue,
    { maxKeys: 4 },
  ),
  rev: fc.integer({ min: 1, max: 50 }),
  deleted: fc.boolean(),
  minutes: fc.integer({ min: 0, max: 60 * 24 * 30 }),
});

describe('export → import', () => {
  it('round-trips arbitrary records without loss or change (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(arbitraryRecord, { minLength: 1, maxLength: 25 }), async (drafts) => {
        const station = testStation();
        const records = drafts.map((d) => {
          const at = new Date(Date.parse('2026-11-01T00:00:00+08:00') + d.minutes * 60_000);
          const stamp = new Date(at.getTime() + 8 * 3600_000).toISOString().replace('Z', '+08:00');
          return { ...d.extra, id: randomUUID(), rev: d.rev, updatedAt: stamp, deleted: d.deleted, clientName: d.clientName, note: d.note };
        });
        const result = await exportBatch(station, { consultations: records });
        const back = await importAll(station, result.path);
        expect(back.report.problems).toEqual([]);
        expect(back.records.map((r) => r.record)).toEqual(records);
        expect(back.records.every((r) => r.type === 'consultations')).toBe(true);
      }),
      { numRuns: 25 },
    );
  });

  it('carries documents with their PDFs, byte for byte', async () => {
    const station = testStation();
    const pdf = fakePdf('法律援助申请表 𠮷');
    const doc = documentLine(pdf);
    const result = await exportBatch(station, { documents: [doc] }, new Map([[doc.file as string, pdf]]));
    const back = await importAll(station, result.path);
    expect(back.records).toEqual([{ type: 'documents', record: doc }]);
    expect(Buffer.from(back.files[0]!.data, 'base64').equals(pdf)).toBe(true);
  });

  it('is signed so that an independent Ed25519 implementation (Node) accepts it', async () => {
    const station = testStation();
    const result = await exportBatch(station, { consultations: [consultation()] });
    const entries = new Map(await readZip(result.path));
    const key = createPublicKey({ key: Buffer.from(JSON.parse(entries.get('manifest.json')!.toString()).publicKey, 'base64'), format: 'der', type: 'spki' });
    expect(key.asymmetricKeyType).toBe('ed25519');
    expect(nodeVerify(null, entries.get('manifest.json')!, key, Buffer.from(entries.get('manifest.sig')!.toString(), 'base64'))).toBe(true);
  });

  it('ingesting the same batch twice changes nothing; a higher rev replaces a lower one', () => {
    const a = { id: randomUUID(), rev: 1 };
    const b = { id: randomUUID(), rev: 3 };
    const known = new Map<string, number>();
    const first = planIngest(known, [a, b]);
    expect(first).toEqual([a, b]);
    for (const r of first) known.set(r.id, r.rev);
    expect(planIngest(known, [a, b])).toEqual([]);
    expect(
      planIngest(known, [
        { id: a.id, rev: 2 },
        { id: b.id, rev: 2 },
      ]),
    ).toEqual([{ id: a.id, rev: 2 }]);
  });
});

describe('the export', () => {
  it('chains each batch to the previous manifest and numbers them 1, 2, …', async () => {
    const station = testStation();
    const one = await exportBatch(station, { consultations: [consultation()] });
    const two = await exportBatch(station, { consultations: [consultation({ rev: 2 })] });
    expect([one.sequence, two.sequence]).toEqual([1, 2]);
    const m2 = JSON.parse(new Map(await readZip(two.path)).get('manifest.json')!.toString());
    expect(m2.previousManifestSha256).toBe(one.manifestSha256);
    expect(station.service.history().map((h) => h.sequence)).toEqual([2, 1]);
  });

  it('leaves no file and records nothing when cancelled', async () => {
    const station = testStation();
    const begun = (await station.service.beginExport({ actor: { id: 'u', name: '李' } }))!;
    await station.service.appendRecords({ exportId: begun.exportId, type: 'consultations', records: [consultation(), consultation()] });
    await station.service.cancelExport({ exportId: begun.exportId });
    await expect(station.service.finishExport({ exportId: begun.exportId })).rejects.toThrow('取消');
    expect(readdirSync(station.outDir)).toEqual([]);
    expect(readdirSync(join(station.dataDir, 'batches'))).toEqual([]);
    expect(station.service.history()).toEqual([]);
    // The number was not used: the next batch is still the first.
    expect((await exportBatch(station, { consultations: [consultation()] })).sequence).toBe(1);
  });

  it('can still be cancelled while the file is being verified, and then leaves nothing', async () => {
    const station = testStation();
    const begun = (await station.service.beginExport({ actor: { id: 'u', name: '李' } }))!;
    const records = Array.from({ length: 20_000 }, () => consultation({ advice: '可以由近亲属提出取保候审申请，并说明理由。'.repeat(4) }));
    for (let i = 0; i < records.length; i += 1000) {
      await station.service.appendRecords({ exportId: begun.exportId, type: 'consultations', records: records.slice(i, i + 1000) });
    }
    const finishing = station.service.finishExport({ exportId: begun.exportId });
    while (!['verifying', 'finishing', 'done'].includes(station.service.progress({ jobId: begun.exportId }).phase)) await new Promise((r) => setTimeout(r, 1));
    await station.service.cancelExport({ exportId: begun.exportId });
    await expect(finishing).rejects.toThrow('取消');
    expect(readdirSync(station.outDir)).toEqual([]);
    expect(readdirSync(join(station.dataDir, 'batches'))).toEqual([]);
    expect(station.service.history()).toEqual([]);
  });

  it('refuses a record without the required fields, a PDF whose hash differs, and an empty batch', async () => {
    const station = testStation();
    const begun = (await station.service.beginExport({ actor: { id: 'u', name: '李' } }))!;
    const bad = consultation();
    delete bad.updatedAt;
    await expect(station.service.appendRecords({ exportId: begun.exportId, type: 'consultations', records: [bad] })).rejects.toThrow('缺少必需字段 updatedAt');
    const pdf = fakePdf('x');
    const doc = documentLine(pdf);
    await station.service.appendRecords({ exportId: begun.exportId, type: 'documents', records: [doc] });
    await expect(
      station.service.appendFiles({ exportId: begun.exportId, files: [{ path: doc.file as string, data: fakePdf('y').toString('base64') }] }),
    ).rejects.toThrow('哈希不符');
    await station.service.cancelExport({ exportId: begun.exportId });
    await expect(exportBatch(station, {})).rejects.toThrow('没有需要报送的记录');
    expect(readdirSync(station.outDir)).toEqual([]);
  });

  it('writes a past batch again byte-identically from the kept copy', async () => {
    const station = testStation();
    const pdf = fakePdf('调解协议书');
    const doc = documentLine(pdf);
    const one = await exportBatch(station, { consultations: [consultation()], documents: [doc] }, new Map([[doc.file as string, pdf]]));
    const original = readFileSync(one.path);
    rmSync(one.path); // the USB stick was lost
    const again = await station.service.reexport({ batchId: one.batchId, actor: { id: 'u', name: '李' } });
    expect(again?.path).toBe(one.path);
    expect(readFileSync(one.path).equals(original)).toBe(true);
    expect(station.service.history()[0]!.reexports).toHaveLength(1);
  });

  it('keeps the copy for re-export encrypted, never in plain text', async () => {
    const station = testStation();
    await exportBatch(station, { consultations: [consultation({ clientName: '独一无二的名字' })] });
    const [copy] = readdirSync(join(station.dataDir, 'batches'));
    const bytes = readFileSync(join(station.dataDir, 'batches', copy!));
    expect(bytes.includes(Buffer.from('manifest.json'))).toBe(false);
    expect(bytes.includes(Buffer.from('独一无二的名字'))).toBe(false);
    expect(existsSync(join(station.dataDir, 'secrets', 'k'))).toBe(true);
  });

  it('holds the one read of an opened batch encrypted in its own folder, and removes it on close', async () => {
    const station = testStation();
    const one = await exportBatch(station, { consultations: [consultation({ clientName: '独一无二的名字' })] });
    station.setImportFile(one.path);
    const summary = (await station.service.openImport())!;
    const [copy] = readdirSync(join(station.dataDir, 'imports'));
    const bytes = readFileSync(join(station.dataDir, 'imports', copy!));
    expect(bytes.length).toBe(readFileSync(one.path).length);
    expect(bytes.includes(Buffer.from('manifest.json'))).toBe(false);
    expect(bytes.includes(Buffer.from('独一无二的名字'))).toBe(false);
    rmSync(one.path); // the stick is pulled: the copy is what is verified and imported
    expect((await station.service.verifyImport({ token: summary.token })).ok).toBe(true);
    station.service.closeImport({ token: summary.token });
    expect(readdirSync(join(station.dataDir, 'imports'))).toEqual([]);
  });

  it('stops verifying an opened batch when it is closed, and removes its copy', async () => {
    const station = testStation();
    const one = await exportBatch(station, { consultations: Array.from({ length: 3000 }, () => consultation()) });
    station.setImportFile(one.path);
    const summary = (await station.service.openImport())!;
    const verifying = station.service.verifyImport({ token: summary.token });
    station.service.closeImport({ token: summary.token });
    await expect(verifying).rejects.toThrow('已取消');
    expect(readdirSync(join(station.dataDir, 'imports'))).toEqual([]);
  });

  it('refuses to import a batch until it verified', async () => {
    const station = testStation();
    const one = await exportBatch(station, { consultations: [consultation()] });
    station.setImportFile(one.path);
    const summary = (await station.service.openImport())!;
    await expect(station.service.readImport({ token: summary.token, actor: READER })).rejects.toThrow('已通过校验');
    const verdict = await station.service.verifyImport({ token: summary.token });
    expect(verdict.manifest?.sequence).toBe(1);
    expect(verdict.standing).toBe('own');
    expect(verdict.fingerprint).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){15}$/);
  });
});
