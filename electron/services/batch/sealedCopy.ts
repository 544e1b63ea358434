import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { ServiceError } from '../errors';
import { dirname } from 'node:path';

/** The largest batch file an import takes. */
export const MAX_IMPORT_BYTES = 4 * 1024 ** 3;

/** AES-CTR counter block for byte `offset`: the random IV plus the block number, big-endian. */
function counterAt(iv: Buffer, offset: number): Buffer {
  const block = BigInt(Math.floor(offset / 16));
  const ctr = Buffer.from(iv);
  let carry = block;
  for (let i = 15; i >= 0 && carry > 0n; i--) {
    const sum = BigInt(ctr[i]!) + (carry & 0xffn);
    ctr[i] = Number(sum & 0xffn);
    carry = (carry >> 8n) + (sum >> 8n);
  }
  return ctr;
}

/**
 * The one read of a batch file being imported: copied once into the app's own folder,
 * encrypted (AES-256-CTR) under a key that exists only in this object's memory. Verify
 * and import both read this copy, so what is ingested is exactly what was verified, even
 * if the stick or the shared folder changes the original meanwhile; and other stations'
 * records are never left in the clear on this disk, not even after a crash (the key dies
 * with the process; the next start removes the file).
 */
export class SealedCopy {
  private readonly key = randomBytes(32);
  private readonly iv = randomBytes(16);
  /** Bytes copied: the size of the batch as it was read. */
  size = 0;
  private constructor(readonly path: string) {}

  static async take(source: string, target: string, limit = MAX_IMPORT_BYTES): Promise<SealedCopy> {
    mkdirSync(dirname(target), { recursive: true });
    const sealed = new SealedCopy(target);
    let fh: FileHandle | null = null;
    try {
      fh = await open(source, 'r');
      if ((await fh.stat()).size > limit) throw new ServiceError('too_large', `批次文件超过 ${Math.round(limit / 1024 ** 3)} GB，无法导入`);
      const counting = new Transform({
        transform(chunk: Buffer, _enc, done) {
          sealed.size += chunk.length;
          // The file may grow while it is read: stop at the limit either way.
          if (sealed.size > limit) done(new ServiceError('too_large', '批次文件在读取时超过了大小上限，无法导入'));
          else done(null, chunk);
        },
      });
      await pipeline(
        fh.createReadStream({ autoClose: false }),
        counting,
        createCipheriv('aes-256-ctr', sealed.key, sealed.iv),
        createWriteStream(target, { flags: 'wx', mode: 0o600 }),
      );
      return sealed;
    } catch (err) {
      sealed.destroy();
      if (err instanceof ServiceError) throw err;
      throw new ServiceError('unreadable', `无法读取所选的批次文件：${(err as Error).message}`);
    } finally {
      await fh?.close();
    }
  }

  /** Decrypted bytes [start, end) of the copy. */
  private range(start: number, end: number): Readable {
    const aligned = start - (start % 16);
    const decipher = createDecipheriv('aes-256-ctr', this.key, counterAt(this.iv, aligned));
    let skip = start - aligned;
    const trim = new Transform({
      transform(chunk: Buffer, _enc, done) {
        if (skip >= chunk.length) {
          skip -= chunk.length;
          return done();
        }
        const out = chunk.subarray(skip);
        skip = 0;
        done(null, out);
      },
    });
    if (end <= start) return trim.end() as unknown as Readable;
    const file = createReadStream(this.path, { start: aligned, end: end - 1 });
    // pipe() does not pass errors on: a failed read must fail the reader, not leave it waiting.
    file.on('error', (err) => trim.destroy(err));
    decipher.on('error', (err) => trim.destroy(err));
    return file.pipe(decipher).pipe(trim);
  }

  /** A yauzl reader over the decrypted copy. */
  reader(): yauzl.RandomAccessReader {
    const range = (start: number, end: number) => this.range(start, end);
    return new (class extends yauzl.RandomAccessReader {
      override _readStreamForRange(start: number, end: number): Readable {
        return range(start, end);
      }
    })();
  }

  /** Forgets the key and removes the file. */
  destroy(): void {
    this.key.fill(0);
    rmSync(this.path, { force: true });
  }
}
