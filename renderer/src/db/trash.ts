import { can } from '../../../core/access/permissions';
import type { Table } from 'dexie';
import type { ConsultationRow, MediationRow, StationDb } from './database';
import type { SealedRowBase } from './sealedCodec';
import { historyOf, type Actor } from './repository';
import type { Vault } from './vault';
import { consultationStore, undeleteConsultation } from './consultations';
import { mediationStore, undeleteMediation } from './mediations';

export type TrashType = 'consultations' | 'mediations';

/** A deleted record as the 回收站 lists it. */
export interface TrashItem {
  type: TrashType;
  id: string;
  /** Who the record is about: the client, or the mediation's parties. */
  title: string;
  /** The contact's time or the mediation's date. */
  when: string;
  summary: string;
  deletedAt: string;
  deletedBy: string;
  ownerId: string;
}

/** How many tombstones one listing opens at most; older ones stay in the database and the audit trail. */
export const TRASH_LIMIT = 200;

/**
 * The 回收站 (issue 20 item 17): deleted records of one type, newest deletion first, that
 * `actor` may bring back: his own, or anyone's for an account that may delete others'.
 */
export async function listTrash(db: StationDb, vault: Vault, type: TrashType, actor: Actor): Promise<TrashItem[]> {
  const mayAny = can(actor.role, type === 'consultations' ? 'consultation.delete_any' : 'mediation.delete_any');
  // Both are sealed tables; only the base fields and the owner are read before decoding.
  const table = (type === 'consultations' ? db.consultations : db.mediations) as unknown as Table<SealedRowBase, string>;
  const rows = await table
    .orderBy('trashedAt')
    .reverse()
    .filter((r) => r.deleted && (mayAny || r.ownerId === actor.id))
    .limit(TRASH_LIMIT)
    .toArray();
  return Promise.all(
    rows.map(async (row): Promise<TrashItem> => {
      const deletion = (await historyOf(db, type, row.id)).filter((h) => h.action === 'delete').at(-1);
      const base = { type, id: row.id, deletedAt: deletion?.at ?? row.updatedAt, deletedBy: deletion?.actorName ?? '', ownerId: row.ownerId };
      if (type === 'consultations') {
        const c = await consultationStore(db, vault).codec.decode(row as ConsultationRow);
        return { ...base, title: c.clientName, when: c.time, summary: c.question };
      }
      const m = await mediationStore(db, vault).codec.decode(row as MediationRow);
      return { ...base, title: m.parties.map((p) => p.name).join('、'), when: m.date, summary: m.cause ?? '' };
    }),
  );
}

/** Brings a record back from the 回收站, under the same rights as deleting it; audited as 恢复. */
export function restoreFromTrash(db: StationDb, vault: Vault, item: Pick<TrashItem, 'type' | 'id'>, actor: Actor) {
  return item.type === 'consultations' ? undeleteConsultation(db, vault, item.id, actor) : undeleteMediation(db, vault, item.id, actor);
}
