import { SEE_ALL } from '../viewers';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_ENUMERATIONS } from '../../../core/domain/enums';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { StationDb } from '../../../renderer/src/db/database';
import { createFirstSupervisor, signIn } from '../../../renderer/src/session/accounts';
import { createConsultation, getConsultation, queryConsultations } from '../../../renderer/src/db/consultations';
import { addLawyer, listLawyers } from '../../../renderer/src/db/lawyers';
import { saveDraft } from '../../../renderer/src/db/drafts';
import { BackupError, createBackup, openBackup, readBackupHeader, restoreTables } from '../../../renderer/src/backup/backupFile';

const FAST = { N: 2 ** 10, r: 8, p: 1 };
const profile = {
  code: 'LN0102-KSS01',
  name: '沈阳市和平区看守所法律援助工作站',
  kind: 'detention_center' as const,
  regionCode: '210102',
  address: '南京南街 1 号',
};
const domain = { meansTestStandard: { minimumLivingLine: 750, multiplier: 2, addition: 200 }, enumerationExtensions: {} };
const fresh = () => new StationDb('b', { indexedDB: new IDBFactory(), IDBKeyRange });

let db: StationDb;
beforeEach(() => {
  db = fresh();
});

async function populated() {
  const { session, recoveryCode } = await createFirstSupervisor(db, { username: 'admin', displayName: '刘主任', password: 'Station#2026' }, FAST);
  await addLawyer(db, { name: '王𠮷', licenceNo: '12101201510123456', lawFirm: '辽宁正义律师事务所', phone: '13804001234' }, session.actor);
  const c = await createConsultation(
    db,
    session.vault,
    DEFAULT_ENUMERATIONS,
    {
      time: '2026-11-20T09:30:00.000+08:00',
      lawyerId: 'l1',
      place: 'court_service_centre',
      clientRole: 'party',
      clientName: '欧阳䶮',
      idType: 'none',
      caseType: 'civil',
      helpTypes: ['legal_consultation'],
      question: '房屋租赁纠纷',
    },
    session.actor,
  );
  return { session, recoveryCode, consultationId: c.id };
}

