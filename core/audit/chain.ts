import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex } from '@noble/hashes/utils';

/**
 * The audit trail is append-only and hash-chained: each entry's hash covers its content and
 * the previous entry's hash, so altering, removing, inserting or reordering an entry
 * breaks the chain at that point, and verification names the first broken link.
 */
export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedEntry {
  seq: number;
  at: string;
  actorId: string;
  actorName: string;
  actorRole: string;
  action: string;
  recordType: string;
  recordId: string;
  rev: number;
  fields: string[];
  detail?: string;
  /**
   * What the entry is about in words (the person, the document number), sealed under the
   * data key like the record itself: it names a person, so it must not lie in the clear.
   * Hashed as stored (ciphertext), so the chain verifies without the key; entries written
   * before labels existed have none, and hash exactly as they did.
   */
  label?: { v: 1; iv: string; ct: string };
  prevHash: string;
  hash: string;
}

/** Canonical form: keys sorted, no whitespace; the hash field itself left out. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([k, v]) => k !== 'hash' && v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function entryHash(entry: Omit<ChainedEntry, 'hash'>): string {
  return bytesToHex(sha256(new TextEncoder().encode(canonical(entry))));
}

export function chainEntry(previous: Pick<ChainedEntry, 'seq' | 'hash'> | undefined, fields: Omit<ChainedEntry, 'seq' | 'prevHash' | 'hash'>): ChainedEntry {
  const body = { ...fields, seq: (previous?.seq ?? 0) + 1, prevHash: previous?.hash ?? GENESIS_HASH };
  return { ...body, hash: entryHash(body) };
}

export type ChainVerdict = { ok: true; entries: number } | { ok: false; brokenAt: number; reason: string };

/** Checks entries in seq order; reports the first link that does not hold. */
export function verifyChain(entries: readonly ChainedEntry[]): ChainVerdict {
  let previous: ChainedEntry | undefined;
  for (const entry of entries) {
    const expectedSeq = (previous?.seq ?? 0) + 1;
    if (entry.seq !== expectedSeq) {
      return { ok: false, brokenAt: expectedSeq, reason: `第 ${expectedSeq} 条记录缺失（下一条是第 ${entry.seq} 条）` };
    }
    if (entry.prevHash !== (previous?.hash ?? GENESIS_HASH)) {
      return { ok: false, brokenAt: entry.seq, reason: `第 ${entry.seq} 条与前一条记录的链接不符：前一条被修改、删除或替换过` };
    }
    if (entryHash(entry) !== entry.hash) {
      return { ok: false, brokenAt: entry.seq, reason: `第 ${entry.seq} 条记录的内容被修改过` };
    }
    previous = entry;
  }
  return { ok: true, entries: entries.length };
}
