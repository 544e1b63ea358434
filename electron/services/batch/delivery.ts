import { randomUUID } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { z } from 'zod';
import {
  checkReceipt,
  parseReceiptDocument,
  receiptDocumentSchema,
  receiptSuiteOf,
  type ReceiptDocument,
  type ReceiptExpectation,
} from '../../../core/batch/receipt';
import { FINGERPRINT_PATTERN, samePublicKey } from '../../../core/batch/keys';
import { SUITES } from '../../../core/batch/formatV2';
import type { DeliveryState, KeptReceipt, PinnedReceiptKey, ReceiptOutcome, UploadStatus } from '../../../core/api/contract';
import { toRfc3339 } from '../../../core/time/rfc3339';
import { ServiceError } from '../errors';
import type { KeyValueStore } from '../settings/keyValueStore';
import { previousManifestSm3 } from './chainHash';
import type { BatchLedgerEntry, Ledger } from './ledger';
import type { SecretProtector } from './secretProtector';
import { signingKeyFingerprint } from './stationKey';
import { nodeSuites } from './suites';
import { getHead, normalCentreUrl, postBatch, sealedBatchStream, type CentreHead } from './uploadClient';

/** A receipt file is well under a kilobyte; anything far larger is not one. */
const MAX_RECEIPT_FILE_BYTES = 64 * 1024;
/** After a network error or a 5xx: 5 s, 30 s, 2 min, then every 10 min. */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [5_000, 30_000, 120_000, 600_000];

const URL_KEY = 'deliveryCentreUrl';
const PINS_KEY = 'receiptKeys';
const QUEUE_KEY = 'deliveryQueue';

const person = z.strictObject({ id: z.string().min(1).max(64), name: z.string().max(100) });
const fingerprint = z.string().regex(FINGERPRINT_PATTERN);

const pinSchema = z.strictObject({
  name: z.string().min(1).max(200),
  suite: z.enum(SUITES),
  publicKey: z.string().min(1).max(400),
  fingerprint,
  pinnedAt: z.string().max(40),
  pinnedBy: person,
});
/** Strict: which centre keys vouch for a delivery is a supervisor's decision on record. */
const pinsSchema = z.array(pinSchema).max(64);

const queueItemSchema = z.strictObject({
  batchId: z.uuid(),
  state: z.enum(['uploading', 'waiting', 'conflict', 'refused', 'failed', 'confirm']),
  attempts: z.number().int().min(0),
  nextAttemptAt: z.string().max(40).nullable(),
  message: z.string().max(2000).nullable(),
  reasons: z.array(z.string().max(500)).max(50),
  centreHead: z.strictObject({ sequence: z.number().int().min(0), manifestHash: z.string().regex(/^[0-9a-f]{64}$/) }).nullable(),
  /** A receipt an upload brought back, kept until the supervisor confirms its centre key. */
  receipt: receiptDocumentSchema.optional(),
  /** Who the upload is for: the supervisor who exported or asked for it. */
  by: person,
});
type QueueItem = z.infer<typeof queueItemSchema>;

type Actor = { id: string; name: string };

export interface DeliveryPorts {
  store: KeyValueStore;
  ledger: Ledger;
  dataDir: string;
  protector: SecretProtector;
  /** The native open dialog for a receipt file. */
  chooseReceiptFile(): Promise<string | null>;
  /** The station's code, for the centre's head of this station. */
  stationCode(): string | null;
  /** The registered receiving centres' names: the name offered for a centre key met the first time. */
  centreNames(): string[];
  /** Node's fetch; a test may answer in its place. */
  fetch?: typeof fetch;
  now?(): number;
  /** Delays between automatic tries, the last one repeated (default DEFAULT_RETRY_DELAYS_MS). */
  retryDelaysMs?: readonly number[];
}

/** Spaces and case do not matter when a supervisor types the fingerprint back. */
const normalFingerprint = (f: string) => f.replace(/\s+/g, '').toUpperCase();

