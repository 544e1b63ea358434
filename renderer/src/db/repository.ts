import type { Table } from 'dexie';
import type { RecordBase } from '../../../core/records/base';
import { toRfc3339 } from '../../../core/time/rfc3339';
import { chainEntry } from '../../../core/audit/chain';
import { BATCH_RECORD_TYPES } from '../../../core/batch/format';
import type { AuditAction, AuditEntry, StatFactsRow, StationDb } from './database';
import type { Sealed } from './vault';

/** Tables whose records travel in batches (shared/spec/batch-format.md). */
const BATCH_TABLES: ReadonlySet<string> = new Set<string>(BATCH_RECORD_TYPES);

type AuditFields = Omit<AuditEntry, 'seq' | 'prevHash' | 'hash'>;

/** Appends one chained entry; call inside a transaction that includes db.audit. */
async function appendChained(db: StationDb, fields: AuditFields): Promise<AuditEntry> {
  const last = await db.audit.orderBy('seq').last();
  const entry = chainEntry(last, fields) as AuditEntry;
  await db.audit.add(entry);
  return entry;
}

/** An audit entry for an event that is not a record change (sign-in, lock, export, print…). */
export function appendAudit(
  db: StationDb,
  actor: Actor,
  action: AuditAction,
  detail?: string,
  record?: { type: string; id: string; rev?: number },
  /** The record's sealed label (auditLabels.ts), when the entry is about one that names a person. */
  label?: Sealed,
): Promise<AuditEntry> {
  const fields: AuditFields = {
    at: toRfc3339(),
    actorId: actor.id,
    actorName: actor.name,
    actorRole: actor.role,
    action,
    recordType: record?.type ?? '',
    recordId: record?.id ?? '',
    rev: record?.rev ?? 0,
    fields: [],
  };
  if (detail) fields.detail = detail;
  if (label) fields.label = label;
  return db.transaction('rw', db.audit, () => appendChained(db, fields));
}

/** Who is making a change; recorded in the audit trail. */
export interface Actor {
  id: string;
  name: string;
  role: string;
}

export class RecordNotFoundError extends Error {
  constructor(
    readonly recordType: string,
    readonly id: string,
  ) {
    super('记录不存在或已被删除');
    this.name = 'RecordNotFoundError';
  }
}

/** Raised when a record changed since the caller read it (another window, another user). */
export class StaleRecordError extends Error {
  constructor() {
    super('该记录已被他人修改，请重新打开后再编辑');
    this.name = 'StaleRecordError';
  }
}

export type Stored<T> = T & RecordBase;
export type Payload<T> = Omit<T, keyof RecordBase>;

/**
 * How a record is kept in its table. Plain tables store the record as it is; sealed
 * tables (consultations, …) store encrypted contents plus blinded index tokens. Encoding
 * may be asynchronous (WebCrypto), so it always runs before the transaction opens:
 * IndexedDB commits a transaction that waits on anything but its own requests.
 */
export interface RecordCodec<T, Row extends RecordBase> {
  encode(record: Stored<T>): Promise<Row> | Row;
  decode(row: Row): Promise<Stored<T>> | Stored<T>;
}

export function plainCodec<T>(): RecordCodec<T, Stored<T>> {
  return { encode: (r) => r, decode: (r) => r };
}

export interface RecordStore<T, Row extends RecordBase> {
  db: StationDb;
  name: string;
  codec: RecordCodec<T, Row>;
  /** Rows derived from the record that must change with it (statistics facts). */
  derived?: Derived<T, Row>;
  /** An index kept in step inside the record's transaction (search postings). */
  index?: RecordIndex<Row>;
  /** Seals the words that name the record in its audit entries (auditLabels.ts); runs before the transaction. */
  auditLabel?(record: Stored<T>): Promise<Sealed>;
}

export interface RecordIndex<Row> {
  /** The tables `update` writes; they join the record's transaction. */
  tables: Table[];
  /** Runs inside the transaction just before the row is written; may complete the row (its index number). */
  update(current: Row | undefined, next: Row): Promise<void>;
  /** After the commit: lets caches derived from the table follow the change instead of being rebuilt. */
  committed?(current: Row | undefined, next: Row): void;
}

