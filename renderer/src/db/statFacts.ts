import type { ConsultationInput } from '../../../core/consultations/schema';
import type { ConsultationFacts, DocumentFacts, MediationFacts } from '../../../core/statistics/facts';
import type { MediationInput } from '../../../core/mediations/schema';
import type { ConsultationRow, DocumentRow, MediationRow, StatFactsRow, StationDb } from './database';
import type { Derived, DerivedPut, Stored } from './repository';
import type { Vault } from './vault';
import { consultationFactsOf, mediationFactsOf } from './recordFacts';
import { consultationCodec, mediationCodec } from './recordCodecs';

/**
 * Statistics facts, sealed, one bucket per calendar day and kind, kept in step by the
 * repository in the same transaction as every change (RecordStore.derived):
 *
 * - `ci:<day>` every consultation of the day, one compact row each (for the next edit);
 * - `cs:<day>` the same day summed: contacts alike in every counted fact are one entry
 *   with a count, detainee applications stay single (their deadline depends on "now");
 * - `m:<month>` / `d:<month>` each mediation / first document version, with the special
 *   groups and case type of the contact it came from, as they were when it was saved
 *   (a few a day: by month, so a year is 24 buckets, not 730 nearly empty ones).
 *
 * A year's statistics open some 400 small buckets instead of 100,000 records.
 */
const FACTS = 'statFacts';
/** Set once the buckets hold every record (after the first rebuild on this database). */
// v4: facts keep the place of contact, the criminal stage, a lawyer's own transfers and
// the plea-leniency markers; buckets built before lack them.
// v5: a lawyer's own transfer runs the Art. 39 clock only for a suspect or defendant.
export const FACTS_BUILT = 'statFacts.built.v5';

const dayOf = (rfc3339: string) => rfc3339.slice(0, 10);
const monthOf = (dayOrTime: string) => dayOrTime.slice(0, 7);

// --- consultations: the per-record index and the day summary -------------------------------

type Index = Map<string, ConsultationFacts>;
type Transfer = [string, string?] | 0;
interface CompactIndex {
  d: string[];
  /** [..., transfer, place, stage, plea]: place and stage dictionary indexes, -1 when absent. */
  r: [string, string, number, number, number, number[], number[], string | 0, Transfer, number, number, Plea?][];
}
interface CompactSummary {
  d: string[];
  /** [lawyer, caseType, outcome, helpTypes, groups, count, transfer, place, stage, plea] */
  s: [number, number, number, number[], number[], number, Transfer, number, number, Plea?][];
}

/** Plea-leniency markers as bits (1 认罪认罚, 2 具结书签署在场). */
type Plea = number;
const pleaOf = (f: ConsultationFacts): Plea => (f.pleaLeniency ? 1 : 0) | (f.pledgeWitnessed ? 2 : 0);
function withPlea(f: ConsultationFacts, plea: Plea | undefined): ConsultationFacts {
  if ((plea ?? 0) & 1) f.pleaLeniency = true;
  if ((plea ?? 0) & 2) f.pledgeWitnessed = true;
  return f;
}

function dictionary() {
  const d: string[] = [];
  const index = new Map<string, number>();
  const at = (code: string) => index.get(code) ?? (index.set(code, d.push(code) - 1), d.length - 1);
  const maybe = (code: string | undefined) => (code === undefined ? -1 : at(code));
  return { d, at, maybe };
}

const transferOf = (f: ConsultationFacts): Transfer =>
  f.transfer ? (f.transfer.transferredAt ? [f.transfer.receivedAt, f.transfer.transferredAt] : [f.transfer.receivedAt]) : 0;
const transferFrom = (t: Transfer) => (t ? (t[1] ? { receivedAt: t[0], transferredAt: t[1] } : { receivedAt: t[0] }) : undefined);

/** Place and stage, which a fact may lack, back from their dictionary indexes. */
function placeAndStage(f: ConsultationFacts, d: readonly string[], place: number, stage: number): void {
  if (place >= 0) f.place = d[place]!;
  if (stage >= 0) f.criminalStage = d[stage]!;
}

function encodeIndex(index: Index): CompactIndex {
  const { d, at, maybe } = dictionary();
  const r: CompactIndex['r'] = [];
  for (const f of index.values())
    r.push([
      f.id,
      f.time,
      at(f.lawyerId),
      at(f.caseType),
      at(f.legalAidOutcome),
      f.helpTypes.map(at),
      f.specialGroups.map(at),
      f.shiftId ?? 0,
      transferOf(f),
      maybe(f.place),
      maybe(f.criminalStage),
      pleaOf(f),
    ]);
  return { d, r };
}

