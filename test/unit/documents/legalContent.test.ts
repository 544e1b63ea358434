import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createConsultationInputSchema, type Consultation } from '../../../core/consultations/schema';
import { mediationInputSchema } from '../../../core/mediations/schema';
import { DEFAULT_ENUMERATIONS } from '../../../core/domain/enums';
import { prefillDocument, type PrefillContext } from '../../../core/documents/prefill';
import { templateOf } from '../../../core/documents/templates/index';
import { mediationAgreementRefusal } from '../../../core/documents/templates/mediationAgreement';
import { checkDocumentValues } from '../../../core/documents/values';
import type { DocumentValues } from '../../../core/documents/template';
import { checkEligibility, EXAMPLE_MEANS_TEST_STANDARD } from '../../../core/rules/meansTest';
import { formatFen } from '../../../core/money';
import { createDocumentService } from '../../../electron/services/documents/documentService';
import { developmentFontFiles } from '../../../electron/services/pdf/fonts';
import { contact } from '../core/contactFixture';
import { mediationFixture } from '../core/mediationFixture';

/**
 * The legal content of each paper, read from the printed PDF as a clerk reads it: who applies
 * and signs, what the stage allows to be said, the figures the means test used, the hours
 * that prove Art. 39's 24 hours, and the clauses the mediation law requires.
 */

const service = createDocumentService(developmentFontFiles());
const dir = mkdtempSync(path.join(os.tmpdir(), 'dls-legal-'));
const NUMBER = '〔2026〕LN0102-KSS01值字第0042号';
const station = { name: '沈阳市第一看守所法律援助工作站', code: 'LN0102-KSS01' };

/** A saved consultation; `extras` are fields the record may carry beyond the schema this branch parses. */
function consultation(overrides: Record<string, unknown> = {}, extras: Record<string, unknown> = {}): Consultation {
  const input = createConsultationInputSchema(DEFAULT_ENUMERATIONS).parse(contact({ gender: 'male', address: '沈阳市和平区南京北街2号', ...overrides }));
  return { ...input, id: 'c1', rev: 1, createdAt: input.time, updatedAt: input.time, deleted: false, ...extras } as Consultation;
}

function prefill(kind: string, ctx: Partial<PrefillContext>): DocumentValues {
  return prefillDocument(templateOf(kind)!, { station, lawyerName: '刘律师', today: '2026-11-24', enums: DEFAULT_ENUMERATIONS, ...ctx });
}

let n = 0;
/** The printed text in drawing order, page footers and all white space removed (pdftotext breaks lines where the layout does). */
async function printed(kind: string, values: DocumentValues): Promise<string> {
  const r = await service.renderBytes({ kind, values, docNumber: NUMBER });
  const file = path.join(dir, `${kind}-${n++}.pdf`);
  writeFileSync(file, r.bytes);
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
    .replace(/第\s*\d+\s*页\s*共\s*\d+\s*页/g, '')
    .replace(/\s+/g, '');
}

const problemsOf = (kind: string, values: DocumentValues) => checkDocumentValues(templateOf(kind)!, values).map((p) => [p.field, p.message]);

const HISTORY =
  '2026年11月1日因涉嫌盗窃罪被沈阳市公安局和平分局刑事拘留，同日羁押于沈阳市第一看守所；2026年11月8日经沈阳市和平区人民检察院批准，由沈阳市公安局和平分局执行逮捕；2026年11月20日侦查羁押期限经批准延长一个月，现仍羁押于沈阳市第一看守所。';

