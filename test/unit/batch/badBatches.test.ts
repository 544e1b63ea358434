import { afterAll, describe, expect, it, beforeAll } from 'vitest';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { randomBytes, randomUUID } from 'node:crypto';
import { LineTooLong, splitLines } from '../../../core/batch/archive';
import { PROBLEM_LIMIT, verifyBatch } from '../../../core/batch/verify';
import { generateStationKey, signManifest, toBase64 } from '../../../core/batch/keys';
import { openZipArchive, verifyZipFile } from '../../../electron/services/batch/zipArchive';
import {
  consultation,
  documentLine,
  exportBatch,
  fakePdf,
  fileBytes,
  readZip,
  sha256Hex,
  testStation,
  writeZip,
  type Entries,
  type TestStation,
} from './support';

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
    const path = await variant(
      'size',
      (e) => e,
      (m) => void (m.files.find((f) => f.path === 'consultations.jsonl')!.bytes += 1),
    );
    expect(codes(await verifyFile(path))).toEqual(['size_mismatch']);
  });

  it('the line count in the manifest is wrong', async () => {
    const path = await variant(
      'lines',
      (e) => e,
      (m) => void (m.files.find((f) => f.path === 'consultations.jsonl')!.records = 2),
    );
    expect(codes(await verifyFile(path))).toEqual(['line_count_mismatch']);
  });

  it('the manifest was changed after signing', async () => {
    const path = await variant(
      'sig',
      (e) => e,
      (m) => void ((m.station as { name: string }).name = '别的工作站'),
      false,
    );
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
    entries = entries.map(([n, b]) =>
      n === 'manifest.json' ? [n, bytes] : n === 'manifest.sig' ? [n, Buffer.from(toBase64(signManifest(bytes, other.seed)))] : [n, b],
    );
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
        (changed = e.map(([n, b]) => [
          n,
          n === 'consultations.jsonl' ? Buffer.from(b.toString('utf8').replace(/"updatedAt":"2026-11-20/, '"updatedAt":"2026-10-01')) : b,
        ])),
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
      (e) =>
        (changed = e.map(([n, b]) => [
          n,
          n === 'documents.jsonl' ? Buffer.from(b.toString('utf8').replace(/"sha256":"[0-9a-f]{64}"/, `"sha256":"${'0'.repeat(64)}"`)) : b,
        ])),
      (m) => refresh(changed, 'documents.jsonl')(m),
    );
    expect(codes(await verifyFile(path))).toEqual(['document_file']);
  });

  it('counts disagree with the lines', async () => {
    const path = await variant(
      'counts',
      (e) => e,
      (m) => void ((m.counts as Record<string, number>).consultations = 7),
    );
    expect(codes(await verifyFile(path))).toEqual(['count_mismatch']);
  });

  it('the manifest is not the format', async () => {
    const path = await variant(
      'format',
      (e) => e,
      (m) => void ((m as Record<string, unknown>).batchId = 'batch-7'),
    );
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

/** The central directory records of a (comment-less) ZIP: where each sits and its name. */
function centralRecords(buf: Buffer): { at: number; name: Buffer }[] {
  const eocd = buf.length - 22;
  expect(buf.readUInt32LE(eocd)).toBe(0x06054b50);
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const out: { at: number; name: Buffer }[] = [];
  for (let i = 0; i < count; i++) {
    const nameLength = buf.readUInt16LE(at + 28);
    out.push({ at, name: buf.subarray(at + 46, at + 46 + nameLength) });
    at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return out;
}

/** A signed variant whose ZIP bytes are then changed by `patch` (the manifest stays valid and signed). */
async function patched(
  name: string,
  change: (entries: Entries) => Entries,
  edit: ((m: ReturnType<typeof manifestOf>) => void) | undefined,
  patch: (buf: Buffer) => void,
): Promise<string> {
  const path = await variant(name, change, edit);
  const buf = fileBytes(path);
  patch(buf);
  writeFileSync(path, buf);
  return path;
}

/** Verifies through the real ZIP reader, counting every byte inflated. */
async function verifyCounting(path: string, options: Parameters<typeof verifyFile>[1] = {}) {
  let inflated = 0;
  const report = await verifyBatch(async () => {
    const archive = await openZipArchive(path);
    opened.push(archive);
    return {
      ...archive,
      async *read(name: string) {
        for await (const chunk of archive.read(name)) {
          inflated += chunk.length;
          yield chunk;
        }
      },
    };
  }, options);
  return { report, inflated };
}
const opened: { close(): void }[] = [];
afterAll(() => opened.forEach((a) => a.close()));

const records = (entries: Entries, path: string, body: Buffer): Entries => entries.map(([n, b]) => [n, n === path ? body : b]);

describe('hostile archives are refused with bounded work', () => {
  it('a deflate bomb whose sizes all agree is refused without inflating it', async () => {
    const bomb = Buffer.alloc(64 * 1024 * 1024, 0x20);
    const entries = records(goodEntries, 'consultations.jsonl', bomb);
    const path = await variant('bomb', () => entries, refresh(entries, 'consultations.jsonl'));
    expect(fileBytes(path).length).toBeLessThan(1024 * 1024);
    const started = performance.now();
    const { report, inflated } = await verifyCounting(path);
    expect(codes(report)).toEqual(['too_large']);
    expect(report.problems[0]!.message).toContain('压缩炸弹');
    expect(inflated).toBe(0);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('an entry the archive declares larger than the manifest says is not inflated', async () => {
    const big = Buffer.from(randomBytes(300_000).toString('base64'));
    const entries = records(goodEntries, 'consultations.jsonl', big);
    const path = await variant(
      'declared',
      () => entries,
      (m) => {
        refresh(entries, 'consultations.jsonl')(m);
        m.files.find((f) => f.path === 'consultations.jsonl')!.bytes = 100;
      },
    );
    const { report, inflated } = await verifyCounting(path);
    expect(codes(report)).toContain('size_mismatch');
    expect(inflated).toBeLessThan(10_000); // the manifest and the other small files only
  });

  it('overlapping entries (the same bytes counted twice) are refused', async () => {
    const path = await patched(
      'overlap',
      (e) => e,
      undefined,
      (buf) => {
        const central = centralRecords(buf);
        const a = central.find((c) => c.name.toString() === 'consultations.jsonl')!;
        const b = central.find((c) => c.name.toString().startsWith('documents/'))!;
        buf.writeUInt32LE(buf.readUInt32LE(a.at + 42), b.at + 42);
      },
    );
    const { report, inflated } = await verifyCounting(path);
    expect(codes(report)).toContain('unsafe_entry');
    expect(report.problems.map((p) => p.message).join()).toContain('重叠');
    expect(inflated).toBe(0);
  });

  it('a symbolic link entry is refused', async () => {
    const path = await patched(
      'symlink',
      (e) => e,
      undefined,
      (buf) => {
        const pdf = centralRecords(buf).find((c) => c.name.toString().startsWith('documents/'))!;
        buf.writeUInt16LE(3 << 8, pdf.at + 4); // made by Unix
        buf.writeUInt32LE((0o120777 << 16) >>> 0, pdf.at + 38);
      },
    );
    const r = await verifyFile(path);
    expect(codes(r)).toEqual(['unsafe_entry']);
    expect(r.problems[0]!.message).toContain('符号链接');
  });

  it('a local header naming another file than the central directory is refused', async () => {
    const path = await patched(
      'localname',
      (e) => e,
      undefined,
      (buf) => {
        const at = buf.indexOf(Buffer.from('consultations.jsonl'));
        expect(at).toBeLessThan(centralRecords(buf)[0]!.at);
        buf.write('X', at); // the local header only
      },
    );
    const r = await verifyFile(path);
    expect(codes(r)).toEqual(['unsafe_entry']);
    expect(r.problems[0]!.message).toContain('本地文件头');
  });

  it('an entry name that is not UTF-8 is refused', async () => {
    const path = await patched(
      'latin1',
      (e) => [...e, ['notes-AB.txt', Buffer.from('x')]],
      undefined,
      (buf) => {
        for (let at = buf.indexOf('notes-AB'); at >= 0; at = buf.indexOf('notes-AB', at + 1)) buf.set([0xff, 0xfe], at + 6);
      },
    );
    const r = await verifyFile(path);
    expect(codes(r)).toEqual(['unsafe_entry']);
    expect(r.problems[0]!.message).toContain('UTF-8');
  });

  it('one endless line is refused at the line limit, in linear time', async () => {
    const line = Buffer.from(randomBytes(1_200_000).toString('base64'));
    const entries = records(goodEntries, 'consultations.jsonl', line);
    const path = await variant('longline', () => entries, refresh(entries, 'consultations.jsonl'));
    const r = await verifyFile(path);
    expect(codes(r)).toEqual(['invalid_line']);
    expect(r.problems[0]!.message).toContain('超过 1 MB');
    // The splitter itself: 64 MB of one line in 4 KB chunks stops at the limit at once.
    async function* chunks() {
      for (let i = 0; i < 16_384; i++) yield new Uint8Array(4096).fill(0x61);
    }
    const started = performance.now();
    await expect(async () => {
      for await (const l of splitLines(chunks())) void l;
    }).rejects.toThrow(LineTooLong);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('a manifest listing 400,000 files is refused at once, with one problem', async () => {
    const path = await variant(
      'manyfiles',
      (e) => e,
      (m) => {
        const fill = { path: 'documents/x.pdf', sha256: '0'.repeat(64), bytes: 1 };
        m.files = [...m.files, ...Array.from({ length: 400_000 }, (_, i) => ({ ...fill, path: `documents/${i}.pdf` }))];
      },
    );
    const heap = process.memoryUsage().heapUsed;
    const started = performance.now();
    const r = await verifyFile(path);
    expect(codes(r)).toEqual(['too_large']);
    expect(r.problems).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(process.memoryUsage().heapUsed - heap).toBeLessThan(200 * 1024 * 1024);
  });

  it('lists at most a bounded number of problems, and says how many more there are', async () => {
    const extra: Entries = Array.from({ length: 500 }, (_, i) => [`extra-${i}.txt`, Buffer.from('x')]);
    const r = await verifyFile(await variant('manyproblems', (e) => [...e, ...extra]));
    expect(r.problems.length).toBeLessThanOrEqual(PROBLEM_LIMIT + 1);
    expect(r.problems.at(-1)!.code).toBe('too_many_problems');
    expect(r.problems.at(-1)!.message).toContain(`另有 ${500 - PROBLEM_LIMIT} 个问题`);
  });

  it('stops checking content after a bad signature', async () => {
    const path = await variant(
      'badsig-content',
      (e) => e,
      (m) => void ((m.station as { name: string }).name = '别的工作站'),
      false,
    );
    const { report, inflated } = await verifyCounting(path);
    expect(codes(report)).toEqual(['bad_signature']);
    const manifestBytes = goodEntries.find(([n]) => n === 'manifest.json')![1].length;
    expect(inflated).toBeLessThan(manifestBytes + 200); // the manifest and the signature, nothing listed
  });
});
