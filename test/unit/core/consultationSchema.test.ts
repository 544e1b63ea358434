import { describe, expect, it } from 'vitest';
import { createConsultationInputSchema, normalizeConsultationInput, type ConsultationDraft } from '../../../core/consultations/schema';
import { assessConsultation, deriveFromIdNumber, deriveSpecialGroups } from '../../../core/consultations/derive';
import { DEFAULT_ENUMERATIONS, mergeEnumerations } from '../../../core/domain/enums';
import { EXAMPLE_MEANS_TEST_STANDARD } from '../../../core/rules/meansTest';

const consultationInputSchema = createConsultationInputSchema(DEFAULT_ENUMERATIONS);

// 210102199003071233: male (17th digit 3), born 1990-03-07; check character worked out in
// idNumber.test.ts (sum 185, 185 mod 11 = 9 → 3).
const ID = '210102199003071233';

/** A defendant met at the detention centre on 23 Nov 2026, as a lawyer would log him. */
const visit = {
  time: '2026-11-23T10:15:00+08:00',
  lawyerId: 'lawyer-1',
  shiftId: 'shift-7',
  place: 'detention_centre',
  clientRole: 'defendant',
  clientName: '王 堃',
  idType: 'resident_id',
  idNumber: ID,
  gender: 'male',
  birthDate: '1990-03-07',
  ethnicity: 'han',
  phone: '138 1234 5678',
  address: '沈阳市和平区某街 1 号',
  specialGroups: ['migrant_worker'],
  caseType: 'criminal',
  criminalStage: 'trial',
  caseNumber: '(2026)辽0102刑初12号',
  cause: '盗窃罪',
  helpTypes: ['legal_consultation', 'plea_explain', 'meeting'],
  question: '是否认罪认罚，量刑大概多少',
  advice: '释明认罪认罚的法律规定，建议如实供述',
  durationMinutes: 20,
  followUpNeeded: false,
  legalAidOutcome: 'applied',
  disabilities: [],
  mayFaceLifeOrDeath: false,
  requestKind: 'legal_aid_application' as const,
  receivedAt: '2026-11-23T08:00:00+08:00',
  transferredAt: '2026-11-23T16:00:00+08:00',
  householdMonthlyIncome: 3000,
  householdSize: 2,
};

function issues(input: unknown, schema = consultationInputSchema): Record<string, string[]> {
  const r = schema.safeParse(input);
  if (r.success) return {};
  const out: Record<string, string[]> = {};
  for (const i of r.error.issues) (out[i.path.join('.')] ??= []).push(i.message);
  return out;
}

describe('consultationInputSchema: a realistic record', () => {
  it('passes and is stored in normalised form', () => {
    const r = consultationInputSchema.safeParse(visit);
    expect(r.success, JSON.stringify(issues(visit))).toBe(true);
    expect(r.data).toMatchObject({
      clientName: '王 堃',
      caseNumber: '（2026）辽0102刑初12号', // full-width, as courts print it
      phone: '13812345678',
      idNumber: ID,
      aidMatters: [],
      noFixedIncome: false,
    });
  });

  it('passes with only the essentials, defaulting the ID type and outcome', () => {
    const minimal = {
      time: '2026-11-23T10:15:00+08:00',
      lawyerId: 'lawyer-1',
      place: 'court_service_centre',
      clientRole: 'party',
      clientName: '李四',
      caseType: 'civil',
      helpTypes: ['legal_consultation'],
      question: '欠薪怎么起诉',
    };
    const r = consultationInputSchema.safeParse(minimal);
    expect(r.success, JSON.stringify(issues(minimal))).toBe(true);
    expect(r.data).toMatchObject({ idType: 'none', legalAidOutcome: 'not_needed', specialGroups: [], followUpNeeded: false });
  });

  it('accepts an upper-cased lower-case x and full-width digits in the ID number', () => {
    const r = consultationInputSchema.parse({
      ...visit,
      idNumber: '１１０１０５１９４９１２３１００２x',
      birthDate: '1949-12-31',
      gender: 'female',
      specialGroups: ['elderly'],
    });
    expect(r.idNumber).toBe('11010519491231002X');
  });

  it('keeps a rare character in the name intact', () => {
    expect(consultationInputSchema.parse({ ...visit, clientName: '𠮷䶮' }).clientName).toBe('𠮷䶮');
  });
});

