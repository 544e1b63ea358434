import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createStationApi, StationApiError } from '../../../core/api/client';
import { channelNames, type ChannelName, type StationApi } from '../../../core/api/contract';
import type { MainCaller } from '../../../core/api/channelRights';
import { createDispatcher } from '../../../electron/ipc/dispatch';
import { createHandlers, type Handlers } from '../../../electron/ipc/handlers';
import { createServices, type Services } from '../../../electron/services';
import { memoryStore, type KeyValueStore } from '../../../electron/services/settings/keyValueStore';
import { fileSecretProtector } from '../../../electron/services/batch/secretProtector';
import { StationDb } from '../../../renderer/src/db/database';
import { roleMac, unwrapDataKeyWithProof } from '../../../renderer/src/db/keyMaterial';
import {
  addAccount,
  changePassword,
  changeRole,
  createFirstSupervisor,
  recoverWithCode,
  registerRecoveryCode,
  resetPassword,
  restoredAccounts,
  setAccountDisabled,
  setNewPassword,
  signIn,
} from '../../../renderer/src/session/accounts';
import { connectMainSession, reseedMain } from '../../../renderer/src/session/mainSession';
import { createBackup, openBackup, restoreTables } from '../../../renderer/src/backup/backupFile';

const FAST = { N: 2 ** 10, r: 8, p: 1 };
const ROLES_AND_NOBODY: MainCaller[] = ['supervisor', 'lawyer', 'staff', 'setup', null];

const profile = {
  code: 'LN0102-KSS01',
  name: '沈阳市和平区看守所法律援助工作站',
  kind: 'detention_center' as const,
  regionCode: '210102',
  address: '沈阳市和平区南京南街 1 号',
};

/** Written out by hand: the channels main refuses to anyone but a supervisor's verified session. */
const SUPERVISOR_ONLY: ChannelName[] = [
  'backup.setAuto',
  'batch.beginExport',
  'batch.appendRecords',
  'batch.appendFiles',
  'batch.setExportTotal',
  'batch.finishExport',
  'batch.cancelExport',
  'batch.reexport',
  'batch.markDelivered',
  'batch.openImport',
  'batch.verifyImport',
  'batch.readImport',
  'batch.closeImport',
  'batch.restoreLedger',
  'statistics.exportXlsx',
  'statistics.exportPdf',
  'statistics.renderPdf',
  'settings.saveProfile',
  'settings.saveMeansTestStandard',
  'settings.saveEnumerationExtensions',
  'centres.openKeyFile',
  'centres.register',
  'centres.remove',
  'centres.setSuite',
  'batch.writeReceipt',
  'centreKeys.create',
  'centreKeys.exportPublic',
  'centreKeys.exportPrivate',
  'delivery.openReceipt',
  'delivery.reviewUploadReceipt',
  'delivery.confirmReceiptKey',
  'delivery.setCentreUrl',
  'delivery.uploadNow',
  'delivery.centreHead',
];
/** What first-run setup (no station profile yet) writes before anyone can sign in, restore included. */
const AT_SETUP: ChannelName[] = ['settings.saveProfile', 'settings.saveMeansTestStandard', 'settings.saveEnumerationExtensions', 'batch.restoreLedger'];

function expectedRefused(caller: MainCaller, channel: ChannelName): boolean {
  if (!SUPERVISOR_ONLY.includes(channel)) return false;
  if (caller === 'supervisor') return false;
  return !(caller === 'setup' && AT_SETUP.includes(channel));
}

describe('the dispatcher checks main’s caller against one table', () => {
  it('refuses exactly the channels the table gives a role no right to, for every channel and caller', async () => {
    const ran: string[] = [];
    // Handlers that only note they ran: the right is checked before the payload and the service.
    const handlers = new Proxy({} as Handlers, {
      get: (_t, ns: string) => new Proxy({}, { get: (_m, method: string) => () => void ran.push(`${ns}.${method}`) }),
    });
    for (const caller of ROLES_AND_NOBODY) {
      const dispatch = createDispatcher(handlers, { caller: () => caller });
      const refused: string[] = [];
      ran.length = 0;
      for (const channel of channelNames()) {
        const envelope = await dispatch(channel, undefined);
        if (!envelope.ok && envelope.error.code === 'forbidden') {
          expect(envelope.error.message).toContain('无权执行此操作');
          refused.push(channel);
        }
      }
      expect(refused.sort(), String(caller)).toEqual(
        channelNames()
          .filter((c) => expectedRefused(caller, c))
          .sort(),
      );
      // A refused channel's service is never reached.
      expect(ran.filter((c) => refused.includes(c))).toEqual([]);
    }
  });
});

