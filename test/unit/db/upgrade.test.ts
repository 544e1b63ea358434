import { SEE_ALL } from '../viewers';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_ENUMERATIONS } from '../../../core/domain/enums';
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { StationDb, type ConsultationRow } from '../../../renderer/src/db/database';
import {
  reconcilePendingTransferTokens,
  consultationStore,
  createConsultation,
  earlierContactsOf,
  markTransferred,
  queryConsultations,
} from '../../../renderer/src/db/consultations';
import { detaineeRequestDraft } from '../../../core/consultations/detaineeRequest';
import { INDEX_STATE } from '../../../renderer/src/db/searchIndex';
import { testVault } from './testVault';
import { contact } from '../core/contactFixture';

/** The schema as it stood at version 8 (search tokens in a multi-entry index). */
function version8(name: string, indexedDB: IDBFactory): Dexie {
  const old = new Dexie(name, { indexedDB, IDBKeyRange });
  old.version(1).stores({ lawyers: 'id, updatedAt, deleted', audit: '++seq, at, [recordType+recordId]', meta: 'key' });
  old.version(2).stores({ consultations: 'id, liveTime, updatedAt, lawyerId, shiftId, *tokens' });
  old.version(3).stores({ accounts: 'id, &username' });
  old.version(4).stores({ documents: 'id, createdAt, updatedAt, kind, number, rootId, sourceId, shiftId, lawyerId', documentFiles: 'sha256' });
  old.version(5).stores({ outbox: 'key, type', importedRecords: '[station+type+id], station, [station+type], updatedAt', importedStations: 'code' });
  old.version(6).stores({ mediations: 'id, date, updatedAt, openDeadline, shiftId, *lawyerIds' });
  old.version(7).stores({ shifts: 'id, startedAt, updatedAt, lawyerId, openLawyerId', dutyRoster: 'id, date, lawyerId, updatedAt' });
  old.version(8).stores({ statFacts: 'key' });
  return old;
}

