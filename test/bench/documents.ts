// The document engine against Chromium's print-to-PDF (what an Electron app would use:
// webContents.printToPDF), on the same 法律帮助记录表 (two pages since issue 16).
import { chromium } from '@playwright/test';
import { templateOf } from '../../core/documents/templates/index';
import { layoutDocument, type PageOp } from '../../core/documents/layout';
import { FontSet, developmentFontFiles } from '../../electron/services/pdf/fonts';
import { renderPdf } from '../../electron/services/pdf/renderPdf';
import { chromiumPath } from '../harness/harness';

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

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * The same laid-out lines as HTML with absolute positions, so Chromium prints the same pages
 * (the record runs to two pages since issue 16 added rows; printing only the first compared
 * one Chromium page with two pdfkit pages).
 */
function asHtml(): string {
  const fonts = new FontSet(developmentFontFiles());
  const laid = layoutDocument({ template: templateOf('help_record')!, values: VALUES, docNumber: NUMBER, measure: (t, b, s) => fonts.measure(t, b, s) });
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

export async function runDocumentBench(): Promise<Record<string, number | string>> {
  const template = templateOf('help_record')!;
  const t0 = performance.now();
  const fonts = new FontSet(developmentFontFiles());
  const first = await renderPdf(template, VALUES, NUMBER, fonts);
  const cold = performance.now() - t0;
  // A few unmeasured renders first, so "warm" means compiled as well as fonts parsed.
  for (let i = 0; i < 10; i++) await renderPdf(template, VALUES, NUMBER, fonts);
  const warm: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < 30; i++) {
    const t = performance.now();
    await renderPdf(template, VALUES, NUMBER, fonts);
    warm.push(performance.now() - t);
  }
  // CPU time is steadier than the clock on a shared machine (the load average is in the notes).
  const cpu = process.cpuUsage(cpu0);
  // Names and advice no earlier render had: what reuse across documents (shaped text, parsed glyphs) is worth.
  const fresh: number[] = [];
  for (let i = 0; i < 30; i++) {
    const values = { ...VALUES, clientName: `王${String.fromCodePoint(0x4e00 + i * 7)}${String.fromCodePoint(0x5000 + i * 13)}`, advice: `${VALUES.advice}\n另：${String.fromCodePoint(0x6000 + i * 11)}${String.fromCodePoint(0x7000 + i * 17)}。` };
    const t = performance.now();
    await renderPdf(template, values, NUMBER, fonts);
    fresh.push(performance.now() - t);
  }

  const browser = await chromium.launch({ executablePath: chromiumPath() });
  const page = await browser.newPage();
  const html = asHtml();
  const chromiumTimes: number[] = [];
  let chromiumBytes = 0;
  let chromiumPages = 0;
  for (let i = 0; i < 10; i++) {
    const t = performance.now();
    await page.setContent(html);
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    chromiumTimes.push(performance.now() - t);
    chromiumBytes = pdf.length;
    chromiumPages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  }
  await browser.close();

  return {
    'pages': first.pages,
    'Chromium pages': chromiumPages,
    'pdfkit cold incl. font load (ms)': cold,
    'pdfkit warm median (ms)': median(warm),
    'pdfkit warm CPU per render (ms)': (cpu.user + cpu.system) / 1000 / 30,
    'pdfkit warm, new values each render, median (ms)': median(fresh),
    'pdfkit file (KiB)': first.bytes.length / 1024,
    'Chromium print-to-PDF warm median (ms)': median(chromiumTimes),
    'Chromium file (KiB)': chromiumBytes / 1024,
    'speed-up (x)': median(chromiumTimes) / median(warm),
    'size ratio (pdfkit / Chromium)': first.bytes.length / chromiumBytes,
  };
}
