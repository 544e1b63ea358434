import type { Block, DocumentTemplate, TableCell } from '../documents/template';
import type { StatTable } from './tables';

export interface StatisticsReportRequest {
  title: string;
  /** Station, period, who made it and when: one line under the title. */
  subtitle: string;
  tables: StatTable[];
  /** The counting rule, printed after the tables. */
  note?: string;
}

/** A count or an amount (12, 38,500.00), set right so that digits line up. */
const isFigure = (v: string | number) => typeof v === 'number' || /^-?[\d,]+(\.\d+)?$/.test(v);

/** Placeholders are `{{name}}`; figures and labels never hold braces, but a station name might. */
const literal = (s: string | number) => String(s).replace(/[{}]/g, (c) => (c === '{' ? '｛' : '｝'));

/**
 * The PDF report is the page's tables set by the document engine: a template built from
 * the tables (text cells only, no fields), so it shares fonts, margins, line breaking and
 * page numbers with every other document.
 */
export function statisticsReportTemplate(req: StatisticsReportRequest): DocumentTemplate {
  const blocks: Block[] = [
    { type: 'title', text: literal(req.title) },
    { type: 'line', text: literal(req.subtitle), align: 'center' },
  ];
  for (const t of req.tables) {
    if (t.rows.length === 0) continue;
    blocks.push({ type: 'heading', text: literal(t.title) });
    const header: TableCell[] = t.columns.map((c) => ({ label: literal(c) }));
    // The first column names the row; the figures get equal narrower shares.
    const columns = t.columns.map((_, i) => (i === 0 ? 1.6 : 1));
    blocks.push({
      type: 'table',
      columns,
      header: 1,
      rows: [header, ...t.rows.map((r) => r.map((v, i) => ({ text: literal(v), ...(i > 0 && isFigure(v) ? { align: 'right' as const } : {}) })))],
    });
  }
  if (req.note) blocks.push({ type: 'line', text: literal(req.note), indent: true });
  return { kind: 'statistics_report', name: req.title, description: '统计报表', style: 'form', sources: ['none'], fields: [], blocks };
}

/** Wide tables are split into column groups that fit a portrait A4 page, the row label repeated. */
export function splitWideTables(tables: readonly StatTable[], maxColumns = 7): StatTable[] {
  return tables.flatMap((t) => {
    if (t.columns.length <= maxColumns) return [t];
    const parts: StatTable[] = [];
    const per = maxColumns - 1;
    const count = Math.ceil((t.columns.length - 1) / per);
    for (let p = 0; p < count; p++) {
      const cols = [0, ...Array.from({ length: Math.min(per, t.columns.length - 1 - p * per) }, (_, i) => 1 + p * per + i)];
      parts.push({ title: `${t.title}（${p + 1}/${count}）`, columns: cols.map((i) => t.columns[i]!), rows: t.rows.map((r) => cols.map((i) => r[i] ?? '')) });
    }
    return parts;
  });
}
