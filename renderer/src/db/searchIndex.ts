import {
  blockFrom,
  blockOf,
  blockOffsets,
  intersectBlocks,
  offsetOf,
  PostingsBuilder,
  withOffset,
  withoutOffset,
  type PostingBlock,
} from '../../../core/search/postingBlocks';
import type { ConsultationRow, OrderLogRow, OrderSnapshotRow, PostingRow, StationDb } from './database';

/**
 * The consultations' search index in IndexedDB. Nothing here needs the data key: tokens
 * arrive already blinded, so an upgrade or a restore rebuilds it without anyone signed in.
 *
 * - `postings`: sealed posting blocks (core/search/postingBlocks.ts), one row per token
 *   and block of 4,096 document numbers.
 * - `tailTokens`: the newest records, not yet merged into the blocks, one row each with
 *   its tokens. A new record costs one row here instead of ~100 posting rows (each an
 *   IndexedDB request of ~0.15 ms in Chromium); searches add the tail from memory. A
 *   background merge moves the tail into the blocks in small transactions.
 * - `orderSnapshot` + `orderLog`: the live records newest first, packed in one row, plus
 *   one log row per change since; read in two requests to order, date and identify
 *   search results without reading records (100,000 rows of their own took over a second
 *   to read). The background tidy folds the log into the snapshot.
 * - meta `INDEX_STATE`: the next free document number, up to which number the blocks are
 *   authoritative (`sealedUpTo`; numbers from there on live in the tail), and how many
 *   records are live (the list's length, without counting 100,000 keys).
 */

export const INDEX_STATE = 'consultations.searchIndex';

export interface IndexState {
  nextDoc: number;
  sealedUpTo: number;
  liveCount: number;
}

/**
 * Tail size at which a background merge starts, and how many records one merge moves. A
 * save that arrives during a merge waits for its transaction: at 100,000 records a merge
 * costs ~10 ms a record (docs/PERFORMANCE.md), so a chunk is kept to a few hundred ms.
 */
export const TAIL_MERGE_AT = 512;
export const MERGE_CHUNK = 32;
/** Order log length at which the background tidy folds it into the snapshot. */
export const ORDER_LOG_FOLD_AT = 256;

const toBlock = (row: PostingRow): PostingBlock => {
  const block: PostingBlock = { count: row.count };
  if (row.offsets) block.offsets = row.offsets;
  if (row.bits) block.bits = row.bits;
  return block;
};

const toRow = (token: string, block: number, b: PostingBlock): PostingRow => {
  const row: PostingRow = { token, block, count: b.count };
  if (b.offsets) row.offsets = b.offsets;
  if (b.bits) row.bits = b.bits;
  return row;
};

async function readState(db: Pick<StationDb, 'meta'>): Promise<IndexState> {
  return ((await db.meta.get(INDEX_STATE))?.value as IndexState | undefined) ?? { nextDoc: 0, sealedUpTo: 0, liveCount: 0 };
}

/** How many consultations are live: the list's length. */
export async function liveCount(db: StationDb): Promise<number> {
  return (await readState(db)).liveCount;
}

/** Rows whose tokens went to the tail in the transaction that just committed (for the tail cache). */
const wentToTail = new WeakSet<ConsultationRow>();

/**
 * Gives a new row its document number and moves the record in the index. Runs inside the
 * record's transaction (postings, tail, order log and meta in scope), so the index and the
 * record commit or fail together.
 */
