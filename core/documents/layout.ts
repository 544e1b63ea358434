import { breakParagraph, type BrokenLine } from './lineBreak';
import { fillPlaceholders, valueLookup } from './format';
import { withDerivedValues } from './derived';
import type { Block, DocumentStyle, DocumentTemplate, DocumentValues, TableCell } from './template';

/**
 * The one layout engine: turns a template and its values into positioned text runs and
 * rules on A4 pages. It is pure (fonts are reached through `measure`), so pagination,
 * line breaking and tables are unit-tested without a PDF; electron/services/pdf only
 * draws what this returns.
 */

const MM = 72 / 25.4;

/** A4 in points; margins after GB/T 9704 (top 37, bottom 35, left 28, right 26 mm). */
export const PAGE = {
  width: 595.28,
  height: 841.89,
  top: 37 * MM,
  bottom: 35 * MM,
  left: 28 * MM,
  right: 26 * MM,
} as const;

export const BODY_WIDTH = PAGE.width - PAGE.left - PAGE.right;
const BODY_BOTTOM = PAGE.height - PAGE.bottom;

interface StyleMetrics {
  title: number;
  body: number;
  line: number;
  cellLine: number;
  footer: number;
}

/** 二号 title and 三号 body with 22 lines a page for letters; 小二 and 小四 for forms. */
export const STYLE_METRICS: Record<DocumentStyle, StyleMetrics> = {
  letter: { title: 22, body: 16, line: (BODY_BOTTOM - PAGE.top) / 22, cellLine: 24, footer: 14 },
  form: { title: 18, body: 12, line: 21, cellLine: 18, footer: 10.5 },
};

export interface TextRun {
  text: string;
  bold: boolean;
}

export interface TextOp {
  op: 'text';
  x: number;
  /** Top of the line box. */
  y: number;
  size: number;
  lineHeight: number;
  runs: TextRun[];
  /** Extra space after each character, to justify a wrapped line to the full width. */
  charSpacing: number;
}

