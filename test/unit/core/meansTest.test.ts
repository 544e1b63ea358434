import { describe, expect, it } from 'vitest';
import { checkEligibility, checkNoMeansTest, EXAMPLE_MEANS_TEST_STANDARD, meansTestStandardSchema } from '../../../core/rules/meansTest';
import { DEFAULT_ENUMERATIONS, mergeEnumerations } from '../../../core/domain/enums';

// The example standard: 2 × 750.00 + 200.00 = 1,700.00 yuan = 170,000 fen per person.
const standard = EXAMPLE_MEANS_TEST_STANDARD;

describe('checkEligibility', () => {
  it('does not qualify a household exactly at the standard ("低于" is strict)', () => {
    const r = checkEligibility({ householdMonthlyIncome: 1700, householdSize: 1 }, standard);
    expect(r).toMatchObject({ eligible: false, perCapitaFen: 170_000, thresholdFen: 170_000 });
    expect(r.ruleText).toContain('不低于');
  });

  it('qualifies a household one fen below the standard', () => {
    // 1699.99 × 100 is 169998.99999999997 in floating point: must still count as 169,999 fen.
    const r = checkEligibility({ householdMonthlyIncome: 1699.99, householdSize: 1 }, standard);
    expect(r).toMatchObject({ eligible: true, perCapitaFen: 169_999 });
  });

  it('does not qualify a household one fen above the standard', () => {
    expect(checkEligibility({ householdMonthlyIncome: 1700.01, householdSize: 1 }, standard).eligible).toBe(false);
  });

  it('compares exactly when the income does not divide evenly among the household', () => {
    // 3 persons: the line is 3 × 1,700.00 = 5,100.00 for the household.
    expect(checkEligibility({ householdMonthlyIncome: 5100, householdSize: 3 }, standard).eligible).toBe(false);
    // 5,099.99 / 3 = 1,699.9966…: below, shown rounded down as 1,699.99.
    const below = checkEligibility({ householdMonthlyIncome: 5099.99, householdSize: 3 }, standard);
    expect(below).toMatchObject({ eligible: true, perCapitaFen: 169_999 });
    // 5,100.01 / 3 = 1,700.0033…: not below, shown as 1,700.00.
    const above = checkEligibility({ householdMonthlyIncome: 5100.01, householdSize: 3 }, standard);
    expect(above).toMatchObject({ eligible: false, perCapitaFen: 170_000 });
  });

  it('explains the rule in Chinese with the figures used', () => {
    const r = checkEligibility({ householdMonthlyIncome: 1234, householdSize: 1 }, standard);
    expect(r.ruleText).toBe('家庭人均月收入 1,234.00元，低于当地标准 2 × 低保线 750.00元 + 200.00元 = 1,700.00元，符合经济困难条件');
    const family = checkEligibility({ householdMonthlyIncome: 3702, householdSize: 3 }, standard);
    expect(family.ruleText).toContain('家庭人均月收入 1,234.00元（3,702.00元 ÷ 3 人）');
  });

  it('rounds a fractional standard half up to the fen', () => {
    // 1.5 × 750.01 = 1,125.015 → 1,125.02; + 300.00 = 1,425.02.
    const r = checkEligibility({ householdMonthlyIncome: 1425.01, householdSize: 1 }, { minimumLivingLine: 750.01, multiplier: 1.5, addition: 300 });
    expect(r).toMatchObject({ eligible: true, thresholdFen: 142_502 });
    expect(r.ruleText).toContain('1.5 × 低保线 750.01元 + 300.00元 = 1,425.02元');
  });

  it('rejects a negative or fractional-fen income', () => {
    expect(() => checkEligibility({ householdMonthlyIncome: -1, householdSize: 1 }, standard)).toThrow();
    expect(() => checkEligibility({ householdMonthlyIncome: 100.001, householdSize: 1 }, standard)).toThrow();
    expect(() => checkEligibility({ householdMonthlyIncome: 100, householdSize: 0 }, standard)).toThrow();
  });
});

