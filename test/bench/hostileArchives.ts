import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createWriteStream, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import yazl from 'yazl';
import { generateStationKey, signManifest, toBase64 } from '../../core/batch/keys';

/**
 * Archives up to ~100 MB built to cost a verifier as much as possible: the kinds an attack
 * pass used (issue 18), each signed so that it reaches the content checks.
 */
const key = generateStationKey();

interface Listed {
  path: string;
  bytes: number;
  sha256: string;
  records?: number;
}

function manifestFor(files: Listed[], counts: Record<string, number> = { consultations: 0, mediations: 0, shifts: 0, documents: 0 }): Buffer {
  const m = {
    format: 'duty-lawyer-station-batch',
    formatVersion: 1,
    batchId: randomUUID(),
    sequence: 1,
    previousManifestSha256: null,
    station: { code: 'BENCH-01', name: 'bench', kind: 'court', regionCode: '210102' },
    publicKey: key.publicKey,
    createdAt: '2026-11-20T09:00:00+08:00',
    period: { from: '2026-11-20', to: '2026-11-20' },
    appVersion: '0.1.0',
    schemaVersion: 1,
    counts,
    files,
  };
  return Buffer.from(JSON.stringify(m));
}

async function writeSigned(path: string, add: (zip: yazl.ZipFile) => void, manifest: Buffer, compressManifest = true): Promise<void> {
  const zip = new yazl.ZipFile();
  add(zip);
  zip.addBuffer(manifest, 'manifest.json', { compress: compressManifest });
  zip.addBuffer(Buffer.from(toBase64(signManifest(manifest, key.seed))), 'manifest.sig', { compress: false });
  zip.end();
  const out = createWriteStream(path);
  zip.outputStream.pipe(out);
  await finished(out);
}

function zeros(total: number): Readable {
  const block = Buffer.alloc(1024 * 1024);
  let left = total;
  return new Readable({
    read() {
      const n = Math.min(left, block.length);
      left -= n;
      this.push(n > 0 ? block.subarray(0, n) : null);
    },
  });
}

/** One ~100 MB line of random base64, stored: a splitter that joins chunks pays n². */
async function longLine(dir: string): Promise<string> {
  const line = Buffer.from(randomBytes(75 * 1024 * 1024).toString('base64'));
  const path = join(dir, 'long-line.zip');
  const file = { path: 'consultations.jsonl', bytes: line.length, sha256: createHash('sha256').update(line).digest('hex'), records: 1 };
  await writeSigned(
    path,
    (z) => z.addBuffer(line, file.path, { compress: false }),
    manifestFor([file], { consultations: 1, mediations: 0, shifts: 0, documents: 0 }),
  );
  return path;
}

/** 2 GiB of spaces deflated to about 2 MB, every size declared consistently. */
async function bomb(dir: string): Promise<string> {
  const size = 2 * 1024 ** 3 - 1;
  const hash = createHash('sha256');
  for await (const chunk of zeros(size)) hash.update(chunk as Buffer);
  const file = { path: 'documents/bomb.pdf', bytes: size, sha256: hash.digest('hex') };
  const path = join(dir, 'bomb.zip');
  await writeSigned(path, (z) => z.addReadStream(zeros(size), file.path, { compress: true, size }), manifestFor([file]));
  return path;
}

/** A manifest (compact JSON, ~35 MB, stored so no ratio check stops it first) listing 400,000 files that are not there. */
async function manyFiles(dir: string): Promise<string> {
  const files = Array.from({ length: 400_000 }, (_, i) => ({ path: `documents/${i}.pdf`, bytes: 1, sha256: '0'.repeat(64) }));
  const path = join(dir, 'many-files.zip');
  await writeSigned(path, () => undefined, manifestFor(files), false);
  return path;
}

/**
 * 50 central-directory entries that all point at one stored 2 MB entry: without an overlap
 * check each is read (and, deflated, inflated) again. Written by hand: no ZIP library
 * makes this.
 */
function overlap(dir: string): string {
  const data = randomBytes(2 * 1024 * 1024);
  const crc = crc32(data);
  const entry = (name: string) => Buffer.from(name);
  const local = Buffer.alloc(30);
  const first = entry('documents/0.pdf');
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(first.length, 26);
  const centrals: Buffer[] = [];
  const files: Listed[] = [];
  const sha = createHash('sha256').update(data).digest('hex');
  for (let i = 0; i < 50; i++) {
    const name = entry(`documents/${i}.pdf`);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(data.length, 20);
    c.writeUInt32LE(data.length, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(0, 42);
    centrals.push(c, name);
    files.push({ path: `documents/${i}.pdf`, bytes: data.length, sha256: sha });
  }
  const body = Buffer.concat([local, first, data]);
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(50, 8);
  eocd.writeUInt16LE(50, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(body.length, 16);
  const path = join(dir, 'overlap.zip');
  writeFileSync(path, Buffer.concat([body, cd, eocd]));
  return path;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export async function buildHostileArchives(dir: string): Promise<Record<string, string>> {
  return {
    'one 100 MB line': await longLine(dir),
    'deflate bomb (2 GiB)': await bomb(dir),
    '400,000 listed files': await manyFiles(dir),
    '50 overlapping entries': overlap(dir),
  };
}
