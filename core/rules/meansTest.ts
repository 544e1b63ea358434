import { z } from 'zod';
import { findEntry, labelOf, type Enumerations } from '../domain/enums';
import { formatYuanFen, isWholeFen, numberToFen } from '../money';

// ---------------------------------------------------------------------------
// No means test (Art. 32: matters not subject to the economic-hardship condition;
// Art. 42: applicants exempt from having it checked). Which matters and groups qualify
// is data in enums, so a province can add the "其他情形" its rules name.
//
// 《法律援助法》第三十二条: "有下列情形之一，当事人申请法律援助的，不受经济困难条件的限制：……
// （五）法律、法规、规章规定的其他情形。"
// 《法律援助法》第四十二条: "法律援助申请人有材料证明属于下列人员之一的，免予核查经济困难状况：
// （一）无固定生活来源的未成年人、老年人、残疾人等特定群体；（二）社会救助、司法救助或者优抚对象；
// （三）申请支付劳动报酬或者请求工伤事故人身损害赔偿的进城务工人员；（四）法律、法规、规章规定的
// 其他人员。"
//
// Art. 32 is about the matter and needs no proof of who the applicant is; Art. 42 exempts
// only an applicant who "有材料证明", so its grounds ask for the proof shown.
// ---------------------------------------------------------------------------

export interface NoMeansTestInput {
  /** Special-group codes. */
  specialGroups: readonly string[];
  /** Legal-aid matter codes (enums' legalAidMatters). */
  matters: readonly string[];
  /** The applicant has no fixed source of income (Art. 42(1)). */
  noFixedIncome?: boolean | undefined;
  /** Codes of enums' noMeansTestGrounds: the province's Art. 42 (四) / Art. 32 (五) grounds. */
  otherGrounds?: readonly string[] | undefined;
  /** The papers the applicant showed (Art. 42 "有材料证明"). */
  proof?: string | undefined;
}

export interface NoMeansTestResult {
  exempt: boolean;
  /** Chinese, each citing its article. */
  reasons: string[];
  /** What else to check when a ticked group alone does not exempt (Chinese). */
  hints: string[];
  /**
   * The exemption rests on Art. 42 alone and no proof is recorded: it holds only once the
   * applicant shows papers, so the form asks for them.
   */
  proofMissing: boolean;
}

const MIGRANT_WORKER = 'migrant_worker';

/** Groups whose exemption depends on the matter; a hint names the matter to tick. */
const MATTER_FOR_GROUP: Record<string, string> = {
  domestic_violence_victim: 'abuse_violence_victim',
  hero_martyr_relative: 'hero_martyr_personality',
  good_samaritan: 'good_samaritan_rights',
};

export function checkNoMeansTest(
  input: NoMeansTestInput,
  enums: Pick<Enumerations, 'specialGroups' | 'legalAidMatters' | 'noMeansTestGrounds'>,
): NoMeansTestResult {
  const reasons: string[] = [];
  const hints: string[] = [];
  const groups = new Set(input.specialGroups);
  const matters = new Set(input.matters);

  for (const code of matters) {
    const matter = findEntry(enums.legalAidMatters, code);
    if (matter?.noMeansTest) reasons.push(matter.noMeansTest);
  }
  const others = (input.otherGrounds ?? []).map((c) => findEntry(enums.noMeansTestGrounds, c)).filter((e) => e !== undefined);
  for (const ground of others.filter((g) => g.item === 'art32_5')) {
    reasons.push(`${ground.label}，不受经济困难条件限制（${ground.basis}；《法律援助法》第三十二条第（五）项）`);
  }
  // Everything above is Art. 32; what follows is Art. 42.
  const byMatter = reasons.length;
  for (const ground of others.filter((g) => g.item === 'art42_4')) {
    reasons.push(`${ground.label}，免予核查经济困难状况（${ground.basis}；《法律援助法》第四十二条第（四）项）`);
  }
  for (const code of groups) {
    const group = findEntry(enums.specialGroups, code);
    if (group?.noMeansTest) reasons.push(group.noMeansTest);
  }

  // Labels in list order, so the sentence reads the same whatever order boxes were ticked in.
  const fixedIncomeGroups = enums.specialGroups.filter((e) => e.noMeansTestWithoutFixedIncome && groups.has(e.code));
  if (fixedIncomeGroups.length > 0) {
    const labels = fixedIncomeGroups.map((e) => e.label).join('、');
    if (input.noFixedIncome) {
      reasons.push(`无固定生活来源的${labels}，免予核查经济困难状况（《法律援助法》第四十二条第（一）项）`);
    } else {
      hints.push(`${labels}如无固定生活来源，可免予核查经济困难状况（《法律援助法》第四十二条第（一）项）`);
    }
  }

  if (groups.has(MIGRANT_WORKER)) {
    const wageMatters = enums.legalAidMatters.filter((e) => e.noMeansTestForMigrantWorker && matters.has(e.code));
    if (wageMatters.length > 0) {
      const labels = wageMatters.map((e) => e.label).join('、');
      reasons.push(`进城务工人员${labels}，免予核查经济困难状况（《法律援助法》第四十二条第（三）项）`);
    } else {
      hints.push('农民工请求支付劳动报酬或者工伤事故人身损害赔偿的，免予核查经济困难状况（《法律援助法》第四十二条第（三）项）；请勾选相应事项');
    }
  }

  for (const [group, matter] of Object.entries(MATTER_FOR_GROUP)) {
    if (groups.has(group) && !matters.has(matter)) {
      hints.push(
        `已勾选“${labelOf(enums.specialGroups, group)}”：申请事项为“${labelOf(enums.legalAidMatters, matter)}”的，不受经济困难条件限制；请勾选相应事项`,
      );
    }
  }

  const proofMissing = byMatter === 0 && reasons.length > 0 && !input.proof?.trim();
  return { exempt: reasons.length > 0, reasons, hints, proofMissing };
}