export async function updateIndex(db: StationDb, current: ConsultationRow | undefined, next: ConsultationRow): Promise<void> {
  const state = await readState(db);
  let doc = current?.doc;
  const wasLive = current?.liveTime !== undefined && doc !== undefined;
  const isLive = next.liveTime !== undefined;
  const changes: Partial<IndexState> = {};
  if (doc === undefined) {
    doc = state.nextDoc;
    changes.nextDoc = doc + 1;
  }
  if (wasLive !== isLive) changes.liveCount = state.liveCount + (isLive ? 1 : -1);
  if (Object.keys(changes).length > 0) await db.meta.put({ key: INDEX_STATE, value: { ...state, ...changes } });
  next.doc = doc;
  const from = wasLive ? current!.liveTime : undefined;
  if (from !== next.liveTime) {
    const entry: OrderLogRow = { doc, id: next.id };
    if (from !== undefined) entry.from = from;
    if (next.liveTime !== undefined) entry.to = next.liveTime;
    await db.orderLog.add(entry);
  }
  if (doc >= state.sealedUpTo) {
    await db.tailTokens.put({ doc, tokens: next.tokens });
    wentToTail.add(next);
    return;
  }
  // An older record: change only the blocks of the tokens it gained or lost.
  const before = new Set(current?.tokens ?? []);
  const after = new Set(next.tokens);
  const changed = [...[...after].filter((t) => !before.has(t)), ...[...before].filter((t) => !after.has(t))];
  if (changed.length === 0) return;
  const block = blockOf(doc);
  const offset = offsetOf(doc);
  const rows = await db.postings.bulkGet(changed.map((t) => [t, block] as [string, number]));
  const puts: PostingRow[] = [];
  const deletes: [string, number][] = [];
  changed.forEach((token, i) => {
    const existing = rows[i] ? toBlock(rows[i]) : undefined;
    if (after.has(token)) {
      puts.push(toRow(token, block, withOffset(existing, offset)));
    } else if (existing) {
      const left = withoutOffset(existing, offset);
      if (left) puts.push(toRow(token, block, left));
      else deletes.push([token, block]);
    }
  });
  await db.postings.bulkPut(puts);
  if (deletes.length > 0) await db.postings.bulkDelete(deletes);
}

// --- the tail in memory -------------------------------------------------------------------

interface TailCache {
  version: number;
  tokensOf: Map<number, readonly string[]>;
}

const tailCache = new WeakMap<StationDb, TailCache>();
const loadingTail = new WeakMap<StationDb, { version: number; load: Promise<TailCache> }>();

async function tailOf(db: StationDb, version: number): Promise<TailCache> {
  const cached = tailCache.get(db);
  if (cached && cached.version === version) return cached;
  const loading = loadingTail.get(db);
  if (loading && loading.version === version) return loading.load;
  const load = db.tailTokens.toArray().then((rows) => {
    const cache = { version, tokensOf: new Map(rows.map((r) => [r.doc, r.tokens] as const)) };
    const current = tailCache.get(db);
    if (!current || current.version < version) tailCache.set(db, cache);
    return cache;
  });
  loadingTail.set(db, { version, load });
  load
    .finally(() => {
      if (loadingTail.get(db)?.load === load) loadingTail.delete(db);
    })
    .catch(() => undefined);
  return load;
}

/** After a commit: the cached tail takes the record's new tokens instead of being read again. */
export function followTail(db: StationDb, version: number, next: ConsultationRow): void {
  const cached = tailCache.get(db);
  if (!cached || cached.version !== version - 1) return;
  if (wentToTail.has(next) && next.doc !== undefined) cached.tokensOf.set(next.doc, next.tokens);
  cached.version = version;
}

// --- lookups --------------------------------------------------------------------------------

/** The documents that hold every one of the blinded tokens, ascending. `version`: the table's write version. */
export async function docsWithAll(db: StationDb, version: number, blinded: readonly string[]): Promise<number[]> {
  const tokens = [...new Set(blinded)];
  const tail = await tailOf(db, version);
  const { state, lists } = await db.transaction('r', [db.postings, db.meta], async () => ({
    state: await readState(db),
    lists: await Promise.all(
      tokens.map(async (token) => {
        const rows = await db.postings.where('[token+block]').between([token, -Infinity], [token, Infinity], true, true).toArray();
        return new Map(rows.map((r) => [r.block, toBlock(r)] as const));
      }),
    ),
  }));
  // The tail, read in memory; numbers the blocks already hold (merged meanwhile) are the blocks'.
  const wanted = new Map(tokens.map((t, i) => [t, lists[i]!] as const));
  for (const [doc, docTokens] of tail.tokensOf) {
    if (doc < state.sealedUpTo) continue;
    for (const token of docTokens) {
      const list = wanted.get(token);
      if (list) list.set(blockOf(doc), withOffset(list.get(blockOf(doc)), offsetOf(doc)));
    }
  }
  return intersectBlocks(lists);
}

// --- merging the tail into the blocks -------------------------------------------------------

