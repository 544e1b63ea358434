import { z } from 'zod';
import type { KeyValueStore } from '../settings/keyValueStore';
import { batchHistoryEntrySchema, type BatchHistoryEntry } from '../../../core/api/contract';

const base64 = z
  .string()
  .regex(/^[A-Za-z0-9+/]*={0,2}$/)
  .max(512);

/** One exported batch: what the history shows, plus the sealed copy kept for re-export. */
export const ledgerEntrySchema = batchHistoryEntrySchema.omit({ copyAvailable: true }).extend({
  /** Null for entries restored from a backup: the chain is known, the file is not here. */
  archive: z
    .strictObject({ file: z.string().regex(/^[0-9a-f-]{36}\.dlbatch\.enc$/), sealedKey: base64, protection: z.string().max(40), iv: base64, tag: base64 })
    .nullable(),
});

export type BatchLedgerEntry = z.infer<typeof ledgerEntrySchema>;

export type PublicLedgerEntry = BatchHistoryEntry;

const KEY = 'batchLedger';

/**
 * The station's own batch history, kept by the main process because it owns the chain:
 * sequences and the previous manifest's hash come from here, so a number is never reused.
 */
export function createLedger(store: KeyValueStore) {
  const all = (): BatchLedgerEntry[] => (store.get(KEY) as BatchLedgerEntry[] | undefined) ?? [];
  return {
    all,
    last(): BatchLedgerEntry | null {
      return all().reduce<BatchLedgerEntry | null>((best, e) => (!best || e.sequence > best.sequence ? e : best), null);
    },
    get(batchId: string): BatchLedgerEntry | null {
      return all().find((e) => e.batchId === batchId) ?? null;
    },
    /** Every entry is checked whole before it is kept: the chain depends on it. */
    append(entry: BatchLedgerEntry): void {
      store.set(KEY, [...all(), ledgerEntrySchema.parse(entry)]);
    },
    update(batchId: string, change: (e: BatchLedgerEntry) => BatchLedgerEntry): BatchLedgerEntry {
      let updated: BatchLedgerEntry | null = null;
      store.set(
        KEY,
        all().map((e) => (e.batchId === batchId ? (updated = ledgerEntrySchema.parse(change(e))) : e)),
      );
      if (!updated) throw new Error(`no batch ${batchId}`);
      return updated;
    },
  };
}

export type Ledger = ReturnType<typeof createLedger>;

export function publicEntry(e: BatchLedgerEntry): PublicLedgerEntry {
  const { archive, ...rest } = e;
  return { ...rest, copyAvailable: archive !== null };
}

/**
 * Why a history cannot be the station's chain, or null: after a restore, the batches
 * known here and those from the backup together must be numbered 1, 2, 3… without a gap
 * or a repeat, each naming the previous one's manifest hash. A history that would make the
 * next batch number 1,000,000, or fork the chain, is refused whole.
 */
export function chainProblem(entries: readonly Pick<BatchLedgerEntry, 'batchId' | 'sequence' | 'manifestSha256' | 'previousManifestSha256'>[]): string | null {
  const bySequence = [...entries].sort((a, b) => a.sequence - b.sequence);
  if (new Set(entries.map((e) => e.batchId)).size !== entries.length) return '同一批次出现了两次';
  for (const [i, e] of bySequence.entries()) {
    if (e.sequence !== i + 1)
      return i > 0 && bySequence[i - 1]!.sequence === e.sequence ? `第 ${e.sequence} 号批次出现了两个不同的批次` : `批次序号不连续：缺少第 ${i + 1} 号`;
    const previous = i === 0 ? null : bySequence[i - 1]!.manifestSha256;
    if (e.previousManifestSha256 !== previous) return `第 ${e.sequence} 号批次没有接续上一批次的清单哈希`;
  }
  return null;
}