describe('consultationInputSchema: each rule shows at its field, in Chinese', () => {
  it('ID number with a wrong check character → idNumber', () => {
    expect(issues({ ...visit, idNumber: '210102199003071234' })).toEqual({
      idNumber: [expect.stringMatching(/校验码错误.*应为 3/)],
    });
  });

  it('resident ID chosen but no number → idNumber', () => {
    expect(issues({ ...visit, idNumber: '' })).toEqual({ idNumber: ['请填写身份证号码'] });
  });

  it('birth date after the contact → idNumber says so against the contact date', () => {
    // 21010220300101001 4 (check worked out in idNumber.test.ts): born 2030, contact in 2026.
    const r = issues({ ...visit, idNumber: '210102203001010014', birthDate: undefined, gender: undefined });
    expect(r.idNumber?.[0]).toContain('晚于接待日期');
  });

  it('birth date that disagrees with the ID → birthDate, quoting the ID’s date', () => {
    expect(issues({ ...visit, birthDate: '1990-03-08' })).toEqual({
      birthDate: ['出生日期与身份证号码不一致（号码中为 1990-03-07）'],
    });
  });

  it('gender that disagrees with the ID → gender', () => {
    expect(issues({ ...visit, gender: 'female' })).toEqual({ gender: ['性别与身份证号码不一致（号码显示为男）'] });
  });

  it('an ID number with “none” as the type → idType', () => {
    expect(issues({ ...visit, idType: 'none' })).toEqual({ idType: ['已填写证件号码，请选择证件类型'] });
  });

  it('a passport number is checked only for its characters', () => {
    expect(issues({ ...visit, idType: 'passport', idNumber: 'e 1234 5678', birthDate: '1990-03-07' })).toEqual({});
    expect(Object.keys(issues({ ...visit, idType: 'passport', idNumber: 'E1234/5678' }))).toEqual(['idNumber']);
  });

  it('birth date after the contact → birthDate', () => {
    expect(issues({ ...visit, idType: 'none', idNumber: '', birthDate: '2027-01-01' })).toEqual({
      birthDate: ['出生日期晚于接待日期'],
    });
  });

  it('an impossible birth date → birthDate', () => {
    expect(issues({ ...visit, idType: 'none', idNumber: '', birthDate: '1990-02-29' }).birthDate?.[0]).toContain('不是有效的日期');
  });

  it('a 16-year-old not ticked as a minor → specialGroups', () => {
    const sixteen = { ...visit, idType: 'none', idNumber: undefined, birthDate: '2010-01-15', specialGroups: [] };
    expect(issues(sixteen)).toEqual({ specialGroups: ['按出生日期，来访人接待时未满 18 周岁，请勾选“未成年人”'] });
    expect(issues({ ...sixteen, specialGroups: ['minor'] })).toEqual({});
  });

  it('an adult ticked as a minor or elderly → specialGroups', () => {
    expect(issues({ ...visit, specialGroups: ['minor', 'elderly'] })).toEqual({
      specialGroups: ['按出生日期，来访人接待时已满 18 周岁，不属于“未成年人”', '按出生日期，来访人接待时未满 60 周岁，不属于“老年人”'],
    });
  });

  it('a lawyer’s contact with no help type or no lawyer → helpTypes, lawyerId', () => {
    const { requestKind: _k, receivedAt: _r, transferredAt: _t, ...contact } = visit;
    expect(issues({ ...contact, helpTypes: [] })).toEqual({ helpTypes: ['请至少选择一项帮助类型'] });
    expect(issues({ ...contact, lawyerId: '' })).toEqual({ lawyerId: ['请选择值班律师'] });
  });

  it('a detainee’s request staff logged may have neither yet', () => {
    const { lawyerId: _l, ...request } = visit;
    expect(issues({ ...request, helpTypes: [] })).toEqual({});
  });

  it('a help type outside the case scope → helpTypes, naming it', () => {
    expect(issues({ ...visit, helpTypes: ['legal_consultation', 'document_drafting'] })).toEqual({
      helpTypes: ['“代写法律文书”不适用于刑事案件'],
    });
    const civil = { ...visit, clientRole: 'party', caseType: 'civil', criminalStage: undefined, caseNumber: undefined };
    expect(issues({ ...civil, helpTypes: ['meeting', 'file_review'] })).toEqual({
      helpTypes: ['“会见”“阅卷”不适用于民事案件'],
    });
  });

  it('criminal case without a stage, or a civil case with one → criminalStage', () => {
    expect(issues({ ...visit, criminalStage: '' })).toEqual({ criminalStage: ['请选择刑事诉讼阶段'] });
    const civil = {
      ...visit,
      clientRole: 'party',
      caseType: 'civil',
      helpTypes: ['legal_consultation'],
      caseNumber: '(2026)辽0102民初5号',
    };
    expect(issues(civil)).toEqual({ criminalStage: ['只有刑事案件需要选择诉讼阶段'] });
  });

  it('a suspect in a civil case → clientRole', () => {
    const r = issues({ ...visit, caseType: 'civil', criminalStage: undefined, helpTypes: ['legal_consultation'] });
    expect(r.clientRole?.[0]).toContain('只用于刑事案件');
  });

  it('a malformed court number → caseNumber; another authority’s number is kept', () => {
    expect(issues({ ...visit, caseNumber: '(2026)辽0102刑初12' })).toEqual({
      caseNumber: [expect.stringContaining('“号”结尾')],
    });
    expect(consultationInputSchema.parse({ ...visit, caseNumber: '沈检刑诉〔2026〕12号' }).caseNumber).toBe('沈检刑诉〔2026〕12号');
  });

  it('a court number from a year after the contact → caseNumber', () => {
    expect(issues({ ...visit, caseNumber: '(2027)辽0102刑初12号' }).caseNumber?.[0]).toContain('晚于登记年份 2026');
  });

  it('a refusal without a reason → refusalReason', () => {
    expect(issues({ ...visit, legalAidOutcome: 'refused' })).toEqual({ refusalReason: ['请填写不予受理或拒绝的理由'] });
    expect(issues({ ...visit, legalAidOutcome: 'refused', refusalReason: '已委托辩护人' })).toEqual({});
  });

  it('follow-up needed without a note → followUpNote', () => {
    expect(issues({ ...visit, followUpNeeded: true })).toEqual({ followUpNote: ['请填写需要跟进的事项'] });
  });

  it('household income without the household size → householdSize', () => {
    expect(issues({ ...visit, householdSize: null })).toEqual({ householdSize: ['已填写家庭月收入，请填写家庭人口'] });
    expect(issues({ ...visit, householdMonthlyIncome: 100.005 }).householdMonthlyIncome?.[0]).toContain('两位小数');
  });

  it('a detainee request without the time it was received → receivedAt', () => {
    expect(issues({ ...visit, receivedAt: '' })).toEqual({ receivedAt: ['请填写收到申请的时间'] });
  });

  it('a transfer before receipt → transferredAt; a transfer of a meeting request → transferredAt', () => {
    expect(issues({ ...visit, transferredAt: '2026-11-23T07:59:00+08:00' })).toEqual({
      transferredAt: ['转交时间早于收到申请的时间'],
    });
    expect(issues({ ...visit, requestKind: 'meet_lawyer' })).toEqual({
      transferredAt: ['只有法律援助申请需要填写转交时间'],
    });
  });

  it('a life sentence flag on a civil case → mayFaceLifeOrDeath', () => {
    const civil = { ...visit, clientRole: 'party', caseType: 'civil', criminalStage: undefined, caseNumber: undefined };
    expect(issues({ ...civil, helpTypes: ['legal_consultation'], mayFaceLifeOrDeath: true })).toEqual({
      mayFaceLifeOrDeath: ['只有刑事案件可以勾选“可能判处无期徒刑、死刑”'],
    });
  });

  it('an unknown code → the field, asking to choose from the list', () => {
    expect(issues({ ...visit, place: 'moon' })).toEqual({ place: ['请从列表中选择接待地点'] });
    expect(issues({ ...visit, specialGroups: ['migrant_worker', 'aliens'] })).toEqual({
      specialGroups: ['特殊群体中有不在列表中的选项'],
    });
    // Reported at the list (the one form field), not at the element.
    expect(issues({ ...visit, specialGroups: [7] })).toEqual({ specialGroups: ['特殊群体选项无效'] });
  });

  it('a bad phone number → phone, with the phone check’s message', () => {
    expect(issues({ ...visit, phone: '1381234567' })).toEqual({ phone: ['手机号应为 11 位数字，现为 10 位'] });
  });

  it('a time that is not RFC 3339 → time', () => {
    expect(issues({ ...visit, time: '2026/11/23 10:15' })).toEqual({ time: ['接待时间格式不正确'] });
  });

  it('reports field errors and cross-field errors together, so the form shows all at once', () => {
    const r = issues({ ...visit, place: 42, legalAidOutcome: 'refused' });
    expect(Object.keys(r).sort()).toEqual(['place', 'refusalReason']);
  });

  it('gives a Chinese message for every issue, whatever garbage comes in', () => {
    const garbage = [
      {},
      null,
      42,
      Object.fromEntries(Object.keys(visit).map((k) => [k, { nested: true }])),
      Object.fromEntries(Object.keys(visit).map((k) => [k, 12345])),
      Object.fromEntries(Object.keys(visit).map((k) => [k, ['x']])),
    ];
    for (const input of garbage) {
      const r = consultationInputSchema.safeParse(input);
      expect(r.success).toBe(false);
      for (const issue of r.error!.issues) expect(issue.message, JSON.stringify(issue)).toMatch(/\p{Script=Han}/u);
    }
    const empty = issues({});
    for (const field of ['time', 'lawyerId', 'place', 'clientRole', 'clientName', 'caseType', 'helpTypes', 'question']) {
      expect(empty[field], field).toBeDefined();
    }
  });

  it('accepts a province’s added code only when built with its enumerations', () => {
    const enums = mergeEnumerations(DEFAULT_ENUMERATIONS, {
      helpTypes: [{ code: 'compensation_calculation', label: '赔偿金额测算', scope: 'any' }],
    });
    const input = { ...visit, helpTypes: ['compensation_calculation'] };
    expect(issues(input, createConsultationInputSchema(enums))).toEqual({});
    expect(Object.keys(issues(input))).toEqual(['helpTypes']);
  });
});