interface Main {
  api: StationApi;
  services: Services;
  store: KeyValueStore;
}

function mainOver(store: KeyValueStore = memoryStore()): Main {
  const dataDir = mkdtempSync(join(tmpdir(), 'mainroles-'));
  const services = createServices({
    settingsStore: store,
    dataDir,
    appVersion: '9.9.9',
    transport: 'harness',
    dialogs: {
      chooseFolder: async () => null,
      chooseFile: async () => null,
      chooseSavePath: async () => null,
      chooseBatchFolder: async () => dataDir,
      chooseBatchFile: async () => null,
      chooseKeyFile: async () => null,
      chooseReceiptFile: async () => null,
    },
    protector: fileSecretProtector(join(dataDir, 'secret.key')),
  });
  const dispatch = createDispatcher(createHandlers(services), services.session);
  return { api: createStationApi((channel, payload) => dispatch(channel, payload)), services, store };
}

const codeOf = (err: unknown) => (err instanceof StationApiError ? err.code : String(err));
const proofOf = (byte: number) => Buffer.alloc(32, byte).toString('base64');
const claimedSupervisor = { actor: { id: 'sup-1', name: '李主任' } };

describe('main acts only for a session a proof opened', () => {
  it('refuses batch export and settings writes to a renderer that claims a supervisor without his proof', async () => {
    const { api } = mainOver();
    // First run: setup saves the profile, then main learns the founder and a lawyer.
    await api.settings.saveProfile(profile);
    await api.session.seed({
      accounts: [
        { id: 'sup-1', role: 'supervisor' },
        { id: 'law-1', role: 'lawyer' },
      ],
    });
    await api.session.begin({ accountId: 'sup-1', proof: proofOf(1) });
    await api.session.begin({ accountId: 'law-1', proof: proofOf(2) });

    // Signed in as the lawyer, the renderer names the supervisor as the actor: refused.
    expect(codeOf(await api.batch.beginExport(claimedSupervisor).catch((e: unknown) => e))).toBe('forbidden');
    const refusal = await api.settings.saveProfile({ ...profile, name: '改名' }).catch((e: unknown) => e);
    expect(codeOf(refusal)).toBe('forbidden');
    expect((refusal as Error).message).toBe('无权执行此操作：请以有相应权限的账户重新登录后再试');

    // The supervisor's account with a made-up proof: refused, and main acts for nobody.
    expect(codeOf(await api.session.begin({ accountId: 'sup-1', proof: proofOf(9) }).catch((e: unknown) => e))).toBe('session_refused');
    expect(codeOf(await api.batch.beginExport(claimedSupervisor).catch((e: unknown) => e))).toBe('forbidden');
    expect(codeOf(await api.settings.saveMeansTestStandard({} as never).catch((e: unknown) => e))).toBe('forbidden');
    // Nor can it re-seed main to make itself a supervisor, or raise its own role.
    await api.session.begin({ accountId: 'law-1', proof: proofOf(2) });
    expect(codeOf(await api.session.seed({ accounts: [{ id: 'law-1', role: 'supervisor' }] }).catch((e: unknown) => e))).toBe('forbidden');
    expect(codeOf(await api.session.setAccount({ accountId: 'law-1', role: 'supervisor', proof: proofOf(2) }).catch((e: unknown) => e))).toBe('forbidden');
    expect(codeOf(await api.session.setAccount({ accountId: 'sup-1', proof: proofOf(2) }).catch((e: unknown) => e))).toBe('forbidden');
    expect(await api.settings.getProfile()).toEqual(profile);

    // With his proof, the supervisor exports (the dialog chose a folder) and writes settings; after the session ends, nobody does.
    await api.session.begin({ accountId: 'sup-1', proof: proofOf(1) });
    expect(await api.batch.beginExport({ ...claimedSupervisor, plaintext: true })).toMatchObject({ sequence: 1 });
    expect((await api.settings.saveProfile({ ...profile, name: '新名称工作站' })).name).toBe('新名称工作站');
    await api.session.end();
    expect(codeOf(await api.settings.saveProfile(profile).catch((e: unknown) => e))).toBe('forbidden');
  });

  it('lets first-run setup save the profile before any account, and nothing else of a supervisor’s', async () => {
    const { api } = mainOver();
    expect(codeOf(await api.statistics.renderPdf({ title: '统计', subtitle: '', tables: [] }).catch((e: unknown) => e))).toBe('forbidden');
    expect(codeOf(await api.batch.beginExport(claimedSupervisor).catch((e: unknown) => e))).toBe('forbidden');
    await api.settings.saveProfile(profile);
    // Once the station has a profile, setup is over: a write needs a supervisor's session.
    expect(codeOf(await api.settings.saveProfile(profile).catch((e: unknown) => e))).toBe('forbidden');
  });
});

