/**
 * Fields every stored record carries. They are also the fields the batch format
 * (shared/spec/batch-format.md) requires on every exported record revision.
 */
export interface RecordBase {
  /** UUID, stable for the life of the record. */
  id: string;
  /** 1 on creation, +1 on every change (including the soft delete). */
  rev: number;
  /** RFC 3339 timestamp with offset. */
  createdAt: string;
  /** RFC 3339 timestamp with offset of the last change. */
  updatedAt: string;
  /** Soft-delete flag; a deleted record is kept as a tombstone. */
  deleted: boolean;
}

export type RecordType = 'consultations' | 'mediations' | 'documents' | 'shifts' | 'lawyers';
