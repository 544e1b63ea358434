import { breakParagraph, type BrokenLine } from './lineBreak';
import { justifyGaps } from './justify';
import { fillPlaceholders, valueLookup } from './format';
import { withDerivedValues } from './derived';
import type { Block, DocumentStyle, DocumentTemplate, DocumentValues, SignatureLine, TableCell } from './template';

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

/**
 * What a drawn op belongs to, so a page can be checked for what it holds (a page with only
 * a signature block or a heading is a layout fault).
 */
export type BlockKind = 'title' | 'number' | 'body' | 'heading' | 'table' | 'table-header' | 'closing' | 'signature' | 'date' | 'footer';

export interface TextOp {
  op: 'text';
  block: BlockKind;
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
  block: BlockKind;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** Dash and gap length in points, for a line to cut along; solid when absent. */
  dash?: number;
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

/**
 * Layout runs in two steps. Blocks become units: one line of a paragraph, one table row, a
 * space, each with its height, what it belongs to and whether it must stay on the page of
 * the unit after it. The paginator then fills pages, looking ahead along each chain of
 * kept units, so the keep rules below hold for every template without any template asking:
 * - a heading (and a title) stays with what follows it;
 * - a paragraph leaves no single first line at the foot of a page nor a single last line
 *   at the head of the next;
 * - the signature block, i.e. the run 此致/致 + addressee + signature lines + date, stays on
 *   one page together with the last lines of the body before it;
 * - a table's header rows stay with its first row and are repeated on every page the
 *   table continues on; a signature row stays with the row above it.
 */
interface Unit {
  height: number;
  kind: BlockKind;
  /** No page break between this unit and the next. */
  keep: boolean;
  /** Vertical space only: dropped at the head of a page. */
  space?: boolean;
  /** The paragraph a line belongs to (to keep the last lines of the body with the signature). */
  para?: number;
  draw(y: number): PageOp[];
  /** The header rows of the table this row belongs to, repeated on a new page. */
  tableHeader?: Unit[];
  isHeader?: boolean;
  /** A row taller than what is left is split: at most `avail` of it, keeping `tail` lines for the next page. */
  split?(avail: number, tail: number): [Unit, Unit] | null;
  /** Least height of a row's first part when it is split. */
  minStart?: number;
}

/** The run before a signature block that belongs to it: "此致" and the addressee under it. */
const CLOSING = /^\s*(此致|致)\s*$/;

/** A signature line whose space to sign in is drawn: "申请人（签名）：", "受助人签字：". */
const SIGN_HERE = /(签名|签字|签章|盖章|捺指印|指印)[^：:]*[：:]\s*$/;

/** A table cell or a line asking for a signature. */
const SIGNATURE_TEXT = /签名|签字|捺指印|（盖章）/;

const DATE_TEXT = /^\s*(\d{4}|_+)\s*年\s*(\d{1,2}|_+)\s*月\s*(\d{1,2}|_+)\s*日\s*$/;

/** Printed where a date is to be written by hand. */
export const BLANK_DATE = '____年__月__日';

/** Dashes of a cut line, in points. */
const CUT_DASH = 4;

/** Lines of the end of the body carried over with a signature block when it does not fit. */
const SIGNATURE_KEEPS_LINES = 3;

function closingIndexes(blocks: readonly Block[]): Set<number> {
  const out = new Set<number>();
  blocks.forEach((b, i) => {
    if (b.type !== 'signature') return;
    const prev = blocks[i - 1];
    const prev2 = blocks[i - 2];
    if (prev?.type === 'line' && CLOSING.test(prev.text)) out.add(i - 1);
    else if (prev?.type === 'line' && prev2?.type === 'line' && CLOSING.test(prev2.text)) out.add(i - 1).add(i - 2);
  });
  return out;
}

export function layoutDocument(input: LayoutInput): LaidOutDocument {
  const { template, measure } = input;
  const values = withDerivedValues(template, input.values);
  const m = STYLE_METRICS[template.style];
  const lookup = valueLookup(template.fields, values, input.docNumber);
  const dateFields = new Set(template.fields.filter((f) => f.type === 'date').map((f) => f.name));
  const units: Unit[] = [];
  let paraId = 0;

  const justify = (line: BrokenLine, avail: number, size: number, bold: boolean): number => {
    if (!line.wrapped) return 0;
    const gaps = justifyGaps(line.text);
    if (gaps < 1) return 0;
    const extra = (avail - measure(line.text, bold, size)) / gaps;
    // A line cut short by an unbreakable number is left ragged rather than spaced out.
    return extra > 0 && extra < size * MAX_JUSTIFY ? extra : 0;
  };

  const space = (height: number, keep = false) => units.push({ height, kind: 'body', keep, space: true, draw: () => [] });

  /** One paragraph as one unit per line; body paragraphs leave no lone first or last line. */
  const paragraph = (
    text: string,
    opts: {
      kind?: BlockKind;
      size: number;
      lineHeight: number;
      bold?: boolean;
      align?: 'left' | 'center' | 'right';
      indent?: number;
      boldPrefix?: number;
      x?: number;
      width?: number;
      keep?: boolean;
    },
  ): Unit[] => {
    const kind = opts.kind ?? 'body';
    const x0 = opts.x ?? PAGE.left;
    const width = opts.width ?? BODY_WIDTH;
    const bold = opts.bold ?? false;
    const indent = opts.indent ?? 0;
    const lines = breakParagraph(text, width, (s) => measure(s, bold, opts.size), indent);
    const para = ++paraId;
    let consumed = 0;
    const made = lines.map((line, i): Unit => {
      const lineIndent = i === 0 ? indent : 0;
      const avail = width - lineIndent;
      const w = measure(line.text, bold, opts.size);
      let x = x0 + lineIndent;
      if (opts.align === 'center') x = x0 + (width - w) / 2;
      if (opts.align === 'right') x = x0 + width - w;
      const runs = splitBoldPrefix(line.text, bold, opts.boldPrefix !== undefined ? opts.boldPrefix - consumed : 0);
      consumed += [...line.text].length;
      const charSpacing = opts.align && opts.align !== 'left' ? 0 : justify(line, avail, opts.size, bold);
      const orphan = kind === 'body' && lines.length > 1 && (i === 0 || i === lines.length - 2);
      return {
        height: opts.lineHeight,
        kind,
        keep: opts.keep ?? (kind === 'heading' || kind === 'title' || orphan),
        para,
        draw: (y) => [{ op: 'text', block: kind, x, y, size: opts.size, lineHeight: opts.lineHeight, runs, charSpacing }],
      };
    });
    units.push(...made);
    return made;
  };

  const body = { size: m.body, lineHeight: m.line };
  /** What a signature line prints, and whether it gets a rule to sign on and a 指印 box. */
  const resolveSignature = (line: SignatureLine): { text: string; kind: BlockKind; rule: number; box: number } => {
    if (typeof line !== 'string' && 'date' in line) {
      const v = lookup(line.date);
      return { text: v.trim() === '' ? BLANK_DATE : v, kind: 'date', rule: 0, box: 0 };
    }
    if (typeof line !== 'string') {
      const text = (fillPlaceholders(line.sign, lookup) ?? '').replace(/[：:]?\s*$/, '：');
      return { text, kind: 'signature', rule: m.body * 6, box: line.fingerprint ? Math.min(m.line * 1.3, m.body * 2.6) : 0 };
    }
    const only = /^\s*\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}\s*$/.exec(line);
    let text = fillPlaceholders(line, lookup) ?? '';
    // A date placeholder left empty leaves room to write the date by hand.
    if (only && (dateFields.has(only[1]!) || only[1] === 'date') && text.trim() === '') text = BLANK_DATE;
    if (DATE_TEXT.test(text)) return { text, kind: 'date', rule: 0, box: 0 };
    return { text, kind: 'signature', rule: SIGN_HERE.test(text) ? m.body * 6 : 0, box: 0 };
  };

