import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { publicKeyFingerprint } from '../../../core/batch/keys';
import { readBatchItems, type BatchItem } from '../../../core/batch/read';
import { VerifyCancelled } from '../../../core/batch/verify';
import { toRfc3339 } from '../../../core/time/rfc3339';
import { ServiceError } from '../errors';
import type { BatchFileSummary, BatchImportChunk, BatchImportVerdict, ImportStanding } from '../../../core/api/contract';
import type { JobProgress } from './exportJob';
import type { ImportRegistry } from './importRegistry';
import { SealedCopy } from './sealedCopy';
import { nodeSha256, openZipArchive, verifyZipFile, type ZipArchive } from './zipArchive';

export type BatchSummary = BatchFileSummary;
export type ImportChunk = BatchImportChunk;

const CHUNK_RECORDS = 1000;
const CHUNK_FILE_BYTES = 16 * 1024 * 1024;

export interface ImportDeps {
  dataDir: string;
  registry: ImportRegistry;
  /** Our own station code and key: our own batches are checked against them. */
  own(): { code: string | null; publicKey: string };
}

function importsDir(dataDir: string): string {
  return join(dataDir, 'imports');
}

/** Removes the sealed copies of imports a crash interrupted (their keys died with the process). */
export function cleanAbandonedImports(dataDir: string): void {
  const dir = importsDir(dataDir);
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) rmSync(join(dir, name), { force: true });
}

/**
 * One batch file a supervisor opened. The file is read once, at open, into a sealed copy;
 * verification and the import both read that copy. Main decides the standing, the key and
 * the chain from the manifest it verified, registers that manifest's key (after the
 * supervisor confirmed its fingerprint) and hands out exactly the verified records.
 */
export class ImportSession {
  readonly token = randomUUID();
  readonly fileName: string;
  progress: JobProgress = { phase: 'collecting', done: 0, total: 0 };
  private verdict: BatchImportVerdict | null = null;
  private copy: SealedCopy | null = null;
  private archive: ZipArchive | null = null;
  private items: AsyncGenerator<BatchItem> | null = null;
  private carry: BatchItem | null = null;
  private closed = false;
  private verifying = false;

  private constructor(
    private readonly deps: ImportDeps,
    path: string,
  ) {
    this.fileName = basename(path);
  }

  static async open(deps: ImportDeps, path: string): Promise<ImportSession> {
    const session = new ImportSession(deps, path);
    session.copy = await SealedCopy.take(path, join(importsDir(deps.dataDir), `${session.token}.dlbatch`));
    return session;
  }

  summary(): BatchSummary {
    return { token: this.token, fileName: this.fileName };
  }

  private source() {
    if (!this.copy || this.closed) throw new ServiceError('no_import', '该批次文件已关闭，请重新选择');
    return { reader: this.copy.reader(), size: this.copy.size };
  }

  async verify(): Promise<BatchImportVerdict> {
    const source = this.source();
    this.progress = { phase: 'verifying', done: 0, total: 0 };
    this.verdict = null;
    const own = this.deps.own();
    let standing: ImportStanding | null = null;
    this.verifying = true;
    try {
      const report = await verifyZipFile(source, {
        fileName: this.fileName,
        expect: (manifest) => {
          standing = this.deps.registry.standing(manifest, own.code);
          return this.deps.registry.expectation(manifest, standing, own.publicKey);
        },
        onProgress: (done, total) => (this.progress = { phase: 'verifying', done, total }),
        cancelled: () => this.closed,
      });
      this.verdict = { ...report, standing, fingerprint: report.manifest ? publicKeyFingerprint(report.manifest.publicKey) : null };
    } catch (err) {
      if (err instanceof VerifyCancelled || this.closed) throw new ServiceError('cancelled', '已取消校验');
      throw err;
    } finally {
      this.verifying = false;
      // Closed while it ran: the copy could go only now that nothing reads it.
      if (this.closed) this.close();
    }
    this.progress = { phase: 'done', done: 1, total: 1 };
    return this.verdict;
  }

  async next(input: { actor: { id: string; name: string }; confirmedFingerprint?: string | undefined }): Promise<ImportChunk> {
    const v = this.verdict;
    // Decrypting needs a centre's private key, which the import of a later slice brings.
    if (v?.manifestV2) throw new ServiceError('v2_not_importable', '这是格式 v2 的加密批次，本机尚不能导入（需要接收方中心的私钥）');
    if (!v?.ok || !v.manifest || !v.manifestSha256 || !v.fingerprint) throw new ServiceError('not_verified', '只能导入已通过校验的批次');
    if (!this.items) {
      if (v.standing === 'new' && input.confirmedFingerprint !== v.fingerprint) {
        throw new ServiceError('fingerprint_not_confirmed', '首次导入该工作站的批次，须先核对并确认其公钥指纹');
      }
      this.archive = await openZipArchive(this.source());
      this.items = readBatchItems(this.archive, v.manifestSha256, nodeSha256);
    }
    const chunk: ImportChunk = { records: [], files: [], done: false };
    let fileBytes = 0;
    try {
      for (;;) {
        const item = this.carry ?? (await this.items.next()).value ?? null;
        this.carry = null;
        if (!item) {
          chunk.done = true;
          this.register(v, input.actor);
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
      if (err instanceof ServiceError) throw err;
      throw new ServiceError('changed_after_verify', (err as Error).message);
    }
    return chunk;
  }

  /**
   * Once every verified record went out: the station's key is registered (first batch) or
   * its chain head moves on. The standing is checked again, so two imports of the same
   * station cannot both register it.
   */
  private register(v: BatchImportVerdict, actor: { id: string; name: string }): void {
    const m = v.manifest!;
    const now = this.deps.registry.standing(m, this.deps.own().code);
    if (now === 'own') return;
    if (now !== v.standing && !(v.standing === 'next' && now === 'known')) {
      throw new ServiceError('registry_changed', '该工作站的登记在校验后发生了变化，请重新选择并校验该批次');
    }
    this.deps.registry.record(m, v.manifestSha256!, v.fingerprint!, actor, toRfc3339());
  }

  /** Stops a running verification (it ends with `cancelled`) and forgets the copy. */
  close(): void {
    this.closed = true;
    this.archive?.close();
    this.archive = null;
    this.items = null;
    if (this.verifying) return;
    this.copy?.destroy();
    this.copy = null;
  }
}