/**
 * Moves up to `chunk` of the oldest tail records into the posting blocks, in one
 * transaction: the blocks gain them, the tail loses them and `sealedUpTo` advances
 * together. Returns how many moved. Safe to run at any time and to interrupt.
 */
export async function mergeTail(db: StationDb, chunk = MERGE_CHUNK): Promise<number> {
  return db.transaction('rw', [db.postings, db.tailTokens, db.meta], async () => {
    const state = await readState(db);
    const upTo = Math.min(state.nextDoc, state.sealedUpTo + chunk);
    if (upTo <= state.sealedUpTo) return 0;
    const rows = await db.tailTokens.where('doc').between(state.sealedUpTo, upTo, true, false).toArray();
    const builder = new PostingsBuilder();
    for (const r of rows) builder.add(r.doc, r.tokens);
    const fresh = [...builder.entries()];
    const existing = await db.postings.bulkGet(fresh.map((e) => [e.token, e.block] as [string, number]));
    await db.postings.bulkPut(
      fresh.map((e, i) => {
        const old = existing[i];
        return toRow(e.token, e.block, old ? blockFrom([...blockOffsets(toBlock(old)), ...blockOffsets(e)]) : e);
      }),
    );
    await db.tailTokens.bulkDelete(rows.map((r) => r.doc));
    await db.meta.put({ key: INDEX_STATE, value: { ...state, sealedUpTo: upTo } });
    return upTo - state.sealedUpTo;
  });
}

// --- the live order ------------------------------------------------------------------------

export interface LiveOrder {
  ids: string[];
  times: string[];
  docs: number[];
}

const splitLines = (joined: string): string[] => (joined === '' ? [] : joined.split('\n'));

/** Newest first: a later time, or the same time and a higher document number. */
export const isNewer = (timeA: string, docA: number, timeB: string, docB: number): boolean => timeA > timeB || (timeA === timeB && docA > docB);

/** The order after the logged changes: each record touched ends where its last entry puts it. */
function applyLog(base: LiveOrder, log: readonly OrderLogRow[]): LiveOrder {
  if (log.length === 0) return base;
  const last = new Map<number, OrderLogRow>();
  for (const e of log) last.set(e.doc, e);
  const out: LiveOrder = { ids: [], times: [], docs: [] };
  const added = [...last.values()].filter((e) => e.to !== undefined).sort((a, b) => (isNewer(a.to!, a.doc, b.to!, b.doc) ? -1 : 1));
  let k = 0;
  for (let i = 0; i < base.ids.length; i++) {
    if (last.has(base.docs[i]!)) continue;
    while (k < added.length && isNewer(added[k]!.to!, added[k]!.doc, base.times[i]!, base.docs[i]!)) {
      out.ids.push(added[k]!.id);
      out.times.push(added[k]!.to!);
      out.docs.push(added[k]!.doc);
      k++;
    }
    out.ids.push(base.ids[i]!);
    out.times.push(base.times[i]!);
    out.docs.push(base.docs[i]!);
  }
  for (; k < added.length; k++) {
    out.ids.push(added[k]!.id);
    out.times.push(added[k]!.to!);
    out.docs.push(added[k]!.doc);
  }
  return out;
}

function unpack(snapshot: OrderSnapshotRow | undefined): LiveOrder {
  if (!snapshot) return { ids: [], times: [], docs: [] };
  return { ids: splitLines(snapshot.ids), times: splitLines(snapshot.times), docs: Array.from(snapshot.docs) };
}

function pack(order: LiveOrder, throughSeq: number): OrderSnapshotRow {
  return { key: 'live', ids: order.ids.join('\n'), times: order.times.join('\n'), docs: Int32Array.from(order.docs), throughSeq };
}

/** The live records newest first, read as the snapshot plus its log, in one transaction. */
export function readLiveOrder(db: StationDb): Promise<LiveOrder> {
  return db.transaction('r', [db.orderSnapshot, db.orderLog], async () => {
    const snapshot = await db.orderSnapshot.get('live');
    const log = await db.orderLog
      .where('seq')
      .above(snapshot?.throughSeq ?? 0)
      .toArray();
    return applyLog(unpack(snapshot), log);
  });
}

