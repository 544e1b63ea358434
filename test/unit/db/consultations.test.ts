import { SEE_ALL } from '../viewers';
import { beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { DEFAULT_ENUMERATIONS, mergeEnumerations } from '../../../core/domain/enums';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { StationDb } from '../../../renderer/src/db/database';
import {
  createConsultation,
  deleteConsultation,
  earlierContactsOf,
  editConsultation,
  getConsultation,
  markTransferred,
  undoTransfer,
  canUndoTransfer,
  newestConsultations,
  countLiveConsultations,
  queryConsultations,
  undeleteConsultation,
} from '../../../renderer/src/db/consultations';
import { historyOf, StaleRecordError } from '../../../renderer/src/db/repository';
import { foldOrderLog, mergeTail } from '../../../renderer/src/db/searchIndex';
import type { Vault } from '../../../renderer/src/db/vault';
import { testVault } from './testVault';
import { contact } from '../core/contactFixture';
import Dexie, { liveQuery } from 'dexie';
import { detaineeRequestDraft } from '../../../core/consultations/detaineeRequest';

async function waitFor(condition: () => boolean, ms = 2000): Promise<void> {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}

const lawyerA = { id: 'lawyer-a', name: '张律师', role: 'lawyer', lawyerId: 'lawyer-a' };
const MARK = { transferRecipient: '沈阳市和平区法律援助中心', transferReceiver: '刘𠮷' };
const lawyerB = { id: 'lawyer-b', name: '李律师', role: 'lawyer' };

let db: StationDb;
let vault: Vault;
let indexedDB: IDBFactory;
beforeEach(async () => {
  indexedDB = new IDBFactory();
  db = new StationDb('t', { indexedDB, IDBKeyRange });
  vault = await testVault();
});

describe('consultation repository', () => {
  it("Art. 39 para. 2: a lawyer's own contact with a transfer outcome joins the 24-hour queue until he marks it, with the recipient", async () => {
    const own = await createConsultation(db, vault, DEFAULT_ENUMERATIONS, contact({ legalAidOutcome: 'transferred' }), lawyerA);
    expect((await queryConsultations(db, vault, SEE_ALL, { pendingTransfer: true })).ids).toEqual([own.id]);
    // Another lawyer may not mark it, nor may the recipient be left out.
    await expect(markTransferred(db, vault, own.id, MARK, lawyerB, '2026-11-20T12:00:00.000+08:00')).rejects.toThrow('没有此项操作的权限');
    await expect(
      markTransferred(db, vault, own.id, { transferRecipient: '法律援助中心', transferReceiver: ' ' }, lawyerA, '2026-11-20T12:00:00.000+08:00'),
    ).rejects.toThrow('请填写接收人姓名');
    await expect(markTransferred(db, vault, own.id, MARK, lawyerA, '2026-11-20T09:00:00.000+08:00')).rejects.toThrow('转交时间早于收到申请的时间');
    const marked = await markTransferred(db, vault, own.id, MARK, lawyerA, '2026-11-20T12:00:00.000+08:00');
    expect(marked).toMatchObject({
      transferredAt: '2026-11-20T12:00:00.000+08:00',
      transferRecipient: '沈阳市和平区法律援助中心',
      transferReceiver: '刘𠮷',
      transferredBy: 'lawyer-a',
    });
    expect((await queryConsultations(db, vault, SEE_ALL, { pendingTransfer: true })).ids).toEqual([]);
    expect((await historyOf(db, 'consultations', own.id)).at(-1)).toMatchObject({
      action: 'update',
      fields: expect.arrayContaining(['transferredAt', 'transferRecipient', 'transferReceiver', 'transferredBy']),
    });
    // An edit of the contact keeps the transfer; the lawyer's edit form sends it back unchanged.
    const edited = await editConsultation(
      db,
      vault,
      DEFAULT_ENUMERATIONS,
      own.id,
      contact({
        legalAidOutcome: 'transferred',
        advice: '已转交',
        transferredAt: marked.transferredAt,
        transferRecipient: marked.transferRecipient,
        transferReceiver: marked.transferReceiver,
        transferredBy: 'lawyer-a',
      }),
      lawyerA,
      marked.rev,
    );
    expect(edited.transferredBy).toBe('lawyer-a');
  });

  it('undoes a transfer for its author on the same day (no shift), audited; not for anyone else, nor the next day', async () => {
    const own = await createConsultation(db, vault, DEFAULT_ENUMERATIONS, contact({ legalAidOutcome: 'transferred' }), lawyerA);
    await markTransferred(db, vault, own.id, MARK, lawyerA, '2026-11-20T12:00:00.000+08:00');
    const sameDay = new Date('2026-11-20T23:59:00.000+08:00');
    const nextDay = new Date('2026-11-21T00:00:00.000+08:00');
    const supervisor = { id: 's1', name: '负责人', role: 'supervisor' };
    await expect(undoTransfer(db, vault, own.id, supervisor, sameDay)).rejects.toThrow('只有标记转交的人');
    await expect(undoTransfer(db, vault, own.id, lawyerA, nextDay)).rejects.toThrow('只有标记转交的人');
    const undone = await undoTransfer(db, vault, own.id, lawyerA, sameDay);
    for (const key of ['transferredAt', 'transferRecipient', 'transferReceiver', 'transferredBy']) expect(undone).not.toHaveProperty(key);
    expect((await queryConsultations(db, vault, SEE_ALL, { pendingTransfer: true })).ids).toEqual([own.id]);
    expect((await historyOf(db, 'consultations', own.id)).map((h) => h.action)).toEqual(['create', 'update', 'update']);
  });

  it('undoes a transfer only while the shift it was marked in is open', async () => {
    const own = await createConsultation(db, vault, DEFAULT_ENUMERATIONS, contact({ legalAidOutcome: 'transferred' }), lawyerA);
    await db.shifts.put({
      id: 'sh1',
      rev: 1,
      createdAt: '2026-11-20T08:00:00.000+08:00',
      updatedAt: '2026-11-20T08:00:00.000+08:00',
      deleted: false,
      lawyerId: 'lawyer-a',
      startedAt: '2026-11-20T08:00:00.000+08:00',
      openLawyerId: 'lawyer-a',
      ownerId: 'lawyer-a',
      sealed: { iv: '', data: '' } as never,
    });
    const marked = await markTransferred(db, vault, own.id, MARK, lawyerA, '2026-11-20T12:00:00.000+08:00');
    // Past midnight, the shift still open: still his to undo.
    expect(await canUndoTransfer(db, marked, lawyerA, Date.parse('2026-11-21T01:00:00.000+08:00'))).toBe(true);
    await db.shifts.put({ ...(await db.shifts.get('sh1'))!, endedAt: '2026-11-20T18:00:00.000+08:00', openLawyerId: undefined as never });
    expect(await canUndoTransfer(db, marked, lawyerA, Date.parse('2026-11-20T18:30:00.000+08:00'))).toBe(false);
  });

  it('saves and edits a contact with a help type the province added in settings', async () => {
    const enums = mergeEnumerations(DEFAULT_ENUMERATIONS, { helpTypes: [{ code: 'compensation_calculation', label: '赔偿金额测算', scope: 'any' }] });
    const added = contact({ helpTypes: ['legal_consultation', 'compensation_calculation'] });
    const saved = await createConsultation(db, vault, enums, added, lawyerA);
    expect(saved.helpTypes).toEqual(['legal_consultation', 'compensation_calculation']);
    const edited = await editConsultation(db, vault, enums, saved.id, { ...added, helpTypes: ['compensation_calculation'] }, lawyerA, saved.rev);
    expect(edited.helpTypes).toEqual(['compensation_calculation']);
    await expect(createConsultation(db, vault, DEFAULT_ENUMERATIONS, added, lawyerA)).rejects.toThrow('帮助类型');
  });

  it('stores contents sealed: no name, case number or question in the clear', async () => {
    const saved = await createConsultation(db, vault, DEFAULT_ENUMERATIONS, contact(), lawyerA);
    const row = await db.consultations.get(saved.id);
    const raw = JSON.stringify(row);
    for (const secret of ['王', '𠮷', '盗窃', '辽0102', '取保候审']) expect(raw).not.toContain(secret);
    expect(row).toMatchObject({ rev: 1, deleted: false, lawyerId: 'lawyer-a', ownerId: 'lawyer-a' });
    const opened = await getConsultation(db, vault, SEE_ALL, saved.id);
    expect(opened?.clientName).toBe('王𠮷');
    expect(opened?.caseNumber).toBe('（2026）辽0102刑初123号');
  });

  it('finds a record by name fragment, rare character, case number in either width and question words', async () => {
    const a = await createConsultation(db, vault, DEFAULT_ENUMERATIONS, contact(), lawyerA);
    const b = await createConsultation(
      db,
      vault,
      DEFAULT_ENUMERATIONS,
      contact({
        clientName: '李四',
        caseNumber: undefined,
        question: '工资被拖欠三个月怎么办',
        advice: '可申请劳动仲裁，并保留考勤记录',
        caseType: 'civil',
        criminalStage: undefined,
        clientRole: 'party',
        place: 'court_service_centre',
      }),
      lawyerA,
    );
    const ids = async (text: string) => (await queryConsultations(db, vault, SEE_ALL, { text })).ids;
    expect(await ids('𠮷')).toEqual([a.id]);
    expect(await ids('王𠮷')).toEqual([a.id]);
    expect(await ids('（2026）辽0102刑初123号')).toEqual([a.id]);
    expect(await ids('0102刑初')).toEqual([a.id]);
    expect(await ids('拖欠')).toEqual([b.id]);
    expect(await ids('取保候审')).toEqual([a.id]);
    expect(await ids('劳动仲裁')).toEqual([b.id]);
    expect(await ids('离婚')).toEqual([]);
  });

  it('filters by help type, case type and date range, newest first', async () => {
    const older = await createConsultation(db, vault, DEFAULT_ENUMERATIONS, contact({ time: '2026-11-01T09:00:00.000+08:00' }), lawyerA);
    const newer = await createConsultation(
      db,
      vault,
      DEFAULT_ENUMERATIONS,
      contact({ time: '2026-11-21T09:00:00.000+08:00', lawyerId: 'lawyer-b', helpTypes: ['legal_consultation', 'procedure_advice'] }),
      lawyerB,
    );
    expect((await queryConsultations(db, vault, SEE_ALL, {})).ids).toEqual([newer.id, older.id]);
    expect((await queryConsultations(db, vault, SEE_ALL, { helpType: 'procedure_advice' })).ids).toEqual([newer.id]);
    expect((await queryConsultations(db, vault, SEE_ALL, { from: '2026-11-01', to: '2026-11-01' })).ids).toEqual([older.id]);
    expect((await queryConsultations(db, vault, SEE_ALL, { lawyerId: 'lawyer-b' })).ids).toEqual([newer.id]);
    expect((await queryConsultations(db, vault, SEE_ALL, { caseType: 'civil' })).ids).toEqual([]);
    expect(await countLiveConsultations(db)).toBe(2);
    expect((await newestConsultations(db, vault, SEE_ALL, 0, 1)).map((c) => c.id)).toEqual([newer.id]);
  });

  it('bumps rev on edit, keeps a history, soft-deletes with undo', async () => {
    const saved = await createConsultation(db, vault, DEFAULT_ENUMERATIONS, contact(), lawyerA);
    const edited = await editConsultation(db, vault, DEFAULT_ENUMERATIONS, saved.id, contact({ advice: '建议先了解案情再申请' }), lawyerA, 1);
    expect(edited.rev).toBe(2);
    await expect(editConsultation(db, vault, DEFAULT_ENUMERATIONS, saved.id, contact({ advice: 'x' }), lawyerA, 1)).rejects.toBeInstanceOf(StaleRecordError);
    await deleteConsultation(db, vault, saved.id, lawyerA);
    expect((await queryConsultations(db, vault, SEE_ALL, { text: '王𠮷' })).ids).toEqual([]);
    expect((await queryConsultations(db, vault, SEE_ALL, {})).ids).toEqual([]);
    await undeleteConsultation(db, vault, saved.id, lawyerA);
    expect((await queryConsultations(db, vault, SEE_ALL, { text: '王𠮷' })).ids).toEqual([saved.id]);
    const history = await historyOf(db, 'consultations', saved.id);
    expect(history.map((h) => [h.action, h.rev])).toEqual([
      ['create', 1],
      ['update', 2],
      ['delete', 3],
      ['restore', 4],
    ]);
    expect(history[1]!.fields).toEqual(['advice']);
  });

  it("refuses, in the data layer, a lawyer changing another lawyer's record", async () => {
    const saved = await createConsultation(db, vault, DEFAULT_ENUMERATIONS, contact(), lawyerA);
    await expect(editConsultation(db, vault, DEFAULT_ENUMERATIONS, saved.id, contact({ advice: '改' }), lawyerB, 1)).rejects.toThrow(
      '只能修改或删除自己登记的记录',
    );
    await expect(deleteConsultation(db, vault, saved.id, lawyerB)).rejects.toThrow('只能修改或删除自己登记的记录');
    const supervisor = { id: 's1', name: '负责人', role: 'supervisor' };
    await expect(editConsultation(db, vault, DEFAULT_ENUMERATIONS, saved.id, contact({ advice: '负责人更正' }), supervisor, 1)).resolves.toMatchObject({
      rev: 2,
      ownerId: 'lawyer-a',
    });
  });

  it('lists pending detainee applications until staff mark them transferred', async () => {
    const staff = { id: 'st1', name: '看守所民警', role: 'staff' };
    const saved = await createConsultation(
      db,
      vault,
      DEFAULT_ENUMERATIONS,
      contact({ helpTypes: ['help_apply_legal_aid'], requestKind: 'legal_aid_application', receivedAt: '2026-11-20T08:00:00.000+08:00' }),
      staff,
    );
    expect((await queryConsultations(db, vault, SEE_ALL, { pendingTransfer: true })).ids).toEqual([saved.id]);
    await markTransferred(db, vault, saved.id, MARK, staff, '2026-11-20T20:00:00.000+08:00');
    expect((await queryConsultations(db, vault, SEE_ALL, { pendingTransfer: true })).ids).toEqual([]);
    expect((await getConsultation(db, vault, SEE_ALL, saved.id))?.transferredAt).toBe('2026-11-20T20:00:00.000+08:00');
  });

  it('logs a detainee request from staff with no lawyer and no help yet; it is queued, stamped on no shift, and a lawyer contact still needs both', async () => {
    const staff = { id: 'st1', name: '看守所民警', role: 'staff' };
    const draft = detaineeRequestDraft({
      requestKind: 'legal_aid_application',
      receivedAt: '2026-11-20T08:00:00.000+08:00',
      clientName: '张小𠮷',
      idNumber: '210102201005011234',
      criminalStage: 'investigation',
      cause: '盗窃罪',
    });
    const saved = await createConsultation(db, vault, DEFAULT_ENUMERATIONS, draft, staff);
    expect(saved).toMatchObject({
      helpTypes: [],
      clientRole: 'suspect',
      legalAidOutcome: 'transferred',
      birthDate: '2010-05-01',
      specialGroups: ['minor'],
      ownerId: 'st1',
    });
    expect(saved.lawyerId).toBeUndefined();
    expect(saved.shiftId).toBeUndefined();
    expect((await db.consultations.get(saved.id))?.lawyerId).toBeUndefined();
    expect((await queryConsultations(db, vault, SEE_ALL, { pendingTransfer: true })).ids).toEqual([saved.id]);
    expect((await queryConsultations(db, vault, SEE_ALL, { text: '张小𠮷' })).ids).toEqual([saved.id]);
    const { lawyerId: _l, helpTypes: _h, ...noLawyer } = contact();
    await expect(createConsultation(db, vault, DEFAULT_ENUMERATIONS, { ...noLawyer, helpTypes: [] }, lawyerA)).rejects.toThrow(
      /请选择值班律师[\s\S]*请至少选择一项帮助类型/,
    );
  });

  it('shows a new record to a filtered live query as soon as the save commits, and a transfer as soon as it is marked', async () => {
    const staff = { id: 'st1', name: '看守所民警', role: 'staff' };
    const first = await createConsultation(
      db,
      vault,
      DEFAULT_ENUMERATIONS,
      contact({ requestKind: 'legal_aid_application', receivedAt: '2026-11-20T08:00:00.000+08:00' }),
      lawyerA,
    );
    // liveQuery runs its querier only when Dexie found an indexedDB when it loaded.
    const deps = Dexie.dependencies as { indexedDB: unknown; IDBKeyRange: unknown };
    const saved = { ...deps };
    Object.assign(deps, { indexedDB, IDBKeyRange });
    onTestFinished(() => void Object.assign(deps, saved));
    const seen: string[][] = [];
    const subscription = liveQuery(() => queryConsultations(db, vault, SEE_ALL, { pendingTransfer: true })).subscribe({ next: (r) => seen.push(r.ids) });
    await waitFor(() => seen.length === 1);
    const second = await createConsultation(
      db,
      vault,
      DEFAULT_ENUMERATIONS,
      contact({ clientName: '李四', requestKind: 'legal_aid_application', receivedAt: '2026-11-20T09:00:00.000+08:00' }),
      lawyerA,
    );
    // The query re-runs when the transaction commits, which may be before the save resumes:
    // what it answers then must already hold the new record.
    await waitFor(() => seen.length >= 2);
    await new Promise((r) => setTimeout(r, 50));
    expect(seen.at(-1)).toEqual([second.id, first.id]);
    // A change the warm caches answer without reading postings (the record is in the tail)
    // must still wake the query.
    const before = seen.length;
    await markTransferred(db, vault, first.id, MARK, staff, '2026-11-20T12:00:00.000+08:00');
    await waitFor(() => seen.length > before);
    await new Promise((r) => setTimeout(r, 50));
    subscription.unsubscribe();
    expect(seen.at(-1)).toEqual([second.id]);
  });

  it('offers earlier contacts of a person by ID number', async () => {
    const first = await createConsultation(db, vault, DEFAULT_ENUMERATIONS, contact({ idType: 'passport', idNumber: 'E12345678' }), lawyerA);
    await createConsultation(db, vault, DEFAULT_ENUMERATIONS, contact({ clientName: '别人' }), lawyerA);
    const found = await earlierContactsOf(db, vault, SEE_ALL, 'e12345678');
    expect(found.map((c) => c.id)).toEqual([first.id]);
  });

  it('moves an edited record in the index: found by its new name and time, no longer by the old', async () => {
    const saved = await createConsultation(db, vault, DEFAULT_ENUMERATIONS, contact({ time: '2026-11-01T09:00:00.000+08:00' }), lawyerA);
    const other = await createConsultation(db, vault, DEFAULT_ENUMERATIONS, contact({ clientName: '赵六', time: '2026-11-10T09:00:00.000+08:00' }), lawyerA);
    expect((await queryConsultations(db, vault, SEE_ALL, {})).ids).toEqual([other.id, saved.id]);
    await editConsultation(
      db,
      vault,
      DEFAULT_ENUMERATIONS,
      saved.id,
      contact({
        clientName: '钱七',
        time: '2026-11-20T09:00:00.000+08:00',
        caseType: 'civil',
        criminalStage: undefined,
        clientRole: 'party',
        place: 'court_service_centre',
        caseNumber: undefined,
      }),
      lawyerA,
      1,
    );
    expect((await queryConsultations(db, vault, SEE_ALL, { text: '王𠮷' })).ids).toEqual([]);
    expect((await queryConsultations(db, vault, SEE_ALL, { text: '钱七' })).ids).toEqual([saved.id]);
    expect((await queryConsultations(db, vault, SEE_ALL, { caseType: 'criminal' })).ids).toEqual([other.id]);
    expect((await queryConsultations(db, vault, SEE_ALL, { caseType: 'civil' })).ids).toEqual([saved.id]);
    // The list order follows the new time without a rebuild...
    expect((await queryConsultations(db, vault, SEE_ALL, {})).ids).toEqual([saved.id, other.id]);
    // ...and is the order a fresh connection builds from the stored rows.
    const reopened = new StationDb('t', { indexedDB, IDBKeyRange });
    expect((await queryConsultations(reopened, vault, SEE_ALL, {})).ids).toEqual([saved.id, other.id]);
    expect((await queryConsultations(reopened, vault, SEE_ALL, { text: '钱七' })).ids).toEqual([saved.id]);
  });

  it('keeps the order of many saves, edits and deletes exactly as a fresh read of the table', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      // Same minute for some, so ties are ordered by document number.
      const time = `2026-11-${String(10 + (i % 5)).padStart(2, '0')}T09:0${i % 3}:00.000+08:00`;
      ids.push((await createConsultation(db, vault, DEFAULT_ENUMERATIONS, contact({ time }), lawyerA)).id);
      await queryConsultations(db, vault, SEE_ALL, {});
    }
    await editConsultation(db, vault, DEFAULT_ENUMERATIONS, ids[3]!, contact({ time: '2026-11-30T09:00:00.000+08:00' }), lawyerA, 1);
    await deleteConsultation(db, vault, ids[5]!, lawyerA);
    await deleteConsultation(db, vault, ids[0]!, lawyerA);
    await undeleteConsultation(db, vault, ids[0]!, lawyerA);
    const followed = (await queryConsultations(db, vault, SEE_ALL, {})).ids;
    const rows = await db.consultations.toArray();
    const expected = rows
      .filter((r) => r.liveTime !== undefined)
      .sort((a, b) => (a.liveTime! === b.liveTime! ? b.doc! - a.doc! : b.liveTime!.localeCompare(a.liveTime!)))
      .map((r) => r.id);
    expect(followed).toEqual(expected);
    expect(followed).toHaveLength(11);
    expect(followed[0]).toBe(ids[3]);
    // Read back as snapshot + log by a fresh connection, then with the log folded in: the same.
    const fresh = () => new StationDb('t', { indexedDB, IDBKeyRange });
    expect((await queryConsultations(fresh(), vault, SEE_ALL, {})).ids).toEqual(expected);
    expect(await db.orderLog.count()).toBe(16); // 12 saves, 1 move, 2 deletes, 1 undo
    expect(await foldOrderLog(db, 1)).toBe(16);
    expect(await db.orderLog.count()).toBe(0);
    expect((await queryConsultations(fresh(), vault, SEE_ALL, {})).ids).toEqual(expected);
    expect(await countLiveConsultations(fresh())).toBe(11);
    await deleteConsultation(db, vault, ids[7]!, lawyerA);
    expect((await queryConsultations(fresh(), vault, SEE_ALL, {})).ids).toEqual(expected.filter((id) => id !== ids[7]));
    expect(await countLiveConsultations(fresh())).toBe(10);
  });

  it('answers the same before and after the newest records are merged into the posting blocks, and edits merged records in place', async () => {
    const names = ['王𠮷', '李四', '王五', '赵𠮷', '钱七'];
    const saved = [];
    for (const [i, clientName] of names.entries()) {
      saved.push(await createConsultation(db, vault, DEFAULT_ENUMERATIONS, contact({ clientName, time: `2026-11-1${i}T09:00:00.000+08:00` }), lawyerA));
    }
    const queries = ['𠮷', '王', '李四', '取保候审', '0102刑初', '钱'];
    const answers = async () => Promise.all(queries.map(async (text) => (await queryConsultations(db, vault, SEE_ALL, { text })).ids));
    const before = await answers();
    expect(before[0]).toEqual([saved[3]!.id, saved[0]!.id]);
    expect(await db.tailTokens.count()).toBe(5);

    expect(await mergeTail(db, 3)).toBe(3);
    expect(await answers()).toEqual(before);
    expect(await mergeTail(db, 3)).toBe(2);
    expect(await mergeTail(db, 3)).toBe(0);
    expect(await db.tailTokens.count()).toBe(0);
    expect(await answers()).toEqual(before);

    // A merged record changes its blocks directly.
    await editConsultation(db, vault, DEFAULT_ENUMERATIONS, saved[0]!.id, contact({ clientName: '孙八', time: '2026-11-10T09:00:00.000+08:00' }), lawyerA, 1);
    expect((await queryConsultations(db, vault, SEE_ALL, { text: '𠮷' })).ids).toEqual([saved[3]!.id]);
    expect((await queryConsultations(db, vault, SEE_ALL, { text: '孙八' })).ids).toEqual([saved[0]!.id]);
    await deleteConsultation(db, vault, saved[3]!.id, lawyerA);
    expect((await queryConsultations(db, vault, SEE_ALL, { text: '𠮷' })).ids).toEqual([]);
    await undeleteConsultation(db, vault, saved[3]!.id, lawyerA);
    expect((await queryConsultations(db, vault, SEE_ALL, { text: '𠮷' })).ids).toEqual([saved[3]!.id]);
    // New records go to the tail again and are found beside merged ones.
    const later = await createConsultation(db, vault, DEFAULT_ENUMERATIONS, contact({ clientName: '周𠮷', time: '2026-11-20T09:00:00.000+08:00' }), lawyerA);
    expect((await queryConsultations(db, vault, SEE_ALL, { text: '𠮷' })).ids).toEqual([later.id, saved[3]!.id]);
    expect(await db.tailTokens.count()).toBe(1);
  });
});
