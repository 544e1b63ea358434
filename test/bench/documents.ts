// The document engine against Chromium's print-to-PDF (what an Electron app would use:
// webContents.printToPDF), on the same 法律帮助记录表 (two pages since issue 16) and on a
// one-page 转交函 (issue 16 asks for a one-page document warm to stay 50x faster).
import { chromium, type Page } from '@playwright/test';
import { templateOf } from '../../core/documents/templates/index';
import { layoutDocument, type PageOp } from '../../core/documents/layout';
import type { DocumentTemplate, DocumentValues } from '../../core/documents/template';
import { FontSet, developmentFontFiles } from '../../electron/services/pdf/fonts';
import { renderPdf } from '../../electron/services/pdf/renderPdf';
import { chromiumPath } from '../harness/harness';
import { sample as transferLetter } from '../unit/documents/samples/transfer_letter';

const NUMBER = '〔2026〕LN0102-KSS01值字第0042号';

const VALUES = {
  stationName: '沈阳市和平区看守所法律援助工作站',
  helpTime: '2026年11月24日09时30分',
  lawyerName: '刘䶮',
  clientName: '王𠮷',
  gender: '男',
  birthDate: '1980-01-01',
  clientRole: '犯罪嫌疑人',
  idNumber: '210102198001010037',
  phone: '13812345678',
  address: '辽宁省沈阳市和平区南京北街2号',
  specialGroups: '农民工',
  caseType: '刑事',
  stage: '审查起诉',
  caseNumber: '（2026）辽0102刑初123号',
  cause: '盗窃罪',
  helpTypes: '法律咨询、程序选择建议、认罪认罚具结书签署见证',
  question: '被羁押后家属未能联系，询问是否可以申请法律援助以及认罪认罚的后果，是否可以申请取保候审。',
  advice: '告知其有权申请法律援助；解释认罪认罚从宽制度的适用条件和法律后果。\n建议如实供述，并就取保候审提出申请。',
  legalAidOutcome: '当场申请法律援助',
  followUp: '三日内跟进法律援助申请受理情况。',
};

/** Renders before measuring (BENCH_DOC_WARMUP; 10 before 2026-12-03). */
const WARM_UP = Number(process.env.BENCH_DOC_WARMUP ?? 100);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * The same laid-out lines as HTML with absolute positions, so Chromium prints the same pages
 * (the record runs to two pages since issue 16 added rows; printing only the first compared
 * one Chromium page with two pdfkit pages).
 */
function asHtml(template: DocumentTemplate, values: DocumentValues): string {
  const fonts = new FontSet(developmentFontFiles());
  const laid = layoutDocument({ template, values, docNumber: NUMBER, measure: (t, b, s) => fonts.measure(t, b, s) });
  const pages = laid.pages.map((page) => `<div style="position:relative;width:210mm;height:296mm;page-break-after:always">${pageHtml(page)}</div>`);
  return `<!doctype html><html><head><meta charset="utf-8"><style>@page{size:A4;margin:0}body{margin:0;font-family:"Noto Serif CJK SC","Noto Serif SC",serif}</style></head><body>${pages.join('')}</body></html>`;
}

function pageHtml(page: PageOp[]): string {
  return page
    .map((op) =>
      op.op === 'text'
        ? `<div style="position:absolute;left:${op.x}pt;top:${op.y}pt;font-size:${op.size}pt;line-height:${op.lineHeight}pt;letter-spacing:${op.charSpacing}pt;white-space:pre">${op.runs.map((r) => (r.bold ? `<b>${r.text}</b>` : r.text)).join('')}</div>`
        : `<div style="position:absolute;left:${Math.min(op.x1, op.x2)}pt;top:${Math.min(op.y1, op.y2)}pt;width:${Math.max(0.6, Math.abs(op.x2 - op.x1))}pt;height:${Math.max(0.6, Math.abs(op.y2 - op.y1))}pt;background:#000"></div>`,
    )
    .join('');
}

/** Chromium's print of the same laid-out pages: median of 10 after a launch, page reused. */
async function chromiumPrint(page: Page, template: DocumentTemplate, values: DocumentValues): Promise<{ ms: number; bytes: number; pages: number }> {
  const html = asHtml(template, values);
  const times: number[] = [];
  let bytes = 0;
  let pages = 0;
  for (let i = 0; i < 10; i++) {
    const t = performance.now();
    await page.setContent(html);
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    times.push(performance.now() - t);
    bytes = pdf.length;
    pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  }
  return { ms: median(times), bytes, pages };
}

