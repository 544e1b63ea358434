import type { ConsultationRow, StationDb } from '../database';
import { tableVersion } from '../repository';
import { CONSULTATIONS } from '../recordCodecs';
import { isNewer, liveCount, readLiveOrder } from '../searchIndex';

/**
 * Live records newest first (by time, then document number), with their times and
 * document numbers: results are ordered, dated and turned into ids without reading rows.
 */
export interface OrderIndex {
  ids: string[];
  times: string[];
  docs: number[];
  /** Position of each document number in the lists; -1 for tombstones and unused numbers. */
  rankOfDoc: Int32Array;
  /** Position of each id; built on first use (lawyer and shift filters). */
  rankOfId?: Map<string, number>;
}

const orderCache = new WeakMap<StationDb, { version: number; index: Promise<OrderIndex> }>();

function ranked(ids: string[], times: string[], docs: number[]): OrderIndex {
  let max = -1;
  for (const d of docs) if (d > max) max = d;
  // Headroom, so that the next saves do not reallocate.
  const rankOfDoc = new Int32Array(max + 1025).fill(-1);
  docs.forEach((d, i) => (rankOfDoc[d] = i));
  return { ids, times, docs, rankOfDoc };
}

export function orderIndex(db: StationDb): Promise<OrderIndex> {
  const version = tableVersion(db, CONSULTATIONS);
  const cached = orderCache.get(db);
  if (cached && cached.version === version) return cached.index;
  const index = readLiveOrder(db).then((order) => ranked(order.ids, order.times, order.docs));
  orderCache.set(db, { version, index });
  index.catch(() => orderCache.delete(db));
  return index;
}

/**
 * Moves one record in a cached order index after its save, so the next search after a
 * save does not read 100,000 keys again. Only a cache exactly one write behind follows;
 * anything else is rebuilt on the next use.
 */
export function followChange(db: StationDb, current: ConsultationRow | undefined, next: ConsultationRow): void {
  const version = tableVersion(db, CONSULTATIONS);
  const cached = orderCache.get(db);
  if (!cached || cached.version !== version - 1) return;
  const index = cached.index.then((old) => {
    const ids = old.ids.slice();
    const times = old.times.slice();
    const docs = old.docs.slice();
    if (current?.liveTime !== undefined && current.doc !== undefined) {
      const at = old.rankOfDoc[current.doc] ?? -1;
      if (at >= 0) {
        ids.splice(at, 1);
        times.splice(at, 1);
        docs.splice(at, 1);
      }
    }
    if (next.liveTime !== undefined && next.doc !== undefined) {
      let lo = 0;
      let hi = ids.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (isNewer(times[mid]!, docs[mid]!, next.liveTime, next.doc)) lo = mid + 1;
        else hi = mid;
      }
      ids.splice(lo, 0, next.id);
      times.splice(lo, 0, next.liveTime);
      docs.splice(lo, 0, next.doc);
    }
    // A new index object: a query still holding the old one keeps a consistent view.
    return ranked(ids, times, docs);
  });
  orderCache.set(db, { version, index });
  index.catch(() => orderCache.delete(db));
}

export function rankOfId(order: OrderIndex): Map<string, number> {
  if (!order.rankOfId) order.rankOfId = new Map(order.ids.map((id, i) => [id, i]));
  return order.rankOfId;
}

/** Counts live records without reading them. */
export function countLiveConsultations(db: StationDb): Promise<number> {
  return liveCount(db);
}
