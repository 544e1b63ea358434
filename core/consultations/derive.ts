import { RESIDENT_ID, type Enumerations } from '../domain/enums';
import { calendarDayOf, compareYmd } from '../domain/calendar';
import { checkIdByType } from '../validation/idNumber';
import { ageGroups, ageOn, MINOR_BELOW } from '../rules/age';
import { defenderNotice, mandatoryDefenceHints, mandatoryDefenceReasons, type MandatoryDefenceReason } from '../rules/mandatoryDefence';
import { pleaLeniencyFindings, type PleaFinding } from '../rules/pleaLeniency';
import { article29Note } from '../rules/victimAid';
import {
  checkEligibility,
  checkNoMeansTest,
  householdIncomeSchema,
  type EligibilityResult,
  type MeansTestStandard,
  type NoMeansTestResult,
} from '../rules/meansTest';
import type { ConsultationDraft, ConsultationInput } from './schema';

/**
 * What a valid resident ID number (or a Hong Kong, Macao or Taiwan residence permit, which
 * has the same structure) tells the form, so the lawyer types it once: birth
 * date, gender and the age-based groups on the day of the contact. Null when the number
 * is not (yet) a valid ID number, so the form can call it on every keystroke.
 */
export function deriveFromIdNumber(
  idNumber: string,
  contactTime: Date | string,
  idType: string = RESIDENT_ID,
): { birthDate: string; gender: 'male' | 'female'; ageGroups: ('minor' | 'elderly')[] } | null {
  const day = calendarDayOf(contactTime);
  const r = checkIdByType(idType, idNumber, day);
  if (!r?.ok) return null;
  return { birthDate: r.birthDate, gender: r.gender, ageGroups: ageGroups(r.birthDate, day) };
}

/**
 * The special groups with those that follow from the facts put right: 未成年人 / 老年人
 * from the birth date on the day of the contact (added or removed), and 残疾人 added when
 * a disability is recorded. Groups the lawyer chose otherwise are kept, in order.
 */
export function deriveSpecialGroups(
  specialGroups: readonly string[],
  facts: { birthDate?: string | undefined; contactTime: Date | string; disabilities?: readonly string[] | undefined },
): string[] {
  const day = calendarDayOf(facts.contactTime);
  let groups = [...new Set(specialGroups)];
  if (facts.birthDate && compareYmd(facts.birthDate, day) <= 0) {
    const byAge = ageGroups(facts.birthDate, day);
    groups = groups.filter((g) => (g !== 'minor' && g !== 'elderly') || byAge.includes(g));
    for (const g of byAge) if (!groups.includes(g)) groups.push(g);
  }
  if ((facts.disabilities?.length ?? 0) > 0 && !groups.includes('disabled')) groups.push('disabled');
  return groups;
}

export interface ConsultationAssessment {
  /** Art. 25: reasons an appointed defence lawyer is mandatory (empty when none). */
  mandatoryDefence: MandatoryDefenceReason[];
  /** Art. 25 (五): what to do for a death-penalty review defendant who has not applied. */
  mandatoryDefenceHints: string[];
  /** Art. 25/36: the handling authority must notify the agency (duty-lawyer help only). */
  defenderNotice: { notified: boolean; text: string } | null;
  /** Art. 29: the victim's side of a criminal case. */
  article29: string | null;
  /** Plea leniency (CPL Arts. 173, 174, 176): refusals and warnings, at their fields. */
  plea: PleaFinding[];
  /** Art. 32/42. */
  noMeansTest: NoMeansTestResult;
  /** Art. 34, when household figures were given and no exemption applies. */
  eligibility?: EligibilityResult;
}

/** The flags a parsed consultation raises, for the form and the record sheet. */
export function assessConsultation(c: ConsultationInput, standard: MeansTestStandard, enums: Enumerations): ConsultationAssessment {
  return assessDraft(c, standard, enums);
}

/**
 * The same flags for a form being filled: any field may be missing, so the panel beside
 * the form can show them at every keystroke. Without a means-test standard (not set yet in
 * settings) no eligibility is computed.
 */
export function assessDraft(c: ConsultationDraft, standard: MeansTestStandard | undefined, enums: Enumerations): ConsultationAssessment {
  const on = c.time ?? new Date();
  const idType = c.idType ?? RESIDENT_ID;
  // The schema lets the birth date be left to the ID card.
  const birthDate = c.birthDate ?? (c.idNumber ? deriveFromIdNumber(c.idNumber, on, idType)?.birthDate : undefined);
  const known = birthDate && compareYmd(birthDate, calendarDayOf(on)) <= 0 ? birthDate : undefined;
  const facts = {
    clientRole: c.clientRole ?? '',
    caseType: c.caseType ?? '',
    birthDate: known,
    on,
    disabilities: c.disabilities ?? [],
    mayFaceLifeOrDeath: c.mayFaceLifeOrDeath ?? false,
    deathPenaltyReview: c.deathPenaltyReview ?? false,
    appliedForLegalAid: c.legalAidOutcome === 'applied' || c.legalAidOutcome === 'transferred',
    trialInAbsentia: c.trialInAbsentia ?? false,
    hasDefenceCounsel: c.hasDefenceCounsel ?? false,
  };
  const mandatoryDefence = mandatoryDefenceReasons(facts, enums);
  const notice = defenderNotice({
    reasons: mandatoryDefence,
    legalAidOutcome: c.legalAidOutcome ?? undefined,
    defenderNotified: c.defenderNotified ?? false,
    defenderNotifiedAt: c.defenderNotifiedAt ?? undefined,
  });
  const plea = pleaLeniencyFindings(
    {
      clientRole: facts.clientRole,
      caseType: facts.caseType,
      criminalStage: c.criminalStage ?? undefined,
      pleaLeniency: c.pleaLeniency ?? false,
      sentencingProposal: c.sentencingProposal ?? undefined,
      pledgeSigned: c.pledgeSigned ?? false,
      pledgeWitnessed: c.pledgeWitnessed ?? false,
      minorPleaObjection: c.minorPleaObjection ?? false,
      disabilities: facts.disabilities,
      minor: known !== undefined && ageOn(known, on) < MINOR_BELOW,
      mandatoryDefence,
      legalAidOutcome: c.legalAidOutcome ?? undefined,
    },
    enums,
  );
  const noMeansTest = checkNoMeansTest(
    {
      specialGroups: c.specialGroups ?? [],
      matters: c.aidMatters ?? [],
      noFixedIncome: c.noFixedIncome ?? false,
      otherGrounds: c.otherExemptions ?? [],
      proof: c.exemptionProof ?? undefined,
    },
    enums,
  );
  const result: ConsultationAssessment = {
    mandatoryDefence,
    mandatoryDefenceHints: mandatoryDefenceHints(facts, enums),
    defenderNotice: notice,
    article29: article29Note(facts.clientRole, facts.caseType, enums),
    plea,
    noMeansTest,
  };
  const household = householdIncomeSchema.safeParse({
    householdMonthlyIncome: c.householdMonthlyIncome,
    householdSize: c.householdSize,
  });
  if (!noMeansTest.exempt && standard && household.success) result.eligibility = checkEligibility(household.data, standard);
  return result;
}
