import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { StationDb } from '../../../renderer/src/db/database';

describe('schema upgrades', () => {
  it('opens a version-1 database (roster only) at the current version with nothing lost', async () => {
    const indexedDB = new IDBFactory();
    const v1 = new Dexie('station', { indexedDB, IDBKeyRange });
    v1.version(1).stores({ lawyers: 'id, updatedAt, deleted', audit: '++seq, at, [recordType+recordId]', meta: 'key' });
    const lawyer = { id: 'l-1', rev: 1, createdAt: '2026-11-01T08:00:00.000+08:00', updatedAt: '2026-11-01T08:00:00.000+08:00', deleted: false, name: '王𠮷', licenceNo: '12101201510123456', lawFirm: '辽宁正义律师事务所', phone: '13804001234' };
    await v1.table('lawyers').add(lawyer);
    await v1.table('audit').add({ at: lawyer.createdAt, actorId: 'a', actorName: 'a', actorRole: 'operator', action: 'create', recordType: 'lawyers', recordId: 'l-1', rev: 1, fields: ['name'] });
    v1.close();

    const current = new StationDb('station', { indexedDB, IDBKeyRange });
    await current.open();
    expect(current.verno).toBe(8);
    expect(await current.lawyers.get('l-1')).toEqual(lawyer);
    expect(await current.audit.count()).toBe(1);
    expect(await current.consultations.count()).toBe(0);
    expect(await current.accounts.count()).toBe(0);
    expect(await current.documents.count()).toBe(0);
    expect(await current.documentFiles.count()).toBe(0);
    expect(await current.outbox.count()).toBe(0);
    expect(await current.mediations.count()).toBe(0);
    expect(await current.shifts.where('openLawyerId').above('').count()).toBe(0);
    expect(await current.dutyRoster.where('date').between('2026-11-01', '2026-11-30').count()).toBe(0);
    current.close();
  });

  it('puts every record written before batches existed in the outbox (version 4 → 5)', async () => {
    const indexedDB = new IDBFactory();
    const v4 = new StationDb('station4', { indexedDB, IDBKeyRange });
    // Open only up to version 4 by declaring the same history without version 5.
    const old = new Dexie('station4', { indexedDB, IDBKeyRange });
    old.version(1).stores({ lawyers: 'id, updatedAt, deleted', audit: '++seq, at, [recordType+recordId]', meta: 'key' });
    old.version(2).stores({ consultations: 'id, liveTime, updatedAt, lawyerId, shiftId, *tokens' });
    old.version(3).stores({ accounts: 'id, &username' });
    old.version(4).stores({ documents: 'id, createdAt, updatedAt, kind, number, rootId, sourceId, shiftId, lawyerId', documentFiles: 'sha256' });
    const row = (id: string, rev: number) => ({ id, rev, createdAt: '2026-11-01T08:00:00.000+08:00', updatedAt: `2026-11-0${rev}T08:00:00.000+08:00`, deleted: rev === 3 });
    await old.table('consultations').bulkAdd([row('c-1', 1), row('c-2', 3)]);
    await old.table('documents').add(row('d-1', 2));
    old.close();
    await v4.open();
    expect(v4.verno).toBe(8);
    const outbox = await v4.outbox.orderBy('key').toArray();
    expect(outbox).toEqual([
      { key: 'consultations:c-1', type: 'consultations', id: 'c-1', rev: 1, updatedAt: '2026-11-01T08:00:00.000+08:00' },
      { key: 'consultations:c-2', type: 'consultations', id: 'c-2', rev: 3, updatedAt: '2026-11-03T08:00:00.000+08:00' },
      { key: 'documents:d-1', type: 'documents', id: 'd-1', rev: 2, updatedAt: '2026-11-02T08:00:00.000+08:00' },
    ]);
    v4.close();
  });
});
