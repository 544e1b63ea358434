export const IDLE_LOCK_MS = 5 * 60_000;
const IDLE_KEY = 'station.idleLockMinutes';

/** The idle time before the window locks: a per-computer setting, default 5 minutes. */
export function idleLockMs(): number {
  const minutes = Number(localStorage.getItem(IDLE_KEY));
  return Number.isFinite(minutes) && minutes > 0 ? minutes * 60_000 : IDLE_LOCK_MS;
}

export function setIdleLockMinutes(minutes: number): void {
  localStorage.setItem(IDLE_KEY, String(minutes));
}
