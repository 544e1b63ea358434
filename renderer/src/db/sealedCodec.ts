import type { RecordBase } from '../../../core/records/base';
import type { RecordCodec, Stored } from './repository';
import type { Sealed, Vault } from './vault';

/** A row of a sealed table: the record's base fields, its owner, and the sealed rest. */
export interface SealedRowBase extends RecordBase {
  ownerId: string;
  sealed: Sealed;
  /** When a tombstone was deleted; absent on live rows, so its index lists the 回收站 alone. */
  trashedAt?: string;
}

/**
 * The one way a record is kept encrypted at rest. Everything but the base fields and the
 * owner is sealed, including any field a later version adds: a table names only what it
 * keeps in the clear (for indexes and lists), never what to seal, so a new field cannot
 * land on disk readable by accident. `derive` adds index values computed from the record
 * (search tokens, open deadlines), which are not fields of it.
 */
export function sealedCodec<T extends { ownerId: string }, Row extends SealedRowBase>(
  vault: Vault,
  recordType: string,
  clear: readonly (keyof T & keyof Row & string)[],
  derive?: (record: Stored<T>) => Partial<Row>,
): RecordCodec<T, Row> {
  return {
    async encode(record) {
      const { id, rev, createdAt, updatedAt, deleted, ownerId, ...content } = record;
      const row = {
        id,
        rev,
        createdAt,
        updatedAt,
        deleted,
        ownerId,
        sealed: await vault.seal(recordType, id, content),
        ...(deleted ? { trashedAt: updatedAt } : {}),
      } as Row;
      const target = row as unknown as Record<string, unknown>;
      for (const key of clear) {
        const value = (record as unknown as Record<string, unknown>)[key];
        if (value !== undefined && value !== '') target[key] = value;
      }
      return Object.assign(row, derive?.(record));
    },
    async decode(row) {
      const content = await vault.open<Record<string, unknown>>(recordType, row.id, row.sealed);
      // The clear copy wins: it is what the indexes found the row by. Rows written before a
      // field was sealed too (documents' kind and number) have it only there.
      const clearValues: Record<string, unknown> = {};
      for (const key of clear)
        if ((row as unknown as Record<string, unknown>)[key] !== undefined) clearValues[key] = (row as unknown as Record<string, unknown>)[key];
      return {
        ...content,
        ...clearValues,
        id: row.id,
        rev: row.rev,
        createdAt: row.createdAt,
        updatedAt: row.updatedAt,
        deleted: row.deleted,
        ownerId: row.ownerId,
      } as unknown as Stored<T>;
    },
  };
}
