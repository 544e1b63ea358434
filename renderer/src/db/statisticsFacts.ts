import type { ConsultationFacts, DocumentFacts, MediationFacts } from '../../../core/statistics/facts';
import type { StationDb } from './database';
import type { Vault } from './vault';
import { factsBetween } from './statFacts';

export interface PeriodFacts {
  consultations: ConsultationFacts[];
  mediations: MediationFacts[];
  documents: DocumentFacts[];
}

/**
 * The facts of every live record of a period (inclusive days), from the day buckets of
 * statFacts.ts: consultations summed (alike contacts counted together), mediations and
 * first document versions one by one with the groups and case type of their contact
 * (those of the whole months the period touches: computeStatistics keeps its days).
 * Shift logs are the station's own paperwork, not documents drafted for someone.
 */
export function gatherPeriodFacts(db: StationDb, vault: Vault, from: string, to: string): Promise<PeriodFacts> {
  return factsBetween(db, vault, from, to);
}
