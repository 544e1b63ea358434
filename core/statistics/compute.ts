import { isRequestOnly } from '../consultations/detaineeRequest';
import { transferDeadline } from '../consultations/transferDeadline';
import type { Enumerations } from '../domain/enums';
import { isSettled, type ConsultationFacts, type DocumentFacts, type MediationFacts } from './facts';

/** The figures a supervisor reports (shared/docs/domain.md), for any slice of the records. */
export interface Figures {
  /** 人次: one per contact. */
  consultations: number;
  helpTypes: Record<string, number>;
  /** Contacts where the lawyer was present at the signing of a plea statement (具结书签署在场). */
  pleaWitnessed: number;
  /** Contacts marked 认罪认罚. */
  pleaLeniencyCases: number;
  legalAid: { applied: number; transferred: number; refused: number; overdueTransfers: number };
  documents: Record<string, number>;
  documentsTotal: number;
  mediations: { joined: number; settled: number; agreedFen: number; recoveredFen: number; becameLegalAid: number };
}

export interface Slice {
  key: string;
  label: string;
  figures: Figures;
  /**
   * A row that makes the rows add up to the 合计 of the period: records counted in several
   * rows (a mediation of two lawyers, a person in two groups) are taken off once, with the
   * reason in the label. Charts leave it out.
   */
  correction?: true;
}

export interface StatisticsReport {
  period: { from: string; to: string };
  total: Figures;
  byLawyer: Slice[];
  bySpecialGroup: Slice[];
  byCaseType: Slice[];
  /** 侦查 / 审查起诉 / 审判, then 非刑事案件: every contact and request in exactly one row. */
  byStage: Slice[];
  /** 看守所, 法院, 检察院, 公安执法办案中心 and the other places: every contact and request in one row. */
  byPlace: Slice[];
  trend: { day: string; consultations: number; mediations: number; documents: number }[];
}

export interface StatisticsInput {
  period: { from: string; to: string };
  consultations: readonly ConsultationFacts[];
  mediations: readonly MediationFacts[];
  documents: readonly DocumentFacts[];
  lawyers: readonly { id: string; name: string }[];
  enums: Enumerations;
  /** For transfers still pending: overdue as of this moment. */
  now: number;
  /** Only this lawyer's records (a lawyer's own statistics). */
  lawyerId?: string;
}

export const PLEA_WITNESS_HELP_TYPE = 'plea_signing_presence';
const NO_GROUP = '__none__';
const UNLINKED = '__unlinked__';
const NO_STAGE = '__not_criminal__';
const NO_PLACE = '__no_place__';
/** Requests staff logged that no lawyer has handled: their transfers count, under no lawyer. */
const REQUESTS = '__requests__';
const OVERLAP = '__overlap__';

function emptyFigures(): Figures {
  return {
    consultations: 0,
    helpTypes: {},
    pleaWitnessed: 0,
    pleaLeniencyCases: 0,
    legalAid: { applied: 0, transferred: 0, refused: 0, overdueTransfers: 0 },
    documents: {},
    documentsTotal: 0,
    mediations: { joined: 0, settled: 0, agreedFen: 0, recoveredFen: 0, becameLegalAid: 0 },
  };
}

function addConsultation(f: Figures, c: ConsultationFacts, overdue: boolean): void {
  const n = c.count ?? 1;
  f.consultations += n;
  for (const h of c.helpTypes) f.helpTypes[h] = (f.helpTypes[h] ?? 0) + n;
  // Either record of the lawyer's presence counts, once: the help type or the plea section's box.
  if (c.pledgeWitnessed || c.helpTypes.includes(PLEA_WITNESS_HELP_TYPE)) f.pleaWitnessed += n;
  if (c.pleaLeniency) f.pleaLeniencyCases += n;
  if (c.legalAidOutcome === 'applied') f.legalAid.applied += n;
  if (c.legalAidOutcome === 'refused') f.legalAid.refused += n;
  addTransfer(f, c, overdue);
}

/** The transfer figures of a contact; all that counts of a request no lawyer has handled. */
function addTransfer(f: Figures, c: ConsultationFacts, overdue: boolean): void {
  const n = c.count ?? 1;
  if (c.legalAidOutcome === 'transferred') f.legalAid.transferred += n;
  if (overdue) f.legalAid.overdueTransfers += n;
}

function addMediation(f: Figures, m: MediationFacts): void {
  f.mediations.joined++;
  if (isSettled(m.outcome)) {
    f.mediations.settled++;
    f.mediations.agreedFen += m.agreedFen;
  }
  f.mediations.recoveredFen += m.recoveredFen;
  if (m.becameLegalAidCase) f.mediations.becameLegalAid++;
}

function addDocument(f: Figures, d: DocumentFacts): void {
  f.documents[d.kind] = (f.documents[d.kind] ?? 0) + 1;
  f.documentsTotal++;
}

const dayOf = (rfc3339: string) => rfc3339.slice(0, 10);

type Tree = { [key: string]: number | Tree };

/** Adds (or takes off) every figure of `source` into `target`, nested records included. */
function addInto(target: Tree, source: Tree, sign: 1 | -1): void {
  for (const [k, v] of Object.entries(source)) {
    if (typeof v === 'number') target[k] = ((target[k] as number | undefined) ?? 0) + sign * v;
    else addInto((target[k] ??= {}) as Tree, v, sign);
  }
}

function isZero(t: Tree): boolean {
  return Object.values(t).every((v) => (typeof v === 'number' ? v === 0 : isZero(v)));
}