  /** One signature line in the column [sigX, sigX + sigWidth]; the rule and box drawn after the label. */
  const signatureLine = (line: ReturnType<typeof resolveSignature>, keep: boolean, sigX: number, sigWidth: number, first: boolean) => {
    const { text, kind, rule, box } = line;
    // Room to sign by hand: half a line more above every line that asks for a signature.
    if (rule && !first) space(m.line * 0.5, true);
    const boxSpace = box ? box + m.body * 0.5 : 0;
    const made = paragraph(text, { ...body, kind, x: sigX, width: sigWidth - rule - boxSpace, keep: true });
    made[made.length - 1]!.keep = keep;
    // A 指印 box is taller than the line: the next line starts below it.
    if (box) space((box - m.line) / 2 + m.line * 0.25, keep);
    if (!rule) return;
    const last = made[made.length - 1]!;
    const drawText = last.draw;
    const label = drawText(0)[0] as TextOp;
    const x1 = label.x + measure(label.runs.map((r) => r.text).join(''), false, m.body) + m.body * 0.2;
    const x2 = sigX + sigWidth - boxSpace;
    last.draw = (y) => {
      const ops = drawText(y);
      const base = y + (m.line + m.body * 0.76) / 2 + 2;
      ops.push({ op: 'rule', block: 'signature', x1, y1: base, x2: Math.max(x2, x1 + rule), y2: base });
      if (box) {
        const bx = sigX + sigWidth - box;
        const by = y + (m.line - box) / 2;
        ops.push(
          { op: 'rule', block: 'signature', x1: bx, y1: by, x2: bx + box, y2: by },
          { op: 'rule', block: 'signature', x1: bx, y1: by + box, x2: bx + box, y2: by + box },
          { op: 'rule', block: 'signature', x1: bx, y1: by, x2: bx, y2: by + box },
          { op: 'rule', block: 'signature', x1: bx + box, y1: by, x2: bx + box, y2: by + box },
        );
        const size = m.body * 0.55;
        const label = '指印';
        const w = measure(label, false, size);
        ops.push({
          op: 'text',
          block: 'signature',
          x: bx + (box - w) / 2,
          y: by + (box - size * 1.4) / 2,
          size,
          lineHeight: size * 1.4,
          runs: [{ text: label, bold: false }],
          charSpacing: 0,
        });
      }
      return ops;
    };
  };

