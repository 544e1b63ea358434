import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ENUMERATIONS,
  enumerationExtensionsSchema,
  helpTypeFitsCase,
  labelOf,
  mergeEnumerations,
  type EnumerationName,
} from '../../../core/domain/enums';

const names = Object.keys(DEFAULT_ENUMERATIONS) as EnumerationName[];

describe('built-in enumerations', () => {
  it('use unique ASCII snake_case codes and Chinese labels in every list', () => {
    for (const name of names) {
      const list = DEFAULT_ENUMERATIONS[name];
      // The province's own Art. 32 (五) / 42 (四) grounds: none is built in.
      if (name !== 'noMeansTestGrounds') expect(list.length, name).toBeGreaterThan(0);
      const codes = list.map((e) => e.code);
      expect(new Set(codes).size, `${name} has duplicate codes`).toBe(codes.length);
      for (const e of list) {
        expect(e.code, name).toMatch(/^[a-z][a-z0-9_]*$/);
        expect(e.label, `${name}.${e.code}`).toMatch(/\p{Script=Han}/u);
      }
    }
  });

  it('list the 56 ethnic groups with Han first, then 其他 and 外国血统', () => {
    const groups = DEFAULT_ENUMERATIONS.ethnicGroups;
    expect(groups).toHaveLength(58);
    expect(groups[0]).toMatchObject({ code: 'han', label: '汉族', gbCode: '01' });
    expect(groups.filter((g) => Number(g.gbCode) <= 56)).toHaveLength(56);
    expect(new Set(groups.map((g) => g.label)).size).toBe(58);
    expect(groups.map((g) => g.label)).toEqual(expect.arrayContaining(['维吾尔族', '基诺族', '其他', '外国血统']));
  });

  it('include the plea-leniency duties as criminal help types', () => {
    const plea = DEFAULT_ENUMERATIONS.helpTypes.filter((h) => h.pleaLeniency);
    expect(plea.map((h) => h.label)).toEqual(
      expect.arrayContaining(['释明认罪认罚的性质和法律规定', '对罪名、量刑建议、程序适用提出意见', '认罪认罚具结书签署在场']),
    );
    expect(plea.every((h) => h.scope === 'criminal')).toBe(true);
    for (const label of ['会见', '阅卷']) {
      expect(DEFAULT_ENUMERATIONS.helpTypes.find((h) => h.label === label)?.scope).toBe('criminal');
    }
  });

  it('let consultation fit every case type but meetings only criminal cases', () => {
    const help = (label: string) => DEFAULT_ENUMERATIONS.helpTypes.find((h) => h.label === label)!;
    const caseType = (label: string) => DEFAULT_ENUMERATIONS.caseTypes.find((c) => c.label === label)!;
    for (const c of DEFAULT_ENUMERATIONS.caseTypes) expect(helpTypeFitsCase(help('法律咨询'), c)).toBe(true);
    expect(helpTypeFitsCase(help('会见'), caseType('刑事'))).toBe(true);
    expect(helpTypeFitsCase(help('会见'), caseType('民事'))).toBe(false);
    expect(helpTypeFitsCase(help('代写法律文书'), caseType('行政'))).toBe(true);
    expect(helpTypeFitsCase(help('代写法律文书'), caseType('刑事'))).toBe(false);
  });

  it('require a reason only for a refusal', () => {
    const outcomes = DEFAULT_ENUMERATIONS.legalAidOutcomes;
    expect(outcomes.filter((o) => o.requiresReason).map((o) => o.code)).toEqual(['refused']);
    expect(outcomes.map((o) => o.code)).toEqual(['not_needed', 'applied', 'transferred', 'refused']);
  });

  it('cannot be changed in place', () => {
    expect(() => {
      (DEFAULT_ENUMERATIONS.genders as { code: string; label: string }[]).push({ code: 'x', label: 'x' });
    }).toThrow();
    expect(() => {
      (DEFAULT_ENUMERATIONS.genders[0] as { label: string }).label = '改';
    }).toThrow();
  });
});

describe('mergeEnumerations', () => {
  it('adds a province’s new entries after the built-in ones', () => {
    const merged = mergeEnumerations(DEFAULT_ENUMERATIONS, {
      specialGroups: [{ code: 'preferential_care', label: '优抚对象', noMeansTest: '优抚对象（第四十二条第（二）项）' }],
      helpTypes: [{ code: 'petition_guidance', label: '涉法涉诉信访引导', scope: 'any' }],
    });
    expect(merged.specialGroups.at(-1)).toMatchObject({ code: 'preferential_care', label: '优抚对象' });
    expect(merged.specialGroups).toHaveLength(DEFAULT_ENUMERATIONS.specialGroups.length + 1);
    expect(labelOf(merged.helpTypes, 'petition_guidance')).toBe('涉法涉诉信访引导');
    // Lists without extensions are unchanged.
    expect(merged.genders).toEqual(DEFAULT_ENUMERATIONS.genders);
  });

  it('cannot relabel or duplicate a built-in code', () => {
    const merged = mergeEnumerations(DEFAULT_ENUMERATIONS, {
      genders: [{ code: 'male', label: '男性（改）' }],
    });
    expect(labelOf(merged.genders, 'male')).toBe('男');
    expect(merged.genders.filter((g) => g.code === 'male')).toHaveLength(1);
  });

  it('keeps the first of duplicate extension entries', () => {
    const merged = mergeEnumerations(DEFAULT_ENUMERATIONS, {
      consultationPlaces: [
        { code: 'township_station', label: '乡镇法律服务站' },
        { code: 'township_station', label: '司法所' },
      ],
    });
    expect(merged.consultationPlaces.filter((p) => p.code === 'township_station')).toEqual([{ code: 'township_station', label: '乡镇法律服务站' }]);
  });

  it('leaves the base lists untouched', () => {
    const before = DEFAULT_ENUMERATIONS.caseTypes.length;
    mergeEnumerations(DEFAULT_ENUMERATIONS, { caseTypes: [{ code: 'arbitration', label: '仲裁', scope: 'civil' }] });
    expect(DEFAULT_ENUMERATIONS.caseTypes).toHaveLength(before);
  });
});

describe('labelOf', () => {
  it('returns the label, or the code itself when unknown', () => {
    expect(labelOf(DEFAULT_ENUMERATIONS.criminalStages, 'prosecution_review')).toBe('审查起诉');
    expect(labelOf(DEFAULT_ENUMERATIONS.criminalStages, 'from_another_province')).toBe('from_another_province');
  });
});

describe('enumerationExtensionsSchema', () => {
  it('accepts well-formed extensions', () => {
    const r = enumerationExtensionsSchema.safeParse({ mediationTypes: [{ code: 'admin_mediation', label: '行政调解' }] });
    expect(r.success).toBe(true);
  });

  it('rejects a code that is not snake_case ASCII and a missing scope, in Chinese', () => {
    const r = enumerationExtensionsSchema.safeParse({
      mediationTypes: [{ code: '行政调解', label: '行政调解' }],
      helpTypes: [{ code: 'x_help', label: '某帮助' }],
    });
    expect(r.success).toBe(false);
    const issues = r.error!.issues;
    expect(issues.find((i) => i.path.join('.') === 'mediationTypes.0.code')?.message).toContain('小写字母');
    expect(issues.find((i) => i.path.join('.') === 'helpTypes.0.scope')?.message).toMatch(/\p{Script=Han}/u);
  });
});
