import { beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { StationDb } from '../../../renderer/src/db/database';
import { addAccount, createFirstSupervisor, recoverWithCode, resetPassword, setAccountDisabled, signIn } from '../../../renderer/src/session/accounts';
import { DEFAULT_SCRYPT, scryptTarget, setScryptTargetForTransport } from '../../../renderer/src/db/keyMaterial';

// The tests raise 2^10 to 2^11: the same code path as 2^15 to 2^17, in milliseconds.
const OLD = { N: 2 ** 10, r: 8, p: 1 };
const NEW = { N: 2 ** 11, r: 8, p: 1 };

let db: StationDb;
beforeEach(() => {
  db = new StationDb('upkeep', { indexedDB: new IDBFactory(), IDBKeyRange });
});

describe('the cost of password wraps', () => {
  it('is 2^17 in the desktop app', () => {
    expect(DEFAULT_SCRYPT).toEqual({ N: 2 ** 17, r: 8, p: 1 });
    setScryptTargetForTransport('electron');
    expect(scryptTarget()).toEqual(DEFAULT_SCRYPT);
  });

  it('raises an older, cheaper wrap at the next successful sign-in, and only then', async () => {
    await createFirstSupervisor(db, { username: 'admin', displayName: '刘主任', password: 'Station#2026' }, OLD);
    const before = (await db.accounts.where('username').equals('admin').first())!;
    expect(before.wrappedKey?.N).toBe(OLD.N);

    await expect(signIn(db, 'admin', 'wrong-password', Date.now(), { scrypt: NEW })).rejects.toThrow('用户名或密码错误');
    expect((await db.accounts.get(before.id))!.wrappedKey).toEqual(before.wrappedKey);

    const first = await signIn(db, 'admin', 'Station#2026', Date.now(), { scrypt: NEW });
    const raised = (await db.accounts.get(before.id))!;
    expect(raised.wrappedKey).toMatchObject({ N: NEW.N, r: 8, p: 1 });
    expect(raised.wrappedKey!.salt).not.toBe(before.wrappedKey!.salt);
    // Same data key under the new wrap; a second sign-in leaves the raised wrap alone.
    const second = await signIn(db, 'admin', 'Station#2026', Date.now(), { scrypt: NEW });
    expect(second.dataKey).toEqual(first.dataKey);
    expect((await db.accounts.get(before.id))!.rev).toBe(raised.rev);
  });

  it('raises the recovery wrap when the recovery code is used', async () => {
    const { recoveryCode } = await createFirstSupervisor(db, { username: 'admin', displayName: '刘主任', password: 'Station#2026' }, OLD);
    await recoverWithCode(db, 'admin', recoveryCode, 'NewPass#2026', NEW);
    expect(((await db.meta.get('keyring'))!.value as { recoveryWrap: { N: number } }).recoveryWrap.N).toBe(NEW.N);
    expect((await recoverWithCode(db, 'admin', recoveryCode, 'Again#20261', NEW)).actor.name).toBe('刘主任');
  });
});

describe('a disabled account', () => {
  it('keeps no wrap of the data key; only a reset enables it again', async () => {
    const { session } = await createFirstSupervisor(db, { username: 'admin', displayName: '刘主任', password: 'Station#2026' }, OLD);
    const zhang = await addAccount(db, session, { username: 'zhang', displayName: '张律师', role: 'lawyer', password: 'Lawyer#2026' }, OLD);
    await setAccountDisabled(db, session, zhang.id, true);
    const row = (await db.accounts.get(zhang.id))!;
    expect(row.wrappedKey).toBeNull();
    expect(JSON.stringify(row)).not.toMatch(/"ct"|"check"/);
    await expect(signIn(db, 'zhang', 'Lawyer#2026', Date.now(), { scrypt: OLD })).rejects.toThrow('用户名或密码错误');
    await expect(setAccountDisabled(db, session, zhang.id, false)).rejects.toThrow('请点“重置密码”设置临时密码');
    expect((await db.accounts.get(zhang.id))!.disabled).toBe(true);

    await resetPassword(db, session, zhang.id, 'Temp#20261', OLD);
    const back = await signIn(db, 'zhang', 'Temp#20261', Date.now(), { scrypt: OLD });
    expect(back.mustChangePassword).toBe(true);
    expect(back.dataKey).toEqual(session.dataKey);
  });

  it('disabled before this version, loses its wrap at the next sign-in of anyone', async () => {
    const { session } = await createFirstSupervisor(db, { username: 'admin', displayName: '刘主任', password: 'Station#2026' }, OLD);
    const zhang = await addAccount(db, session, { username: 'zhang', displayName: '张律师', role: 'lawyer', password: 'Lawyer#2026' }, OLD);
    // What an older version left: disabled, wrap kept.
    await db.accounts.update(zhang.id, { disabled: true });
    await signIn(db, 'admin', 'Station#2026', Date.now(), { scrypt: OLD });
    expect((await db.accounts.get(zhang.id))!.wrappedKey).toBeNull();
    const audit = (await db.audit.toArray()).filter((e) => e.recordId === zhang.id);
    expect(audit.at(-1)).toMatchObject({ actorName: '刘主任' });
  });
});