describe('取保候审申请书 and 变更强制措施申请书 (刑事诉讼法 Art. 97)', () => {
  const written = { reasons: '犯罪嫌疑人系初犯，已退赃，取保候审不致发生社会危险性。', addressee: '沈阳市公安局和平分局' };

  it('names the suspect as applicant and the duty lawyer as the one who drafted it, at the investigation stage', async () => {
    const values = { ...prefill('bail_application', { consultation: consultation() }), ...written, currentMeasure: HISTORY };
    expect(values).toMatchObject({ applicantName: '王𠮷', applicantRelation: '犯罪嫌疑人本人', partyTitle: '犯罪嫌疑人', suspectName: '王𠮷' });
    const text = await printed('bail_application', values);
    expect(text).toContain('申请人：王𠮷，犯罪嫌疑人本人');
    expect(text).toContain('犯罪嫌疑人：王𠮷，男');
    expect(text).toContain('请求对犯罪嫌疑人王𠮷取保候审');
    expect(text).toContain('代书人：沈阳市第一看守所法律援助工作站值班律师刘律师');
    expect(text).toContain('申请人（签名、捺指印）');
    expect(text).not.toContain('申请人：刘律师');
    expect(text).not.toContain('犯罪嫌疑人/被告人');
    // The whole measure history prints, not the first 60 characters.
    expect([...HISTORY].length).toBeGreaterThan(120);
    expect(text).toContain(HISTORY);
  });

  it('calls the accused 被告人 once the case is at trial, and a relative who came is the applicant', async () => {
    const c = consultation({ criminalStage: 'trial', clientRole: 'close_relative', clientName: '王某某' });
    const values = {
      ...prefill('measure_change_application', { consultation: c }),
      suspectName: '王𠮷',
      reasons: '被告人系初犯，已退赃，采取取保候审不致发生社会危险性。',
      addressee: '沈阳市和平区人民法院',
      currentMeasure: '2026年11月1日被刑事拘留，2026年11月8日被逮捕，现羁押于沈阳市第一看守所。',
      requestedMeasure: '取保候审',
    };
    expect(values).toMatchObject({ applicantName: '王某某', applicantRelation: '被告人的近亲属', partyTitle: '被告人' });
    const text = await printed('measure_change_application', values);
    expect(text).toContain('申请人：王某某，被告人的近亲属');
    expect(text).toContain('被告人：王𠮷');
    expect(text).toContain('请求将被告人王𠮷的强制措施变更为取保候审');
    expect(text).not.toContain('犯罪嫌疑人');
  });

  it('prints the guarantor with ID number, relationship and contact', async () => {
    const values = {
      ...prefill('bail_application', { consultation: consultation() }),
      ...written,
      currentMeasure: HISTORY,
      guarantee: '提出保证人',
      guarantorName: '王某某',
      guarantorIdNumber: '210102195501010018',
      guarantorRelation: '父子',
      guarantorContact: '住沈阳市和平区南京北街2号，联系电话13912345678',
    };
    const text = await printed('bail_application', values);
    expect(text).toContain('保证人：王某某');
    expect(text).toContain('保证人证件号码：210102195501010018');
    expect(text).toContain('保证人与犯罪嫌疑人的关系：父子');
    expect(text).toContain('保证人住址及联系电话：住沈阳市和平区南京北街2号，联系电话13912345678');
  });

  it('refuses "犯罪嫌疑人/被告人" as the title of the accused', () => {
    const values = { ...prefill('bail_application', { consultation: consultation() }), ...written, currentMeasure: HISTORY, partyTitle: '犯罪嫌疑人/被告人' };
    expect(problemsOf('bail_application', values)).toEqual([['partyTitle', '请填写“犯罪嫌疑人”（侦查、审查起诉阶段）或“被告人”（审判阶段）']]);
  });
});

