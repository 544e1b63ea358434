import { describe, expect, it } from 'vitest';
import { layoutDocument, type BlockKind, type LaidOutDocument, type PageOp } from '../../../core/documents/layout';
import { DOCUMENT_TEMPLATES } from '../../../core/documents/templates/index';
import type { DocumentTemplate, DocumentValues, FieldDef } from '../../../core/documents/template';
import { checkDocumentValues } from '../../../core/documents/values';
import { AGREEMENT_SIGNATORIES } from '../../../core/documents/templates/mediationAgreement';
import { statisticsReportTemplate } from '../../../core/statistics/reportTemplate';
import { developmentFontFiles, FontSet } from '../../../electron/services/pdf/fonts';
import { SAMPLES } from './samples/index';
import { justifyGaps, spacingPieces } from '../../../core/documents/justify';

/**
 * Every kind, laid out three ways (required fields only; a typical case; every field at
 * its limit with rare characters), must never leave a signature block, a date, a heading
 * or a table header alone on a page, nor an empty page: a clerk returns such a paper.
 */
const fonts = new FontSet(developmentFontFiles());
const measure = (t: string, b: boolean, s: number) => fonts.measure(t, b, s);
const NUMBER = '〔2026〕LN0102-KSS01值字第0042号';

/** Kinds that alone on a page make it a stray: nothing a reader could not do without. */
const STRAY: ReadonlySet<BlockKind> = new Set(['signature', 'date', 'closing', 'heading', 'table-header']);
const SIGNING: ReadonlySet<BlockKind> = new Set(['signature', 'date', 'closing']);

function layout(template: DocumentTemplate, values: DocumentValues): LaidOutDocument {
  return layoutDocument({ template, values, docNumber: NUMBER, measure });
}

const kindsOf = (ops: PageOp[]) => new Set(ops.map((o) => o.block).filter((k) => k !== 'footer'));
const bottomOf = (ops: PageOp[], kind: BlockKind) =>
  Math.max(-Infinity, ...ops.filter((o) => o.block === kind).map((o) => (o.op === 'text' ? o.y : Math.max(o.y1, o.y2))));

/** What is wrong with the pages, in words a reviewer reads in the failure. */
function layoutFaults(doc: LaidOutDocument): string[] {
  const faults: string[] = [];
  doc.pages.forEach((ops, i) => {
    const page = `第 ${i + 1} 页`;
    const kinds = kindsOf(ops);
    if (kinds.size === 0) faults.push(`${page}是空白页`);
    else if ([...kinds].every((k) => STRAY.has(k))) faults.push(`${page}只有${[...kinds].join('、')}`);
    // A header row must have at least one row of its table under it on the same page.
    if (kinds.has('table-header') && bottomOf(ops, 'table') <= bottomOf(ops, 'table-header')) faults.push(`${page}以表头结束`);
    // A heading must have something under it on the same page.
    const lastHeading = bottomOf(ops, 'heading');
    if (kinds.has('heading') && !ops.some((o) => o.op === 'text' && o.block !== 'footer' && o.block !== 'heading' && o.y > lastHeading)) {
      faults.push(`${page}以标题结束`);
    }
  });
  const signingPages = doc.pages.map((ops, i) => (ops.some((o) => SIGNING.has(o.block)) ? i : -1)).filter((i) => i >= 0);
  // A signature block split across pages: the next page goes on signing before any body. (A
  // second paper on the sheet, such as a receipt slip with its own text, is not a split.)
  const topOf = (ops: PageOp[]) =>
    ops.filter((o) => o.block !== 'footer').sort((a, b) => (a.op === 'text' ? a.y : Math.min(a.y1, a.y2)) - (b.op === 'text' ? b.y : Math.min(b.y1, b.y2)))[0];
  const split = signingPages.filter((i) => signingPages.includes(i - 1) && SIGNING.has(topOf(doc.pages[i]!)?.block ?? 'footer'));
  if (split.length > 0) faults.push(`落款分在第 ${[split[0]!, ...split].map((i, k) => (k === 0 ? i : i + 1)).join('、')} 页`);
  for (const i of signingPages) {
    const kinds = kindsOf(doc.pages[i]!);
    if (!kinds.has('body') && !kinds.has('table')) faults.push(`第 ${i + 1} 页的落款前没有正文`);
  }
  return faults;
}

