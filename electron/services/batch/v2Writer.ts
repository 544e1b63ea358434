import { randomBytes, randomUUID } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import yazl from 'yazl';
import {
  BATCH_FORMAT,
  BATCH_RECORD_TYPES,
  BATCH_SCHEMA_VERSION,
  batchFileName,
  MANIFEST,
  recordFileOf,
  SIGNATURE,
  type BatchRecordType,
  type StationOfManifest,
} from '../../../core/batch/format';
import {
  BATCH_FORMAT_VERSION_2,
  serializeManifestV2,
  storedNameOf,
  type ManifestFileV2,
  type ManifestV2,
  type RecipientEntry,
  type SuiteId,
} from '../../../core/batch/formatV2';
import { toBase64 } from '../../../core/batch/keys';
import { periodOf, recordLineProblem } from '../../../core/batch/records';
import { toRfc3339 } from '../../../core/time/rfc3339';
import { addEncryptedEntry, type EncryptedEntry } from './encryptedEntry';
import { suiteOf, type Suite } from './suites';

const PDF_PATH = /^documents\/[A-Za-z0-9][A-Za-z0-9._-]{0,100}\.pdf$/;

export interface V2WriterOptions {
  suite: SuiteId;
  station: StationOfManifest;
  sequence: number;
  /** H under this suite of the previous batch's manifest.json bytes (v1 or v2), null for the first. */
  previousManifestHash: string | null;
  /** The receiving centres' public keys, in the suite's encoding; at least one. */
  recipients: readonly string[];
  appVersion: string;
  /** The station's signing key in the suite's encoding, as the manifest carries it. */
  publicKey: string;
  /** Signs the manifest bytes with that key; the private key stays with the caller. */
  sign(manifestBytes: Uint8Array): Uint8Array;
  batchId?: string;
  createdAt?: string;
}

export interface V2WriteResult {
  manifest: ManifestV2;
  manifestBytes: Uint8Array;
  /** H of manifest.json in the batch's suite: the next batch's previousManifestHash. */
  manifestHash: string;
  fileName: string;
}

export class WriterError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WriterError';
  }
}

/**
 * Writes one v2 batch to `out` in a single streaming pass: record lines and PDFs are
 * encrypted under a fresh content key as they arrive, the key is wrapped to every centre,
 * and manifest.json and manifest.sig close the archive. Records arrive by type in the
 * order of BATCH_RECORD_TYPES, then the PDFs their document lines name.
 */
export class BatchV2Writer {
  readonly batchId: string;
  readonly createdAt: string;
  private readonly suite: Suite;
  private readonly zip = new yazl.ZipFile();
  private readonly mtime: Date;
  private readonly contentKey = randomBytes(32);
  private readonly written: Promise<void>;
  private readonly file: WriteStream;
  private readonly files: Promise<ManifestFileV2>[] = [];
  private readonly counts = Object.fromEntries(BATCH_RECORD_TYPES.map((t) => [t, 0])) as Record<BatchRecordType, number>;
  private readonly updatedAts: string[] = [];
  private readonly documentRefs = new Map<string, string>();
  private readonly pdfs = new Set<string>();
  private current: { type: BatchRecordType; entry: EncryptedEntry; lines: number } | null = null;
  private lastType = -1;

  constructor(
    readonly out: string,
    private readonly options: V2WriterOptions,
  ) {
    if (options.recipients.length === 0) throw new WriterError('没有登记接收批次的法律援助中心，无法写出加密批次');
    this.suite = suiteOf(options.suite);
    for (const key of options.recipients) {
      if (!this.suite.recipientKeyBytes(key)) throw new WriterError(`接收方公钥不是套件 ${options.suite} 的公钥`);
    }
    this.batchId = options.batchId ?? randomUUID();
    this.createdAt = options.createdAt ?? toRfc3339();
    this.mtime = new Date(this.createdAt);
    this.file = createWriteStream(out, { flags: 'wx' });
    this.zip.outputStream.pipe(this.file);
    this.written = once(this.file, 'close').then(() => undefined);
  }

  private closeRecords(): void {
    const c = this.current;
    if (!c) return;
    c.entry.input.end();
    const lines = c.lines;
    this.files.push(c.entry.done.then((f) => ({ ...f, records: lines })));
    this.current = null;
  }

