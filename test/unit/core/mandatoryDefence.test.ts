import { describe, expect, it } from 'vitest';
import { mandatoryDefenceReasons, type MandatoryDefenceInput } from '../../../core/rules/mandatoryDefence';
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
    expect(mandatoryDefenceReasons(adultSuspect)).toEqual([]);
  });

  it('flags a minor suspect, with the age on the day of the contact and the article', () => {
    const reasons = mandatoryDefenceReasons({ ...adultSuspect, birthDate: '2010-01-15' });
    expect(reasons).toHaveLength(1);
    expect(reasons[0]!.code).toBe('minor');
    expect(reasons[0]!.text).toContain('16 周岁'); // 2026-11-23 minus 2010-01-15
    expect(reasons[0]!.text).toContain('第二十五条第一款第（一）项');
  });

  it('judges age on the day of the contact, not today', () => {
    // 18th birthday on 2026-06-01: a contact on 2026-05-31 concerned a minor.
    const input = { ...adultSuspect, birthDate: '2008-06-01' };
    expect(mandatoryDefenceReasons({ ...input, on: '2026-05-31T16:00:00+08:00' })[0]?.code).toBe('minor');
    expect(mandatoryDefenceReasons({ ...input, on: '2026-06-02T09:00:00+08:00' })).toEqual([]);
  });

  it('still flags the 18th birthday itself for checking, since criminal law counts from the next day', () => {
    const reasons = mandatoryDefenceReasons({ ...adultSuspect, birthDate: '2008-06-01', on: '2026-06-01' });
    expect(reasons).toHaveLength(1);
    expect(reasons[0]!.text).toContain('18 周岁生日');
  });

  it('flags visual, hearing and speech disabilities and inability to recognise one’s conduct, not a physical one', () => {
    const reasons = mandatoryDefenceReasons({
      ...adultSuspect,
      disabilities: ['visual', 'hearing', 'speech', 'cannot_fully_recognise_conduct', 'physical'],
    });
    expect(reasons.map((r) => r.code)).toEqual([
      'disability:visual',
      'disability:hearing',
      'disability:speech',
      'disability:cannot_fully_recognise_conduct',
    ]);
    expect(reasons[3]!.text).toContain('不能完全辨认自己行为');
    expect(reasons[0]!.text).toContain('第（二）项');
  });

  it('flags a defendant who may face life imprisonment or death', () => {
    const reasons = mandatoryDefenceReasons({ ...adultSuspect, clientRole: 'defendant', mayFaceLifeOrDeath: true });
    expect(reasons).toEqual([{ code: 'life_or_death', text: expect.stringContaining('无期徒刑、死刑') }]);
  });

  it('lists every reason that applies', () => {
    const reasons = mandatoryDefenceReasons({
      ...adultSuspect,
      birthDate: '2011-02-01',
      disabilities: ['hearing'],
      mayFaceLifeOrDeath: true,
    });
    expect(reasons.map((r) => r.code)).toEqual(['minor', 'disability:hearing', 'life_or_death']);
  });

  it('does not apply to a close relative, or to a party in a civil case', () => {
    const minorRelative = { ...adultSuspect, clientRole: 'close_relative', birthDate: '2012-01-01', disabilities: ['visual'] };
    expect(mandatoryDefenceReasons(minorRelative)).toEqual([]);
    expect(mandatoryDefenceReasons({ ...adultSuspect, caseType: 'civil', mayFaceLifeOrDeath: true })).toEqual([]);
  });

  it('uses a province’s added disability when it carries a mandatory-defence reason', () => {
    const enums = mergeEnumerations(DEFAULT_ENUMERATIONS, {
      disabilities: [{ code: 'deafblind', label: '盲聋', mandatoryDefence: '盲聋人（第二十五条）' }],
    });
    expect(mandatoryDefenceReasons({ ...adultSuspect, disabilities: ['deafblind'] }, enums)).toEqual([
      { code: 'disability:deafblind', text: '盲聋人（第二十五条）' },
    ]);
  });
});