function fieldValue(field: FieldDef, make: (field: FieldDef, n: number) => string, items: number): string | string[] {
  if (field.type === 'date') return field.name === 'birthDate' ? '1986-03-12' : '2026-12-31';
  if (field.type === 'list') return Array.from({ length: items }, (_, i) => make(field, i));
  return make(field, 0);
}

/** Required fields only, each as short as a real entry gets. */
function minimalValues(template: DocumentTemplate): DocumentValues {
  const values: DocumentValues = {};
  for (const f of template.fields.filter((f) => f.required)) {
    values[f.name] = fieldValue(f, (field) => (field.type === 'money' ? '100' : [...field.label].slice(0, Math.min(field.max ?? 2, 2)).join('')), 1);
  }
  return values;
}

const RARE = '𠮷䶮堃';
const DEFAULT_MAX: Record<string, number> = { text: 200, multiline: 10000, money: 20, list: 500 };

/** Every field at its limit: names with rare characters, long texts in paragraphs, 20 list items. */
function longValues(template: DocumentTemplate): DocumentValues {
  const values: DocumentValues = {};
  const fill = (field: FieldDef, n: number): string => {
    if (field.type === 'money') return '999999999999.99';
    const max = field.max ?? DEFAULT_MAX[field.type]!;
    const seed = [...`${RARE}${field.label}${n + 1}王某某`];
    const cps = Array.from({ length: max }, (_, i) => seed[i % seed.length]!);
    // Paragraphs of about 300 characters, as a long statement of facts has.
    if (field.type === 'multiline') for (let i = 300; i < cps.length - 1; i += 300) cps[i] = '\n';
    return cps.join('');
  };
  for (const f of template.fields) values[f.name] = fieldValue(f, fill, 20);
  return values;
}

/**
 * The generated values made savable where a template's own rules tie fields together (its
 * `check`): the stage's title for the accused, 缓交/减交/免交, one signature line per party of
 * a mediation agreement (six at most) and 一式N份 to match, claims ending in the amounts their
 * typed total adds up. Every other value stays as short or as long as generated.
 */
function lawful(template: DocumentTemplate, values: DocumentValues): DocumentValues {
  const out = { ...values };
  const has = (name: string) => template.fields.some((f) => f.name === name);
  if (has('partyTitle') && template.check) out.partyTitle = '被告人';
  if (has('reliefKind')) out.reliefKind = '免交';
  if (template.kind === 'mediation_agreement') {
    const parties = (out.parties as string[]).slice(0, AGREEMENT_SIGNATORIES);
    out.parties = parties;
    parties.forEach((_, i) => {
      const name = `signatory${i + 1}`;
      out[name] = typeof out[name] === 'string' && out[name] !== '' ? out[name] : `当事人${i + 1}`;
    });
    for (let i = parties.length; i < AGREEMENT_SIGNATORIES; i++) delete out[`signatory${i + 1}`];
    out.copies = String(parties.length + 1);
  }
  if (has('claimsTotal') && typeof out.claimsTotal === 'string' && out.claimsTotal !== '' && Array.isArray(out.claims)) {
    out.claims = out.claims.map((c) => `${[...c].slice(0, -4).join('')}100元`);
    out.claimsTotal = String(out.claims.length * 100);
  }
  return out;
}

describe.each(DOCUMENT_TEMPLATES.map((t) => [t.kind, t] as const))('%s', (kind, template) => {
  it('has a typical sample that passes its own checks', () => {
    const sample = SAMPLES[kind];
    expect(sample, `test/unit/documents/samples/${kind}.ts is missing`).toBeDefined();
    expect(checkDocumentValues(template, sample!)).toEqual([]);
  });

  it.each([
    ['minimal', () => lawful(template, minimalValues(template))],
    ['typical', () => SAMPLES[kind] ?? {}],
    ['long', () => lawful(template, longValues(template))],
  ] as const)('%s values: no stray signature, date, heading or header, no empty page', (_how, values) => {
    const v = values();
    expect(checkDocumentValues(template, v)).toEqual([]);
    expect(layoutFaults(layout(template, v))).toEqual([]);
  });
});

