import { join } from 'node:path';
import type { BatchRecordType, StationOfManifest } from '../../../core/batch/format';
import type { ManifestV2 } from '../../../core/batch/formatV2';
import { receiptFileName } from '../../../core/batch/receipt';
import type { RecipientSecret } from '../../../core/batch/suite';
import { writeFileAtomic } from '../backup/backupFiles';
import { receiptOf } from './receiptWriter';
import type { BatchHistoryEntry, BatchImportVerdict, ExportBegun, LeftoverPartial } from '../../../core/api/contract';
import { createPartialJournal } from './partialJournal';
import { toRfc3339 } from '../../../core/time/rfc3339';
import { ServiceError } from '../errors';
import type { KeyValueStore } from '../settings/keyValueStore';
import { cleanAbandonedCopies, ExportJob, type ExportResult, type ExportTarget, type JobProgress } from './exportJob';
import { cleanAbandonedImports, ImportSession, type BatchSummary, type ImportChunk, type ImportDeps } from './importSession';
import { createImportRegistry } from './importRegistry';
import { chainProblem, createLedger, publicEntry, type PublicLedgerEntry } from './ledger';
import { ledgerOfBackup } from '../backup/backupLedger';
import { reexportBatch } from './reexport';
import type { SecretProtector } from './secretProtector';
import { createStationKeys, type StationKeyInfo } from './stationKey';

export interface BatchPorts {
  store: KeyValueStore;
  dataDir: string;
  appVersion: string;
  protector: SecretProtector;
  chooseFolder(): Promise<string | null>;
  chooseBatchFile(): Promise<string | null>;
  /** A backup file's bytes, only for a file chosen in the restore dialog (throws otherwise). */
  readChosenBackup(path: string): Uint8Array;
  /** The station as the manifest names it; null until setup is done. */
  station(): StationOfManifest | null;
  /**
   * What an export writes: v2 to the registered centres, or null when no centre is
   * registered (then only the supervisor's explicit choice exports v1). Absent: v1.
   */
  exportTarget?(): ExportTarget | null;
  /** Threads that encrypt a v2 export beside the main one; absent = by the machine's cores for gm-1, none for intl-1; 0 = none. */
  sealThreads?: number;
  /** A receiving centre's private key for a v2 batch naming it (see centreKeys.ts); absent on a station that holds none. */
  recipientKey?(manifest: ManifestV2): RecipientSecret | undefined;
  /** The save dialog for a receipt file, opened at `defaultPath` (beside the batch); null when cancelled. */
  chooseReceiptPath?(defaultPath: string): Promise<string | null>;
  /** A batch is in the ledger and on the drive: where an upload address is set, it is uploaded. */
  onExported?(batchId: string, actor: { id: string; name: string }): void;
}

export interface BatchService {
  stationKey(): StationKeyInfo;
  history(): PublicLedgerEntry[];
  /** Half-written batch files found (and removed) at start; removed ones are told once. */
  leftovers(): LeftoverPartial[];
  beginExport(input: { actor: { id: string; name: string }; plaintext?: boolean | undefined }): Promise<ExportBegun | null>;
  appendRecords(input: { exportId: string; type: BatchRecordType; records: unknown[] }): Promise<{ count: number }>;
  appendFiles(input: { exportId: string; files: { path: string; data: string }[] }): Promise<void>;
  setExportTotal(input: { exportId: string; total: number }): void;
  finishExport(input: { exportId: string }): Promise<ExportResult>;
  cancelExport(input: { exportId: string }): Promise<void>;
  progress(input: { jobId: string }): JobProgress;
  reexport(input: { batchId: string; actor: { id: string; name: string } }): Promise<{ path: string } | null>;
  markDelivered(input: { batchId: string; actor: { id: string; name: string } }): PublicLedgerEntry;
  openImport(): Promise<BatchSummary | null>;
  verifyImport(input: { token: string }): Promise<BatchImportVerdict>;
  readImport(input: { token: string; actor: { id: string; name: string }; confirmedFingerprint?: string | undefined }): Promise<ImportChunk>;
  closeImport(input: { token: string }): void;
  /** Signs and writes the receipt of a batch this station imported; null when the dialog was cancelled. */
  writeReceipt(input: { batchId: string; actor: { id: string; name: string } }): Promise<{ path: string } | null>;
  restoreLedger(input: { path: string; backupKey: string }): { added: number };
}

