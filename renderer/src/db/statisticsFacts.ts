import type { ConsultationFacts, DocumentFacts, MediationFacts } from '../../../core/statistics/facts';
import type { StationDb } from './database';
import type { Vault } from './vault';
import { loadConsultations, orderIndex } from './consultations';
import { mediationsBetween } from './mediations';
import { consultationFactsOf, mediationFactsOf } from './shiftLogBuilder';

export interface PeriodFacts {
  consultations: ConsultationFacts[];
  mediations: MediationFacts[];
  documents: DocumentFacts[];
}

/**
 * The facts of every live record of a period (inclusive days). Consultations are taken
 * from the order index by day and opened; a document or mediation made from a contact
 * outside the period still gets that contact's groups and case type. Shift logs are the
 * station's own paperwork, not documents drafted for someone, and are not counted.
 */
export async function gatherPeriodFacts(db: StationDb, vault: Vault, from: string, to: string): Promise<PeriodFacts> {
  const order = await orderIndex(db);
  const ids: string[] = [];
  order.times.forEach((t, i) => {
    const day = t.slice(0, 10);
    if (day >= from && day <= to) ids.push(order.ids[i]!);
  });
  const consultations = (await loadConsultations(db, vault, ids)).filter((c) => !c.deleted).map(consultationFactsOf);
  const byId = new Map<string, Pick<ConsultationFacts, 'specialGroups' | 'caseType'>>(consultations.map((c) => [c.id, c]));

  const mediationRecords = await mediationsBetween(db, vault, from, to);
  const documentRows = (await db.documents.where('createdAt').between(from, `${to}\uffff`, true, true).toArray()).filter((d) => !d.deleted && d.version === 1 && d.sourceType !== 'shift');

  const missing = new Set<string>();
  for (const m of mediationRecords) for (const id of m.consultationIds) if (!byId.has(id)) missing.add(id);
  for (const d of documentRows) if (d.sourceType === 'consultation' && d.sourceId && !byId.has(d.sourceId)) missing.add(d.sourceId);
  for (const c of await loadConsultations(db, vault, [...missing])) byId.set(c.id, c);

  const mediations = mediationRecords.map((m) => mediationFactsOf(m, byId));
  const mediationById = new Map(mediations.map((m) => [m.id, m]));
  const documents = documentRows.map((d): DocumentFacts => {
    const source = d.sourceType === 'consultation' ? byId.get(d.sourceId) : d.sourceType === 'mediation' ? mediationById.get(d.sourceId) : undefined;
    const facts: DocumentFacts = { id: d.id, kind: d.kind, createdAt: d.createdAt, lawyerId: d.lawyerId, specialGroups: source?.specialGroups ?? [] };
    if (source?.caseType) facts.caseType = source.caseType;
    if (d.shiftId) facts.shiftId = d.shiftId;
    return facts;
  });
  return { consultations, mediations, documents };
}
