import Dexie, { type EntityTable } from 'dexie';
import type { RecordBase } from '../../../core/records/base';
import type { LawyerInput } from '../../../core/validation/lawyer';

export type LawyerRecord = RecordBase & LawyerInput;

/** One append-only line of the audit trail, written in the same transaction as the change. */
export interface AuditEntry {
  seq?: number;
  at: string;
  actorId: string;
  actorName: string;
  actorRole: string;
  action: 'create' | 'update' | 'delete' | 'restore';
  recordType: string;
  recordId: string;
  rev: number;
  /** Names of the fields the change touched (values are not copied into the trail). */
  fields: string[];
}

export interface MetaEntry {
  key: string;
  value: unknown;
}

export const DB_NAME = 'duty-lawyer-station';

export class StationDb extends Dexie {
  lawyers!: EntityTable<LawyerRecord, 'id'>;
  audit!: EntityTable<AuditEntry, 'seq'>;
  meta!: EntityTable<MetaEntry, 'key'>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    // Schema history: every change is a new version with an upgrade test (test/unit/db).
    this.version(1).stores({
      lawyers: 'id, updatedAt, deleted',
      audit: '++seq, at, [recordType+recordId]',
      meta: 'key',
    });
  }
}

export type RecordTable = 'lawyers';