export interface RuleOp {
  op: 'rule';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export type PageOp = TextOp | RuleOp;

export interface LaidOutDocument {
  pages: PageOp[][];
}

/** Width in points of `text` at `size`, using the bold face when `bold`. */
export type Measure = (text: string, bold: boolean, size: number) => number;

export interface LayoutInput {
  template: DocumentTemplate;
  values: DocumentValues;
  /** The document number, or a placeholder before it is assigned. */
  docNumber: string;
  measure: Measure;
}

/** Most extra space per character when justifying, in em; wider gaps read as holes. */
const MAX_JUSTIFY = 0.2;

const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export function chineseOrdinal(n: number): string {
  if (n <= 10) return CHINESE_NUMERALS[n - 1]!;
  if (n < 20) return `十${CHINESE_NUMERALS[n - 11]}`;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${CHINESE_NUMERALS[tens - 1]}十${ones ? CHINESE_NUMERALS[ones - 1] : ''}`;
}

export function pageFooter(page: number, total: number): string {
  return `第 ${page} 页 共 ${total} 页`;
}

class Cursor {
  pages: PageOp[][] = [[]];
  y = PAGE.top;

  get ops(): PageOp[] {
    return this.pages[this.pages.length - 1]!;
  }

  newPage(): void {
    this.pages.push([]);
    this.y = PAGE.top;
  }

  remaining(): number {
    return BODY_BOTTOM - this.y;
  }

  /** Starts a new page unless `height` fits (a fresh page always takes what it gets). */
  ensure(height: number): void {
    if (height > this.remaining() + 0.01 && this.y > PAGE.top + 0.01) this.newPage();
  }
}

export function layoutDocument(input: LayoutInput): LaidOutDocument {
  const { template, measure } = input;
  const values = withDerivedValues(template, input.values);
  const m = STYLE_METRICS[template.style];
  const lookup = valueLookup(template.fields, values, input.docNumber);
  const cur = new Cursor();

  const justify = (line: BrokenLine, avail: number, size: number, bold: boolean): number => {
    if (!line.wrapped) return 0;
    const n = [...line.text].length;
    if (n < 2) return 0;
    const extra = (avail - measure(line.text, bold, size)) / (n - 1);
    // A line cut short by an unbreakable number is left ragged rather than spaced out.
    return extra > 0 && extra < size * MAX_JUSTIFY ? extra : 0;
  };

  /** Sets one paragraph at the cursor, breaking pages between lines. */
  const paragraph = (
    text: string,
    opts: { size: number; lineHeight: number; bold?: boolean; align?: 'left' | 'center' | 'right'; indent?: number; boldPrefix?: number; x?: number; width?: number },
  ) => {
    const x0 = opts.x ?? PAGE.left;
    const width = opts.width ?? BODY_WIDTH;
    const bold = opts.bold ?? false;
    const indent = opts.indent ?? 0;
    const lines = breakParagraph(text, width, (s) => measure(s, bold, opts.size), indent);
    let consumed = 0;
    lines.forEach((line, i) => {
      cur.ensure(opts.lineHeight);
      const lineIndent = i === 0 ? indent : 0;
      const avail = width - lineIndent;
      const w = measure(line.text, bold, opts.size);
      let x = x0 + lineIndent;
      if (opts.align === 'center') x = x0 + (width - w) / 2;
      if (opts.align === 'right') x = x0 + width - w;
      const runs = splitBoldPrefix(line.text, bold, opts.boldPrefix !== undefined ? opts.boldPrefix - consumed : 0);
      consumed += [...line.text].length;
      cur.ops.push({
        op: 'text',
        x,
        y: cur.y,
        size: opts.size,
        lineHeight: opts.lineHeight,
        runs,
        charSpacing: opts.align && opts.align !== 'left' ? 0 : justify(line, avail, opts.size, bold),
      });
      cur.y += opts.lineHeight;
    });
  };

  const body = { size: m.body, lineHeight: m.line };

  for (const block of template.blocks) {
    switch (block.type) {
      case 'title':
        paragraph(block.text, { size: m.title, lineHeight: m.title * 1.6, bold: true, align: 'center' });
        cur.y += m.line * 0.5;
        break;
      case 'number':
        paragraph(input.docNumber, { ...body, align: 'right' });
        break;
      case 'line': {
        const text = fillPlaceholders(block.text, lookup, block.optional)?.replace(/\s*\n\s*/g, ' ');
        if (text === undefined) break;
        paragraph(text, { ...body, bold: block.bold ?? false, align: block.align ?? 'left', indent: block.indent ? 2 * m.body : 0 });
        break;
      }
      case 'heading':
        if (block.when && listItems(values[block.when]).length === 0 && lookup(block.when).trim() === '') break;
        // Keep a heading with the first line of what follows it.
        cur.ensure(m.line * 2);
        paragraph(block.text, { ...body, bold: true });
        break;
      case 'labelled': {
        const value = lookup(block.field);
        if (block.optional && value.trim() === '') break;
        const label = `${block.label}：`;
        // A multiline value (a party's particulars) continues in paragraphs under the label.
        const [first = '', ...rest] = value.split(/\r?\n/).filter((p, i) => i === 0 || p.trim() !== '');
        paragraph(`${label}${first}`, { ...body, boldPrefix: [...label].length });
        for (const p of rest) paragraph(p.trim(), body);
        break;
      }
      case 'prose':
        for (const p of paragraphsOf(lookup(block.field), values[block.field])) paragraph(p, { ...body, indent: 2 * m.body });
        break;
      case 'list': {
        const items = listItems(values[block.field]);
        items.forEach((item, i) => {
          const n = block.numbering === 'chinese' ? `${chineseOrdinal(i + 1)}、` : `${i + 1}. `;
          paragraph(`${n}${item}`, { ...body, indent: 2 * m.body });
        });
        break;
      }
      case 'table':
        layoutTable(block, cur, m, lookup, values, measure);
        break;
      case 'signature': {
        const lines = block.lines.map((t) => fillPlaceholders(t, lookup) ?? '');
        cur.y += m.line;
        cur.ensure(lines.length * m.line);
        const x = PAGE.left + BODY_WIDTH * 0.45;
        for (const l of lines) paragraph(l, { ...body, x, width: BODY_WIDTH * 0.55 });
        break;
      }
      case 'gap':
        cur.y += block.lines * m.line;
        if (cur.y > BODY_BOTTOM) cur.newPage();
        break;
      default:
        assertNever(block);
    }
  }

  const total = cur.pages.length;
  cur.pages.forEach((ops, i) => {
    const text = pageFooter(i + 1, total);
    const w = measure(text, false, m.footer);
    ops.push({ op: 'text', x: (PAGE.width - w) / 2, y: BODY_BOTTOM + 7 * MM, size: m.footer, lineHeight: m.footer * 1.4, runs: [{ text, bold: false }], charSpacing: 0 });
  });
  return { pages: cur.pages };
}

function assertNever(x: never): never {
  throw new Error(`unknown block ${JSON.stringify(x)}`);
}

function splitBoldPrefix(text: string, bold: boolean, prefix: number): TextRun[] {
  if (bold || prefix <= 0) return [{ text, bold }];
  const cps = [...text];
  if (prefix >= cps.length) return [{ text, bold: true }];
  return [
    { text: cps.slice(0, prefix).join(''), bold: true },
    { text: cps.slice(prefix).join(''), bold: false },
  ];
}

/** Paragraphs of a multiline value: one per non-empty line, leading ideographic spaces dropped (the engine indents). */
function paragraphsOf(formatted: string, raw: unknown): string[] {
  const text = typeof raw === 'string' ? raw : formatted;
  return text
    .split(/\r?\n/)
    .map((p) => p.replace(/^[\s\u3000]+|\s+$/g, ''))
    .filter((p) => p !== '');
}

function listItems(raw: unknown): string[] {
  const items = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(/\r?\n/) : [];
  return items.map((s) => String(s).trim()).filter((s) => s !== '');
}

interface CellBox {
  x: number;
  width: number;
  lines: BrokenLine[];
  bold: boolean;
  center: boolean;
}

const CELL_PAD_X = 5;
const CELL_PAD_Y = 4;

function layoutTable(
  block: Extract<Block, { type: 'table' }>,
  cur: Cursor,
  m: StyleMetrics,
  lookup: (name: string) => string,
  values: DocumentValues,
  measure: Measure,
): void {
  const total = block.columns.reduce((a, b) => a + b, 0);
  const colWidths = block.columns.map((c) => (c / total) * BODY_WIDTH);
  const size = m.body;
  const lh = m.cellLine;

  for (const row of block.rows) {
    let col = 0;
    const cells: CellBox[] = row.map((cell: TableCell) => {
      const span = cell.span ?? 1;
      const x = PAGE.left + colWidths.slice(0, col).reduce((a, b) => a + b, 0);
      const width = colWidths.slice(col, col + span).reduce((a, b) => a + b, 0);
      col += span;
      const isLabel = cell.label !== undefined;
      const text = cell.label ?? (cell.field !== undefined ? fieldText(cell.field, lookup, values) : (fillPlaceholders(cell.text ?? '', lookup) ?? ''));
      const inner = width - 2 * CELL_PAD_X;
      const lines = text
        .split('\n')
        .flatMap((p) => breakParagraph(p, inner, (s) => measure(s, isLabel, size)));
      return { x, width, lines, bold: isLabel, center: isLabel };
    });
    const minLines = Math.max(1, ...row.map((c) => c.minLines ?? 1));
    const rowLines = Math.max(minLines, ...cells.map((c) => c.lines.length));

    // A row is drawn whole when it fits on a page; a longer one continues on the next page.
    const whole = rowLines * lh + 2 * CELL_PAD_Y;
    cur.ensure(Math.min(whole, lh * 3 + 2 * CELL_PAD_Y));
    let done = 0;
    while (done < rowLines) {
      const fit = Math.max(1, Math.floor((cur.remaining() - 2 * CELL_PAD_Y) / lh));
      const take = Math.min(fit, rowLines - done);
      const top = cur.y;
      const height = take * lh + 2 * CELL_PAD_Y;
      for (const c of cells) {
        const slice = c.lines.slice(done, done + take);
        // Labels sit in the middle of their row when the row is drawn at once.
        const offset = c.center && done === 0 && take === rowLines ? ((rowLines - c.lines.length) * lh) / 2 : 0;
        slice.forEach((line, i) => {
          const w = measure(line.text, c.bold, size);
          const x = c.center ? c.x + (c.width - w) / 2 : c.x + CELL_PAD_X;
          const extra = !c.center && line.wrapped ? (c.width - 2 * CELL_PAD_X - w) / Math.max(1, [...line.text].length - 1) : 0;
          cur.ops.push({
            op: 'text',
            x,
            y: top + CELL_PAD_Y + offset + i * lh,
            size,
            lineHeight: lh,
            runs: [{ text: line.text, bold: c.bold }],
            charSpacing: extra > 0 && extra < size * MAX_JUSTIFY ? extra : 0,
          });
        });
        cur.ops.push(
          { op: 'rule', x1: c.x, y1: top, x2: c.x + c.width, y2: top },
          { op: 'rule', x1: c.x, y1: top + height, x2: c.x + c.width, y2: top + height },
          { op: 'rule', x1: c.x, y1: top, x2: c.x, y2: top + height },
          { op: 'rule', x1: c.x + c.width, y1: top, x2: c.x + c.width, y2: top + height },
        );
      }
      cur.y = top + height;
      done += take;
      if (done < rowLines) cur.newPage();
    }
  }
}

function fieldText(name: string, lookup: (name: string) => string, values: DocumentValues): string {
  const raw = values[name];
  if (Array.isArray(raw)) return listItems(raw).map((s, i) => `${i + 1}. ${s}`).join('\n');
  return lookup(name);
}
