import { DEFAULT_ENUMERATIONS, findEntry, type Enumerations } from '../domain/enums';
import { ageOn, isBirthday, MINOR_BELOW } from './age';

export interface MandatoryDefenceInput {
  clientRole: string;
  caseType: string;
  /** 'YYYY-MM-DD', when known. */
  birthDate?: string | undefined;
  /** The day of the contact: age is judged then, not today. */
  on: Date | string;
  /** Disability codes (enums' disabilities). */
  disabilities?: readonly string[] | undefined;
  mayFaceLifeOrDeath?: boolean | undefined;
}

export interface MandatoryDefenceReason {
  code: 'minor' | 'life_or_death' | `disability:${string}`;
  text: string;
}

const ITEM_1 = '《法律援助法》第二十五条第一款第（一）项';

/**
 * Why the suspect or defendant in this contact must be given an appointed defence lawyer
 * (Art. 25 Legal Aid Law), not only duty-lawyer help. Empty when none applies, and for
 * anyone who is not the accused in a criminal case (a relative's age or disability does
 * not trigger Art. 25).
 */
export function mandatoryDefenceReasons(
  input: MandatoryDefenceInput,
  enums: Pick<Enumerations, 'clientRoles' | 'caseTypes' | 'disabilities'> = DEFAULT_ENUMERATIONS,
): MandatoryDefenceReason[] {
  const role = findEntry(enums.clientRoles, input.clientRole);
  const caseType = findEntry(enums.caseTypes, input.caseType);
  if (!role?.accused || caseType?.scope !== 'criminal') return [];

  const reasons: MandatoryDefenceReason[] = [];
  if (input.birthDate) {
    const age = ageOn(input.birthDate, input.on);
    if (age >= 0 && age < MINOR_BELOW) {
      reasons.push({ code: 'minor', text: `未成年人（接待时 ${age} 周岁，${ITEM_1}）` });
    } else if (age === MINOR_BELOW && isBirthday(input.birthDate, input.on)) {
      // Criminal law counts 周岁 from the day after the birthday (SPC interpretation
      // 法释〔2006〕1号 Art. 2), so on the 18th birthday itself the person may still be
      // treated as a minor; flag it for the lawyer to check rather than miss a right.
      reasons.push({
        code: 'minor',
        text: `接待当日是其 18 周岁生日：刑事案件中“周岁”自生日的第二天起算，当日仍可能属于未成年人，请核实（${ITEM_1}）`,
      });
    }
  }
  for (const code of input.disabilities ?? []) {
    const entry = findEntry(enums.disabilities, code);
    if (entry?.mandatoryDefence) reasons.push({ code: `disability:${code}`, text: entry.mandatoryDefence });
  }
  if (input.mayFaceLifeOrDeath) {
    reasons.push({
      code: 'life_or_death',
      text: '可能被判处无期徒刑、死刑的人（《法律援助法》第二十五条第一款第（四）项）',
    });
  }
  return reasons;
}
