import { beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { StationDb } from '../../../renderer/src/db/database';
import { addAccount, changeRole, createFirstSupervisor, recoverWithCode, signIn } from '../../../renderer/src/session/accounts';

const FAST = { N: 2 ** 10, r: 8, p: 1 };
const opts = { scrypt: FAST };

let db: StationDb;
beforeEach(() => {
  db = new StationDb('rolemac', { indexedDB: new IDBFactory(), IDBKeyRange });
});

async function station() {
  const { session, recoveryCode } = await createFirstSupervisor(db, { username: 'admin', displayName: '刘主任', password: 'Station#2026' }, FAST);
  const zhang = await addAccount(db, session, { username: 'zhang', displayName: '张律师', role: 'lawyer', password: 'Lawyer#2026' }, FAST);
  const zhou = await addAccount(db, session, { username: 'zhou', displayName: '周干事', role: 'staff', password: 'Staff#20261' }, FAST);
  return { session, recoveryCode, zhang, zhou };
}

const auditOf = async (action: string) => (await db.audit.toArray()).filter((e) => e.action === action);

describe('an account whose role was edited in the database', () => {
  it('is refused at sign-in with a Chinese message and an audit entry, while a supervisor’s change signs in', async () => {
    const { session, zhang } = await station();
    // What DevTools on the sign-in screen can do: rewrite the row.
    await db.accounts.update(zhang.id, { role: 'supervisor' });
    await expect(signIn(db, 'zhang', 'Lawyer#2026', Date.now(), opts)).rejects.toThrow('该账户的角色记录已被改动，与本站的签名不符，已拒绝登录');
    const [entry] = await auditOf('role_tampered');
    expect(entry).toMatchObject({ recordId: zhang.id, actorName: '张律师', actorRole: '' });
    expect(entry!.detail).toContain('工作站负责人');
    expect(await auditOf('sign_in')).toHaveLength(0);

    await db.accounts.update(zhang.id, { role: 'lawyer' });
    await changeRole(db, session, zhang.id, 'staff');
    expect((await signIn(db, 'zhang', 'Lawyer#2026', Date.now(), opts)).actor.role).toBe('staff');
  });

  it('cannot borrow another account’s MAC, nor drop its own once the station is sealed', async () => {
    const { zhang, zhou, session } = await station();
    const admin = (await db.accounts.get(session.actor.id))!;
    await db.accounts.update(zhang.id, { role: 'supervisor', roleMac: admin.roleMac });
    await expect(signIn(db, 'zhang', 'Lawyer#2026', Date.now(), opts)).rejects.toThrow('已拒绝登录');
    await db.accounts.update(zhou.id, { role: 'supervisor', roleMac: undefined });
    await expect(signIn(db, 'zhou', 'Staff#20261', Date.now(), opts)).rejects.toThrow('已拒绝登录');
    expect(await auditOf('role_tampered')).toHaveLength(2);
  });
});

describe('a station from before role MACs', () => {
  async function legacy() {
    const s = await station();
    for (const a of await db.accounts.toArray()) await db.accounts.update(a.id, { roleMac: undefined });
    return s;
  }

  it('lets no one but the founder in until the founder signs in and seals every role', async () => {
    const { session, zhang } = await legacy();
    await expect(signIn(db, 'zhang', 'Lawyer#2026', Date.now(), opts)).rejects.toThrow('须先由创建本站的工作站负责人登录一次');
    const founder = await signIn(db, 'admin', 'Station#2026', Date.now(), opts);
    expect(founder.actor.id).toBe(session.actor.id);
    const [sealed] = await auditOf('role_sealed');
    expect(sealed!.detail!.replace('升级后确认各账户的角色：', '').split('；').sort()).toEqual(
      ['刘主任（admin）工作站负责人', '周干事（zhou）看守所工作人员', '张律师（zhang）值班律师'].sort(),
    );
    expect((await signIn(db, 'zhang', 'Lawyer#2026', Date.now(), opts)).actor.role).toBe('lawyer');
    expect((await db.accounts.get(zhang.id))!.roleMac).toBeTruthy();
  });

  it('does not take a role raised to supervisor before the upgrade as the founder', async () => {
    const { zhang } = await legacy();
    await db.accounts.update(zhang.id, { role: 'supervisor' });
    await expect(signIn(db, 'zhang', 'Lawyer#2026', Date.now(), opts)).rejects.toThrow('须先由创建本站的工作站负责人登录一次');
    expect(await auditOf('role_sealed')).toHaveLength(0);
  });

  it('lets the recovery code holder seal the roles when the founder cannot sign in', async () => {
    const { recoveryCode, zhang } = await legacy();
    await recoverWithCode(db, 'admin', recoveryCode, 'NewPass#2026', FAST);
    expect(await auditOf('role_sealed')).toHaveLength(1);
    expect((await signIn(db, 'zhang', 'Lawyer#2026', Date.now(), opts)).actor.id).toBe(zhang.id);
  });
});