function decodeIndex(c: CompactIndex): Index {
  const out: Index = new Map();
  for (const [id, time, lawyer, caseType, outcome, help, groups, shiftId, transfer, place, stage, plea] of c.r) {
    const f: ConsultationFacts = {
      id,
      time,
      lawyerId: c.d[lawyer]!,
      caseType: c.d[caseType]!,
      legalAidOutcome: c.d[outcome]!,
      helpTypes: help.map((i) => c.d[i]!),
      specialGroups: groups.map((i) => c.d[i]!),
    };
    placeAndStage(f, c.d, place, stage);
    if (shiftId) f.shiftId = shiftId;
    const t = transferFrom(transfer);
    if (t) f.transfer = t;
    out.set(id, withPlea(f, plea));
  }
  return out;
}

function summarize(index: Index): CompactSummary {
  const { d, at, maybe } = dictionary();
  const s: CompactSummary['s'] = [];
  const alike = new Map<string, number>();
  for (const f of index.values()) {
    const entry: CompactSummary['s'][number] = [
      at(f.lawyerId),
      at(f.caseType),
      at(f.legalAidOutcome),
      f.helpTypes.map(at),
      f.specialGroups.map(at),
      1,
      transferOf(f),
      maybe(f.place),
      maybe(f.criminalStage),
      pleaOf(f),
    ];
    if (f.transfer) {
      s.push(entry);
      continue;
    }
    const key = JSON.stringify(entry);
    const found = alike.get(key);
    if (found === undefined) alike.set(key, s.push(entry) - 1);
    else s[found]![5]++;
  }
  return { d, s };
}

function expandSummary(day: string, c: CompactSummary): ConsultationFacts[] {
  return c.s.map(([lawyer, caseType, outcome, help, groups, count, transfer, place, stage, plea], i) => {
    // Only the day is known here, and only the day is counted.
    const f: ConsultationFacts = {
      id: `${day}#${i}`,
      time: `${day}T00:00:00`,
      lawyerId: c.d[lawyer]!,
      caseType: c.d[caseType]!,
      legalAidOutcome: c.d[outcome]!,
      helpTypes: help.map((x) => c.d[x]!),
      specialGroups: groups.map((x) => c.d[x]!),
      count,
    };
    placeAndStage(f, c.d, place, stage);
    const t = transferFrom(transfer);
    if (t) f.transfer = t;
    return withPlea(f, plea);
  });
}

async function open<T>(vault: Vault, row: StatFactsRow | undefined): Promise<T | undefined> {
  return row ? vault.open<T>(FACTS, row.key, row.sealed) : undefined;
}

async function sealed(vault: Vault, key: string, version: number, content: unknown): Promise<StatFactsRow> {
  return { key, version, sealed: await vault.seal(FACTS, key, content) };
}

/** Re-seals a bucket after `change`, valid only if nobody wrote it meanwhile. */
async function rewrite<T>(db: StationDb, vault: Vault, key: string, change: (current: T | undefined) => unknown): Promise<DerivedPut> {
  const row = await db.statFacts.get(key);
  const version = row?.version ?? 0;
  return { expectedVersion: version, row: await sealed(vault, key, version + 1, change(await open<T>(vault, row))) };
}

async function consultationDayPuts(db: StationDb, vault: Vault, day: string, change: (index: Index) => void): Promise<DerivedPut[]> {
  const row = await db.statFacts.get(`ci:${day}`);
  const index = decodeIndex((await open<CompactIndex>(vault, row)) ?? { d: [], r: [] });
  change(index);
  const summary = await db.statFacts.get(`cs:${day}`);
  return [
    { expectedVersion: row?.version ?? 0, row: await sealed(vault, `ci:${day}`, (row?.version ?? 0) + 1, encodeIndex(index)) },
    { expectedVersion: summary?.version ?? 0, row: await sealed(vault, `cs:${day}`, (summary?.version ?? 0) + 1, summarize(index)) },
  ];
}

export function consultationFactsDerived(db: StationDb, vault: Vault): Derived<ConsultationInput & { ownerId: string }, ConsultationRow> {
  return {
    async prepare(next, current) {
      const days = new Set<string>();
      if (current && !current.deleted) days.add(dayOf(current.time));
      if (!next.deleted) days.add(dayOf(next.time));
      const puts: DerivedPut[] = [];
      for (const day of days) {
        puts.push(
          ...(await consultationDayPuts(db, vault, day, (index) => {
            index.delete(next.id);
            if (!next.deleted && dayOf(next.time) === day) index.set(next.id, consultationFactsOf(next as Stored<ConsultationInput>));
          })),
        );
      }
      return puts;
    },
  };
}

// --- mediations and documents: per record, with the contact's groups and case type ----------

type Attribution = { specialGroups: readonly string[]; caseType?: string | undefined };
type PerRecord<T> = Record<string, T>;

