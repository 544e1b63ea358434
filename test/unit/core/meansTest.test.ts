import { describe, expect, it } from 'vitest';
import {
  checkEligibility,
  checkNoMeansTest,
  EXAMPLE_MEANS_TEST_STANDARD,
  meansTestStandardSchema,
} from '../../../core/rules/meansTest';
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
    expect(r.ruleText).toBe(
      '家庭人均月收入 1,234.00元，低于当地标准 2 × 低保线 750.00元 + 200.00元 = 1,700.00元，符合经济困难条件',
    );
    const family = checkEligibility({ householdMonthlyIncome: 3702, householdSize: 3 }, standard);
    expect(family.ruleText).toContain('家庭人均月收入 1,234.00元（3,702.00元 ÷ 3 人）');
  });

  it('rounds a fractional standard half up to the fen', () => {
    // 1.5 × 750.01 = 1,125.015 → 1,125.02; + 300.00 = 1,425.02.
    const r = checkEligibility(
      { householdMonthlyIncome: 1425.01, householdSize: 1 },
      { minimumLivingLine: 750.01, multiplier: 1.5, addition: 300 },
    );
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
    expect(checkNoMeansTest(none)).toEqual({ exempt: false, reasons: [], hints: [] });
  });

  it('exempts a migrant worker claiming wages or work-injury compensation (Art. 42(3))', () => {
    const r = checkNoMeansTest({ specialGroups: ['migrant_worker'], matters: ['unpaid_wages', 'work_injury'] });
    expect(r.exempt).toBe(true);
    expect(r.reasons).toHaveLength(1);
    expect(r.reasons[0]).toContain('第四十二条第（三）项');
    expect(r.reasons[0]).toContain('请求支付劳动报酬');
  });

  it('does not exempt a migrant worker for another matter, but says what would', () => {
    const r = checkNoMeansTest({ specialGroups: ['migrant_worker'], matters: ['support_maintenance'] });
    expect(r.exempt).toBe(false);
    expect(r.hints.join()).toContain('劳动报酬');
  });

  it('exempts victims of domestic violence, abuse or abandonment claiming related rights (Art. 32(4))', () => {
    const r = checkNoMeansTest({ specialGroups: ['domestic_violence_victim'], matters: ['abuse_violence_victim'] });
    expect(r).toMatchObject({ exempt: true, hints: [] });
    expect(r.reasons[0]).toContain('第三十二条第（四）项');
  });

  it('hints at the matter when only the domestic-violence group is ticked', () => {
    const r = checkNoMeansTest({ specialGroups: ['domestic_violence_victim'], matters: [] });
    expect(r.exempt).toBe(false);
    expect(r.hints[0]).toContain('家庭暴力');
  });

  it('exempts people acting bravely and close relatives of heroes and martyrs for those matters (Art. 32)', () => {
    expect(checkNoMeansTest({ specialGroups: [], matters: ['good_samaritan_rights'] }).reasons[0]).toContain('第三十二条第（二）项');
    expect(checkNoMeansTest({ specialGroups: [], matters: ['hero_martyr_personality'] }).reasons[0]).toContain('第三十二条第（一）项');
  });

  it('exempts recipients of social assistance on membership alone (Art. 42(2))', () => {
    const r = checkNoMeansTest({ specialGroups: ['social_assistance'], matters: ['labour_relation'] });
    expect(r.exempt).toBe(true);
    expect(r.reasons[0]).toContain('第四十二条第（二）项');
  });

  it('exempts minors, elderly and disabled people only without a fixed income (Art. 42(1))', () => {
    expect(checkNoMeansTest({ specialGroups: ['elderly'], matters: [] }).exempt).toBe(false);
    const r = checkNoMeansTest({ specialGroups: ['elderly', 'disabled'], matters: [], noFixedIncome: true });
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
    expect(checkNoMeansTest({ specialGroups: [], matters: ['rural_land'] }).exempt).toBe(false);
  });
});