describe('schema upgrades', () => {
  it('opens a version-1 database (roster only) at the current version with nothing lost', async () => {
    const indexedDB = new IDBFactory();
    const v1 = new Dexie('station', { indexedDB, IDBKeyRange });
    v1.version(1).stores({ lawyers: 'id, updatedAt, deleted', audit: '++seq, at, [recordType+recordId]', meta: 'key' });
    const lawyer = {
      id: 'l-1',
      rev: 1,
      createdAt: '2026-11-01T08:00:00.000+08:00',
      updatedAt: '2026-11-01T08:00:00.000+08:00',
      deleted: false,
      name: '王𠮷',
      licenceNo: '12101201510123456',
      lawFirm: '辽宁正义律师事务所',
      phone: '13804001234',
    };
    await v1.table('lawyers').add(lawyer);
    await v1.table('audit').add({
      at: lawyer.createdAt,
      actorId: 'a',
      actorName: 'a',
      actorRole: 'operator',
      action: 'create',
      recordType: 'lawyers',
      recordId: 'l-1',
      rev: 1,
      fields: ['name'],
    });
    v1.close();

    const current = new StationDb('station', { indexedDB, IDBKeyRange });
    await current.open();
    expect(current.verno).toBe(12);
    expect(await current.lawyers.get('l-1')).toEqual(lawyer);
    expect(await current.audit.count()).toBe(1);
    expect(await current.consultations.count()).toBe(0);
    expect(await current.accounts.count()).toBe(0);
    expect(await current.documents.count()).toBe(0);
    expect(await current.documentFiles.count()).toBe(0);
    expect(await current.outbox.count()).toBe(0);
    expect(await current.mediations.count()).toBe(0);
    expect(await current.drafts.count()).toBe(0);
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
    const row = (id: string, rev: number) => ({
      id,
      rev,
      createdAt: '2026-11-01T08:00:00.000+08:00',
      updatedAt: `2026-11-0${rev}T08:00:00.000+08:00`,
      deleted: rev === 3,
    });
    await old.table('consultations').bulkAdd([row('c-1', 1), row('c-2', 3)]);
    await old.table('documents').add(row('d-1', 2));
    old.close();
    await v4.open();
    expect(v4.verno).toBe(12);
    const outbox = await v4.outbox.orderBy('key').toArray();
    expect(outbox).toEqual([
      { key: 'consultations:c-1', type: 'consultations', id: 'c-1', rev: 1, updatedAt: '2026-11-01T08:00:00.000+08:00' },
      { key: 'consultations:c-2', type: 'consultations', id: 'c-2', rev: 3, updatedAt: '2026-11-03T08:00:00.000+08:00' },
      { key: 'documents:d-1', type: 'documents', id: 'd-1', rev: 2, updatedAt: '2026-11-02T08:00:00.000+08:00' },
    ]);
    v4.close();
  });

  it('numbers every consultation and builds the search postings from the stored tokens, without the key (version 8 → 10)', async () => {
    const indexedDB = new IDBFactory();
    const vault = await testVault();
    // Rows as version 8 wrote them: sealed contents and blinded tokens, no document number.
    const scratch = new StationDb('scratch', { indexedDB, IDBKeyRange });
    const store = consultationStore(scratch, vault);
    const at = '2026-11-20T09:00:00.000+08:00';
    const encode = async (id: string, fields: Record<string, unknown>, deleted = false) => {
      const row = (await store.codec.encode({
        ...contact(fields),
        ownerId: 'lawyer-a',
        id,
        rev: 1,
        createdAt: at,
        updatedAt: at,
        deleted,
      } as never)) as ConsultationRow;
      delete row.doc;
      return row;
    };
    const rows = [
      await encode('c-1', { clientName: '王𠮷', time: '2026-11-20T09:00:00.000+08:00' }),
      await encode('c-2', { clientName: '李四', idNumber: '11010519491231002X', time: '2026-11-21T09:00:00.000+08:00' }),
      await encode('c-3', { clientName: '王𠮷', time: '2026-11-19T09:00:00.000+08:00' }, true),
    ];
    expect(rows.every((r) => r.tokens.length > 0 || r.deleted)).toBe(true);
    const old = version8('station8', indexedDB);
    await old.table('consultations').bulkAdd(rows);
    old.close();

    const db = new StationDb('station8', { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(12);
    const stored = await db.consultations.orderBy('id').toArray();
    expect(stored.map((r) => r.doc).sort()).toEqual([0, 1, 2]);
    expect((await db.meta.get(INDEX_STATE))?.value).toEqual({ nextDoc: 3, sealedUpTo: 3, liveCount: 2 });
    expect(await db.postings.count()).toBeGreaterThan(0);
    // Found through the new postings, tombstone excluded, newest first.
    expect((await queryConsultations(db, vault, SEE_ALL, { text: '𠮷' })).ids).toEqual(['c-1']);
    expect((await earlierContactsOf(db, vault, SEE_ALL, '11010519491231002x')).map((c) => c.id)).toEqual(['c-2']);
    const next = await createConsultation(db, vault, DEFAULT_ENUMERATIONS, contact({ clientName: '王𠮷', time: '2026-11-22T09:00:00.000+08:00' }), {
      id: 'lawyer-a',
      name: '张律师',
      role: 'lawyer',
    });
    expect((await db.consultations.get(next.id))?.doc).toBe(3);
    expect((await queryConsultations(db, vault, SEE_ALL, { text: '王𠮷' })).ids).toEqual([next.id, 'c-1']);
    db.close();
  });
  it("puts a suspect's 转交申请 contacts saved before the Art. 39 para. 2 clock in the 24-hour queue, and takes a civil party's out, once, after sign-in", async () => {
    const indexedDB = new IDBFactory();
    const vault = await testVault();
    const scratch = new StationDb('scratch', { indexedDB, IDBKeyRange });
    const store = consultationStore(scratch, vault);
    const pending = vault.blind('f:pending-transfer');
    const at = '2026-11-20T09:00:00.000+08:00';
    // Rows as the app wrote them before para. 2: a lawyer's own application had no 待转交 token.
    const encode = async (id: string, fields: Record<string, unknown>, deleted = false) => {
      const row = (await store.codec.encode({
        ...contact(fields),
        ownerId: 'lawyer-a',
        id,
        rev: 2,
        createdAt: at,
        updatedAt: at,
        deleted,
      } as never)) as ConsultationRow;
      delete row.doc;
      return row;
    };
    const request = detaineeRequestDraft({
      requestKind: 'legal_aid_application',
      receivedAt: '2026-11-20T08:00:00.000+08:00',
      clientName: '赵六',
      criminalStage: 'investigation',
    });
    const rows = [
      await encode('own', { legalAidOutcome: 'transferred', time: '2026-11-20T09:00:00.000+08:00' }),
      await encode('handed', {
        legalAidOutcome: 'transferred',
        time: '2026-11-20T10:00:00.000+08:00',
        transferredAt: '2026-11-20T11:00:00.000+08:00',
        transferRecipient: '法律援助中心',
        transferReceiver: '刘𠮷',
        transferredBy: 'lawyer-a',
      }),
      await encode('gone', { legalAidOutcome: 'transferred', time: '2026-11-20T12:00:00.000+08:00' }, true),
      await encode('advice', { legalAidOutcome: 'not_needed', time: '2026-11-20T13:00:00.000+08:00' }),
      // Para. 1 ran its clock from the start: staff's request kept its token.
      await encode('staff', { ...request, lawyerId: undefined }),
      // Saved while any 转交申请 ran the lawyer's clock: a civil party's application, which para. 2 does not cover.
      await encode('civil', {
        legalAidOutcome: 'transferred',
        caseType: 'civil',
        clientRole: 'party',
        criminalStage: undefined,
        time: '2026-11-20T14:00:00.000+08:00',
      }),
    ];
    for (const row of rows.slice(0, 4)) row.tokens = row.tokens.filter((t) => t !== pending);
    expect(rows[4]!.tokens).toContain(pending);
    expect(rows[5]!.tokens).not.toContain(pending);
    rows[5]!.tokens.push(pending);
    const old = version8('station-p2', indexedDB);
    await old.table('consultations').bulkAdd(rows);
    old.close();

    const db = new StationDb('station-p2', { indexedDB, IDBKeyRange });
    await db.open();
    expect((await queryConsultations(db, vault, SEE_ALL, { pendingTransfer: true })).ids.sort()).toEqual(['civil', 'staff']);
    expect(await reconcilePendingTransferTokens(db, vault)).toBe(2);
    expect((await queryConsultations(db, vault, SEE_ALL, { pendingTransfer: true })).ids.sort()).toEqual(['own', 'staff']);
    // Only the index changed: no new revision, nothing to send, nothing in the audit trail.
    expect((await db.consultations.get('own'))?.rev).toBe(2);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.audit.count()).toBe(0);
    // Once: a second sign-in opens nothing.
    const open = vi.spyOn(vault, 'open');
    expect(await reconcilePendingTransferTokens(db, vault)).toBe(0);
    expect(open).not.toHaveBeenCalled();
    open.mockRestore();
    // The record then leaves the queue like any other when its transfer is marked.
    await markTransferred(
      db,
      vault,
      'own',
      { transferRecipient: '沈阳市和平区法律援助中心', transferReceiver: '刘𠮷' },
      { id: 'lawyer-a', name: '张律师', role: 'lawyer' },
      '2026-11-20T15:00:00.000+08:00',
    );
    expect((await queryConsultations(db, vault, SEE_ALL, { pendingTransfer: true })).ids).toEqual(['staff']);
  });
});
