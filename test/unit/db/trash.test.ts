import { beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { DEFAULT_ENUMERATIONS } from '../../../core/domain/enums';
import { StationDb } from '../../../renderer/src/db/database';
import { consultationStore, createConsultation, deleteConsultation, queryConsultations } from '../../../renderer/src/db/consultations';
import { createConsultationInputSchema } from '../../../core/consultations/schema';
import { createMediation, deleteMediation } from '../../../renderer/src/db/mediations';
import { listTrash, restoreFromTrash } from '../../../renderer/src/db/trash';
import { historyOf } from '../../../renderer/src/db/repository';
import type { Vault } from '../../../renderer/src/db/vault';
import { testVault } from './testVault';
import { SEE_ALL } from '../viewers';
import { contact } from '../core/contactFixture';
import { mediationFixture as mediation } from '../core/mediationFixture';

const lawyerA = { id: 'lawyer-a', name: '张律师', role: 'lawyer' };
const lawyerB = { id: 'lawyer-b', name: '李律师', role: 'lawyer' };
const supervisor = { id: 'sup', name: '刘主任', role: 'supervisor' };

let db: StationDb;
let vault: Vault;
let indexedDB: IDBFactory;
beforeEach(async () => {
  indexedDB = new IDBFactory();
  db = new StationDb('trash', { indexedDB, IDBKeyRange });
  vault = await testVault();
});

describe('回收站 (issue 20 item 17)', () => {
  it('lists an author his own deleted contacts and a supervisor everyone’s, newest deletion first, and brings one back', async () => {
    const a = await createConsultation(db, vault, DEFAULT_ENUMERATIONS, contact({ clientName: '王一' }), lawyerA);
    const b = await createConsultation(db, vault, DEFAULT_ENUMERATIONS, contact({ clientName: '李二' }), lawyerB);
    await createConsultation(db, vault, DEFAULT_ENUMERATIONS, contact({ clientName: '赵三' }), lawyerA);
    await deleteConsultation(db, vault, a.id, lawyerA);
    await deleteConsultation(db, vault, b.id, lawyerB);

    expect((await listTrash(db, vault, 'consultations', lawyerA)).map((t) => [t.title, t.deletedBy])).toEqual([['王一', '张律师']]);
    expect((await listTrash(db, vault, 'consultations', supervisor)).map((t) => t.title)).toEqual(['李二', '王一']);

    // Another lawyer's record is not his to restore, even by its id.
    await expect(restoreFromTrash(db, vault, { type: 'consultations', id: b.id }, lawyerA)).rejects.toThrow();
    await restoreFromTrash(db, vault, { type: 'consultations', id: a.id }, lawyerA);
    expect(await listTrash(db, vault, 'consultations', lawyerA)).toEqual([]);
    expect((await queryConsultations(db, vault, SEE_ALL, {})).ids).toContain(a.id);
    expect((await historyOf(db, 'consultations', a.id)).map((h) => h.action)).toEqual(['create', 'delete', 'restore']);
  });

  it('lists deleted mediations by their parties', async () => {
    const m = await createMediation(db, vault, DEFAULT_ENUMERATIONS, mediation(), lawyerA);
    await deleteMediation(db, vault, m.id, lawyerA);
    const [item] = await listTrash(db, vault, 'mediations', lawyerA);
    expect(item).toMatchObject({ type: 'mediations', id: m.id, title: m.parties.map((p) => p.name).join('、') });
    await restoreFromTrash(db, vault, item!, lawyerA);
    expect(await listTrash(db, vault, 'mediations', supervisor)).toEqual([]);
  });

  it('finds the tombstones of a database from before the 回收站 (version 11 → 12)', async () => {
    const store = consultationStore(db, vault);
    const at = '2026-11-20T10:00:00.000+08:00';
    const tombstone = await store.codec.encode({
      ...createConsultationInputSchema(DEFAULT_ENUMERATIONS).parse(contact({ clientName: '王一' })),
      ownerId: lawyerA.id,
      id: 'c-old',
      rev: 2,
      createdAt: at,
      updatedAt: at,
      deleted: true,
    });
    delete tombstone.trashedAt;
    const v11 = new Dexie('station11', { indexedDB, IDBKeyRange });
    v11.version(11).stores({
      lawyers: 'id, updatedAt, deleted',
      audit: '++seq, at, [recordType+recordId]',
      meta: 'key',
      consultations: 'id, liveTime, updatedAt, lawyerId, shiftId',
      accounts: 'id, &username',
      mediations: 'id, date, updatedAt, openDeadline, shiftId, *lawyerIds',
    });
    await v11.table('consultations').add(tombstone);
    v11.close();

    const upgraded = new StationDb('station11', { indexedDB, IDBKeyRange });
    expect((await listTrash(upgraded, vault, 'consultations', lawyerA)).map((t) => [t.id, t.title, t.deletedAt])).toEqual([['c-old', '王一', at]]);
    upgraded.close();
  });
});
