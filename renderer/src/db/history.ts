import type { RecordBase } from '../../../core/records/base';
import type { AuditEntry } from './database';
import { historyOf, type RecordCodec, type RecordStore, type Stored } from './repository';

/** One field an edit changed, with its value before and after (absent: the field was empty). */
export interface FieldChange {
  field: string;
  before?: unknown;
  after?: unknown;
}

/** An audit entry of a record, with the values its edit changed where both revisions are kept. */
export interface HistoryEntry extends AuditEntry {
  /** Only for updates whose earlier revision was kept (edits since version 12). */
  changes?: FieldChange[];
}

/**
 * A record's history with old and new values (issue 20 item 17); `valuesOf` says which
 * fields the reader may see (an edit touching any other shows its field names only). The values come from the
 * revisions the repository keeps as stored, sealed like the record, and are opened only
 * here, for someone already allowed to open the record; the audit trail itself keeps only
 * field names, so it never holds a client's data in the clear.
 */
export async function historyWithValues<T, Row extends RecordBase>(
  store: RecordStore<T, Row>,
  id: string,
  valuesOf: (field: string) => boolean = () => true,
): Promise<HistoryEntry[]> {
  const { db } = store;
  const [entries, kept, currentRow] = await Promise.all([
    historyOf(db, store.name, id),
    db.revisions.where('[type+id+rev]').between([store.name, id, 0], [store.name, id, Infinity]).toArray(),
    db.table(store.name).get(id) as Promise<Row | undefined>,
  ]);
  const rows = new Map<number, Row>(kept.map((k) => [k.rev, k.row as Row]));
  if (currentRow) rows.set(currentRow.rev, currentRow);
  const decoded = new Map<number, Promise<Stored<T>>>();
  const at = (rev: number) => {
    const row = rows.get(rev);
    if (!row) return undefined;
    if (!decoded.has(rev)) decoded.set(rev, Promise.resolve((store.codec as RecordCodec<T, Row>).decode(row)));
    return decoded.get(rev);
  };
  return Promise.all(
    entries.map(async (entry): Promise<HistoryEntry> => {
      if (entry.action !== 'update') return entry;
      const [before, after] = await Promise.all([at(entry.rev - 1), at(entry.rev)]);
      if (!before || !after) return entry;
      const b = before as Record<string, unknown>;
      const a = after as Record<string, unknown>;
      // A field the reader may not see keeps its name only, as in the audit trail.
      if (!entry.fields.every(valuesOf)) return entry;
      return {
        ...entry,
        changes: entry.fields.map((field) => ({
          field,
          ...(b[field] !== undefined ? { before: b[field] } : {}),
          ...(a[field] !== undefined ? { after: a[field] } : {}),
        })),
      };
    }),
  );
}
