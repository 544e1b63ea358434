/**
 * Document templates are data: a list of fields the lawyer fills and a list of layout
 * blocks that one engine (core/documents/layout.ts, drawn by electron/services/pdf)
 * turns into pages. Adding a document kind is adding a template, not code.
 *
 * Text in blocks may hold placeholders `{{field}}`, filled with the field's value
 * formatted by its type (core/documents/format.ts), and `{{docNumber}}`.
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
}

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
  /** A ruled grid for forms; columns are relative widths. */
  | { type: 'table'; columns: number[]; rows: TableCell[][] }
  /** Signature and date lines set right of centre and kept on one page. */
  | { type: 'signature'; lines: string[] }
  /** Vertical space in lines. */
  | { type: 'gap'; lines: number };

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
  /**
   * Values computed from the filled ones (totals, check boxes), under names the blocks use
   * as placeholders. Pure; applied by the layout engine before placeholders are filled.
   */
  derive?: (values: DocumentValues) => Record<string, string>;
  /** Record types it can be drafted from. */
  sources: readonly ('consultation' | 'mediation' | 'shift' | 'none')[];
  fields: readonly FieldDef[];
  blocks: readonly Block[];
}

/** Field names every template may use without declaring them. */
export const DOC_NUMBER_PLACEHOLDER = 'docNumber';
