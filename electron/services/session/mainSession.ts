import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { can, ROLES, type Role } from '../../../core/access/permissions';
import type { MainCaller } from '../../../core/api/channelRights';
import type { KeyValueStore } from '../settings/keyValueStore';
import { ServiceError } from '../errors';

const KEY = 'sessionRegistry';

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

/**
 * Per account, the role main acts on and the SHA-256 of its password's session proof; and
 * the hash of the recovery code's proof. An account's null hash is taken from the first
 * proof shown (trust on first use: after an upgrade or a restore, until that account next
 * signs in). The recovery code's is set only by setup or a supervisor who typed the code.
 */
const registrySchema = z.strictObject({
  accounts: z.record(z.string(), z.strictObject({ role: z.enum(ROLES), proofHash: hex64.nullable() })),
  recoveryHash: hex64.nullable(),
});
type Registry = z.infer<typeof registrySchema>;

export interface MainSession {
  /** Whom main acts for now: the role of the account whose proof opened the session. */
  caller(): MainCaller;
  begin(input: { accountId: string; proof: string }): { role: Role };
  end(): void;
  status(): { recoveryRegistered: boolean };
  seed(input: { accounts: { id: string; role: Role; proof?: string | undefined }[]; recoveryProof?: string | undefined }): void;
  setAccount(input: { accountId: string; role?: Role | undefined; proof?: string | undefined }): void;
  dropAccount(input: { accountId: string }): void;
  recover(input: { accountId: string; recoveryProof: string; proof: string }): { role: Role };
  setRecovery(input: { proof: string }): void;
}

const hashOf = (proof: string) => createHash('sha256').update(Buffer.from(proof, 'base64')).digest('hex');

function matches(proof: string, storedHash: string): boolean {
  return timingSafeEqual(Buffer.from(hashOf(proof), 'hex'), Buffer.from(storedHash, 'hex'));
}

const refused = (message: string) => new ServiceError('session_refused', message);
const NOT_SEEDED = () => new ServiceError('registry_empty', '主进程尚未记录本站的账户');
const FORBIDDEN = () => new ServiceError('forbidden', '无权执行此操作：请以有相应权限的账户重新登录后再试');

/**
 * Main's own session (docs/SECURITY.md, "Main checks roles"). The renderer holds the
 * accounts, but main decides whom it acts for: only a proof whose hash it keeps opens a
 * session, and the registry changes only under a supervisor's session, an account's own
 * session (its password), or the recovery code's proof.
 */
export function createMainSession(store: KeyValueStore, hasProfile: () => boolean): MainSession {
  let current: string | null = null;
  // Main is the settings file's only writer: read once, not on every call the dispatcher checks.
  let kept: Registry | null | undefined;

  const read = (): Registry | null => {
    if (kept === undefined) {
      const parsed = registrySchema.safeParse(store.get(KEY));
      kept = parsed.success ? parsed.data : null;
    }
    return kept && structuredClone(kept);
  };
  const write = (registry: Registry) => {
    store.set(KEY, registry);
    kept = structuredClone(registry);
  };

  const caller = (): MainCaller => {
    if (current !== null) {
      const accounts = read()?.accounts;
      return accounts && Object.hasOwn(accounts, current) ? accounts[current]!.role : null;
    }
    // First run: no profile, so nobody can have used the station; setting up must save it.
    return hasProfile() ? null : 'setup';
  };
  const supervises = () => {
    const who = caller();
    return who !== null && can(who, 'accounts.manage');
  };

  return {
    caller,
    begin({ accountId, proof }) {
      current = null;
      const registry = read();
      if (!registry) throw NOT_SEEDED();
      const entry = Object.hasOwn(registry.accounts, accountId) ? registry.accounts[accountId] : undefined;
      if (!entry) throw refused('主进程没有此账户的记录：需要负责人权限的功能暂不可用，请工作站负责人为此账户重置密码');
      if (entry.proofHash === null) {
        entry.proofHash = hashOf(proof);
        write(registry);
      } else if (!matches(proof, entry.proofHash)) {
        throw refused('主进程未能核实此账户的登录：需要负责人权限的功能暂不可用，请工作站负责人为此账户重置密码');
      }
      current = accountId;
      return { role: entry.role };
    },
    end() {
      current = null;
    },
    status() {
      return { recoveryRegistered: Boolean(read()?.recoveryHash) };
    },
    seed({ accounts, recoveryProof }) {
      const registry = read();
      if (registry && !supervises()) throw FORBIDDEN();
      // A proof comes with the seed only where the person seeding typed that secret (a restore's
      // password or recovery code); every other account's is taken at its next sign-in.
      write({
        accounts: Object.fromEntries(accounts.map((a) => [a.id, { role: a.role, proofHash: a.proof ? hashOf(a.proof) : null }])),
        recoveryHash: recoveryProof ? hashOf(recoveryProof) : null,
      });
      current = null;
    },
    setAccount({ accountId, role, proof }) {
      const registry = read();
      if (!registry) throw NOT_SEEDED();
      const entry = Object.hasOwn(registry.accounts, accountId) ? registry.accounts[accountId] : undefined;
      if (supervises()) {
        if (!entry && (!role || !proof)) throw new ServiceError('invalid_input', '新账户须有角色和密码');
        registry.accounts[accountId] = { role: role ?? entry!.role, proofHash: proof ? hashOf(proof) : entry!.proofHash };
      } else if (entry && current === accountId && proof && (role === undefined || role === entry.role)) {
        entry.proofHash = hashOf(proof);
      } else {
        throw FORBIDDEN();
      }
      write(registry);
    },
    dropAccount({ accountId }) {
      const registry = read();
      if (!registry) throw NOT_SEEDED();
      if (!supervises()) throw FORBIDDEN();
      delete registry.accounts[accountId];
      write(registry);
    },
    recover({ accountId, recoveryProof, proof }) {
      current = null;
      const registry = read();
      if (!registry) throw NOT_SEEDED();
      const entry = Object.hasOwn(registry.accounts, accountId) ? registry.accounts[accountId] : undefined;
      if (!entry || entry.role !== 'supervisor') throw refused('恢复码只能用于工作站负责人账户');
      if (registry.recoveryHash === null) {
        // Nothing to check an unregistered code against: it may open only an account whose
        // own proof main has not taken yet either, never replace a password main verified.
        if (entry.proofHash !== null) throw refused('主进程尚未登记本站的恢复码：需要负责人权限的功能暂不可用，请另一位工作站负责人为此账户重置密码');
      } else if (!matches(recoveryProof, registry.recoveryHash)) {
        throw refused('主进程未能核实恢复码');
      }
      entry.proofHash = hashOf(proof);
      write(registry);
      current = accountId;
      return { role: entry.role };
    },
    setRecovery({ proof }) {
      const registry = read();
      if (!registry) throw NOT_SEEDED();
      if (!supervises()) throw FORBIDDEN();
      write({ ...registry, recoveryHash: hashOf(proof) });
    },
  };
}