describe('normalizeConsultationInput', () => {
  it('tidies text, numbers and codes as the schema stores them', () => {
    const draft: ConsultationDraft = {
      clientName: ' 阿卜杜•热合曼 ',
      idNumber: '１１０１０５ １９４９１２３１００２x',
      caseNumber: ' (2026) 辽0102 刑初12号',
      phone: '024 2345 6789',
      question: '  工伤认定  ',
      advice: '   ',
      specialGroups: ['minor', 'minor', 'woman'],
    };
    expect(normalizeConsultationInput(draft, DEFAULT_ENUMERATIONS)).toEqual({
      clientName: '阿卜杜·热合曼',
      idNumber: '11010519491231002X',
      caseNumber: '（2026）辽0102刑初12号',
      phone: '024-23456789',
      question: '工伤认定',
      specialGroups: ['minor', 'woman'],
    });
  });

  it('drops values left in fields the form hides', () => {
    const r = normalizeConsultationInput(
      {
        caseType: 'civil',
        criminalStage: 'trial',
        mayFaceLifeOrDeath: true,
        legalAidOutcome: 'applied',
        refusalReason: '旧理由',
        followUpNeeded: false,
        followUpNote: '旧备注',
        requestKind: 'meet_lawyer',
        receivedAt: '2026-11-23T08:00:00+08:00',
        transferredAt: '2026-11-23T09:00:00+08:00',
      },
      DEFAULT_ENUMERATIONS,
    );
    expect(r).toEqual({
      caseType: 'civil',
      mayFaceLifeOrDeath: false,
      legalAidOutcome: 'applied',
      followUpNeeded: false,
      requestKind: 'meet_lawyer',
      receivedAt: '2026-11-23T08:00:00+08:00',
    });
  });

  it('makes a draft with hidden leftovers pass validation', () => {
    const leftover = { ...visit, legalAidOutcome: 'applied', refusalReason: '', followUpNote: '跟进', followUpNeeded: false };
    expect(issues(normalizeConsultationInput(leftover, DEFAULT_ENUMERATIONS))).toEqual({});
  });
});

