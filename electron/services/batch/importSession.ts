import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { readAll } from '../../../core/batch/archive';
import { MANIFEST, manifestSchema, type Manifest } from '../../../core/batch/format';
import { publicKeyFingerprint } from '../../../core/batch/keys';
import { readBatchItems, type BatchItem } from '../../../core/batch/read';
import type { ChainExpectation, VerifyReport } from '../../../core/batch/verify';
import { ServiceError } from '../errors';
import type { BatchFileSummary, BatchImportChunk } from '../../../core/api/contract';
import type { JobProgress } from './exportJob';
import { nodeSha256, openZipArchive, verifyZipFile, type ZipArchive } from './zipArchive';

export type BatchSummary = BatchFileSummary;
export type ImportChunk = BatchImportChunk;

const CHUNK_RECORDS = 1000;
const CHUNK_FILE_BYTES = 16 * 1024 * 1024;

/**
 * One batch file a supervisor opened: summary → verify (every rule) → read in chunks for
 * the renderer to ingest. Reading is refused until verification passed, and it re-hashes
 * everything, so what is ingested is exactly what was verified.
 */
export class ImportSession {
  readonly token = randomUUID();
  readonly fileName: string;
  progress: JobProgress = { phase: 'collecting', done: 0, total: 0 };
  private report: VerifyReport | null = null;
  private archive: ZipArchive | null = null;
  private items: AsyncGenerator<BatchItem> | null = null;
  private carry: BatchItem | null = null;

  constructor(readonly path: string) {
    this.fileName = basename(path);
  }

  async summary(): Promise<BatchSummary> {
    let manifest: Manifest | null = null;
    let archive: ZipArchive | null = null;
    try {
      archive = await openZipArchive(this.path);
      const parsed = manifestSchema.safeParse(JSON.parse(new TextDecoder().decode(await readAll(archive, MANIFEST, 64 * 1024 * 1024))));
      manifest = parsed.success ? parsed.data : null;
    } catch {
      manifest = null;
    } finally {
      archive?.close();
    }
    return { token: this.token, fileName: this.fileName, manifest, fingerprint: manifest ? publicKeyFingerprint(manifest.publicKey) : null };
  }

  async verify(options: { registeredPublicKey?: string; chain?: ChainExpectation }): Promise<VerifyReport> {
    this.progress = { phase: 'verifying', done: 0, total: 0 };
    this.report = await verifyZipFile(this.path, {
      ...options,
      fileName: this.fileName,
      onProgress: (done, total) => (this.progress = { phase: 'verifying', done, total }),
    });
    this.progress = { phase: 'done', done: 1, total: 1 };
    return this.report;
  }

  async next(): Promise<ImportChunk> {
    if (!this.report?.ok || !this.report.manifestSha256) throw new ServiceError('not_verified', '只能导入已通过校验的批次');
    if (!this.items) {
      this.archive = await openZipArchive(this.path);
      this.items = readBatchItems(this.archive, this.report.manifestSha256, nodeSha256);
    }
    const chunk: ImportChunk = { records: [], files: [], done: false };
    let fileBytes = 0;
    try {
      for (;;) {
        const item = this.carry ?? (await this.items.next()).value ?? null;
        this.carry = null;
        if (!item) {
          chunk.done = true;
          this.close();
          break;
        }
        if (item.kind === 'record') {
          chunk.records.push({ type: item.type, record: item.record });
        } else {
          if (fileBytes > 0 && fileBytes + item.bytes.length > CHUNK_FILE_BYTES) {
            this.carry = item;
            break;
          }
          chunk.files.push({ path: item.path, sha256: item.sha256, data: Buffer.from(item.bytes).toString('base64') });
          fileBytes += item.bytes.length;
        }
        if (chunk.records.length >= CHUNK_RECORDS || fileBytes >= CHUNK_FILE_BYTES) break;
      }
    } catch (err) {
      this.close();
      throw new ServiceError('changed_after_verify', (err as Error).message);
    }
    return chunk;
  }

  close(): void {
    this.archive?.close();
    this.archive = null;
    this.items = null;
  }
}
