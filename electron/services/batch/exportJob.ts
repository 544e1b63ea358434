import { createCipheriv, createHash, randomBytes, randomUUID, type Hash } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, type Transform } from 'node:stream';
import yazl from 'yazl';
import {
  BATCH_FORMAT,
  BATCH_FORMAT_VERSION,
  BATCH_RECORD_TYPES,
  BATCH_SCHEMA_VERSION,
  batchFileName,
  MANIFEST,
  recordFileOf,
  serializeManifest,
  SIGNATURE,
  type BatchRecordType,
  type Manifest,
  type StationOfManifest,
} from '../../../core/batch/format';
import { toBase64, signManifest } from '../../../core/batch/keys';
import { BATCH_FORMAT_VERSION_2, serializeManifestV2, storedNameOf, type ManifestFileV2, type ManifestV2, type SuiteId } from '../../../core/batch/formatV2';
import { addEncryptedEntry, type EncryptedEntry } from './encryptedEntry';
import { suiteOf, type Suite } from './suites';
import { defaultSealThreads, SealPool } from './sealPool';
import { previousManifestSm3 } from './chainHash';
import { periodOf, recordLineProblem } from '../../../core/batch/records';
import { VerifyCancelled, type VerifyOptions } from '../../../core/batch/verify';
import { toRfc3339 } from '../../../core/time/rfc3339';
import { ServiceError } from '../errors';
import type { BatchExportResult, JobProgress } from '../../../core/api/contract';
import type { Ledger, BatchLedgerEntry } from './ledger';
import type { SecretProtector } from './secretProtector';
import type { StationKeys } from './stationKey';
import { verifyZipFile } from './zipArchive';
import { fsyncDirectory, fsyncFile } from './fsSync';
import type { PartialJournal } from './partialJournal';

export type { JobProgress };
export type ExportResult = BatchExportResult;

interface OpenEntry {
  path: string;
  stream: Transform;
  /** Format v2: the entry encrypts what is written to `stream`. */
  encrypted?: EncryptedEntry;
  hash: Hash;
  bytes: number;
  lines: number;
}

interface ExportDeps {
  dataDir: string;
  appVersion: string;
  ledger: Ledger;
  keys: StationKeys;
  protector: SecretProtector;
  journal: PartialJournal;
  station(): StationOfManifest;
  /** What to write; absent = format v1. */
  target?: ExportTarget;
  /** Format v2: threads that encrypt beside the main one (default: by the machine's cores for gm-1, none for intl-1); 0 = on the main thread. */
  sealThreads?: number;
}

/**
 * Format v1 (in the clear, only by a supervisor's explicit choice), or v2 encrypted to
 * the registered centres' public keys under the province's suite.
 */
export type ExportTarget = { version: 1 } | { version: 2; suite: SuiteId; recipients: readonly string[] };

const PDF_PATH = /^documents\/[A-Za-z0-9][A-Za-z0-9._-]{0,100}\.pdf$/;

/**
 * One export, streamed: record lines and PDFs go straight into a ZIP that is written to
 * `<folder>/.<batchId>.partial` (and, encrypted, to the app's own copy for re-export).
 * Nothing is staged in plain text elsewhere and nothing is held whole in memory. Only
 * after the archive is complete, flushed, re-read and verified is it given its real name
 * and the ledger entry written; a cancel or failure before that removes every byte.
 */
export class ExportJob {
  readonly id = randomUUID();
  readonly batchId = randomUUID();
  readonly createdAt = toRfc3339();
  readonly sequence: number;
  readonly previousManifestSha256: string | null;
  progress: JobProgress = { phase: 'collecting', done: 0, total: 0 };

