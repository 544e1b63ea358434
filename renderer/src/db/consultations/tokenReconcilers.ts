import { isOpenMeetingRequest } from '../../../../core/consultations/detaineeRequest';
import { isPendingTransfer } from '../../../../core/consultations/transferDeadline';
import { isAboutRequest } from '../../../../core/access/recordViews';
import type { ConsultationRow, StationDb } from '../database';
import { forgetCaches, tableVersion } from '../repository';
import type { Vault } from '../vault';
import { CONSULTATIONS } from '../recordCodecs';
import { filterToken } from '../consultationTokens';
import { docsWithAll, updateIndex } from '../searchIndex';
import { consultationStore, type StoredConsultation } from './store';
import { orderIndex } from './orderCache';

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

/** Set once every live contact that is a request (request view) carries the token. */
export const REQUEST_VIEW_TOKENS = 'consultations.tokens.requestView.v1';

/**
 * Gives the requests saved before the request-view token existed their token, once after
 * sign-in, so that a reader of request views (detention-centre staff) is listed them from
 * the index instead of opening every record (issue 18). Opens every live contact once.
 */
export async function reconcileRequestViewTokens(db: StationDb, vault: Vault): Promise<number> {
  if ((await db.meta.get(REQUEST_VIEW_TOKENS))?.value) return 0;
  const order = await orderIndex(db);
  return reconcileToken(db, vault, REQUEST_VIEW_TOKENS, filterToken.requestView(), order.ids, isAboutRequest);
}

/**
 * The ids of the live requests, from the index; undefined until `reconcileRequestViewTokens`
 * has run on this database (older requests may lack the token until then).
 */
export async function requestViewIds(db: StationDb, vault: Vault): Promise<Set<string> | undefined> {
  if (!(await db.meta.get(REQUEST_VIEW_TOKENS))?.value) return undefined;
  const order = await orderIndex(db);
  const docs = await docsWithAll(db, tableVersion(db, CONSULTATIONS), [vault.blind(filterToken.requestView())]);
  return new Set(docs.map((d) => order.ids[order.rankOfDoc[d] ?? -1]).filter((id): id is string => id !== undefined));
}

/**
 * Brings one filter token in line with its rule on `candidates` (and sets `metaKey` when
 * done). Tokens are blinded with the data key, so a schema upgrade cannot do this. Only the
 * derived index changes: revisions, the outbox and the audit trail stay as they are.
 * Returns how many contacts changed.
 */
async function reconcileToken(
  db: StationDb,
  vault: Vault,
  metaKey: string,
  plainToken: string,
  candidates: readonly string[],
  rule: (c: StoredConsultation) => boolean,
): Promise<number> {
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
