import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createHash } from 'node:crypto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { DEFAULT_ENUMERATIONS } from '../../../core/domain/enums';
import { detaineeRequestDraft } from '../../../core/consultations/detaineeRequest';
import { StationDb } from '../../../renderer/src/db/database';
import {
  createConsultation,
  earlierContactsOf,
  getConsultation,
  loadConsultations,
  newestConsultations,
  queryConsultations,
  reconcileRequestViewTokens,
} from '../../../renderer/src/db/consultations';
import { updateIndex } from '../../../renderer/src/db/searchIndex';
import { forgetCaches } from '../../../renderer/src/db/repository';
import { getDocument, queryDocuments, saveNewDocument, versionsOf, type NewDocument } from '../../../renderer/src/db/documents';
import { createMediation, getMediation, mediationsBetween, overdueMediations } from '../../../renderer/src/db/mediations';
import type { Vault } from '../../../renderer/src/db/vault';
import { testVault } from './testVault';
import { contact } from '../core/contactFixture';
import { mediationFixture } from '../core/mediationFixture';

/**
 * Issue 18 item 6: detention-centre staff calling the repositories directly (not through a
 * page that hides things) get their own records, the request part of others' requests and
 * of the Art. 39 transfer queue, and nothing of a lawyer's consultation, documents or
 * mediations. Lawyers and supervisors read as before.
 */
const lawyer = { id: 'lawyer-a', name: '张律师', role: 'lawyer' };
const staff = { id: 'staff-1', name: '周干事', role: 'staff' };
const otherStaff = { id: 'staff-2', name: '吴干事', role: 'staff' };
const supervisor = { id: 'sup-1', name: '李主任', role: 'supervisor' };

const QUESTION = '被刑事拘留后家属能否申请取保候审';
const ADVICE = '可以由近亲属提出取保候审申请，并说明理由';

let db: StationDb;
let vault: Vault;
beforeEach(async () => {
  db = new StationDb('k', { indexedDB: new IDBFactory(), IDBKeyRange });
  vault = await testVault();
});

/** A lawyer's ordinary contact, a lawyer's contact on the Art. 39 clock, and a request staff logged. */
async function station() {
  const plain = await createConsultation(
    db,
    vault,
    DEFAULT_ENUMERATIONS,
    contact({ clientName: '赵一', idType: 'resident_id', idNumber: '210102199001011237', phone: '13900000001' }),
    lawyer,
  );
  const queued = await createConsultation(
    db,
    vault,
    DEFAULT_ENUMERATIONS,
    contact({ clientName: '钱二', legalAidOutcome: 'transferred', question: '想申请法律援助律师辩护', advice: '已告知援助条件，代为转交申请' }),
    lawyer,
  );
  const request = await createConsultation(
    db,
    vault,
    DEFAULT_ENUMERATIONS,
    detaineeRequestDraft({
      requestKind: 'legal_aid_application',
      receivedAt: '2026-11-20T08:00:00.000+08:00',
      clientName: '孙三',
      criminalStage: 'investigation',
      cause: '盗窃罪',
      note: '本人称家中无收入',
    }),
    staff,
  );
  return { plain, queued, request };
}

