import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { SuiteId } from '../../../core/batch/formatV2';

/**
 * Worker threads that seal v2 entries, so a batch's cipher, MAC and hashes run beside the
 * main thread's JSON, validation, ZIP and disk work instead of after it. gm-1 needs this:
 * Node's OpenSSL has no accelerated SM4 (≈ 50 MB/s) and SM3 runs at a quarter of SHA-256,
 * so on one thread the crypto alone took longer than a whole v1 export.
 *
 * The worker's code is a string evaluated by Node (`eval: true`), not a module file: the
 * same source then runs in the bundled app, under tsx (bench, harness) and under Vitest,
 * with no worker entry to build or resolve. It repeats each suite's `encryptor` from
 * suites.ts (the framing of shared/spec/batch-format.md "Encrypted files");
 * test/unit/batch/sealPool.test.ts decrypts its output with suites.ts's decryptor.
 */
const WORKER_SOURCE = String.raw`
'use strict';
const { parentPort } = require('node:worker_threads');
const { createCipheriv, createHash, createHmac, randomBytes } = require('node:crypto');
const sessions = new Map();

function open(m) {
  const key = Buffer.from(m.key);
  const path = Buffer.from(m.path, 'utf8');
  const s = { plainBytes: 0, storedBytes: 0, header: null, cipher: null, mac: null, aead: false, plain: null, stored: null };
  if (m.suite === 'intl-1') {
    s.header = randomBytes(12);
    s.cipher = createCipheriv('aes-256-gcm', key, s.header);
    s.cipher.setAAD(path);
    s.aead = true;
    s.plain = m.plainHash ? null : createHash('sha256');
    s.stored = createHash('sha256');
  } else if (m.suite === 'gm-1') {
    s.header = randomBytes(16);
    s.cipher = createCipheriv('sm4-ctr', key.subarray(0, 16), s.header);
    s.mac = createHmac('sm3', key.subarray(16, 32)).update(path).update(Buffer.of(0)).update(s.header);
    s.plain = m.plainHash ? null : createHash('sm3');
    s.stored = createHash('sm3');
  } else {
    throw new Error('unknown suite ' + m.suite);
  }
  key.fill(0);
  m.key.fill(0);
  s.knownPlainHash = m.plainHash || null;
  sessions.set(m.id, s);
  return s;
}

// One message answers one message, in order; its bytes are handed over, not copied. The
// chunk that came in goes back in the transfer list too: detached, it is freed at once
// instead of waiting for this thread's rare garbage collection.
function reply(id, bytes, done, spent) {
  const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);
  const transfer = [own.buffer];
  if (spent && spent.buffer !== own.buffer && spent.byteLength) transfer.push(spent.buffer);
  parentPort.postMessage({ id, out: own, done }, transfer);
}

parentPort.on('message', (m) => {
  try {
    const s = m.key ? open(m) : sessions.get(m.id);
    if (!s) throw new Error('no sealing session ' + m.id);
    const parts = [];
    const out = (b) => {
      if (!b.length) return;
      s.stored.update(b);
      s.storedBytes += b.length;
      parts.push(b);
    };
    if (s.header) {
      out(s.header);
      s.header = null;
    }
    if (m.chunk && m.chunk.length) {
      if (s.plain) s.plain.update(m.chunk);
      s.plainBytes += m.chunk.length;
      const c = s.cipher.update(m.chunk);
      if (s.mac) s.mac.update(c);
      out(c);
    }
    let done;
    if (m.end) {
      const rest = s.cipher.final();
      if (s.mac) {
        s.mac.update(rest);
        out(Buffer.concat([rest, s.mac.digest()]));
      } else {
        out(Buffer.concat([rest, s.cipher.getAuthTag()]));
      }
      sessions.delete(m.id);
      done = { hash: s.stored.digest('hex'), bytes: s.storedBytes, plainHash: s.knownPlainHash || s.plain.digest('hex'), plainBytes: s.plainBytes };
    }
    reply(m.id, parts.length === 1 ? parts[0] : Buffer.concat(parts), done, m.chunk);
  } catch (err) {
    sessions.delete(m.id);
    parentPort.postMessage({ id: m.id, error: String((err && err.message) || err) });
  }
});
`;

/**
 * A thread holds a few chunks and its sessions' small objects; the bytes are outside its
 * heap. V8's default young generation (tens of MB a thread) would stand in RSS beside the
 * main thread's for nothing: a small one keeps each thread to a few MB.
 */
const THREAD_LIMITS = { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 64 } as const;

export interface SealedTotals {
  /** H of the stored bytes (header, ciphertext, tag). */
  hash: string;
  bytes: number;
  plainHash: string;
  plainBytes: number;
}

/** One entry being sealed on a worker: chunks in, stored bytes out, in the order sent. */
export interface SealSession {
  /** The stored bytes for this chunk (the header comes with the first). */
  update(chunk: Uint8Array): Promise<Buffer>;
  /** The last stored bytes (the tag) and the entry's totals; no update after it. */
  final(): Promise<{ out: Buffer; totals: SealedTotals }>;
}

