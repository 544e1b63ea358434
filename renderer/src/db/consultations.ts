import {
  createConsultationInputSchema,
  type Consultation,
  type ConsultationInput,
} from '../../../core/consultations/schema';
import type { Enumerations } from '../../../core/domain/enums';
import { consultationSearchFields } from '../../../core/consultations/search';
import { isOpenMeetingRequest, isRequestOnly } from '../../../core/consultations/detaineeRequest';
import { isPendingTransfer, mayUndoTransfer, transferClockOf } from '../../../core/consultations/transferDeadline';
import { transferMarkSchema } from '../../../core/consultations/transferMark';
import { IDENTIFIER_LONG_GRAM, matchesQuery, queryTokens, type QueryTerm } from '../../../core/search/tokens';
import type { ConsultationRow, StationDb } from './database';
import {
  createRecord,
  forgetCaches,
  getRecord,
  restoreRecord,
  tableVersion,
  softDeleteRecord,
  updateRecord,
  type Actor,
  type RecordStore,
} from './repository';
import type { Vault } from './vault';
import { consultationCodec, CONSULTATIONS } from './recordCodecs';
import { filterToken } from './consultationTokens';
import { sealAuditLabel } from './auditLabels';
import { shiftIdFor } from './shifts';
import { consultationFactsDerived } from './statFacts';
import { docsWithAll, followTail, isNewer, liveCount, readLiveOrder, tidyInBackground, updateIndex } from './searchIndex';
import { assertCan, assertCanChange, can, mayMarkTransfer, PermissionDeniedError } from '../../../core/access/permissions';
import { consultationAccess, requestView, viewConsultation, type Viewer, type Withheld } from '../../../core/access/recordViews';

type Owned = ConsultationInput & { ownerId: string };

export function consultationStore(db: StationDb, vault: Vault): RecordStore<Owned, ConsultationRow> {
  return {
    db,
    name: CONSULTATIONS,
    derived: consultationFactsDerived(db, vault),
    index: {
      tables: [db.postings, db.tailTokens, db.orderLog, db.meta],
      update: (current, next) => updateIndex(db, current, next),
      committed: (current, next) => {
        followChange(db, current, next);
        followTail(db, tableVersion(db, CONSULTATIONS), next);
        tidyInBackground(db);
      },
    },
    codec: consultationCodec(vault),
    auditLabel: (r) => sealAuditLabel(vault, CONSULTATIONS, r.id, { person: r.clientName }),
  };
}

export type StoredConsultation = Consultation & { ownerId: string };
/** A record as its reader may see it: whole, or the request view (`withheld`, core/access/recordViews.ts). */
export type VisibleConsultation = StoredConsultation & Withheld;

/** `enums`: the station's lists (built-in plus the province's), never the defaults alone. */
export async function createConsultation(db: StationDb, vault: Vault, enums: Enumerations, input: unknown, actor: Actor, now?: Date): Promise<StoredConsultation> {
  assertCan(actor.role, 'consultation.create');
  const parsed = createConsultationInputSchema(enums).parse(input);
  // A request staff logged is no contact of a lawyer's shift (core/consultations/detaineeRequest.ts).
  if (!parsed.shiftId && parsed.lawyerId && !isRequestOnly(parsed)) {
    const shiftId = await shiftIdFor(db, parsed.lawyerId, parsed.time);
    if (shiftId) parsed.shiftId = shiftId;
  }
  // The request must be one a lawyer may still answer before the contact is saved.
  const request = parsed.answeredRequestId ? await answerableRequest(db, vault, parsed.answeredRequestId, actor) : undefined;
  const saved = await createRecord(consultationStore(db, vault), { ...parsed, ownerId: actor.id }, actor, now ? { now } : {});
  if (request) await markRequestAnswered(db, vault, request, saved, actor, now);
  return saved;
}

async function answerableRequest(db: StationDb, vault: Vault, requestId: string, actor: Actor): Promise<StoredConsultation> {
  assertCan(actor.role, 'detainee_request.answer');
  const request = await getRecord(consultationStore(db, vault), requestId);
  if (!request || request.deleted || !isRequestOnly(request)) throw new Error('所接待的申请不存在或已被删除');
  return request;
}