// ---------------------------------------------------------------------------
// Means test (Art. 34): household income per person against the standard in force where
// the station is.
//
// 《法律援助法》第三十四条: "经济困难的标准，由省、自治区、直辖市人民政府根据本行政区域经济发展
// 状况和法律援助工作需要确定，并实行动态调整。"
// Provinces commonly state it as a multiple of the local minimum-living-security line, which
// each city sets, so the station enters the rule its province made and its city's line.
// ---------------------------------------------------------------------------

/** Yuan with at most two decimals, as a form gives it. */
const yuan = (what: string, max: number) =>
  z
    .number({ error: `${what}应为数字` })
    .refine(Number.isFinite, `${what}应为数字`)
    .refine((v) => isWholeFen(v), `${what}最多保留两位小数`)
    .refine((v) => v <= max, `${what}不能超过 ${formatYuanFen(numberToFen(max))}`);

/**
 * The standard as the province set it (Art. 34) for the station's city: income per person
 * per month must be below multiplier × the city's minimum-living-security line + addition.
 */
export const meansTestStandardSchema = z.object({
  minimumLivingLine: yuan('低保线', 100_000).refine((v) => v > 0, '低保线应大于 0'),
  multiplier: z
    .number({ error: '倍数应为数字' })
    .refine((v) => Number.isFinite(v) && v > 0, '倍数应大于 0')
    .refine((v) => isWholeFen(v), '倍数最多保留两位小数')
    .refine((v) => v <= 10, '倍数不能超过 10'),
  addition: yuan('附加金额', 100_000).refine((v) => v >= 0, '附加金额不能为负数'),
});

export type MeansTestStandard = z.output<typeof meansTestStandardSchema>;

/**
 * EXAMPLE ONLY, from one city in the seeds ("below 2 × the minimum-living line + 200
 * yuan"). Each province sets its rule and each city its line; the station supervisor
 * must enter them.
 */
export const EXAMPLE_MEANS_TEST_STANDARD: MeansTestStandard = Object.freeze({
  minimumLivingLine: 750,
  multiplier: 2,
  addition: 200,
});

export const householdIncomeSchema = z.object({
  householdMonthlyIncome: yuan('家庭月收入', 10_000_000).refine((v) => v >= 0, '家庭月收入不能为负数'),
  householdSize: z.number({ error: '家庭人口应为数字' }).int('家庭人口应为整数').min(1, '家庭人口至少为 1 人').max(50, '家庭人口不能超过 50 人'),
});

export type HouseholdIncome = z.output<typeof householdIncomeSchema>;

export interface EligibilityResult {
  eligible: boolean;
  /** Income per person in fen, rounded down (see below). */
  perCapitaFen: number;
  /** The standard in fen: multiplier × line rounded half up to the fen, plus the addition. */
  thresholdFen: number;
  /** Chinese, for the application form and the file. */
  ruleText: string;
}

/**
 * Income per person in whole fen, rounded down, as the means test shows it. Papers print
 * this figure (法律援助申请表, 诚信承诺书) so that they never read 1,700.00 for a household the
 * test found below a standard of 1,700.00 (5,099.99 ÷ 3 = 1,699.996…).
 */
export function perCapitaIncomeFen(householdMonthlyIncome: number, householdSize: number): number {
  return Math.floor(numberToFen(householdMonthlyIncome) / householdSize);
}

/**
 * Means test. "低于" (below) is strict: income per person exactly at the standard does not
 * qualify. Chinese statutory drafting spells out inclusion (以上、以下、不满、超过 per
 * Civil Code Art. 1259), and "低于" is read as "less than", as the seeds' city applies it.
 *
 * Money is computed in integer fen. The per-person income of a household is usually not
 * a whole fen (1,000.00 ÷ 3), so the comparison is exact, income < standard × persons,
 * and only the displayed figure is rounded — down, so that it can never show a sum at or
 * above the standard for a household that qualifies (the standard is a whole fen).
 */
export function checkEligibility(household: HouseholdIncome, standard: MeansTestStandard): EligibilityResult {
  const h = householdIncomeSchema.parse(household);
  const s = meansTestStandardSchema.parse(standard);
  const incomeFen = numberToFen(h.householdMonthlyIncome);
  const lineFen = numberToFen(s.minimumLivingLine);
  const multiplierHundredths = Math.round(s.multiplier * 100);
  const additionFen = numberToFen(s.addition);

  const thresholdFen = Math.floor((lineFen * multiplierHundredths + 50) / 100) + additionFen;
  const eligible = incomeFen < thresholdFen * h.householdSize;
  const perCapitaFen = perCapitaIncomeFen(h.householdMonthlyIncome, h.householdSize);

  const multiplier = (multiplierHundredths / 100).toString();
  const split = h.householdSize > 1 ? `（${formatYuanFen(incomeFen)} ÷ ${h.householdSize} 人）` : '';
  const ruleText =
    `家庭人均月收入 ${formatYuanFen(perCapitaFen)}${split}，${eligible ? '低于' : '不低于'}当地标准 ` +
    `${multiplier} × 低保线 ${formatYuanFen(lineFen)} + ${formatYuanFen(additionFen)} = ${formatYuanFen(thresholdFen)}，` +
    `${eligible ? '符合' : '不符合'}经济困难条件`;
  return { eligible, perCapitaFen, thresholdFen, ruleText };
}
