import {
  consultationInputSchema,
  type Consultation,
  type ConsultationInput,
} from '../../../core/consultations/schema';
import { consultationSearchFields } from '../../../core/consultations/search';
import { identifierNormalize, indexTokens, matchesQuery, queryTokens, type ParsedQuery } from '../../../core/search/tokens';
import { calendarDayOf } from '../../../core/domain/calendar';
import type { ConsultationRow, StationDb } from './database';
import {
  createRecord,
  getRecord,
  restoreRecord,
  softDeleteRecord,
  updateRecord,
  type Actor,
  type RecordStore,
} from './repository';
import type { Vault } from './vault';
import { assertCan, assertCanChange } from '../session/permissions';

export const CONSULTATIONS = 'consultations';

/** Filter facts kept as blinded tokens beside the search tokens. */
const filterToken = {
  caseType: (c: string) => `f:case:${c}`,
  helpType: (c: string) => `f:help:${c}`,
  specialGroup: (c: string) => `f:group:${c}`,
  outcome: (c: string) => `f:outcome:${c}`,
  idNumber: (n: string) => `f:idn:${identifierNormalize(n)}`,
  pendingTransfer: () => 'f:pending-transfer',
};

function plainTokens(c: Consultation): string[] {
  const tokens = indexTokens(consultationSearchFields(c));
  tokens.push(filterToken.caseType(c.caseType), filterToken.outcome(c.legalAidOutcome));
  for (const h of c.helpTypes) tokens.push(filterToken.helpType(h));
  for (const g of c.specialGroups) tokens.push(filterToken.specialGroup(g));
  if (c.idNumber) tokens.push(filterToken.idNumber(c.idNumber));
  if (c.requestKind === 'legal_aid_application' && !c.transferredAt) tokens.push(filterToken.pendingTransfer());
  return tokens;
}

type Owned = ConsultationInput & { ownerId: string };

export function consultationStore(db: StationDb, vault: Vault): RecordStore<Owned, ConsultationRow> {
  return {
    db,
    name: CONSULTATIONS,
    codec: {
      async encode(record) {
        const { id, rev, createdAt, updatedAt, deleted, ownerId, ...content } = record;
        const row: ConsultationRow = {
          id,
          rev,
          createdAt,
          updatedAt,
          deleted,
          time: content.time,
          lawyerId: content.lawyerId,
          ownerId,
          // Tombstones keep no tokens: a deleted record is found by nothing.
          tokens: deleted ? [] : [...new Set(plainTokens(record).map((t) => vault.blind(t)))],
          sealed: await vault.seal(CONSULTATIONS, id, content),
        };
        if (!deleted) row.liveTime = content.time;
        if (content.shiftId) row.shiftId = content.shiftId;
        return row;
      },
      async decode(row) {
        const content = await vault.open<ConsultationInput>(CONSULTATIONS, row.id, row.sealed);
        return { ...content, id: row.id, rev: row.rev, createdAt: row.createdAt, updatedAt: row.updatedAt, deleted: row.deleted, ownerId: row.ownerId };
      },
    },
  };
}

export type StoredConsultation = Consultation & { ownerId: string };

export async function createConsultation(db: StationDb, vault: Vault, input: unknown, actor: Actor, now?: Date): Promise<StoredConsultation> {
  assertCan(actor.role, 'consultation.create');
  const parsed = consultationInputSchema.parse(input);
  return createRecord(consultationStore(db, vault), { ...parsed, ownerId: actor.id }, actor, now ? { now } : {});
}

export async function editConsultation(
  db: StationDb,
  vault: Vault,
  id: string,
  input: unknown,
  actor: Actor,
  expectedRev: number,
): Promise<StoredConsultation> {
  const parsed = consultationInputSchema.parse(input);
  const current = await getRecord(consultationStore(db, vault), id);
  if (current) assertCanChange(actor, current.ownerId, 'edit');
  // Replace, not merge: a field the lawyer emptied must be gone from the record.
  return updateRecord(consultationStore(db, vault), id, { ...parsed, ownerId: current?.ownerId ?? actor.id }, actor, { expectedRev, replace: true });
}

/** Detention-centre staff record that an application went to the legal-aid centre (Art. 39). */
export async function markTransferred(db: StationDb, vault: Vault, id: string, actor: Actor, at: string): Promise<StoredConsultation> {
  assertCan(actor.role, 'transfer.handle');
  const current = await getRecord(consultationStore(db, vault), id);
  if (!current || current.deleted) throw new Error('记录不存在或已被删除');
  return updateRecord(consultationStore(db, vault), id, { transferredAt: at }, actor, { expectedRev: current.rev });
}

export async function deleteConsultation(db: StationDb, vault: Vault, id: string, actor: Actor) {
  const current = await getRecord(consultationStore(db, vault), id);
  if (current) assertCanChange(actor, current.ownerId, 'delete');
  return softDeleteRecord(consultationStore(db, vault), id, actor);
}

export async function undeleteConsultation(db: StationDb, vault: Vault, id: string, actor: Actor) {
  const current = await getRecord(consultationStore(db, vault), id);
  if (current) assertCanChange(actor, current.ownerId, 'delete');
  return restoreRecord(consultationStore(db, vault), id, actor);
}

export function getConsultation(db: StationDb, vault: Vault, id: string) {
  return getRecord(consultationStore(db, vault), id);
}

export async function loadConsultations(db: StationDb, vault: Vault, ids: readonly string[]): Promise<StoredConsultation[]> {
  const rows = await db.consultations.bulkGet([...ids]);
  const store = consultationStore(db, vault);
  return Promise.all(rows.filter((r): r is ConsultationRow => r !== undefined).map((r) => store.codec.decode(r)));
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
}

