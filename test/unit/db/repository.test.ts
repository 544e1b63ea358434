import { beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { StationDb } from '../../../renderer/src/db/database';
import { createRecord, historyOf, restoreRecord, softDeleteRecord, StaleRecordError, updateRecord } from '../../../renderer/src/db/repository';
import { addLawyer, lawyerStore, listLawyers } from '../../../renderer/src/db/lawyers';

const actor = { id: 'u1', name: '张律师', role: 'lawyer' };
const lawyer = { name: '王𠮷', licenceNo: '12101201510123456', lawFirm: '辽宁正义律师事务所', phone: '13804001234' };

let db: StationDb;
beforeEach(() => {
  db = new StationDb('test', { indexedDB: new IDBFactory(), IDBKeyRange });
});

describe('repository writes', () => {
  it('stamps id, rev, times and writes one audit entry per change', async () => {
    const created = await createRecord(lawyerStore(db), lawyer, actor, { now: new Date('2026-11-23T01:00:00Z') });
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created).toMatchObject({ rev: 1, deleted: false, name: '王𠮷' });
    expect(created.createdAt).toBe(created.updatedAt);
    expect(created.createdAt).toMatch(/^2026-11-23T\d{2}:00:00\.000[+-]\d{2}:\d{2}$/);

    const updated = await updateRecord(lawyerStore(db), created.id, { phone: '13904005678' }, actor, { now: new Date('2026-11-23T02:00:00Z') });
    expect(updated.rev).toBe(2);
    expect(updated.createdAt).toBe(created.createdAt);
    expect(updated.updatedAt).not.toBe(created.updatedAt);

    const history = await historyOf(db, 'lawyers', created.id);
    expect(history.map((h) => [h.action, h.rev, h.fields])).toEqual([
      ['create', 1, ['lawFirm', 'licenceNo', 'name', 'phone']],
      ['update', 2, ['phone']],
    ]);
    expect(history[0]).toMatchObject({ actorId: 'u1', actorName: '张律师', recordType: 'lawyers' });
  });

  it('soft-deletes into a tombstone that can be undone, bumping rev each time', async () => {
    const created = await createRecord(lawyerStore(db), lawyer, actor);
    const deleted = await softDeleteRecord(lawyerStore(db), created.id, actor);
    expect(deleted).toMatchObject({ deleted: true, rev: 2 });
    expect(await db.lawyers.get(created.id)).toMatchObject({ deleted: true, name: '王𠮷' });
    expect(await listLawyers(db)).toEqual([]);
    const restored = await restoreRecord(lawyerStore(db), created.id, actor);
    expect(restored).toMatchObject({ deleted: false, rev: 3 });
    expect((await historyOf(db, 'lawyers', created.id)).map((h) => h.action)).toEqual(['create', 'delete', 'restore']);
  });

  it('refuses an edit based on a stale revision', async () => {
    const created = await createRecord(lawyerStore(db), lawyer, actor);
    await updateRecord(lawyerStore(db), created.id, { phone: '13904005678' }, actor);
    await expect(updateRecord(lawyerStore(db), created.id, { phone: '13904000000' }, actor, { expectedRev: 1 })).rejects.toBeInstanceOf(StaleRecordError);
    expect((await db.lawyers.get(created.id))?.phone).toBe('13904005678');
  });

  it('writes neither record nor audit entry when the audit write fails', async () => {
    const originalAdd = db.audit.add.bind(db.audit);
    db.audit.add = (() => Promise.reject(new Error('disk full'))) as unknown as typeof db.audit.add;
    await expect(createRecord(lawyerStore(db), lawyer, actor)).rejects.toThrow('disk full');
    db.audit.add = originalAdd;
    expect(await db.lawyers.count()).toBe(0);
    expect(await db.audit.count()).toBe(0);
  });

  it('validates roster entries before they reach the database, and lets only supervisors keep the roster', async () => {
    const supervisor = { id: 's1', name: '刘主任', role: 'supervisor' };
    await expect(addLawyer(db, { ...lawyer, licenceNo: '123' }, supervisor)).rejects.toThrow();
    expect(await db.lawyers.count()).toBe(0);
    await expect(addLawyer(db, lawyer, actor)).rejects.toThrow('没有此项操作的权限');
    await addLawyer(db, lawyer, supervisor);
    expect((await listLawyers(db)).map((l) => l.name)).toEqual(['王𠮷']);
  });
});
