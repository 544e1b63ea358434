import type { BatchFileSummary, StationApi, VerifyReport } from '../../../core/api/contract';
import type { Manifest } from '../../../core/batch/format';
import { publicKeyFingerprint } from '../../../core/batch/keys';
import { planIngest } from '../../../core/batch/records';
import { toRfc3339 } from '../../../core/time/rfc3339';
import type { ImportedRecordRow, ImportedStation, StationDb } from './database';
import { appendAudit, type Actor } from './repository';
import { storeDocumentFile } from './documents';
import type { Vault } from './vault';

const SEALED_AS = 'importedRecords';

export type ImportStanding =
  /** Our own batch: nothing to ingest. */
  | { kind: 'own' }
  /** A station never seen: its key must be registered (fingerprint checked) first. */
  | { kind: 'new' }
  /** This exact batch is in already: ingesting it again changes nothing. */
  | { kind: 'known'; station: ImportedStation }
  /** The next batch of a registered station. */
  | { kind: 'next'; station: ImportedStation };

export async function standingOf(db: StationDb, ownCode: string | undefined, manifest: Manifest, manifestSha256?: string): Promise<ImportStanding> {
  if (manifest.station.code === ownCode) return { kind: 'own' };
  const station = await db.importedStations.get(manifest.station.code);
  if (!station) return { kind: 'new' };
  if (station.batches.some((b) => b.manifestSha256 === manifestSha256 || (b.sequence === manifest.sequence && b.batchId === manifest.batchId))) {
    return { kind: 'known', station };
  }
  return { kind: 'next', station };
}

/**
 * Verifies an opened batch against what this machine knows of its station: the registered
 * key, and the chain (the next batch must follow the last one ingested).
 */
export async function verifyOpened(db: StationDb, api: StationApi['batch'], summary: BatchFileSummary): Promise<VerifyReport> {
  const m = summary.manifest;
  const station = m ? await db.importedStations.get(m.station.code) : undefined;
  if (!station || !m) return api.verifyImport({ token: summary.token });
  const already = station.batches.find((b) => b.batchId === m.batchId);
  return api.verifyImport({
    token: summary.token,
    registeredPublicKey: station.publicKey,
    // A batch ingested before is checked as itself; a new one must continue the chain.
    ...(already ? {} : { chain: { previousManifestSha256: station.lastManifestSha256, previousSequence: station.lastSequence } }),
  });
}

export interface ImportOutcome {
  records: number;
  changed: number;
  files: number;
}

/**
 * Ingests a verified batch: reads it all from the main process (which re-hashes it), then
 * writes in one transaction, keeping per record the highest rev. A failure anywhere leaves
 * nothing ingested; PDFs stored before a failure are content-addressed and harmless.
 */
export async function ingestVerified(
  db: StationDb,
  vault: Vault,
  api: StationApi['batch'],
  actor: Actor,
  summary: BatchFileSummary,
  report: VerifyReport,
  onProgress?: (records: number) => void,
): Promise<ImportOutcome> {
  const m = report.manifest;
  if (!report.ok || !m || !report.manifestSha256) throw new Error('只能导入已通过校验的批次');
  const incoming: { type: string; record: Record<string, unknown> & { id: string; rev: number; updatedAt: string; deleted: boolean } }[] = [];
  let files = 0;
  for (;;) {
    const chunk = await api.readImport({ token: summary.token });
    for (const r of chunk.records) incoming.push(r as (typeof incoming)[number]);
    for (const f of chunk.files) {
      await storeDocumentFile(db, vault, f.sha256, f.data);
      files++;
    }
    onProgress?.(incoming.length);
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
      sealed: await vault.seal(SEALED_AS, `${code}:${type}:${record.id}`, record),
    })),
  );
  const now = toRfc3339();
  await db.transaction('rw', [db.importedRecords, db.importedStations, db.audit], async () => {
    const current = await db.importedStations.get(code);
    const already = current?.batches.some((b) => b.batchId === m.batchId);
    await db.importedRecords.bulkPut(rows);
    const entry = { sequence: m.sequence, batchId: m.batchId, manifestSha256: report.manifestSha256!, period: m.period, importedAt: now, records: incoming.length, changed: rows.length };
    const next: ImportedStation = current
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
          fingerprint: publicKeyFingerprint(m.publicKey) ?? '',
          registeredAt: now,
          registeredBy: actor.name,
          lastSequence: m.sequence,
          lastManifestSha256: report.manifestSha256!,
          batches: [entry],
        };
    await db.importedStations.put(next);
  });
  await appendAudit(db, actor, 'import', `${m.station.name}（${code}）批次第 ${m.sequence} 号：${incoming.length} 条记录，${rows.length} 条有变化`);
  return { records: incoming.length, changed: rows.length, files };
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
