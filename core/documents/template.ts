/**
 * Document templates are data: a list of fields the lawyer fills and a list of layout
 * blocks that one engine (core/documents/layout.ts, drawn by electron/services/pdf)
 * turns into pages. Adding a document kind is adding a template, not code.
 *
 * Text in blocks may hold placeholders `{{field}}`, filled with the field's value
 * formatted by its type (core/documents/format.ts), and `{{docNumber}}`.
 *
 * Optional segments: `[[，住{{address}}]]` prints its text only when every placeholder
 * inside it has a value, and nothing at all otherwise, so an empty optional field leaves
 * no dangling words ("…，住"). Segments do not nest. A line with `optional: true` made only
 * of segments disappears when all of them are empty.
 *
 * Layout rules every template gets from the engine (core/documents/layout.ts), without
 * asking: headings stay with what follows; the signature block (此致/致 + addressee +
 * signature lines + date) stays on one page with the last lines of the body; a table's
 * `header` rows are repeated on each page it continues on and never end a page; a table
 * row asking for a signature (签名/签字/捺指印/盖章) stays with the row above it.
 */

export type FieldType = 'text' | 'multiline' | 'date' | 'money' | 'list';

export interface FieldDef {
  name: string;
  label: string;
  type: FieldType;
  required?: boolean;
  /** Maximum length in characters (per item for lists). */
  max?: number;
  /** Shown under the input. */
  hint?: string;
  /** A count's unit printed after a filled value (人, 份, 件, 人次), unless the value already ends with it. */
  unit?: string;
  /** A closed choice (e.g. 是/否): the form offers these values; a template prints it as check boxes. */
  options?: readonly string[];
}

export type FieldValue = string | string[];
export type DocumentValues = Record<string, FieldValue>;

/** Letters (起诉状, 意见书…) are set in 三号 like official documents; forms in 小四. */
export type DocumentStyle = 'letter' | 'form';

export interface TableCell {
  /** A fixed label, set bold and centred. */
  label?: string;
  /** Fixed text with placeholders. */
  text?: string;
  /** A field's value. */
  field?: string;
  /** Columns this cell spans (default 1). */
  span?: number;
  /** Height reserved for the row in lines, e.g. space for a signature (default 1). */
  minLines?: number;
  /** Figures are set right so that their digits line up (default left; labels are centred). */
  align?: 'left' | 'right';
}

/**
 * A line of a signature block. A string is printed as it is filled; when it ends in a
 * request to sign ("申请人（签名）：") a rule gives room to sign, and a string made of one
 * empty date placeholder prints "____年__月__日" to be dated by hand.
 * `{ sign, fingerprint }` prints the label, a rule to sign on and, with `fingerprint`, a
 * box for the 指印; with `optional`, the line is left out when a placeholder in it is empty
 * (one line per party who signs, for as many parties as were filled in).
 * `{ date }` prints that date field or the blank date line.
 */
export type SignatureLine = string | { sign: string; fingerprint?: boolean; optional?: boolean } | { date: string };

export type Block =
  /** Centred bold title. */
  | { type: 'title'; text: string }
  /** The document number, right aligned. */
  | { type: 'number' }
  /** One paragraph of fixed text with placeholders; `optional` drops it when a placeholder is empty. */
  | { type: 'line'; text: string; align?: 'left' | 'center' | 'right'; bold?: boolean; indent?: boolean; optional?: boolean }
  /** A bold section heading; with `when`, only if that field has a value. */
  | { type: 'heading'; text: string; when?: string }
  /** "label：value" with the value wrapping under the label; `optional` drops it when empty. */
  | { type: 'labelled'; label: string; field: string; optional?: boolean }
  /** A multi-paragraph field, each paragraph indented two characters. */
  | { type: 'prose'; field: string }
  /** A list field, one numbered paragraph per item. */
  | { type: 'list'; field: string; numbering: 'chinese' | 'arabic' }
  /** A ruled grid for forms; columns are relative widths; the first `header` rows head every page it spans. */
  | { type: 'table'; columns: number[]; rows: TableCell[][]; header?: number }
  /** Signature and date lines set right of centre and kept on one page with the end of the body. */
  | { type: 'signature'; lines: SignatureLine[] }
  /** Vertical space in lines. */
  | { type: 'gap'; lines: number }
  /**
   * A dashed cut line with its label centred on it ("沿此线剪开"): what follows is a slip (回执)
   * cut off and sent back, so it is kept whole, under the paper on the same page when it fits.
   */
  | { type: 'cut'; text: string };

export interface DocumentTemplate {
  kind: string;
  /** The document's name, e.g. 民事起诉状. */
  name: string;
  /** What it is for, one sentence, shown when choosing a kind. */
  description: string;
  style: DocumentStyle;
  /**
   * The legal basis the paper follows, e.g. 《中华人民共和国刑事诉讼法》第六十七条、第九十七条.
   * Listed by `npm run document -- kinds` and in docs/DOCUMENTS.md.
   */
  legalBasis?: string;
  /** Who signs, seals or presses a fingerprint on it, e.g. 申请人签名并捺指印；值班律师签名. */
  signers?: string;
  /**
   * Shown when the lawyer picks this kind, before drafting, e.g. that a labour dispute
   * must go to arbitration first; `alternativeKind` is the paper to draft instead.
   */
  notice?: { text: string; alternativeKind?: string };
  /** Record types it can be drafted from. */
  sources: readonly ('consultation' | 'mediation' | 'shift' | 'none')[];
  /**
   * Rules across fields that the law sets for this paper (e.g. 一式N份 follows the number of
   * parties, a typed total is the sum, a date lies within a time limit), each problem at the
   * field the user must correct, in Chinese. Run on save.
   */
  check?: (values: DocumentValues) => readonly { field: string; message: string }[];
  fields: readonly FieldDef[];
  blocks: readonly Block[];
  /**
   * Values the paper computes from the filled ones. Pure. A derived field the lawyer left empty
   * is filled and saved (the total of the claimed amounts, so that the printed total is the sum
   * of its parts: core/documents/values.ts); names that are not fields (check boxes ■是 □否)
   * are only printed, the layout engine filling them in before placeholders (core/documents/derived.ts).
   */
  derive?: (values: DocumentValues) => DocumentValues;
}

/** Field names every template may use without declaring them. */
export const DOC_NUMBER_PLACEHOLDER = 'docNumber';
