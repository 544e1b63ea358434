import { findEntry, type Enumerations } from '../domain/enums';
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
  /** 死刑复核案件 (Art. 25 (五)). */
  deathPenaltyReview?: boolean | undefined;
  /** The person has applied for legal aid (an application taken or transferred). */
  appliedForLegalAid?: boolean | undefined;
  /** 缺席审判案件 (Art. 25 (六); CPL Art. 293). */
  trialInAbsentia?: boolean | undefined;
  /** 已委托辩护人 (retained or appointed): Art. 25 then no longer applies. */
  hasDefenceCounsel?: boolean | undefined;
}

export interface MandatoryDefenceReason {
  code: 'minor' | 'life_or_death' | 'death_penalty_review' | 'trial_in_absentia' | `disability:${string}`;
  text: string;
}

const ITEM_1 = '《法律援助法》第二十五条第一款第（一）项';
/** The client role of a close relative, who may retain a defender for an absent defendant (CPL Art. 293). */
const CLOSE_RELATIVE = 'close_relative';

/**
 * Why the suspect or defendant in this contact must be given an appointed defence lawyer
 * (Art. 25 Legal Aid Law), not only duty-lawyer help. Empty when none applies, and for
 * anyone who is not the accused in a criminal case (a relative's age or disability does
 * not trigger Art. 25).
 *
 * 《法律援助法》第二十五条第一款: "刑事案件的犯罪嫌疑人、被告人属于下列人员之一，没有委托辩护人的，
 * 人民法院、人民检察院、公安机关应当通知法律援助机构指派律师担任辩护人：（一）未成年人；
 * （二）视力、听力、言语残疾人；（三）不能完全辨认自己行为的成年人；（四）可能被判处无期徒刑、
 * 死刑的人；（五）申请法律援助的死刑复核案件被告人；（六）缺席审判案件的被告人；（七）法律法规
 * 规定的其他人员。"
 *
 * "没有委托辩护人的": nothing applies once a defender is in place. In a trial in absentia
 * the defendant is abroad or cannot appear, so the person at the desk is a close relative,
 * whom CPL Art. 293 lets retain a defender: "被告人及其近亲属没有委托辩护人的，人民法院应当
 * 通知法律援助机构指派律师为其提供辩护"; item (六) is raised for that relative too.
 */
export function mandatoryDefenceReasons(
  input: MandatoryDefenceInput,
  enums: Pick<Enumerations, 'clientRoles' | 'caseTypes' | 'disabilities'>,
): MandatoryDefenceReason[] {
  const role = findEntry(enums.clientRoles, input.clientRole);
  const caseType = findEntry(enums.caseTypes, input.caseType);
  if (caseType?.scope !== 'criminal' || input.hasDefenceCounsel) return [];
  if (!role?.accused) {
    return input.trialInAbsentia && input.clientRole === CLOSE_RELATIVE ? [TRIAL_IN_ABSENTIA_FOR_RELATIVE] : [];
  }

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
  if (input.deathPenaltyReview && input.appliedForLegalAid) {
    reasons.push({
      code: 'death_penalty_review',
      text: '申请法律援助的死刑复核案件被告人（《法律援助法》第二十五条第一款第（五）项）',
    });
  }
  if (input.trialInAbsentia) {
    reasons.push({
      code: 'trial_in_absentia',
      text: '缺席审判案件的被告人（《法律援助法》第二十五条第一款第（六）项；《刑事诉讼法》第二百九十三条）',
    });
  }
  return reasons;
}

const TRIAL_IN_ABSENTIA_FOR_RELATIVE: MandatoryDefenceReason = {
  code: 'trial_in_absentia',
  text: '缺席审判案件的被告人，其本人及近亲属均没有委托辩护人（《法律援助法》第二十五条第一款第（六）项；《刑事诉讼法》第二百九十三条）',
};

/**
 * What the lawyer should still do for a defendant in a death-penalty review who has not
 * applied: item (五) covers only "申请法律援助的" defendants, so the appointment follows
 * an application the duty lawyer can help make (Art. 30; 2020 Measures Art. 6 (五)).
 */
export function mandatoryDefenceHints(input: MandatoryDefenceInput, enums: Pick<Enumerations, 'clientRoles' | 'caseTypes'>): string[] {
  const role = findEntry(enums.clientRoles, input.clientRole);
  const caseType = findEntry(enums.caseTypes, input.caseType);
  if (caseType?.scope !== 'criminal' || !role?.accused || input.hasDefenceCounsel) return [];
  if (input.deathPenaltyReview && !input.appliedForLegalAid) {
    return ['死刑复核案件被告人申请法律援助的，应当通知法律援助机构指派律师担任辩护人（《法律援助法》第二十五条第一款第（五）项）：可帮助其申请法律援助'];
  }
  return [];
}

export interface DefenderNoticeInput {
  reasons: readonly MandatoryDefenceReason[];
  /** Code of enums' legalAidOutcomes. */
  legalAidOutcome?: string | undefined;
  defenderNotified?: boolean | undefined;
  /** RFC 3339. */
  defenderNotifiedAt?: string | undefined;
}

/** Outcomes that put the matter before the legal-aid agency: more than duty-lawyer help. */
const BEFORE_THE_AGENCY = new Set(['applied', 'transferred']);

/**
 * What the record must say when Art. 25 applies but the contact logs duty-lawyer help
 * only (no application taken or transferred): a duty lawyer's help does not replace the
 * defender the authority must have appointed.
 *
 * 《法律援助法》第三十六条: "人民法院、人民检察院、公安机关办理刑事案件，发现有本法第二十五条
 * 第一款、第二十八条规定情形的，应当在三日内通知法律援助机构指派律师。"
 *
 * Null when nothing is due: no Art. 25 reason, or the matter already went to the agency.
 */
export function defenderNotice(input: DefenderNoticeInput): { notified: boolean; text: string } | null {
  if (input.reasons.length === 0 || BEFORE_THE_AGENCY.has(input.legalAidOutcome ?? '')) return null;
  if (input.defenderNotified) {
    const at = input.defenderNotifiedAt ? `（${input.defenderNotifiedAt.slice(0, 16).replace('T', ' ')}）` : '';
    return { notified: true, text: `办案机关已通知法律援助机构指派律师担任辩护人${at}` };
  }
  return {
    notified: false,
    text:
      '本次仅登记值班律师法律帮助：办案机关应当在三日内通知法律援助机构指派律师担任辩护人' +
      '（《法律援助法》第二十五条第一款、第三十六条）。请记录办案机关是否已通知及通知时间',
  };
}
