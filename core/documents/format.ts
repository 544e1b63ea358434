import type { DocumentValues, FieldDef, FieldValue } from './template';

/** 2026-11-24 → 2026年11月24日; anything else is shown as typed. */
export function formatChineseDate(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return value;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** Money is kept as a decimal string of yuan; printed with thousands separators and two decimals. */
export function formatMoney(value: string): string {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(value.trim());
  if (!m) return value;
  const int = m[2]!.replace(/^0+(?=\d)/, '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${m[1]}${int}.${(m[3] ?? '').padEnd(2, '0')}`;
}

export function formatFieldValue(field: FieldDef | undefined, value: FieldValue | undefined): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.filter((v) => v.trim() !== '').join('；');
  if (!field) return value;
  if (field.type === 'date') return formatChineseDate(value);
  if (field.type === 'money') return value.trim() === '' ? '' : formatMoney(value);
  return value;
}

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;

export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

const SEGMENT = /\[\[([\s\S]*?)\]\]/g;

function fill(text: string, lookup: (name: string) => string): { text: string; empty: boolean } {
  let empty = false;
  const out = text.replace(PLACEHOLDER, (_, name: string) => {
    const v = lookup(name);
    if (v.trim() === '') empty = true;
    return v;
  });
  return { text: out, empty };
}

/**
 * Fills `{{name}}` placeholders. An optional segment `[[…]]` is printed only when every
 * placeholder in it has a value ("[[，住{{address}}]]" prints nothing for an empty
 * address). Returns null when `optional` and any placeholder outside segments is empty,
 * so a line like "法定代理人：{{guardian}}" disappears rather than printing a dangling label.
 */
export function fillPlaceholders(text: string, lookup: (name: string) => string, optional = false): string | null {
  const segmented = text.replace(SEGMENT, (_, inner: string) => {
    const r = fill(inner, lookup);
    // Filled values are escaped so that brackets typed by the user are never read as a segment.
    return r.empty ? '' : r.text.replace(/\{\{/g, '\u0000');
  });
  const r = fill(segmented, lookup);
  const out = r.text.replace(/\u0000/g, '{{');
  return optional && r.empty ? null : out;
}

export function valueLookup(fields: readonly FieldDef[], values: DocumentValues, docNumber: string): (name: string) => string {
  const byName = new Map(fields.map((f) => [f.name, f]));
  return (name) => (name === 'docNumber' ? docNumber : formatFieldValue(byName.get(name), values[name]));
}