describe('derivations', () => {
  it('deriveFromIdNumber reads birth date, gender and age groups on the day of the contact', () => {
    expect(deriveFromIdNumber(ID, '2026-11-23T10:00:00+08:00')).toEqual({
      birthDate: '1990-03-07',
      gender: 'male',
      ageGroups: [],
    });
    // 11010519491231002X: born 1949-12-31, so 76 in Nov 2026.
    expect(deriveFromIdNumber('11010519491231002x', '2026-11-23')?.ageGroups).toEqual(['elderly']);
    expect(deriveFromIdNumber('2101021990', '2026-11-23')).toBeNull();
  });

  it('deriveSpecialGroups adds and removes age groups and adds 残疾人 for a disability', () => {
    expect(deriveSpecialGroups(['elderly', 'woman'], { birthDate: '2010-01-15', contactTime: '2026-11-23', disabilities: ['hearing'] })).toEqual([
      'woman',
      'minor',
      'disabled',
    ]);
  });

  it('assessConsultation flags a minor suspect and applies the means test when nothing exempts', () => {
    const parsed = consultationInputSchema.parse({
      ...visit,
      idType: 'none',
      idNumber: undefined,
      birthDate: '2010-01-15',
      gender: 'male',
      specialGroups: ['minor'],
    });
    const a = assessConsultation(parsed, EXAMPLE_MEANS_TEST_STANDARD, DEFAULT_ENUMERATIONS);
    expect(a.mandatoryDefence.map((r) => r.code)).toEqual(['minor']);
    expect(a.noMeansTest.exempt).toBe(false);
    // 3,000.00 ÷ 2 = 1,500.00 < 1,700.00
    expect(a.eligibility).toMatchObject({ eligible: true, perCapitaFen: 150_000 });
  });

  it('assessConsultation reads the age from the ID card when no birth date was typed', () => {
    // 2010-01-15 → 21010220100115001?: 14+9+5+8 + 2·2+0+1·6+0 + 0+1·9+1·10+5·5 + 0+0+1·2
    //   = 36+4+6+9+10+25+2 = 92; 92 mod 11 = 4 → 8
    const parsed = consultationInputSchema.parse({
      ...visit,
      idNumber: '210102201001150018',
      birthDate: undefined,
      gender: undefined,
      specialGroups: ['minor'],
    });
    expect(assessConsultation(parsed, EXAMPLE_MEANS_TEST_STANDARD, DEFAULT_ENUMERATIONS).mandatoryDefence[0]?.code).toBe('minor');
  });

  it('assessConsultation skips the means test for a migrant worker claiming wages', () => {
    const parsed = consultationInputSchema.parse({ ...visit, aidMatters: ['unpaid_wages'] });
    const a = assessConsultation(parsed, EXAMPLE_MEANS_TEST_STANDARD, DEFAULT_ENUMERATIONS);
    expect(a.noMeansTest.exempt).toBe(true);
    expect(a.eligibility).toBeUndefined();
  });
});