describe('法律意见书: only what the stage allows', () => {
  const written = { addressee: '沈阳市和平区人民检察院', caseSummary: '犯罪嫌疑人被指控盗窃电动车一辆。' };

  it('does not claim a file review at the investigation stage', async () => {
    const values = { ...prefill('legal_opinion', { consultation: consultation() }), ...written };
    const text = await printed('legal_opinion', values);
    expect(text).toContain('经会见犯罪嫌疑人、向侦查机关了解其涉嫌的罪名及案件有关情况');
    expect(text).not.toContain('阅卷');
    expect(text).not.toContain('查阅案卷');
  });

  it('says the file was read from review for prosecution on', async () => {
    const values = { ...prefill('legal_opinion', { consultation: consultation({ criminalStage: 'prosecution_review' }) }), ...written };
    expect(await printed('legal_opinion', values)).toContain('经会见犯罪嫌疑人、查阅案卷材料');
  });

  it('refuses 阅卷 typed in at the investigation stage', () => {
    const values = { ...prefill('legal_opinion', { consultation: consultation() }), ...written, workDone: '经会见、阅卷' };
    expect(problemsOf('legal_opinion', values)).toEqual([['workDone', '侦查阶段值班律师不能查阅案卷材料，请删去“阅卷”等表述']]);
  });
});

describe('法律援助申请表', () => {
  const aidCase = () =>
    consultation({ householdMonthlyIncome: 5099.99, householdSize: 3, requestKind: 'legal_aid_application', receivedAt: '2026-11-20T09:00:00+08:00' });

  it('prints the per-person income the means test compared: 5,099.99 元 for 3 persons is 1,699.99, not 1,700.00', async () => {
    const test = checkEligibility({ householdMonthlyIncome: 5099.99, householdSize: 3 }, EXAMPLE_MEANS_TEST_STANDARD);
    // The example standard is 1,700.00 a person: this household is below it.
    expect(test.thresholdFen).toBe(170000);
    expect(test.eligible).toBe(true);
    const values = {
      ...prefill('legal_aid_application', { consultation: aidCase() }),
      legalAidCentre: '沈阳市和平区法律援助中心',
      facts: '因家庭困难无力委托辩护人。',
    };
    const text = await printed('legal_aid_application', values);
    expect(text).toContain(`人均月收入${formatFen(test.perCapitaFen)}元`);
    expect(text).toContain('人均月收入1,699.99元');
    expect(text).not.toContain('1,700.00');
  });

  it('has the residence, role, form of aid, procedure, assets, papers handed in, signature, fingerprint and a receipt box', async () => {
    const values = {
      ...prefill('legal_aid_application', { consultation: aidCase() }),
      legalAidCentre: '沈阳市和平区法律援助中心',
      facts: '因家庭困难无力委托辩护人。',
      registeredResidence: '辽宁省铁岭市西丰县',
      householdAssets: '农村自建房一处，无车辆，存款约2,000元。',
    };
    expect(values).toMatchObject({ applicantRole: '犯罪嫌疑人', aidType: '刑事辩护', stage: '侦查' });
    const text = await printed('legal_aid_application', values);
    for (const expected of [
      '户籍所在地辽宁省铁岭市西丰县',
      '案件身份犯罪嫌疑人',
      '援助形式刑事辩护',
      '所处程序侦查',
      '家庭财产状况农村自建房一处',
      '提交的材料1.身份证明材料复印件',
      '指印',
      '收件人（签名）',
      '收件日期',
      '收件编号',
    ]) {
      expect(text).toContain(expected);
    }
  });
});

describe('经济困难状况个人诚信承诺书', () => {
  it('lists the household member by member, consents to verification and states the consequences the law names', async () => {
    const c = consultation({ householdMonthlyIncome: 3600, householdSize: 4 });
    const values = {
      ...prefill('hardship_pledge', { consultation: c }),
      legalAidCentre: '沈阳市和平区法律援助中心',
      matter: '刑事辩护',
      member1Work: '无业',
      member1Income: '0',
      member2Name: '李某',
      member2Relation: '妻子',
      member2Work: '沈阳某超市收银员',
      member2Income: '3600',
    };
    const text = await printed('hardship_pledge', values);
    expect(text).toContain('姓名与承诺人关系职业或工作单位月收入');
    expect(text).toContain('王𠮷本人无业0.00元');
    expect(text).toContain('李某妻子沈阳某超市收银员3,600.00元');
    expect(text).toContain('家庭人口4人');
    expect(text).toContain('人均月收入900.00元');
    expect(text).toContain('本人同意法律援助机构通过信息共享查询');
    expect(text).toContain('第四十一条');
    // Art. 64 as enacted: 责令其支付已实施法律援助的费用，并处三千元以下罚款 (the fine is mandatory).
    expect(text).toContain('由司法行政部门责令本人支付已实施法律援助的费用，并处三千元以下罚款（第六十四条）');
    expect(text).not.toContain('可以处');
    expect(text).toContain('终止法律援助的决定（第四十八条）');
    expect(text).toContain('指印');
  });
});