describe('the renderer’s accounts keep main’s registry', () => {
  let db: StationDb;
  let main: Main;
  beforeEach(() => {
    db = new StationDb('mainroles', { indexedDB: new IDBFactory(), IDBKeyRange });
    main = mainOver();
    connectMainSession(main.api.session);
  });
  afterEach(() => connectMainSession(null));
  /** A new main process over the same settings file, as after a restart or an upgrade. */
  const restartMain = () => {
    main = mainOver(main.store);
    connectMainSession(main.api.session);
  };

  const callerAfter = async (username: string, password: string) => {
    await signIn(db, username, password, Date.now(), { scrypt: FAST });
    return main.services.session.caller();
  };

  it('verifies each password’s proof at sign-in: the founder, an added lawyer, a role change, resets and changes of password', async () => {
    const { session } = await createFirstSupervisor(db, { username: 'admin', displayName: '刘主任', password: 'Station#2026' }, FAST);
    expect(main.services.session.caller()).toBe('supervisor');
    await main.api.settings.saveProfile(profile);
    const zhang = await addAccount(db, session, { username: 'zhang', displayName: '张律师', role: 'lawyer', password: 'Lawyer#2026' }, FAST);

    expect(await callerAfter('zhang', 'Lawyer#2026')).toBe('lawyer');
    // A role written into IndexedDB by hand does not move main's.
    const raised = await db.accounts.get(zhang.id);
    await db.accounts.put({ ...raised!, role: 'supervisor' });
    await expect(signIn(db, 'zhang', 'Lawyer#2026', Date.now(), { scrypt: FAST })).rejects.toThrow('角色记录已被改动');
    await db.accounts.put(raised!);

    const admin = await signIn(db, 'admin', 'Station#2026', Date.now(), { scrypt: FAST });
    await changeRole(db, admin, zhang.id, 'staff');
    expect(await callerAfter('zhang', 'Lawyer#2026')).toBe('staff');

    const again = await signIn(db, 'admin', 'Station#2026', Date.now(), { scrypt: FAST });
    await resetPassword(db, again, zhang.id, 'Temp#20261', FAST);
    const temporary = await signIn(db, 'zhang', 'Temp#20261', Date.now(), { scrypt: FAST });
    expect(main.services.session.caller()).toBe('staff');
    await setNewPassword(db, temporary, 'Mine#20262', FAST);
    expect(await callerAfter('zhang', 'Mine#20262')).toBe('staff');

    const own = await signIn(db, 'admin', 'Station#2026', Date.now(), { scrypt: FAST });
    await changePassword(db, own, 'Station#2026', 'Station#2027', FAST);
    expect(await callerAfter('admin', 'Station#2027')).toBe('supervisor');
    await main.api.settings.saveProfile({ ...profile, name: '改名后的工作站' });
  });

  it('forgets a disabled account, whose old password then opens nothing in main, until a reset brings it back with its role', async () => {
    const { session } = await createFirstSupervisor(db, { username: 'admin', displayName: '刘主任', password: 'Station#2026' }, FAST);
    await main.api.settings.saveProfile(profile);
    const li = await addAccount(db, session, { username: 'li', displayName: '李副主任', role: 'supervisor', password: 'Deputy#2026' }, FAST);
    // His proof as it was, kept by someone who read it while he was signed in.
    const { proof } = await unwrapDataKeyWithProof((await db.accounts.get(li.id))!.wrappedKey!, 'Deputy#2026');
    await setAccountDisabled(db, session, li.id, true);
    expect(codeOf(await main.api.session.begin({ accountId: li.id, proof }).catch((e: unknown) => e))).toBe('session_refused');
    expect(main.services.session.caller()).toBeNull();

    const admin = await signIn(db, 'admin', 'Station#2026', Date.now(), { scrypt: FAST });
    await resetPassword(db, admin, li.id, 'Temp#20261', FAST);
    expect(await callerAfter('li', 'Temp#20261')).toBe('supervisor');
  });

  it('refuses a supervisor’s account changes in main when main did not verify him, and changes nothing', async () => {
    const { session } = await createFirstSupervisor(db, { username: 'admin', displayName: '刘主任', password: 'Station#2026' }, FAST);
    await main.api.settings.saveProfile(profile);
    await main.api.session.end();
    await expect(addAccount(db, session, { username: 'zhang', displayName: '张律师', role: 'supervisor', password: 'Lawyer#2026' }, FAST)).rejects.toThrow(
      '无权执行此操作',
    );
    expect(await db.accounts.where('username').equals('zhang').count()).toBe(0);
  });

  it('opens a supervisor’s session with the recovery code and takes his new password', async () => {
    const { recoveryCode } = await createFirstSupervisor(db, { username: 'admin', displayName: '刘主任', password: 'Station#2026' }, FAST);
    await main.api.settings.saveProfile(profile);
    await main.api.session.end();
    await recoverWithCode(db, 'admin', recoveryCode, 'Recovered#2026', FAST);
    expect(main.services.session.caller()).toBe('supervisor');
    expect(await callerAfter('admin', 'Recovered#2026')).toBe('supervisor');
    // A made-up recovery proof opens nothing.
    const stored = main.store.get('sessionRegistry') as { accounts: Record<string, unknown> };
    const [adminId] = Object.keys(stored.accounts);
    expect(codeOf(await main.api.session.recover({ accountId: adminId!, recoveryProof: proofOf(7), proof: proofOf(8) }).catch((e: unknown) => e))).toBe(
      'session_refused',
    );
    expect(main.services.session.caller()).toBeNull();
  });

  it('is seeded once after an upgrade from the accounts as their MACs stand, and a proof is taken at each account’s first sign-in', async () => {
    // A station from before main kept a registry: accounts and profile, nothing in main.
    const { session } = await createFirstSupervisor(db, { username: 'admin', displayName: '刘主任', password: 'Station#2026' }, FAST);
    const zhang = await addAccount(db, session, { username: 'zhang', displayName: '张律师', role: 'lawyer', password: 'Lawyer#2026' }, FAST);
    const wang = await addAccount(db, session, { username: 'wang', displayName: '王干事', role: 'staff', password: 'Staff#20261' }, FAST);
    await main.api.settings.saveProfile(profile);
    // The next version starts: a new main process over a settings file without the registry.
    main.store.delete('sessionRegistry');
    restartMain();
    // A row whose role was raised by hand, with a MAC that does not match it, is not taken as a supervisor.
    const forged = await db.accounts.get(wang.id);
    await db.accounts.put({ ...forged!, role: 'supervisor', roleMac: roleMac(new Uint8Array(32).fill(1), { ...forged!, role: 'supervisor' }) });

    // The lawyer happens to sign in first: main learns every account as its MAC stands.
    expect(await callerAfter('zhang', 'Lawyer#2026')).toBe('lawyer');
    const registry = main.store.get('sessionRegistry') as { accounts: Record<string, { role: string; proofHash: string | null }> };
    expect(Object.fromEntries(Object.entries(registry.accounts).map(([id, a]) => [id, a.role]))).toEqual({
      [session.actor.id]: 'supervisor',
      [zhang.id]: 'lawyer',
    });
    expect(registry.accounts[zhang.id]!.proofHash).toMatch(/^[0-9a-f]{64}$/);
    expect(registry.accounts[session.actor.id]!.proofHash).toBeNull();
    // Seeded once: the lawyer's session cannot seed again.
    expect(codeOf(await main.api.session.seed({ accounts: [{ id: zhang.id, role: 'supervisor' }] }).catch((e: unknown) => e))).toBe('forbidden');

    // The supervisor's first sign-in gives main his proof; a wrong one is refused after that.
    expect(await callerAfter('admin', 'Station#2026')).toBe('supervisor');
    expect(codeOf(await main.api.session.begin({ accountId: session.actor.id, proof: proofOf(3) }).catch((e: unknown) => e))).toBe('session_refused');
    expect(await callerAfter('zhang', 'Lawyer#2026')).toBe('lawyer');
  });

  it('takes no unregistered recovery code over a password main verified, until a supervisor registers the code', async () => {
    const { session, recoveryCode } = await createFirstSupervisor(db, { username: 'admin', displayName: '刘主任', password: 'Station#2026' }, FAST);
    await main.api.settings.saveProfile(profile);
    // As on a station upgraded from a version without main's registry: no recovery proof there.
    main.store.set('sessionRegistry', { ...(main.store.get('sessionRegistry') as object), recoveryHash: null });
    restartMain();
    expect(await main.api.session.status()).toEqual({ recoveryRegistered: false });
    // Anyone's made-up "recovery" would otherwise replace the supervisor's password in main.
    expect(codeOf(await main.api.session.recover({ accountId: session.actor.id, recoveryProof: proofOf(7), proof: proofOf(8) }).catch((e: unknown) => e))).toBe(
      'session_refused',
    );

    const admin = await signIn(db, 'admin', 'Station#2026', Date.now(), { scrypt: FAST });
    await expect(registerRecoveryCode(db, admin, 'WRONG-CODE-0000-0000-0000-0000')).rejects.toThrow('恢复码错误');
    await registerRecoveryCode(db, admin, recoveryCode);
    expect(await main.api.session.status()).toEqual({ recoveryRegistered: true });
    expect((await db.audit.toArray()).some((e) => e.action === 'recovery_registered')).toBe(true);
    await main.api.session.end();
    await recoverWithCode(db, 'admin', recoveryCode, 'Recovered#2026', FAST);
    expect(await callerAfter('admin', 'Recovered#2026')).toBe('supervisor');
  });

  it('a restore seeds main with the restored accounts and the proof of the password it was opened with', async () => {
    const { session } = await createFirstSupervisor(db, { username: 'admin', displayName: '刘主任', password: 'Station#2026' }, FAST);
    await main.api.settings.saveProfile(profile);
    await addAccount(db, session, { username: 'zhang', displayName: '张律师', role: 'lawyer', password: 'Lawyer#2026' }, FAST);
    const { bytes } = await createBackup(
      db,
      session.dataKey,
      { profile, domain: { meansTestStandard: null, enumerationExtensions: {} } },
      '2026-11-23T20:00:00.000+08:00',
    );

    // A new machine: an empty database, a main that knows nobody.
    db = new StationDb('mainroles-restored', { indexedDB: new IDBFactory(), IDBKeyRange });
    main = mainOver();
    connectMainSession(main.api.session);
    const { content, proof } = await openBackup(bytes, { username: 'admin', password: 'Station#2026' }, null);
    await restoreTables(db, content);
    await main.api.settings.saveProfile(content.profile);
    await reseedMain(restoredAccounts((content.tables.accounts ?? []) as never, 'admin', proof));
    const registry = main.store.get('sessionRegistry') as { accounts: Record<string, { role: string; proofHash: string | null }> };
    const zhangId = (await db.accounts.where('username').equals('zhang').first())!.id;
    expect(Object.keys(registry.accounts).sort()).toEqual([session.actor.id, zhangId].sort());
    expect(registry.accounts[session.actor.id]).toMatchObject({ role: 'supervisor', proofHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(registry.accounts[zhangId]).toEqual({ role: 'lawyer', proofHash: null });
    expect(await callerAfter('admin', 'Station#2026')).toBe('supervisor');
    expect(codeOf(await main.api.session.begin({ accountId: session.actor.id, proof: proofOf(4) }).catch((e: unknown) => e))).toBe('session_refused');
    expect(await callerAfter('zhang', 'Lawyer#2026')).toBe('lawyer');
  });
});