describe('backup files', () => {
  it('restores every record into a fresh database with the password, and signs in again', async () => {
    const { session, consultationId } = await populated();
    await saveDraft(db, session.vault, session.actor, { kind: 'consultation', slot: 'new' }, { clientName: '欧阳䶮' });
    const { bytes, header } = await createBackup(db, session.dataKey, { profile, domain }, '2026-11-23T20:00:00.000+08:00');
    // The consultation waits in the outbox for the next batch; that must survive a restore too.
    expect(header.counts).toMatchObject({ consultations: 1, lawyers: 1, accounts: 1, outbox: 1, documents: 0, importedRecords: 0 });
    // An unsaved form is its author's, on this machine: never in a backup.
    expect(header.counts).not.toHaveProperty('drafts');
    const text = new TextDecoder().decode(bytes);
    for (const secret of ['欧阳䶮', '王𠮷', '12101201510123456', '房屋租赁']) expect(text).not.toContain(secret);

    const target = fresh();
    // Whatever the target held before is replaced, its search index included.
    const { session: old } = await createFirstSupervisor(target, { username: 'old', displayName: '旧', password: 'Station#2026' }, FAST);
    await createConsultation(
      target,
      old.vault,
      DEFAULT_ENUMERATIONS,
      {
        time: '2026-11-19T09:30:00.000+08:00',
        lawyerId: 'l1',
        place: 'court_service_centre',
        clientRole: 'party',
        clientName: '欧阳修',
        idType: 'none',
        caseType: 'civil',
        helpTypes: ['legal_consultation'],
        question: '借款',
      },
      old.actor,
    );
    // A form half-typed over the old records is not offered over the restored ones.
    await saveDraft(target, old.vault, old.actor, { kind: 'consultation', slot: 'new' }, { clientName: '欧阳修' });
    const opened = await openBackup(bytes, { username: 'admin', password: 'Station#2026' }, null);
    expect(opened.content.profile).toEqual(profile);
    await restoreTables(target, opened.content);
    const again = await signIn(target, 'admin', 'Station#2026', Date.now(), { scrypt: FAST });
    expect((await getConsultation(target, again.vault, SEE_ALL, consultationId))?.clientName).toBe('欧阳䶮');
    // The search index is rebuilt from the restored records: found by name, nothing left of the old one.
    expect((await queryConsultations(target, again.vault, SEE_ALL, { text: '欧阳' })).ids).toEqual([consultationId]);
    expect((await queryConsultations(target, again.vault, SEE_ALL, { text: '阳䶮' })).ids).toEqual([consultationId]);
    expect((await listLawyers(target)).map((l) => l.name)).toEqual(['王𠮷']);
    expect(await target.drafts.count()).toBe(0);
    expect((await target.outbox.toArray()).map((e) => e.id)).toEqual([consultationId]);
    expect(await target.audit.count()).toBe((await db.audit.count()) + 1); // + the sign-in on the target
    // New records continue the restored numbering and are found beside the restored one.
    const next = await createConsultation(
      target,
      again.vault,
      DEFAULT_ENUMERATIONS,
      {
        time: '2026-11-21T09:30:00.000+08:00',
        lawyerId: 'l1',
        place: 'court_service_centre',
        clientRole: 'party',
        clientName: '欧阳䶮',
        idType: 'none',
        caseType: 'civil',
        helpTypes: ['legal_consultation'],
        question: '续租',
      },
      again.actor,
    );
    expect((await queryConsultations(target, again.vault, SEE_ALL, { text: '阳䶮' })).ids).toEqual([next.id, consultationId]);
  });

  it('opens with the recovery code, refuses a wrong password and a tampered file', async () => {
    const { session, recoveryCode } = await populated();
    const { bytes } = await createBackup(db, session.dataKey, { profile, domain }, '2026-11-23T20:00:00.000+08:00');
    await expect(openBackup(bytes, { username: 'admin', password: 'wrong-password' }, null)).rejects.toThrow('用户名或密码错误');
    expect((await openBackup(bytes, { recoveryCode }, null)).content.tables.consultations).toHaveLength(1);
    const tampered = new Uint8Array(bytes);
    tampered[tampered.length - 10] = tampered[tampered.length - 10] === 65 ? 66 : 65;
    await expect(openBackup(tampered, { recoveryCode }, null)).rejects.toThrow('备份文件已损坏或被改动');
    expect(() => readBackupHeader(new TextEncoder().encode('hello'))).toThrow(BackupError);
  });

  it('refuses another station’s backup unless explicitly accepted', async () => {
    const { session } = await populated();
    const { bytes } = await createBackup(db, session.dataKey, { profile, domain }, '2026-11-23T20:00:00.000+08:00');
    await expect(openBackup(bytes, { username: 'admin', password: 'Station#2026' }, 'OTHER-01')).rejects.toThrow('不是本站的');
    await expect(openBackup(bytes, { username: 'admin', password: 'Station#2026' }, 'OTHER-01', 'LN0102-KSS01')).resolves.toBeTruthy();
  });

  it('refuses hostile scrypt parameters in a foreign backup before deriving anything', async () => {
    const { session, recoveryCode } = await populated();
    const { bytes } = await createBackup(db, session.dataKey, { profile, domain }, '2026-11-23T20:00:00.000+08:00');
    const text = new TextDecoder().decode(bytes);
    const nl = text.indexOf('\n');
    const header = JSON.parse(text.slice(0, nl)) as { keys: { accounts: { wrappedKey: Record<string, number> }[]; recovery: Record<string, number> } };
    for (const hostile of [{ p: 10_000 }, { N: 2 ** 30 }, { r: 1_000 }, { N: 3 * 2 ** 10 }, { N: 2 ** 18, r: 16, p: 4 }, { p: 0 }]) {
      const forged = structuredClone(header);
      Object.assign(forged.keys.accounts[0]!.wrappedKey, hostile);
      Object.assign(forged.keys.recovery, hostile);
      const file = new TextEncoder().encode(`${JSON.stringify(forged)}${text.slice(nl)}`);
      const started = performance.now();
      await expect(openBackup(file, { username: 'admin', password: 'Station#2026' }, null), JSON.stringify(hostile)).rejects.toThrow(
        '密钥派生参数超出允许范围',
      );
      await expect(openBackup(file, { recoveryCode }, null)).rejects.toThrow('密钥派生参数超出允许范围');
      expect(() => readBackupHeader(file)).toThrow('密钥派生参数超出允许范围');
      expect(performance.now() - started).toBeLessThan(1000);
    }
  });
});
