import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createConsultationInputSchema, type Consultation } from '../../../core/consultations/schema';
import { mediationInputSchema } from '../../../core/mediations/schema';
import { DEFAULT_ENUMERATIONS } from '../../../core/domain/enums';
import { prefillDocument } from '../../../core/documents/prefill';
import { templateOf } from '../../../core/documents/templates/index';
import { checkDocumentValues, normalizeDocumentValues } from '../../../core/documents/values';
import { claimsTotal } from '../../../core/documents/claims';
import { judicialConfirmationApplies } from '../../../core/documents/templates/judicialConfirmationApplication';
import { createDocumentService } from '../../../electron/services/documents/documentService';
import { developmentFontFiles } from '../../../electron/services/pdf/fonts';
import { contact } from '../core/contactFixture';
import { mediationFixture } from '../core/mediationFixture';

const station = { name: '沈阳市第一看守所法律援助工作站', code: 'LN0102-KSS01' };
const enums = DEFAULT_ENUMERATIONS;

function consultation(overrides: Record<string, unknown> = {}): Consultation {
  const input = createConsultationInputSchema(DEFAULT_ENUMERATIONS).parse(
    contact({ gender: 'male', birthDate: '1980-01-01', address: '沈阳市和平区南京北街2号', ...overrides }),
  );
  return { ...input, id: 'c1', rev: 1, createdAt: input.time, updatedAt: input.time, deleted: false };
}

const civil = { clientRole: 'party', caseType: 'civil', criminalStage: undefined, helpTypes: ['legal_consultation'], cause: '劳动争议' };