describe("Art. 39 para. 2: the transfer of a lawyer's own contact", () => {
  const { requestKind: _k, receivedAt: _r, transferredAt: _t, ...contact } = visit;
  const own = {
    ...contact,
    legalAidOutcome: 'transferred',
    transferredAt: '2026-11-23T16:00:00+08:00',
    transferRecipient: '沈阳市和平区法律援助中心',
    transferReceiver: '刘𠮷',
    transferredBy: 'lawyer-a',
  };

  it('keeps the transfer, its recipient and who marked it on a contact whose outcome is 转交申请', () => {
    expect(issues(own)).toEqual({});
    expect(normalizeConsultationInput(own, DEFAULT_ENUMERATIONS)).toMatchObject({
      transferRecipient: '沈阳市和平区法律援助中心',
      transferReceiver: '刘𠮷',
      transferredBy: 'lawyer-a',
    });
  });

  it('refuses a transfer time on a contact that transferred nothing, or before the contact', () => {
    expect(issues({ ...own, legalAidOutcome: 'applied' })).toEqual({ transferredAt: ['只有“转交申请”的登记需要填写转交时间'] });
    expect(issues({ ...own, transferredAt: '2026-11-23T10:14:00+08:00' })).toEqual({ transferredAt: ['转交时间早于接待时间'] });
  });

  it('drops the transfer when the lawyer changes the outcome, so no hidden field fails the save', () => {
    const out = normalizeConsultationInput({ ...own, legalAidOutcome: 'applied' }, DEFAULT_ENUMERATIONS);
    for (const key of ['transferredAt', 'transferRecipient', 'transferReceiver', 'transferredBy']) expect(out).not.toHaveProperty(key);
  });
});

