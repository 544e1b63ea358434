import { z } from 'zod';
import { toRfc3339 } from '../../../core/time/rfc3339';
import { verifyChain } from '../../../core/audit/chain';
import type { AccountRecord, Role, StationDb } from '../db/database';
import { appendAudit, createRecord, plainCodec, updateRecord, type Actor, type RecordStore } from '../db/repository';
import type { Session } from './SessionContext';
import {
  copyLiveKey,
  isWeakerWrap,
  scryptTarget,
  generateRecoveryCode,
  newDataKey,
  normalizeRecoveryCode,
  roleMac,
  roleMacMatches,
  unwrapDataKey,
  unwrapDataKeyWithProof,
  vaultFromDataKey,
  wrapDataKeyWithProof,
  WrongSecretError,
  type ScryptParams,
  type WrappedKey,
} from '../db/keyMaterial';
import { assertCan, ROLE_LABELS } from '../../../core/access/permissions';
import { sessionStore } from './sessionStore';
import {
  beginMainSession,
  recoverMainSession,
  reseedMain,
  tellMainAboutAccount,
  tellMainDisabled,
  tellMainOwnPassword,
  tellMainRecovery,
  type KnownAccount,
} from './mainSession';

const KEYRING = 'keyring';

interface Keyring {
  recoveryWrap: WrappedKey;
  createdAt: string;
}

/**
 * Ten characters at least: the wrapped data key on a lost laptop can be attacked offline,
 * and every character multiplies the guesses (issue 18). Existing shorter passwords still
 * sign in; the rule applies when a password is set.
 */
export const MIN_PASSWORD_LENGTH = 10;

export const passwordSchema = z
  .string({ error: '请输入密码' })
  .min(MIN_PASSWORD_LENGTH, `密码至少 ${MIN_PASSWORD_LENGTH} 位`)
  .max(128, '密码不能超过 128 位')
  .refine((p) => new Set(p).size >= 4, '密码过于简单：请至少使用 4 个不同的字符');

export const accountInputSchema = z.object({
  username: z
    .string({ error: '请填写用户名' })
    .trim()
    .min(2, '用户名至少 2 个字符')
    .max(32, '用户名不能超过 32 个字符')
    .regex(/^[\p{L}\p{N}._-]+$/u, '用户名只能包含文字、字母、数字、点、下划线和连字符'),
  displayName: z.string({ error: '请填写姓名' }).trim().min(1, '请填写姓名').max(30, '姓名不能超过 30 个字'),
  role: z.enum(['lawyer', 'staff', 'supervisor'], { error: '请选择角色' }),
  lawyerId: z.string().optional(),
});

export type AccountInput = z.infer<typeof accountInputSchema>;

function accountStore(db: StationDb): RecordStore<Omit<AccountRecord, keyof import('../../../core/records/base').RecordBase>, AccountRecord> {
  return { db, name: 'accounts', codec: plainCodec() };
}

export function actorOf(account: AccountRecord): Actor {
  return { id: account.id, name: account.displayName, role: account.role };
}

async function sessionFor(account: AccountRecord, dataKey: Uint8Array): Promise<Session & { dataKey: Uint8Array }> {
  const vault = await vaultFromDataKey(dataKey);
  const session: Session & { dataKey: Uint8Array } = { actor: actorOf(account), username: account.username, vault, dataKey };
  if (account.lawyerId) session.lawyerId = account.lawyerId;
  return session;
}

export async function hasAccounts(db: StationDb): Promise<boolean> {
  return (await db.accounts.count()) > 0;
}