/**
 * The request a lawyer's contact answered leaves the open list (issue 20 item 19). It is a
 * bookkeeping change of a record staff own, allowed by the answer right alone and audited
 * like every change. Another lawyer may have met the same detainee first: the earliest
 * answer stays.
 */
async function markRequestAnswered(db: StationDb, vault: Vault, request: StoredConsultation, contact: StoredConsultation, actor: Actor, now?: Date): Promise<void> {
  if (request.answeredAt) return;
  await updateRecord(consultationStore(db, vault), request.id, { answeredAt: contact.createdAt, answeredBy: contact.id }, actor, { expectedRev: request.rev, ...(now ? { now } : {}) });
}

/** Bookkeeping the form does not carry: kept when a record is edited through it. */
const KEPT_ON_EDIT = ['answeredRequestId', 'answeredAt', 'answeredBy'] as const;

export async function editConsultation(
  db: StationDb,
  vault: Vault,
  enums: Enumerations,
  id: string,
  input: unknown,
  actor: Actor,
  expectedRev: number,
): Promise<StoredConsultation> {
  const parsed = createConsultationInputSchema(enums).parse(input);
  const current = await getRecord(consultationStore(db, vault), id);
  if (current) assertCanChange(actor, current.ownerId, 'edit', 'consultation');
  const kept: Partial<ConsultationInput> = {};
  for (const key of KEPT_ON_EDIT) if (current?.[key] !== undefined && parsed[key] === undefined) kept[key] = current[key];
  // Replace, not merge: a field the lawyer emptied must be gone from the record.
  return updateRecord(consultationStore(db, vault), id, { ...parsed, ...kept, ownerId: current?.ownerId ?? actor.id }, actor, { expectedRev, replace: true });
}

/**
 * 标记已转交 (法律援助法 第三十九条): the application went to the legal-aid agency `mark`
 * names, at `at`, marked by `actor`. Detention-centre staff and supervisors hand over any
 * (para. 1); a duty lawyer hands over the applications of his own contacts (para. 2).
 */
export async function markTransferred(db: StationDb, vault: Vault, id: string, mark: unknown, actor: Actor, at: string): Promise<StoredConsultation> {
  const current = await getRecord(consultationStore(db, vault), id);
  if (!current || current.deleted) throw new Error('记录不存在或已被删除');
  const clock = transferClockOf(current);
  if (!clock) throw new Error('此登记没有需要转交的法律援助申请');
  if (clock.transferredAt) throw new Error('此申请已标记转交');
  if (!mayMarkTransfer(actor, current)) throw new PermissionDeniedError();
  if (Date.parse(at) < Date.parse(clock.receivedAt)) throw new Error('转交时间早于收到申请的时间');
  const { transferRecipient, transferReceiver } = transferMarkSchema.parse(mark);
  return updateRecord(consultationStore(db, vault), id, { transferredAt: at, transferRecipient, transferReceiver, transferredBy: actor.id }, actor, { expectedRev: current.rev });
}

/** The shift `lawyerId` was on at `at` (open or since closed), if any. */
async function shiftAt(db: StationDb, lawyerId: string | undefined, at: string) {
  if (!lawyerId) return undefined;
  const t = Date.parse(at);
  const rows = await db.shifts.where('lawyerId').equals(lawyerId).toArray();
  return rows.find((r) => !r.deleted && Date.parse(r.startedAt) <= t && (r.endedAt === undefined || Date.parse(r.endedAt) >= t));
}

/** Whether `actor` may still take back the transfer he marked (core/consultations/transferDeadline.ts). */
export async function canUndoTransfer(db: StationDb, c: Pick<StoredConsultation, 'transferredAt' | 'transferredBy'>, actor: Actor & { lawyerId?: string }, now = Date.now()): Promise<boolean> {
  if (!c.transferredAt) return false;
  return mayUndoTransfer(c, actor.id, now, await shiftAt(db, actor.lawyerId, c.transferredAt));
}

