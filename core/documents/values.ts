import { z } from 'zod';
import { parseYmd } from '../domain/calendar';
import { charCount } from '../validation/text';
import type { DocumentTemplate, DocumentValues, FieldDef, FieldValue } from './template';

/**
 * Validation of a document's field values against its template. Every problem carries
 * the field name so the form shows it at the input, in Chinese.
 */
export interface ValueProblem {
  field: string;
  message: string;
}

const DEFAULT_MAX = { text: 200, multiline: 10000, date: 10, money: 20, list: 500 } as const;
const MAX_LIST_ITEMS = 50;

function badChars(v: string, multiline: boolean): boolean {
  return multiline ? /(?![\t\n\r])[\p{Cc}\p{Cs}]/u.test(v) : /[\p{Cc}\p{Cs}]/u.test(v);
}

function checkOne(field: FieldDef, value: unknown, draft: boolean): string | null {
  const max = field.max ?? DEFAULT_MAX[field.type];
  if (field.type === 'list') {
    if (value !== undefined && !Array.isArray(value)) return `${field.label}应为逐条填写的列表`;
    const items = ((value as unknown[] | undefined) ?? []).map((s) => (typeof s === 'string' ? s.trim() : s));
    if (items.some((s) => typeof s !== 'string')) return `${field.label}应为文字`;
    const filled = (items as string[]).filter((s) => s !== '');
    if (field.required && !draft && filled.length === 0) return `请至少填写一条${field.label}`;
    if (filled.length > MAX_LIST_ITEMS) return `${field.label}不能超过 ${MAX_LIST_ITEMS} 条`;
    const long = filled.findIndex((s) => charCount(s) > max);
    if (long >= 0) return `${field.label}第 ${long + 1} 条不能超过 ${max} 个字`;
    if (filled.some((s) => badChars(s, false))) return `${field.label}中含有无法显示的字符`;
    return null;
  }
  if (value !== undefined && typeof value !== 'string') return `${field.label}应为文字`;
  const v = ((value as string | undefined) ?? '').trim();
  if (v === '') return field.required && !draft ? `请填写${field.label}` : null;
  if (charCount(v) > max) return `${field.label}不能超过 ${max} 个字`;
  if (badChars(v, field.type === 'multiline')) return `${field.label}中含有无法显示的字符`;
  if (field.type === 'date' && (!/^\d{4}-\d{2}-\d{2}$/.test(v) || parseYmd(v) === null)) return `${field.label}应为有效日期（如 2026-11-24）`;
  if (field.type === 'money') {
    if (!/^\d{1,12}(\.\d{1,2})?$/.test(v.replace(/,/g, ''))) return `${field.label}应为金额，最多两位小数（如 12000 或 12000.50）`;
  }
  return null;
}

/** `draft`: a preview while typing, where required fields may still be empty. */
export function checkDocumentValues(template: DocumentTemplate, values: DocumentValues, options: { draft?: boolean } = {}): ValueProblem[] {
  const problems: ValueProblem[] = [];
  for (const field of template.fields) {
    const message = checkOne(field, values[field.name], options.draft ?? false);
    if (message) problems.push({ field: field.name, message });
  }
  for (const key of Object.keys(values)) {
    if (!template.fields.some((f) => f.name === key)) problems.push({ field: key, message: `“${template.name}”没有名为 ${key} 的栏目` });
  }
  if (problems.length === 0 && template.check) {
    const crossField = template.check(normalizeDocumentValues(template, values));
    // A preview while typing may be incomplete, but a value typed wrong (a total that is not the sum) is wrong already.
    problems.push(...(options.draft ? crossField.filter((p) => filled(values[p.field])) : crossField));
  }
  return problems;
}

/** Trims text, drops empty list items and thousands separators, so the stored values are what prints. */
export function normalizeDocumentValues(template: DocumentTemplate, values: DocumentValues): DocumentValues {
  const out: DocumentValues = {};
  for (const field of template.fields) {
    const v = values[field.name];
    if (v === undefined) continue;
    if (field.type === 'list') out[field.name] = (Array.isArray(v) ? v : [v]).map((s) => s.trim()).filter((s) => s !== '');
    else if (typeof v === 'string') {
      const t = field.type === 'multiline' ? v.replace(/\r\n/g, '\n').replace(/\s+$/, '').replace(/^\n+/, '') : v.trim();
      out[field.name] = field.type === 'money' ? t.replace(/,/g, '') : t;
    }
  }
  if (!template.derive) return out;
  const derived = template.derive(out);
  for (const [name, v] of Object.entries(derived)) {
    // Only fields are stored; what is not a field (check boxes) is derived again when printed.
    if (!template.fields.some((f) => f.name === name)) continue;
    const current = out[name];
    if (current === undefined || current === '' || (Array.isArray(current) && current.length === 0)) out[name] = v;
  }
  return out;
}

/** The shape that crosses IPC; the template-specific rules run in checkDocumentValues. */
export const documentValuesSchema = z.record(z.string().max(64), z.union([z.string().max(20_000), z.array(z.string().max(5_000)).max(MAX_LIST_ITEMS)]));

function filled(value: FieldValue | undefined): boolean {
  return Array.isArray(value) ? value.some((v) => v.trim() !== '') : (value ?? '').trim() !== '';
}
