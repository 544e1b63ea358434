import { RESIDENT_ID, type Enumerations } from '../domain/enums';
import { calendarDayOf, compareYmd } from '../domain/calendar';
import { checkIdNumber } from '../validation/idNumber';
import { ageGroups } from '../rules/age';
import { mandatoryDefenceReasons, type MandatoryDefenceReason } from '../rules/mandatoryDefence';
import {
  checkEligibility,
  checkNoMeansTest,
  type EligibilityResult,
  type MeansTestStandard,
  type NoMeansTestResult,
} from '../rules/meansTest';
import type { ConsultationInput } from './schema';

/**
 * What a valid resident ID number tells the form, so the lawyer types it once: birth
 * date, gender and the age-based groups on the day of the contact. Null when the number
 * is not (yet) a valid ID number, so the form can call it on every keystroke.
 */
export function deriveFromIdNumber(
  idNumber: string,
  contactTime: Date | string,
): { birthDate: string; gender: 'male' | 'female'; ageGroups: ('minor' | 'elderly')[] } | null {
  const day = calendarDayOf(contactTime);
  const r = checkIdNumber(idNumber, day);
  if (!r.ok) return null;
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
  /** Art. 32/42. */
  noMeansTest: NoMeansTestResult;
  /** Art. 34, when household figures were given and no exemption applies. */
  eligibility?: EligibilityResult;
}

/** The flags a parsed consultation raises, for the form and the record sheet. */
export function assessConsultation(
  c: ConsultationInput,
  standard: MeansTestStandard,
  enums: Enumerations,
): ConsultationAssessment {
  const mandatoryDefence = mandatoryDefenceReasons(
    {
      clientRole: c.clientRole,
      caseType: c.caseType,
      // The schema lets the birth date be left to the ID card.
      birthDate:
        c.birthDate ??
        (c.idType === RESIDENT_ID && c.idNumber ? deriveFromIdNumber(c.idNumber, c.time)?.birthDate : undefined),
      on: c.time,
      disabilities: c.disabilities,
      mayFaceLifeOrDeath: c.mayFaceLifeOrDeath,
    },
    enums,
  );
  const noMeansTest = checkNoMeansTest(
    { specialGroups: c.specialGroups, matters: c.aidMatters, noFixedIncome: c.noFixedIncome },
    enums,
  );
  const result: ConsultationAssessment = { mandatoryDefence, noMeansTest };
  if (!noMeansTest.exempt && c.householdMonthlyIncome !== undefined && c.householdSize !== undefined) {
    result.eligibility = checkEligibility(
      { householdMonthlyIncome: c.householdMonthlyIncome, householdSize: c.householdSize },
      standard,
    );
  }
  return result;
}
