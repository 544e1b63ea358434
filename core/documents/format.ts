import { formatYuan } from '../money';
import type { DocumentValues, FieldDef, FieldValue } from './template';

/** 2026-11-24 → 2026年11月24日; anything else is shown as typed. */
export function formatChineseDate(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return value;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

export function formatFieldValue(field: FieldDef | undefined, value: FieldValue | undefined): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.filter((v) => v.trim() !== '').join('；');
  if (!field) return value;
  if (field.type === 'date') return formatChineseDate(value);
  if (field.type === 'money') return formatYuan(value);
  const v = value.trim();
  if (field.unit && v !== '' && !v.endsWith(field.unit)) return `${v}${field.unit}`;
  return value;
}

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;

/** An optional segment `[[…]]` or a placeholder, read in one pass so filled values are never read again. */
const TOKEN = /\[\[([\s\S]*?)\]\]|\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;

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
  let empty = false;
  const out = text.replace(TOKEN, (_, segment: string | undefined, name: string | undefined) => {
    if (segment !== undefined) {
      const r = fill(segment, lookup);
      return r.empty ? '' : r.text;
    }
    const v = lookup(name!);
    if (v.trim() === '') empty = true;
    return v;
  });
  return optional && empty ? null : out;
}

export function valueLookup(fields: readonly FieldDef[], values: DocumentValues, docNumber: string): (name: string) => string {
  const byName = new Map(fields.map((f) => [f.name, f]));
  return (name) => (name === 'docNumber' ? docNumber : formatFieldValue(byName.get(name), values[name]));
}