  /** Keeps the last lines of the body with what comes next (a signature block). */
  const keepTailWithNext = () => {
    let i = units.length - 1;
    // Space between the body and the closing (a gap block) belongs to the chain too.
    while (i >= 0 && units[i]!.space) units[i--]!.keep = true;
    const last = units[i];
    if (!last) return;
    last.keep = true;
    // Across short paragraphs too ("经办：…", "联系电话：…"): a page must not open on those and the seal alone.
    for (let j = i - 1, n = 1; j >= 0 && n < SIGNATURE_KEEPS_LINES && units[j]!.para !== undefined; j--, n++) units[j]!.keep = true;
  };

  const closing = closingIndexes(template.blocks);
  let slipStart: number | undefined;
  template.blocks.forEach((block, index) => {
    const isClosing = closing.has(index);
    if (isClosing && !closing.has(index - 1)) keepTailWithNext();
    switch (block.type) {
      case 'title':
        paragraph(block.text, { kind: 'title', size: m.title, lineHeight: m.title * 1.6, bold: true, align: 'center' });
        space(m.line * 0.5, true);
        break;
      case 'number':
        paragraph(input.docNumber, { ...body, kind: 'number', align: 'right', keep: true });
        break;
      case 'line': {
        const filled = fillPlaceholders(block.text, lookup, block.optional);
        const text = filled?.replace(/\s*\n\s*/g, ' ');
        if (text === undefined || (block.optional && text.trim() === '')) break;
        paragraph(text, {
          ...body,
          kind: isClosing ? 'closing' : 'body',
          keep: isClosing ? true : undefined,
          bold: block.bold ?? false,
          align: block.align ?? 'left',
          indent: block.indent ? 2 * m.body : 0,
        });
        break;
      }
      case 'heading':
        if (block.when && listItems(values[block.when]).length === 0 && lookup(block.when).trim() === '') break;
        paragraph(block.text, { ...body, kind: 'heading', bold: true });
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
      case 'table': {
        const rows = tableUnits(block, m, lookup, values, measure);
        // A table that opens with the signing (核对意见 and signatures under a record) is the
        // signature block: the end of the body stays with it.
        const first = rows.findIndex((u) => !u.isHeader);
        let j = first;
        while (j >= 0 && j < rows.length - 1 && rows[j]!.keep && rows[j]!.kind !== 'signature') j++;
        if (first >= 0 && rows[j]?.kind === 'signature') keepTailWithNext();
        units.push(...rows);
        // Air between a table and what follows it (the next table's heading).
        space(m.line * 0.4);
        break;
      }
      case 'signature': {
        if (!closing.has(index - 1)) keepTailWithNext();
        space(m.line, true);
        // What follows the signature (附：副本…) stays with it; a slip after a cut line is another paper.
        const next = template.blocks.slice(index + 1).find((b) => b.type !== 'gap');
        const more = next !== undefined && next.type !== 'cut';
        // An optional line whose placeholder is empty, and a line made only of empty segments, leave no gap
        // (a line written empty on purpose stays, as space).
        const lines = block.lines
          .filter((l) => typeof l === 'string' || !('sign' in l) || !l.optional || fillPlaceholders(l.sign, lookup, true) !== null)
          .filter((l) => typeof l !== 'string' || !l.includes('[[') || (fillPlaceholders(l, lookup) ?? '').trim() !== '')
          .map(resolveSignature);
        // Right of centre, moved left as far as its widest line needs (a long unit name with 盖章).
        const widest = Math.max(...lines.map((l) => measure(l.text, false, m.body) + l.rule + (l.box ? l.box + m.body * 0.5 : 0)));
        const sigWidth = Math.min(BODY_WIDTH, Math.max(BODY_WIDTH * 0.55, widest + 1));
        lines.forEach((l, i) => signatureLine(l, i < lines.length - 1 || more, PAGE.left + BODY_WIDTH - sigWidth, sigWidth, i === 0));
        break;
      }
      case 'gap':
        space(block.lines * m.line);
        break;
      case 'cut': {
        slipStart = units.length;
        space(m.line);
        const label = ` ${block.text} `;
        const w = measure(label, false, m.body);
        const x1 = PAGE.left + (BODY_WIDTH - w) / 2;
        const x2 = x1 + w;
        const mid = (y: number) => y + m.line / 2;
        units.push({
          height: m.line,
          kind: 'body',
          keep: true,
          draw: (y) => [
            { op: 'rule', block: 'body', x1: PAGE.left, y1: mid(y), x2: x1, y2: mid(y), dash: CUT_DASH },
            { op: 'text', block: 'body', x: x1, y, size: m.body, lineHeight: m.line, runs: [{ text: label, bold: false }], charSpacing: 0 },
            { op: 'rule', block: 'body', x1: x2, y1: mid(y), x2: PAGE.left + BODY_WIDTH, y2: mid(y), dash: CUT_DASH },
          ],
        });
        break;
      }
      default:
        assertNever(block);
    }
  });