  private readonly zip = new yazl.ZipFile();
  private readonly partialPath: string;
  private readonly note: string;
  private readonly archivePath: string;
  private readonly archiveKey = randomBytes(32);
  private readonly archiveIv = randomBytes(12);
  private readonly cipher;
  private readonly out: WriteStream;
  private readonly copy: WriteStream;
  private readonly written: Promise<void>;
  private readonly mtime: Date;
  private current: OpenEntry | null = null;
  private readonly files: { path: string; sha256: string; bytes: number; records?: number }[] = [];
  /** Format v2: the suite, the content key K, and each entry's manifest line once it is written. */
  private readonly v2: { suite: Suite; recipients: readonly string[]; contentKey: Buffer; files: Promise<ManifestFileV2>[] } | null;
  /** Format v2: where the entries are encrypted; null = on this thread. */
  private readonly pool: SealPool | null;
  private readonly counts = Object.fromEntries(BATCH_RECORD_TYPES.map((t) => [t, 0])) as Record<BatchRecordType, number>;
  private readonly typeOrder: BatchRecordType[] = [];
  private readonly documentRefs = new Map<string, string>();
  private readonly pdfs = new Set<string>();
  private readonly updatedAts: string[] = [];
  private readonly pendingPdfs = new Set<Promise<void>>();
  private cancelled = false;
  private finishing = false;
  private failure: Error | null = null;

  constructor(
    private readonly deps: ExportDeps,
    readonly folder: string,
    readonly actor: { id: string; name: string },
  ) {
    const last = deps.ledger.last();
    this.sequence = (last?.sequence ?? 0) + 1;
    this.previousManifestSha256 = last?.manifestSha256 ?? null;
    const target = deps.target ?? { version: 1 };
    if (target.version === 2 && target.recipients.length === 0) throw new ServiceError('no_recipients', '尚未登记接收批次的法律援助中心，无法导出加密批次');
    this.v2 = target.version === 2 ? { suite: suiteOf(target.suite), recipients: target.recipients, contentKey: randomBytes(32), files: [] } : null;
    // intl-1's AES-GCM and SHA-256 keep pace with the writer on this thread (an export as fast
    // as v1's), and threads leave 30-50 MiB more at the peak; gm-1's SM4 and SM3 need them.
    const threads = deps.sealThreads ?? (target.version === 2 && target.suite === 'gm-1' ? defaultSealThreads() : 0);
    this.pool = this.v2 && threads > 0 ? new SealPool(threads) : null;
    this.mtime = new Date(this.createdAt);
    this.partialPath = join(folder, `.${this.batchId}.dlbatch.partial`);
    const store = join(deps.dataDir, 'batches');
    mkdirSync(store, { recursive: true });
    this.archivePath = join(store, `${this.batchId}.dlbatch.enc`);
    this.cipher = createCipheriv('aes-256-gcm', this.archiveKey, this.archiveIv);
    // Noted before the first byte reaches the drive: a crash from here on is cleaned up at the next start.
    this.note = deps.journal.begin(this.partialPath);
    // An unwritable folder surfaces as a stream error: `failure`, reported on the next call.
    this.out = createWriteStream(this.partialPath, { flags: 'wx' });
    this.copy = createWriteStream(`${this.archivePath}.partial`, { flags: 'w' });
    this.zip.outputStream.pipe(this.out);
    this.zip.outputStream.pipe(this.cipher).pipe(this.copy);
    const finished = (s: WriteStream) =>
      new Promise<void>((resolve, reject) => {
        s.on('close', () => resolve());
        s.on('error', reject);
      });
    this.written = Promise.all([finished(this.out), finished(this.copy)]).then(() => undefined);
    // A write error (full disk, removed drive) fails the job; it surfaces on the next call.
    this.written.catch((err: Error) => (this.failure = err));
  }

  private check(): void {
    if (this.cancelled) throw new ServiceError('cancelled', '导出已取消');
    if (this.failure) throw new ServiceError('export_failed', `写入批次文件失败：${this.failure.message}`);
  }

