import { sm3 } from 'sm-crypto-v2';
import type { BatchExportResult, StationApi } from '../../../core/api/contract';
import { SUITE_LABELS, type SuiteId } from '../../../core/batch/formatV2';
import { BATCH_RECORD_TYPES, type BatchRecordType } from '../../../core/batch/format';
import { periodOf, tombstoneOf } from '../../../core/batch/records';
import { toRfc3339 } from '../../../core/time/rfc3339';
import type { OutboxEntry, StationDb } from './database';
import { appendAudit, type Actor } from './repository';
import { assertCan } from '../../../core/access/permissions';
import { consultationStore } from './consultations';
import { documentPdf, documentStore } from './documents';
import { mediationStore } from './mediations';
import { shiftStore } from './shifts';
import type { Vault } from './vault';

export interface PendingSummary {
  counts: Record<BatchRecordType, number>;
  total: number;
  /** The period the next batch would declare; null when nothing is pending. */
  period: { from: string; to: string } | null;
}

export async function pendingSummary(db: StationDb): Promise<PendingSummary> {
  const entries = await db.outbox.toArray();
  const counts = Object.fromEntries(BATCH_RECORD_TYPES.map((t) => [t, 0])) as Record<BatchRecordType, number>;
  for (const e of entries) if (e.type in counts) counts[e.type as BatchRecordType]++;
  return {
    counts,
    total: entries.length,
    period: entries.length
      ? periodOf(
          entries.map((e) => e.updatedAt),
          toRfc3339().slice(0, 10),
        )
      : null,
  };
}

export type ExportStep = { stage: 'collecting'; done: number; total: number } | { stage: 'pdfs'; done: number; total: number };

export class ExportCancelled extends Error {
  constructor() {
    super('导出已取消，未留下任何文件，也未标记任何记录');
    this.name = 'ExportCancelled';
  }
}

const PAGE = 250;
const PDFS_PER_CALL = 8;

/** Null for format v1; else the suite whose H names each PDF on a v2 document line. */
type LineSuite = SuiteId | null;

type LineBuilder = (
  db: StationDb,
  vault: Vault,
  ids: string[],
  suite: LineSuite,
  reader: Actor,
) => Promise<{ line: Record<string, unknown>; rev: number; pdf?: { path: string; id: string } }[]>;

/** Lines of a sealed record table whose decoded record is the line as it is. */
function recordLines(
  table: 'consultations' | 'mediations' | 'shifts',
  storeOf: (db: StationDb, vault: Vault) => { codec: { decode(row: never): Promise<object> | object } },
): LineBuilder {
  return async (db, vault, ids) => {
    const { codec } = storeOf(db, vault);
    const rows = (await db.table(table).bulkGet(ids)).filter((r): r is { id: string; rev: number; updatedAt: string; deleted: boolean } => r !== undefined);
    return Promise.all(
      rows.map(async (row) => ({
        rev: row.rev,
        line: row.deleted ? tombstoneOf(row) : ({ ...(await codec.decode(row as never)) } as Record<string, unknown>),
      })),
    );
  };
}

/** How each record type becomes batch lines. A tombstone carries only id, rev, updatedAt. */
const BUILDERS: Partial<Record<BatchRecordType, LineBuilder>> = {
  consultations: recordLines('consultations', consultationStore),
  mediations: recordLines('mediations', mediationStore),
  shifts: recordLines('shifts', shiftStore),
  async documents(db, vault, ids, suite, reader) {
    const store = documentStore(db, vault);
    const rows = (await db.documents.bulkGet(ids)).filter((r) => r !== undefined);
    return Promise.all(
      rows.map(async (row) => {
        if (row.deleted) return { rev: row.rev, line: tombstoneOf(row) };
        const doc = await store.codec.decode(row);
        const path = `documents/${row.id}.pdf`;
        const ref = suite === null ? { sha256: row.pdfSha256 } : { hash: await pdfHash(db, vault, reader, suite, row) };
        return { rev: row.rev, line: { ...doc, file: path, ...ref }, pdf: { path, id: row.id } };
      }),
    );
  },
};

/**
 * A v2 line names its PDF by the suite's H. SHA-256 is the hash the PDF is stored under
 * (checked again when it is sent); SM3 is computed here, where the bytes are, because the
 * main process writes documents.jsonl before the PDFs reach it.
 */