interface Pending {
  resolve(v: { out: Buffer; done?: SealedTotals }): void;
  reject(e: Error): void;
}

interface Thread {
  worker: Worker;
  /** Session id → its answers still to come, oldest first. */
  waiting: Map<number, Pending[]>;
  /** Sessions opened and not yet final. */
  open: number;
}

/** How many threads seal beside the main one: one less than the machine's cores, at least 2 and at most 4. */
export function defaultSealThreads(): number {
  return Math.min(4, Math.max(2, availableParallelism() - 1));
}

/**
 * A small pool for one export. Threads start with the first entry; an entry stays on one
 * thread (its cipher state lives there) and entries go to the thread with the fewest
 * open. Threads are unreferenced while idle, so a forgotten pool never keeps Node alive.
 */
export class SealPool {
  private readonly threads: Thread[] = [];
  private nextId = 1;
  private closed = false;
  private failure: Error | null = null;

  constructor(private readonly size = defaultSealThreads()) {}

  private thread(): Thread {
    if (this.threads.length < this.size && this.threads.every((t) => t.open > 0)) {
      const worker = new Worker(WORKER_SOURCE, { eval: true, resourceLimits: THREAD_LIMITS });
      const t: Thread = { worker, waiting: new Map(), open: 0 };
      worker.unref();
      worker.on('message', (m: { id: number; out?: Uint8Array; done?: SealedTotals; error?: string }) => {
        const queue = t.waiting.get(m.id);
        const p = queue?.shift();
        if (queue && queue.length === 0) t.waiting.delete(m.id);
        if (!p) return;
        if (m.error !== undefined) p.reject(new Error(m.error));
        else p.resolve({ out: Buffer.from(m.out!.buffer, m.out!.byteOffset, m.out!.byteLength), ...(m.done ? { done: m.done } : {}) });
      });
      const fail = (err: Error) => this.failAll(t, err);
      worker.on('error', fail);
      worker.on('exit', (code) => fail(new Error(`sealing thread stopped (${code})`)));
      this.threads.push(t);
      return t;
    }
    return this.threads.reduce((a, b) => (b.open < a.open ? b : a));
  }

  private failAll(t: Thread, err: Error): void {
    this.failure ??= err;
    for (const queue of t.waiting.values()) for (const p of queue) p.reject(err);
    t.waiting.clear();
  }

  /**
   * Starts sealing one stored entry under the content key. `plainHash`, when the caller
   * has already hashed the whole plaintext (a PDF checked against its document line),
   * spares the thread a second pass over it.
   */
  open(suite: SuiteId, contentKey: Uint8Array, storedPath: string, plainHash?: string): SealSession {
    if (this.closed) throw new Error('sealing pool closed');
    if (this.failure) throw this.failure;
    const t = this.thread();
    const id = this.nextId++;
    if (t.open++ === 0) t.worker.ref();
    let first = true;
    let ended = false;
    const send = (message: Record<string, unknown>, transfer: ArrayBuffer[]) =>
      new Promise<{ out: Buffer; done?: SealedTotals }>((resolve, reject) => {
        if (this.failure) return reject(this.failure);
        const queue = t.waiting.get(id) ?? [];
        queue.push({ resolve, reject });
        t.waiting.set(id, queue);
        t.worker.postMessage(message, transfer);
      });
    const opening = (): { key?: Uint8Array; suite?: SuiteId; path?: string; plainHash?: string } => {
      if (!first) return {};
      first = false;
      // A copy for the thread, handed over and zeroed there; the caller keeps its own.
      return { key: new Uint8Array(contentKey), suite, path: storedPath, ...(plainHash ? { plainHash } : {}) };
    };
    let settled = false;
    const settle = () => {
      if (settled) return;
      settled = true;
      if (--t.open === 0) t.worker.unref();
    };
    return {
      update: async (chunk) => {
        if (ended) throw new Error('sealing session ended');
        // Copied into a buffer of its own, which is handed to the thread whole.
        const copy = new Uint8Array(chunk);
        const head = opening();
        try {
          const r = await send({ id, chunk: copy, ...head }, [copy.buffer as ArrayBuffer, ...(head.key ? [head.key.buffer as ArrayBuffer] : [])]);
          return r.out;
        } catch (err) {
          // A failed entry never reaches final(): let the thread go idle now.
          ended = true;
          settle();
          throw err;
        }
      },
      final: async () => {
        if (ended) throw new Error('sealing session ended');
        ended = true;
        const head = opening();
        try {
          const r = await send({ id, end: true, ...head }, head.key ? [head.key.buffer as ArrayBuffer] : []);
          if (!r.done) throw new Error('sealing thread gave no totals');
          return { out: r.out, totals: r.done };
        } finally {
          settle();
        }
      },
    };
  }

  /** Stops the threads; sessions still open fail. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.failure ??= new Error('sealing pool closed');
    await Promise.all(this.threads.map((t) => t.worker.terminate()));
  }
}
