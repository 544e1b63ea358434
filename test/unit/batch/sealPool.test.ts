import { afterEach, describe, expect, it } from 'vitest';
import { createHash, randomBytes } from 'node:crypto';
import yazl from 'yazl';
import { SUITES } from '../../../core/batch/formatV2';
import { addEncryptedEntry } from '../../../electron/services/batch/encryptedEntry';
import { SealPool } from '../../../electron/services/batch/sealPool';
import { suiteOf } from '../../../electron/services/batch/suites';

const H = { 'intl-1': 'sha256', 'gm-1': 'sm3' } as const;
const pools: SealPool[] = [];
const pool = (size?: number) => {
  const p = new SealPool(size);
  pools.push(p);
  return p;
};
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

/** Runs one entry through a zip writer and collects the stored bytes the archive receives. */
async function sealed(
  suiteId: (typeof SUITES)[number],
  key: Uint8Array,
  path: string,
  chunks: Buffer[],
  options: Parameters<typeof addEncryptedEntry>[5] = {},
) {
  const zip = new yazl.ZipFile();
  const entry = addEncryptedEntry(zip, suiteOf(suiteId), key, path, new Date('2026-12-03T08:00:00+08:00'), options);
  const archive: Buffer[] = [];
  zip.outputStream.on('data', (c: Buffer) => archive.push(c));
  const ended = new Promise((resolve) => zip.outputStream.on('end', resolve));
  for (const c of chunks) entry.input.write(c);
  entry.input.end();
  const line = await entry.done;
  zip.end();
  await ended;
  // Stored, not deflated: the entry's bytes sit in the archive right after its 30-byte local header and name.
  const all = Buffer.concat(archive);
  const start = 30 + Buffer.byteLength(path) + all.readUInt16LE(28);
  return { line, stored: all.subarray(start, start + line.bytes) };
}

function decrypt(suiteId: (typeof SUITES)[number], key: Uint8Array, path: string, stored: Uint8Array): Buffer {
  const d = suiteOf(suiteId).decryptor(key, path);
  return Buffer.concat([d.update(stored), d.final()]);
}

describe.each(SUITES)('entries sealed on worker threads, suite %s', (id) => {
  it('decrypt with the suite’s own decryptor, and the manifest line gives the right hashes and sizes', async () => {
    const key = randomBytes(32);
    const plain = Buffer.from('{"clientName":"王𠮷"}\n'.repeat(50_000));
    const chunks = [plain.subarray(0, 1), plain.subarray(1, 300_000), plain.subarray(300_000)];
    const p = pool(2);
    const { line, stored } = await sealed(id, key, 'consultations.jsonl.enc', chunks, { pool: p });
    // Buffer.equals: a deep toEqual walks a megabyte byte by byte.
    expect(decrypt(id, key, 'consultations.jsonl.enc', stored).equals(plain)).toBe(true);
    expect(stored.includes(Buffer.from('clientName'))).toBe(false);
    expect(line).toEqual({
      path: 'consultations.jsonl.enc',
      hash: createHash(H[id]).update(stored).digest('hex'),
      bytes: plain.length + suiteOf(id).overhead,
      plainHash: createHash(H[id]).update(plain).digest('hex'),
      plainBytes: plain.length,
    });
    // Another path is another entry: its bytes do not decrypt under this one's name.
    expect(() => decrypt(id, key, 'mediations.jsonl.enc', stored)).toThrow();
  });

  it('give the same manifest line as sealing on the calling thread, and an empty entry too', async () => {
    const key = randomBytes(32);
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(60_000)]);
    const known = createHash(H[id]).update(pdf).digest('hex');
    const p = pool(2);
    const [pooled, local] = await Promise.all([
      sealed(id, key, 'documents/a.pdf.enc', [pdf], { pool: p, plainSize: pdf.length, plainHash: known }),
      sealed(id, key, 'documents/a.pdf.enc', [pdf], { plainSize: pdf.length, plainHash: known }),
    ]);
    // The nonce differs, so the stored bytes do; what they decrypt to and how they are described does not.
    expect(decrypt(id, key, 'documents/a.pdf.enc', pooled.stored).equals(pdf)).toBe(true);
    expect({ ...pooled.line, hash: '' }).toEqual({ ...local.line, hash: '' });
    expect(pooled.line.plainHash).toBe(known);
    const empty = await sealed(id, key, 'shifts.jsonl.enc', [], { pool: p });
    expect(empty.line.bytes).toBe(suiteOf(id).overhead);
    expect(decrypt(id, key, 'shifts.jsonl.enc', empty.stored)).toEqual(Buffer.alloc(0));
  });

  it('leave the caller’s key and chunks untouched', async () => {
    const key = randomBytes(32);
    const keyCopy = Buffer.from(key);
    const chunk = Buffer.from('{"id":"x"}\n'.repeat(1000));
    const chunkCopy = Buffer.from(chunk);
    await sealed(id, key, 'consultations.jsonl.enc', [chunk], { pool: pool(1) });
    expect(Buffer.from(key)).toEqual(keyCopy);
    expect(chunk).toEqual(chunkCopy);
  });
});

describe('the sealing pool', () => {
  it('fails an entry still open when it is closed, instead of leaving the writer waiting', async () => {
    const p = pool(1);
    const zip = new yazl.ZipFile();
    zip.outputStream.resume();
    const entry = addEncryptedEntry(zip, suiteOf('gm-1'), randomBytes(32), 'consultations.jsonl.enc', new Date(), { pool: p });
    entry.input.on('error', () => undefined);
    entry.input.write(Buffer.alloc(1000));
    await p.close();
    entry.input.end();
    await expect(entry.done).rejects.toThrow(/closed|stopped/);
    expect(() => p.open('gm-1', randomBytes(32), 'x.enc')).toThrow(/closed/);
  });
});
