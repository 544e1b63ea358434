import { consultationSearchFields } from '../../../../core/consultations/search';
import { matchesQuery, queryTokens } from '../../../../core/search/tokens';
import { can } from '../../../../core/access/permissions';
import { consultationAccess, requestView, type Viewer } from '../../../../core/access/recordViews';
import type { StationDb } from '../database';
import type { Vault } from '../vault';
import { consultationStore, type StoredConsultation } from './store';
import type { ConsultationQuery } from './query';
import { requestViewIds } from './tokenReconcilers';

/**
 * Whether a record of someone else is a request (a detainee's request, or an application on
 * the Art. 39 clock), per row revision. The index answers it (the request-view token) once
 * `reconcileRequestViewTokens` has run on the database; until then deciding needs the sealed
 * fields, so the list opens each record once and keeps only this yes/no, never a field,
 * dropped with the vault on lock.
 */
const requestRows = new WeakMap<Vault, Map<string, { rev: number; request: boolean }>>();

/**
 * The matches a viewer without `view_any` may see: his own records, and the request view
 * of others' requests, matched again on that view alone, so that a word of a lawyer's
 * advice or a help-type filter cannot reveal which request it belongs to.
 */
export async function readableMatches(db: StationDb, vault: Vault, viewer: Viewer, ids: string[], q: ConsultationQuery): Promise<string[]> {
  const ownOk = can(viewer.role, 'consultation.view_own');
  const requestsOk = can(viewer.role, 'consultation.view_request');
  if (!ownOk && !requestsOk) return [];
  const parsed = queryTokens(q.text ?? '');
  const rematch = parsed.terms.length > 0 || Boolean(q.helpType || q.specialGroup);
  const store = consultationStore(db, vault);
  const known = requestRows.get(vault) ?? new Map<string, { rev: number; request: boolean }>();
  requestRows.set(vault, known);
  const rows = await db.consultations.bulkGet(ids);
  const indexed = requestsOk ? await requestViewIds(db, vault) : undefined;
  const keep = new Set<string>();
  await Promise.all(
    rows.map(async (row) => {
      if (!row) return;
      if (row.ownerId === viewer.id && ownOk) {
        keep.add(row.id);
        return;
      }
      if (!requestsOk) return;
      let record: StoredConsultation | undefined;
      if (indexed) {
        if (!indexed.has(row.id)) return;
      } else {
        const seen = known.get(row.id);
        if (!seen || seen.rev !== row.rev) {
          record = await store.codec.decode(row);
          known.set(row.id, { rev: row.rev, request: consultationAccess(viewer, record) === 'request' });
        }
        if (!known.get(row.id)!.request) return;
      }
      if (!rematch) {
        keep.add(row.id);
        return;
      }
      // Help types and special groups are not in the request view: such a filter finds none of it.
      if (q.helpType || q.specialGroup) return;
      const view = requestView(record ?? (await store.codec.decode(row)));
      if (matchesQuery(consultationSearchFields(view), parsed)) keep.add(row.id);
    }),
  );
  return ids.filter((id) => keep.has(id));
}
