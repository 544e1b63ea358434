import { SEE_ALL } from '../viewers';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_ENUMERATIONS } from '../../../core/domain/enums';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { StationDb } from '../../../renderer/src/db/database';
import {
  addAccount,
  changePassword,
  createFirstSupervisor,
  delayAfterFailures,
  recoverWithCode,
  signIn,
  SignInDelayedError,
} from '../../../renderer/src/session/accounts';
import {
  generateRecoveryCode,
  newDataKey,
  normalizeRecoveryCode,
  unwrapDataKey,
  vaultFromDataKey,
  wrapDataKey,
  WrongSecretError,
} from '../../../renderer/src/db/keyMaterial';
import { createConsultation, getConsultation } from '../../../renderer/src/db/consultations';

// Low scrypt cost keeps the tests fast; the defaults are checked separately below.
const FAST = { N: 2 ** 10, r: 8, p: 1 };

let db: StationDb;
beforeEach(() => {
  db = new StationDb('s', { indexedDB: new IDBFactory(), IDBKeyRange });
});

describe('key material', () => {
  it('unwraps the data key with the right password only', async () => {
    const key = newDataKey();
    const wrapped = await wrapDataKey(key, 'correct horse 1', FAST);
    expect(await unwrapDataKey(wrapped, 'correct horse 1')).toEqual(key);
    await expect(unwrapDataKey(wrapped, 'correct horse 2')).rejects.toBeInstanceOf(WrongSecretError);
    // The wrap holds neither the key nor the password in the clear.
    const text = JSON.stringify(wrapped);
    expect(text).not.toContain('correct horse');
    expect(text).not.toContain(Buffer.from(key).toString('base64'));
  });

  it('rejects a wrap whose ciphertext was altered', async () => {
    const wrapped = await wrapDataKey(newDataKey(), 'password-1', FAST);
    const ct = Buffer.from(wrapped.ct, 'base64');
    ct[0] = ct[0]! ^ 1;
    await expect(unwrapDataKey({ ...wrapped, ct: ct.toString('base64') }, 'password-1')).rejects.toThrow('密钥数据已损坏');
  });

  it('makes recovery codes of 24 unambiguous characters and reads them forgivingly', () => {
    const code = generateRecoveryCode();
    expect(code).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){5}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(generateRecoveryCode()).not.toBe(code);
    expect(normalizeRecoveryCode(' abcd-efgh ijkl-mnop-qrst-o0i1 ')).toBe('ABCDEFGH1JK1MN0PQRST0011');
  });

  it('seals records so that a ciphertext cannot be moved to another record', async () => {
    const vault = await vaultFromDataKey(newDataKey());
    const sealed = await vault.seal('consultations', 'id-1', { name: '王𠮷', note: '䶮' });
    expect(await vault.open('consultations', 'id-1', sealed)).toEqual({ name: '王𠮷', note: '䶮' });
    await expect(vault.open('consultations', 'id-2', sealed)).rejects.toThrow();
    const other = await vaultFromDataKey(newDataKey());
    expect(other.blind('b:王𠮷')).not.toBe(vault.blind('b:王𠮷'));
    expect(vault.blind('b:王𠮷')).toBe(vault.blind('b:王𠮷'));
  });
});