describe('法律援助申请转交函 (法律援助法 Art. 39)', () => {
  const written = { legalAidCentre: '沈阳市和平区法律援助中心' };

  it('names the detention centre when its staff logged the request, with the hour received and transferred, and a receipt slip', async () => {
    const c = consultation({
      lawyerId: undefined,
      helpTypes: [],
      requestKind: 'legal_aid_application',
      receivedAt: '2026-11-23T16:10:00+08:00',
      transferredAt: '2026-11-24T09:50:00+08:00',
    });
    const values = { ...prefill('transfer_letter', { consultation: c }), ...written };
    expect(values).toMatchObject({ transferUnit: '沈阳市第一看守所', contact: '' });
    const text = await printed('transfer_letter', values);
    expect(text).toContain('沈阳市第一看守所于2026年11月23日16时10分收到其提出的法律援助申请');
    expect(text).toContain('现于2026年11月24日09时50分将其法律援助申请及有关材料转交你机构');
    expect(text).toContain('沈阳市第一看守所（盖章）');
    expect(text).toContain('回执');
    expect(text).toContain('接收人（签名）');
    expect(text).toContain('接收时间：年月日时分');
    expect(text).toContain('沈阳市和平区法律援助中心（盖章）');
  });

  it('names the station when the duty lawyer transfers an application made through him', async () => {
    const c = consultation({ requestKind: 'legal_aid_application', receivedAt: '2026-11-23T16:10:00+08:00', transferredAt: '2026-11-24T08:00:00+08:00' });
    const values = { ...prefill('transfer_letter', { consultation: c }), ...written };
    expect(values).toMatchObject({ transferUnit: '沈阳市第一看守所法律援助工作站', contact: '刘律师' });
    const text = await printed('transfer_letter', values);
    expect(text).toContain('沈阳市第一看守所法律援助工作站于2026年11月23日16时10分收到');
    expect(text).toContain('沈阳市第一看守所法律援助工作站（盖章）');
  });
});

describe('调解协议书 (人民调解法 Art. 29, 33)', () => {
  const threeParties = () =>
    mediationInputSchema(DEFAULT_ENUMERATIONS).parse(
      mediationFixture({
        parties: [
          { name: '赵𠮷', role: 'applicant' },
          { name: '沈阳某建筑劳务有限公司', role: 'respondent' },
          { name: '沈阳某建设集团有限公司', role: 'third_party' },
        ],
      }),
    );
  const written = {
    mediationOrg: '沈阳市和平区人民法院诉讼服务中心人民调解委员会',
    facts: '申请人在被申请人承包的工地务工，被拖欠工资。',
    mediatorName: '陈某',
  };

  it('makes one copy per party plus the mediating body, a line per party to sign, seal or press a fingerprint, the seal and the 30-day clause', async () => {
    const values = { ...prefill('mediation_agreement', { mediation: threeParties() }), ...written };
    const text = await printed('mediation_agreement', values);
    expect(text).toContain('本协议一式4份，各方当事人各执一份，调解组织留存一份');
    for (const who of ['申请人赵𠮷', '被申请人沈阳某建筑劳务有限公司', '第三人沈阳某建设集团有限公司']) expect(text).toContain(`${who}（签名或盖章、指印）：`);
    expect(text).toContain('沈阳市和平区人民法院诉讼服务中心人民调解委员会（盖章）');
    expect(text).toContain('可以自本协议生效之日起三十日内共同向人民法院申请司法确认');
    expect(text).toContain('人民调解法》第三十三条');
  });

  it('refuses a number of copies or signature lines that does not match the parties', () => {
    const values = { ...prefill('mediation_agreement', { mediation: threeParties() }), ...written, copies: '1', signatory3: '' };
    expect(problemsOf('mediation_agreement', values)).toEqual([
      ['copies', '共 3 方当事人，各执一份，调解组织留存一份，应为 4 份'],
      ['signatory1', '共 3 方当事人，应为每一方各留一行签名（现有 2 行）'],
    ]);
  });

  it('is not offered for in-trial mediation, where the court makes its own 调解书', () => {
    expect(mediationAgreementRefusal('in_litigation')).toContain('人民法院依法制作调解书');
    for (const type of ['pre_litigation', 'people_mediation', 'aid_mediation_link']) expect(mediationAgreementRefusal(type)).toBeNull();
  });
});