describe('a signature block taller than a page', () => {
  it('fills the pages it needs instead of putting one line on each', () => {
    const template: DocumentTemplate = {
      kind: 'many_signers',
      name: '多方签名',
      description: '',
      style: 'letter',
      sources: ['none'],
      fields: [],
      blocks: [
        { type: 'line', indent: true, text: '各方确认以上内容。' },
        { type: 'signature', lines: Array.from({ length: 40 }, (_, i) => ({ sign: `当事人${i + 1}（签名）`, fingerprint: true })) },
      ],
    };
    const doc = layout(template, {});
    // Forty lines with room to sign take about three pages of 三号.
    expect(doc.pages.length).toBeLessThanOrEqual(4);
    expect(doc.pages.length).toBeGreaterThanOrEqual(2);
  });
});

describe('the end of the body stays with the signing', () => {
  const template = (kind: string) => DOCUMENT_TEMPLATES.find((t) => t.kind === kind)!;
  const texts = (ops: PageOp[]) =>
    ops.flatMap((o) => (o.op === 'text' && o.block !== 'footer' ? [{ block: o.block, y: o.y, text: o.runs.map((r) => r.text).join('') }] : []));
  const pageOf = (doc: LaidOutDocument, text: string) => doc.pages.findIndex((ops) => texts(ops).some((t) => t.text.includes(text)));

  it('a record signed in a table under it (会见笔录): the last answers are on the page of the 核对意见', () => {
    const doc = layout(template('meeting_record'), SAMPLES.meeting_record!);
    const page = pageOf(doc, '核对意见');
    const confirm = texts(doc.pages[page]!).find((t) => t.text.includes('核对意见'))!;
    const above = texts(doc.pages[page]!).filter((t) => t.block === 'body' && t.y < confirm.y);
    expect(above.length).toBeGreaterThanOrEqual(2);
    expect(above.at(-1)!.text).toMatch(/^答：/);
  });

  it('a seal under one-line paragraphs (经办, 联系电话) does not open a page with only them (一次性告知书)', () => {
    const doc = layout(template('supplementary_materials_notice'), SAMPLES.supplementary_materials_notice!);
    const page = pageOf(doc, '（盖章）');
    const seal = texts(doc.pages[page]!).find((t) => t.text === '（盖章）')!;
    const above = texts(doc.pages[page]!).filter((t) => t.block === 'body' && t.y < seal.y && !/^(经办|联系电话)：/.test(t.text));
    expect(above.length).toBeGreaterThan(0);
  });
});

describe('a slip to cut off and send back (转交函 and its 回执)', () => {
  const template = DOCUMENT_TEMPLATES.find((t) => t.kind === 'transfer_letter')!;
  const textOps = (ops: PageOp[]) =>
    ops.flatMap((o) => (o.op === 'text' && o.block !== 'footer' ? [{ y: o.y, text: o.runs.map((r) => r.text).join('') }] : []));
  const pageWith = (doc: LaidOutDocument, pattern: RegExp) => doc.pages.findIndex((ops) => textOps(ops).some((t) => pattern.test(t.text)));

  it('sits under the letter on the same page, below a dashed cut line, when it fits', () => {
    const doc = layout(template, SAMPLES.transfer_letter!);
    expect(doc.pages).toHaveLength(1);
    const lines = textOps(doc.pages[0]!);
    const yOf = (pattern: RegExp) => lines.find((t) => pattern.test(t.text))!.y;
    expect(yOf(/沿此线剪开/)).toBeGreaterThan(yOf(/^\d{4}年\d{1,2}月\d{1,2}日$/));
    expect(yOf(/^回\s*执$/)).toBeGreaterThan(yOf(/沿此线剪开/));
    const cut = doc.pages[0]!.filter((o) => o.op === 'rule' && o.dash !== undefined);
    expect(cut.length).toBeGreaterThan(0);
  });

  it('is never split: when the letter is long it goes whole to the next page', () => {
    const doc = layout(template, lawful(template, longValues(template)));
    const cut = pageWith(doc, /沿此线剪开/);
    expect(cut).toBeGreaterThan(0);
    for (const part of [/^回\s*执$/, /已收到/, /接收人（签名）/]) expect(pageWith(doc, part)).toBe(cut);
    expect(textOps(doc.pages[cut]!)[0]!.text).toMatch(/沿此线剪开/);
  });
});

