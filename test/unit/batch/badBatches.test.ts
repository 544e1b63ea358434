import { describe, expect, it, beforeAll } from 'vitest';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { generateStationKey, signManifest, toBase64 } from '../../../core/batch/keys';
import { verifyZipFile } from '../../../electron/services/batch/zipArchive';
import { consultation, documentLine, exportBatch, fakePdf, fileBytes, readZip, sha256Hex, testStation, writeZip, type Entries, type TestStation } from './support';

const verifyFile = verifyZipFile;

const codes = (r: { problems: { code: string }[] }) => [...new Set(r.problems.map((p) => p.code))].sort();

let station: TestStation;
let good: string;
let goodEntries: Entries;
let publicKey: string;

function manifestOf(entries: Entries): Record<string, unknown> & { files: { path: string; sha256: string; bytes: number; records?: number }[] } {
  return JSON.parse(entries.find(([n]) => n === 'manifest.json')![1].toString('utf8'));
}

/** Replaces entries, rewrites the manifest with `edit` and signs it again with the station's key. */
async function variant(name: string, change: (entries: Entries) => Entries, edit?: (m: ReturnType<typeof manifestOf>) => void, sign = true): Promise<string> {
  let entries = change(goodEntries.map(([n, b]) => [n, Buffer.from(b)] as [string, Buffer]));
  if (edit) {
    const m = manifestOf(entries);
    edit(m);
    const bytes = Buffer.from(JSON.stringify(m, null, 2) + '\n');
    entries = entries.map(([n, b]) => (n === 'manifest.json' ? [n, bytes] : n === 'manifest.sig' && sign ? [n, Buffer.from(station.sign(bytes))] : [n, b]));
  }
  const path = join(station.outDir, `${name}.zip`);
  await writeZip(path, entries);
  return path;
}

/** Keeps the manifest's hash/size/line count of `path` right after its bytes changed. */
function refresh(entries: Entries, path: string) {
  return (m: ReturnType<typeof manifestOf>) => {
    const bytes = entries.find(([n]) => n === path)![1];
    const f = m.files.find((x) => x.path === path)!;
    f.sha256 = sha256Hex(bytes);
    f.bytes = bytes.length;
    if (f.records !== undefined) f.records = bytes.toString('utf8').split('\n').filter(Boolean).length;
  };
}

beforeAll(async () => {
  station = testStation();
  const pdf = fakePdf('帮助记录');
  const doc = documentLine(pdf);
  const result = await exportBatch(
    station,
    { consultations: [consultation(), consultation(), consultation({ deleted: true })], documents: [doc] },
    new Map([[doc.file as string, pdf]]),
  );
  good = result.path;
  goodEntries = await readZip(good);
  publicKey = station.service.stationKey().publicKey;
});

describe('a batch as exported', () => {
  it('passes every rule, with the station key registered', async () => {
    const r = await verifyFile(good, { registeredPublicKey: publicKey, fileName: 'LN0102-KSS01_000001_20261120_20261120.dlbatch.zip' });
    expect(r.problems).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.records).toBe(4);
    expect(r.manifest?.counts).toEqual({ consultations: 3, mediations: 0, shifts: 0, documents: 1 });
  });
});