describe('who reads which consultation', () => {
  it("refuses a lawyer's ordinary contact to staff, and gives the transfer queue's entry without the question or advice", async () => {
    const { plain, queued, request } = await station();
    await expect(getConsultation(db, vault, staff, plain.id)).rejects.toThrow('无权查看');

    const seen = (await getConsultation(db, vault, staff, queued.id))!;
    expect(seen).toMatchObject({
      clientName: '钱二',
      clientRole: 'suspect',
      caseNumber: '（2026）辽0102刑初123号',
      legalAidOutcome: 'transferred',
      withheld: true,
    });
    expect(seen.question).toBe('');
    expect(seen).not.toHaveProperty('advice');
    expect(seen.helpTypes).toEqual([]);
    expect(JSON.stringify(seen)).not.toContain('援助条件');
    expect(JSON.stringify(seen)).not.toContain('辩护');

    // Their own request, whole; a colleague's, as a request.
    expect(await getConsultation(db, vault, staff, request.id)).toMatchObject({ question: '本人称家中无收入' });
    expect(await getConsultation(db, vault, staff, request.id)).not.toHaveProperty('withheld');
    const colleague = (await getConsultation(db, vault, otherStaff, request.id))!;
    expect(colleague).toMatchObject({ clientName: '孙三', requestKind: 'legal_aid_application', withheld: true, question: '' });
  });

  it('lists and searches for staff only what they may read, and matches their search on that alone', async () => {
    const { plain, queued, request } = await station();
    const all = await queryConsultations(db, vault, staff, {});
    expect(new Set(all.ids)).toEqual(new Set([queued.id, request.id]));
    expect((await queryConsultations(db, vault, staff, { pendingTransfer: true })).ids.sort()).toEqual([queued.id, request.id].sort());

    // Words only the withheld fields hold find nothing: not the lawyer's advice, not the question.
    expect((await queryConsultations(db, vault, staff, { text: '援助条件' })).ids).toEqual([]);
    expect((await queryConsultations(db, vault, staff, { text: '取保候审' })).ids).toEqual([]);
    expect((await queryConsultations(db, vault, staff, { helpType: 'legal_consultation' })).ids).toEqual([]);
    // The person's name and the case are what staff work with.
    expect((await queryConsultations(db, vault, staff, { text: '钱二' })).ids).toEqual([queued.id]);
    // A lawyer's contact found by its ID number or phone stays hidden.
    expect((await queryConsultations(db, vault, staff, { text: '13900000001' })).ids).toEqual([]);
    expect(await earlierContactsOf(db, vault, staff, '210102199001011237')).toEqual([]);

    const loaded = await loadConsultations(db, vault, staff, [plain.id, queued.id, request.id]);
    expect(loaded.map((c) => c.id)).toEqual([queued.id, request.id]);
    expect(JSON.stringify(loaded)).not.toContain(ADVICE);
    const newest = await newestConsultations(db, vault, staff, 0, 10);
    expect(newest.map((c) => c.id).sort()).toEqual([queued.id, request.id].sort());
    expect(JSON.stringify(newest)).not.toContain(QUESTION);
  });

  it("lists staff the requests from the index, without opening a lawyer's other contacts, once the token is in place", async () => {
    const { plain, queued, request } = await station();
    expect(await reconcileRequestViewTokens(db, vault)).toBe(0);
    const open = vi.spyOn(vault, 'open');
    expect(new Set((await queryConsultations(db, vault, staff, {})).ids)).toEqual(new Set([queued.id, request.id]));
    expect((await queryConsultations(db, vault, staff, { text: '钱二' })).ids).toEqual([queued.id]);
    // The lawyer's ordinary contact is never decrypted to decide that staff may not see it.
    expect(open.mock.calls.map((call) => call[1])).not.toContain(plain.id);
    open.mockRestore();
  });

  it('gives requests saved before the token their place once, after sign-in, and lists them meanwhile by opening them', async () => {
    const { queued, request } = await station();
    // As an older version stored it: the request without the token.
    const token = vault.blind('f:request-view');
    await db.transaction('rw', [db.consultations, db.postings, db.tailTokens, db.orderLog, db.meta], async () => {
      const row = (await db.consultations.get(request.id))!;
      const older = { ...row, tokens: row.tokens.filter((t) => t !== token) };
      await updateIndex(db, row, older);
      await db.consultations.put(older);
    });
    forgetCaches(db);
    expect(new Set((await queryConsultations(db, vault, staff, {})).ids)).toEqual(new Set([queued.id, request.id]));
    expect(await reconcileRequestViewTokens(db, vault)).toBe(1);
    expect(new Set((await queryConsultations(db, vault, staff, {})).ids)).toEqual(new Set([queued.id, request.id]));
    // Once per database.
    expect(await reconcileRequestViewTokens(db, vault)).toBe(0);
  });

  it("keeps the lawyer's and the supervisor's reading whole", async () => {
    const { plain, queued, request } = await station();
    for (const reader of [lawyer, supervisor]) {
      expect(await getConsultation(db, vault, reader, plain.id)).toMatchObject({ question: QUESTION, advice: ADVICE });
      expect(await getConsultation(db, vault, reader, request.id)).not.toHaveProperty('withheld');
      expect(new Set((await queryConsultations(db, vault, reader, {})).ids)).toEqual(new Set([plain.id, queued.id, request.id]));
      expect((await queryConsultations(db, vault, reader, { text: '援助条件' })).ids).toEqual([queued.id]);
    }
  });
});

function pdfOf(text: string) {
  const bytes = Buffer.from(`%PDF-1.7\n${text}`);
  return { pdf: bytes.toString('base64'), pdfSha256: createHash('sha256').update(bytes).digest('hex') };
}

function doc(text: string, lawyerId = 'lawyer-a'): NewDocument {
  return {
    kind: 'legal_opinion',
    title: '法律意见书',
    values: { facts: text },
    clientName: '赵一',
    caseNumber: '（2026）辽0102刑初5号',
    sourceType: 'consultation',
    sourceId: 'c1',
    lawyerId,
    pages: 1,
    ...pdfOf(text),
  };
}

const numbering = (sequence: number) => ({ year: 2026, sequence, stationCode: 'LN0102-KSS01' });

describe('who reads which document and mediation', () => {
  it('shows staff only the documents they drafted; lawyers and supervisors see all', async () => {
    const opinion = await saveNewDocument(db, vault, doc('律师的意见'), numbering(1), lawyer);
    const letter = await saveNewDocument(db, vault, { ...doc('转交函'), kind: 'transfer_letter', title: '转交函' }, numbering(2), staff);
    expect((await queryDocuments(db, vault, staff)).map((d) => d.id)).toEqual([letter.id]);
    expect((await queryDocuments(db, vault, staff, { sourceId: 'c1' })).map((d) => d.id)).toEqual([letter.id]);
    await expect(getDocument(db, vault, staff, opinion.id)).rejects.toThrow('无权查看');
    expect(await versionsOf(db, vault, staff, opinion.rootId)).toEqual([]);
    expect((await getDocument(db, vault, staff, letter.id))?.title).toBe('转交函');
    for (const reader of [lawyer, supervisor])
      expect((await queryDocuments(db, vault, reader)).map((d) => d.id).sort()).toEqual([opinion.id, letter.id].sort());
  });

  it('shows staff no mediation at all', async () => {
    const m = await createMediation(
      db,
      vault,
      DEFAULT_ENUMERATIONS,
      mediationFixture({ type: 'in_litigation', paymentDeadline: '2026-12-01', amountRecovered: '' }),
      lawyer,
    );
    await expect(getMediation(db, vault, staff, m.id)).rejects.toThrow('无权查看');
    expect(await mediationsBetween(db, vault, staff, '2026-01-01', '2026-12-31')).toEqual([]);
    expect(await overdueMediations(db, vault, staff, '2026-12-31')).toEqual([]);
    expect((await mediationsBetween(db, vault, lawyer, '2026-01-01', '2026-12-31')).map((x) => x.id)).toEqual([m.id]);
    expect((await getMediation(db, vault, supervisor, m.id))?.id).toBe(m.id);
  });
});