describe('papers filled from a contact', () => {
  it('a detention-necessity review names the arrested person as applicant, the lawyer only as drafter, and the stage’s word for him', () => {
    const c = consultation({ criminalStage: 'prosecution_review', durationMinutes: 45 });
    const values = prefillDocument(templateOf('detention_necessity_review_application')!, {
      consultation: c,
      station,
      lawyerName: '刘䶮',
      today: '2026-11-24',
      enums,
    });
    expect(values).toMatchObject({
      applicant: '王𠮷，男，1980年1月1日出生，住沈阳市和平区南京北街2号',
      applicantRelation: '犯罪嫌疑人本人',
      accusedTitle: '犯罪嫌疑人',
      accusedName: '王𠮷',
      accusedParticulars: '男，1980年1月1日出生，住沈阳市和平区南京北街2号',
      cause: '盗窃罪',
      request: '请求贵院对犯罪嫌疑人王𠮷进行羁押必要性审查，依法决定予以释放或者变更强制措施。',
      lawyerName: '刘䶮',
      date: '2026-11-24',
    });
    const atTrial = prefillDocument(templateOf('detention_necessity_review_application')!, {
      consultation: consultation({ criminalStage: 'trial' }),
      station,
      today: '2026-11-24',
      enums,
    });
    expect(atTrial.accusedTitle).toBe('被告人');
    expect(atTrial.request).toBe('请求贵院对被告人王𠮷进行羁押必要性审查，依法建议办案机关予以释放或者变更强制措施。');
  });

  it('a meeting record carries the time from start to end, the place and the detainee, and starts the questions', () => {
    const values = prefillDocument(templateOf('meeting_record')!, {
      consultation: consultation({ durationMinutes: 45 }),
      station,
      lawyerName: '刘䶮',
      today: '2026-11-24',
      enums,
    });
    expect(values.meetingTime).toBe('2026年11月20日09时30分至10时15分');
    expect(values.meetingPlace).toBe('沈阳市第一看守所法律援助工作站');
    expect(values.detaineeName).toBe('王𠮷');
    expect(values.record).toContain('答：被刑事拘留后家属能否申请取保候审');
    expect(checkDocumentValues(templateOf('meeting_record')!, values)).toEqual([]);
  });

  it('a labour arbitration application describes the worker from the contact and leaves the employer and the claims to the lawyer', () => {
    const template = templateOf('labour_arbitration_application')!;
    const values = prefillDocument(template, { consultation: consultation(civil), station, lawyerName: '刘䶮', today: '2026-11-24', enums });
    expect(values).toMatchObject({
      applicant: '王𠮷，男，1980年1月1日出生，住沈阳市和平区南京北街2号',
      facts: '被刑事拘留后家属能否申请取保候审',
      lawyerName: '刘䶮',
      copies: '1',
    });
    expect(values.claims).toBeUndefined();
    expect(checkDocumentValues(template, values).map((p) => p.field)).toEqual(['employerName', 'claims', 'commission']);
  });

  it('an aid recipient asks to defer the court fee, a maintenance claimant to waive it', () => {
    const template = templateOf('litigation_fee_relief_application')!;
    const aided = prefillDocument(template, { consultation: consultation({ ...civil, legalAidOutcome: 'applied' }), station, today: '2026-11-24', enums });
    expect(aided.reliefKind).toBe('缓交');
    expect(aided.ground).toContain('第四十七条第（三）项');
    const support = prefillDocument(template, {
      consultation: consultation({ ...civil, legalAidOutcome: 'applied', aidMatters: ['support_maintenance'] }),
      station,
      today: '2026-11-24',
      enums,
    });
    expect(support.reliefKind).toBe('免交');
    expect(support.ground).toContain('第四十五条第（二）项');
  });

  it('only 缓交, 减交 or 免交 can be asked for', () => {
    const template = templateOf('litigation_fee_relief_application')!;
    const problems = checkDocumentValues(template, { reliefKind: '缓缴' }, { draft: true });
    expect(problems).toEqual([{ field: 'reliefKind', message: '申请种类应为“缓交”“减交”或“免交”之一（《诉讼费用交纳办法》第四十四条）' }]);
  });

  it('the receipt and the one-time notice take the hour received, and the notice lists what the record shows missing', () => {
    const c = consultation({ ...civil, requestKind: 'legal_aid_application', receivedAt: '2026-11-24T09:30:00+08:00', aidMatters: ['unpaid_wages'] });
    const receipt = prefillDocument(templateOf('application_receipt')!, { consultation: c, station, lawyerName: '刘䶮', today: '2026-11-24', enums });
    expect(receipt).toMatchObject({
      receivingUnit: '沈阳市第一看守所法律援助工作站',
      receiver: '刘䶮',
      applicantName: '王𠮷',
      receivedAt: '2026年11月24日09时30分',
    });
    expect(receipt.receivedMaterials).toEqual(['法律援助申请表一份', '经济困难状况个人诚信承诺书一份', '身份证明材料复印件一份']);
    const notice = prefillDocument(templateOf('supplementary_materials_notice')!, { consultation: c, station, today: '2026-11-24', enums });
    expect(notice.missingItems).toEqual([
      '申请人有效身份证明（居民身份证等）原件及复印件一份',
      '家庭经济状况说明：如实填写的经济困难状况个人诚信承诺书，或者有关部门出具的经济困难证明（《法律援助法》第四十一条）',
    ]);
    // A migrant worker claiming wages is exempt from the means test (Art. 42(3)): no proof of hardship is asked for.
    const migrant = prefillDocument(templateOf('supplementary_materials_notice')!, {
      consultation: consultation({
        ...civil,
        requestKind: 'legal_aid_application',
        receivedAt: '2026-11-24T09:30:00+08:00',
        aidMatters: ['unpaid_wages'],
        specialGroups: ['migrant_worker'],
      }),
      station,
      today: '2026-11-24',
      enums,
    });
    expect(migrant.missingItems).toEqual(['申请人有效身份证明（居民身份证等）原件及复印件一份']);
  });
});

