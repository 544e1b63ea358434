import dayjs from 'dayjs';

/**
 * Form values as a draft stores them: plain JSON. Ant Design's date pickers hold dayjs
 * objects, which JSON would flatten into strings the pickers cannot take back, so each is
 * kept as `{ $date: ISO string }` and revived on restore.
 */
export function encodeFormValues(value: unknown): unknown {
  if (dayjs.isDayjs(value)) return { $date: value.toISOString() };
  if (Array.isArray(value)) return value.map(encodeFormValues);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = encodeFormValues(v);
    return out;
  }
  return value;
}

export function decodeFormValues(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeFormValues);
  if (value && typeof value === 'object') {
    const date = (value as { $date?: unknown }).$date;
    if (typeof date === 'string' && Object.keys(value).length === 1) return dayjs(date);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = decodeFormValues(v);
    return out;
  }
  return value;
}