/** Takes back a transfer its author marked by mistake, within his shift or day; audited as an edit. */
export async function undoTransfer(db: StationDb, vault: Vault, id: string, actor: Actor & { lawyerId?: string }, now = new Date()): Promise<StoredConsultation> {
  const store = consultationStore(db, vault);
  const current = await getRecord(store, id);
  if (!current || current.deleted) throw new Error('记录不存在或已被删除');
  if (!(await canUndoTransfer(db, current, actor, now.getTime()))) throw new PermissionDeniedError('只有标记转交的人可以在同一班次（未签到的，当天）内撤销');
  const { id: _id, rev, createdAt: _c, updatedAt: _u, deleted: _d, transferredAt: _t, transferRecipient: _r, transferReceiver: _p, transferredBy: _b, ...content } = current;
  return updateRecord(store, id, content, actor, { expectedRev: rev, replace: true, now });
}

export async function deleteConsultation(db: StationDb, vault: Vault, id: string, actor: Actor) {
  const current = await getRecord(consultationStore(db, vault), id);
  if (current) assertCanChange(actor, current.ownerId, 'delete', 'consultation');
  return softDeleteRecord(consultationStore(db, vault), id, actor);
}

export async function undeleteConsultation(db: StationDb, vault: Vault, id: string, actor: Actor) {
  const current = await getRecord(consultationStore(db, vault), id);
  if (current) assertCanChange(actor, current.ownerId, 'delete', 'consultation');
  return restoreRecord(consultationStore(db, vault), id, actor);
}

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

export interface ConsultationQuery {
  text?: string;
  /** Inclusive calendar days, YYYY-MM-DD. */
  from?: string;
  to?: string;
  lawyerId?: string;
  shiftId?: string;
  caseType?: string;
  helpType?: string;
  specialGroup?: string;
  outcome?: string;
  pendingTransfer?: boolean;
  /** 约见值班律师 requests no lawyer has met yet. */
  openMeeting?: boolean;
}

export interface QueryResult {
  /** Matching live records, newest first. */
  ids: string[];
  /** A hint for the search box (e.g. a number fragment too short to search). */
  problem?: string;
}

function hasFilters(q: ConsultationQuery): boolean {
  return Boolean(q.text?.trim() || q.from || q.to || q.lawyerId || q.shiftId || q.caseType || q.helpType || q.specialGroup || q.outcome || q.pendingTransfer || q.openMeeting);
}

/** Every n-gram of a string, by code point. */
function grams(value: string, size: number): string[] {
  const cps = [...value];
  const out: string[] = [];
  for (let i = 0; i + size <= cps.length; i++) out.push(cps.slice(i, i + size).join(''));
  return out;
}

/** Han terms longer than this are verified by decrypting the candidates. */
const MAX_DECIDED_GRAMS = 12;
/** Identifier fragments of up to this many trigrams are decided by them alone. */
const MAX_IDENTIFIER_LOOKUPS = 4;

/**
 * The tokens the repository looks up for one term: every gram of the needle (not only
 * the spread few core/search picks), so that the postings decide the term by themselves
 * and the candidates need not be decrypted. A record then matches when it holds every
 * gram of the word; the only records that could pass without holding the word itself
 * carry all its character pairs in other places, which for Chinese words of a few
 * characters does not occur in practice (see docs/PERFORMANCE.md). Longer or unusual
 * terms keep exact verification.
 */
function termTokens(term: QueryTerm): { tokens: string[]; decided: boolean } {
  if (term.kind === 'identifier') {
    const length = [...term.needle].length;
    // Six characters are one long gram: it holds exactly when the fragment is in a number.
    if (length === IDENTIFIER_LONG_GRAM) return { tokens: [`j:${term.needle}`], decided: true };
    if (length > IDENTIFIER_LONG_GRAM) {
      // Spread long grams (core/search picks them) narrow to the number itself; verified.
      return { tokens: term.tokens, decided: false };
    }
    const all = [...new Set(grams(term.needle, 3))];
    if (all.length === 0) return { tokens: term.tokens, decided: false };
    return { tokens: all.map((g) => `i:${g}`), decided: all.length <= MAX_IDENTIFIER_LOOKUPS };
  }
  if (term.kind === 'han') {
    const hanOnly = /^\p{Script=Han}+$/u.test(term.needle);
    const all = grams(term.needle, 2);
    if (hanOnly && all.length <= MAX_DECIDED_GRAMS) return { tokens: all.map((g) => `b:${g}`), decided: true };
    return { tokens: term.tokens, decided: false };
  }
  if (term.kind === 'han_name') return { tokens: term.tokens, decided: [...term.needle].length === 1 };
  return { tokens: term.tokens, decided: term.words.length === 1 };
}