  /** Resolves once the zip writer has taken everything written to `stream` so far. */
  private async drained(stream: Transform): Promise<void> {
    if (!stream.writableNeedDrain) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        stream.off('drain', done);
        stream.off('close', done);
        clearInterval(poll);
        resolve();
      };
      stream.once('drain', done);
      stream.once('close', done);
      // A cancel or a write error stops the writer: stop waiting for it.
      const poll = setInterval(() => (this.cancelled || this.failure) && done(), 50);
    });
  }

  /** Waits until at most `limit` stored PDFs are still queued ahead of the writer. */
  private async pdfWindow(limit: number): Promise<void> {
    while (this.pendingPdfs.size > limit && !this.cancelled && !this.failure) await Promise.race(this.pendingPdfs);
  }

  private openEntry(path: string, compress: boolean): OpenEntry {
    if (this.v2) {
      const encrypted = this.watch(
        addEncryptedEntry(this.zip, this.v2.suite, this.v2.contentKey, storedNameOf(path), this.mtime, this.pool ? { pool: this.pool } : {}),
      );
      return { path, stream: encrypted.input, encrypted, hash: createHash('sha256'), bytes: 0, lines: 0 };
    }
    const stream = new PassThrough();
    this.zip.addReadStream(stream, path, { mtime: this.mtime, mode: 0o100644, compress });
    return { path, stream, hash: createHash('sha256'), bytes: 0, lines: 0 };
  }

  /** An entry that fails to encrypt stalls the writer: the job fails, reported on the next call. */
  private watch(entry: EncryptedEntry): EncryptedEntry {
    entry.done.catch((err: Error) => {
      this.failure ??= err;
      this.out.destroy(err);
    });
    return entry;
  }

  private closeEntry(): void {
    const e = this.current;
    if (!e) return;
    e.stream.end();
    if (e.encrypted) {
      const lines = e.lines;
      this.v2!.files.push(e.encrypted.done.then((f) => ({ ...f, records: lines })));
    } else {
      this.files.push({ path: e.path, sha256: e.hash.digest('hex'), bytes: e.bytes, records: e.lines });
    }
    this.current = null;
  }

  /** Record lines of one type; types arrive in the order of BATCH_RECORD_TYPES, each once. */
  async appendRecords(type: BatchRecordType, records: unknown[]): Promise<number> {
    this.check();
    if (this.pdfs.size > 0) throw new ServiceError('bad_order', '记录须在文书 PDF 之前提交');
    const at = BATCH_RECORD_TYPES.indexOf(type);
    const lastType = this.typeOrder.at(-1);
    if (lastType !== type) {
      if (lastType && BATCH_RECORD_TYPES.indexOf(lastType) > at) throw new ServiceError('bad_order', '记录类型的提交顺序不对');
      this.closeEntry();
      this.typeOrder.push(type);
      this.current = this.openEntry(recordFileOf(type), true);
    }
    const entry = this.current!;
    const lines: string[] = [];
    for (const [i, record] of records.entries()) {
      const problem = recordLineProblem(type, record, this.v2 ? 2 : 1);
      if (problem) throw new ServiceError('bad_record', `第 ${i + 1} 条${type}记录无效：${problem.message}`);
      const r = record as { updatedAt: string; deleted: boolean; file?: string; sha256?: string; hash?: string };
      if (type === 'documents' && !r.deleted) {
        if (!PDF_PATH.test(r.file!)) throw new ServiceError('bad_record', `文书的文件名无效：${r.file}`);
        // v2 lines carry `hash`, the PDF's H in the batch's suite, in place of v1's `sha256`.
        this.documentRefs.set(r.file!, this.v2 ? r.hash! : r.sha256!);
      }
      this.updatedAts.push(r.updatedAt);
      lines.push(JSON.stringify(record));
    }
    if (lines.length === 0) return 0;
    const buf = Buffer.from(`${lines.join('\n')}\n`, 'utf8');
    // A v2 entry hashes its plaintext under the suite's H itself.
    if (!entry.encrypted) entry.hash.update(buf);
    entry.bytes += buf.length;
    entry.lines += lines.length;
    this.counts[type] += lines.length;
    this.progress = { phase: 'collecting', done: this.progress.done + lines.length, total: this.progress.total };
    // Backpressure: the caller's next chunk waits until the writer has taken this one.
    if (!entry.stream.write(buf)) await this.drained(entry.stream);
    return lines.length;
  }

  /** A document's PDF, named by a line already sent; its hash must be the one the line gives. */
  async appendFile(path: string, bytes: Uint8Array): Promise<void> {
    this.check();
    if (!PDF_PATH.test(path)) throw new ServiceError('bad_file', `文件名无效：${path}`);
    const expected = this.documentRefs.get(path);
    if (!expected) throw new ServiceError('bad_file', `没有文书记录引用 ${path}`);
    if (this.pdfs.has(path)) return;
    const h = this.v2 ? this.v2.suite.hash() : null;
    h?.update(bytes);
    const digest = h ? h.digestHex() : createHash('sha256').update(bytes).digest('hex');
    if (digest !== expected) throw new ServiceError('bad_file', `${path} 的内容与文书记录的哈希不符`);
    if (!Buffer.from(bytes.subarray(0, 5)).equals(Buffer.from('%PDF-'))) throw new ServiceError('bad_file', `${path} 不是 PDF`);
    this.closeEntry();
    this.pdfs.add(path);
    // PDFs are compressed already: stored, not deflated. Each is held only until the writer
    // reaches it, and only a few may wait, so memory stays flat however many there are.
    let stream: Transform;
    if (this.v2) {
      // The plaintext's H was computed just above for the check: the entry does not hash it again.
      const encrypted = this.watch(
        addEncryptedEntry(this.zip, this.v2.suite, this.v2.contentKey, storedNameOf(path), this.mtime, {
          plainSize: bytes.length,
          plainHash: digest,
          ...(this.pool ? { pool: this.pool } : {}),
        }),
      );
      this.v2.files.push(encrypted.done);
      stream = encrypted.input;
    } else {
      this.files.push({ path, sha256: digest, bytes: bytes.length });
      stream = new PassThrough();
      this.zip.addReadStream(stream, path, { mtime: this.mtime, mode: 0o100644, compress: false, size: bytes.length });
    }
    const consumed: Promise<void> = new Promise<void>((resolve) => {
      stream.once('end', resolve);
      stream.once('close', resolve);
    }).then(() => void this.pendingPdfs.delete(consumed));
    this.pendingPdfs.add(consumed);
    // A pool thread gets a copy of its own; this thread's cipher keeps the chunk until the writer reaches it.
    stream.end(this.pool ? bytes : Buffer.from(bytes));
    await this.pdfWindow(4);
  }

  setCollectTotal(total: number): void {
    this.progress = { ...this.progress, total };
  }

  /** Stops the export; whatever was written is removed. Too late once the file is being named. */
  async cancel(): Promise<void> {
    if (this.progress.phase === 'finishing' || this.progress.phase === 'done') return;
    if (this.cancelled) return this.cleaning ?? undefined;
    this.cancelled = true;
    this.progress = { ...this.progress, phase: 'cancelled' };
    if (this.finishing) {
      // Interrupt the writer; finish() sees the error, cleans up and reports the cancel.
      this.out.destroy(new Error('cancelled'));
    } else {
      await this.cleanup();
    }
  }

  private cleaning: Promise<void> | null = null;

  /** Stops the writers, waits until they let go of the files, then removes them. */
  private cleanup(): Promise<void> {
    this.cleaning ??= (async () => {
      this.zip.outputStream.unpipe();
      this.out.destroy();
      this.copy.destroy();
      await this.written.catch(() => undefined);
      for (const p of [this.partialPath, `${this.archivePath}.partial`, this.archivePath]) rmSync(p, { force: true });
      this.v2?.contentKey.fill(0);
      await this.pool?.close();
      this.deps.journal.end(this.note);
    })();
    return this.cleaning;
  }

  /** Signs, completes, flushes, re-reads and verifies; then names the file and records the batch. */
  async finish(): Promise<ExportResult> {
    if (this.finishing) throw new ServiceError('export_running', '该导出正在完成');
    this.finishing = true;
    try {
      return await this.complete();
    } catch (err) {
      await this.cleanup();
      if (this.cancelled || err instanceof VerifyCancelled) {
        this.progress = { ...this.progress, phase: 'cancelled' };
        throw new ServiceError('cancelled', '导出已取消，未留下任何文件，也未标记任何记录');
      }
      this.progress = { ...this.progress, phase: 'failed' };
      if (err instanceof ServiceError) throw err;
      throw new ServiceError('export_failed', `导出失败，未留下任何文件：${(err as Error).message}`);
    }
  }

  private async complete(): Promise<ExportResult> {
    this.check();
    this.closeEntry();
    for (const [path] of this.documentRefs) {
      if (!this.pdfs.has(path)) throw new ServiceError('missing_pdf', `缺少文书文件 ${path}`);
    }
    const total = Object.values(this.counts).reduce((a, b) => a + b, 0);
    if (total === 0) throw new ServiceError('empty_batch', '没有需要报送的记录');
    const station = this.deps.station();
    if (this.v2) return this.completeV2(station, total);
    const manifestBase = {
      format: BATCH_FORMAT,
      formatVersion: BATCH_FORMAT_VERSION,
      batchId: this.batchId,
      sequence: this.sequence,
      previousManifestSha256: this.previousManifestSha256,
      station,
      createdAt: this.createdAt,
      period: periodOf(this.updatedAts, this.createdAt.slice(0, 10)),
      appVersion: this.deps.appVersion,
      schemaVersion: BATCH_SCHEMA_VERSION,
      counts: this.counts,
      files: this.files,
    } as const;
    const { manifestBytes, signature } = this.deps.keys.withSeed((seed, publicKey) => {
      const bytes = serializeManifest({ ...manifestBase, publicKey } as Manifest);
      return { manifestBytes: bytes, signature: signManifest(bytes, seed) };
    });
    const manifest = JSON.parse(new TextDecoder().decode(manifestBytes)) as Manifest;
    return this.seal(manifestBytes, signature, manifest, undefined, {
      registeredPublicKey: manifest.publicKey,
      ...(this.previousManifestSha256 ? { chain: { previousManifestSha256: this.previousManifestSha256, previousSequence: this.sequence - 1 } } : {}),
    });
  }

  /** Format v2: K wrapped to every centre, the manifest signed with the suite's station key. */
  private async completeV2(station: StationOfManifest, total: number): Promise<ExportResult> {
    void total;
    const v2 = this.v2!;
    const files = await Promise.all(v2.files);
    await this.pool?.close();
    this.check();
    const recipients = v2.recipients.map((key) => v2.suite.wrap(v2.contentKey, key, this.batchId));
    v2.contentKey.fill(0);
    const last = this.deps.ledger.last();
    // The chain continues under the new suite's hash, whatever the previous batch's format was.
    const previousManifestHash = !last
      ? null
      : v2.suite.id === 'gm-1'
        ? await previousManifestSm3(this.deps.dataDir, last, this.deps.protector)
        : last.manifestSha256;
    const publicKey = this.deps.keys.ensureSuite(v2.suite.id).publicKey;
    const manifestBytes = serializeManifestV2({
      format: BATCH_FORMAT,
      formatVersion: BATCH_FORMAT_VERSION_2,
      suite: v2.suite.id,
      batchId: this.batchId,
      sequence: this.sequence,
      previousManifestHash,
      station,
      publicKey,
      createdAt: this.createdAt,
      period: periodOf(this.updatedAts, this.createdAt.slice(0, 10)),
      appVersion: this.deps.appVersion,
      schemaVersion: BATCH_SCHEMA_VERSION,
      counts: this.counts,
      files,
      recipients,
    });
    const { signature } = this.deps.keys.sign(v2.suite.id, manifestBytes);
    const manifest = JSON.parse(new TextDecoder().decode(manifestBytes)) as ManifestV2;
    return this.seal(manifestBytes, signature, manifest, v2.suite.id, {
      registeredPublicKey: publicKey,
      ...(last
        ? {
            chain: {
              previousManifestSha256: last.manifestSha256,
              ...(previousManifestHash ? { previousManifestSm3: previousManifestHash } : {}),
              previousSequence: this.sequence - 1,
            },
          }
        : {}),
    });
  }

  /** Closes the archive with manifest and signature, re-reads and verifies it, then names it and records it. */
  private async seal(
    manifestBytes: Uint8Array,
    signature: Uint8Array,
    manifest: Pick<Manifest, 'station' | 'sequence' | 'period'>,
    suite: SuiteId | undefined,
    expectation: Pick<VerifyOptions, 'registeredPublicKey' | 'chain'>,
  ): Promise<ExportResult> {
    this.zip.addBuffer(Buffer.from(manifestBytes), MANIFEST, { mtime: this.mtime, mode: 0o100644 });
    this.zip.addBuffer(Buffer.from(toBase64(signature), 'ascii'), SIGNATURE, { mtime: this.mtime, mode: 0o100644, compress: false });
    // Most of the archive is already written while records arrive; what is left has no known size.
    this.progress = { phase: 'writing', done: 0, total: 0 };
    this.zip.end();
    await this.written;
    this.check();
    fsyncFile(this.partialPath);

    const fileName = batchFileName(manifest);
    this.progress = { phase: 'verifying', done: 0, total: 1 };
    const report = await verifyZipFile(this.partialPath, {
      fileName,
      ...expectation,
      onProgress: (done, all) => (this.progress = { phase: 'verifying', done, total: all }),
      cancelled: () => this.cancelled,
    });
    if (!report.ok) {
      throw new ServiceError('verify_failed', `写入的批次未通过校验：${report.problems.map((p) => p.message).join('；')}`);
    }
    this.check();

    this.progress = { phase: 'finishing', done: 0, total: 0 };
    fsyncFile(`${this.archivePath}.partial`);
    renameSync(`${this.archivePath}.partial`, this.archivePath);
    const finalPath = join(this.folder, fileName);
    const bytes = statSync(this.partialPath).size;
    const entry: BatchLedgerEntry = {
      batchId: this.batchId,
      sequence: this.sequence,
      manifestSha256: report.manifestSha256!,
      previousManifestSha256: this.previousManifestSha256,
      manifestSm3: createHash('sm3').update(manifestBytes).digest('hex'),
      ...(suite ? { suite } : {}),
      fileName,
      folder: this.folder,
      bytes,
      period: manifest.period,
      counts: this.counts,
      files: this.v2 ? this.v2.files.length : this.files.length,
      createdAt: this.createdAt,
      exportedBy: this.actor,
      status: 'exported',
      reexports: [],
      archive: {
        file: `${this.batchId}.dlbatch.enc`,
        sealedKey: Buffer.from(this.deps.protector.protect(this.archiveKey)).toString('base64'),
        protection: this.deps.protector.kind,
        iv: this.archiveIv.toString('base64'),
        tag: this.cipher.getAuthTag().toString('base64'),
      },
    };
    this.archiveKey.fill(0);
    // The ledger first: if the machine stops between these two lines, the batch is in the
    // history (and can be written again) rather than on the drive with its number forgotten.
    this.deps.ledger.append(entry);
    renameSync(this.partialPath, finalPath);
    fsyncDirectory(this.folder);
    this.deps.journal.end(this.note);
    this.progress = { phase: 'done', done: 1, total: 1 };
    return {
      batchId: this.batchId,
      sequence: this.sequence,
      fileName,
      path: finalPath,
      manifestSha256: entry.manifestSha256,
      period: manifest.period,
      counts: this.counts,
      bytes,
    };
  }
}

/** Removes what an export interrupted by a crash left behind in the app's own folder. */
export function cleanAbandonedCopies(dataDir: string, ledger: Ledger): void {
  const store = join(dataDir, 'batches');
  if (!existsSync(store)) return;
  const known = new Set(ledger.all().map((e) => e.archive?.file));
  for (const name of readdirSync(store)) {
    if (name.endsWith('.partial') || (name.endsWith('.dlbatch.enc') && !known.has(name))) rmSync(join(store, name), { force: true });
  }
}
