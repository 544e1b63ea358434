import { describe, expect, it } from 'vitest';
import { detaineeRequestDraft, isRequestOnly } from '../../../core/consultations/detaineeRequest';
import { createConsultationInputSchema, normalizeConsultationInput } from '../../../core/consultations/schema';
import { DEFAULT_ENUMERATIONS } from '../../../core/domain/enums';

const consultationInputSchema = createConsultationInputSchema(DEFAULT_ENUMERATIONS);

const RECEIVED = '2026-11-30T09:20:00+08:00';
const parse = (draft: ReturnType<typeof detaineeRequestDraft>) => consultationInputSchema.safeParse(normalizeConsultationInput(draft, DEFAULT_ENUMERATIONS));
const messages = (r: ReturnType<typeof parse>) => (r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [String(i.path[0]), i.message])));

describe('a detainee’s request logged by detention-centre staff', () => {
  it('is a criminal contact at the detention centre, received and logged at the same time, with no help given yet', () => {
    const r = parse(
      detaineeRequestDraft({
        requestKind: 'legal_aid_application',
        receivedAt: RECEIVED,
        clientName: '李四',
        criminalStage: 'prosecution_review',
        cause: '诈骗罪',
      }),
    );
    expect(r.success).toBe(true);
    expect(r.data).toMatchObject({
      time: RECEIVED,
      receivedAt: RECEIVED,
      place: 'detention_centre',
      caseType: 'criminal',
      clientRole: 'suspect',
      idType: 'none',
      helpTypes: [],
      legalAidOutcome: 'transferred',
      question: '在押人员提交法律援助申请，依法在二十四小时内转交法律援助机构',
    });
    // The standard line stays true after the transfer: the record never reads 待转交 once it has gone.
    expect(r.data!.question).not.toContain('待转交');
    expect(r.data!.lawyerId).toBeUndefined();
    expect(isRequestOnly(r.data!)).toBe(true);
  });

  it('calls a detainee at trial a defendant, keeps staff’s own words and the lawyer it goes to', () => {
    const r = parse(
      detaineeRequestDraft({
        requestKind: 'meet_lawyer',
        receivedAt: RECEIVED,
        clientName: '王五',
        criminalStage: 'trial',
        lawyerId: 'lawyer-1',
        note: '要求会见值班律师，咨询认罪认罚',
      }),
    );
    expect(r.data).toMatchObject({ clientRole: 'defendant', legalAidOutcome: 'not_needed', lawyerId: 'lawyer-1', question: '要求会见值班律师，咨询认罪认罚' });
    expect(r.data!.question).not.toContain('待转交');
  });

  it('reads birth date, gender and 未成年人 from a valid ID card, so the Art. 25 flag is there at once', () => {
    const r = parse(
      detaineeRequestDraft({
        requestKind: 'legal_aid_application',
        receivedAt: RECEIVED,
        clientName: '张小𠮷',
        idNumber: '210102201005011234',
        criminalStage: 'investigation',
      }),
    );
    expect(r.data).toMatchObject({ clientName: '张小𠮷', idType: 'resident_id', birthDate: '2010-05-01', gender: 'male', specialGroups: ['minor'] });
  });

  it('says at the fields what is missing or wrong', () => {
    expect(messages(parse(detaineeRequestDraft({ requestKind: 'legal_aid_application', receivedAt: '', clientName: '', criminalStage: '' })))).toMatchObject({
      time: expect.stringContaining('时间'),
      clientName: expect.stringContaining('姓名'),
      criminalStage: expect.stringContaining('诉讼阶段'),
      receivedAt: '请填写收到申请的时间',
    });
    expect(
      messages(
        parse(
          detaineeRequestDraft({
            requestKind: 'legal_aid_application',
            receivedAt: RECEIVED,
            clientName: '李四',
            idNumber: '210102201005011235',
            criminalStage: 'trial',
          }),
        ),
      ),
    ).toMatchObject({
      idNumber: expect.stringContaining('校验码'),
    });
  });
  // Check characters by MOD 11-2 (GB 11643), worked out by hand: 83000020100501001 → X,
  // 81000020080315003 → 5, 82000019851230012 → X.
  const TAIWAN_BOY = '83000020100501001X';
  const HK_MAN = '810000200803150035';
  const MACAO_WOMAN = '82000019851230012X';

  it('takes the same ID types as the consultation form: a Taiwan permit gives birth date, gender and the Art. 25 minor flag', () => {
    const r = parse(
      detaineeRequestDraft({
        requestKind: 'legal_aid_application',
        receivedAt: RECEIVED,
        clientName: '陈小明',
        idType: 'taiwan_residence_permit',
        idNumber: TAIWAN_BOY,
        criminalStage: 'investigation',
      }),
    );
    expect(messages(r)).toEqual({});
    expect(r.data).toMatchObject({
      idType: 'taiwan_residence_permit',
      idNumber: TAIWAN_BOY,
      birthDate: '2010-05-01',
      gender: 'male',
      specialGroups: ['minor'],
    });
    for (const [number, birthDate, gender] of [
      [HK_MAN, '2008-03-15', 'male'],
      [MACAO_WOMAN, '1985-12-30', 'female'],
    ] as const) {
      const p = parse(
        detaineeRequestDraft({
          requestKind: 'meet_lawyer',
          receivedAt: RECEIVED,
          clientName: '何一',
          idType: 'hk_macao_residence_permit',
          idNumber: number,
          criminalStage: 'trial',
        }),
      );
      expect(p.data).toMatchObject({ idType: 'hk_macao_residence_permit', birthDate, gender, specialGroups: [] });
    }
    const passport = parse(
      detaineeRequestDraft({
        requestKind: 'meet_lawyer',
        receivedAt: RECEIVED,
        clientName: 'John Smith',
        idType: 'passport',
        idNumber: 'E12345678',
        criminalStage: 'trial',
      }),
    );
    expect(passport.data).toMatchObject({ idType: 'passport', idNumber: 'E12345678' });
  });

  it('checks a permit number like the consultation form, and says which type a permit typed as a resident ID is', () => {
    const request = (idType: string | undefined, idNumber: string) =>
      messages(
        parse(
          detaineeRequestDraft({
            requestKind: 'legal_aid_application',
            receivedAt: RECEIVED,
            clientName: '陈小明',
            ...(idType ? { idType } : {}),
            idNumber,
            criminalStage: 'investigation',
          }),
        ),
      );
    expect(request('taiwan_residence_permit', '830000201005010010')).toEqual({ idNumber: expect.stringContaining('校验码') });
    expect(request('taiwan_residence_permit', HK_MAN)).toEqual({ idNumber: expect.stringContaining('830000（台湾）') });
    expect(request('hk_macao_residence_permit', TAIWAN_BOY)).toEqual({ idNumber: expect.stringContaining('810000（香港）或820000（澳门）') });
    expect(request(undefined, TAIWAN_BOY)).toEqual({ idNumber: expect.stringContaining('台湾居民居住证') });
    expect(request('none', TAIWAN_BOY)).toEqual({ idType: '已填写证件号码，请选择证件类型' });
  });
});
