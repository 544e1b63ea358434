import type { BatchFileSummary, BatchImportVerdict, StationApi } from '../../../core/api/contract';
import { planIngest } from '../../../core/batch/records';
import { batchHeadOf } from '../../../core/batch/verify';
import { toRfc3339 } from '../../../core/time/rfc3339';
import type { ImportedRecordRow, ImportedStation, StationDb } from './database';
import { appendAudit, type Actor } from './repository';
import { assertCan } from '../../../core/access/permissions';
import { storeDocumentFile } from './documents';
import type { Vault } from './vault';

const SEALED_AS = 'importedRecords';

export interface ImportOutcome {
  records: number;
  changed: number;
  files: number;
}

/**
 * Ingests a verified batch: reads it all from the main process (which hands out exactly
 * the bytes it verified, and registers the station's key or moves its chain on), then
 * writes in one transaction, keeping per record the highest rev. A failure here leaves
 * nothing ingested; importing the same file again completes it. PDFs stored before a
 * failure are content-addressed and harmless. `confirmedFingerprint` is the fingerprint
 * the supervisor compared, needed for a station's first batch.
 */
export async function ingestVerified(
  db: StationDb,
  vault: Vault,
  api: StationApi['batch'],
  actor: Actor,
  summary: BatchFileSummary,
  report: BatchImportVerdict,
  options: { confirmedFingerprint?: string; onProgress?: (records: number) => void } = {},
): Promise<ImportOutcome> {
  assertCan(actor.role, 'batch.import');
  const m = batchHeadOf(report);
  if (!report.ok || !m || !report.manifestSha256) throw new Error('只能导入已通过校验的批次');
  if (report.importRefusal) throw new Error(report.importRefusal);
  const reader = { id: actor.id, name: actor.name };
  const incoming: { type: string; record: Record<string, unknown> & { id: string; rev: number; updatedAt: string; deleted: boolean } }[] = [];
  let files = 0;
  const pdfByPath = new Map<string, string>();
  for (;;) {
    const chunk = await api.readImport({
      token: summary.token,
      actor: reader,
      ...(options.confirmedFingerprint ? { confirmedFingerprint: options.confirmedFingerprint } : {}),
    });
    for (const r of chunk.records) incoming.push(r as (typeof incoming)[number]);
    for (const f of chunk.files) {
      await storeDocumentFile(db, vault, f.sha256, f.data);
      pdfByPath.set(f.path, f.sha256);
      files++;
    }
    options.onProgress?.(incoming.length);
    if (chunk.done) break;
  }
  const code = m.station.code;
  const known = new Map<string, number>();
  await db.importedRecords
    .where('station')
    .equals(code)
    .each((row) => known.set(`${row.type}:${row.id}`, row.rev));
  const keyed = incoming.map((r) => ({ ...r, id: `${r.type}:${r.record.id}`, rev: r.record.rev }));
  const changes = planIngest(known, keyed);
  const rows: ImportedRecordRow[] = await Promise.all(
    changes.map(async ({ type, record }) => ({
      station: code,
      type,
      id: record.id,
      rev: record.rev,
      updatedAt: record.updatedAt,
      deleted: record.deleted,
      ...pdfOf(type, record, pdfByPath),
      sealed: await vault.seal(SEALED_AS, `${code}:${type}:${record.id}`, record),
    })),
  );
  const now = toRfc3339();
  await db.transaction('rw', [db.importedRecords, db.importedStations, db.audit], async () => {
    const current = await db.importedStations.get(code);
    const already = current?.batches.some((b) => b.batchId === m.batchId);
    await db.importedRecords.bulkPut(rows);
    const entry = {
      sequence: m.sequence,
      batchId: m.batchId,
      manifestSha256: report.manifestSha256!,
      period: m.period,
      importedAt: now,
      records: incoming.length,
      changed: rows.length,
    };
    // Main registered this station just now when it stands as new: the display copy follows it.
    const next: ImportedStation =
      current && report.standing !== 'new'
        ? {
            ...current,
            name: m.station.name,
            batches: already ? current.batches : [...current.batches, entry],
            ...(m.sequence > current.lastSequence ? { lastSequence: m.sequence, lastManifestSha256: report.manifestSha256! } : {}),
          }
        : {
            code,
            name: m.station.name,
            kind: m.station.kind,
            regionCode: m.station.regionCode,
            publicKey: m.publicKey,
            // A display copy of what main registered: the verified manifest's key and fingerprint.
            fingerprint: report.fingerprint ?? '',
            registeredAt: now,
            registeredBy: actor.name,
            lastSequence: m.sequence,
            lastManifestSha256: report.manifestSha256!,
            batches: current && !already ? [...current.batches, entry] : (current?.batches ?? [entry]),
          };
    await db.importedStations.put(next);
  });
  await appendAudit(db, actor, 'import', `${m.station.name}（${code}）批次第 ${m.sequence} 号：${incoming.length} 条记录，${rows.length} 条有变化`);
  return { records: incoming.length, changed: rows.length, files };
}

/** Where a document line's PDF is stored: the SHA-256 main computed of the PDF it handed out with it. */
function pdfOf(type: string, record: Record<string, unknown>, pdfByPath: ReadonlyMap<string, string>): { pdfSha256?: string } {
  if (type !== 'documents' || typeof record.file !== 'string') return {};
  const sha = pdfByPath.get(record.file) ?? (typeof record.sha256 === 'string' ? record.sha256 : undefined);
  return sha ? { pdfSha256: sha } : {};
}

/** An imported row with its record opened. */
export type ImportedRecordView = Omit<ImportedRecordRow, 'sealed'> & { record: Record<string, unknown> };

export async function importedRecordsOf(db: StationDb, vault: Vault, station: string, type?: string): Promise<ImportedRecordView[]> {
  const rows = type
    ? await db.importedRecords.where('[station+type]').equals([station, type]).toArray()
    : await db.importedRecords.where('station').equals(station).toArray();
  rows.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1));
  return Promise.all(
    rows.map(async ({ sealed, ...clear }) => ({
      ...clear,
      record: await vault.open<Record<string, unknown>>(SEALED_AS, `${clear.station}:${clear.type}:${clear.id}`, sealed),
    })),
  );
}