/** Folds the order log into the snapshot when it has grown; returns how many entries were folded. */
export function foldOrderLog(db: StationDb, atLeast = ORDER_LOG_FOLD_AT): Promise<number> {
  return db.transaction('rw', [db.orderSnapshot, db.orderLog], async () => {
    if ((await db.orderLog.count()) < atLeast) return 0;
    const snapshot = await db.orderSnapshot.get('live');
    const log = await db.orderLog
      .where('seq')
      .above(snapshot?.throughSeq ?? 0)
      .toArray();
    if (log.length === 0) return 0;
    const through = log[log.length - 1]!.seq!;
    await db.orderSnapshot.put(pack(applyLog(unpack(snapshot), log), through));
    await db.orderLog.where('seq').belowOrEqual(through).delete();
    return log.length;
  });
}

// --- background tidy ----------------------------------------------------------------------------

const tidying = new WeakSet<StationDb>();

/**
 * After a save: merges a long tail into the blocks and folds a long order log into the
 * snapshot, in small transactions after a pause, so the lawyer's own work goes first.
 * Nothing depends on it having run: searches read the tail and the log as they are.
 */
export function tidyInBackground(db: StationDb): void {
  if (tidying.has(db)) return;
  tidying.add(db);
  void (async () => {
    try {
      await new Promise((resolve) => setTimeout(resolve, 200));
      let state = await readState(db);
      if (state.nextDoc - state.sealedUpTo > TAIL_MERGE_AT) {
        while (state.nextDoc - state.sealedUpTo > TAIL_MERGE_AT / 2) {
          if ((await mergeTail(db)) === 0) break;
          state = await readState(db);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
      await foldOrderLog(db);
    } catch (err) {
      // Everything stays searchable as it is; the next save tries again.
      console.warn('search index tidy', err);
    } finally {
      tidying.delete(db);
    }
  })();
}

// --- rebuild ------------------------------------------------------------------------------------

/**
 * Numbers every consultation that has no number yet and rebuilds the blocks and the live
 * order from the rows' own tokens, with an empty tail. Used by the version-9 upgrade and
 * by restoring a backup, each inside its own transaction, so a database is never left
 * half indexed.
 */
export async function reindexConsultations({
  consultations,
  postings,
  tailTokens,
  orderSnapshot,
  orderLog,
  meta,
}: Pick<StationDb, 'consultations' | 'postings' | 'tailTokens' | 'orderSnapshot' | 'orderLog' | 'meta'>): Promise<void> {
  const builder = new PostingsBuilder();
  const unnumbered: string[] = [];
  const live: { time: string; doc: number; id: string }[] = [];
  let next = 0;
  await consultations.toCollection().each((row) => {
    if (row.doc === undefined) {
      unnumbered.push(row.id);
      return;
    }
    next = Math.max(next, row.doc + 1);
    builder.add(row.doc, row.tokens ?? []);
    if (row.liveTime !== undefined) live.push({ time: row.liveTime, doc: row.doc, id: row.id });
  });
  if (unnumbered.length > 0) {
    await consultations
      .where('id')
      .anyOf(unnumbered)
      .modify((row) => {
        row.doc = next++;
        builder.add(row.doc, row.tokens ?? []);
        if (row.liveTime !== undefined) live.push({ time: row.liveTime, doc: row.doc, id: row.id });
      });
  }
  await Promise.all([postings.clear(), tailTokens.clear(), orderLog.clear()]);
  let chunk: PostingRow[] = [];
  for (const entry of builder.entries()) {
    chunk.push(entry);
    if (chunk.length >= 5000) {
      await postings.bulkPut(chunk);
      chunk = [];
    }
  }
  if (chunk.length > 0) await postings.bulkPut(chunk);
  live.sort((a, b) => (isNewer(a.time, a.doc, b.time, b.doc) ? -1 : 1));
  const order: LiveOrder = { ids: live.map((r) => r.id), times: live.map((r) => r.time), docs: live.map((r) => r.doc) };
  // The log is empty and its numbering carries on after a clear: every later entry is newer.
  await orderSnapshot.put(pack(order, 0));
  await meta.put({ key: INDEX_STATE, value: { nextDoc: next, sealedUpTo: next, liveCount: live.length } satisfies IndexState });
}