  async appendRecords(type: BatchRecordType, records: readonly unknown[]): Promise<void> {
    if (this.pdfs.size > 0) throw new WriterError('记录须在文书 PDF 之前提交');
    const at = BATCH_RECORD_TYPES.indexOf(type);
    if (this.current?.type !== type) {
      if (at < this.lastType) throw new WriterError('记录类型的提交顺序不对');
      this.closeRecords();
      this.lastType = at;
      this.current = { type, entry: addEncryptedEntry(this.zip, this.suite, this.contentKey, storedNameOf(recordFileOf(type)), this.mtime), lines: 0 };
    }
    const lines: string[] = [];
    for (const [i, record] of records.entries()) {
      const problem = recordLineProblem(type, record, 2);
      if (problem) throw new WriterError(`第 ${i + 1} 条${type}记录无效：${problem.message}`);
      const r = record as { updatedAt: string; deleted: boolean; file?: string; hash?: string };
      if (type === 'documents' && !r.deleted) {
        if (!PDF_PATH.test(r.file!)) throw new WriterError(`文书的文件名无效：${r.file}`);
        this.documentRefs.set(r.file!, r.hash!);
      }
      this.updatedAts.push(r.updatedAt);
      lines.push(JSON.stringify(record));
    }
    if (lines.length === 0) return;
    const c = this.current!;
    c.lines += lines.length;
    this.counts[type] += lines.length;
    if (!c.entry.input.write(Buffer.from(`${lines.join('\n')}\n`, 'utf8'))) await once(c.entry.input, 'drain');
  }

  /** A document's PDF, named by a line already sent, with the plaintext hash that line gives. */
  async appendFile(path: string, bytes: Uint8Array): Promise<void> {
    if (!PDF_PATH.test(path)) throw new WriterError(`文件名无效：${path}`);
    const expected = this.documentRefs.get(path);
    if (!expected) throw new WriterError(`没有文书记录引用 ${path}`);
    if (this.pdfs.has(path)) return;
    const h = this.suite.hash();
    h.update(bytes);
    const plainHash = h.digestHex();
    if (plainHash !== expected) throw new WriterError(`${path} 的内容与文书记录的哈希不符`);
    this.closeRecords();
    this.pdfs.add(path);
    const entry = addEncryptedEntry(this.zip, this.suite, this.contentKey, storedNameOf(path), this.mtime, { plainSize: bytes.length, plainHash });
    this.files.push(entry.done);
    entry.input.end(Buffer.from(bytes));
    await entry.done;
  }

  async finish(): Promise<V2WriteResult> {
    this.closeRecords();
    for (const path of this.documentRefs.keys()) if (!this.pdfs.has(path)) throw new WriterError(`缺少文书文件 ${path}`);
    const files = await Promise.all(this.files);
    const recipients: RecipientEntry[] = this.options.recipients.map((key) => this.suite.wrap(this.contentKey, key, this.batchId));
    this.contentKey.fill(0);
    const base: Omit<ManifestV2, 'publicKey'> = {
      format: BATCH_FORMAT,
      formatVersion: BATCH_FORMAT_VERSION_2,
      suite: this.options.suite,
      batchId: this.batchId,
      sequence: this.options.sequence,
      previousManifestHash: this.options.previousManifestHash,
      station: this.options.station,
      createdAt: this.createdAt,
      period: periodOf(this.updatedAts, this.createdAt.slice(0, 10)),
      appVersion: this.options.appVersion,
      schemaVersion: BATCH_SCHEMA_VERSION,
      counts: this.counts,
      files,
      recipients,
    };
    const manifestBytes = serializeManifestV2({ ...base, publicKey: this.options.publicKey });
    const signature = this.options.sign(manifestBytes);
    const manifest: ManifestV2 = JSON.parse(new TextDecoder().decode(manifestBytes)) as ManifestV2;
    this.zip.addBuffer(Buffer.from(manifestBytes), MANIFEST, { mtime: this.mtime, mode: 0o100644 });
    this.zip.addBuffer(Buffer.from(toBase64(signature), 'ascii'), SIGNATURE, { mtime: this.mtime, mode: 0o100644, compress: false });
    this.zip.end();
    await this.written;
    const h = this.suite.hash();
    h.update(manifestBytes);
    return { manifest, manifestBytes, manifestHash: h.digestHex(), fileName: batchFileName(manifest) };
  }

  /** Stops writing; the caller removes the file. */
  abort(): void {
    this.contentKey.fill(0);
    this.zip.outputStream.unpipe();
    this.file.destroy();
  }
}