/** Warm renders of one document with the same values, then with values no render before had. */
async function warmRenders(template: DocumentTemplate, values: DocumentValues, freshValues: (i: number) => DocumentValues, fonts: FontSet) {
  // Unmeasured renders first, so "warm" means compiled as well as fonts parsed: half with new
  // values (not those measured below), else subsetting, which a repeated document skips
  // (FontSet.subsetFile), would first be compiled in the measured renders. V8 takes about a
  // hundred renders to settle; the app's live preview renders a paper at every pause in typing.
  for (let i = 0; i < WARM_UP; i++) await renderPdf(template, i % 2 ? values : freshValues(1000 + i), NUMBER, fonts);
  const warm: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < 30; i++) {
    const t = performance.now();
    await renderPdf(template, values, NUMBER, fonts);
    warm.push(performance.now() - t);
  }
  // CPU time is steadier than the clock on a shared machine (the load average is in the notes).
  const cpu = process.cpuUsage(cpu0);
  const fresh: number[] = [];
  for (let i = 0; i < 30; i++) {
    const next = freshValues(i);
    const t = performance.now();
    await renderPdf(template, next, NUMBER, fonts);
    fresh.push(performance.now() - t);
  }
  return { warm: median(warm), cpu: (cpu.user + cpu.system) / 1000 / 30, fresh: median(fresh) };
}

/** Two characters no earlier render drew, different for each i. */
const unseen = (i: number, base: number) => `${String.fromCodePoint(base + i * 7)}${String.fromCodePoint(base + 0x1000 + i * 13)}`;

export async function runDocumentBench(): Promise<Record<string, number | string>> {
  const template = templateOf('help_record')!;
  const letter = templateOf('transfer_letter')!;
  const t0 = performance.now();
  const fonts = new FontSet(developmentFontFiles());
  const first = await renderPdf(template, VALUES, NUMBER, fonts);
  const cold = performance.now() - t0;
  // Names and advice no earlier render had: what reuse across documents (shaped text, parsed glyphs, font files) is worth.
  const record = await warmRenders(
    template,
    VALUES,
    (i) => ({ ...VALUES, clientName: `王${unseen(i, 0x4e00)}`, advice: `${VALUES.advice}\n另：${unseen(i, 0x6000)}。` }),
    fonts,
  );
  const letterFirst = await renderPdf(letter, transferLetter, NUMBER, fonts);
  const onePage = await warmRenders(
    letter,
    transferLetter,
    (i) => ({ ...transferLetter, applicantName: `张${unseen(i, 0x5800)}`, circumstances: `${String(transferLetter.circumstances)}${unseen(i, 0x7800)}。` }),
    fonts,
  );

  const browser = await chromium.launch({ executablePath: chromiumPath() });
  const page = await browser.newPage();
  const printed = await chromiumPrint(page, template, VALUES);
  const letterPrinted = await chromiumPrint(page, letter, transferLetter);
  await browser.close();

  return {
    'warm-up renders before measuring': WARM_UP,
    pages: first.pages,
    'Chromium pages': printed.pages,
    'pdfkit cold incl. font load (ms)': cold,
    'pdfkit warm median (ms)': record.warm,
    'pdfkit warm CPU per render (ms)': record.cpu,
    'pdfkit warm, new values each render, median (ms)': record.fresh,
    'pdfkit file (KiB)': first.bytes.length / 1024,
    'Chromium print-to-PDF warm median (ms)': printed.ms,
    'Chromium file (KiB)': printed.bytes / 1024,
    'speed-up (x)': printed.ms / record.warm,
    'speed-up, new values (x)': printed.ms / record.fresh,
    'size ratio (pdfkit / Chromium)': first.bytes.length / printed.bytes,
    '转交函 pages (pdfkit / Chromium)': `${letterFirst.pages} / ${letterPrinted.pages}`,
    '转交函 pdfkit warm median (ms)': onePage.warm,
    '转交函 pdfkit warm CPU per render (ms)': onePage.cpu,
    '转交函 pdfkit warm, new values, median (ms)': onePage.fresh,
    '转交函 Chromium print-to-PDF warm median (ms)': letterPrinted.ms,
    '转交函 speed-up (x)': letterPrinted.ms / onePage.warm,
    '转交函 speed-up, new values (x)': letterPrinted.ms / onePage.fresh,
  };
}
