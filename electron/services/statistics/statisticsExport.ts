import ExcelJS from 'exceljs';
import { COUNTING_RULE, type StatTable } from '../../../core/statistics/tables';
import { splitWideTables, statisticsReportTemplate, type StatisticsReportRequest } from '../../../core/statistics/reportTemplate';
import { writeFileAtomic } from '../backup/backupFiles';
import type { DocumentService } from '../documents/documentService';

export interface StatisticsExport {
  /** Asks where to save, writes the workbook atomically; null when cancelled. */
  exportXlsx(req: StatisticsReportRequest & { fileName: string }): Promise<{ path: string } | null>;
  exportPdf(req: StatisticsReportRequest & { fileName: string }): Promise<{ path: string; pages: number } | null>;
  /** The report's bytes, for the preview and the tests. */
  renderPdf(req: StatisticsReportRequest): Promise<{ pdf: string; pages: number }>;
  workbook(req: StatisticsReportRequest): Promise<Buffer>;
}

const SHEET_NAME_BAD = /[\\/*?:[\]]/g;
const isAmountColumn = (label: string) => label.includes('（元）');

/** Display width of a cell in Excel "characters": Han and full-width count double. */
function width(v: string | number): number {
  let w = 0;
  for (const ch of String(v)) w += /[\u1100-\uffff\u{20000}-\u{3ffff}]/u.test(ch) ? 2 : 1;
  return w;
}

function addSheet(book: ExcelJS.Workbook, req: StatisticsReportRequest, t: StatTable, used: Set<string>): void {
  let name = t.title.replace(SHEET_NAME_BAD, ' ').slice(0, 31);
  for (let i = 2; used.has(name); i++) name = `${t.title.slice(0, 28)}_${i}`;
  used.add(name);
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 3 }] });
  sheet.addRow([`${req.title}：${t.title}`]).font = { bold: true, size: 14 };
  sheet.addRow([req.subtitle]).font = { color: { argb: 'FF666666' } };
  const header = sheet.addRow(t.columns);
  header.font = { bold: true };
  header.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF0F0F0' } };
    c.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  for (const r of t.rows) {
    // Amounts travel as exact decimal strings; the sheet holds them as numbers so sums work.
    // An amount is named by its column (按律师…) or by its row (汇总).
    const amount = (i: number) => i > 0 && (isAmountColumn(t.columns[i]!) || isAmountColumn(String(r[0])));
    const row = sheet.addRow(r.map((v, i) => (amount(i) && typeof v === 'string' && /^\d{1,3}(,\d{3})*\.\d{2}$/.test(v) ? Number(v.replace(/,/g, '')) : v)));
    row.eachCell((c, col) => {
      if (amount(col - 1)) c.numFmt = '#,##0.00';
    });
    if (r[0] === '合计') row.font = { bold: true };
  }
  t.columns.forEach((label, i) => {
    const longest = Math.max(width(label), ...t.rows.map((r) => width(r[i] ?? '')));
    sheet.getColumn(i + 1).width = Math.min(40, Math.max(8, longest + 2));
  });
}

export function createStatisticsExport(
  documents: DocumentService,
  chooseSavePath: (name: string, kind: 'pdf' | 'xlsx') => Promise<string | null>,
): StatisticsExport {
  const workbook = async (req: StatisticsReportRequest) => {
    const book = new ExcelJS.Workbook();
    book.creator = '值班律师工作站';
    // Fixed dates keep the bytes of the same figures the same.
    book.created = new Date(0);
    book.modified = new Date(0);
    const used = new Set<string>();
    for (const t of req.tables) addSheet(book, req, t, used);
    return Buffer.from(await book.xlsx.writeBuffer());
  };
  const render = async (req: StatisticsReportRequest) => {
    const template = statisticsReportTemplate({ ...req, tables: splitWideTables(req.tables), note: COUNTING_RULE });
    return documents.renderTemplate(template, {}, '');
  };
  const withExt = (path: string, ext: string) => (path.toLowerCase().endsWith(ext) ? path : `${path}${ext}`);
  const safe = (name: string, ext: string) =>
    `${
      name
        .replace(/[\\/:*?"<>|\p{Cc}]/gu, '_')
        .trim()
        .slice(0, 120) || '统计'
    }${ext}`;
  return {
    workbook,
    async renderPdf(req) {
      const r = await render(req);
      return { pdf: r.bytes.toString('base64'), pages: r.pages };
    },
    async exportXlsx(req) {
      const bytes = await workbook(req);
      const target = await chooseSavePath(safe(req.fileName, '.xlsx'), 'xlsx');
      if (!target) return null;
      writeFileAtomic(withExt(target, '.xlsx'), bytes, 'Excel 文件');
      return { path: withExt(target, '.xlsx') };
    },
    async exportPdf(req) {
      const r = await render(req);
      const target = await chooseSavePath(safe(req.fileName, '.pdf'), 'pdf');
      if (!target) return null;
      writeFileAtomic(withExt(target, '.pdf'), r.bytes, 'PDF 文件');
      return { path: withExt(target, '.pdf'), pages: r.pages };
    },
  };
}
