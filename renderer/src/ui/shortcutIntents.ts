/**
 * Keyboard shortcuts that open something on a page which may not be loaded yet.
 *
 * The shell hears the key (it is always there); the page takes the intent when it mounts
 * or, when it is already open, as soon as it is posted. A key pressed while a page's chunk
 * is still being fetched is therefore not lost.
 */
export type ShortcutIntent = 'new-contact';

const pending = new Set<ShortcutIntent>();
const listeners = new Set<() => void>();

export function postIntent(intent: ShortcutIntent): void {
  pending.add(intent);
  for (const listener of [...listeners]) listener();
}

/** True once for each posted intent: the first taker consumes it. */
export function takeIntent(intent: ShortcutIntent): boolean {
  return pending.delete(intent);
}

export function onIntent(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Forgets what was not taken: a press before a lock or sign-out does not reach the next session. */
export function clearIntents(): void {
  pending.clear();
}