/**
 * The row that makes `slices` add up to `total`, when records fall in several of them;
 * none when they already do.
 */
function correction(total: Figures, slices: readonly Slice[], label: string): Slice[] {
  const diff = JSON.parse(JSON.stringify(total)) as Tree;
  for (const s of slices) addInto(diff, s.figures as unknown as Tree, -1);
  return isZero(diff) ? [] : [{ key: OVERLAP, label, figures: diff as unknown as Figures, correction: true }];
}

/**
 * The one function behind the statistics page, the workbook and the PDF report: every
 * figure of the period, station-wide, per lawyer, per special group and per case type.
 * A record with several groups counts once in each; one with none counts under 无特殊群体.
 */
export function computeStatistics(input: StatisticsInput): StatisticsReport {
  const { from, to } = input.period;
  const inPeriod = (day: string) => day >= from && day <= to;
  const mine = (ids: readonly string[]) => !input.lawyerId || ids.includes(input.lawyerId);
  const consultations = input.consultations.filter((c) => inPeriod(dayOf(c.time)) && (!input.lawyerId || c.lawyerId === input.lawyerId));
  const mediations = input.mediations.filter((m) => inPeriod(m.date) && mine(m.lawyerIds));
  const documents = input.documents.filter((d) => inPeriod(dayOf(d.createdAt)) && mine([d.lawyerId]));

  const total = emptyFigures();
  const lawyers = new Map<string, Figures>();
  const groups = new Map<string, Figures>();
  const caseTypes = new Map<string, Figures>();
  const stages = new Map<string, Figures>();
  const places = new Map<string, Figures>();
  const trend = new Map<string, { consultations: number; mediations: number; documents: number }>();
  const at = <K>(map: Map<K, Figures>, key: K) => map.get(key) ?? map.set(key, emptyFigures()).get(key)!;
  const day = (d: string) => trend.get(d) ?? trend.set(d, { consultations: 0, mediations: 0, documents: 0 }).get(d)!;
  const groupsOf = (g: readonly string[]) => (g.length > 0 ? g : [NO_GROUP]);

  for (const c of consultations) {
    const overdue = c.transfer !== undefined && transferDeadline(c.transfer.receivedAt, input.now, c.transfer.transferredAt).overdue;
    // A request no lawyer has handled counts by its transfer only, in every breakdown alike.
    const add = isRequestOnly(c) ? addTransfer : addConsultation;
    add(total, c, overdue);
    add(at(lawyers, isRequestOnly(c) ? REQUESTS : c.lawyerId), c, overdue);
    for (const g of groupsOf(c.specialGroups)) add(at(groups, g), c, overdue);
    add(at(caseTypes, c.caseType), c, overdue);
    add(at(stages, c.criminalStage ?? NO_STAGE), c, overdue);
    add(at(places, c.place ?? NO_PLACE), c, overdue);
    if (isRequestOnly(c)) continue;
    day(dayOf(c.time)).consultations += c.count ?? 1;
  }
  for (const m of mediations) {
    addMediation(total, m);
    for (const l of m.lawyerIds) if (!input.lawyerId || l === input.lawyerId) addMediation(at(lawyers, l), m);
    for (const g of groupsOf(m.specialGroups)) addMediation(at(groups, g), m);
    addMediation(at(caseTypes, m.caseType ?? UNLINKED), m);
    day(m.date).mediations++;
  }
  for (const d of documents) {
    addDocument(total, d);
    addDocument(at(lawyers, d.lawyerId), d);
    for (const g of groupsOf(d.specialGroups)) addDocument(at(groups, g), d);
    addDocument(at(caseTypes, d.caseType ?? UNLINKED), d);
    day(dayOf(d.createdAt)).documents++;
  }

  const order = (list: readonly { code: string; label: string }[], map: Map<string, Figures>, extra: Record<string, string>): Slice[] => {
    const known = list.filter((e) => map.has(e.code)).map((e) => ({ key: e.code, label: e.label, figures: map.get(e.code)! }));
    const rest = [...map].filter(([k]) => !list.some((e) => e.code === k)).map(([k, figures]) => ({ key: k, label: extra[k] ?? k, figures }));
    return [...known, ...rest];
  };
  const lawyerList = input.lawyers.map((l) => ({ code: l.id, label: l.name }));
  const byLawyer = order(lawyerList, lawyers, { [REQUESTS]: '看守所登记（未经值班律师接待）' }).map((s) =>
    lawyerList.some((l) => l.code === s.key) || s.key === REQUESTS ? s : { ...s, label: '（已移出名册）' },
  );
  const bySpecialGroup = order(input.enums.specialGroups, groups, { [NO_GROUP]: '无特殊群体' });

  return {
    period: { from, to },
    total,
    byLawyer: [...byLawyer, ...correction(total, byLawyer, '减：多名律师共同参与的调解，重复计入')],
    bySpecialGroup: [...bySpecialGroup, ...correction(total, bySpecialGroup, '减：同属多个特殊群体，重复计入')],
    byCaseType: order(input.enums.caseTypes, caseTypes, { [UNLINKED]: '未关联登记' }),
    byStage: order(input.enums.criminalStages, stages, { [NO_STAGE]: '非刑事案件' }),
    byPlace: order(input.enums.consultationPlaces, places, { [NO_PLACE]: '未记录地点' }),
    trend: [...trend].sort(([a], [b]) => a.localeCompare(b)).map(([d, v]) => ({ day: d, ...v })),
  };
}
