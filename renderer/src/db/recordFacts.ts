import { yuanToFen } from '../../../core/money';
import type { ConsultationInput } from '../../../core/consultations/schema';
import { transferClockOf } from '../../../core/consultations/transferDeadline';
import type { MediationInput } from '../../../core/mediations/schema';
import type { ConsultationFacts, MediationFacts } from '../../../core/statistics/facts';

/** The code-only facts statistics and shift logs count, taken from a record. */
export function consultationFactsOf(c: ConsultationInput & { id: string }): ConsultationFacts {
  const facts: ConsultationFacts = {
    id: c.id,
    time: c.time,
    lawyerId: c.lawyerId ?? '',
    caseType: c.caseType,
    helpTypes: c.helpTypes,
    specialGroups: c.specialGroups,
    legalAidOutcome: c.legalAidOutcome,
    place: c.place,
  };
  if (c.criminalStage) facts.criminalStage = c.criminalStage;
  if (c.shiftId) facts.shiftId = c.shiftId;
  if (c.pleaLeniency) facts.pleaLeniency = true;
  if (c.pledgeWitnessed) facts.pledgeWitnessed = true;
  // Both paragraphs of Art. 39 count alike: a staff request and a lawyer's own transfer.
  const clock = transferClockOf(c);
  if (clock) facts.transfer = clock.transferredAt ? { receivedAt: clock.receivedAt, transferredAt: clock.transferredAt } : { receivedAt: clock.receivedAt };
  return facts;
}

/** A mediation's groups and case type are those of the contacts it came from. */
export function mediationFactsOf(
  m: MediationInput & { id: string },
  linked: ReadonlyMap<string, Pick<ConsultationFacts, 'specialGroups' | 'caseType'>>,
): MediationFacts {
  const sources = m.consultationIds.map((id) => linked.get(id)).filter((c) => c !== undefined);
  const facts: MediationFacts = {
    id: m.id,
    date: m.date,
    lawyerIds: m.lawyerIds,
    type: m.type,
    outcome: m.outcome,
    agreedFen: m.amountAgreed ? (yuanToFen(m.amountAgreed) ?? 0) : 0,
    recoveredFen: m.amountRecovered ? (yuanToFen(m.amountRecovered) ?? 0) : 0,
    becameLegalAidCase: m.becameLegalAidCase,
    specialGroups: [...new Set(sources.flatMap((c) => c.specialGroups))],
  };
  if (sources[0]) facts.caseType = sources[0].caseType;
  if (m.shiftId) facts.shiftId = m.shiftId;
  return facts;
}