async function contactsOf(db: StationDb, vault: Vault, ids: readonly string[]): Promise<Map<string, Pick<ConsultationFacts, 'specialGroups' | 'caseType'>>> {
  const codec = consultationCodec(vault);
  const rows = (await db.consultations.bulkGet([...ids])).filter((r) => r !== undefined);
  return new Map(await Promise.all(rows.map(async (r) => [r.id, await codec.decode(r)] as const)));
}

export function mediationFactsDerived(db: StationDb, vault: Vault): Derived<MediationInput & { ownerId: string }, MediationRow> {
  return {
    async prepare(next, current) {
      const months = new Set<string>();
      if (current && !current.deleted) months.add(monthOf(current.date));
      if (!next.deleted) months.add(monthOf(next.date));
      const linked = next.deleted ? new Map() : await contactsOf(db, vault, next.consultationIds);
      const puts: DerivedPut[] = [];
      for (const month of months) {
        puts.push(
          await rewrite<PerRecord<MediationFacts>>(db, vault, `m:${month}`, (bucket = {}) => {
            delete bucket[next.id];
            if (!next.deleted && monthOf(next.date) === month) bucket[next.id] = mediationFactsOf(next, linked);
            return bucket;
          }),
        );
      }
      return puts;
    },
  };
}

type DocumentRecord = Pick<DocumentRow, 'kind' | 'createdAt' | 'lawyerId' | 'shiftId' | 'sourceType' | 'sourceId' | 'version'> & {
  id: string;
  deleted: boolean;
};

/** What a first document version counts as; later versions and shift logs count nothing. */
function documentFactsOf(d: DocumentRecord, source: Attribution | undefined): DocumentFacts {
  const f: DocumentFacts = { id: d.id, kind: d.kind, createdAt: d.createdAt, lawyerId: d.lawyerId, specialGroups: source?.specialGroups ?? [] };
  if (source?.caseType) f.caseType = source.caseType;
  if (d.shiftId) f.shiftId = d.shiftId;
  return f;
}

const countedDocument = (d: DocumentRecord) => !d.deleted && d.version === 1 && d.sourceType !== 'shift';

async function attributionOf(db: StationDb, vault: Vault, d: DocumentRecord): Promise<Attribution | undefined> {
  if (d.sourceType === 'consultation') return (await contactsOf(db, vault, [d.sourceId])).get(d.sourceId);
  if (d.sourceType !== 'mediation') return undefined;
  const row = await db.mediations.get(d.sourceId);
  if (!row) return undefined;
  const m = await mediationCodec(vault).decode(row);
  return mediationFactsOf(m, await contactsOf(db, vault, m.consultationIds));
}

export function documentFactsDerived<T>(db: StationDb, vault: Vault): Derived<T, DocumentRow> {
  return {
    async prepare(next) {
      const record = next as unknown as DocumentRecord;
      if (record.version !== 1) return [];
      const source = countedDocument(record) ? await attributionOf(db, vault, record) : undefined;
      return [
        await rewrite<PerRecord<DocumentFacts>>(db, vault, `d:${monthOf(record.createdAt)}`, (bucket = {}) => {
          delete bucket[record.id];
          if (countedDocument(record)) bucket[record.id] = documentFactsOf(record, source);
          return bucket;
        }),
      ];
    },
  };
}

// --- reading and rebuilding ---------------------------------------------------------------

export interface BucketFacts {
  /** Summed: entries carry a count and their day only. */
  consultations: ConsultationFacts[];
  mediations: MediationFacts[];
  documents: DocumentFacts[];
}

async function rowsBetween(db: StationDb, prefix: string, from: string, to: string): Promise<StatFactsRow[]> {
  return db.statFacts.where('key').between(`${prefix}:${from}`, `${prefix}:${to}`, true, true).toArray();
}

/**
 * The facts of every live record of a period (inclusive days), read from the buckets (built
 * on first use): consultations summed (alike contacts counted together), mediations and
 * first document versions one by one with the groups and case type of their contact (those
 * of the whole months the period touches: computeStatistics keeps its days). Shift logs
 * are the station's own paperwork, not documents drafted for someone.
 */
export async function factsBetween(db: StationDb, vault: Vault, from: string, to: string): Promise<BucketFacts> {
  if (!(await db.meta.get(FACTS_BUILT))?.value) await rebuildStatFacts(db, vault);
  // Month buckets hold the whole month: computeStatistics keeps the period's days.
  const [cs, m, d] = await Promise.all([
    rowsBetween(db, 'cs', from, to),
    rowsBetween(db, 'm', monthOf(from), monthOf(to)),
    rowsBetween(db, 'd', monthOf(from), monthOf(to)),
  ]);
  const [summaries, mediations, documents] = await Promise.all([
    Promise.all(cs.map(async (r) => expandSummary(r.key.slice(3), (await open<CompactSummary>(vault, r))!))),
    Promise.all(m.map(async (r) => Object.values((await open<PerRecord<MediationFacts>>(vault, r))!))),
    Promise.all(d.map(async (r) => Object.values((await open<PerRecord<DocumentFacts>>(vault, r))!))),
  ]);
  return { consultations: summaries.flat(), mediations: mediations.flat(), documents: documents.flat() };
}

