import { beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { StationDb } from '../../../renderer/src/db/database';
import { addAccount, changeRole, createFirstSupervisor, recoverWithCode, resetPassword, setNewPassword, signIn } from '../../../renderer/src/session/accounts';

const FAST = { N: 2 ** 10, r: 8, p: 1 };

let db: StationDb;
beforeEach(() => {
  db = new StationDb('reset', { indexedDB: new IDBFactory(), IDBKeyRange });
});

async function station() {
  const { session, recoveryCode } = await createFirstSupervisor(db, { username: 'admin', displayName: '刘主任', password: 'Station#2026' }, FAST);
  const zhang = await addAccount(db, session, { username: 'zhang', displayName: '张律师', role: 'lawyer', password: 'Lawyer#2026' }, FAST);
  return { session, recoveryCode, zhang };
}

const auditOf = async (action: string) => (await db.audit.toArray()).filter((e) => e.action === action);

describe('a supervisor resets a password', () => {
  it('the temporary password signs in, the user must choose a new one, and the reset is audited', async () => {
    const { session, zhang } = await station();
    await resetPassword(db, session, zhang.id, 'Temp#20261', FAST);
    await expect(signIn(db, 'zhang', 'Lawyer#2026', Date.now(), { scrypt: FAST })).rejects.toThrow('用户名或密码错误');
    const first = await signIn(db, 'zhang', 'Temp#20261', Date.now(), { scrypt: FAST });
    expect(first.mustChangePassword).toBe(true);
    await setNewPassword(db, first, 'Mine#20262', FAST);
    const again = await signIn(db, 'zhang', 'Mine#20262', Date.now(), { scrypt: FAST });
    expect(again.mustChangePassword).toBeUndefined();
    await expect(signIn(db, 'zhang', 'Temp#20261', Date.now(), { scrypt: FAST })).rejects.toThrow();
    const [entry] = await auditOf('reset_password');
    expect(entry).toMatchObject({ actorName: '刘主任', recordId: zhang.id });
    expect(entry!.detail).toContain('张律师（zhang）');
  });

  it('only a supervisor resets, and never his own password this way', async () => {
    const { session, zhang } = await station();
    const lawyer = await signIn(db, 'zhang', 'Lawyer#2026', Date.now(), { scrypt: FAST });
    await expect(resetPassword(db, lawyer, session.actor.id, 'Temp#20261', FAST)).rejects.toThrow('没有此项操作的权限');
    await expect(resetPassword(db, session, session.actor.id, 'Temp#20261', FAST)).rejects.toThrow('修改我的密码');
    await expect(resetPassword(db, session, zhang.id, 'short', FAST)).rejects.toThrow('密码至少 10 位');
  });
});

describe('a supervisor changes a role', () => {
  it('the next sign-in has the new role, and the audit names the old and the new', async () => {
    const { session, zhang } = await station();
    await changeRole(db, session, zhang.id, 'staff');
    expect((await signIn(db, 'zhang', 'Lawyer#2026', Date.now(), { scrypt: FAST })).actor.role).toBe('staff');
    expect((await auditOf('change_role')).map((e) => e.detail)).toEqual([
      '张律师（zhang）：新建账户，角色 值班律师',
      '张律师（zhang）：值班律师 → 看守所工作人员',
    ]);
  });

  it('a lawyer cannot change roles, nor a supervisor his own', async () => {
    const { session, zhang } = await station();
    const lawyer = await signIn(db, 'zhang', 'Lawyer#2026', Date.now(), { scrypt: FAST });
    await expect(changeRole(db, lawyer, zhang.id, 'supervisor')).rejects.toThrow('没有此项操作的权限');
    await expect(changeRole(db, session, session.actor.id, 'lawyer')).rejects.toThrow('不能修改自己的角色');
  });
});

describe('sign-in with the recovery code', () => {
  it('sets a new password, clears a pending reset, and is audited; a wrong code is recorded as a failed sign-in', async () => {
    const { recoveryCode } = await station();
    await expect(recoverWithCode(db, 'admin', 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF', 'NewPass#2026', FAST)).rejects.toThrow('恢复码错误');
    expect((await auditOf('sign_in_failed')).at(-1)!.detail).toContain('恢复码错误');
    await recoverWithCode(db, 'admin', recoveryCode, 'NewPass#2026', FAST);
    expect((await signIn(db, 'admin', 'NewPass#2026', Date.now(), { scrypt: FAST })).mustChangePassword).toBeUndefined();
    expect((await auditOf('reset_password')).at(-1)!.detail).toContain('使用恢复码');
  });
});
