import Dexie, { type EntityTable, type Table } from 'dexie';
import type { RecordBase } from '../../../core/records/base';
import type { Role } from '../../../core/access/permissions';
import type { LawyerInput } from '../../../core/validation/lawyer';
import type { Sealed } from './vault';
import type { ChainedEntry } from '../../../core/audit/chain';
import { reindexConsultations } from './searchIndex';

export type LawyerRecord = RecordBase & LawyerInput;

/**
 * One append-only line of the audit trail, written in the same transaction as the change
 * and hash-chained to the line before (core/audit/chain.ts).
 */
export type AuditAction =
  | 'create'
  | 'update'
  | 'delete'
  | 'restore'
  | 'sign_in'
  | 'sign_in_failed'
  | 'sign_out'
  | 'lock'
  | 'unlock'
  | 'print'
  | 'export'
  | 'import'
  | 'backup'
  | 'restore_backup'
  | 'settings'
  | 'app_error'
  | 'reset_password'
  | 'change_role'
  | 'role_tampered'
  | 'role_sealed'
  | 'recovery_registered';

export interface AuditEntry extends ChainedEntry {
  action: AuditAction;
}

/**
 * A consultation as stored: what lists, sorting and permissions need in the clear
 * (time, lawyer, shift, owner), every searchable or filterable fact only as a blinded
 * token, and the contents sealed.
 */
export interface ConsultationRow extends RecordBase {
  time: string;
  /** Equal to `time` while the record is live; absent on tombstones, so the index lists live records only. */
  liveTime?: string;
  /** On tombstones only: when it was deleted (the 回收站's index). */
  trashedAt?: string;
  /** Absent on a detainee's request staff logged before any lawyer saw it. */
  lawyerId?: string;
  shiftId?: string;
  ownerId: string;
  /**
   * The record's number in the search postings (searchIndex.ts), given on first save and
   * kept for life. Absent only on rows read from a backup made before version 9.
   */
  doc?: number;
  /** The blinded search and filter tokens; the postings are built from these. */
  tokens: string[];
  sealed: Sealed;
}

/** A record newer than the posting blocks, with its tokens (searchIndex.ts). */
export interface TailTokensRow {
  doc: number;
  tokens: string[];
}

/**
 * The live consultations newest first (by time, then document number) as of log entry
 * `throughSeq`: ids and times joined by line breaks, numbers packed (searchIndex.ts).
 */
export interface OrderSnapshotRow {
  key: 'live';
  ids: string;
  times: string;
  docs: Int32Array;
  throughSeq: number;
}

/** One change to the live order since the snapshot: where the record was, and where it is now. */
export interface OrderLogRow {
  seq?: number;
  doc: number;
  id: string;
  /** Its time before the change, if it was live. */
  from?: string;
  /** Its time after the change, if it is live. */
  to?: string;
}

/** One token's postings in one block of 4,096 document numbers (core/search/postingBlocks.ts). */
export interface PostingRow {
  token: string;
  block: number;
  count: number;
  offsets?: Uint16Array;
  bits?: Uint8Array;
}

/**
 * A saved document version. What lists and batches need is in the clear (kind, number,
 * links, the PDF's hash); the field values and the client's name are sealed. Each edit
 * is a new version with the same number: a saved version never changes.
 */
export interface DocumentRow extends RecordBase {
  kind: string;
  number: string;
  year: number;
  sequence: number;
  version: number;
  /** Id of the first version; all versions of a number share it. */
  rootId: string;
  sourceType: 'consultation' | 'mediation' | 'shift' | 'none';
  sourceId: string;
  lawyerId: string;
  shiftId?: string;
  ownerId: string;
  pdfSha256: string;
  pdfBytes: number;
  pages: number;
  sealed: Sealed;
}

/**
 * A mediation the duty lawyer joined. In the clear: what lists and the overdue-payment
 * follow-up need (date, lawyers, shift, owner, and the deadline of an unpaid agreement);
 * the parties, terms and amounts are sealed.
 */
export interface MediationRow extends RecordBase {
  date: string;
  /** The payment deadline of a live, unpaid agreement with an amount; absent otherwise (index: the follow-up list). */
  openDeadline?: string;
  /** On tombstones only: when it was deleted (the 回收站's index). */
  trashedAt?: string;
  lawyerIds: string[];
  shiftId?: string;
  ownerId: string;
  sealed: Sealed;
}

/**
 * A duty shift. In the clear: who, when, and (while it is open and live) the lawyer again
 * under `openLawyerId`, so "is this lawyer on shift" is one index lookup. The place, the
 * handover notes and the frozen shift log are sealed.
 */
