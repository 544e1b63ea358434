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
    expect(current.verno).toBe(4);
    expect(await current.lawyers.get('l-1')).toEqual(lawyer);
    expect(await current.audit.count()).toBe(1);
    expect(await current.consultations.count()).toBe(0);
    expect(await current.accounts.count()).toBe(0);
    expect(await current.documents.count()).toBe(0);
    expect(await current.documentFiles.count()).toBe(0);
    current.close();
  });
});
