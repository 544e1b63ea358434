import { Transform, type TransformCallback } from 'node:stream';
import type yazl from 'yazl';
import type { ManifestFileV2 } from '../../../core/batch/formatV2';
import type { Suite } from './suites';
import type { SealPool } from './sealPool';

export interface EncryptedEntry {
  /** Plaintext goes in here; it leaves encrypted, into the archive. */
  readonly input: Transform;
  /** The manifest's line for the entry, once the input has ended and the last byte is out. */
  readonly done: Promise<Omit<ManifestFileV2, 'records'>>;
}

export interface EncryptedEntryOptions {
  /** The plaintext's size when known up front (a PDF): the ZIP header then carries it. */
  plainSize?: number;
  /** H of the whole plaintext when the caller has computed it already: not hashed again. */
  plainHash?: string;
  /** Seal on these worker threads instead of the calling one. */
  pool?: SealPool;
}

/** Plaintext bytes handed to a sealing thread and not yet back; past this the writer waits. */
const IN_FLIGHT = 1024 * 1024;

/**
 * One `.enc` entry of a v2 batch, encrypted in the pass that writes it: the plaintext is
 * hashed on its way in, the stored bytes (header, ciphertext, tag) on their way out, and
 * nothing is held beyond the chunks in hand. Stored, not deflated: ciphertext does not shrink.
 */
export function addEncryptedEntry(
  zip: yazl.ZipFile,
  suite: Suite,
  contentKey: Uint8Array,
  storedPath: string,
  mtime: Date,
  options: EncryptedEntryOptions = {},
): EncryptedEntry {
  let resolve!: (v: Omit<ManifestFileV2, 'records'>) => void;
  let reject!: (e: Error) => void;
  const done = new Promise<Omit<ManifestFileV2, 'records'>>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  done.catch(() => undefined);
  const input = options.pool
    ? pooledInput(options.pool, suite, contentKey, storedPath, options.plainHash, resolve)
    : localInput(suite, contentKey, storedPath, options.plainHash, resolve);
  input.once('error', reject);
  zip.addReadStream(input, storedPath, {
    mtime,
    mode: 0o100644,
    compress: false,
    ...(options.plainSize === undefined ? {} : { size: options.plainSize + suite.overhead }),
  });
  return { input, done };
}

type Resolve = (v: Omit<ManifestFileV2, 'records'>) => void;

/** Sealed on the calling thread, a chunk at a time. */
function localInput(suite: Suite, contentKey: Uint8Array, storedPath: string, knownPlainHash: string | undefined, resolve: Resolve): Transform {
  const { header, cipher } = suite.encryptor(contentKey, storedPath);
  const plainHash = knownPlainHash === undefined ? suite.hash() : null;
  const storedHash = suite.hash();
  let plainBytes = 0;
  let storedBytes = 0;
  let started = false;
  const out = (self: Transform, bytes: Uint8Array) => {
    if (!bytes.length) return;
    storedHash.update(bytes);
    storedBytes += bytes.length;
    self.push(bytes);
  };
  return new Transform({
    transform(chunk: Buffer, _enc, callback: TransformCallback) {
      if (!started) {
        started = true;
        out(this, header);
      }
      plainHash?.update(chunk);
      plainBytes += chunk.length;
      out(this, cipher.update(chunk));
      callback();
    },
    flush(callback: TransformCallback) {
      if (!started) out(this, header);
      out(this, cipher.final());
      resolve({ path: storedPath, hash: storedHash.digestHex(), bytes: storedBytes, plainHash: knownPlainHash ?? plainHash!.digestHex(), plainBytes });
      callback();
    },
  });
}

/**
 * Sealed on a pool thread. Chunks are sent as they are written and the writer is let go
 * at once, up to IN_FLIGHT bytes, so the next chunk is built while this one is encrypted;
 * the thread answers in order, and each answer is pushed on as it comes.
 */
function pooledInput(
  pool: SealPool,
  suite: Suite,
  contentKey: Uint8Array,
  storedPath: string,
  knownPlainHash: string | undefined,
  resolve: Resolve,
): Transform {
  const session = pool.open(suite.id, contentKey, storedPath, knownPlainHash);
  let inFlight = 0;
  let held: TransformCallback | null = null;
  const input: Transform = new Transform({
    writableHighWaterMark: IN_FLIGHT,
    transform(chunk: Buffer, _enc, callback: TransformCallback) {
      inFlight += chunk.length;
      session.update(chunk).then(
        (out) => {
          inFlight -= chunk.length;
          if (out.length) input.push(out);
          if (held && inFlight < IN_FLIGHT) {
            const go = held;
            held = null;
            go();
          }
        },
        (err: Error) => input.destroy(err),
      );
      if (inFlight < IN_FLIGHT) callback();
      else held = callback;
    },
    flush(callback: TransformCallback) {
      session.final().then(
        ({ out, totals }) => {
          if (out.length) input.push(out);
          resolve({ path: storedPath, ...totals });
          callback();
        },
        (err: Error) => callback(err),
      );
    },
  });
  return input;
}
