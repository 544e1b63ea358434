import { createContext, useContext } from 'react';
import type { Actor } from '../db/repository';
import type { Vault } from '../db/vault';

/** The signed-in person and the unlocked vault; absent while locked or signed out. */
export interface Session {
  actor: Actor;
  username: string;
  vault: Vault;
  /** The roster entry of a signed-in lawyer, used as the default lawyer on duty. */
  lawyerId?: string;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside an unlocked session');
  return value;
}