describe('judicial confirmation filled from a mediation', () => {
  const template = templateOf('judicial_confirmation_application')!;

  it('takes the parties as joint applicants, the terms, the amount, the date and the inviting court, dated today', () => {
    const mediation = mediationInputSchema(DEFAULT_ENUMERATIONS).parse(
      mediationFixture({ place: '和平区人民法院诉讼服务中心', terms: '被申请人支付拖欠工资38,500元。\n申请人放弃其他请求。' }),
    );
    const values = prefillDocument(template, { mediation, station, lawyerName: '刘䶮', today: '2026-11-24', enums });
    expect(values).toMatchObject({
      applicants: ['赵𠮷（委托代理人：王律师）', '沈阳某建筑劳务有限公司'],
      cause: '劳务合同纠纷',
      terms: ['被申请人支付拖欠工资38,500元。', '申请人放弃其他请求。'],
      amountAgreed: '38500',
      payment: '一次性支付，于2026年12月20日前履行',
      mediationDate: '2026-11-20',
      court: '和平区人民法院',
      applicationDate: '2026-11-24',
    });
    // The organisation is left to the lawyer when the place does not name one.
    expect(checkDocumentValues(template, values).map((p) => p.field)).toEqual(['mediationOrg']);
  });

  it('names the people’s mediation committee where the mediation took place', () => {
    const mediation = mediationInputSchema(DEFAULT_ENUMERATIONS).parse(mediationFixture({ type: 'people_mediation', place: '南湖街道人民调解委员会' }));
    const values = prefillDocument(template, { mediation, station, today: '2026-11-24', enums });
    expect(values.mediationOrg).toBe('南湖街道人民调解委员会');
    expect(values.court).toBe('');
    const inCourtRoom = mediationInputSchema(DEFAULT_ENUMERATIONS).parse(mediationFixture({ place: '和平区人民法院诉讼服务中心调解室' }));
    expect(prefillDocument(template, { mediation: inCourtRoom, station, today: '2026-11-24', enums }).mediationOrg).toBe('');
  });

  it('refuses an application made more than 30 days after the agreement took effect', () => {
    const base = {
      applicants: ['甲', '乙'],
      cause: '劳务合同纠纷',
      mediationOrg: '某人民调解委员会',
      terms: ['支付'],
      court: '某区人民法院',
      mediationDate: '2026-11-20',
    };
    expect(checkDocumentValues(template, { ...base, applicationDate: '2026-12-20' })).toEqual([]);
    expect(checkDocumentValues(template, { ...base, applicationDate: '2026-12-21' })).toEqual([
      {
        field: 'applicationDate',
        message:
          '已超过调解协议生效之日起三十日的申请期限（最迟 2026-12-20，《人民调解法》第三十三条、《民事诉讼法》第二百零五条）；可就调解协议的履行或内容向人民法院提起诉讼',
      },
    ]);
  });
});

describe('claim totals', () => {
  it('adds the amounts the claims end with, exactly in fen', () => {
    const claims = [
      '裁决被申请人支付2025年8月至12月工资38,500.10元；',
      '裁决被申请人支付加班费0.10元；',
      '裁决被申请人支付经济补偿0.20元（暂计至2025年12月31日）。',
      '确认申请人与被申请人2025年3月至12月存在劳动关系；',
      '裁决被申请人支付逾期利息（以38,500元为基数，按LPR计算至实际给付之日止）；',
      '裁决被申请人支付工伤待遇1.25万元。',
    ];
    // In floating yuan 38,500.10 + 0.10 + 0.20 is 38500.399999999994; in fen it is 3,850,040, plus 1,250,000.
    expect(claimsTotal(claims)).toEqual({ fen: 5_100_040, yuan: '51000.40', counted: 4, ambiguous: [] });
  });

  it('leaves the total to the lawyer when a claim names two sums, rather than print a wrong one', () => {
    const template = templateOf('incidental_civil_complaint')!;
    const claims = ['判令被告人赔偿医疗费12,600元；', '判令被告人赔偿护理费3,200元、交通费360.50元。'];
    expect(claimsTotal(claims).ambiguous).toEqual([2]);
    expect(normalizeDocumentValues(template, { claims }).claimsTotal).toBeUndefined();
    expect(normalizeDocumentValues(template, { claims: claims.slice(0, 1) }).claimsTotal).toBe('12600.00');
  });

  it('fills an empty total, and names a typed one that is not the sum', () => {
    const template = templateOf('labour_arbitration_application')!;
    const claims = ['裁决被申请人支付工资38,500元；', '裁决被申请人支付二倍工资差额19,250元。'];
    expect(normalizeDocumentValues(template, { claims, claimsTotal: '' }).claimsTotal).toBe('57750.00');
    expect(checkDocumentValues(template, { claims, claimsTotal: '57,750' }, { draft: true })).toEqual([]);
    expect(checkDocumentValues(template, { claims, claimsTotal: '38500' }, { draft: true })).toEqual([
      { field: 'claimsTotal', message: '请求金额合计应为各项请求金额之和 57,750.00元，现填写为 38,500.00元；清空后将自动合计' },
    ]);
  });
});

