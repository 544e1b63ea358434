import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { createHash } from 'node:crypto';
import type { ManifestV2, SuiteId } from '../../../core/batch/formatV2';
import { readBatchItems, readBatchItemsV2, type BatchItem } from '../../../core/batch/read';
import type { RecipientSecret } from '../../../core/batch/suite';
import { batchHeadOf, VerifyCancelled, type BatchHead } from '../../../core/batch/verify';
import { toRfc3339 } from '../../../core/time/rfc3339';
import { ServiceError } from '../errors';
import type { BatchFileSummary, BatchImportChunk, BatchImportVerdict, ImportStanding } from '../../../core/api/contract';
import type { JobProgress } from './exportJob';
import type { ImportRegistry, ManifestLike } from './importRegistry';
import { SealedCopy } from './sealedCopy';
import { signingKeyFingerprint } from './stationKey';
import { nodeSuites } from './suites';
import { nodeSha256, openZipArchive, verifyZipFile, type ZipArchive } from './zipArchive';

export type BatchSummary = BatchFileSummary;
export type ImportChunk = BatchImportChunk;

const CHUNK_RECORDS = 1000;

/** Why a v2 batch that verified cannot be imported on a station that holds none of its recipients' keys. */
export const NO_RECIPIENT_KEY = '本机没有该批次任何接收方的私钥，无法解密，不能导入';
const CHUNK_FILE_BYTES = 16 * 1024 * 1024;

export interface ImportDeps {
  dataDir: string;
  registry: ImportRegistry;
  /** Our own station code and signing key per suite (v1: intl-1's): our own batches are checked against them. */
  own(): { code: string | null; publicKey(suite: SuiteId | undefined): string };
  /**
   * This centre's private key for a v2 batch that names it among its recipients, freshly
   * unsealed (the session wipes it after use); undefined when this station holds none.
   */
  recipientKey?(manifest: ManifestV2): RecipientSecret | undefined;
}

