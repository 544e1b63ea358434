import type { Table } from 'dexie';
import type { RecordBase } from '../../../core/records/base';
import { toRfc3339 } from '../../../core/time/rfc3339';
import type { AuditEntry, RecordTable, StationDb } from './database';

/** Who is making a change; recorded in the audit trail. */
export interface Actor {
  id: string;
  name: string;
  role: string;
}

export class RecordNotFoundError extends Error {
  constructor(readonly recordType: string, readonly id: string) {
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

type Stored<T> = T & RecordBase;
type Payload<T> = Omit<T, keyof RecordBase>;

function table<T>(db: StationDb, name: RecordTable): Table<Stored<T>, string> {
  return db.table(name) as Table<Stored<T>, string>;
}

function audit(db: StationDb, entry: Omit<AuditEntry, 'seq' | 'at'>, at: string) {
  return db.audit.add({ ...entry, at });
}

function changedFields(before: object, after: object): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const skip = new Set(['rev', 'updatedAt', 'createdAt', 'id']);
  return [...keys]
    .filter((k) => !skip.has(k))
    .filter((k) => JSON.stringify((before as Record<string, unknown>)[k]) !== JSON.stringify((after as Record<string, unknown>)[k]))
    .sort();
}

/**
 * Every write to a record table goes through these functions: they stamp id, rev and
 * times, and append the audit entry in the same transaction, so a record never changes
 * without a trace and a trace never exists without its change.
 */
export async function createRecord<T extends object>(
  db: StationDb,
  name: RecordTable,
  data: Payload<T>,
  actor: Actor,
  now: Date = new Date(),
): Promise<Stored<T>> {
  const at = toRfc3339(now);
  const record = { ...data, id: crypto.randomUUID(), rev: 1, createdAt: at, updatedAt: at, deleted: false } as Stored<T>;
  await db.transaction('rw', [db.table(name), db.audit], async () => {
    await table<T>(db, name).add(record);
    await audit(db, { actorId: actor.id, actorName: actor.name, actorRole: actor.role, action: 'create', recordType: name, recordId: record.id, rev: 1, fields: changedFields({}, data) }, at);
  });
  return record;
}

export async function updateRecord<T extends object>(
  db: StationDb,
  name: RecordTable,
  id: string,
  patch: Partial<Payload<T>>,
  actor: Actor,
  options: { expectedRev?: number; now?: Date } = {},
): Promise<Stored<T>> {
  const at = toRfc3339(options.now ?? new Date());
  return db.transaction('rw', [db.table(name), db.audit], async () => {
    const current = await table<T>(db, name).get(id);
    if (!current || current.deleted) throw new RecordNotFoundError(name, id);
    if (options.expectedRev !== undefined && current.rev !== options.expectedRev) throw new StaleRecordError();
    const next = { ...current, ...patch, id, createdAt: current.createdAt, deleted: false, rev: current.rev + 1, updatedAt: at } as Stored<T>;
    const fields = changedFields(current, next);
    if (fields.length === 0) return current;
    await table<T>(db, name).put(next);
    await audit(db, { actorId: actor.id, actorName: actor.name, actorRole: actor.role, action: 'update', recordType: name, recordId: id, rev: next.rev, fields }, at);
    return next;
  });
}

async function setDeleted<T extends object>(
  db: StationDb,
  name: RecordTable,
  id: string,
  deleted: boolean,
  actor: Actor,
  now: Date,
): Promise<Stored<T>> {
  const at = toRfc3339(now);
  return db.transaction('rw', [db.table(name), db.audit], async () => {
    const current = await table<T>(db, name).get(id);
    if (!current || current.deleted === deleted) throw new RecordNotFoundError(name, id);
    const next = { ...current, deleted, rev: current.rev + 1, updatedAt: at };
    await table<T>(db, name).put(next);
    await audit(db, { actorId: actor.id, actorName: actor.name, actorRole: actor.role, action: deleted ? 'delete' : 'restore', recordType: name, recordId: id, rev: next.rev, fields: ['deleted'] }, at);
    return next;
  });
}

/** Soft delete: the record stays as a tombstone (it must travel in the next batch). */
export function softDeleteRecord<T extends object>(db: StationDb, name: RecordTable, id: string, actor: Actor, now = new Date()) {
  return setDeleted<T>(db, name, id, true, actor, now);
}

/** Undo of a soft delete. */
export function restoreRecord<T extends object>(db: StationDb, name: RecordTable, id: string, actor: Actor, now = new Date()) {
  return setDeleted<T>(db, name, id, false, actor, now);
}

export function historyOf(db: StationDb, recordType: RecordTable, recordId: string): Promise<AuditEntry[]> {
  return db.audit.where('[recordType+recordId]').equals([recordType, recordId]).sortBy('seq');
}