export interface ShiftRow extends RecordBase {
  lawyerId: string;
  startedAt: string;
  endedAt?: string;
  openLawyerId?: string;
  ownerId: string;
  sealed: Sealed;
}

/** One planned duty in the roster (排班): not personal data, kept in the clear. */
export interface DutyRosterRow extends RecordBase {
  /** YYYY-MM-DD */
  date: string;
  lawyerId: string;
  place: string;
  period: 'full_day' | 'morning' | 'afternoon';
  note?: string;
}

/**
 * Derived, rebuildable: the statistics facts of one day's consultations (codes only),
 * sealed as one bucket so a year's statistics open 365 small buckets instead of every
 * record. Kept in step by the repository in the same transaction as each change.
 */
export interface StatFactsRow {
  /** `c:YYYY-MM-DD` */
  key: string;
  /** +1 on every write; a writer that read an older version retries. */
  version: number;
  sealed: Sealed;
}

/** A document's PDF, sealed, keyed by its SHA-256 (the hash recorded on the document). */
export interface DocumentFileRow {
  sha256: string;
  sealed: Sealed;
}

/**
 * A record change not yet sent in a batch: one entry per record, overwritten by every
 * write in the same transaction as the change, removed only once a batch carrying that
 * revision has been written and verified.
 */
export interface OutboxEntry {
  /** `${type}:${id}` */
  key: string;
  type: string;
  id: string;
  rev: number;
  updatedAt: string;
}

/** A record of another station, taken from a verified batch; read-only here. */
export interface ImportedRecordRow {
  station: string;
  type: string;
  id: string;
  rev: number;
  updatedAt: string;
  deleted: boolean;
  /**
   * A document's PDF, by the SHA-256 this station stores PDFs under (not indexed). A v2 line
   * names its PDF by the suite's `hash` (SM3 under gm-1), so the import notes the SHA-256 here.
   */
  pdfSha256?: string;
  /** The record's line as it arrived, sealed like our own records. */
  sealed: Sealed;
}

/** A station whose batches this machine ingests: its registered key and how far its chain goes. */
export interface ImportedStation {
  code: string;
  name: string;
  kind: string;
  regionCode: string;
  publicKey: string;
  fingerprint: string;
  registeredAt: string;
  registeredBy: string;
  lastSequence: number;
  lastManifestSha256: string;
  batches: {
    sequence: number;
    batchId: string;
    manifestSha256: string;
    period: { from: string; to: string };
    importedAt: string;
    records: number;
    changed: number;
  }[];
}

export type { Role };

/** A person who signs in. The password exists only as scrypt output inside `wrappedKey`. */
export interface AccountRecord extends RecordBase {
  username: string;
  displayName: string;
  role: Role;
  /** For lawyers: their roster entry, the default "lawyer on duty" of their contacts. */
  lawyerId?: string;
  disabled: boolean;
  /** null once the account is disabled: a disabled account keeps no copy of the data key (issue 18). */
  wrappedKey: import('./keyMaterial').WrappedKey | null;
  /** Set when a supervisor reset the password: the next sign-in must choose a new one. */
  mustChangePassword?: boolean;
  /**
   * HMAC-SHA256 under a key derived from the data key over [id, username, role]
   * (db/keyMaterial.roleMac): a role edited in the database no longer matches, and
   * sign-in refuses it. Absent only on rows from before it existed (see accounts.ts).
   */
  roleMac?: string;
}

/**
 * A form the user has open and not saved (db/drafts.ts), kept so that a lock, a reload or
 * a closed window loses nothing. In the clear only what finds it again for its author; the
 * values, and where the form was, are sealed.
 */
export interface DraftRow {
  /** `${authorId}:${kind}:${blinded slot}`: one draft per author and open form. */
  id: string;
  authorId: string;
  kind: 'consultation' | 'detainee_request' | 'mediation' | 'document';
  /** The record being edited, if the form edits one. */
  recordId?: string;
  updatedAt: string;
  sealed: Sealed;
}

export interface MetaEntry {
  key: string;
  value: unknown;
}

export const DB_NAME = 'duty-lawyer-station';