function manifestLike(head: BatchHead): ManifestLike {
  return { station: head.station, batchId: head.batchId, sequence: head.sequence, publicKey: head.publicKey, ...(head.suite ? { suite: head.suite } : {}) };
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
  /** SM3 of the verified manifest's bytes: the registry keeps it so a gm-1 batch can continue the chain. */
  private manifestSm3: string | null = null;
  /** The v2 content key while the import reads; wiped on close. */
  private contentKey: Uint8Array | null = null;
  private recordsOut = 0;
  /** Where the file was read from: its receipt goes beside it by default. */
  readonly folder: string;

  private constructor(
    private readonly deps: ImportDeps,
    path: string,
  ) {
    this.fileName = basename(path);
    this.folder = dirname(path);
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
    // Filled in by the verifier's callback; wiped however verification ends.
    const used: { secret?: RecipientSecret | undefined } = {};
    this.verifying = true;
    try {
      const report = await verifyZipFile(source, {
        fileName: this.fileName,
        onManifestBytes: (bytes) => (this.manifestSm3 = createHash('sm3').update(bytes).digest('hex')),
        expect: (manifest) => {
          standing = this.deps.registry.standing(manifest, own.code);
          return this.deps.registry.expectation(manifest, standing, own.publicKey(undefined));
        },
        expectV2: (manifest) => {
          standing = this.deps.registry.standing(manifest, own.code);
          return this.deps.registry.expectation(manifest, standing, own.publicKey(manifest.suite));
        },
        // Chosen from the manifest being verified: the key of the recipient it names by keyId.
        recipientKeyFor: (manifest) => (used.secret = this.deps.recipientKey?.(manifest)),
        onProgress: (done, total) => (this.progress = { phase: 'verifying', done, total }),
        cancelled: () => this.closed,
      });
      const head = batchHeadOf(report);
      const v2 = head?.formatVersion === 2;
      this.verdict = {
        ...report,
        standing,
        fingerprint: head ? signingKeyFingerprint(head.suite ?? 'intl-1', head.publicKey) : null,
        ...(v2 ? { recipient: used.secret && report.decrypted ? { keyId: used.secret.keyId, name: used.secret.name } : null } : {}),
        importRefusal: report.ok && v2 && !report.decrypted && standing !== 'own' ? NO_RECIPIENT_KEY : null,
      };
    } catch (err) {
      if (err instanceof VerifyCancelled || this.closed) throw new ServiceError('cancelled', '已取消校验');
      throw err;
    } finally {
      used.secret?.privateKey.fill(0);
      this.verifying = false;
      // Closed while it ran: the copy could go only now that nothing reads it.
      if (this.closed) this.close();
    }
    this.progress = { phase: 'done', done: 1, total: 1 };
    return this.verdict;
  }

  async next(input: { actor: { id: string; name: string }; confirmedFingerprint?: string | undefined }): Promise<ImportChunk> {
    const v = this.verdict;
    const head = v ? batchHeadOf(v) : null;
    if (!v?.ok || !head || !v.manifestSha256 || !v.fingerprint) throw new ServiceError('not_verified', '只能导入已通过校验的批次');
    if (head.formatVersion === 2 && !v.decrypted) throw new ServiceError('no_recipient_key', NO_RECIPIENT_KEY);
    if (!this.items) {
      if (v.standing === 'new' && input.confirmedFingerprint !== v.fingerprint) {
        throw new ServiceError('fingerprint_not_confirmed', '首次导入该工作站的批次，须先核对并确认其公钥指纹');
      }
      this.archive = await openZipArchive(this.source());
      this.items = head.formatVersion === 2 ? this.readV2(v.manifestV2!, v.manifestSha256) : readBatchItems(this.archive, v.manifestSha256, nodeSha256);
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
          this.recordsOut++;
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

  /** The decrypting reader of a verified v2 batch: K is unwrapped again with this centre's key, which is wiped at once. */
  private readV2(manifest: ManifestV2, manifestSha256: string): AsyncGenerator<BatchItem> {
    const secret = this.deps.recipientKey?.(manifest);
    if (!secret) throw new ServiceError('no_recipient_key', NO_RECIPIENT_KEY);
    const suite = nodeSuites[manifest.suite];
    try {
      const entry = manifest.recipients.find((r) => r.keyId === secret.keyId);
      this.contentKey = entry ? suite.unwrap(entry, secret.privateKey, manifest.batchId) : null;
    } finally {
      secret.privateKey.fill(0);
    }
    if (!this.contentKey) throw new ServiceError('changed_after_verify', '批次的内容密钥在校验后无法再解开');
    return readBatchItemsV2(this.archive!, manifestSha256, nodeSha256, suite, this.contentKey);
  }

  /**
   * Once every verified record went out: the station's key is registered (first batch, or
   * its first batch signed in another suite) or its chain head moves on, with what its
   * receipt needs. The standing is checked again, so two imports of the same station
   * cannot both register it.
   */
  private register(v: BatchImportVerdict, actor: { id: string; name: string }): void {
    const head = batchHeadOf(v)!;
    const m = manifestLike(head);
    const now = this.deps.registry.standing(m, this.deps.own().code);
    if (now === 'own') return;
    if (now !== v.standing && !(v.standing === 'next' && now === 'known')) {
      throw new ServiceError('registry_changed', '该工作站的登记在校验后发生了变化，请重新选择并校验该批次');
    }
    this.deps.registry.record(
      m,
      {
        manifestSha256: v.manifestSha256!,
        manifestSm3: this.manifestSm3!,
        manifestHash: head.manifestHash,
        fingerprint: v.fingerprint!,
        fileName: this.fileName,
        folder: this.folder,
        records: this.recordsOut,
      },
      actor,
      toRfc3339(),
    );
  }

  /** Stops a running verification (it ends with `cancelled`) and forgets the copy. */
  close(): void {
    this.closed = true;
    this.archive?.close();
    this.archive = null;
    this.items = null;
    this.contentKey?.fill(0);
    this.contentKey = null;
    if (this.verifying) return;
    this.copy?.destroy();
    this.copy = null;
  }
}
