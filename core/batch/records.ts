import { z } from 'zod';
import dayjs from 'dayjs';
import { isRfc3339 } from '../time/rfc3339';
import { isSha256Hex, isUuid, type BatchRecordType } from './format';

/** Keys that would reach an object's prototype chain when a record is used as a map. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function isUnsafeKey(key: string): boolean {
  return UNSAFE_KEYS.has(key);
}

/**
 * Parses one record line of another station's batch. Keys named `__proto__`,
 * `constructor` or `prototype` (at any depth) are dropped: no record type has such a
 * field, and a record used as a lookup table must not shadow or reach Object.prototype.
 */
export function parseRecordLine(text: string): unknown {
  return JSON.parse(text, (key, value: unknown) => (isUnsafeKey(key) ? undefined : value));
}

/**
 * Record lines, schema version 1. Every line carries the four fields the spec requires;
 * a tombstone carries only those. A live document line also names its PDF.
 */
export const recordBaseSchema = z.object({
  id: z.string().refine(isUuid, 'id 应为 UUID'),
  rev: z.number().int().min(1),
  updatedAt: z.string().refine(isRfc3339, 'updatedAt 应为带时区的 RFC 3339 时间'),
  deleted: z.boolean(),
});

export const documentFileRefSchema = z.object({
  file: z.string().regex(/^documents\/[^/]+$/, 'file 应为 documents/ 下的文件'),
  sha256: z.string().refine(isSha256Hex, 'sha256 应为小写十六进制'),
});

/** Format v2: the line names the plaintext PDF and gives `hash`, the plaintext's H in the batch's suite. */
export const documentFileRefV2Schema = z.object({
  file: z.string().regex(/^documents\/[^/]+$/, 'file 应为 documents/ 下的文件'),
  hash: z.string().refine(isSha256Hex, 'hash 应为 64 位小写十六进制'),
});

export type BatchRecord = z.infer<typeof recordBaseSchema> & Record<string, unknown>;

export interface LineProblem {
  field: string;
  message: string;
}

/** What is wrong with one parsed line of `<type>.jsonl`, or null. */
export function recordLineProblem(type: BatchRecordType | null, value: unknown, formatVersion: 1 | 2 = 1): LineProblem | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { field: '', message: '该行不是 JSON 对象' };
  const base = recordBaseSchema.safeParse(value);
  if (!base.success) {
    const issue = base.error.issues[0]!;
    const field = String(issue.path[0] ?? '');
    const present = field !== '' && field in value;
    return { field, message: present ? issue.message : `缺少必需字段 ${field}` };
  }
  if (type === 'documents' && !base.data.deleted) {
    // v2 replaces the line's `sha256` with `hash`: a line with both would name two hashes.
    if (formatVersion === 2 && 'sha256' in value) return { field: 'sha256', message: '格式 v2 的文书记录以 hash 代替 sha256，不应再有 sha256' };
    const ref = (formatVersion === 2 ? documentFileRefV2Schema : documentFileRefSchema).safeParse(value);
    if (!ref.success) {
      const issue = ref.error.issues[0]!;
      const field = String(issue.path[0] ?? '');
      return { field, message: field in value ? issue.message : `缺少必需字段 ${field}` };
    }
  }
  return null;
}

/** A tombstone keeps only what the spec lets it keep: personal data does not travel after deletion. */
export function tombstoneOf(record: { id: string; rev: number; updatedAt: string }): BatchRecord {
  return { id: record.id, rev: record.rev, updatedAt: record.updatedAt, deleted: true };
}

/** The calendar date an RFC 3339 timestamp names, as written (the station's wall clock). */
export function writtenDateOf(timestamp: string): string {
  return timestamp.slice(0, 10);
}

/**
 * The period a batch declares. Receivers may read a timestamp's date as written or in UTC;
 * the period covers both readings, so no verifier can find a record outside it.
 */
export function periodOf(timestamps: Iterable<string>, fallback: string): { from: string; to: string } {
  let from: string | null = null;
  let to: string | null = null;
  for (const t of timestamps) {
    const written = writtenDateOf(t);
    const utc = dayjs(t).toDate().toISOString().slice(0, 10);
    const lo = written < utc ? written : utc;
    const hi = written < utc ? utc : written;
    if (from === null || lo < from) from = lo;
    if (to === null || hi > to) to = hi;
  }
  return { from: from ?? fallback, to: to ?? fallback };
}

/** Whether a record revision lies inside the declared period (read as written). */
export function insidePeriod(updatedAt: string, period: { from: string; to: string }): boolean {
  const d = writtenDateOf(updatedAt);
  return d >= period.from && d <= period.to;
}

/**
 * The receiver's rule: per id keep the highest rev. Returns the incoming records that
 * change something; ingesting the same batch twice therefore changes nothing.
 */
export function planIngest<R extends { id: string; rev: number }>(known: ReadonlyMap<string, number>, incoming: Iterable<R>): R[] {
  const best = new Map<string, R>();
  for (const r of incoming) {
    const prev = best.get(r.id);
    if (!prev || r.rev > prev.rev) best.set(r.id, r);
  }
  return [...best.values()].filter((r) => r.rev > (known.get(r.id) ?? 0));
}
