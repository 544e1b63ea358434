import type { StationApi } from '../../../core/api/contract';
import { StationApiError } from '../../../core/api/client';
import type { Role } from '../../../core/access/permissions';

type Port = StationApi['session'];

let connected: Port | null | undefined;
/** The account main verified in this window, if any: its own password changes must reach main. */
let verified: string | null = null;

/**
 * Main's session channels. The unit tests and the bench run the repositories without a
 * main process (no `window.station`): there is then no one to tell, and main's checks are
 * not what they test. `connectMainSession` gives them one.
 */
function port(): Port | null {
  if (connected !== undefined) return connected;
  // `window.station` in the page; read through globalThis so the module type-checks where no page exists.
  return (globalThis as { station?: StationApi }).station?.session ?? null;
}

export function connectMainSession(next: Port | null): void {
  connected = next;
  verified = null;
}

export function mainVerifiedAccount(): string | null {
  return verified;
}

export interface KnownAccount {
  id: string;
  role: Role;
  /** Only where the person at hand typed this account's password. */
  proof?: string;
}

function isCode(err: unknown, code: string): boolean {
  return err instanceof StationApiError && err.code === code;
}

/**
 * Opens main's session with the proof of the password just typed. A main that knows no
 * account yet (the first sign-in after an upgrade) is first told the accounts as they stand
 * (`accounts`: roles already checked against their MACs). A refusal does not stop the
 * sign-in: main then acts for nobody, and only what needs a supervisor in main is refused.
 */
export async function beginMainSession(accountId: string, proof: string, accounts: () => Promise<KnownAccount[]>): Promise<boolean> {
  const main = port();
  verified = null;
  if (!main) return false;
  try {
    try {
      await main.begin({ accountId, proof });
    } catch (err) {
      if (!isCode(err, 'registry_empty')) throw err;
      await main.seed({ accounts: await accounts() });
      await main.begin({ accountId, proof });
    }
    verified = accountId;
    return true;
  } catch (err) {
    console.warn('main did not open a session', err);
    return false;
  }
}

/** The recovery code's proof opens a supervisor's session in main and registers his new password. */
export async function recoverMainSession(accountId: string, recoveryProof: string, proof: string, accounts: () => Promise<KnownAccount[]>): Promise<boolean> {
  const main = port();
  verified = null;
  if (!main) return false;
  try {
    try {
      await main.recover({ accountId, recoveryProof, proof });
    } catch (err) {
      if (!isCode(err, 'registry_empty')) throw err;
      await main.seed({ accounts: await accounts() });
      await main.recover({ accountId, recoveryProof, proof });
    }
    verified = accountId;
    return true;
  } catch (err) {
    console.warn('main did not accept the recovery code', err);
    return false;
  }
}

/** Lock and sign-out: main stops acting for anyone. */
export function endMainSession(): void {
  verified = null;
  void port()
    ?.end()
    .catch(() => undefined);
}

/** A supervisor's change of another account (new account, role, temporary password): main must take it, or nothing is changed. */
export async function tellMainAboutAccount(change: { accountId: string; role?: Role; proof?: string }): Promise<void> {
  await port()?.setAccount(change);
}

/** A disabled account: main forgets it, so its old password's proof opens nothing there. */
export async function tellMainDisabled(accountId: string): Promise<void> {
  await port()?.dropAccount({ accountId });
}

/**
 * One's own new password. Where main verified this account, it must learn the new proof
 * or the next sign-in would not be verified; where it did not, it acts for nobody either way.
 */
export async function tellMainOwnPassword(accountId: string, proof: string): Promise<void> {
  if (verified !== accountId) return;
  await port()?.setAccount({ accountId, proof });
}

/** The recovery code's proof, at setup and when its wrap is re-made. */
export async function tellMainRecovery(proof: string): Promise<void> {
  await port()?.setRecovery({ proof });
}

/** Whether main holds the recovery code's proof; null where there is no main to ask. */
export async function mainKnowsRecovery(): Promise<boolean | null> {
  const main = port();
  return main ? (await main.status()).recoveryRegistered : null;
}

/**
 * A restore replaced the accounts: main forgets every proof and takes the restored roles,
 * with the proof of the secret the restore was opened with.
 */
export async function reseedMain(accounts: KnownAccount[], recoveryProof?: string): Promise<void> {
  verified = null;
  await port()?.seed(recoveryProof ? { accounts, recoveryProof } : { accounts });
}
