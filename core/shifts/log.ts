import type { Enumerations } from '../domain/enums';
import { labelOf } from '../domain/enums';
import { fenToYuan, sumFen } from '../money';
import { isRequestOnly } from '../consultations/detaineeRequest';
import { transferDeadline } from '../consultations/transferDeadline';
import { isSettled, type ConsultationFacts, type DocumentFacts, type MediationFacts } from '../statistics/facts';

export interface CountLine {
  code: string;
  label: string;
  count: number;
}

/** 值班日志: what one shift did, frozen into the shift record when it ends. */
export interface ShiftLog {
  lawyers: string[];
  place: string;
  startedAt: string;
  endedAt: string;
  consultations: number;
  helpTypes: CountLine[];
  specialGroups: CountLine[];
  documents: CountLine[];
  mediations: { joined: number; settled: number; agreed: string; recovered: string };
  /** Legal-aid applications (Art. 39, staff requests and lawyers' own) still waiting for transfer when the shift ended: handed over. */
  pendingTransfers: { clientName: string; receivedAt: string; dueAt: string; overdue: boolean }[];
  /**
   * Dates of the mediations recorded in the shift but held on other days: they count in the
   * statistics of their own date, not in this shift's figures (absent from logs before).
   */
  backfilledMediations?: string[];
  /** 约见值班律师 requests no lawyer had met when the shift ended: handed over (absent from logs before them). */
  openRequests?: { clientName: string; receivedAt: string }[];
  /** How many of those requests the shift's lawyers met. */
  answeredRequests?: number;
  handoverNotes: string;
}

export interface ShiftLogInput {
  shift: { id: string; lawyerId: string; place: string; startedAt: string; endedAt: string; handoverNotes?: string };
  consultations: readonly ConsultationFacts[];
  documents: readonly DocumentFacts[];
  mediations: readonly MediationFacts[];
  /** Station-wide pending transfers at the end of the shift (they are handed over whoever logged them). */
  pendingTransfers: readonly { clientName: string; receivedAt: string }[];
  /** Station-wide 约见 requests still open at the end of the shift. */
  openRequests: readonly { clientName: string; receivedAt: string }[];
  /** The shift's contacts that met a 约见 request. */
  answeredRequests: number;
  lawyerName(id: string): string;
  documentLabel(kind: string): string;
  enums: Enumerations;
}

/** Counts per code in the order of `order` (the enumeration's), then unknown codes; zero counts dropped. */
export function countLines(
  codes: Iterable<string>,
  order: readonly { code: string; label: string }[],
  label: (code: string) => string = (c) => labelOf(order, c),
): CountLine[] {
  const counts = new Map<string, number>();
  for (const c of codes) counts.set(c, (counts.get(c) ?? 0) + 1);
  const known = order.filter((e) => counts.has(e.code)).map((e) => ({ code: e.code, label: e.label, count: counts.get(e.code)! }));
  const unknown = [...counts].filter(([c]) => !order.some((e) => e.code === c)).map(([code, count]) => ({ code, label: label(code), count }));
  return [...known, ...unknown];
}

export function computeShiftLog(input: ShiftLogInput): ShiftLog {
  const { shift, enums } = input;
  const mine = <T extends { shiftId?: string }>(list: readonly T[]) => list.filter((r) => r.shiftId === shift.id);
  // A detainee's request that no lawyer has handled is not a contact of the shift.
  const consultations = mine(input.consultations).filter((c) => !isRequestOnly(c));
  const documents = mine(input.documents);
  // The statistics count a mediation on its own date. One recorded in this shift but held
  // on another day (补录) counts there, so the shift's figures add up to the month's; the
  // log names it apart instead of counting it.
  const firstDay = shift.startedAt.slice(0, 10);
  const lastDay = shift.endedAt.slice(0, 10);
  const held = (m: MediationFacts) => m.date >= firstDay && m.date <= lastDay;
  const mediations = mine(input.mediations).filter(held);
  const backfilled = mine(input.mediations).filter((m) => !held(m));

  // The shift's lawyer first, then anyone else who logged or joined something in it.
  const lawyerIds = [shift.lawyerId];
  const add = (id: string) => !lawyerIds.includes(id) && lawyerIds.push(id);
  consultations.forEach((c) => add(c.lawyerId));
  mediations.forEach((m) => m.lawyerIds.forEach(add));
  documents.forEach((d) => add(d.lawyerId));

  const settled = mediations.filter((m) => isSettled(m.outcome));
  const endMs = Date.parse(shift.endedAt);
  return {
    lawyers: lawyerIds.map(input.lawyerName),
    place: labelOf(enums.consultationPlaces, shift.place),
    startedAt: shift.startedAt,
    endedAt: shift.endedAt,
    consultations: consultations.length,
    helpTypes: countLines(
      consultations.flatMap((c) => c.helpTypes),
      enums.helpTypes,
    ),
    specialGroups: countLines(
      consultations.flatMap((c) => c.specialGroups),
      enums.specialGroups,
    ),
    documents: countLines(
      documents.map((d) => d.kind),
      [],
      input.documentLabel,
    ),
    mediations: {
      joined: mediations.length,
      settled: settled.length,
      agreed: fenToYuan(sumFen(settled.map((m) => m.agreedFen))),
      recovered: fenToYuan(sumFen(mediations.map((m) => m.recoveredFen))),
    },
    pendingTransfers: [...input.pendingTransfers]
      .sort((a, b) => Date.parse(a.receivedAt) - Date.parse(b.receivedAt))
      .map((p) => {
        const d = transferDeadline(p.receivedAt, endMs);
        return { clientName: p.clientName, receivedAt: p.receivedAt, dueAt: d.dueAt, overdue: d.overdue };
      }),
    backfilledMediations: backfilled.map((m) => m.date).sort(),
    openRequests: [...input.openRequests]
      .sort((a, b) => Date.parse(a.receivedAt) - Date.parse(b.receivedAt))
      .map((r) => ({ clientName: r.clientName, receivedAt: r.receivedAt })),
    answeredRequests: input.answeredRequests,
    handoverNotes: shift.handoverNotes ?? '',
  };
}
