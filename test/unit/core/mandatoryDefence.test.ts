import { describe, expect, it } from 'vitest';
import { defenderNotice, mandatoryDefenceHints, mandatoryDefenceReasons, type MandatoryDefenceInput } from '../../../core/rules/mandatoryDefence';
import { DEFAULT_ENUMERATIONS, mergeEnumerations } from '../../../core/domain/enums';

const adultSuspect: MandatoryDefenceInput = {
  clientRole: 'suspect',
  caseType: 'criminal',
  birthDate: '1990-03-07',
  on: '2026-11-23T10:00:00+08:00',
  disabilities: [],
  mayFaceLifeOrDeath: false,
};

describe('mandatoryDefenceReasons (Art. 25)', () => {
  it('gives no reason for an adult suspect without disability or a life sentence at stake', () => {
    expect(mandatoryDefenceReasons(adultSuspect, DEFAULT_ENUMERATIONS)).toEqual([]);
  });

  it('flags a minor suspect, with the age on the day of the contact and the article', () => {
    const reasons = mandatoryDefenceReasons({ ...adultSuspect, birthDate: '2010-01-15' }, DEFAULT_ENUMERATIONS);
    expect(reasons).toHaveLength(1);
    expect(reasons[0]!.code).toBe('minor');
    expect(reasons[0]!.text).toContain('16 周岁'); // 2026-11-23 minus 2010-01-15
    expect(reasons[0]!.text).toContain('第二十五条第一款第（一）项');
  });

  it('judges age on the day of the contact, not today', () => {
    // 18th birthday on 2026-06-01: a contact on 2026-05-31 concerned a minor.
    const input = { ...adultSuspect, birthDate: '2008-06-01' };
    expect(mandatoryDefenceReasons({ ...input, on: '2026-05-31T16:00:00+08:00' }, DEFAULT_ENUMERATIONS)[0]?.code).toBe('minor');
    expect(mandatoryDefenceReasons({ ...input, on: '2026-06-02T09:00:00+08:00' }, DEFAULT_ENUMERATIONS)).toEqual([]);
  });

  it('still flags the 18th birthday itself for checking, since criminal law counts from the next day', () => {
    const reasons = mandatoryDefenceReasons({ ...adultSuspect, birthDate: '2008-06-01', on: '2026-06-01' }, DEFAULT_ENUMERATIONS);
    expect(reasons).toHaveLength(1);
    expect(reasons[0]!.text).toContain('18 周岁生日');
  });

  it('flags visual, hearing and speech disabilities and inability to recognise one’s conduct, not a physical one', () => {
    const reasons = mandatoryDefenceReasons(
      {
        ...adultSuspect,
        disabilities: ['visual', 'hearing', 'speech', 'cannot_fully_recognise_conduct', 'physical'],
      },
      DEFAULT_ENUMERATIONS,
    );
    expect(reasons.map((r) => r.code)).toEqual(['disability:visual', 'disability:hearing', 'disability:speech', 'disability:cannot_fully_recognise_conduct']);
    expect(reasons[3]!.text).toContain('不能完全辨认自己行为');
    expect(reasons[0]!.text).toContain('第（二）项');
  });

  it('flags a defendant who may face life imprisonment or death', () => {
    const reasons = mandatoryDefenceReasons({ ...adultSuspect, clientRole: 'defendant', mayFaceLifeOrDeath: true }, DEFAULT_ENUMERATIONS);
    expect(reasons).toEqual([{ code: 'life_or_death', text: expect.stringContaining('无期徒刑、死刑') }]);
  });

  it('lists every reason that applies', () => {
    const reasons = mandatoryDefenceReasons(
      {
        ...adultSuspect,
        birthDate: '2011-02-01',
        disabilities: ['hearing'],
        mayFaceLifeOrDeath: true,
      },
      DEFAULT_ENUMERATIONS,
    );
    expect(reasons.map((r) => r.code)).toEqual(['minor', 'disability:hearing', 'life_or_death']);
  });

  it('does not apply to a close relative, or to a party in a civil case', () => {
    const minorRelative = { ...adultSuspect, clientRole: 'close_relative', birthDate: '2012-01-01', disabilities: ['visual'] };
    expect(mandatoryDefenceReasons(minorRelative, DEFAULT_ENUMERATIONS)).toEqual([]);
    expect(mandatoryDefenceReasons({ ...adultSuspect, caseType: 'civil', mayFaceLifeOrDeath: true }, DEFAULT_ENUMERATIONS)).toEqual([]);
  });

  it('uses a province’s added disability when it carries a mandatory-defence reason', () => {
    const enums = mergeEnumerations(DEFAULT_ENUMERATIONS, {
      disabilities: [{ code: 'deafblind', label: '盲聋', mandatoryDefence: '盲聋人（第二十五条）' }],
    });
    expect(mandatoryDefenceReasons({ ...adultSuspect, disabilities: ['deafblind'] }, enums)).toEqual([
      { code: 'disability:deafblind', text: '盲聋人（第二十五条）' },
    ]);
  });

  it('flags a defendant in a death-penalty review only once he applies for legal aid (item 五)', () => {
    const review = { ...adultSuspect, clientRole: 'defendant', deathPenaltyReview: true };
    expect(mandatoryDefenceReasons(review, DEFAULT_ENUMERATIONS)).toEqual([]);
    expect(mandatoryDefenceHints(review, DEFAULT_ENUMERATIONS)[0]).toContain('第二十五条第一款第（五）项');
    const applied = { ...review, appliedForLegalAid: true };
    expect(mandatoryDefenceReasons(applied, DEFAULT_ENUMERATIONS)).toEqual([
      { code: 'death_penalty_review', text: expect.stringContaining('申请法律援助的死刑复核案件被告人') },
    ]);
    expect(mandatoryDefenceHints(applied, DEFAULT_ENUMERATIONS)).toEqual([]);
  });

  it('flags a defendant tried in absentia (item 六), and his close relative who comes to the desk (CPL Art. 293)', () => {
    const absentia = { ...adultSuspect, clientRole: 'defendant', trialInAbsentia: true };
    expect(mandatoryDefenceReasons(absentia, DEFAULT_ENUMERATIONS).map((r) => r.code)).toEqual(['trial_in_absentia']);
    expect(mandatoryDefenceReasons(absentia, DEFAULT_ENUMERATIONS)[0]!.text).toContain('第二十五条第一款第（六）项');
    const relative = mandatoryDefenceReasons({ ...absentia, clientRole: 'close_relative', birthDate: '2012-01-01' }, DEFAULT_ENUMERATIONS);
    // The relative's own age is not the defendant's: only item (六) is raised.
    expect(relative.map((r) => r.code)).toEqual(['trial_in_absentia']);
    expect(mandatoryDefenceReasons({ ...absentia, clientRole: 'victim' }, DEFAULT_ENUMERATIONS)).toEqual([]);
  });

  it('applies only to a person without defence counsel ("没有委托辩护人的")', () => {
    const minor = { ...adultSuspect, birthDate: '2011-02-01', mayFaceLifeOrDeath: true, trialInAbsentia: true };
    expect(mandatoryDefenceReasons(minor, DEFAULT_ENUMERATIONS)).toHaveLength(3);
    expect(mandatoryDefenceReasons({ ...minor, hasDefenceCounsel: true }, DEFAULT_ENUMERATIONS)).toEqual([]);
    expect(mandatoryDefenceReasons({ ...minor, clientRole: 'close_relative', hasDefenceCounsel: true }, DEFAULT_ENUMERATIONS)).toEqual([]);
  });

  it('does not apply to a victim, a private prosecutor or an incidental civil plaintiff, whatever their age', () => {
    for (const clientRole of ['victim', 'private_prosecutor', 'civil_plaintiff_incidental', 'legal_representative']) {
      expect(mandatoryDefenceReasons({ ...adultSuspect, clientRole, birthDate: '2012-01-01', disabilities: ['visual'] }, DEFAULT_ENUMERATIONS)).toEqual([]);
    }
  });
});

