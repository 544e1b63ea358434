import { consultationSearchFields } from '../../../../core/consultations/search';
import { matchesQuery, queryTokens } from '../../../../core/search/tokens';
import type { Viewer } from '../../../../core/access/recordViews';
import type { ConsultationRow, StationDb } from '../database';
import { tableVersion } from '../repository';
import type { Vault } from '../vault';
import { CONSULTATIONS } from '../recordCodecs';
import { filterToken } from '../consultationTokens';
import { docsWithAll } from '../searchIndex';
import { consultationStore } from './store';
import { orderIndex, rankOfId } from './orderCache';
import { viewsAllConsultations } from './reads';
import { readableMatches } from './readableMatches';
import { termTokens } from './termTokens';
import type { ConsultationQuery, QueryResult } from './query';

function hasFilters(q: ConsultationQuery): boolean {
  return Boolean(
    q.text?.trim() ||
      q.from ||
      q.to ||
      q.lawyerId ||
      q.shiftId ||
      q.caseType ||
      q.helpType ||
      q.specialGroup ||
      q.outcome ||
      q.pendingTransfer ||
      q.openMeeting,
  );
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
    const docs = await docsWithAll(
      db,
      tableVersion(db, CONSULTATIONS),
      [...new Set(plain)].map((t) => vault.blind(t)),
    );
    positions = [];
    for (const d of docs) {
      const r = order.rankOfDoc[d] ?? -1;
      if (r >= 0) positions.push(r);
    }
  }
  for (const [index, value] of [
    ['lawyerId', q.lawyerId],
    ['shiftId', q.shiftId],
  ] as const) {
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
