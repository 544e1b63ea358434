import { shiftAnnotationSchema, shiftEndSchema, shiftStartSchema, type ShiftContent, type ShiftEnd } from '../../../core/shifts/schema';
import { toRfc3339 } from '../../../core/time/rfc3339';
import type { ShiftLog } from '../../../core/shifts/log';
import type { Enumerations } from '../../../core/domain/enums';
import type { ShiftRow, StationDb } from './database';
import { createRecord, getRecord, updateRecord, type Actor, type RecordStore, type Stored } from './repository';
import { assertCan } from '../../../core/access/permissions';
import { PermissionDeniedError } from '../../../core/access/permissions';
import type { Vault } from './vault';
import { shiftCodec, SHIFTS } from './recordCodecs';

type Owned = ShiftContent & { ownerId: string };
export type StoredShift = Stored<Owned>;

export class ShiftAlreadyOpenError extends Error {
  constructor(
    readonly shiftId: string,
    startedAt: string,
  ) {
    super(`该律师已在值班中（${startedAt.slice(0, 10)} ${startedAt.slice(11, 16)} 签到），请先签退`);
    this.name = 'ShiftAlreadyOpenError';
  }
}

export function shiftStore(db: StationDb, vault: Vault): RecordStore<Owned, ShiftRow> {
  return {
    db,
    name: SHIFTS,
    codec: shiftCodec(vault),
  };
}

/** A lawyer signs in himself; the supervisor may sign anyone in or out (a forgotten sign-out). */
function assertMayActFor(actor: Actor & { lawyerId?: string }, lawyerId: string): void {
  assertCan(actor.role, 'shift.sign');
  if (actor.role !== 'supervisor' && actor.lawyerId !== lawyerId) throw new PermissionDeniedError('只能为本人签到、签退');
}

/** The open shift of a lawyer, if any (read from the clear index, nothing decrypted). */
export async function openShiftRowOf(db: StationDb, lawyerId: string): Promise<ShiftRow | undefined> {
  const rows = await db.shifts.where('openLawyerId').equals(lawyerId).toArray();
  return rows.sort((a, b) => b.startedAt.localeCompare(a.startedAt))[0];
}

/**
 * The shift a record logged by `lawyerId` at `at` belongs to: the lawyer's open shift if
 * it had started by then. A record entered after the sign-out belongs to no shift.
 */
export async function shiftIdFor(db: StationDb, lawyerId: string | readonly string[], at: string): Promise<string | undefined> {
  for (const id of typeof lawyerId === 'string' ? [lawyerId] : lawyerId) {
    const open = await openShiftRowOf(db, id);
    if (open && Date.parse(open.startedAt) <= Date.parse(at)) return open.id;
  }
  return undefined;
}

export async function startShift(db: StationDb, vault: Vault, input: unknown, actor: Actor & { lawyerId?: string }, enums: Enumerations): Promise<StoredShift> {
  const parsed = shiftStartSchema(enums).parse(input);
  assertMayActFor(actor, parsed.lawyerId);
  const open = await openShiftRowOf(db, parsed.lawyerId);
  if (open) throw new ShiftAlreadyOpenError(open.id, open.startedAt);
  return createRecord(shiftStore(db, vault), { ...parsed, ownerId: actor.id }, actor);
}

/** Signs out: the end time, the handover notes and the frozen log go into the record together. */
export async function endShift(
  db: StationDb,
  vault: Vault,
  id: string,
  input: unknown,
  log: (end: ShiftEnd, shift: StoredShift) => Promise<ShiftLog>,
  actor: Actor & { lawyerId?: string },
): Promise<StoredShift> {
  const current = await getRecord(shiftStore(db, vault), id);
  if (!current || current.deleted) throw new Error('班次不存在或已被删除');
  if (current.endedAt) throw new Error('该班次已签退');
  assertMayActFor(actor, current.lawyerId);
  const end = shiftEndSchema(current.startedAt).parse(input);
  const frozen = await log(end, current);
  const patch: Partial<Owned> = { endedAt: end.endedAt, log: frozen };
  if (end.handoverNotes) patch.handoverNotes = end.handoverNotes;
  return updateRecord(shiftStore(db, vault), id, patch, actor, { expectedRev: current.rev });
}

/**
 * Adds a note beside an ended shift's log (issue 20 item 5). The frozen figures stay as
 * the lawyer signed them off; a note says what is wrong or missing, with its author and
 * time, and is audited like every change. The shift's lawyer and a supervisor may write.
 */
export async function annotateShift(
  db: StationDb,
  vault: Vault,
  id: string,
  text: unknown,
  actor: Actor & { lawyerId?: string },
  now = new Date(),
): Promise<StoredShift> {
  const current = await getRecord(shiftStore(db, vault), id);
  if (!current || current.deleted) throw new Error('班次不存在或已被删除');
  if (!current.endedAt || !current.log) throw new Error('签退后才能为值班日志添加说明');
  assertMayActFor(actor, current.lawyerId);
  const note = shiftAnnotationSchema.parse(text);
  const annotations = [...(current.annotations ?? []), { at: toRfc3339(now), byId: actor.id, byName: actor.name, text: note }];
  return updateRecord(shiftStore(db, vault), id, { annotations }, actor, { expectedRev: current.rev, now });
}

export function getShift(db: StationDb, vault: Vault, id: string) {
  return getRecord(shiftStore(db, vault), id);
}

/** Every open shift, oldest first: the page shows them all, and flags those left open overnight. */
export async function openShifts(db: StationDb, vault: Vault): Promise<StoredShift[]> {
  const rows = await db.shifts.where('openLawyerId').above('').toArray();
  rows.sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  const store = shiftStore(db, vault);
  return Promise.all(rows.map((r) => store.codec.decode(r)));
}

/** Live shifts that started between two days (inclusive), newest first. */
export async function shiftsBetween(db: StationDb, vault: Vault, from: string, to: string): Promise<StoredShift[]> {
  // startedAt is RFC 3339 in the station's offset: its first ten characters are its day.
  const rows = (await db.shifts.where('startedAt').between(from, `${to}\uffff`, true, true).toArray()).filter((r) => !r.deleted);
  rows.sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  const store = shiftStore(db, vault);
  return Promise.all(rows.map((r) => store.codec.decode(r)));
}
