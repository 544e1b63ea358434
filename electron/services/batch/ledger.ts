import type { KeyValueStore } from '../settings/keyValueStore';
import type { BatchHistoryEntry } from '../../../core/api/contract';

/** One exported batch: what the history shows, plus the sealed copy kept for re-export. */
export interface BatchLedgerEntry extends Omit<BatchHistoryEntry, 'copyAvailable'> {
  /** Null for entries restored from a backup: the chain is known, the file is not here. */
  archive: { file: string; sealedKey: string; protection: string; iv: string; tag: string } | null;
}

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
    append(entry: BatchLedgerEntry): void {
      store.set(KEY, [...all(), entry]);
    },
    update(batchId: string, change: (e: BatchLedgerEntry) => BatchLedgerEntry): BatchLedgerEntry {
      let updated: BatchLedgerEntry | null = null;
      store.set(
        KEY,
        all().map((e) => (e.batchId === batchId ? (updated = change(e)) : e)),
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