/**
 * Live records newest first (by time, then document number), with their times and
 * document numbers: results are ordered, dated and turned into ids without reading rows.
 */
interface OrderIndex {
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
function followChange(db: StationDb, current: ConsultationRow | undefined, next: ConsultationRow): void {
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

function rankOfId(order: OrderIndex): Map<string, number> {
  if (!order.rankOfId) order.rankOfId = new Map(order.ids.map((id, i) => [id, i]));
  return order.rankOfId;
}

/** Counts live records without reading them. */
export function countLiveConsultations(db: StationDb): Promise<number> {
  return liveCount(db);
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

/**
 * Finds live consultations: intersects the postings of the query's blinded tokens
 * (search and filters) and of the clear lawyer/shift indexes, orders and dates the
 * candidates from the order index, and verifies exactly (by decrypting) only the terms
 * the tokens cannot decide. Without any filter it lists all.
 */
export async function queryConsultations(db: StationDb, vault: Vault, viewer: Viewer, q: ConsultationQuery): Promise<QueryResult> {
  // Inside a liveQuery, subscribes to every write of the table: the cached order and tail
  // can answer without reading what a change touched (a transfer marked on a record in
  // the tail), and the query must still wake. One row, read alongside the lookups.
  const watched = db.consultations.limit(1).toArray();
  const result = await answerQuery(db, vault, q);
  if (!viewsAllConsultations(viewer)) result.ids = await readableMatches(db, vault, viewer, result.ids, q);
  await watched;
  return result;
}

/**
 * Whether a record of someone else is a request (a detainee's request, or an application on
 * the Art. 39 clock), per row revision. Deciding needs the sealed fields, so a restricted
 * viewer's first list opens every record once; later lists open only what changed. Only
 * this yes/no is kept, never a field, and it is dropped with the vault on lock.
 */
const requestRows = new WeakMap<Vault, Map<string, { rev: number; request: boolean }>>();

/**
 * The matches a viewer without `view_any` may see: his own records, and the request view
 * of others' requests, matched again on that view alone, so that a word of a lawyer's
 * advice or a help-type filter cannot reveal which request it belongs to.
 */
async function readableMatches(db: StationDb, vault: Vault, viewer: Viewer, ids: string[], q: ConsultationQuery): Promise<string[]> {
  const ownOk = can(viewer.role, 'consultation.view_own');
  const requestsOk = can(viewer.role, 'consultation.view_request');
  if (!ownOk && !requestsOk) return [];
  const parsed = queryTokens(q.text ?? '');
  const rematch = parsed.terms.length > 0 || Boolean(q.helpType || q.specialGroup);
  const store = consultationStore(db, vault);
  const known = requestRows.get(vault) ?? new Map<string, { rev: number; request: boolean }>();
  requestRows.set(vault, known);
  const rows = await db.consultations.bulkGet(ids);
  const keep = new Set<string>();
  await Promise.all(
    rows.map(async (row) => {
      if (!row) return;
      if (row.ownerId === viewer.id && ownOk) {
        keep.add(row.id);
        return;
      }
      if (!requestsOk) return;
      const seen = known.get(row.id);
      let record: StoredConsultation | undefined;
      if (!seen || seen.rev !== row.rev) {
        record = await store.codec.decode(row);
        known.set(row.id, { rev: row.rev, request: consultationAccess(viewer, record) === 'request' });
      }
      if (!known.get(row.id)!.request) return;
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

async function answerQuery(db: StationDb, vault: Vault, q: ConsultationQuery): Promise<QueryResult> {
  const parsed = queryTokens(q.text ?? '');
  if (parsed.problem && parsed.tokens.length === 0) return { ids: [], problem: parsed.problem };
  const order = await orderIndex(db);
  if (!hasFilters(q)) return { ids: order.ids };

  const plain: string[] = [];
  let decided = true;
  for (const term of parsed.terms) {
    const t = termTokens(term);
    plain.push(...t.tokens);
    decided &&= t.decided;
  }
  if (q.caseType) plain.push(filterToken.caseType(q.caseType));
  if (q.helpType) plain.push(filterToken.helpType(q.helpType));
  if (q.specialGroup) plain.push(filterToken.specialGroup(q.specialGroup));
  if (q.outcome) plain.push(filterToken.outcome(q.outcome));
  if (q.pendingTransfer) plain.push(filterToken.pendingTransfer());
  if (q.openMeeting) plain.push(filterToken.openMeeting());

  let positions: number[] | null = null;
  if (plain.length > 0) {
    const docs = await docsWithAll(db, tableVersion(db, CONSULTATIONS), [...new Set(plain)].map((t) => vault.blind(t)));
    positions = [];
    for (const d of docs) {
      const r = order.rankOfDoc[d] ?? -1;
      if (r >= 0) positions.push(r);
    }
  }
  for (const [index, value] of [['lawyerId', q.lawyerId], ['shiftId', q.shiftId]] as const) {
    if (!value) continue;
    const ranks = rankOfId(order);
    const keys = (await db.consultations.where(index).equals(value).primaryKeys()) as string[];
    const found = new Set<number>();
    for (const id of keys) {
      const r = ranks.get(id);
      if (r !== undefined) found.add(r);
    }
    positions = positions ? positions.filter((r) => found.has(r)) : [...found];
  }
  if (positions) positions.sort((a, b) => a - b);
  else positions = order.ids.map((_, i) => i);
  if (q.from || q.to) {
    // The calendar day of a contact is the date written in its own offset.
    positions = positions.filter((i) => {
      const day = order.times[i]!.slice(0, 10);
      return (!q.from || day >= q.from) && (!q.to || day <= q.to);
    });
  }
  let ids = positions.map((i) => order.ids[i]!);

  if (parsed.terms.length > 0 && !decided) {
    const store = consultationStore(db, vault);
    const rows = await db.consultations.bulkGet(ids);
    const decoded = await Promise.all(rows.filter((r): r is ConsultationRow => r !== undefined).map((r) => store.codec.decode(r)));
    const keep = new Set(decoded.filter((c) => matchesQuery(consultationSearchFields(c), parsed)).map((c) => c.id));
    ids = ids.filter((id) => keep.has(id));
  }
  const result: QueryResult = { ids };
  if (parsed.problem) result.problem = parsed.problem;
  return result;
}

/** Set once the 待转交 token is on exactly the live contacts that run an Art. 39 clock. */
export const PENDING_TRANSFER_TOKENS = 'consultations.tokens.pendingTransfer.v2';

/**
 * Brings the 待转交 token in line with the Art. 39 rule once after sign-in. Contacts saved
 * before 法律援助法 第三十九条第二款 ran a clock of their own (a lawyer's contact whose
 * outcome is 转交申请) lack it, so they would never join the 24-hour queue, the 待转交
 * filter or the shift log's hand-over list; contacts saved while that clock ran for anyone
 * (a civil party's application, a relative's) carry it although para. 2 binds the lawyer
 * only for the suspect or defendant. Tokens are blinded with the data key, so a schema
 * upgrade cannot do this. Only contacts with the 转交申请 outcome are opened, and only the
 * derived index changes: revisions, the outbox and the audit trail stay as they are.
 * Returns how many contacts changed.
 */
export async function reconcilePendingTransferTokens(db: StationDb, vault: Vault): Promise<number> {
  if ((await db.meta.get(PENDING_TRANSFER_TOKENS))?.value) return 0;
  const order = await orderIndex(db);
  const version = tableVersion(db, CONSULTATIONS);
  const pending = filterToken.pendingTransfer();
  const withOutcome = await docsWithAll(db, version, [vault.blind(filterToken.outcome('transferred'))]);
  const queued = new Set(await docsWithAll(db, version, [vault.blind(pending)]));
  const idOf = (d: number) => order.ids[order.rankOfDoc[d] ?? -1];
  const candidates = [...new Set([...withOutcome, ...queued])].map(idOf).filter((id): id is string => id !== undefined);
  return reconcileToken(db, vault, PENDING_TRANSFER_TOKENS, pending, candidates, isPendingTransfer);
}

/** Set once the open-request token is on the 约见 requests no lawyer has met. */
export const OPEN_MEETING_TOKENS = 'consultations.tokens.openMeeting.v1';
/** How far back a request logged before the token existed is looked for. */
const OPEN_MEETING_LOOKBACK_DAYS = 30;

/**
 * Gives the 约见 requests logged before the open-request list existed their token, once
 * after sign-in (issue 20 item 19). Only the last month's contacts are opened: an older
 * request without an answer was met before answers were linked to requests.
 */
export async function reconcileOpenMeetingTokens(db: StationDb, vault: Vault, now = Date.now()): Promise<number> {
  if ((await db.meta.get(OPEN_MEETING_TOKENS))?.value) return 0;
  const order = await orderIndex(db);
  const since = now - OPEN_MEETING_LOOKBACK_DAYS * 86_400_000;
  const candidates: string[] = [];
  // Newest first: stop at the first contact older than the look-back.
  for (let i = 0; i < order.ids.length && Date.parse(order.times[i]!) >= since; i++) candidates.push(order.ids[i]!);
  return reconcileToken(db, vault, OPEN_MEETING_TOKENS, filterToken.openMeeting(), candidates, isOpenMeetingRequest);
}

/**
 * Brings one filter token in line with its rule on `candidates` (and sets `metaKey` when
 * done). Tokens are blinded with the data key, so a schema upgrade cannot do this. Only the
 * derived index changes: revisions, the outbox and the audit trail stay as they are.
 * Returns how many contacts changed.
 */
async function reconcileToken(db: StationDb, vault: Vault, metaKey: string, plainToken: string, candidates: readonly string[], rule: (c: StoredConsultation) => boolean): Promise<number> {
  const token = vault.blind(plainToken);
  const store = consultationStore(db, vault);
  const due: { id: string; rev: number; should: boolean }[] = [];
  for (const row of await db.consultations.bulkGet([...candidates])) {
    if (!row || row.deleted) continue;
    const should = rule(await store.codec.decode(row));
    if (should !== row.tokens.includes(token)) due.push({ id: row.id, rev: row.rev, should });
  }
  await db.transaction('rw', [db.consultations, db.postings, db.tailTokens, db.orderLog, db.meta], async () => {
    for (const { id, rev, should } of due) {
      const current = await db.consultations.get(id);
      // A save since the read gave the record the tokens of its new contents.
      if (!current || current.rev !== rev || current.tokens.includes(token) === should) continue;
      const tokens = should ? [...current.tokens, token] : current.tokens.filter((t) => t !== token);
      const next: ConsultationRow = { ...current, tokens };
      await updateIndex(db, current, next);
      await db.consultations.put(next);
    }
    await db.meta.put({ key: metaKey, value: true });
  });
  // The cached order and tail were read before these writes.
  if (due.length > 0) forgetCaches(db);
  return due.length;
}

/** Earlier contacts of the same person, found by the exact (normalised) ID number. */
export async function earlierContactsOf(db: StationDb, vault: Vault, viewer: Viewer, idNumber: string, excludeId?: string): Promise<VisibleConsultation[]> {
  const order = await orderIndex(db);
  const docs = await docsWithAll(db, tableVersion(db, CONSULTATIONS), [vault.blind(filterToken.idNumber(idNumber))]);
  const ids = docs.map((d) => order.rankOfDoc[d] ?? -1).filter((r) => r >= 0).map((r) => order.ids[r]!);
  const found = await loadConsultations(db, vault, viewer, ids.filter((id) => id !== excludeId));
  return found.filter((c) => !c.deleted).sort((a, b) => b.time.localeCompare(a.time));
}