describe('issue 17: permits, victims, Art. 25 and plea leniency in the record', () => {
  // 830000 19900101 001 2: check character worked out in idNumber.test.ts.
  const TAIWAN = '830000199001010012';

  it('accepts a Taiwan residence permit and checks the birth date and gender it carries', () => {
    const permit = { ...visit, idType: 'taiwan_residence_permit', idNumber: TAIWAN, birthDate: '1990-01-01', gender: 'male' };
    expect(issues(permit)).toEqual({});
    expect(issues({ ...permit, birthDate: '1990-01-02' })).toEqual({
      birthDate: ['出生日期与居住证号码不一致（号码中为 1990-01-01）'],
    });
    expect(issues({ ...permit, idNumber: '830000199001010013' }).idNumber?.[0]).toContain('台湾居民居住证号码校验码错误');
    expect(deriveFromIdNumber(TAIWAN, '2026-11-23', 'taiwan_residence_permit')).toEqual({ birthDate: '1990-01-01', gender: 'male', ageGroups: [] });
  });

  it('refuses a Taiwan permit typed as a resident ID with a message that names the right type', () => {
    expect(issues({ ...visit, idNumber: TAIWAN, birthDate: undefined, gender: undefined }).idNumber?.[0]).toContain('台湾居民居住证');
  });

  it('takes a victim in a criminal case, but not in a civil one, and never with plea leniency', () => {
    const victim = {
      ...visit,
      clientRole: 'victim',
      helpTypes: ['legal_consultation'],
      requestKind: undefined,
      receivedAt: undefined,
      transferredAt: undefined,
    };
    expect(issues(victim)).toEqual({});
    expect(issues({ ...victim, caseType: 'civil', criminalStage: undefined }).clientRole?.[0]).toContain('只用于刑事案件');
    expect(issues({ ...victim, pleaLeniency: true }).pleaLeniency?.[0]).toContain('只适用于刑事案件的犯罪嫌疑人、被告人');
  });

  it('refuses a plea statement at the investigation stage, at the field, with the article', () => {
    const plea = { ...visit, criminalStage: 'investigation', pleaLeniency: true, pledgeSigned: true };
    expect(issues(plea)).toEqual({ pledgeSigned: [expect.stringContaining('《刑事诉讼法》第一百七十三条、第一百七十四条第一款')] });
    expect(issues({ ...plea, criminalStage: 'prosecution_review', pledgeWitnessed: true, sentencingProposal: '有期徒刑六个月' })).toEqual({});
  });

  it('refuses the statement of a minor whose legal representative objects, reading the age from the ID', () => {
    // 210102201001150018: born 2010-01-15 (worked out below), 16 at the contact.
    const minor = {
      ...visit,
      idNumber: '210102201001150018',
      birthDate: undefined,
      gender: undefined,
      specialGroups: ['minor'],
      criminalStage: 'prosecution_review',
      pleaLeniency: true,
      minorPleaObjection: true,
      pledgeSigned: true,
    };
    expect(Object.keys(issues(minor))).toEqual(['pledgeSigned']);
    expect(issues({ ...minor, pledgeSigned: false })).toEqual({});
  });

  it('keeps a death-penalty review and a trial in absentia to the trial stage, and a notice time to a notice', () => {
    expect(issues({ ...visit, criminalStage: 'prosecution_review', trialInAbsentia: true }).trialInAbsentia?.[0]).toContain('审判');
    expect(issues({ ...visit, deathPenaltyReview: true, trialInAbsentia: true })).toEqual({});
    expect(issues({ ...visit, defenderNotifiedAt: '2026-11-23T11:00:00+08:00' }).defenderNotified).toBeDefined();
    expect(issues({ ...visit, defenderNotified: true, defenderNotifiedAt: '2026-11-23T11:00:00+08:00' })).toEqual({});
  });

  it('reads a record stored before these fields existed', () => {
    const parsed = consultationInputSchema.parse(visit);
    expect(parsed.hasDefenceCounsel).toBeUndefined();
    expect(parsed.pleaLeniency).toBeUndefined();
    expect(parsed.otherExemptions).toEqual([]);
  });

  it('drops plea details when the plea is unticked and criminal facts in a civil case', () => {
    const r = normalizeConsultationInput(
      {
        clientRole: 'defendant',
        caseType: 'criminal',
        pleaLeniency: false,
        pledgeSigned: true,
        pleaViewFacts: '无异议',
        defenderNotified: false,
        defenderNotifiedAt: '2026-11-23T11:00:00+08:00',
      },
      DEFAULT_ENUMERATIONS,
    );
    expect(r).toEqual({ clientRole: 'defendant', caseType: 'criminal', pleaLeniency: false, defenderNotified: false });
    // A victim is not asked about defence counsel; a close relative is (CPL Art. 293).
    expect(
      normalizeConsultationInput({ clientRole: 'victim', caseType: 'criminal', hasDefenceCounsel: true, pleaLeniency: true }, DEFAULT_ENUMERATIONS),
    ).toEqual({
      clientRole: 'victim',
      caseType: 'criminal',
    });
    expect(normalizeConsultationInput({ clientRole: 'close_relative', caseType: 'criminal', trialInAbsentia: true }, DEFAULT_ENUMERATIONS)).toMatchObject({
      trialInAbsentia: true,
    });
    expect(
      normalizeConsultationInput({ clientRole: 'party', caseType: 'civil', hasDefenceCounsel: true, handlingAuthority: '某区检察院' }, DEFAULT_ENUMERATIONS),
    ).toEqual({
      clientRole: 'party',
      caseType: 'civil',
    });
  });

  it('assessConsultation asks the authority to notify when Art. 25 applies and only duty-lawyer help is logged', () => {
    const parsed = consultationInputSchema.parse({
      ...visit,
      legalAidOutcome: 'not_needed',
      requestKind: undefined,
      receivedAt: undefined,
      transferredAt: undefined,
      mayFaceLifeOrDeath: true,
    });
    const a = assessConsultation(parsed, EXAMPLE_MEANS_TEST_STANDARD, DEFAULT_ENUMERATIONS);
    expect(a.defenderNotice?.text).toContain('办案机关应当在三日内通知');
    const counsel = consultationInputSchema.parse({
      ...visit,
      legalAidOutcome: 'not_needed',
      requestKind: undefined,
      receivedAt: undefined,
      transferredAt: undefined,
      mayFaceLifeOrDeath: true,
      hasDefenceCounsel: true,
    });
    expect(assessConsultation(counsel, EXAMPLE_MEANS_TEST_STANDARD, DEFAULT_ENUMERATIONS)).toMatchObject({ mandatoryDefence: [], defenderNotice: null });
  });
});

