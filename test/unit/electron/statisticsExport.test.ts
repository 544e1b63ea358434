import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { computeStatistics } from '../../../core/statistics/compute';
import { statisticsTables } from '../../../core/statistics/tables';
import { DEFAULT_ENUMERATIONS } from '../../../core/domain/enums';
import { createDocumentService } from '../../../electron/services/documents/documentService';
import { developmentFontFiles } from '../../../electron/services/pdf/fonts';
import { createStatisticsExport } from '../../../electron/services/statistics/statisticsExport';
import { documentLabel, statisticsInput } from '../core/statisticsFixture';

const dir = mkdtempSync(path.join(os.tmpdir(), 'dls-stats-'));
const tables = statisticsTables(computeStatistics(statisticsInput), DEFAULT_ENUMERATIONS, documentLabel);
const request = { fileName: '统计_2026-11', title: '值班律师工作统计表', subtitle: '和平区法院工作站　2026-11-01 至 2026-11-30', tables };
let saveTo: string | null = null;
const exporter = createStatisticsExport(createDocumentService(developmentFontFiles()), async (name) => (saveTo ? path.join(saveTo, name) : null));

describe('statistics exports', () => {
  it('writes a workbook whose sheets hold the same figures as the page, amounts as numbers', async () => {
    saveTo = dir;
    const saved = await exporter.exportXlsx(request);
    expect(saved?.path).toBe(path.join(dir, '统计_2026-11.xlsx'));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(saved!.path) as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(tables.map((t) => t.title));
    const summary = book.getWorksheet('汇总')!;
    const values = new Map<string, unknown>();
    summary.eachRow((row, n) => n > 3 && values.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(values.get('咨询人次')).toBe(5);
    expect(values.get('超时转交')).toBe(2);
    expect(values.get('协议金额（元）')).toBe(38500);
    expect(values.get('挽回经济损失（元）')).toBe(12000.5);
    const byLawyer = book.getWorksheet('按值班律师')!;
    const last = byLawyer.getRow(byLawyer.rowCount).values as unknown[];
    expect(last.slice(1)).toEqual(['合计', 5, 0, 1, 1, 2, 2, 3, 2, 1, 38500, 12000.5]);
  });

  it('prints the report with every table, wide ones split across column groups', async () => {
    const r = await exporter.renderPdf(request);
    const file = path.join(dir, 'report.pdf');
    writeFileSync(file, Buffer.from(r.pdf, 'base64'));
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('值班律师工作统计表');
    expect(text).toContain('按值班律师（1/2）');
    expect(text).toContain('按值班律师（2/2）');
    expect(text).toContain('咨询人次5');
    expect(text).toContain('38,500.00');
    expect(r.pages).toBeGreaterThanOrEqual(1);
  });

  it('writes nothing when the save dialog is cancelled', async () => {
    saveTo = null;
    expect(await exporter.exportXlsx(request)).toBeNull();
    expect(await exporter.exportPdf(request)).toBeNull();
  });
});