/** The station code a batch's file name begins with: the code its manifest was signed under. */
export function stationCodeOfFile(fileName: string): string {
  return fileName.replace(/_\d{6,}_\d{8}_\d{8}\.dlbatch\.zip$/, '');
}

/**
 * What a receipt must say of a batch, from the ledger alone: its id, station, sequence and
 * the manifest's H under the suite the receipt is signed in (SHA-256 for v1 and intl-1, SM3
 * for gm-1, which the ledger keeps for every batch since v2 and reads from the sealed copy otherwise).
 */
export async function receiptExpectation(entry: BatchLedgerEntry, dataDir: string, protector: SecretProtector): Promise<ReceiptExpectation> {
  const suite = receiptSuiteOf(entry.suite ? 2 : 1, entry.suite);
  return {
    batchId: entry.batchId,
    stationCode: stationCodeOfFile(entry.fileName),
    sequence: entry.sequence,
    manifestHash: suite === 'gm-1' ? await previousManifestSm3(dataDir, entry, protector) : entry.manifestSha256,
    suite,
  };
}

/**
 * Delivery of the station's batches (issue 19, shared/spec/batch-format.md "Upload and
 * receipt"): receipts carried back on the stick, the centre keys that sign them (pinned after
 * a phone check of the fingerprint), and the upload queue. Main alone reads receipt files and
 * talks to the centre; the queue lives in the settings file, so a restart resumes it.
 */
