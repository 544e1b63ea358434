import { beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { StationDb } from '../../../renderer/src/db/database';
import {
  countLiveConsultations,
  createConsultation,
  editConsultation,
  getConsultation,
  queryConsultations,
  reconcileOpenMeetingTokens,
} from '../../../renderer/src/db/consultations';
import { forgetCaches, historyOf } from '../../../renderer/src/db/repository';
import { updateIndex } from '../../../renderer/src/db/searchIndex';
import type { Vault } from '../../../renderer/src/db/vault';
import { testVault } from './testVault';
import { SEE_ALL } from '../viewers';
import { contact } from '../core/contactFixture';
import { personAndCaseOf } from '../../../renderer/src/shared/formValues';
import { detaineeRequestDraft } from '../../../core/consultations/detaineeRequest';
import { createConsultationInputSchema, normalizeConsultationInput } from '../../../core/consultations/schema';
import { DEFAULT_ENUMERATIONS } from '../../../core/domain/enums';

const consultationInputSchema = createConsultationInputSchema(DEFAULT_ENUMERATIONS);

describe('a lawyer’s contact started from a detainee’s request', () => {
  const request = consultationInputSchema.parse(
    normalizeConsultationInput(
      detaineeRequestDraft({
        requestKind: 'legal_aid_application',
        receivedAt: '2026-11-30T09:20:00+08:00',
        clientName: '张小𠮷',
        idNumber: '210102201005011234',
        criminalStage: 'investigation',
        cause: '盗窃罪',
        caseNumber: '(2026)辽0102刑初88号',
      }),
      DEFAULT_ENUMERATIONS,
    ),
  );
  const values = personAndCaseOf(request);

  it('takes the person and the case', () => {
    expect(values).toMatchObject({
      clientName: '张小𠮷',
      clientRole: 'suspect',
      idType: 'resident_id',
      idNumber: '210102201005011234',
      gender: 'male',
      specialGroups: ['minor'],
      caseType: 'criminal',
      criminalStage: 'investigation',
      cause: '盗窃罪',
      caseNumber: '（2026）辽0102刑初88号',
      place: 'detention_centre',
    });
    expect(values.birthDate?.format('YYYY-MM-DD')).toBe('2010-05-01');
  });

  it('leaves the request itself, its time and what staff wrote to the request', () => {
    for (const key of ['requestKind', 'receivedAt', 'transferredAt', 'question', 'helpTypes', 'legalAidOutcome', 'lawyerId', 'time'])
      expect(values).not.toHaveProperty(key);
  });
});

describe('a detainee’s 约见 request reaches the lawyers (issue 20 item 19)', () => {
  const staff = { id: 'staff-1', name: '看守所民警', role: 'staff' };
  const lawyer = { id: 'lawyer-a', name: '张律师', role: 'lawyer' };
  const enums = DEFAULT_ENUMERATIONS;
  let db: StationDb;
  let vault: Vault;
  beforeEach(async () => {
    db = new StationDb('answers', { indexedDB: new IDBFactory(), IDBKeyRange });
    vault = await testVault();
  });
  const logRequest = (name: string, receivedAt = new Date(Date.now() - 3_600_000).toISOString()) =>
    createConsultation(
      db,
      vault,
      enums,
      detaineeRequestDraft({ requestKind: 'meet_lawyer', receivedAt, clientName: name, criminalStage: 'investigation', cause: '盗窃罪' }),
      staff,
    );
  const openIds = async () => (await queryConsultations(db, vault, SEE_ALL, { openMeeting: true })).ids;

  it('lists a request staff log until a lawyer logs the contact that answers it', async () => {
    const request = await logRequest('李大山');
    const applied = await createConsultation(
      db,
      vault,
      enums,
      detaineeRequestDraft({ requestKind: 'legal_aid_application', receivedAt: new Date().toISOString(), clientName: '王五', criminalStage: 'investigation' }),
      staff,
    );
    // A legal-aid application goes to the transfer queue, not to the lawyers' meeting list.
    expect(await openIds()).toEqual([request.id]);
    expect(applied.id).not.toBe(request.id);

    const met = await createConsultation(
      db,
      vault,
      enums,
      contact({ clientName: '李大山', time: new Date().toISOString(), answeredRequestId: request.id }),
      lawyer,
    );
    expect(await openIds()).toEqual([]);
    const answered = await getConsultation(db, vault, SEE_ALL, request.id);
    expect(answered).toMatchObject({ answeredAt: met.createdAt, answeredBy: met.id, ownerId: staff.id });
    expect(met.answeredRequestId).toBe(request.id);
    // The change to staff's record is audited under the lawyer's name.
    expect((await historyOf(db, 'consultations', request.id)).at(-1)).toMatchObject({
      action: 'update',
      actorId: lawyer.id,
      fields: ['answeredAt', 'answeredBy'],
    });
  });

  it('keeps the answer when staff edit the request afterwards through the form', async () => {
    const request = await logRequest('李大山');
    await createConsultation(db, vault, enums, contact({ time: new Date().toISOString(), answeredRequestId: request.id }), lawyer);
    const current = (await getConsultation(db, vault, SEE_ALL, request.id))!;
    const { id: _i, rev, createdAt: _c, updatedAt: _u, deleted: _d, ownerId: _o, answeredAt: _a, answeredBy: _b, ...form } = current;
    await editConsultation(db, vault, enums, request.id, { ...form, cause: '诈骗罪' }, staff, rev);
    expect(await getConsultation(db, vault, SEE_ALL, request.id)).toMatchObject({ cause: '诈骗罪', answeredAt: current.answeredAt });
    expect(await openIds()).toEqual([]);
  });

  it('refuses an answer from an account without the right, before anything is saved', async () => {
    const request = await logRequest('李大山');
    await expect(
      createConsultation(db, vault, enums, contact({ time: new Date().toISOString(), answeredRequestId: request.id }), {
        id: 'staff-2',
        name: '另一民警',
        role: 'staff',
      }),
    ).rejects.toThrow('权限');
    expect(await openIds()).toEqual([request.id]);
    expect(await countLiveConsultations(db)).toBe(1);
  });

  it('gives requests logged before the list existed their place in it, once after sign-in', async () => {
    const request = await logRequest('李大山');
    const old = await logRequest('陈旧', new Date(Date.now() - 40 * 86_400_000).toISOString());
    // As a station upgraded from the last version holds them: no open-request token.
    const token = vault.blind('f:open-meeting');
    await db.transaction('rw', [db.consultations, db.postings, db.tailTokens, db.orderLog, db.meta], async () => {
      for (const id of [request.id, old.id]) {
        const row = (await db.consultations.get(id))!;
        const next = { ...row, tokens: row.tokens.filter((t) => t !== token) };
        await updateIndex(db, row, next);
        await db.consultations.put(next);
      }
    });
    forgetCaches(db);
    expect(await openIds()).toEqual([]);
    expect(await reconcileOpenMeetingTokens(db, vault)).toBe(1);
    expect(await openIds()).toEqual([request.id]);
    expect(await reconcileOpenMeetingTokens(db, vault)).toBe(0);
  });
});