export async function listAccounts(db: StationDb): Promise<AccountRecord[]> {
  return (await db.accounts.toArray()).filter((a) => !a.deleted).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/**
 * First run: the station's data key is created with the first supervisor account. The
 * returned recovery code is shown once, to be printed; it is not stored anywhere.
 */
export async function createFirstSupervisor(
  db: StationDb,
  input: { username: string; displayName: string; password: string },
  params: ScryptParams = scryptTarget(),
): Promise<{ session: Session & { dataKey: Uint8Array }; recoveryCode: string }> {
  if (await hasAccounts(db)) throw new Error('本站已有账户');
  const parsed = accountInputSchema.parse({ ...input, role: 'supervisor' });
  passwordSchema.parse(input.password);
  const dataKey = newDataKey();
  const recoveryCode = generateRecoveryCode();
  const [own, recovery] = await Promise.all([
    wrapDataKeyWithProof(dataKey, input.password, params),
    wrapDataKeyWithProof(dataKey, normalizeRecoveryCode(recoveryCode), params),
  ]);
  const wrappedKey = own.wrapped;
  const recoveryWrap = recovery.wrapped;
  const id = crypto.randomUUID();
  const self: Actor = { id, name: parsed.displayName, role: 'supervisor' };
  await db.meta.put({ key: KEYRING, value: { recoveryWrap, createdAt: toRfc3339() } satisfies Keyring });
  const mac = roleMac(dataKey, { id, username: parsed.username, role: 'supervisor' });
  const account = await createRecord(accountStore(db), { ...parsed, role: 'supervisor' as Role, disabled: false, wrappedKey, roleMac: mac }, self, { id });
  // Main knows no account on a new machine: the founder is its first, with his proof and the recovery code's.
  try {
    await reseedMain([{ id, role: 'supervisor' }]);
    if (await beginMainSession(id, own.proof, async () => [{ id, role: 'supervisor' }])) await tellMainRecovery(recovery.proof);
  } catch (err) {
    console.warn('main did not take the new station’s first account', err);
  }
  return { session: await sessionFor(account as AccountRecord, dataKey), recoveryCode };
}

/** Supervisors add accounts; the new account gets its own wrap of the data key. */
export async function addAccount(
  db: StationDb,
  session: Session & { dataKey: Uint8Array },
  input: AccountInput & { password: string },
  params: ScryptParams = scryptTarget(),
): Promise<AccountRecord> {
  assertCan(session.actor.role, 'accounts.manage');
  const parsed = accountInputSchema.parse(input);
  passwordSchema.parse(input.password);
  // Our own copy: a lock while this awaits zeroes the session's key (keyMaterial.copyLiveKey).
  const key = copyLiveKey(session.dataKey);
  try {
    if (await db.accounts.where('username').equals(parsed.username).count()) throw new Error('用户名已被使用');
    const { wrapped: wrappedKey, proof } = await wrapDataKeyWithProof(key, input.password, params);
    const id = crypto.randomUUID();
    const mac = roleMac(key, { id, username: parsed.username, role: parsed.role });
    // Main first: an account it refuses (the supervisor's session not verified there) is not made.
    await tellMainAboutAccount({ accountId: id, role: parsed.role, proof });
    const account = (await createRecord(accountStore(db), { ...parsed, disabled: false, wrappedKey, roleMac: mac }, session.actor, { id })) as AccountRecord;
    await appendAudit(db, session.actor, 'change_role', `${account.displayName}（${account.username}）：新建账户，角色 ${ROLE_LABELS[account.role]}`, {
      type: 'accounts',
      id,
    });
    return account;
  } finally {
    key.fill(0);
  }
}

/**
 * Disabling drops the account's wrap of the data key: whoever learns or guesses its old
 * password later gets nothing, even offline from the disk. Enabling again therefore goes
 * through a reset (a temporary password, a new wrap).
 */
export async function setAccountDisabled(db: StationDb, session: Session, id: string, disabled: boolean): Promise<void> {
  assertCan(session.actor.role, 'accounts.manage');
  if (id === session.actor.id) throw new Error('不能停用自己的账户');
  const account = await db.accounts.get(id);
  if (!account || account.deleted) throw new Error('账户不存在');
  if (!disabled && !account.wrappedKey) throw new Error('该账户停用时已删除其密钥：请点“重置密码”设置临时密码，账户随之启用');
  if (disabled) await tellMainDisabled(id);
  await updateRecord(accountStore(db), id, disabled ? { disabled, wrappedKey: null } : { disabled }, session.actor);
}

/** Accounts disabled before wraps were dropped on disabling still hold one: dropped at the next sign-in of anyone. */
async function dropWrapsOfDisabled(db: StationDb, actor: Actor): Promise<void> {
  const stale = (await db.accounts.toArray()).filter((a) => a.disabled && a.wrappedKey);
  for (const a of stale) await updateRecord(accountStore(db), a.id, { wrappedKey: null }, actor);
}

/**
 * A supervisor sets a temporary password for someone who forgot theirs (or whose account
 * was disabled): the data key is wrapped under it, the account is enabled, and the holder
 * must choose a new password at the next sign-in.
 */
export async function resetPassword(
  db: StationDb,
  session: Session & { dataKey: Uint8Array },
  id: string,
  temporaryPassword: string,
  params: ScryptParams = scryptTarget(),
): Promise<void> {
  assertCan(session.actor.role, 'accounts.manage');
  if (id === session.actor.id) throw new Error('请在“修改我的密码”中修改自己的密码');
  passwordSchema.parse(temporaryPassword);
  const account = await db.accounts.get(id);
  if (!account || account.deleted) throw new Error('账户不存在');
  // Main is told the role with the password (a disabled account was dropped from its
  // registry): only a role whose MAC holds, never one edited into the row.
  if (!roleMacMatches(session.dataKey, account)) throw new RoleTamperedError('该账户的角色记录已被改动，与本站的签名不符：请先为其重新设定角色。');
  const { wrapped: wrappedKey, proof } = await wrapDataKeyWithProof(session.dataKey, temporaryPassword, params);
  await tellMainAboutAccount({ accountId: id, role: account.role, proof });
  // A disabled account has no wrap left; the reset gives it one and enables it.
  await updateRecord(accountStore(db), id, { wrappedKey, mustChangePassword: true, disabled: false }, session.actor);
  await appendAudit(db, session.actor, 'reset_password', `${account.displayName}（${account.username}）：已设临时密码，下次登录须修改`, {
    type: 'accounts',
    id,
  });
}

/**
 * A supervisor changes what another account may do; never their own, so a station always
 * keeps its supervisor. The role's MAC is re-made with it: only someone holding the data
 * key can give an account a role that signs in.
 */
export async function changeRole(db: StationDb, session: Session & { dataKey: Uint8Array }, id: string, role: Role): Promise<void> {
  assertCan(session.actor.role, 'accounts.manage');
  if (id === session.actor.id) throw new Error('不能修改自己的角色');
  const key = copyLiveKey(session.dataKey);
  let account: AccountRecord | undefined;
  let next: Role;
  try {
    account = await db.accounts.get(id);
    if (!account || account.deleted) throw new Error('账户不存在');
    if (account.role === role) return;
    next = accountInputSchema.shape.role.parse(role);
    const mac = roleMac(key, { id, username: account.username, role: next });
    await tellMainAboutAccount({ accountId: id, role: next });
    await updateRecord(
      accountStore(db),
      id,
      next === 'lawyer' ? { role: next, roleMac: mac } : { role: next, roleMac: mac, lawyerId: undefined },
      session.actor,
    );
  } finally {
    key.fill(0);
  }
  await appendAudit(db, session.actor, 'change_role', `${account.displayName}（${account.username}）：${ROLE_LABELS[account.role]} → ${ROLE_LABELS[next]}`, {
    type: 'accounts',
    id,
  });
}

/**
 * A station upgraded or restored has no recovery proof in main: a supervisor types the
 * printed code once, it is checked against the station's recovery wrap, and main keeps its
 * proof. Until then a recovery cannot replace a password main verified.
 */
export async function registerRecoveryCode(db: StationDb, session: Session, recoveryCode: string): Promise<void> {
  assertCan(session.actor.role, 'accounts.manage');
  const keyring = (await db.meta.get(KEYRING))?.value as Keyring | undefined;
  if (!keyring) throw new Error('本机没有恢复码信息');
  const { dataKey, proof } = await unwrapDataKeyWithProof(keyring.recoveryWrap, normalizeRecoveryCode(recoveryCode), '恢复码错误');
  dataKey.fill(0);
  await tellMainRecovery(proof);
  await appendAudit(db, session.actor, 'recovery_registered', '已向主进程登记本站的恢复码');
}

/** The new password after a reset: chosen at sign-in, before anything of the station is shown. */
export async function setNewPassword(
  db: StationDb,
  session: Session & { dataKey: Uint8Array },
  newPassword: string,
  params: ScryptParams = scryptTarget(),
): Promise<void> {
  passwordSchema.parse(newPassword);
  const { wrapped, proof } = await wrapDataKeyWithProof(session.dataKey, newPassword, params);
  await tellMainOwnPassword(session.actor.id, proof);
  await updateRecord(accountStore(db), session.actor.id, { wrappedKey: wrapped, mustChangePassword: false }, session.actor);
}

/** Re-wraps the data key under a new password (the holder proves the old one). */
export async function changePassword(
  db: StationDb,
  session: Session & { dataKey: Uint8Array },
  oldPassword: string,
  newPassword: string,
  params: ScryptParams = scryptTarget(),
): Promise<void> {
  // Our own copy: Ctrl+L during the slow scrypt steps zeroes the session's key.
  const key = copyLiveKey(session.dataKey);
  try {
    const account = await db.accounts.get(session.actor.id);
    if (!account?.wrappedKey) throw new Error('账户不存在');
    await unwrapDataKey(account.wrappedKey, oldPassword, '原密码错误');
    passwordSchema.parse(newPassword);
    const { wrapped, proof } = await wrapDataKeyWithProof(key, newPassword, params);
    await tellMainOwnPassword(account.id, proof);
    await updateRecord(accountStore(db), account.id, { wrappedKey: wrapped }, session.actor);
  } finally {
    key.fill(0);
  }
}

/**
 * The accounts whose role carries a valid MAC, as main's registry is seeded from them the
 * first time it is asked (trust on first use, docs/SECURITY.md). A row whose MAC fails
 * could not sign in here either, so main is not told about it.
 */
async function knownAccounts(db: StationDb, dataKey: Uint8Array): Promise<KnownAccount[]> {
  return (await db.accounts.toArray()).filter((a) => !a.deleted && !a.disabled && roleMacMatches(dataKey, a)).map((a) => ({ id: a.id, role: a.role }));
}

/**
 * The accounts a restore brought back, for main to take (`reseedMain`), with the proof of
 * the password the restore was opened with on its account; MACs are checked at sign-in.
 */
export function restoredAccounts(rows: readonly AccountRecord[], restorer: string | null, proof: string): KnownAccount[] {
  return rows
    .filter((a) => !a.deleted && !a.disabled && (a.role === 'lawyer' || a.role === 'staff' || a.role === 'supervisor'))
    .map((a) => (a.username === restorer ? { id: a.id, role: a.role, proof } : { id: a.id, role: a.role }));
}

// --- sign-in with a growing delay after wrong passwords -----------------------------------

interface Failures {
  count: number;
  lastAt: number;
}

/** No delay for the first four wrong passwords; then 30 s, doubling, at most 15 minutes. */
export function delayAfterFailures(count: number): number {
  if (count < 5) return 0;
  return Math.min(30_000 * 2 ** (count - 5), 15 * 60_000);
}

export class SignInDelayedError extends Error {
  constructor(readonly waitMs: number) {
    super(`密码错误次数过多，请 ${Math.ceil(waitMs / 1000)} 秒后再试`);
    this.name = 'SignInDelayedError';
  }
}

const failuresKey = (username: string) => `signin-failures:${username}`;

export async function signIn(
  db: StationDb,
  username: string,
  password: string,
  now = Date.now(),
  options: { unlock?: boolean; scrypt?: ScryptParams } = {},
): Promise<Session & { dataKey: Uint8Array; mustChangePassword?: boolean }> {
  const name = username.trim();
  const failures = ((await db.meta.get(failuresKey(name)))?.value as Failures | undefined) ?? { count: 0, lastAt: 0 };
  const wait = failures.lastAt + delayAfterFailures(failures.count) - now;
  if (wait > 0) throw new SignInDelayedError(wait);

  const account = await db.accounts.where('username').equals(name).first();
  const failed = async () => {
    await db.meta.put({ key: failuresKey(name), value: { count: failures.count + 1, lastAt: now } });
    await appendAudit(db, { id: account?.id ?? '', name: account?.displayName ?? name, role: account?.role ?? '' }, 'sign_in_failed', `用户名：${name}`);
  };
  if (!account || account.deleted || account.disabled || !account.wrappedKey) {
    await failed();
    throw new WrongSecretError('用户名或密码错误');
  }
  let dataKey: Uint8Array;
  let proof: string;
  try {
    ({ dataKey, proof } = await unwrapDataKeyWithProof(account.wrappedKey, password, '用户名或密码错误'));
  } catch (err) {
    await failed();
    throw err;
  }
  await db.meta.delete(failuresKey(name));
  try {
    await checkRole(db, account, dataKey, false);
  } catch (err) {
    dataKey.fill(0);
    throw err;
  }
  await beginMainSession(account.id, proof, () => knownAccounts(db, dataKey));
  await appendAudit(db, actorOf(account), options.unlock ? 'unlock' : 'sign_in');
  // The password is at hand only now: a wrap made under a lower scrypt cost is re-made
  // under today's, so an old laptop's keys get the new cost without anyone acting.
  const goal = options.scrypt ?? scryptTarget();
  if (isWeakerWrap(account.wrappedKey, goal)) {
    const rewrapped = await wrapDataKeyWithProof(dataKey, password, goal);
    await tellMainOwnPassword(account.id, rewrapped.proof);
    await updateRecord(accountStore(db), account.id, { wrappedKey: rewrapped.wrapped }, actorOf(account));
  }
  await dropWrapsOfDisabled(db, actorOf(account));
  const session = await sessionFor(account, dataKey);
  return account.mustChangePassword ? { ...session, mustChangePassword: true } : session;
}

/** A supervisor who lost every password: the recovery code unlocks, then a new password is set. */
export async function recoverWithCode(
  db: StationDb,
  username: string,
  recoveryCode: string,
  newPassword: string,
  params: ScryptParams = scryptTarget(),
): Promise<Session & { dataKey: Uint8Array }> {
  const keyring = (await db.meta.get(KEYRING))?.value as Keyring | undefined;
  if (!keyring) throw new Error('本机没有可恢复的数据');
  const account = await db.accounts.where('username').equals(username.trim()).first();
  if (!account || account.role !== 'supervisor') throw new Error('恢复码只能用于工作站负责人账户');
  passwordSchema.parse(newPassword);
  let dataKey: Uint8Array;
  let recoveryProof: string;
  try {
    ({ dataKey, proof: recoveryProof } = await unwrapDataKeyWithProof(keyring.recoveryWrap, normalizeRecoveryCode(recoveryCode), '恢复码错误'));
  } catch (err) {
    await appendAudit(db, actorOf(account), 'sign_in_failed', `用户名：${account.username}（恢复码错误）`);
    throw err;
  }
  await checkRole(db, account, dataKey, true);
  const own = await wrapDataKeyWithProof(dataKey, newPassword, params);
  const mainTookIt = await recoverMainSession(account.id, recoveryProof, own.proof, () => knownAccounts(db, dataKey));
  await updateRecord(accountStore(db), account.id, { wrappedKey: own.wrapped, disabled: false, mustChangePassword: false }, actorOf(account));
  if (isWeakerWrap(keyring.recoveryWrap, params)) {
    // The code is at hand only now; the printed code stays the same.
    const recovery = await wrapDataKeyWithProof(dataKey, normalizeRecoveryCode(recoveryCode), params);
    if (mainTookIt) await tellMainRecovery(recovery.proof);
    await db.meta.put({ key: KEYRING, value: { ...keyring, recoveryWrap: recovery.wrapped } satisfies Keyring });
  }
  await appendAudit(db, actorOf(account), 'reset_password', `${account.displayName}（${account.username}）：使用恢复码登录并设置新密码`, {
    type: 'accounts',
    id: account.id,
  });
  await appendAudit(db, actorOf(account), 'sign_in');
  return sessionFor(account, dataKey);
}

// --- the role MAC at sign-in ------------------------------------------------------------------

export class RoleTamperedError extends Error {
  constructor(message = '该账户的角色记录已被改动，与本站的签名不符，已拒绝登录。请联系工作站负责人。') {
    super(message);
    this.name = 'RoleTamperedError';
  }
}

/**
 * The account that created the station: the first account whose creation the audit chain
 * records as made by itself (createFirstSupervisor), with the chain intact up to there.
 */
async function founderOf(db: StationDb): Promise<string | undefined> {
  const entries = await db.audit.orderBy('seq').limit(2000).toArray();
  const at = entries.findIndex((e) => e.action === 'create' && e.recordType === 'accounts' && e.actorId === e.recordId && e.actorRole === 'supervisor');
  if (at < 0 || !verifyChain(entries.slice(0, at + 1)).ok) return undefined;
  return entries[at]!.actorId;
}

/**
 * Sign-in goes on only if the account's role carries a valid MAC. Rows from before MACs
 * existed carry none, and "no MAC" must not read as "fine": while no account of the
 * station has one, only the station's founder (the audit chain says who) or the holder of
 * the recovery code (`authority`) may sign in, and that sign-in seals every account's role
 * as it stands, listing them in the audit trail for the supervisor to review. Once any
 * account is sealed, a row without a MAC is refused like a wrong one.
 */
async function checkRole(db: StationDb, account: AccountRecord, dataKey: Uint8Array, authority: boolean): Promise<void> {
  if (roleMacMatches(dataKey, account)) return;
  const live = (await db.accounts.toArray()).filter((a) => !a.deleted).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const refuse = async (detail: string, error: Error) => {
    await appendAudit(db, { id: account.id, name: account.displayName, role: '' }, 'role_tampered', detail, { type: 'accounts', id: account.id });
    throw error;
  };
  const claimed = ROLE_LABELS[account.role] ?? String(account.role);
  if (account.roleMac || live.some((a) => a.roleMac)) {
    await refuse(`${account.displayName}（${account.username}）：记录中的角色“${claimed}”与签名不符，已拒绝登录`, new RoleTamperedError());
  }
  if (!authority && !(account.role === 'supervisor' && account.id === (await founderOf(db)))) {
    await refuse(
      `${account.displayName}（${account.username}）：账户角色尚未经负责人确认，已拒绝登录`,
      new RoleTamperedError('本站升级后，须先由创建本站的工作站负责人登录一次（或使用恢复码），确认各账户的角色；之后才能用此账户登录。'),
    );
  }
  const self = actorOf(account);
  for (const a of live) await updateRecord(accountStore(db), a.id, { roleMac: roleMac(dataKey, a) }, self);
  await appendAudit(
    db,
    self,
    'role_sealed',
    `升级后确认各账户的角色：${live.map((a) => `${a.displayName}（${a.username}）${ROLE_LABELS[a.role] ?? a.role}`).join('；')}`,
  );
}

/** Locks the window (idle or Ctrl+L): recorded, then the data key is dropped. */
export async function lockSession(db: StationDb, session: Session): Promise<void> {
  await appendAudit(db, session.actor, 'lock').catch(() => undefined);
  sessionStore.lock(session.username);
}

export async function signOut(db: StationDb, session: Session): Promise<void> {
  await appendAudit(db, session.actor, 'sign_out').catch(() => undefined);
  sessionStore.signOut();
}
