import { DEFAULT_ENUMERATIONS } from '../../../core/domain/enums';
import { describe, expect, it } from 'vitest';
import { pleaLeniencyFindings, type PleaLeniencyInput } from '../../../core/rules/pleaLeniency';
import { mandatoryDefenceReasons } from '../../../core/rules/mandatoryDefence';
import { article29Note } from '../../../core/rules/victimAid';

const review: PleaLeniencyInput = {
  clientRole: 'suspect',
  caseType: 'criminal',
  criminalStage: 'prosecution_review',
  pleaLeniency: true,
  sentencingProposal: '有期徒刑八个月，适用缓刑',
  pledgeSigned: true,
  pledgeWitnessed: true,
  disabilities: [],
  minor: false,
  mandatoryDefence: [],
  legalAidOutcome: 'not_needed',
};
const at = (input: PleaLeniencyInput, level: 'error' | 'warning') =>
  pleaLeniencyFindings(input, DEFAULT_ENUMERATIONS)
    .filter((f) => f.level === level)
    .map((f) => f.field);

describe('pleaLeniencyFindings (CPL Arts. 173, 174, 176)', () => {
  it('accepts a statement signed at prosecution review with the duty lawyer present', () => {
    expect(pleaLeniencyFindings(review, DEFAULT_ENUMERATIONS)).toEqual([]);
  });

  it('refuses a plea statement and a sentencing proposal at the investigation stage', () => {
    const f = pleaLeniencyFindings({ ...review, criminalStage: 'investigation' }, DEFAULT_ENUMERATIONS);
    expect(f.map((x) => [x.field, x.level])).toEqual([
      ['sentencingProposal', 'error'],
      ['pledgeSigned', 'error'],
    ]);
    expect(f[1]!.message).toContain('侦查阶段不签署认罪认罚具结书');
    expect(f[1]!.message).toContain('第一百七十四条');
    // Admitting guilt at investigation is recorded without either.
    expect(
      pleaLeniencyFindings(
        { ...review, criminalStage: 'investigation', sentencingProposal: undefined, pledgeSigned: false, pledgeWitnessed: false },
        DEFAULT_ENUMERATIONS,
      ),
    ).toEqual([]);
  });

  it('warns, without refusing, when a blind, deaf or mute suspect or one not fully able to recognise his conduct signs', () => {
    for (const code of ['visual', 'hearing', 'speech', 'cannot_fully_recognise_conduct']) {
      const f = pleaLeniencyFindings({ ...review, disabilities: [code] }, DEFAULT_ENUMERATIONS);
      expect(f, code).toHaveLength(1);
      expect(f[0]).toMatchObject({ field: 'pledgeSigned', level: 'warning' });
      expect(f[0]!.message).toContain('第一百七十四条第二款第（一）项');
    }
    expect(pleaLeniencyFindings({ ...review, disabilities: ['physical'] }, DEFAULT_ENUMERATIONS)).toEqual([]);
    // One warning for blind and deaf together: the same clause.
    expect(pleaLeniencyFindings({ ...review, disabilities: ['visual', 'hearing'] }, DEFAULT_ENUMERATIONS)).toHaveLength(1);
  });

  it('refuses the statement of a minor whose legal representative or defender objects', () => {
    const f = pleaLeniencyFindings({ ...review, minor: true, minorPleaObjection: true }, DEFAULT_ENUMERATIONS);
    expect(f).toEqual([{ field: 'pledgeSigned', level: 'error', message: expect.stringContaining('第一百七十四条第二款第（二）项') }]);
    // The objection recorded, no statement: nothing to refuse.
    expect(
      pleaLeniencyFindings({ ...review, minor: true, minorPleaObjection: true, pledgeSigned: false, pledgeWitnessed: false }, DEFAULT_ENUMERATIONS),
    ).toEqual([]);
    // Only a minor can have that objection.
    expect(at({ ...review, minorPleaObjection: true }, 'error')).toEqual(['minorPleaObjection']);
  });

  it('warns when a person Art. 25 covers is logged with duty-lawyer help only', () => {
    const reasons = mandatoryDefenceReasons({ clientRole: 'suspect', caseType: 'criminal', on: '2026-11-23', mayFaceLifeOrDeath: true }, DEFAULT_ENUMERATIONS);
    const f = pleaLeniencyFindings({ ...review, mandatoryDefence: reasons }, DEFAULT_ENUMERATIONS);
    expect(f).toEqual([{ field: 'pleaLeniency', level: 'warning', message: expect.stringContaining('值班律师的帮助不能代替辩护') }]);
    expect(pleaLeniencyFindings({ ...review, mandatoryDefence: reasons, legalAidOutcome: 'applied' }, DEFAULT_ENUMERATIONS)).toEqual([]);
  });

  it('refuses plea leniency for anyone but the accused in a criminal case, and details without the plea', () => {
    expect(at({ ...review, clientRole: 'victim' }, 'error')).toEqual(['pleaLeniency']);
    expect(at({ ...review, caseType: 'civil' }, 'error')).toEqual(['pleaLeniency']);
    expect(at({ ...review, pleaLeniency: false }, 'error')).toEqual(['pledgeSigned', 'pledgeWitnessed']);
    expect(at({ ...review, pledgeSigned: false }, 'error')).toEqual(['pledgeWitnessed']);
  });
});

describe('article29Note (victims, Art. 29)', () => {
  it('tells the victim side of a criminal case it may apply, subject to the means test, not Art. 25', () => {
    for (const role of ['victim', 'victim_close_relative', 'private_prosecutor', 'civil_plaintiff_incidental', 'legal_representative']) {
      const note = article29Note(role, 'criminal', DEFAULT_ENUMERATIONS);
      expect(note, role).toContain('第二十九条');
      expect(note).toContain('须审查经济困难状况');
    }
  });

  it('says nothing for the accused, or for a legal representative in a civil case', () => {
    expect(article29Note('suspect', 'criminal', DEFAULT_ENUMERATIONS)).toBeNull();
    expect(article29Note('legal_representative', 'civil', DEFAULT_ENUMERATIONS)).toBeNull();
    // The accused's relative applies for him (Art. 24), not as the victim's side.
    expect(article29Note('close_relative', 'criminal', DEFAULT_ENUMERATIONS)).toBeNull();
  });

  it('names the victim’s close relative, whom Art. 29 lists beside the legal representative', () => {
    expect(article29Note('victim_close_relative', 'criminal', DEFAULT_ENUMERATIONS)).toMatch(/^被害人近亲属因经济困难没有委托诉讼代理人的/);
  });
});
