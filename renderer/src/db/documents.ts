import { shiftIdFor } from './shifts';
import { documentFactsDerived } from './statFacts';
import type { DocumentValues } from '../../../core/documents/template';
import { formatDocumentNumber, numberCounterKey, numberSeriesOf } from '../../../core/documents/numbering';
import { matchesQuery, queryTokens } from '../../../core/search/tokens';
import { toRfc3339 } from '../../../core/time/rfc3339';
import type { DocumentRow, StationDb } from './database';
import { createRecord, type Actor, type RecordStore, type Stored } from './repository';
import type { Vault } from './vault';
import { documentCodec, DOCUMENTS, type DocumentPayload } from './recordCodecs';
import { sealAuditLabel, type AuditLabel } from './auditLabels';
import type { Sealed } from './vault';
import { assertCan, assertCanRevise, PermissionDeniedError } from '../../../core/access/permissions';
import { mayViewOwned, type Viewer } from '../../../core/access/recordViews';

const FILES = 'documentFiles';

export type StoredDocument = Stored<DocumentPayload>;

export function documentStore(db: StationDb, vault: Vault): RecordStore<DocumentPayload, DocumentRow> {
  return {
    db,
    name: DOCUMENTS,
    derived: documentFactsDerived(db, vault),
    codec: documentCodec(vault),
    auditLabel: (d) => documentAuditLabel(vault, d),
  };
}

/** 法律意见书 〔2026〕…号, and the client: what a supervisor reads in the audit log. */
export function documentAuditLabel(vault: Vault, d: Pick<StoredDocument, 'id' | 'title' | 'number' | 'clientName'>): Promise<Sealed> {
  const label: AuditLabel = { title: d.title, number: d.number };
  if (d.clientName) label.person = d.clientName;
  return sealAuditLabel(vault, DOCUMENTS, d.id, label);
}

/**
 * The number the next document of `kind` in `year` would get (shown nowhere; used to render
 * before saving). Shift logs count in their own register (core/documents/numbering.ts).
 */
export async function peekNextSequence(db: StationDb, year: number, kind: string): Promise<number> {
  const entry = await db.meta.get(numberCounterKey(year, numberSeriesOf(kind)));
  return ((entry?.value as number | undefined) ?? 0) + 1;
}

export class NumberTakenError extends Error {
  constructor() {
    super('文书编号已被同时保存的另一份文书占用，请重试');
    this.name = 'NumberTakenError';
  }
}

export interface NewDocument {
  kind: string;
  title: string;
  values: DocumentValues;
  clientName: string;
  caseNumber: string;
  sourceType: DocumentRow['sourceType'];
  sourceId: string;
  lawyerId: string;
  shiftId?: string;
  /** The rendered PDF (base64) with its hash and page count, made with `number`. */
  pdf: string;
  pdfSha256: string;
  pages: number;
}

function base64Length(b64: string): number {
  return Math.floor((b64.length * 3) / 4) - (b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0);
}

/**
 * Saves a first version under the number it was rendered with. The counter moves in the
 * same transaction as the record, and only if nobody took the number meanwhile, so a
 * failed save leaves no gap and two windows never share a number.
 */
export async function saveNewDocument(
  db: StationDb,
  vault: Vault,
  doc: NewDocument,
  numbering: { year: number; sequence: number; stationCode: string },
  actor: Actor,
): Promise<StoredDocument> {
  assertCan(actor.role, 'document.create');
  const id = crypto.randomUUID();
  const series = numberSeriesOf(doc.kind);
  const number = formatDocumentNumber(numbering.year, numbering.stationCode, numbering.sequence, series);
  const file = { sha256: doc.pdfSha256, sealed: await vault.seal(FILES, doc.pdfSha256, { pdf: doc.pdf }) };
  const { pdf, ...rest } = doc;
  if (!rest.shiftId) {
    const shiftId = await shiftIdFor(db, rest.lawyerId, toRfc3339());
    if (shiftId) rest.shiftId = shiftId;
  }
  const key = numberCounterKey(numbering.year, series);
  return createRecord(
    documentStore(db, vault),
    { ...rest, number, year: numbering.year, sequence: numbering.sequence, version: 1, rootId: id, ownerId: actor.id, pdfBytes: base64Length(pdf) },
    actor,
    {
      id,
      together: {
        tables: [db.meta, db.documentFiles],
        async run() {
          const current = ((await db.meta.get(key))?.value as number | undefined) ?? 0;
          if (current + 1 !== numbering.sequence) throw new NumberTakenError();
          await db.meta.put({ key, value: numbering.sequence });
          await db.documentFiles.put(file);
        },
      },
    },
  );
}

/** A new version of a saved document: same number, version + 1; the earlier version stays as it was. */
export async function saveNewVersion(db: StationDb, vault: Vault, previous: StoredDocument, doc: NewDocument, actor: Actor): Promise<StoredDocument> {
  // The stored row, not the caller's copy, says whose document it is.
  const stored = await db.documents.get(previous.id);
  if (!stored || stored.deleted) throw new Error('文书不存在或已被删除');
  assertCanRevise(actor, stored.ownerId);
  const latest = await latestVersion(db, previous.rootId);
  if (latest && latest.id !== previous.id) throw new Error('这份文书已有更新的版本，请在最新版本上修改');
  const file = { sha256: doc.pdfSha256, sealed: await vault.seal(FILES, doc.pdfSha256, { pdf: doc.pdf }) };
  const { pdf, ...rest } = doc;
  return createRecord(
    documentStore(db, vault),
    {
      ...rest,
      number: previous.number,
      year: previous.year,
      sequence: previous.sequence,
      version: previous.version + 1,
      rootId: previous.rootId,
      ownerId: actor.id,
      pdfBytes: base64Length(pdf),
    },
    actor,
    { together: { tables: [db.documentFiles], run: async () => void (await db.documentFiles.put(file)) } },
  );
}