/** Every consultation of the given days, one by one (tests compare the two forms). */
export async function consultationIndexBetween(db: StationDb, vault: Vault, from: string, to: string): Promise<ConsultationFacts[]> {
  if (!(await db.meta.get(FACTS_BUILT))?.value) await rebuildStatFacts(db, vault);
  const rows = await rowsBetween(db, 'ci', from, to);
  const indexes = await Promise.all(rows.map(async (r) => decodeIndex((await open<CompactIndex>(vault, r))!)));
  return indexes.flatMap((i) => [...i.values()]);
}

/**
 * Builds every bucket from the records (a database from before the buckets, or restored
 * from an old backup). If a record is written meanwhile it starts again, so the buckets
 * never miss a change.
 */
export async function rebuildStatFacts(db: StationDb, vault: Vault, chunk = 2000): Promise<{ records: number; buckets: number }> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const marker = await changeMarker(db);
    const contacts = new Map<string, ConsultationFacts>();
    const byDay = new Map<string, Index>();
    const cCodec = consultationCodec(vault);
    let lastKey: string | undefined;
    for (;;) {
      const rows = await (lastKey === undefined ? db.consultations.orderBy('id') : db.consultations.where('id').above(lastKey)).limit(chunk).toArray();
      if (rows.length === 0) break;
      lastKey = rows[rows.length - 1]!.id;
      for (const c of await Promise.all(rows.filter((r) => !r.deleted).map((r) => cCodec.decode(r)))) {
        const f = consultationFactsOf(c);
        contacts.set(c.id, f);
        const index = byDay.get(dayOf(c.time)) ?? byDay.set(dayOf(c.time), new Map()).get(dayOf(c.time))!;
        index.set(c.id, f);
      }
    }
    const mCodec = mediationCodec(vault);
    const mediations = await Promise.all((await db.mediations.toArray()).filter((r) => !r.deleted).map((r) => mCodec.decode(r)));
    const mediationFacts = new Map(mediations.map((m) => [m.id, mediationFactsOf(m, contacts)]));
    const documentRows = (await db.documents.toArray()).filter((r) => countedDocument(r));
    const puts: Promise<StatFactsRow>[] = [];
    for (const [day, index] of byDay) puts.push(sealed(vault, `ci:${day}`, 1, encodeIndex(index)), sealed(vault, `cs:${day}`, 1, summarize(index)));
    const group = <T extends { id: string }>(list: Iterable<T>, dayOfItem: (t: T) => string) => {
      const out = new Map<string, PerRecord<T>>();
      for (const t of list) (out.get(dayOfItem(t)) ?? out.set(dayOfItem(t), {}).get(dayOfItem(t))!)[t.id] = t;
      return out;
    };
    for (const [month, bucket] of group(mediationFacts.values(), (m) => monthOf(m.date))) puts.push(sealed(vault, `m:${month}`, 1, bucket));
    const documents = documentRows.map((r) => {
      const source = r.sourceType === 'consultation' ? contacts.get(r.sourceId) : r.sourceType === 'mediation' ? mediationFacts.get(r.sourceId) : undefined;
      return documentFactsOf(r, source);
    });
    for (const [month, bucket] of group(documents, (d) => monthOf(d.createdAt))) puts.push(sealed(vault, `d:${month}`, 1, bucket));
    const rows = await Promise.all(puts);
    const done = await db.transaction('rw', [db.consultations, db.mediations, db.documents, db.statFacts, db.meta], async () => {
      if ((await changeMarker(db)) !== marker) return false;
      await db.statFacts.clear();
      await db.statFacts.bulkPut(rows);
      await db.meta.put({ key: FACTS_BUILT, value: true });
      return true;
    });
    if (done) return { records: contacts.size + mediations.length + documents.length, buckets: rows.length };
  }
  throw new Error('统计数据整理时记录一直在变化，请稍后再试');
}

/** Changes when any counted record is added or changed: counts and the newest updates. */
async function changeMarker(db: StationDb): Promise<string> {
  const parts = await Promise.all(
    [db.consultations, db.mediations, db.documents].map(
      async (t) => `${await t.count()}/${String((await t.orderBy('updatedAt').reverse().limit(1).keys())[0] ?? '')}`,
    ),
  );
  return parts.join('|');
}
