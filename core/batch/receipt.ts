import { z } from 'zod';
import { isRfc3339 } from '../time/rfc3339';
import { isUuid } from './format';
import { SUITES, type SuiteId } from './formatV2';
import type { SuiteRegistry } from './suite';

/**
 * The receipt a receiving centre gives for a batch it accepted (shared/spec/batch-format.md,
 * "Upload and receipt"): in a 201/200 answer to an upload, or as `<batch file>.receipt.json`
 * carried back on the stick. Both carry the same document: the receipt, the centre's signature
 * over the receipt's canonical JSON bytes, the suite, and the centre's signing key, so a
 * station can pin that key the first time (after a fingerprint check) and hold later receipts to it.
 */
export const RECEIPT_FORMAT = 'dlbatch-receipt';
export const RECEIPT_SUFFIX = '.receipt.json';

const HEX64 = /^[0-9a-f]{64}$/;
const base64 = z
  .string()
  .regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/, '应为 base64')
  .min(1);

export const batchReceiptSchema = z.strictObject({
  batchId: z.string().refine(isUuid, '应为 UUID'),
  stationCode: z.string().min(1, '不能为空'),
  sequence: z.number().int().min(1),
  /** `H` of the manifest bytes under the batch's suite (SHA-256 for v1). */
  manifestHash: z.string().regex(HEX64, '应为 64 位小写十六进制哈希'),
  receivedAt: z.string().refine(isRfc3339, '应为带时区的 RFC 3339 时间'),
  /** Record lines the centre took in, all files together. */
  records: z.number().int().min(0),
});
export type BatchReceipt = z.infer<typeof batchReceiptSchema>;

export const receiptDocumentSchema = z.strictObject({
  format: z.literal(RECEIPT_FORMAT),
  suite: z.enum(SUITES),
  receipt: batchReceiptSchema,
  /** The centre's signing key in the suite's encoding, base64. */
  publicKey: base64,
  /** Over `canonicalReceiptBytes(receipt)`, in the suite's encoding, base64. */
  signature: base64,
});
export type ReceiptDocument = z.infer<typeof receiptDocumentSchema>;

/** Keys sorted, no spaces, UTF-8: the bytes the centre signs. */
export function canonicalReceiptBytes(receipt: BatchReceipt): Uint8Array {
  const sorted = Object.keys(receipt)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${JSON.stringify(receipt[k as keyof BatchReceipt])}`);
  return new TextEncoder().encode(`{${sorted.join(',')}}`);
}

/** The receipt file's name beside the batch it answers. */
export function receiptFileName(batchFileName: string): string {
  return `${batchFileName}${RECEIPT_SUFFIX}`;
}

/** The suite a v1 batch's receipt is signed in: v1 signs with Ed25519, as intl-1 does. */
export function receiptSuiteOf(formatVersion: number, suite: SuiteId | undefined): SuiteId {
  return formatVersion === 1 || !suite ? 'intl-1' : suite;
}

/** What the station expects of a receipt: the batch it sent, as its ledger holds it. */
export interface ReceiptExpectation {
  batchId: string;
  stationCode: string;
  sequence: number;
  manifestHash: string;
  suite: SuiteId;
  /** The centre's signing key pinned from an earlier receipt, if any. */
  pinnedPublicKey?: string | null | undefined;
}

export type ReceiptCheck = { ok: true; document: ReceiptDocument } | { ok: false; problems: string[] };

/** Reads a receipt document from parsed JSON; problems in Chinese. */
export function parseReceiptDocument(value: unknown): ReceiptCheck {
  const parsed = receiptDocumentSchema.safeParse(value);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((i) => `回执格式不符：${i.path.join('.') || '（整体）'}：${i.message}`) };
  }
  return { ok: true, document: parsed.data };
}

/**
 * Checks a receipt against the batch it should answer: shape, suite, the fields the station
 * knows, the signature, and the pinned key when there is one. Every problem is listed.
 */
export function checkReceipt(value: unknown, expect: ReceiptExpectation, suites: SuiteRegistry): ReceiptCheck {
  const read = parseReceiptDocument(value);
  if (!read.ok) return read;
  const doc = read.document;
  const r = doc.receipt;
  const problems: string[] = [];
  if (doc.suite !== expect.suite) problems.push(`回执的算法套件 ${doc.suite} 与批次的 ${expect.suite} 不一致`);
  if (r.batchId !== expect.batchId) problems.push('回执所指的批次编号与本批次不一致');
  if (r.stationCode !== expect.stationCode) problems.push(`回执所指的工作站编码 ${r.stationCode} 与本站 ${expect.stationCode} 不一致`);
  if (r.sequence !== expect.sequence) problems.push(`回执所指的批次序号 ${r.sequence} 与本批次 ${expect.sequence} 不一致`);
  if (r.manifestHash !== expect.manifestHash) problems.push('回执中的清单哈希与本批次的清单不一致');
  const suite = suites[doc.suite];
  if (!suite.signingKeyValid(doc.publicKey)) {
    problems.push('回执中的中心签名公钥不是该算法套件的有效公钥');
  } else if (!suite.verifySignature(canonicalReceiptBytes(r), base64Bytes(doc.signature), doc.publicKey)) {
    problems.push('回执签名无效');
  }
  if (expect.pinnedPublicKey && expect.pinnedPublicKey !== doc.publicKey) problems.push('回执的签名公钥与此前登记的接收中心签名公钥不一致');
  return problems.length ? { ok: false, problems } : { ok: true, document: doc };
}

function base64Bytes(text: string): Uint8Array {
  const bin = atob(text);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