export interface QueryResult {
  /** Matching live records, newest first. */
  ids: string[];
  /** A hint for the search box (e.g. a number fragment too short to search). */
  problem?: string;
}

function hasFilters(q: ConsultationQuery): boolean {
  return Boolean(q.text?.trim() || q.from || q.to || q.lawyerId || q.shiftId || q.caseType || q.helpType || q.specialGroup || q.outcome || q.pendingTransfer);
}

/**
 * When the tokens alone decide a query (one term, the needle is exactly its one token),
 * the candidates need not be decrypted to be verified.
 */
function decidedByTokens(parsed: ParsedQuery): boolean {
  if (parsed.terms.length !== 1) return parsed.terms.length === 0;
  const term = parsed.terms[0]!;
  if (term.tokens.length !== 1) return false;
  if (term.kind === 'identifier') return [...term.needle].length === 3;
  if (term.kind === 'han') return [...term.needle].length === 2 && term.tokens[0] === `b:${term.needle}`;
  if (term.kind === 'han_name') return [...term.needle].length === 1;
  return term.kind === 'word' && term.words.length === 1;
}

async function postings(db: StationDb, blinded: string[]): Promise<Set<string> | null> {
  if (blinded.length === 0) return null;
  const lists = await Promise.all(blinded.map((t) => db.consultations.where('tokens').equals(t).primaryKeys()));
  lists.sort((a, b) => a.length - b.length);
  let result = new Set(lists[0]);
  for (const list of lists.slice(1)) {
    if (result.size === 0) break;
    const next = new Set(list);
    result = new Set([...result].filter((id) => next.has(id)));
  }
  return result;
}

/** Counts live records without reading them. */
export function countLiveConsultations(db: StationDb): Promise<number> {
  return db.consultations.where('liveTime').above('').count();
}

/** The newest live records, for the first screen of the list (no filters). */
export async function newestConsultations(db: StationDb, vault: Vault, offset: number, limit: number): Promise<StoredConsultation[]> {
  const rows = await db.consultations.orderBy('liveTime').reverse().offset(offset).limit(limit).toArray();
  const store = consultationStore(db, vault);
  return Promise.all(rows.map((r) => store.codec.decode(r)));
}

/**
 * Finds live consultations: intersects the postings of the query's blinded tokens
 * (search and filters), narrows by the clear fields (time, lawyer, shift), and verifies
 * text candidates exactly after decrypting them. Without any filter it lists all.
 */
export async function queryConsultations(db: StationDb, vault: Vault, q: ConsultationQuery): Promise<QueryResult> {
  const parsed = queryTokens(q.text ?? '');
  if (parsed.problem && parsed.tokens.length === 0) return { ids: [], problem: parsed.problem };
  if (!hasFilters(q)) {
    return { ids: (await db.consultations.orderBy('liveTime').reverse().primaryKeys()) as string[] };
  }
  const plain = [...parsed.tokens];
  if (q.caseType) plain.push(filterToken.caseType(q.caseType));
  if (q.helpType) plain.push(filterToken.helpType(q.helpType));
  if (q.specialGroup) plain.push(filterToken.specialGroup(q.specialGroup));
  if (q.outcome) plain.push(filterToken.outcome(q.outcome));
  if (q.pendingTransfer) plain.push(filterToken.pendingTransfer());

  let candidates = await postings(db, [...new Set(plain)].map((t) => vault.blind(t)));
  let rows: ConsultationRow[];
  if (candidates) {
    rows = (await db.consultations.bulkGet([...candidates])).filter((r): r is ConsultationRow => r !== undefined);
  } else if (q.shiftId) {
    rows = await db.consultations.where('shiftId').equals(q.shiftId).toArray();
  } else if (q.lawyerId) {
    rows = await db.consultations.where('lawyerId').equals(q.lawyerId).toArray();
  } else {
    const lower = q.from ?? '';
    const upper = q.to ? `${q.to}\uffff` : '\uffff';
    rows = await db.consultations.where('liveTime').between(lower, upper, true, true).toArray();
  }
  candidates = null;

  rows = rows.filter(
    (r) =>
      !r.deleted &&
      (!q.lawyerId || r.lawyerId === q.lawyerId) &&
      (!q.shiftId || r.shiftId === q.shiftId) &&
      (!q.from || calendarDayOf(r.time) >= q.from) &&
      (!q.to || calendarDayOf(r.time) <= q.to),
  );
  rows.sort((a, b) => (a.time < b.time ? 1 : a.time > b.time ? -1 : 0));

  if (parsed.terms.length > 0 && !decidedByTokens(parsed)) {
    const store = consultationStore(db, vault);
    const decoded = await Promise.all(rows.map((r) => store.codec.decode(r)));
    const keep = new Set(decoded.filter((c) => matchesQuery(consultationSearchFields(c), parsed)).map((c) => c.id));
    rows = rows.filter((r) => keep.has(r.id));
  }
  const result: QueryResult = { ids: rows.map((r) => r.id) };
  if (parsed.problem) result.problem = parsed.problem;
  return result;
}

/** Earlier contacts of the same person, found by the exact (normalised) ID number. */
export async function earlierContactsOf(db: StationDb, vault: Vault, idNumber: string, excludeId?: string): Promise<StoredConsultation[]> {
  const ids = (await db.consultations.where('tokens').equals(vault.blind(filterToken.idNumber(idNumber))).primaryKeys()) as string[];
  const found = await loadConsultations(db, vault, ids.filter((id) => id !== excludeId));
  return found.filter((c) => !c.deleted).sort((a, b) => b.time.localeCompare(a.time));
}
