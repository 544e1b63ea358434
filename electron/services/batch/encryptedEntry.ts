import { Transform, type TransformCallback } from 'node:stream';
import type yazl from 'yazl';
import type { ManifestFileV2 } from '../../../core/batch/formatV2';
import type { Suite } from './suites';

export interface EncryptedEntry {
  /** Plaintext goes in here; it leaves encrypted, into the archive. */
  readonly input: Transform;
  /** The manifest's line for the entry, once the input has ended and the last byte is out. */
  readonly done: Promise<Omit<ManifestFileV2, 'records'>>;
}

/**
 * One `.enc` entry of a v2 batch, encrypted in the pass that writes it: the plaintext is
 * hashed on its way in, the stored bytes (header, ciphertext, tag) on their way out, and
 * nothing is held beyond the chunk in hand. Stored, not deflated: ciphertext does not shrink.
 */
export function addEncryptedEntry(zip: yazl.ZipFile, suite: Suite, contentKey: Uint8Array, storedPath: string, mtime: Date, plainSize?: number): EncryptedEntry {
  const { header, cipher } = suite.encryptor(contentKey, storedPath);
  const plainHash = suite.hash();
  const storedHash = suite.hash();
  let plainBytes = 0;
  let storedBytes = 0;
  let started = false;
  let resolve!: (v: Omit<ManifestFileV2, 'records'>) => void;
  let reject!: (e: Error) => void;
  const done = new Promise<Omit<ManifestFileV2, 'records'>>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  done.catch(() => undefined);
  const out = (self: Transform, bytes: Uint8Array) => {
    if (!bytes.length) return;
    storedHash.update(bytes);
    storedBytes += bytes.length;
    self.push(bytes);
  };
  const input = new Transform({
    transform(chunk: Buffer, _enc, callback: TransformCallback) {
      if (!started) {
        started = true;
        out(this, header);
      }
      plainHash.update(chunk);
      plainBytes += chunk.length;
      out(this, cipher.update(chunk));
      callback();
    },
    flush(callback: TransformCallback) {
      if (!started) out(this, header);
      out(this, cipher.final());
      resolve({ path: storedPath, hash: storedHash.digestHex(), bytes: storedBytes, plainHash: plainHash.digestHex(), plainBytes });
      callback();
    },
  });
  input.once('error', reject);
  zip.addReadStream(input, storedPath, {
    mtime,
    mode: 0o100644,
    compress: false,
    ...(plainSize === undefined ? {} : { size: plainSize + suite.overhead }),
  });
  return { input, done };
}