  // The slip is cut off and sent back: it is never split, so it goes whole to the next page
  // when it does not fit under the paper.
  if (slipStart !== undefined) for (let i = slipStart; i < units.length - 1; i++) units[i]!.keep = true;
  const pages = paginate(units);
  const total = pages.length;
  pages.forEach((ops, i) => {
    const text = pageFooter(i + 1, total);
    const w = measure(text, false, m.footer);
    ops.push({
      op: 'text',
      block: 'footer',
      x: (PAGE.width - w) / 2,
      y: BODY_BOTTOM + 7 * MM,
      size: m.footer,
      lineHeight: m.footer * 1.4,
      runs: [{ text, bold: false }],
      charSpacing: 0,
    });
  });
  return { pages };
}

/** Height from unit `i` to the end of its keep chain, the last unit counted by its least start. */
function chainHeight(units: readonly Unit[], i: number): number {
  let h = 0;
  for (let j = i; j < units.length; j++) {
    const u = units[j]!;
    if (!u.keep) return h + (u.minStart ?? u.height);
    h += u.height;
  }
  return h;
}

const EPS = 0.01;

/** Fills pages with units, breaking before a chain of kept units that does not fit. */
function paginate(input: readonly Unit[]): PageOp[][] {
  const units = [...input];
  const pages: PageOp[][] = [[]];
  let y = PAGE.top;
  let placed = 0;
  // Inside a chain taller than a page: it fills pages line by line until it ends.
  let overflowing = false;
  const remaining = () => BODY_BOTTOM - y;
  const place = (u: Unit, repeated = false) => {
    pages[pages.length - 1]!.push(...u.draw(y));
    y += u.height;
    if (!repeated) placed++;
  };
  const newPage = (next: Unit | undefined) => {
    pages.push([]);
    y = PAGE.top;
    placed = 0;
    // A table continued on a new page repeats its header rows.
    if (next?.tableHeader && !next.isHeader) for (const h of next.tableHeader) place(h, true);
  };

  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    if (u.space) {
      if (placed === 0) continue;
      if (u.height > remaining() + EPS) {
        newPage(units[i + 1]);
        continue;
      }
    }
    const need = u.keep && !overflowing ? chainHeight(units, i) : u.height;
    if (need <= remaining() + EPS) {
      place(u);
      if (!u.keep) overflowing = false;
      continue;
    }
    if (u.split) {
      // A tall row: as much as fits here, keeping enough lines for the chain it heads.
      const start = u.minStart ?? u.height;
      if (placed === 0 || start <= remaining() + EPS) {
        const parts = u.split(remaining(), u.keep ? 2 : 0);
        if (parts) {
          place(parts[0]);
          units.splice(i + 1, 0, parts[1]);
          newPage(parts[1]);
          continue;
        }
      }
    }
    if (placed === 0) {
      // Nothing on this page yet: the chain is taller than a page, so it breaks here.
      place(u);
      overflowing = u.keep;
      continue;
    }
    newPage(u);
    i--;
  }
  // A page opened for a chain that then ended the document holds nothing: it is not kept.
  const filled = pages.filter((ops) => ops.length > 0);
  return filled.length > 0 ? filled : [[]];
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
  right: boolean;
}