/** One derived row to write, valid only if its version is still the one read. */
export interface DerivedPut {
  expectedVersion: number;
  row: StatFactsRow;
}

export interface Derived<T, Row> {
  /** Reads and re-seals what changes; runs before the transaction (it awaits WebCrypto). */
  prepare(next: Stored<T>, current: Row | undefined): Promise<DerivedPut[]>;
}

class DerivedConflict extends Error {}

const versions = new WeakMap<StationDb, Map<string, number>>();

/** Bumped on every write through this module; caches derived from a table compare it. */
export function tableVersion(db: StationDb, name: string): number {
  return versions.get(db)?.get(name) ?? 0;
}

/** After tables were replaced outside this module (a restore): every cache derived from them is stale. */
export function forgetCaches(db: StationDb): void {
  for (const t of db.tables) bumpVersion(db, t.name);
}

function bumpVersion(db: StationDb, name: string): void {
  const map = versions.get(db) ?? new Map<string, number>();
  map.set(name, (map.get(name) ?? 0) + 1);
  versions.set(db, map);
}

function table<Row>(store: RecordStore<unknown, RecordBase>): Table<Row, string> {
  return store.db.table(store.name) as Table<Row, string>;
}

export function changedFields(before: object, after: object): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const skip = new Set(['rev', 'updatedAt', 'createdAt', 'id', 'deleted']);
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  return [...keys].filter((k) => !skip.has(k) && JSON.stringify(b[k]) !== JSON.stringify(a[k])).sort();
}

/** Other writes that must commit or fail together with a record (a counter, a file). */
export interface Together {
  tables: Table[];
  /** Runs first inside the transaction; may only touch `tables` and must not await anything else. */
  run(): Promise<void>;
}

async function write<T, Row extends RecordBase>(
  store: RecordStore<T, Row>,
  next: Stored<T>,
  expectedCurrentRev: number | null,
  entry: AuditFields,
  together?: Together,
): Promise<void> {
  const { db } = store;
  const travels = BATCH_TABLES.has(store.name);
  const records = table<Row>(store as RecordStore<unknown, RecordBase>);
  const derive = async () => (store.derived ? store.derived.prepare(next, await records.get(next.id)) : []);
  // Sealing the record, its audit label and re-sealing its derived rows are independent WebCrypto work: together.
  const [row, firstPuts, label] = await Promise.all([store.codec.encode(next), derive(), store.auditLabel?.(next)]);
  if (label) entry = { ...entry, label };
  let previous: Row | undefined;
  for (let attempt = 0; ; attempt++) {
    const puts = attempt === 0 ? firstPuts : await derive();
    try {
      const tables = [
        db.table(store.name),
        db.audit,
        db.revisions,
        ...(travels ? [db.outbox] : []),
        ...(store.derived ? [db.statFacts] : []),
        ...(store.index?.tables ?? []),
        ...(together?.tables ?? []),
      ];
      await db.transaction('rw', tables, async () => {
        if (together) await together.run();
        const current = await records.get(next.id);
        // Optimistic check: the row must still be the one we read before encoding.
        if ((current?.rev ?? null) !== expectedCurrentRev) throw new StaleRecordError();
        for (const p of puts) {
          if (((await db.statFacts.get(p.row.key))?.version ?? 0) !== p.expectedVersion) throw new DerivedConflict();
          await db.statFacts.put(p.row);
        }
        if (store.index) await store.index.update(current, row);
        // The revision this one replaces, as stored: the history shows what each edit changed.
        if (current) await db.revisions.put({ type: store.name, id: next.id, rev: current.rev, row: current });
        await records.put(row);
        // Bumped inside the transaction, not after it: a liveQuery re-runs as soon as the
        // transaction commits, possibly before this function resumes, and must then find
        // the caches stale. A read that sees the new version queues behind this
        // transaction (IndexedDB orders overlapping transactions), so it reads the change.
        bumpVersion(db, store.name);
        if (travels) await db.outbox.put({ key: `${store.name}:${next.id}`, type: store.name, id: next.id, rev: next.rev, updatedAt: next.updatedAt });
        await appendChained(db, entry);
        previous = current;
      });
      break;
    } catch (err) {
      // Another record of the same day was saved meanwhile: re-derive from its version.
      if (!(err instanceof DerivedConflict) || attempt >= 5) throw err;
    }
  }
  // A cache still at the version before this write may follow this one change.
  store.index?.committed?.(previous, row);
}

