/**
 * The facts statistics and shift logs count, one shape per record type. They hold codes
 * and amounts only, never names or text, so the renderer can gather them from the
 * blinded index without opening every sealed record (renderer/src/db/statisticsFacts.ts).
 */
export interface ConsultationFacts {
  id: string;
  /** RFC 3339; the calendar day is read in its own offset. */
  time: string;
  /** '' for a detainee's request logged by staff before any lawyer saw it. */
  lawyerId: string;
  shiftId?: string;
  caseType: string;
  /** Empty only for such a request (core/consultations/detaineeRequest.ts): not a contact. */
  helpTypes: readonly string[];
  specialGroups: readonly string[];
  legalAidOutcome: string;
  /** Code of the place of contact (consultationPlaces); absent in facts from before it was kept. */
  place?: string;
  /** Code of the criminal stage (criminalStages); absent for a non-criminal case. */
  criminalStage?: string;
  /** A legal-aid application under Art. 39 (24-hour transfer): a staff request or a lawyer's own. */
  transfer?: { receivedAt: string; transferredAt?: string };
  /** 认罪认罚 marked on the contact (issue 17); absent on records stored before. */
  pleaLeniency?: boolean;
  /** The lawyer was present when the plea statement was signed (CPL Art. 174). */
  pledgeWitnessed?: boolean;
  /** Contacts alike in every fact above (summed day buckets); 1 when absent. */
  count?: number;
}

export interface MediationFacts {
  id: string;
  /** YYYY-MM-DD */
  date: string;
  lawyerIds: readonly string[];
  shiftId?: string;
  type: string;
  outcome: string;
  /** Whole fen, 0 when not given. */
  agreedFen: number;
  recoveredFen: number;
  becameLegalAidCase: boolean;
  /** From the consultations it came from; empty when it is linked to none. */
  specialGroups: readonly string[];
  caseType?: string;
}

export interface DocumentFacts {
  id: string;
  kind: string;
  /** RFC 3339 of the first version: a document counts once, when it was drafted. */
  createdAt: string;
  lawyerId: string;
  shiftId?: string;
  specialGroups: readonly string[];
  caseType?: string;
}

/** Settled: an agreement in full or in part. */
export function isSettled(outcome: string): boolean {
  return outcome === 'agreement' || outcome === 'partial_agreement';
}