const CELL_PAD_X = 5;
/** Fewest lines of a row on either side of a page break. */
const MIN_ROW_PART = 3;
const CELL_PAD_Y = 4;

function tableUnits(
  block: Extract<Block, { type: 'table' }>,
  m: StyleMetrics,
  lookup: (name: string) => string,
  values: DocumentValues,
  measure: Measure,
): Unit[] {
  const total = block.columns.reduce((a, b) => a + b, 0);
  const colWidths = block.columns.map((c) => (c / total) * BODY_WIDTH);
  const size = m.body;
  const lh = m.cellLine;
  const header: Unit[] = [];
  const out: Unit[] = [];

  block.rows.forEach((row, r) => {
    let col = 0;
    const cells: CellBox[] = row.map((cell: TableCell) => {
      const span = cell.span ?? 1;
      const x = PAGE.left + colWidths.slice(0, col).reduce((a, b) => a + b, 0);
      const width = colWidths.slice(col, col + span).reduce((a, b) => a + b, 0);
      col += span;
      const isLabel = cell.label !== undefined;
      const text = cell.label ?? (cell.field !== undefined ? fieldText(cell.field, lookup, values) : (fillPlaceholders(cell.text ?? '', lookup) ?? ''));
      const inner = width - 2 * CELL_PAD_X;
      const lines = text.split('\n').flatMap((p) => breakParagraph(p, inner, (s) => measure(s, isLabel, size)));
      return { x, width, lines, bold: isLabel, center: isLabel, right: !isLabel && cell.align === 'right' };
    });
    const minLines = Math.max(1, ...row.map((c) => c.minLines ?? 1));
    const rowLines = Math.max(minLines, ...cells.map((c) => c.lines.length));
    const isHeader = r < (block.header ?? 0);
    const signs = row.some((c) => c.label === undefined && c.text !== undefined && SIGNATURE_TEXT.test(c.text));
    const kind: BlockKind = isHeader ? 'table-header' : signs ? 'signature' : 'table';

    const rowUnit = (done: number, take: number): Unit => {
      const height = take * lh + 2 * CELL_PAD_Y;
      const unit: Unit = {
        height,
        kind,
        keep: isHeader,
        isHeader,
        tableHeader: header,
        // A row is started on a page only with a few of its lines, or whole.
        minStart: (take >= MIN_ROW_PART * 2 ? MIN_ROW_PART : take) * lh + 2 * CELL_PAD_Y,
        draw: (top) => {
          const ops: PageOp[] = [];
          for (const c of cells) {
            // A label is printed again on each page its row continues on, so no part is unnamed.
            const slice = c.center && done > 0 ? c.lines.slice(0, take) : c.lines.slice(done, done + take);
            // Labels sit in the middle of their row when the row is drawn at once.
            const offset = c.center && done === 0 && take === rowLines ? ((rowLines - c.lines.length) * lh) / 2 : 0;
            slice.forEach((line, i) => {
              const w = measure(line.text, c.bold, size);
              const x = c.center ? c.x + (c.width - w) / 2 : c.right ? c.x + c.width - CELL_PAD_X - w : c.x + CELL_PAD_X;
              const extra = !c.center && !c.right && line.wrapped ? (c.width - 2 * CELL_PAD_X - w) / Math.max(1, justifyGaps(line.text)) : 0;
              ops.push({
                op: 'text',
                block: kind,
                x,
                y: top + CELL_PAD_Y + offset + i * lh,
                size,
                lineHeight: lh,
                runs: [{ text: line.text, bold: c.bold }],
                charSpacing: extra > 0 && extra < size * MAX_JUSTIFY ? extra : 0,
              });
              // "受助人（签名）：" in a cell gets a line to sign on, to the cell's edge.
              const end = x + w + size * 0.3;
              const right = c.x + c.width - CELL_PAD_X;
              if (!c.center && SIGN_HERE.test(line.text) && right - end > size * 4) {
                const base = top + CELL_PAD_Y + offset + i * lh + (lh + size * 0.76) / 2 + 2;
                ops.push({ op: 'rule', block: kind, x1: end, y1: base, x2: Math.min(right, end + size * 12), y2: base });
              }
            });
            ops.push(
              { op: 'rule', block: kind, x1: c.x, y1: top, x2: c.x + c.width, y2: top },
              { op: 'rule', block: kind, x1: c.x, y1: top + height, x2: c.x + c.width, y2: top + height },
              { op: 'rule', block: kind, x1: c.x, y1: top, x2: c.x, y2: top + height },
              { op: 'rule', block: kind, x1: c.x + c.width, y1: top, x2: c.x + c.width, y2: top + height },
            );
          }
          return ops;
        },
      };
      if (take >= MIN_ROW_PART * 2) {
        unit.split = (avail, tail) => {
          const fit = Math.floor((avail - 2 * CELL_PAD_Y + EPS) / lh);
          const first = Math.min(fit, take - Math.max(MIN_ROW_PART, tail));
          // Each part of a split row shows a few lines, so a label is never cut in two.
          if (first < MIN_ROW_PART) return null;
          const rest = rowUnit(done + first, take - first);
          rest.keep = unit.keep;
          return [{ ...rowUnit(done, first), keep: false }, rest];
        };
      }
      return unit;
    };
    const unit = rowUnit(0, rowLines);
    // A signature row stays on the page of the row above it.
    if (signs && out.length > 0) out[out.length - 1]!.keep = true;
    (isHeader ? header : out).push(unit);
  });
  return [...header, ...out];
}

function fieldText(name: string, lookup: (name: string) => string, values: DocumentValues): string {
  const raw = values[name];
  if (Array.isArray(raw))
    return listItems(raw)
      .map((s, i) => `${i + 1}. ${s}`)
      .join('\n');
  return lookup(name);
}