describe('printed papers', () => {
  const service = createDocumentService(developmentFontFiles());
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dls-papers-'));
  const textOf = (bytes: Buffer, name: string) => {
    const file = path.join(dir, `${name}.pdf`);
    writeFileSync(file, bytes);
    return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  };

  it('the one-time notice lists every missing item given, numbered, with the deadline and the consequence', async () => {
    const missingItems = Array.from({ length: 12 }, (_, i) => `第${i + 1}种材料：${['劳动合同', '工资条', '考勤记录', '欠条'][i % 4]}复印件一份`);
    const r = await service.renderBytes({
      kind: 'supplementary_materials_notice',
      values: {
        legalAidCentre: '沈阳市皇姑区法律援助中心',
        applicantName: '王𠮷',
        receivedAt: '2026年11月24日09时30分',
        matter: '请求支付劳动报酬',
        missingItems,
        deadline: '2026-12-01',
        date: '2026-11-24',
      },
      docNumber: '〔2026〕LN0102-FY01值字第0042号',
    });
    const text = textOf(r.bytes, 'notice');
    let at = 0;
    missingItems.forEach((item, i) => {
      const found = text.indexOf(`${i + 1}.${item}`, at);
      expect(found, item).toBeGreaterThan(at);
      at = found;
    });
    expect(text).toContain('以上为你需要补充的全部材料和需要说明的全部事项。');
    expect(text).toContain('请你于2026年12月1日前补充上述材料或者作出说明。');
    expect(text).toContain('逾期未按要求补充材料或者作出说明的，视为撤回申请。');
  });

  it('the arbitration application prints the total of its claims in yuan', async () => {
    const r = await service.renderBytes({
      kind: 'labour_arbitration_application',
      values: {
        applicant: '王𠮷，男',
        employerName: '沈阳某某建筑劳务有限公司',
        claims: ['裁决被申请人支付工资38,500.10元；', '裁决被申请人支付二倍工资差额19,250.20元；', '裁决被申请人支付经济补偿0.70元。'],
        facts: '被拖欠工资。',
        commission: '沈阳市皇姑区劳动人事争议仲裁委员会',
        date: '2026-01-15',
      },
      docNumber: '〔2026〕LN0102-FY01值字第0042号',
    });
    expect(r.values.claimsTotal).toBe('57751.00');
    expect(textOf(r.bytes, 'arbitration')).toContain('以上请求金额合计人民币57,751.00元。');
  });
});

describe('which mediations can be confirmed by a court', () => {
  it('an agreement before a mediation organisation, not a settlement in court or a failed mediation', () => {
    expect(judicialConfirmationApplies({ type: 'people_mediation', outcome: 'agreement' })).toBe(true);
    expect(judicialConfirmationApplies({ type: 'pre_litigation', outcome: 'partial_agreement' })).toBe(true);
    expect(judicialConfirmationApplies({ type: 'in_litigation', outcome: 'agreement' })).toBe(false);
    expect(judicialConfirmationApplies({ type: 'people_mediation', outcome: 'no_agreement' })).toBe(false);
  });
});