describe('defenderNotice (Art. 25, 36)', () => {
  const reasons = mandatoryDefenceReasons({ ...adultSuspect, birthDate: '2011-02-01' }, DEFAULT_ENUMERATIONS);

  it('says the handling authority must notify the agency when only duty-lawyer help is logged', () => {
    for (const legalAidOutcome of ['not_needed', 'refused', undefined]) {
      const n = defenderNotice({ reasons, legalAidOutcome });
      expect(n).toMatchObject({ notified: false });
      expect(n!.text).toContain('办案机关应当在三日内通知法律援助机构指派律师担任辩护人');
      expect(n!.text).toContain('第三十六条');
    }
  });

  it('says nothing once the matter is before the agency, or when Art. 25 does not apply', () => {
    expect(defenderNotice({ reasons, legalAidOutcome: 'applied' })).toBeNull();
    expect(defenderNotice({ reasons, legalAidOutcome: 'transferred' })).toBeNull();
    expect(defenderNotice({ reasons: [], legalAidOutcome: 'not_needed' })).toBeNull();
  });

  it('records that the authority notified, and when', () => {
    const n = defenderNotice({ reasons, legalAidOutcome: 'not_needed', defenderNotified: true, defenderNotifiedAt: '2026-11-23T15:20:00+08:00' });
    expect(n).toEqual({ notified: true, text: '办案机关已通知法律援助机构指派律师担任辩护人（2026-11-23 15:20）' });
  });
});