describe('statistics report', () => {
  it('never ends a page with a table header and repeats the header on a continued table', () => {
    // Tables of 1 to 30 rows one after another put a header at every height of the page.
    const tables = Array.from({ length: 30 }, (_, t) => ({
      title: `表${t + 1}`,
      columns: ['律师', '接待人次', '转交'],
      rows: Array.from({ length: t + 1 }, (_, r) => [`律师${r + 1}`, String(r), String(t)]),
    }));
    const doc = layout(statisticsReportTemplate({ title: '统计报表', subtitle: '2026年11月', tables }), {});
    expect(layoutFaults(doc)).toEqual([]);
    // A page that starts inside a table starts with that table's header.
    doc.pages.slice(1).forEach((ops, i) => {
      const first = ops.filter((o) => o.op === 'text' && o.block !== 'footer').sort((a, b) => (a.op === 'text' && b.op === 'text' ? a.y - b.y : 0))[0];
      if (first?.block === 'table' || first?.block === 'table-header') expect(first.block, `第 ${i + 2} 页`).toBe('table-header');
    });
  });
});

describe('optional values', () => {
  const textOf = (doc: LaidOutDocument) =>
    doc.pages
      .flat()
      .map((o) => (o.op === 'text' ? o.runs.map((r) => r.text).join('') : ''))
      .join('');

  it('a mediation agreement has one line to sign per party named, and none left blank', () => {
    const template = DOCUMENT_TEMPLATES.find((t) => t.kind === 'mediation_agreement')!;
    const parties = (SAMPLES.mediation_agreement!.parties as string[]).length;
    const text = textOf(layout(template, SAMPLES.mediation_agreement!));
    expect(text.split('（签名或盖章、指印）：').length - 1).toBe(parties);
  });

  it.each(['bail_application', 'measure_change_application', 'hardship_pledge'])('%s: an empty address leaves no dangling "，住"', (kind) => {
    const template = DOCUMENT_TEMPLATES.find((t) => t.kind === kind)!;
    const { address, ...rest } = SAMPLES[kind]!;
    expect(textOf(layout(template, { ...rest, address: address! }))).toContain(`，住${address as string}`);
    const without = textOf(layout(template, { ...rest, address: '', idNumber: '' }));
    expect(without).not.toMatch(/，住[，。]|，住$|证件号码[，。]/);
    expect(without).not.toContain('，住，');
  });

  it('an empty date in a signature block leaves a line to date by hand', () => {
    const template = DOCUMENT_TEMPLATES.find((t) => t.kind === 'hardship_pledge')!;
    const doc = layout(template, { ...SAMPLES.hardship_pledge!, date: '' });
    expect(textOf(doc)).toContain('____年__月__日');
  });
});

