import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { templateOf } from '../../../core/documents/templates/index';
import { checkDocumentValues } from '../../../core/documents/values';
import type { DocumentValues } from '../../../core/documents/template';
import { totalOf } from '../../../core/documents/templates/elementPleadings/marks';
import { createConsultationInputSchema, type Consultation } from '../../../core/consultations/schema';
import { DEFAULT_ENUMERATIONS } from '../../../core/domain/enums';
import { prefillDocument } from '../../../core/documents/prefill';
import { contact } from '../core/contactFixture';
import { createDocumentService } from '../../../electron/services/documents/documentService';
import { developmentFontFiles } from '../../../electron/services/pdf/fonts';

const service = createDocumentService(developmentFontFiles());
const dir = mkdtempSync(path.join(os.tmpdir(), 'dls-element-'));
const TYPES = ['labour', 'lending', 'divorce', 'traffic', 'sales', 'property'] as const;
const KINDS = TYPES.flatMap((t) => [`element_complaint_${t}`, `element_defence_${t}`]);

async function sampleOf(kind: string): Promise<DocumentValues> {
  return ((await import(`./samples/${kind}.ts`)) as { sample: DocumentValues }).sample;
}

/** The printed text of a render, whitespace removed so table cells read as one string. */
async function printed(kind: string, values: DocumentValues): Promise<string> {
  const r = await service.renderBytes({ kind, values, docNumber: '（未编号）' });
  expect(r.missingCharacters).toEqual([]);
  const file = path.join(dir, `${kind}-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, r.bytes);
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
    .replace(/第\s*\d+\s*页\s*共\s*\d+\s*页/g, '')
    .replace(/\s+/g, '');
}

describe.each(KINDS)('%s', (kind) => {
  it('is registered with its legal basis and signers, and its sample fills exactly its fields and renders', async () => {
    const template = templateOf(kind)!;
    expect(template).toBeDefined();
    expect(template.legalBasis).toMatch(/法〔2025〕82号/);
    expect(template.signers).toBeTruthy();
    const sample = await sampleOf(kind);
    expect(Object.keys(sample).sort()).toEqual(template.fields.map((f) => f.name).sort());
    expect(checkDocumentValues(template, sample)).toEqual([]);
    const text = await printed(kind, sample);
    expect(text).toContain(kind.includes('complaint') ? '民事起诉状' : '民事答辩状');
    expect(text).toContain('对纠纷解决方式的意愿');
    expect(text).toContain('是否考虑先行调解');
    expect(text).toContain('证据清单');
  });
});

/** 标的总额 as a reader adds the sample amounts up, worked out by hand. */
const TOTALS: Record<(typeof TYPES)[number], string> = {
  labour: '100,100.00元', // 38,500 + 53,900 + 7,700
  lending: '83,520.00元', // 80,000 + 3,520
  divorce: '30,000.00元',
  traffic: '117,246.50元', // 46,380.50 + 5,600 + 1,500 + 2,800 + 620 + 52,146 + 5,000 + 800 + 2,400
  sales: '135,360.60元', // 126,400 + 2,960.60 + 6,000
  property: '7,892.64元', // 7,516.80 + 375.84
};

describe('claims and their total', () => {
  it.each(TYPES)('%s: every claimed amount prints in its row and the total is their sum', async (type) => {
    const kind = `element_complaint_${type}`;
    const template = templateOf(kind)!;
    const sample = await sampleOf(kind);
    const text = await printed(kind, sample);
    const totalLabel = type === 'divorce' ? '金钱给付请求合计' : '标的总额';
    expect(text).toMatch(new RegExp(`\\d+\\.${totalLabel}${TOTALS[type].replace(/[.,]/g, (c) => `\\${c}`)}`));
    // The same sum in fen, from the amount fields the lawyer filled.
    const amounts = template.fields
      .filter((f) => f.type === 'money' && f.name.endsWith('Amount'))
      .map((f) => sample[f.name] as string)
      .filter((v) => v !== '');
    const fen = amounts.reduce((sum, v) => sum + BigInt(Math.round(Number(v) * 100)), 0n);
    expect(TOTALS[type].replace(/[,元.]/g, '')).toBe(fen.toString());
  });

  it('adds amounts exactly in fen, reads grouped input, and refuses to total an unreadable amount', () => {
    expect(totalOf({ a: '0.10', b: '0.20' }, ['a', 'b'])).toBe('0.30元');
    expect(totalOf({ a: '1,234.5', b: '99999999999.99' }, ['a', 'b'])).toBe('100,000,001,234.49元');
    expect(totalOf({ a: '', b: '' }, ['a', 'b'])).toBe('');
    expect(totalOf({ a: '12.345' }, ['a'])).toBe('（有金额填写有误，无法合计）');
    expect(totalOf({ a: '7,516.8', b: '375.84' }, ['a', 'b'])).toBe('7,892.64元');
  });

  it('ticks 是 for a claimed amount and 否 for one left empty', async () => {
    const text = await printed('element_complaint_labour', await sampleOf('element_complaint_labour'));
    expect(text).toContain('1.是否主张工资支付■是□否38,500.00');
    expect(text).toContain('3.是否主张加班费□是■否');
    expect(text).toContain('8.是否主张诉讼费用■是□否');
  });
});

describe('parties', () => {
  it('prints several plaintiffs, defendants and third parties, each numbered, in order', async () => {
    const sample = await sampleOf('element_complaint_lending');
    const values: DocumentValues = {
      ...sample,
      thirdParties: [
        '周某甲，男，1970年1月1日出生，汉族，联系电话：13000000001',
        '沈阳某某典当有限公司，法定代表人：吴某，统一社会信用代码：91210102MA0XXXXXXK',
      ],
    };
    const text = await printed('element_complaint_lending', values);
    const order = ['1.王淑芬', '2.刘德厚', '1.陈志强', '2.陈志刚（保证人）', '1.周某甲', '2.沈阳某某典当有限公司'].map((s) => text.indexOf(s));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).toContain('统一社会信用代码：91210102MA0XXXXXXK');
  });
});

describe('service', () => {
  it('prints the confirmed service address and the consent to electronic service', async () => {
    const text = await printed('element_complaint_labour', await sampleOf('element_complaint_labour'));
    expect(text).toContain(
      '地址：沈阳市铁西区兴华南街58号2单元301室收件人：张建军电话：13904001122以上送达地址经本人确认准确、有效；地址变更的，将及时书面告知人民法院。',
    );
    expect(text).toContain('是否接受电子送达■是方式：短信：13904001122□否同意人民法院以上述方式电子送达诉讼文书。');
  });

  it('prints no consent when the party refuses electronic service', async () => {
    const text = await printed('element_defence_lending', await sampleOf('element_defence_lending'));
    expect(text).toContain('是否接受电子送达□是■否');
    expect(text).not.toContain('同意人民法院以上述方式电子送达');
  });
});

describe('defence', () => {
  it('answers each claim and fact: 无 ticks no objection, a reason ticks 有 and prints the reason', async () => {
    const text = await printed('element_defence_lending', await sampleOf('element_defence_lending'));
    expect(text).toContain('1.对本金有无异议□无■有尚欠本金20,000元，非原告主张的30,000元');
    expect(text).toContain('3.对提前还款或解除合同诉请有无异议■无□有无');
    expect(text).toContain('8.对还款情况有无异议□无■有2026年3月18日已现金归还本金10,000元');
  });
});

describe('labour disputes go to arbitration first', () => {
  it('warns on the labour complaint and offers the arbitration application; no other element kind warns', () => {
    const notice = templateOf('element_complaint_labour')!.notice!;
    expect(notice.text).toMatch(/仲裁/);
    expect(notice.text).toMatch(/劳动争议调解仲裁法》第五条、第二十九条、第五十条/);
    expect(notice.alternativeKind).toBe('labour_arbitration_application');
    expect(KINDS.filter((k) => templateOf(k)!.notice !== undefined)).toEqual(['element_complaint_labour']);
  });
});

describe('mediation and preservation', () => {
  it('prints the willingness to mediate first and the preservation choices', async () => {
    const text = await printed('element_complaint_sales', await sampleOf('element_complaint_sales'));
    expect(text).toContain('是否考虑先行调解■是□否□暂不确定，想要了解更多内容');
    expect(text).toContain('1.有无仲裁、法院管辖约定■有合同条款及内容：合同第十一条：发生争议向卖方所在地人民法院起诉□无');
    expect(text).toContain('3.是否申请诉讼保全■是□否');
  });
});

describe('pre-filled from a contact', () => {
  function consultation(overrides: Record<string, unknown>): Consultation {
    const input = createConsultationInputSchema(DEFAULT_ENUMERATIONS).parse(
      contact({ clientRole: 'party', caseType: 'civil', criminalStage: undefined, helpTypes: ['legal_consultation'], ...overrides }),
    );
    return { ...input, id: 'c1', rev: 1, createdAt: input.time, updatedAt: input.time, deleted: false };
  }
  const ctx = (c: Consultation) => ({
    consultation: c,
    station: { name: '某某法院法律援助工作站', code: 'LN0102-FY01' },
    lawyerName: '刘明',
    today: '2026-11-24',
    enums: DEFAULT_ENUMERATIONS,
  });

  it('names the client as plaintiff with the model form’s elements and takes the service address from the record', () => {
    const c = consultation({
      gender: 'male',
      birthDate: '1990-03-07',
      idType: 'resident_id',
      idNumber: '210102199003071233',
      phone: '13812345678',
      address: '沈阳市和平区南京北街2号',
      cause: '劳动争议',
    });
    const values = prefillDocument(templateOf('element_complaint_labour')!, ctx(c));
    expect(values).toMatchObject({
      plaintiffs: [
        '王𠮷，男，1990年3月7日出生，联系电话：13812345678，住所地（户籍所在地）：沈阳市和平区南京北街2号，证件类型：居民身份证，证件号码：210102199003071233',
      ],
      serviceAddress: '沈阳市和平区南京北街2号',
      serviceRecipient: '王𠮷',
      servicePhone: '13812345678',
      signer: '王𠮷',
      date: '2026-11-24',
      facts: c.question,
    });
    // Consent to electronic service is the client's to give, never assumed.
    expect(values.eService).toBeUndefined();
    expect(values.defendants).toBeUndefined();
  });

  it('names the client as the answering party of a defence, with the case number of the record', () => {
    const c = consultation({ caseNumber: '（2026）辽0102民初5521号', address: '沈阳市大东区小河沿路12号' });
    const values = prefillDocument(templateOf('element_defence_lending')!, ctx(c));
    expect(values.respondents).toEqual(['王𠮷，住所地（户籍所在地）：沈阳市大东区小河沿路12号']);
    expect(values.caseNumber).toBe('（2026）辽0102民初5521号');
    expect(values.plaintiffs).toBeUndefined();
  });
});