export class StationDb extends Dexie {
  lawyers!: EntityTable<LawyerRecord, 'id'>;
  audit!: Table<AuditEntry, number>;
  meta!: EntityTable<MetaEntry, 'key'>;
  consultations!: EntityTable<ConsultationRow, 'id'>;
  accounts!: EntityTable<AccountRecord, 'id'>;
  documents!: EntityTable<DocumentRow, 'id'>;
  documentFiles!: EntityTable<DocumentFileRow, 'sha256'>;
  outbox!: EntityTable<OutboxEntry, 'key'>;
  importedRecords!: Table<ImportedRecordRow, [string, string, string]>;
  importedStations!: EntityTable<ImportedStation, 'code'>;
  mediations!: EntityTable<MediationRow, 'id'>;
  shifts!: EntityTable<ShiftRow, 'id'>;
  dutyRoster!: EntityTable<DutyRosterRow, 'id'>;
  statFacts!: EntityTable<StatFactsRow, 'key'>;
  postings!: Table<PostingRow, [string, number]>;
  tailTokens!: EntityTable<TailTokensRow, 'doc'>;
  orderSnapshot!: EntityTable<OrderSnapshotRow, 'key'>;
  orderLog!: Table<OrderLogRow, number>;
  drafts!: EntityTable<DraftRow, 'id'>;
  revisions!: Table<RevisionRow, [string, string, number]>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    // Schema history: every change is a new version with an upgrade test (test/unit/db).
    this.version(1).stores({
      lawyers: 'id, updatedAt, deleted',
      audit: '++seq, at, [recordType+recordId]',
      meta: 'key',
    });
    this.version(2).stores({
      consultations: 'id, liveTime, updatedAt, lawyerId, shiftId, *tokens',
    });
    this.version(3).stores({
      accounts: 'id, &username',
    });
    this.version(4).stores({
      documents: 'id, createdAt, updatedAt, kind, number, rootId, sourceId, shiftId, lawyerId',
      documentFiles: 'sha256',
    });
    this.version(5)
      .stores({
        outbox: 'key, type',
        importedRecords: '[station+type+id], station, [station+type], updatedAt',
        importedStations: 'code',
      })
      .upgrade(async (tx) => {
        // Everything written before batches existed has never been sent.
        for (const type of ['consultations', 'documents']) {
          await tx
            .table(type)
            .toCollection()
            .each((row: { id: string; rev: number; updatedAt: string }) =>
              tx.table('outbox').put({ key: `${type}:${row.id}`, type, id: row.id, rev: row.rev, updatedAt: row.updatedAt }),
            );
        }
      });
    this.version(6).stores({
      mediations: 'id, date, updatedAt, openDeadline, shiftId, *lawyerIds',
    });
    this.version(7).stores({
      shifts: 'id, startedAt, updatedAt, lawyerId, openLawyerId',
      dutyRoster: 'id, date, lawyerId, updatedAt',
    });
    // Filled on first use (statFacts.ts rebuilds it from the records), then kept in step.
    this.version(8).stores({ statFacts: 'key' });
    // The search index moves from a multi-entry index (one entry per token and record) to
    // posting blocks; records keep their tokens as data, so the upgrade needs no key.
    this.version(9).stores({
      consultations: 'id, liveTime, updatedAt, lawyerId, shiftId',
      postings: '[token+block]',
      tailTokens: 'doc',
      liveOrder: '[time+doc]',
    });
    // The live order as one packed snapshot plus a log of changes (one request to read,
    // instead of one value per record); version 10 builds everything of version 9 as well.
    this.version(10)
      .stores({ liveOrder: null, orderSnapshot: 'key', orderLog: '++seq' })
      .upgrade((tx) =>
        reindexConsultations({
          consultations: tx.table('consultations'),
          postings: tx.table('postings'),
          tailTokens: tx.table('tailTokens'),
          orderSnapshot: tx.table('orderSnapshot'),
          orderLog: tx.table('orderLog'),
          meta: tx.table('meta'),
        }),
      );
    // Unsaved forms (db/drafts.ts): a new table, nothing to carry over.
    this.version(11).stores({ drafts: 'id, authorId' });
    // The 回收站 (db/trash.ts): tombstones indexed by when they were deleted.
    this.version(12)
      .stores({
        consultations: 'id, liveTime, updatedAt, lawyerId, shiftId, trashedAt',
        mediations: 'id, date, updatedAt, openDeadline, shiftId, *lawyerIds, trashedAt',
        // Each record's earlier revisions as stored (sealed where the table is), for the
        // old and new values of its edit history (db/history.ts).
        revisions: '[type+id+rev]',
      })
      .upgrade(async (tx) => {
        for (const name of TRASHABLE) await tx.table(name).toCollection().modify(markTrashed);
      });
  }
}

/** A record's row as it stood at `rev`, kept when the next revision replaced it. */
export interface RevisionRow {
  type: string;
  id: string;
  rev: number;
  row: RecordBase;
}

/** Sealed tables whose tombstones the 回收站 lists. */
export const TRASHABLE = ['consultations', 'mediations'] as const;

/** Gives a tombstone read from before version 12 (or from an older backup) its place in the 回收站. */
export function markTrashed(row: { deleted: boolean; updatedAt: string; trashedAt?: string }): void {
  if (row.deleted && !row.trashedAt) row.trashedAt = row.updatedAt;
}