describe('bad batches are rejected for the right reason', () => {
  it('a listed file is missing', async () => {
    const path = await variant('missing', (e) => e.filter(([n]) => !n.startsWith('documents/')));
    expect(codes(await verifyFile(path))).toEqual(['missing_file']);
  });

  it('an extra file is present', async () => {
    const path = await variant('extra', (e) => [...e, ['notes.txt', Buffer.from('hello')]]);
    const r = await verifyFile(path);
    expect(codes(r)).toEqual(['extra_file']);
    expect(r.problems[0]!.message).toContain('notes.txt');
  });

  it('a file’s bytes differ from its hash (same size)', async () => {
    const path = await variant('hash', (e) =>
      e.map(([n, b]) => [n, n === 'consultations.jsonl' ? Buffer.from(b.toString('utf8').replace('王小明', '王小亮')) : b]),
    );
    expect(codes(await verifyFile(path))).toEqual(['hash_mismatch']);
  });

  it('the size in the manifest is wrong', async () => {
    const path = await variant('size', (e) => e, (m) => void (m.files.find((f) => f.path === 'consultations.jsonl')!.bytes += 1));
    expect(codes(await verifyFile(path))).toEqual(['size_mismatch']);
  });

  it('the line count in the manifest is wrong', async () => {
    const path = await variant('lines', (e) => e, (m) => void (m.files.find((f) => f.path === 'consultations.jsonl')!.records = 2));
    expect(codes(await verifyFile(path))).toEqual(['line_count_mismatch']);
  });

  it('the manifest was changed after signing', async () => {
    const path = await variant('sig', (e) => e, (m) => void ((m.station as { name: string }).name = '别的工作站'), false);
    const r = await verifyFile(path);
    expect(codes(r)).toEqual(['bad_signature']);
    expect(r.problems[0]!.message).toContain('签名验证失败');
  });

  it('the signature file is not a signature', async () => {
    const path = await variant('sig2', (e) => e.map(([n, b]) => [n, n === 'manifest.sig' ? Buffer.from('not base64!') : b]));
    expect(codes(await verifyFile(path))).toEqual(['bad_signature']);
  });

  it('signed with another key than the one registered for the station', async () => {
    const other = generateStationKey();
    let entries = goodEntries.map(([n, b]) => [n, Buffer.from(b)] as [string, Buffer]);
    const m = manifestOf(entries);
    m.publicKey = other.publicKey;
    const bytes = Buffer.from(JSON.stringify(m, null, 2) + '\n');
    entries = entries.map(([n, b]) => (n === 'manifest.json' ? [n, bytes] : n === 'manifest.sig' ? [n, Buffer.from(toBase64(signManifest(bytes, other.seed)))] : [n, b]));
    const path = join(station.outDir, 'otherkey.zip');
    await writeZip(path, entries);
    // Self-consistent, so only the registered key gives it away.
    expect(codes(await verifyFile(path))).toEqual([]);
    expect(codes(await verifyFile(path, { registeredPublicKey: publicKey }))).toEqual(['key_mismatch']);
  });

  it('the chain is broken', async () => {
    const second = await exportBatch(station, { consultations: [consultation()] });
    const first = await verifyFile(good);
    expect(codes(await verifyFile(second.path, { chain: { previousManifestSha256: first.manifestSha256!, previousSequence: 1 } }))).toEqual([]);
    const wrongHash = await verifyFile(second.path, { chain: { previousManifestSha256: 'a'.repeat(64) } });
    expect(codes(wrongHash)).toEqual(['chain_broken']);
    const skipped = await verifyFile(second.path, { chain: { previousManifestSha256: first.manifestSha256!, previousSequence: 2 } });
    expect(codes(skipped)).toEqual(['chain_broken']);
    expect(skipped.problems[0]!.message).toContain('应为第 3 号');
  });

  it('a record was last changed outside the period', async () => {
    let changed: Entries = [];
    const path = await variant(
      'period',
      (e) =>
        (changed = e.map(([n, b]) => [n, n === 'consultations.jsonl' ? Buffer.from(b.toString('utf8').replace(/"updatedAt":"2026-11-20/, '"updatedAt":"2026-10-01')) : b])),
      (m) => refresh(changed, 'consultations.jsonl')(m),
    );
    const r = await verifyFile(path);
    expect(codes(r)).toEqual(['outside_period']);
    expect(r.problems[0]!.line).toBe(1);
  });

  it('a line is not JSON, another lacks a required field', async () => {
    let changed: Entries = [];
    const path = await variant(
      'lines2',
      (e) =>
        (changed = e.map(([n, b]) => {
          if (n !== 'consultations.jsonl') return [n, b];
          const lines = b.toString('utf8').split('\n');
          lines[0] = '{not json';
          const second = JSON.parse(lines[1]!) as Record<string, unknown>;
          delete second.rev;
          lines[1] = JSON.stringify(second);
          return [n, Buffer.from(lines.join('\n'))];
        })),
      (m) => refresh(changed, 'consultations.jsonl')(m),
    );
    const r = await verifyFile(path);
    expect(codes(r)).toEqual(['invalid_line', 'missing_field']);
    expect(r.problems.find((p) => p.code === 'missing_field')!.message).toContain('缺少必需字段 rev');
  });

  it('an entry tries to leave the folder (../x)', async () => {
    const path = await variant('traversal', (e) => [...e, ['../x', Buffer.from('escape')]]);
    const r = await verifyFile(path);
    expect(codes(r)).toEqual(['unsafe_entry']);
    expect(r.problems[0]!.path).toBe('../x');
  });

  it('an entry name appears twice', async () => {
    const path = await variant('dup', (e) => [...e, e.find(([n]) => n === 'consultations.jsonl')!]);
    expect(codes(await verifyFile(path))).toEqual(['duplicate_entry']);
  });

  it('the file is not a zip', async () => {
    const path = join(station.outDir, 'notzip.zip');
    writeFileSync(path, Buffer.from('这不是压缩文件'.repeat(100)));
    const r = await verifyFile(path);
    expect(codes(r)).toEqual(['not_zip']);
    expect(r.problems[0]!.message).toContain('不是 ZIP');
  });

  it('the zip was cut short in copying', async () => {
    const bytes = fileBytes(good);
    const path = join(station.outDir, 'truncated.zip');
    writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect(codes(await verifyFile(path))).toEqual(['truncated']);
  });

  it('manifest.sig is missing', async () => {
    const path = await variant('nosig', (e) => e.filter(([n]) => n !== 'manifest.sig'));
    expect(codes(await verifyFile(path))).toEqual(['missing_signature']);
  });

  it('a document line names a PDF with another hash', async () => {
    let changed: Entries = [];
    const path = await variant(
      'dochash',
      (e) => (changed = e.map(([n, b]) => [n, n === 'documents.jsonl' ? Buffer.from(b.toString('utf8').replace(/"sha256":"[0-9a-f]{64}"/, `"sha256":"${'0'.repeat(64)}"`)) : b])),
      (m) => refresh(changed, 'documents.jsonl')(m),
    );
    expect(codes(await verifyFile(path))).toEqual(['document_file']);
  });

  it('counts disagree with the lines', async () => {
    const path = await variant('counts', (e) => e, (m) => void ((m.counts as Record<string, number>).consultations = 7));
    expect(codes(await verifyFile(path))).toEqual(['count_mismatch']);
  });

  it('the manifest is not the format', async () => {
    const path = await variant('format', (e) => e, (m) => void ((m as Record<string, unknown>).batchId = 'batch-7'));
    const r = await verifyFile(path);
    expect(codes(r)).toEqual(['manifest_invalid']);
    expect(r.problems[0]!.message).toContain('batchId');
  });
});

describe('file name', () => {
  it('warns (without rejecting) when the name does not match the manifest', async () => {
    const r = await verifyFile(good, { fileName: `${randomUUID()}.zip` });
    expect(r.ok).toBe(true);
    expect(r.warnings).toHaveLength(1);
  });
});
