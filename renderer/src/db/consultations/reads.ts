import { can, PermissionDeniedError } from '../../../../core/access/permissions';
import { viewConsultation, type Viewer } from '../../../../core/access/recordViews';
import type { ConsultationRow, StationDb } from '../database';
import { getRecord, tableVersion } from '../repository';
import type { Vault } from '../vault';
import { CONSULTATIONS } from '../recordCodecs';
import { filterToken } from '../consultationTokens';
import { docsWithAll } from '../searchIndex';
import { consultationStore, type VisibleConsultation } from './store';
import { orderIndex } from './orderCache';

/**
 * One record as `viewer` may read it: whole, or the request view for detention-centre
 * staff reading another's request; refused when he may not read it at all.
 */
export async function getConsultation(db: StationDb, vault: Vault, viewer: Viewer, id: string): Promise<VisibleConsultation | undefined> {
  const record = await getRecord(consultationStore(db, vault), id);
  if (!record) return undefined;
  const view = viewConsultation(viewer, record);
  if (!view) throw new PermissionDeniedError('当前账户无权查看此记录');
  return view;
}

/** The records `viewer` may read, each as he may read it; the others are left out. */
export async function loadConsultations(db: StationDb, vault: Vault, viewer: Viewer, ids: readonly string[]): Promise<VisibleConsultation[]> {
  const rows = await db.consultations.bulkGet([...ids]);
  const store = consultationStore(db, vault);
  const records = await Promise.all(rows.filter((r): r is ConsultationRow => r !== undefined).map((r) => store.codec.decode(r)));
  return records.flatMap((r) => viewConsultation(viewer, r) ?? []);
}

/** Whether `viewer` reads every record whole, so lists need no per-record check. */
export function viewsAllConsultations(viewer: Viewer): boolean {
  return can(viewer.role, 'consultation.view_any');
}

/**
 * The newest live records, for the first screen of the list (no filters). Meant for
 * viewers who read every record (`viewsAllConsultations`); anyone else gets the ones of
 * the page he may read, so his list goes through `queryConsultations`.
 */
export async function newestConsultations(db: StationDb, vault: Vault, viewer: Viewer, offset: number, limit: number): Promise<VisibleConsultation[]> {
  const rows = await db.consultations.orderBy('liveTime').reverse().offset(offset).limit(limit).toArray();
  const store = consultationStore(db, vault);
  const records = await Promise.all(rows.map((r) => store.codec.decode(r)));
  return records.flatMap((r) => viewConsultation(viewer, r) ?? []);
}

/** Earlier contacts of the same person, found by the exact (normalised) ID number. */
export async function earlierContactsOf(db: StationDb, vault: Vault, viewer: Viewer, idNumber: string, excludeId?: string): Promise<VisibleConsultation[]> {
  const order = await orderIndex(db);
  const docs = await docsWithAll(db, tableVersion(db, CONSULTATIONS), [vault.blind(filterToken.idNumber(idNumber))]);
  const ids = docs
    .map((d) => order.rankOfDoc[d] ?? -1)
    .filter((r) => r >= 0)
    .map((r) => order.ids[r]!);
  const found = await loadConsultations(
    db,
    vault,
    viewer,
    ids.filter((id) => id !== excludeId),
  );
  return found.filter((c) => !c.deleted).sort((a, b) => b.time.localeCompare(a.time));
}