/**
 * The spec's rule: v2 whenever a centre is registered (a v1 wish is then ignored, never
 * honoured), and v1 only when the supervisor chose it explicitly.
 */
export function selectExportTarget(registered: ExportTarget | null, plaintext: boolean): ExportTarget {
  if (registered) return registered;
  if (!plaintext) {
    throw new ServiceError('plaintext_not_chosen', '尚未登记接收中心，批次将不加密；如确需导出未加密的批次，请先明确选择');
  }
  return { version: 1 };
}

export function createBatchService(ports: BatchPorts): BatchService {
  const ledger = createLedger(ports.store);
  const keys = createStationKeys(ports.store, ports.protector);
  const exports = new Map<string, ExportJob>();
  const imports = new Map<string, ImportSession>();
  const registry = createImportRegistry(ports.store);
  const journal = createPartialJournal(ports.dataDir);
  let leftovers = journal.recover();
  cleanAbandonedCopies(ports.dataDir, ledger);
  cleanAbandonedImports(ports.dataDir);
  const importDeps: ImportDeps = {
    dataDir: ports.dataDir,
    registry,
    own: () => ({
      code: ports.station()?.code ?? null,
      publicKey: (suite) => (suite === 'gm-1' ? keys.ensureSuite('gm-1').publicKey : keys.ensure().publicKey),
    }),
    ...(ports.recipientKey ? { recipientKey: ports.recipientKey } : {}),
  };

  const job = (exportId: string): ExportJob => {
    const j = exports.get(exportId);
    if (!j) throw new ServiceError('no_export', '该导出已结束或不存在');
    return j;
  };
  const session = (token: string): ImportSession => {
    const s = imports.get(token);
    if (!s) throw new ServiceError('no_import', '该批次文件已关闭，请重新选择');
    return s;
  };

  return {
    stationKey: () => keys.ensure(),
    history: () =>
      ledger
        .all()
        .map(publicEntry)
        .sort((a, b) => b.sequence - a.sequence),
    leftovers() {
      const told = leftovers;
      leftovers = leftovers.filter((l) => !l.removed);
      return told;
    },

    async beginExport({ actor, plaintext }) {
      for (const j of exports.values()) {
        if (!['done', 'cancelled', 'failed'].includes(j.progress.phase)) throw new ServiceError('export_running', '另一个导出正在进行');
      }
      const station = ports.station();
      if (!station) throw new ServiceError('no_profile', '请先在设置中填写工作站信息');
      keys.ensure();
      const targetNow = (): ExportTarget => (ports.exportTarget ? selectExportTarget(ports.exportTarget(), plaintext === true) : { version: 1 });
      // Once before the folder dialog, so a refused export asks nothing; again after it, so
      // a centre registered while the dialog was open is not missed.
      targetNow();
      const folder = await ports.chooseFolder();
      if (!folder) return null;
      const target = targetNow();
      const j = new ExportJob(
        {
          dataDir: ports.dataDir,
          appVersion: ports.appVersion,
          ledger,
          keys,
          protector: ports.protector,
          journal,
          station: () => station,
          target,
          ...(ports.sealThreads === undefined ? {} : { sealThreads: ports.sealThreads }),
        },
        folder,
        actor,
      );
      exports.set(j.id, j);
      return {
        exportId: j.id,
        sequence: j.sequence,
        folder,
        version: target.version,
        suite: target.version === 2 ? target.suite : null,
        recipients: target.version === 2 ? target.recipients.length : 0,
      };
    },
    async appendRecords({ exportId, type, records }) {
      return { count: await job(exportId).appendRecords(type, records) };
    },
    async appendFiles({ exportId, files }) {
      const j = job(exportId);
      for (const f of files) await j.appendFile(f.path, Buffer.from(f.data, 'base64'));
    },
    setExportTotal: ({ exportId, total }) => job(exportId).setCollectTotal(total),
    async finishExport({ exportId }) {
      const j = job(exportId);
      try {
        const result = await j.finish();
        ports.onExported?.(result.batchId, j.actor);
        return result;
      } finally {
        // Progress stays readable a little while for the last poll.
        setTimeout(() => exports.delete(exportId), 60_000).unref?.();
      }
    },
    async cancelExport({ exportId }) {
      const j = exports.get(exportId);
      if (!j) return;
      // Resolves once every byte written so far is gone (or, mid-finish, once finish() will remove it).
      await j.cancel();
    },
    progress({ jobId }) {
      const p = exports.get(jobId)?.progress ?? imports.get(jobId)?.progress;
      if (!p) throw new ServiceError('no_job', '该任务已结束');
      return p;
    },
    async reexport({ batchId, actor }) {
      const entry = ledger.get(batchId);
      if (!entry) throw new ServiceError('no_batch', '找不到该批次');
      const folder = await ports.chooseFolder();
      if (!folder) return null;
      const path = await reexportBatch(ports.dataDir, entry, folder, ports.protector, journal);
      ledger.update(batchId, (e) => ({ ...e, reexports: [...e.reexports, { at: toRfc3339(), folder, by: actor }] }));
      return { path };
    },
    markDelivered({ batchId, actor }) {
      if (!ledger.get(batchId)) throw new ServiceError('no_batch', '找不到该批次');
      return publicEntry(ledger.update(batchId, (e) => ({ ...e, status: 'delivered', delivered: { at: toRfc3339(), by: actor } })));
    },

    async openImport() {
      const path = await ports.chooseBatchFile();
      if (!path) return null;
      const s = await ImportSession.open(importDeps, path);
      imports.set(s.token, s);
      return s.summary();
    },
    verifyImport: ({ token }) => session(token).verify(),
    readImport: ({ token, ...input }) => session(token).next(input),
    restoreLedger({ path, backupKey }) {
      const key = Buffer.from(backupKey, 'base64');
      let entries: BatchHistoryEntry[];
      try {
        entries = ledgerOfBackup(ports.readChosenBackup(path), key);
      } finally {
        key.fill(0);
      }
      // Known batches stay as they are (with their copies); unknown ones join the chain without a copy.
      const known = new Map(ledger.all().map((e) => [e.batchId, e]));
      for (const e of entries) {
        const mine = known.get(e.batchId);
        if (mine && (mine.sequence !== e.sequence || mine.manifestSha256 !== e.manifestSha256)) {
          throw new ServiceError('bad_ledger', `备份中的第 ${e.sequence} 号批次与本机记录的不一致，未恢复报送记录`);
        }
      }
      const added = entries.filter((e) => !known.has(e.batchId));
      const problem = chainProblem([...known.values(), ...added]);
      if (problem) throw new ServiceError('bad_ledger', `备份中的报送记录不能构成连续的批次链（${problem}），未恢复`);
      for (const { copyAvailable, ...rest } of added) {
        void copyAvailable;
        ledger.append({ ...rest, archive: null });
      }
      return { added: added.length };
    },
    closeImport({ token }) {
      imports.get(token)?.close();
      imports.delete(token);
    },
    async writeReceipt({ batchId }) {
      const found = registry.batch(batchId);
      if (!found) throw new ServiceError('no_batch', '本机没有导入过该批次，不能为它写回执');
      const made = receiptOf(found.station, found.batch, keys);
      if (!ports.chooseReceiptPath) throw new ServiceError('no_dialog', '无法选择回执文件的保存位置');
      const path = await ports.chooseReceiptPath(join(made.folder, receiptFileName(made.fileName)));
      if (!path) return null;
      writeFileAtomic(path, made.bytes, '回执文件');
      return { path };
    },
  };
}