function auditEntry(actor: Actor, action: AuditAction, recordType: string, recordId: string, rev: number, fields: string[], at: string): AuditFields {
  return { at, actorId: actor.id, actorName: actor.name, actorRole: actor.role, action, recordType, recordId, rev, fields };
}

/** Reads one record, deleted or not. */
export async function getRecord<T, Row extends RecordBase>(store: RecordStore<T, Row>, id: string): Promise<Stored<T> | undefined> {
  const row = await table<Row>(store as RecordStore<unknown, RecordBase>).get(id);
  return row ? store.codec.decode(row) : undefined;
}

/**
 * Every write to a record table goes through these functions: they stamp id, rev and
 * times, and append the audit entry in the same transaction, so a record never changes
 * without a trace and a trace never exists without its change.
 */
export async function createRecord<T extends object, Row extends RecordBase>(
  store: RecordStore<T, Row>,
  data: Payload<T>,
  actor: Actor,
  options: { now?: Date; id?: string; together?: Together } = {},
): Promise<Stored<T>> {
  const at = toRfc3339(options.now ?? new Date());
  const record = { ...data, id: options.id ?? crypto.randomUUID(), rev: 1, createdAt: at, updatedAt: at, deleted: false } as Stored<T>;
  await write(store, record, null, auditEntry(actor, 'create', store.name, record.id, 1, changedFields({}, data), at), options.together);
  return record;
}

export async function updateRecord<T extends object, Row extends RecordBase>(
  store: RecordStore<T, Row>,
  id: string,
  patch: Partial<Payload<T>>,
  actor: Actor,
  options: { expectedRev?: number; now?: Date; replace?: boolean } = {},
): Promise<Stored<T>> {
  const current = await getRecord(store, id);
  if (!current || current.deleted) throw new RecordNotFoundError(store.name, id);
  if (options.expectedRev !== undefined && current.rev !== options.expectedRev) throw new StaleRecordError();
  const at = toRfc3339(options.now ?? new Date());
  const base = options.replace ? { id, rev: current.rev, createdAt: current.createdAt, updatedAt: current.updatedAt, deleted: false } : current;
  const next = { ...base, ...patch, id, createdAt: current.createdAt, deleted: false, rev: current.rev + 1, updatedAt: at } as Stored<T>;
  const fields = changedFields(current, next);
  if (fields.length === 0) return current;
  await write(store, next, current.rev, auditEntry(actor, 'update', store.name, id, next.rev, fields, at));
  return next;
}

async function setDeleted<T extends object, Row extends RecordBase>(
  store: RecordStore<T, Row>,
  id: string,
  deleted: boolean,
  actor: Actor,
  now: Date,
): Promise<Stored<T>> {
  const current = await getRecord(store, id);
  if (!current || current.deleted === deleted) throw new RecordNotFoundError(store.name, id);
  const at = toRfc3339(now);
  const next = { ...current, deleted, rev: current.rev + 1, updatedAt: at };
  await write(store, next, current.rev, auditEntry(actor, deleted ? 'delete' : 'restore', store.name, id, next.rev, ['deleted'], at));
  return next;
}

/** Soft delete: the record stays as a tombstone (it must travel in the next batch). */
export function softDeleteRecord<T extends object, Row extends RecordBase>(store: RecordStore<T, Row>, id: string, actor: Actor, now = new Date()) {
  return setDeleted(store, id, true, actor, now);
}

/** Undo of a soft delete. */
export function restoreRecord<T extends object, Row extends RecordBase>(store: RecordStore<T, Row>, id: string, actor: Actor, now = new Date()) {
  return setDeleted(store, id, false, actor, now);
}

export function historyOf(db: StationDb, recordType: string, recordId: string): Promise<AuditEntry[]> {
  return db.audit.where('[recordType+recordId]').equals([recordType, recordId]).sortBy('seq');
}