export function createDelivery(ports: DeliveryPorts) {
  const now = ports.now ?? Date.now;
  const fetcher = ports.fetch ?? fetch;
  const delays = ports.retryDelaysMs?.length ? ports.retryDelaysMs : DEFAULT_RETRY_DELAYS_MS;
  /** Receipts waiting for the supervisor to confirm their centre key, by token. */
  const pending = new Map<string, { batchId: string; document: ReceiptDocument; via: KeptReceipt['via']; fingerprint: string }>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;

  const centreUrl = (): string | null => {
    const raw = ports.store.get(URL_KEY);
    return typeof raw === 'string' && raw ? raw : null;
  };
  const pins = (): PinnedReceiptKey[] => {
    const raw = ports.store.get(PINS_KEY);
    if (raw === undefined) return [];
    const parsed = pinsSchema.safeParse(raw);
    // A damaged list must not quietly accept or refuse receipts: say so.
    if (!parsed.success) throw new ServiceError('receipt_keys_damaged', '接收中心签名公钥的登记信息已损坏，无法核对回执');
    return parsed.data;
  };
  const queue = (): QueueItem[] => {
    const raw = ports.store.get(QUEUE_KEY);
    if (!Array.isArray(raw)) return [];
    // An item that no longer reads is dropped: its batch stays 未送达 and can be uploaded again.
    return raw.flatMap((i) => {
      const parsed = queueItemSchema.safeParse(i);
      return parsed.success ? [parsed.data] : [];
    });
  };
  const saveQueue = (items: QueueItem[]) => ports.store.set(QUEUE_KEY, items);
  const putItem = (item: QueueItem): QueueItem => {
    saveQueue([...queue().filter((i) => i.batchId !== item.batchId), queueItemSchema.parse(item)]);
    return item;
  };
  const dropItem = (batchId: string) => saveQueue(queue().filter((i) => i.batchId !== batchId));
  const statusOf = ({ receipt, by, ...rest }: QueueItem): UploadStatus => (void receipt, void by, rest);

  const pinOf = (doc: ReceiptDocument) => pins().find((p) => p.suite === doc.suite && samePublicKey(p.publicKey, doc.publicKey)) ?? null;

  const entryOf = (batchId: string): BatchLedgerEntry => {
    const entry = ports.ledger.get(batchId);
    if (!entry) throw new ServiceError('no_batch', '找不到该批次');
    return entry;
  };

  /** Keeps a checked receipt with its batch: the batch is delivered. */
  const take = (entry: BatchLedgerEntry, doc: ReceiptDocument, pin: PinnedReceiptKey, via: KeptReceipt['via'], by: Actor): ReceiptOutcome => {
    ports.ledger.update(entry.batchId, (e) => ({
      ...e,
      status: 'delivered',
      delivered: e.delivered ?? { at: toRfc3339(new Date(now())), by: { id: by.id, name: by.name } },
      receipt: { document: doc, centre: pin.name, fingerprint: pin.fingerprint, via },
    }));
    dropItem(entry.batchId);
    return { outcome: 'accepted', sequence: entry.sequence, centre: pin.name, receivedAt: doc.receipt.receivedAt };
  };

  /** Checks a receipt against its batch; takes it, or asks for the centre key to be confirmed, or lists every problem. */
  const consider = async (entry: BatchLedgerEntry, value: unknown, via: KeptReceipt['via'], by: Actor): Promise<ReceiptOutcome> => {
    const check = checkReceipt(value, await receiptExpectation(entry, ports.dataDir, ports.protector), nodeSuites);
    if (!check.ok) return { outcome: 'refused', sequence: entry.sequence, problems: check.problems };
    const doc = check.document;
    const pin = pinOf(doc);
    if (pin) return take(entry, doc, pin, via, by);
    const fp = signingKeyFingerprint(doc.suite, doc.publicKey);
    if (!fp) return { outcome: 'refused', sequence: entry.sequence, problems: ['回执中的中心签名公钥无效'] };
    const token = randomUUID();
    pending.set(token, { batchId: entry.batchId, document: doc, via, fingerprint: fp });
    const names = ports.centreNames();
    return {
      outcome: 'confirm',
      token,
      sequence: entry.sequence,
      suite: doc.suite,
      fingerprint: fp,
      receivedAt: doc.receipt.receivedAt,
      suggestedName: names.length === 1 ? names[0]! : '',
    };
  };

  const retryDelay = (attempts: number) => delays[Math.min(attempts, delays.length) - 1] ?? delays[delays.length - 1]!;

  /** One try of one batch; the queue item says how it ended. */
  const attempt = async (item: QueueItem): Promise<void> => {
    const entry = ports.ledger.get(item.batchId);
    if (!entry || entry.receipt) return dropItem(item.batchId);
    const base = centreUrl();
    if (!base) {
      putItem({ ...item, state: 'failed', nextAttemptAt: null, message: '上传地址已清除，未上传' });
      return;
    }
    const attempts = item.attempts + 1;
    putItem({ ...item, state: 'uploading', attempts, nextAttemptAt: null });
    const settled = (change: Partial<QueueItem>) =>
      putItem({ ...item, attempts, nextAttemptAt: null, message: null, reasons: [], centreHead: null, ...change });
    let body;
    try {
      body = sealedBatchStream(ports.dataDir, entry, ports.protector);
    } catch (err) {
      settled({ state: 'failed', message: (err as Error).message });
      return;
    }
    const answer = await postBatch(base, body, fetcher);
    switch (answer.kind) {
      case 'receipt': {
        let outcome: ReceiptOutcome;
        try {
          outcome = await consider(entry, answer.body, 'upload', item.by);
        } catch (err) {
          settled({ state: 'failed', message: `接收中心已接收，但无法核对回执：${(err as Error).message}` });
          return;
        }
        if (outcome.outcome === 'confirm') {
          pending.delete(outcome.token);
          const read = parseReceiptDocument(answer.body);
          settled({ state: 'confirm', message: '接收中心已接收该批次；其回执的签名公钥尚未确认', ...(read.ok ? { receipt: read.document } : {}) });
        } else if (outcome.outcome === 'refused') {
          settled({ state: 'failed', message: '接收中心答复已接收，但回执未通过核对', reasons: outcome.problems });
        }
        return;
      }
      case 'conflict':
        settled({
          state: 'conflict',
          centreHead: answer.head,
          message: answer.head
            ? `批次链不接续：接收中心记录的本站最新批次为第 ${answer.head.sequence} 号，本批次为第 ${entry.sequence} 号`
            : `批次链不接续：接收中心尚无本站的批次，本批次为第 ${entry.sequence} 号`,
        });
        return;
      case 'refused':
        settled({ state: 'refused', message: '接收中心拒收该批次', reasons: answer.reasons.length ? answer.reasons : ['接收中心未说明原因'] });
        return;
      case 'failed':
        settled({ state: 'failed', message: answer.message });
        return;
      case 'retry':
        settled({ state: 'waiting', message: answer.message, nextAttemptAt: toRfc3339(new Date(now() + retryDelay(attempts))) });
        return;
    }
  };

  const due = (): QueueItem | null =>
    queue()
      .filter((i) => i.state === 'waiting' && (i.nextAttemptAt === null || Date.parse(i.nextAttemptAt) <= now()))
      .sort((a, b) => Date.parse(a.nextAttemptAt ?? '') - Date.parse(b.nextAttemptAt ?? ''))[0] ?? null;

  /** Runs every due upload, one at a time, then sleeps until the next one is due. */
  const kick = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    running ??= (async () => {
      for (let item = due(); item && !stopped; item = due()) await attempt(item);
    })().finally(() => {
      running = null;
      schedule();
    });
    return running;
  };
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (stopped || running) return;
    const next = queue()
      .filter((i) => i.state === 'waiting')
      .map((i) => (i.nextAttemptAt ? Date.parse(i.nextAttemptAt) : now()))
      .sort((a, b) => a - b)[0];
    if (next === undefined) return;
    timer = setTimeout(() => void kick(), Math.max(0, next - now()));
    // A pending retry never keeps the process (a CLI, a test run) alive by itself.
    timer.unref?.();
  };

  const enqueue = (batchId: string, by: Actor, attempts: number): QueueItem =>
    putItem({ batchId, state: 'waiting', attempts, nextAttemptAt: null, message: null, reasons: [], centreHead: null, by: { id: by.id, name: by.name } });

  // A try cut off by a restart is due again at once; waiting ones keep their time.
  saveQueue(queue().map((i) => (i.state === 'uploading' ? { ...i, state: 'waiting' as const, nextAttemptAt: null } : i)));

  const state = (): DeliveryState => ({ centreUrl: centreUrl(), pinnedKeys: pins(), uploads: queue().map(statusOf) });

  return {
    state,

    /** Called once a batch is exported: with an upload address set, it goes to the centre. */
    exported(batchId: string, by: Actor): void {
      if (!centreUrl()) return;
      enqueue(batchId, by, 0);
      void kick();
    },

    /** Uploads now: the first time, or again after a failure or a refusal (the same stored bytes). */
    async uploadNow(input: { batchId: string; actor: Actor }): Promise<UploadStatus> {
      const entry = entryOf(input.batchId);
      if (entry.receipt) throw new ServiceError('delivered', '该批次已有接收中心的回执');
      if (!centreUrl()) throw new ServiceError('no_centre_url', '尚未设置接收中心的上传地址');
      const current = queue().find((i) => i.batchId === input.batchId);
      if (current?.state === 'uploading') return statusOf(current);
      if (current?.state === 'confirm') throw new ServiceError('confirm_first', '接收中心已接收该批次，请先核对其回执的签名公钥');
      const item = enqueue(input.batchId, input.actor, current?.attempts ?? 0);
      void kick();
      return statusOf(item);
    },

    async openReceipt(input: { actor: Actor }): Promise<ReceiptOutcome | null> {
      const path = await ports.chooseReceiptFile();
      if (!path) return null;
      const value = readReceiptFile(path);
      const read = parseReceiptDocument(value);
      if (!read.ok) return { outcome: 'refused', sequence: null, problems: read.problems };
      const entry = ports.ledger.get(read.document.receipt.batchId);
      if (!entry) return { outcome: 'refused', sequence: null, problems: ['回执所指的批次不是本站导出的批次（报送记录中没有该批次编号）'] };
      return consider(entry, value, 'file', input.actor);
    },

    async reviewUploadReceipt(input: { batchId: string; actor: Actor }): Promise<ReceiptOutcome> {
      const item = queue().find((i) => i.batchId === input.batchId);
      if (!item || item.state !== 'confirm' || !item.receipt) throw new ServiceError('no_receipt', '该批次没有待核对的回执');
      return consider(entryOf(input.batchId), item.receipt, 'upload', item.by);
    },

    async confirmReceiptKey(input: { token: string; confirmedFingerprint: string; name: string; actor: Actor }): Promise<ReceiptOutcome> {
      const opened = pending.get(input.token);
      if (!opened) throw new ServiceError('no_receipt', '该回执已关闭，请重新导入');
      if (normalFingerprint(input.confirmedFingerprint) !== normalFingerprint(opened.fingerprint)) {
        throw new ServiceError('fingerprint_mismatch', '确认的指纹与回执签名公钥的指纹不一致，未登记');
      }
      pending.delete(input.token);
      const entry = entryOf(opened.batchId);
      // Checked again: the ledger may have changed while the dialog was open.
      const check = checkReceipt(opened.document, await receiptExpectation(entry, ports.dataDir, ports.protector), nodeSuites);
      if (!check.ok) return { outcome: 'refused', sequence: entry.sequence, problems: check.problems };
      const pin =
        pinOf(check.document) ??
        (() => {
          const added: PinnedReceiptKey = {
            name: input.name.trim(),
            suite: check.document.suite,
            publicKey: check.document.publicKey,
            fingerprint: opened.fingerprint,
            pinnedAt: toRfc3339(new Date(now())),
            pinnedBy: { id: input.actor.id, name: input.actor.name },
          };
          ports.store.set(PINS_KEY, pinsSchema.parse([...pins(), added]));
          return added;
        })();
      return take(
        entry,
        check.document,
        pin,
        opened.via,
        opened.via === 'upload' ? (queue().find((i) => i.batchId === entry.batchId)?.by ?? input.actor) : input.actor,
      );
    },

    setCentreUrl(input: { url: string | null; actor: Actor }): DeliveryState {
      const url = input.url ? normalCentreUrl(input.url) : null;
      if (url) ports.store.set(URL_KEY, url);
      else ports.store.delete(URL_KEY);
      return state();
    },

    async centreHead(): Promise<CentreHead | null> {
      const base = centreUrl();
      if (!base) throw new ServiceError('no_centre_url', '尚未设置接收中心的上传地址');
      const code = ports.stationCode();
      if (!code) throw new ServiceError('no_profile', '请先在设置中填写工作站信息');
      return getHead(base, code, fetcher);
    },

    /** Starts the queue (at launch): what a restart interrupted or left waiting goes on. */
    resume(): void {
      schedule();
      void kick();
    },

    /** Resolves once no upload is running (tests). */
    idle: async (): Promise<void> => {
      while (running) await running;
    },

    stop(): void {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}

/** The receipt file, read once through one descriptor: its size is checked on that descriptor, not on the path. */
function readReceiptFile(path: string): unknown {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (err) {
    throw new ServiceError('receipt_unreadable', `无法读取所选文件：${(err as Error).message}`);
  }
  try {
    if (fstatSync(fd).size > MAX_RECEIPT_FILE_BYTES) throw new ServiceError('bad_receipt', '所选文件不是回执文件（文件过大）');
    const buf = Buffer.alloc(MAX_RECEIPT_FILE_BYTES + 1);
    const n = readSync(fd, buf, 0, buf.length, 0);
    if (n > MAX_RECEIPT_FILE_BYTES) throw new ServiceError('bad_receipt', '所选文件不是回执文件（文件过大）');
    try {
      return JSON.parse(buf.subarray(0, n).toString('utf8')) as unknown;
    } catch {
      throw new ServiceError('bad_receipt', '所选文件不是回执文件（不是有效的 JSON）');
    }
  } finally {
    closeSync(fd);
  }
}

export type Delivery = ReturnType<typeof createDelivery>;