describe('accounts and sign-in', () => {
  it('creates the first supervisor with the data key, and signs in again with the password', async () => {
    const { session, recoveryCode } = await createFirstSupervisor(db, { username: 'admin', displayName: '刘主任', password: 'Station#2026' }, FAST);
    expect(recoveryCode).toHaveLength(29);
    const saved = await createConsultation(db, session.vault, DEFAULT_ENUMERATIONS, record(), session.actor);

    const again = await signIn(db, 'admin', 'Station#2026', Date.now(), { scrypt: FAST });
    expect(again.actor).toMatchObject({ name: '刘主任', role: 'supervisor' });
    expect((await getConsultation(db, again.vault, SEE_ALL, saved.id))?.clientName).toBe('王𠮷');
    await expect(signIn(db, 'admin', 'wrong-password', Date.now(), { scrypt: FAST })).rejects.toThrow('用户名或密码错误');
    await expect(signIn(db, 'nobody', 'Station#2026', Date.now(), { scrypt: FAST })).rejects.toThrow('用户名或密码错误');
  });

  it('gives each account its own wrap of the same data key', async () => {
    const { session } = await createFirstSupervisor(db, { username: 'admin', displayName: '刘主任', password: 'Station#2026' }, FAST);
    const saved = await createConsultation(db, session.vault, DEFAULT_ENUMERATIONS, record(), session.actor);
    await addAccount(db, session, { username: 'zhang', displayName: '张律师', role: 'lawyer', password: 'Lawyer#2026' }, FAST);
    const lawyer = await signIn(db, 'zhang', 'Lawyer#2026', Date.now(), { scrypt: FAST });
    expect(lawyer.actor.role).toBe('lawyer');
    expect((await getConsultation(db, lawyer.vault, SEE_ALL, saved.id))?.clientName).toBe('王𠮷');
    await expect(addAccount(db, lawyer, { username: 'x1', displayName: 'x', role: 'lawyer', password: 'Lawyer#2026' }, FAST)).rejects.toThrow(
      '没有此项操作的权限',
    );
    await changePassword(db, lawyer, 'Lawyer#2026', 'Another#2026', FAST);
    await expect(signIn(db, 'zhang', 'Lawyer#2026', Date.now(), { scrypt: FAST })).rejects.toThrow();
    expect((await signIn(db, 'zhang', 'Another#2026', Date.now(), { scrypt: FAST })).actor.name).toBe('张律师');
  });

  it('lets a supervisor regain access with the recovery code after losing the password', async () => {
    const { session, recoveryCode } = await createFirstSupervisor(db, { username: 'admin', displayName: '刘主任', password: 'Station#2026' }, FAST);
    const saved = await createConsultation(db, session.vault, DEFAULT_ENUMERATIONS, record(), session.actor);
    await expect(recoverWithCode(db, 'admin', 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF', 'NewPass#2026', FAST)).rejects.toThrow('恢复码错误');
    const recovered = await recoverWithCode(db, 'admin', recoveryCode.toLowerCase().replace(/-/g, ' '), 'NewPass#2026', FAST);
    expect((await getConsultation(db, recovered.vault, SEE_ALL, saved.id))?.clientName).toBe('王𠮷');
    expect((await signIn(db, 'admin', 'NewPass#2026', Date.now(), { scrypt: FAST })).actor.name).toBe('刘主任');
  });

  it('imposes a growing delay from the fifth wrong password in a row', async () => {
    await createFirstSupervisor(db, { username: 'admin', displayName: '刘主任', password: 'Station#2026' }, FAST);
    const t0 = Date.parse('2026-11-23T08:00:00Z');
    for (let i = 0; i < 5; i++) await expect(signIn(db, 'admin', 'nope-nope', t0 + i, { scrypt: FAST })).rejects.toBeInstanceOf(WrongSecretError);
    // Even the right password waits now.
    await expect(signIn(db, 'admin', 'Station#2026', t0 + 10_000, { scrypt: FAST })).rejects.toBeInstanceOf(SignInDelayedError);
    expect((await signIn(db, 'admin', 'Station#2026', t0 + 4 + 30_000, { scrypt: FAST })).actor.name).toBe('刘主任');
    expect([4, 5, 6, 7, 20].map(delayAfterFailures)).toEqual([0, 30_000, 60_000, 120_000, 900_000]);
  });

  it('refuses weak passwords with a Chinese message', async () => {
    await expect(createFirstSupervisor(db, { username: 'admin', displayName: '刘主任', password: 'short' }, FAST)).rejects.toThrow('密码至少 10 位');
    await expect(createFirstSupervisor(db, { username: 'admin', displayName: '刘主任', password: 'aaaaaaaaaa' }, FAST)).rejects.toThrow('密码过于简单');
    // Nine characters were enough before; an offline attack on a lost laptop needs ten.
    await expect(createFirstSupervisor(db, { username: 'admin', displayName: '刘主任', password: 'Stat#2026' }, FAST)).rejects.toThrow('密码至少 10 位');
    expect((await createFirstSupervisor(db, { username: 'admin', displayName: '刘主任', password: 'Stati#2026' }, FAST)).session.actor.name).toBe('刘主任');
  });
});

function record() {
  return {
    time: '2026-11-20T09:30:00.000+08:00',
    lawyerId: 'l1',
    place: 'court_service_centre',
    clientRole: 'party',
    clientName: '王𠮷',
    idType: 'resident_id',
    idNumber: '11010519491231002X',
    caseType: 'civil',
    helpTypes: ['legal_consultation'],
    question: '房屋租赁纠纷',
    specialGroups: ['elderly'],
  };
}
