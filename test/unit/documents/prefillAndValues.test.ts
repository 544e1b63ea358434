import { describe, expect, it } from 'vitest';
import { createConsultationInputSchema, type Consultation } from '../../../core/consultations/schema';
import { mediationInputSchema } from '../../../core/mediations/schema';
import { mediationFixture } from '../core/mediationFixture';
import { contact } from '../core/contactFixture';
import { DEFAULT_ENUMERATIONS } from '../../../core/domain/enums';
import { prefillDocument } from '../../../core/documents/prefill';
import { templateOf } from '../../../core/documents/templates/index';
import { checkDocumentValues, normalizeDocumentValues } from '../../../core/documents/values';
import { formatDocumentNumber } from '../../../core/documents/numbering';
import { formatChineseDate } from '../../../core/documents/format';

function consultation(overrides: Record<string, unknown> = {}): Consultation {
  const input = createConsultationInputSchema(DEFAULT_ENUMERATIONS).parse(
    contact({ gender: 'male', address: '沈阳市和平区南京北街2号', advice: '可以由近亲属提出取保候审申请', ...overrides }),
  );
  return { ...input, id: 'c1', rev: 1, createdAt: input.time, updatedAt: input.time, deleted: false };
}

const station = { name: '某某看守所法律援助工作站', code: 'LN0102-KSS01' };

describe('prefillDocument', () => {
  it('fills a help record from the contact, the station and the lawyer', () => {
    const values = prefillDocument(templateOf('help_record')!, {
      consultation: consultation(),
      station,
      lawyerName: '刘律师',
      today: '2026-11-24',
      enums: DEFAULT_ENUMERATIONS,
    });
    expect(values).toMatchObject({
      stationName: '某某看守所法律援助工作站',
      lawyerName: '刘律师',
      clientName: '王𠮷',
      gender: '男',
      caseNumber: '（2026）辽0102刑初123号',
      cause: '盗窃罪',
      helpTypes: '法律咨询',
      question: '被刑事拘留后家属能否申请取保候审',
      helpTime: '2026年11月20日09时30分',
    });
    expect(checkDocumentValues(templateOf('help_record')!, values)).toEqual([]);
  });

  it('describes the client as plaintiff of a civil complaint and dates it today', () => {
    const c = consultation({ clientRole: 'party', caseType: 'civil', criminalStage: undefined, helpTypes: ['legal_consultation'], cause: '劳务合同纠纷' });
    const values = prefillDocument(templateOf('civil_complaint')!, {
      consultation: c,
      station,
      lawyerName: '刘律师',
      today: '2026-11-24',
      enums: DEFAULT_ENUMERATIONS,
    });
    expect(values.plaintiff).toBe('王𠮷，男，住沈阳市和平区南京北街2号');
    expect(values.plaintiffName).toBe('王𠮷');
    expect(values.facts).toBe('被刑事拘留后家属能否申请取保候审');
    expect(values.date).toBe('2026-11-24');
    expect(values.claims).toBeUndefined();
  });
});

describe('prefill from a mediation', () => {
  it('fills the 调解协议书 from the mediation record, and the result passes the template’s checks', () => {
    const mediation = mediationInputSchema(DEFAULT_ENUMERATIONS).parse(
      mediationFixture({ terms: '被申请人支付拖欠工资38,500元。\n申请人放弃其他请求。', amountRecovered: '' }),
    );
    const template = templateOf('mediation_agreement')!;
    const values = prefillDocument(template, {
      mediation,
      station: { name: '和平区法院工作站', code: 'LN0102-FY01' },
      lawyerName: '王𠮷',
      today: '2026-11-24',
      enums: DEFAULT_ENUMERATIONS,
    });
    expect(values).toMatchObject({
      mediationType: '诉前调解',
      cause: '劳务合同纠纷',
      parties: ['申请人：赵𠮷（代理人：王律师）', '被申请人：沈阳某建筑劳务有限公司'],
      terms: ['被申请人支付拖欠工资38,500元。', '申请人放弃其他请求。'],
      amountAgreed: '38500',
      payment: '一次性支付，于2026年12月20日前履行',
      place: '和平区人民法院诉讼服务中心',
      lawyerName: '王𠮷',
      date: '2026-11-20',
      // Each of the two parties keeps one copy and the mediating body one; each signs on a line of his own.
      copies: '3',
      signatory1: '申请人赵𠮷',
      signatory2: '被申请人沈阳某建筑劳务有限公司',
    });
    // Only the mediating body (not on the mediation record) and the facts are left for the lawyer to write.
    const problems = checkDocumentValues(template, values, { draft: false });
    expect(problems.map((p) => p.field)).toEqual(['mediationOrg', 'facts']);
  });
});

describe('document values', () => {
  const complaint = templateOf('civil_complaint')!;

  it('names each bad field in Chinese', () => {
    const problems = checkDocumentValues(complaint, {
      plaintiff: '王𠮷',
      defendant: '某公司',
      claims: ['   '],
      facts: '事实',
      court: '某区人民法院',
      plaintiffName: '王𠮷',
      date: '2026-02-30',
    });
    expect(problems).toEqual([
      { field: 'claims', message: '请至少填写一条诉讼请求' },
      { field: 'date', message: '日期应为有效日期（如 2026-11-24）' },
    ]);
  });

  it('refuses money with three decimals and an unknown field', () => {
    const agreement = templateOf('mediation_agreement')!;
    const problems = checkDocumentValues(agreement, { amountAgreed: '12.345', bogus: 'x' });
    expect(problems).toContainEqual({ field: 'amountAgreed', message: '协议金额（元）应为金额，最多两位小数（如 12000 或 12000.50）' });
    expect(problems).toContainEqual({ field: 'bogus', message: '“调解协议书”没有名为 bogus 的栏目' });
  });

  it('normalises what prints: trimmed text, no empty list items, no thousands separators', () => {
    const agreement = templateOf('mediation_agreement')!;
    expect(normalizeDocumentValues(agreement, { cause: '  劳务纠纷 ', terms: ['支付工资', ' ', ''], amountAgreed: '38,500' })).toEqual({
      cause: '劳务纠纷',
      terms: ['支付工资'],
      amountAgreed: '38500',
    });
  });
});

describe('formatting', () => {
  it('prints numbers, dates and amounts the Chinese way', () => {
    expect(formatDocumentNumber(2026, 'LN0102-KSS01', 42)).toBe('〔2026〕LN0102-KSS01值字第0042号');
    expect(formatChineseDate('2026-03-05')).toBe('2026年3月5日');
  });
});