describe('meansTestStandardSchema', () => {
  it('accepts the example and rejects a zero line or a negative addition, in Chinese', () => {
    expect(meansTestStandardSchema.safeParse(standard).success).toBe(true);
    const r = meansTestStandardSchema.safeParse({ minimumLivingLine: 0, multiplier: 2, addition: -5 });
    expect(r.success).toBe(false);
    const messages = Object.fromEntries(r.error!.issues.map((i) => [i.path[0], i.message]));
    expect(messages.minimumLivingLine).toBe('低保线应大于 0');
    expect(messages.addition).toBe('附加金额不能为负数');
  });
});

describe('checkNoMeansTest (Art. 32, 42)', () => {
  const none = { specialGroups: [], matters: [] };

  it('requires the means test when nothing exempts', () => {
    expect(checkNoMeansTest(none, DEFAULT_ENUMERATIONS)).toEqual({ exempt: false, reasons: [], hints: [], proofMissing: false });
  });

  it('exempts a migrant worker claiming wages or work-injury compensation (Art. 42(3))', () => {
    const r = checkNoMeansTest({ specialGroups: ['migrant_worker'], matters: ['unpaid_wages', 'work_injury'] }, DEFAULT_ENUMERATIONS);
    expect(r.exempt).toBe(true);
    expect(r.reasons).toHaveLength(1);
    expect(r.reasons[0]).toContain('第四十二条第（三）项');
    expect(r.reasons[0]).toContain('请求支付劳动报酬');
  });

  it('does not exempt a migrant worker for another matter, but says what would', () => {
    const r = checkNoMeansTest({ specialGroups: ['migrant_worker'], matters: ['support_maintenance'] }, DEFAULT_ENUMERATIONS);
    expect(r.exempt).toBe(false);
    expect(r.hints.join()).toContain('劳动报酬');
  });

  it('exempts victims of domestic violence, abuse or abandonment claiming related rights (Art. 32(4))', () => {
    const r = checkNoMeansTest({ specialGroups: ['domestic_violence_victim'], matters: ['abuse_violence_victim'] }, DEFAULT_ENUMERATIONS);
    expect(r).toMatchObject({ exempt: true, hints: [] });
    expect(r.reasons[0]).toContain('第三十二条第（四）项');
  });

  it('hints at the matter when only the domestic-violence group is ticked', () => {
    const r = checkNoMeansTest({ specialGroups: ['domestic_violence_victim'], matters: [] }, DEFAULT_ENUMERATIONS);
    expect(r.exempt).toBe(false);
    expect(r.hints[0]).toContain('家庭暴力');
  });

  it('exempts people acting bravely and close relatives of heroes and martyrs for those matters (Art. 32)', () => {
    expect(checkNoMeansTest({ specialGroups: [], matters: ['good_samaritan_rights'] }, DEFAULT_ENUMERATIONS).reasons[0]).toContain('第三十二条第（二）项');
    expect(checkNoMeansTest({ specialGroups: [], matters: ['hero_martyr_personality'] }, DEFAULT_ENUMERATIONS).reasons[0]).toContain('第三十二条第（一）项');
  });

  it('exempts recipients of social assistance on membership alone (Art. 42(2))', () => {
    const r = checkNoMeansTest({ specialGroups: ['social_assistance'], matters: ['labour_relation'] }, DEFAULT_ENUMERATIONS);
    expect(r.exempt).toBe(true);
    expect(r.reasons[0]).toContain('第四十二条第（二）项');
  });

  it('exempts minors, elderly and disabled people only without a fixed income (Art. 42(1))', () => {
    expect(checkNoMeansTest({ specialGroups: ['elderly'], matters: [] }, DEFAULT_ENUMERATIONS).exempt).toBe(false);
    const r = checkNoMeansTest({ specialGroups: ['elderly', 'disabled'], matters: [], noFixedIncome: true }, DEFAULT_ENUMERATIONS);
    expect(r.exempt).toBe(true);
    expect(r.reasons[0]).toContain('无固定生活来源的残疾人、老年人');
    expect(r.reasons[0]).toContain('第四十二条第（一）项');
  });

  it('honours a matter a province added as exempt', () => {
    const enums = mergeEnumerations(DEFAULT_ENUMERATIONS, {
      legalAidMatters: [{ code: 'rural_land', label: '农村土地承包纠纷', noMeansTest: '本省规定：农村土地承包纠纷免予审查' }],
    });
    expect(checkNoMeansTest({ specialGroups: [], matters: ['rural_land'] }, enums)).toMatchObject({
      exempt: true,
      reasons: ['本省规定：农村土地承包纠纷免予审查'],
    });
    // Unknown to the built-in lists: no exemption invented.
    expect(checkNoMeansTest({ specialGroups: [], matters: ['rural_land'] }, DEFAULT_ENUMERATIONS).exempt).toBe(false);
  });

  it('exempts recipients of judicial aid and entitled groups (优抚对象) like social assistance (Art. 42(2))', () => {
    for (const group of ['judicial_aid', 'entitled_group']) {
      const r = checkNoMeansTest({ specialGroups: [group], matters: ['labour_relation'], proof: '证明' }, DEFAULT_ENUMERATIONS);
      expect(r.exempt, group).toBe(true);
      expect(r.reasons[0]).toContain('第四十二条第（二）项');
    }
  });

  it('asks for the proof shown when the exemption rests on Art. 42 alone ("有材料证明")', () => {
    const without = checkNoMeansTest({ specialGroups: ['judicial_aid'], matters: [] }, DEFAULT_ENUMERATIONS);
    expect(without).toMatchObject({ exempt: true, proofMissing: true });
    expect(checkNoMeansTest({ specialGroups: ['judicial_aid'], matters: [], proof: '  ' }, DEFAULT_ENUMERATIONS).proofMissing).toBe(true);
    expect(checkNoMeansTest({ specialGroups: ['judicial_aid'], matters: [], proof: '司法救助决定书' }, DEFAULT_ENUMERATIONS).proofMissing).toBe(false);
    // Art. 32 exempts by the matter: no proof of who the applicant is.
    expect(checkNoMeansTest({ specialGroups: ['judicial_aid'], matters: ['good_samaritan_rights'] }, DEFAULT_ENUMERATIONS).proofMissing).toBe(false);
  });

  it("honours the province's own Art. 42 (四) persons and Art. 32 (五) matters, each with the rule that names it", () => {
    const enums = mergeEnumerations(DEFAULT_ENUMERATIONS, {
      noMeansTestGrounds: [
        { code: 'sanitation_worker', label: '环卫工人', item: 'art42_4', basis: '《某省法律援助条例》第十八条' },
        { code: 'fraud_victim_elderly', label: '老年人遭受养老诈骗主张权益', item: 'art32_5', basis: '《某省法律援助办法》第九条' },
      ],
    });
    const person = checkNoMeansTest({ specialGroups: [], matters: [], otherGrounds: ['sanitation_worker'] }, enums);
    expect(person).toMatchObject({ exempt: true, proofMissing: true });
    expect(person.reasons[0]).toBe('环卫工人，免予核查经济困难状况（《某省法律援助条例》第十八条；《法律援助法》第四十二条第（四）项）');
    const matter = checkNoMeansTest({ specialGroups: [], matters: [], otherGrounds: ['fraud_victim_elderly'] }, enums);
    expect(matter).toMatchObject({ exempt: true, proofMissing: false });
    expect(matter.reasons[0]).toContain('《法律援助法》第三十二条第（五）项');
    // Without the setting, an unknown code exempts nobody.
    expect(checkNoMeansTest({ specialGroups: [], matters: [], otherGrounds: ['sanitation_worker'] }, DEFAULT_ENUMERATIONS).exempt).toBe(false);
  });
});