describe('times in the future (issue 20 item 4)', () => {
  const now = Date.parse('2026-11-23T10:20:00+08:00');
  const schema = createConsultationInputSchema(DEFAULT_ENUMERATIONS, () => now);
  // The visit as logged at 10:15, before its application was handed over.
  const atVisit = { ...visit, transferredAt: undefined };
  const problemsAt = (input: Record<string, unknown>) => {
    const r = schema.safeParse(input);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };
  it('refuses a reception time more than five minutes ahead of the clock, at the field, in Chinese', () => {
    expect(problemsAt({ ...atVisit, time: '2026-11-23T10:25:00+08:00' })).toEqual([]);
    expect(problemsAt({ ...atVisit, time: '2026-11-23T10:25:01+08:00' })).toEqual(['time: 接待时间不能晚于当前时间']);
    // A slip of the year: 2062 for 2026.
    expect(problemsAt({ ...atVisit, time: '2062-11-23T10:15:00+08:00' })).toContain('time: 接待时间不能晚于当前时间');
  });
  it('refuses a future receipt, transfer or notification time the same way', () => {
    const request = { ...atVisit, requestKind: 'legal_aid_application', legalAidOutcome: 'transferred' };
    expect(problemsAt({ ...request, receivedAt: '2026-11-24T08:00:00+08:00' })).toContain('receivedAt: 收到申请时间不能晚于当前时间');
    expect(problemsAt({ ...request, receivedAt: '2026-11-23T08:00:00+08:00', transferredAt: '2026-11-24T08:00:00+08:00' })).toContain(
      'transferredAt: 转交时间不能晚于当前时间',
    );
    expect(problemsAt({ ...atVisit, defenderNotified: true, defenderNotifiedAt: '2026-12-01T08:00:00+08:00' })).toContain(
      'defenderNotifiedAt: 通知指派辩护人的时间不能晚于当前时间',
    );
  });
});