describe('room to sign', () => {
  const template: DocumentTemplate = {
    kind: 'signing_test',
    name: '签署测试',
    description: '',
    style: 'letter',
    sources: ['none'],
    fields: [{ name: 'date', label: '日期', type: 'date' }],
    blocks: [
      { type: 'line', text: '正文。' },
      { type: 'signature', lines: ['申请人（签名）：', { sign: '当事人（签名）', fingerprint: true }, '值班律师：刘明远', { date: 'date' }] },
    ],
  };
  const page = () => layout(template, {}).pages[0]!;

  it('draws a line to sign on after each request to sign, none after a printed name', () => {
    const ops = page();
    const underlines = ops.filter((o) => o.op === 'rule' && o.block === 'signature' && o.y1 === o.y2 && o.x2 - o.x1 > 50);
    // Each underline sits on the line whose box holds it.
    const signedLines = underlines.map((r) => {
      const line = ops.find((o) => o.op === 'text' && r.op === 'rule' && r.y1 > o.y && r.y1 <= o.y + o.lineHeight + 3 && o.runs[0]!.text !== '指印');
      return line?.op === 'text' ? line.runs.map((x) => x.text).join('') : '';
    });
    expect(signedLines).toEqual(['申请人（签名）：', '当事人（签名）：']);
  });

  it('draws a box marked 指印 where a fingerprint is asked for, and a blank date to fill by hand', () => {
    const ops = page();
    const texts = ops.filter((o) => o.op === 'text').map((o) => (o.op === 'text' ? o.runs.map((r) => r.text).join('') : ''));
    expect(texts).toContain('指印');
    expect(texts).toContain('当事人（签名）：');
    expect(texts).toContain('____年__月__日');
    const vertical = ops.filter((o) => o.op === 'rule' && o.block === 'signature' && o.x1 === o.x2);
    expect(vertical).toHaveLength(2);
  });

  it('gives the receiver of an application a line to sign on and a date, as the person handing it in has (接收凭证)', () => {
    const doc = layout(DOCUMENT_TEMPLATES.find((t) => t.kind === 'application_receipt')!, SAMPLES.application_receipt!);
    const ops = doc.pages.flat();
    const texts = ops.flatMap((o) => (o.op === 'text' ? [{ ...o, text: o.runs.map((r) => r.text).join('') }] : []));
    // The last row's labels: 递交人 also heads the third row.
    const label = (name: string) => texts.findLast((t) => t.text === name)!;
    const receiverCell = { from: label('接收人').x, to: label('递交人').x };
    const inReceiverCell = (x: number) => x > receiverCell.from && x < receiverCell.to;
    const sign = texts.filter((t) => t.text === '（签名）：' && inReceiverCell(t.x));
    expect(sign).toHaveLength(1);
    const rule = ops.find(
      (o) => o.op === 'rule' && o.y1 === o.y2 && inReceiverCell(o.x1) && o.x1 > sign[0]!.x && o.y1 > sign[0]!.y && o.y1 < sign[0]!.y + sign[0]!.lineHeight + 3,
    );
    expect(rule).toBeDefined();
    expect(texts.some((t) => inReceiverCell(t.x) && t.y > sign[0]!.y && /^_+年_+月_+日$/.test(t.text))).toBe(true);
  });

  it('gives a request to sign inside a form cell a line to sign on, and the 指印 one of its own (help record, 受助人（签名）：)', () => {
    const doc = layout(DOCUMENT_TEMPLATES.find((t) => t.kind === 'help_record')!, SAMPLES.help_record!);
    const rules = doc.pages.flat().filter((o) => o.op === 'rule' && o.block === 'signature');
    const ys = rules.map((o) => (o.op === 'rule' ? o.y1 : 0));
    const top = Math.min(...ys);
    const bottom = Math.max(...ys.filter((y, i) => rules[i]!.op === 'rule' && (rules[i] as { y2: number }).y2 === y));
    const inside = rules.filter((o) => o.op === 'rule' && o.y1 === o.y2 && o.y1 > top + 1 && o.y1 < bottom - 1);
    expect(inside).toHaveLength(2);
  });
});

describe('justified lines keep numbers tight', () => {
  it('cuts a line into spaced Chinese and tight figures', () => {
    expect(spacingPieces('欠付工资38,500.00元，自2026年')).toEqual([
      { text: '欠付工资', spaced: true },
      { text: '38,500.00', spaced: false },
      { text: '元，自', spaced: true },
      { text: '2026', spaced: false },
      { text: '年', spaced: true },
    ]);
    // 12 characters, 11 places between them, 8 of them inside the figure.
    expect(justifyGaps('共计38,500.00元')).toBe(3);
  });

  it('ends a justified line full of figures at the same right edge as one of plain text, with the figures unspread', () => {
    const template = DOCUMENT_TEMPLATES.find((t) => t.kind === 'legal_opinion')!;

    const figures = '被告人于2026年3月14日至2026年11月24日间先后12次收取货款共计38,500.00元，其中2026年5月的3笔合计12,300.50元已退还，';
    const values: DocumentValues = { ...SAMPLES.legal_opinion, caseSummary: `${figures.repeat(4)}${'辩护人认为应当依法从轻处罚，'.repeat(6)}` };
    const doc = layout(template, values);
    const justified = doc.pages.flat().filter((o): o is Extract<PageOp, { op: 'text' }> => o.op === 'text' && o.block === 'body' && o.charSpacing > 0);
    const edge = (o: Extract<PageOp, { op: 'text' }>) => {
      const text = o.runs.map((r) => r.text).join('');
      return o.x + measure(text, false, o.size) + o.charSpacing * justifyGaps(text);
    };
    const withFigures = justified.filter((o) => /\d{4}/.test(o.runs.map((r) => r.text).join('')));
    const plain = justified.filter((o) => !/\d/.test(o.runs.map((r) => r.text).join('')));
    expect(withFigures.length).toBeGreaterThan(2);
    expect(plain.length).toBeGreaterThan(0);
    const right = edge(plain[0]!);
    for (const o of [...withFigures, ...plain]) expect(Math.abs(edge(o) - right)).toBeLessThan(0.5);
  });
});