async function pdfHash(db: StationDb, vault: Vault, reader: Actor, suite: SuiteId, row: { id: string; pdfSha256: string }): Promise<string> {
  if (suite === 'intl-1') return row.pdfSha256;
  const pdf = await documentPdf(db, vault, reader, { id: row.id });
  return sm3(Uint8Array.from(atob(pdf), (c) => c.charCodeAt(0)));
}

/**
 * Sends every pending record revision (and each live document's PDF) to the main process,
 * which streams them into the archive; then marks them sent, but only the revisions that
 * went out: a record changed during the export stays pending for the next batch.
 */
export async function exportPendingBatch(
  db: StationDb,
  vault: Vault,
  api: StationApi['batch'],
  actor: Actor,
  hooks: {
    /** The supervisor chose a batch in the clear: needed (and only used) when no receiving centre is registered. */
    plaintext?: boolean;
    onStart?(exportId: string): void;
    onStep?(step: ExportStep): void;
    cancelled?(): boolean;
  } = {},
): Promise<BatchExportResult | null> {
  assertCan(actor.role, 'batch.export');
  const entries = await db.outbox.toArray();
  if (entries.length === 0) throw new Error('没有需要报送的记录');
  const begun = await api.beginExport({ actor: { id: actor.id, name: actor.name }, ...(hooks.plaintext ? { plaintext: true } : {}) });
  if (!begun) return null;
  const { exportId } = begun;
  hooks.onStart?.(exportId);
  const sent = new Map<string, number>();
  const pdfs: { path: string; id: string }[] = [];
  try {
    await api.setExportTotal({ exportId, total: entries.length });
    let done = 0;
    for (const type of BATCH_RECORD_TYPES) {
      const ofType = entries.filter((e) => e.type === type);
      const build = BUILDERS[type];
      if (ofType.length === 0 || !build) continue;
      for (let i = 0; i < ofType.length; i += PAGE) {
        if (hooks.cancelled?.()) throw new ExportCancelled();
        const built = await build(
          db,
          vault,
          ofType.slice(i, i + PAGE).map((e) => e.id),
          begun.suite,
          actor,
        );
        await api.appendRecords({ exportId, type, records: built.map((b) => b.line) });
        for (const b of built) {
          sent.set(`${type}:${b.line.id as string}`, b.rev);
          if (b.pdf) pdfs.push(b.pdf);
        }
        done += Math.min(PAGE, ofType.length - i);
        hooks.onStep?.({ stage: 'collecting', done, total: entries.length });
      }
    }
    for (let i = 0; i < pdfs.length; i += PDFS_PER_CALL) {
      if (hooks.cancelled?.()) throw new ExportCancelled();
      const files = await Promise.all(
        pdfs.slice(i, i + PDFS_PER_CALL).map(async (p) => ({ path: p.path, data: await documentPdf(db, vault, actor, { id: p.id }) })),
      );
      await api.appendFiles({ exportId, files });
      hooks.onStep?.({ stage: 'pdfs', done: Math.min(i + PDFS_PER_CALL, pdfs.length), total: pdfs.length });
    }
    if (hooks.cancelled?.()) throw new ExportCancelled();
  } catch (err) {
    await api.cancelExport({ exportId }).catch(() => undefined);
    throw err;
  }
  let result: BatchExportResult;
  try {
    result = await api.finishExport({ exportId });
  } catch (err) {
    if (err instanceof Error && /取消/.test(err.message)) throw new ExportCancelled();
    throw err;
  }
  await markSent(db, sent);
  const how = begun.suite ? `加密给 ${begun.recipients} 个接收中心，${SUITE_LABELS[begun.suite]}` : '未加密，格式 v1';
  await appendAudit(db, actor, 'export', `批次第 ${result.sequence} 号：${result.fileName}（${entries.length} 条记录，${how}）`);
  return result;
}

/** Removes outbox entries whose revision went out; newer revisions stay. */
export async function markSent(db: StationDb, sent: ReadonlyMap<string, number>): Promise<void> {
  await db.transaction('rw', db.outbox, async () => {
    const keys = [...sent.keys()];
    const current = await db.outbox.bulkGet(keys);
    const done = current.filter((e): e is OutboxEntry => !!e && e.rev <= (sent.get(e.key) ?? 0)).map((e) => e.key);
    await db.outbox.bulkDelete(done);
  });
}
