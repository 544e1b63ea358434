import { mediationInputSchema, type MediationInput } from '../../../core/mediations/schema';
import type { Enumerations } from '../../../core/domain/enums';
import type { MediationRow, StationDb } from './database';
import { createRecord, getRecord, restoreRecord, softDeleteRecord, updateRecord, type Actor, type RecordStore, type Stored } from './repository';
import { assertCan, assertCanChange, PermissionDeniedError } from '../../../core/access/permissions';
import { mayViewOwned, type Viewer } from '../../../core/access/recordViews';
import type { Vault } from './vault';
import { mediationCodec, MEDIATIONS } from './recordCodecs';
import { sealAuditLabel } from './auditLabels';
import { shiftIdFor } from './shifts';
import { mediationFactsDerived } from './statFacts';
import { toRfc3339 } from '../../../core/time/rfc3339';

type Owned = MediationInput & { ownerId: string };
export type StoredMediation = Stored<Owned>;

export function mediationStore(db: StationDb, vault: Vault): RecordStore<Owned, MediationRow> {
  return {
    db,
    name: MEDIATIONS,
    derived: mediationFactsDerived(db, vault),
    codec: mediationCodec(vault),
    auditLabel: (m) =>
      sealAuditLabel(vault, MEDIATIONS, m.id, { person: m.parties.map((p) => p.name).join('、'), ...(m.caseNumber ? { number: m.caseNumber } : {}) }),
  };
}

export async function createMediation(db: StationDb, vault: Vault, enums: Enumerations, input: unknown, actor: Actor): Promise<StoredMediation> {
  assertCan(actor.role, 'mediation.create');
  const parsed = mediationInputSchema(enums).parse(input);
  if (!parsed.shiftId) {
    const shiftId = await shiftIdFor(db, parsed.lawyerIds, toRfc3339());
    if (shiftId) parsed.shiftId = shiftId;
  }
  return createRecord(mediationStore(db, vault), { ...parsed, ownerId: actor.id }, actor);
}

export async function editMediation(
  db: StationDb,
  vault: Vault,
  enums: Enumerations,
  id: string,
  input: unknown,
  actor: Actor,
  expectedRev: number,
): Promise<StoredMediation> {
  const parsed = mediationInputSchema(enums).parse(input);
  const current = await getRecord(mediationStore(db, vault), id);
  if (current) assertCanChange(actor, current.ownerId, 'edit', 'mediation');
  return updateRecord(mediationStore(db, vault), id, { ...parsed, ownerId: current?.ownerId ?? actor.id }, actor, { expectedRev, replace: true });
}

/**
 * Records that the agreed amount was paid on `paidAt` (YYYY-MM-DD). The record is parsed
 * again with the station's lists: with the defaults, a mediation of a type the province
 * added could never be marked paid.
 */
export async function markMediationPaid(db: StationDb, vault: Vault, enums: Enumerations, id: string, paidAt: string, actor: Actor): Promise<StoredMediation> {
  const current = await getRecord(mediationStore(db, vault), id);
  if (!current || current.deleted) throw new Error('记录不存在或已被删除');
  assertCanChange(actor, current.ownerId, 'edit', 'mediation');
  const { id: _id, rev: _rev, createdAt: _c, updatedAt: _u, deleted: _d, ownerId, ...content } = current;
  const parsed = mediationInputSchema(enums).parse({ ...content, paidAt });
  return updateRecord(mediationStore(db, vault), id, { ...parsed, ownerId }, actor, { expectedRev: current.rev, replace: true });
}

export async function deleteMediation(db: StationDb, vault: Vault, id: string, actor: Actor) {
  const current = await getRecord(mediationStore(db, vault), id);
  if (current) assertCanChange(actor, current.ownerId, 'delete', 'mediation');
  return softDeleteRecord(mediationStore(db, vault), id, actor);
}

/** Brings a deleted mediation back from the 回收站: its author, or anyone who may delete others'. */
export async function undeleteMediation(db: StationDb, vault: Vault, id: string, actor: Actor) {
  const current = await getRecord(mediationStore(db, vault), id);
  if (current) assertCanChange(actor, current.ownerId, 'delete', 'mediation');
  return restoreRecord(mediationStore(db, vault), id, actor);
}

/** One mediation, refused to a viewer who may not read it (staff record none and read none). */
export async function getMediation(db: StationDb, vault: Vault, viewer: Viewer, id: string): Promise<StoredMediation | undefined> {
  const row = await db.mediations.get(id);
  if (!row) return undefined;
  if (!mayViewOwned(viewer, 'mediation', row.ownerId)) throw new PermissionDeniedError('当前账户无权查看此调解记录');
  return mediationStore(db, vault).codec.decode(row);
}

/** Agreements past their payment deadline with no payment recorded, oldest deadline first. */
export async function overdueMediations(db: StationDb, vault: Vault, viewer: Viewer, today: string): Promise<StoredMediation[]> {
  const rows = (await db.mediations.where('openDeadline').below(today).sortBy('openDeadline')).filter((r) => mayViewOwned(viewer, 'mediation', r.ownerId));
  const store = mediationStore(db, vault);
  return Promise.all(rows.map((r) => store.codec.decode(r)));
}

/** Live mediations between two days (inclusive), newest first. */
export async function mediationsBetween(db: StationDb, vault: Vault, viewer: Viewer, from: string, to: string): Promise<StoredMediation[]> {
  const rows = (await db.mediations.where('date').between(from, to, true, true).toArray()).filter(
    (r) => !r.deleted && mayViewOwned(viewer, 'mediation', r.ownerId),
  );
  rows.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.createdAt < b.createdAt ? 1 : -1));
  const store = mediationStore(db, vault);
  return Promise.all(rows.map((r) => store.codec.decode(r)));
}
