import { useSyncExternalStore } from 'react';
import type { Session } from './SessionContext';
import { endMainSession } from './mainSession';

/**
 * The one session of this window. Locking drops the session (and with it the vault and
 * the data key) and keeps only who was signed in, so unlocking asks for the password again.
 */
export type SessionState =
  | { state: 'signed-out' }
  | { state: 'unlocked'; session: Session & { dataKey: Uint8Array } }
  | { state: 'locked'; username: string; displayName: string };

let current: SessionState = { state: 'signed-out' };
const listeners = new Set<() => void>();

function set(next: SessionState) {
  if (current.state === 'unlocked') {
    current.session.dataKey.fill(0);
    // Main stops acting for this account too: the next person proves his own password.
    if (next.state !== 'unlocked') endMainSession();
  }
  current = next;
  listeners.forEach((l) => l());
}

export const sessionStore = {
  get: () => current,
  unlock(session: Session & { dataKey: Uint8Array }) {
    set({ state: 'unlocked', session });
  },
  lock(username: string) {
    if (current.state !== 'unlocked') return;
    set({ state: 'locked', username, displayName: current.session.actor.name });
  },
  signOut() {
    set({ state: 'signed-out' });
    // Also from the new-password screen, where a session main verified was never unlocked here.
    endMainSession();
  },
};

export function useSessionState(): SessionState {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
  );
}