async function latestVersion(db: StationDb, rootId: string): Promise<DocumentRow | undefined> {
  const rows = await db.documents.where('rootId').equals(rootId).toArray();
  return rows.filter((r) => !r.deleted).sort((a, b) => b.version - a.version)[0];
}

/** One version, refused to a viewer who may not read it (staff read only the documents they drafted). */
export async function getDocument(db: StationDb, vault: Vault, viewer: Viewer, id: string): Promise<StoredDocument | undefined> {
  const row = await db.documents.get(id);
  if (!row) return undefined;
  if (!mayViewOwned(viewer, 'document', row.ownerId)) throw new PermissionDeniedError('当前账户无权查看这份文书');
  return documentStore(db, vault).codec.decode(row);
}

/** The versions of a document `viewer` may read, newest first. */
export async function versionsOf(db: StationDb, vault: Vault, viewer: Viewer, rootId: string): Promise<StoredDocument[]> {
  const rows = (await db.documents.where('rootId').equals(rootId).toArray()).filter((r) => mayViewOwned(viewer, 'document', r.ownerId));
  const store = documentStore(db, vault);
  const docs = await Promise.all(rows.map((r) => store.codec.decode(r)));
  return docs.sort((a, b) => b.version - a.version);
}

/** Keeps a PDF (e.g. of another station's document) sealed and keyed by its hash, once. */
export async function storeDocumentFile(db: StationDb, vault: Vault, sha256: string, pdf: string): Promise<void> {
  if (await db.documentFiles.get(sha256)) return;
  await db.documentFiles.put({ sha256, sealed: await vault.seal(FILES, sha256, { pdf }) });
}

/**
 * The PDF of a saved document, exactly as saved and checked against the hash recorded on it.
 * The stored row, not the caller's copy, decides: a viewer who may not read the document
 * (staff and another's document) gets nothing, and a hash cannot be passed in to reach the
 * PDF of a document one may not read.
 */
export async function documentPdf(db: StationDb, vault: Vault, viewer: Viewer, doc: Pick<DocumentRow, 'id'>): Promise<string> {
  const row = await db.documents.get(doc.id);
  if (!row) throw new Error('找不到这份文书');
  if (!mayViewOwned(viewer, 'document', row.ownerId)) throw new PermissionDeniedError('当前账户无权查看这份文书');
  return openPdf(db, vault, row.pdfSha256);
}

/** The PDF of another station's document: read by those who import batches, the only ones shown imported records. */
export async function importedDocumentPdf(db: StationDb, vault: Vault, viewer: Viewer, pdfSha256: string): Promise<string> {
  assertCan(viewer.role, 'batch.import');
  return openPdf(db, vault, pdfSha256);
}

async function openPdf(db: StationDb, vault: Vault, pdfSha256: string): Promise<string> {
  const row = await db.documentFiles.get(pdfSha256);
  if (!row) throw new Error('找不到这份文书的 PDF 文件');
  const { pdf } = await vault.open<{ pdf: string }>(FILES, pdfSha256, row.sealed);
  const bytes = Uint8Array.from(atob(pdf), (c) => c.charCodeAt(0));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  const hex = [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
  if (hex !== pdfSha256) throw new Error('PDF 文件与存档时记录的校验值不符，可能已被篡改');
  return pdf;
}

export interface DocumentQuery {
  text?: string;
  kind?: string;
  from?: string;
  to?: string;
  sourceId?: string;
}

/**
 * Latest version `viewer` may read of every document, newest first, filtered. Decided on
 * the clear owner before anything is opened: a document no one let him read is not decrypted.
 */
export async function queryDocuments(db: StationDb, vault: Vault, viewer: Viewer, q: DocumentQuery = {}): Promise<StoredDocument[]> {
  let rows = q.sourceId ? await db.documents.where('sourceId').equals(q.sourceId).toArray() : await db.documents.toArray();
  rows = rows.filter((r) => !r.deleted && mayViewOwned(viewer, 'document', r.ownerId));
  const latest = new Map<string, DocumentRow>();
  for (const r of rows) {
    const seen = latest.get(r.rootId);
    if (!seen || seen.version < r.version) latest.set(r.rootId, r);
  }
  let list = [...latest.values()];
  if (q.kind) list = list.filter((r) => r.kind === q.kind);
  if (q.from) list = list.filter((r) => r.createdAt.slice(0, 10) >= q.from!);
  if (q.to) list = list.filter((r) => r.createdAt.slice(0, 10) <= q.to!);
  const store = documentStore(db, vault);
  let docs = await Promise.all(list.map((r) => store.codec.decode(r)));
  const text = q.text?.trim();
  if (text) {
    const parsed = queryTokens(text);
    docs = docs.filter((d) => matchesQuery({ names: [d.clientName], identifiers: [d.number, d.caseNumber], text: [d.title] }, parsed));
  }
  return docs.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : b.version - a.version));
}