describe('值班律师法律帮助记录表', () => {
  const plea = {
    hasDefenceCounsel: false,
    custodyStatus: 'detained',
    handlingAuthority: '沈阳市和平区人民检察院',
    pleaLeniency: true,
    sentencingProposal: '有期徒刑六个月，缓刑一年',
    pleaViewFacts: '对起诉意见书认定的事实无异议',
    pleaViewCharge: '对盗窃罪的罪名无异议',
    pleaViewProposal: '同意量刑建议',
    pleaViewProcedure: '同意适用速裁程序',
    lawyerOpinion: '量刑建议适当，程序适用无不当',
  };

  it('prints defence counsel, custody, the handling body, the Art. 25 flag, the plea views and both signatures', async () => {
    // Sixteen on the day of the contact, no defender: Art. 25 applies.
    const c = consultation({ criminalStage: 'prosecution_review', birthDate: '2010-05-01', specialGroups: ['minor'] }, plea);
    const values = prefill('help_record', { consultation: c });
    const text = await printed('help_record', values);
    expect(text).toContain('办案机关沈阳市和平区人民检察院');
    expect(text).toContain('羁押状态羁押');
    expect(text).toContain('辩护人没有辩护人');
    expect(text).toContain('应当通知指派辩护：未成年人（接待时16周岁');
    expect(text).toContain('应当通知法律援助机构指派律师担任辩护人（《中华人民共和国法律援助法》第二十五条）');
    expect(text).toContain('认罪认罚案件：');
    expect(text).toContain('检察院量刑建议：有期徒刑六个月，缓刑一年');
    expect(text).toContain('受助人对指控事实的意见：对起诉意见书认定的事实无异议');
    expect(text).toContain('受助人对罪名的意见：对盗窃罪的罪名无异议');
    expect(text).toContain('受助人对量刑建议的意见：同意量刑建议');
    expect(text).toContain('受助人对程序适用的意见：同意适用速裁程序');
    expect(text).toContain('值班律师意见：量刑建议适当');
    expect(text).toContain('值班律师刘律师帮助时间2026年11月20日09时30分值班律师签名受助人确认');
    expect(text).toContain('受助人（签名）：指印：日期：年月日');
  });

  it('prints no Art. 25 flag for a person who has a defender, and no plea section outside a plea case', async () => {
    const c = consultation({ birthDate: '2010-05-01', specialGroups: ['minor'] }, { hasDefenceCounsel: true });
    const text = await printed('help_record', prefill('help_record', { consultation: c }));
    expect(text).toContain('辩护人已委托辩护人');
    expect(text).not.toContain('应当通知指派辩护');
    expect(text).not.toContain('认罪认罚');
  });
});

describe('court-fee relief (民事诉讼法 2023 Art. 121 para. 2)', () => {
  it('rests the request on the procedure law itself, not only on the State Council’s fee measures', async () => {
    const { sample } = await import('./samples/litigation_fee_relief_application');
    const text = await printed('litigation_fee_relief_application', sample);
    expect(text).toContain('根据《中华人民共和国民事诉讼法》第一百二十一条第二款、《诉讼费用交纳办法》第四十四条');
  });
});
