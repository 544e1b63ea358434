import type { StationDb } from '../db/database';
import type { Vault } from '../db/vault';
import type { Actor } from '../db/repository';
import { deleteDraft, draftIdOf, loadDraft, saveDraft, type DraftSlot, type StoredDraft } from '../db/drafts';

/** How long typing must pause before the open form is written: a draft a moment behind, not one write per key. */
export const DRAFT_DELAY_MS = 500;

export interface DraftKeeperState {
  /** When the draft this form was restored from had been written. */
  restoredAt: string | null;
  /** When this form's draft was last written. */
  savedAt: string | null;
  /** The last write failed (the form still holds everything). */
  failed: boolean;
}

/**
 * Keeps one open form as a sealed draft: written a moment after each change, at once when
 * the window locks or the form goes away, and removed when the form is saved or discarded.
 * Writes and removals run one after another, so a write still under way when the form is
 * saved cannot bring the draft back.
 */
export class FormDraftKeeper {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private queue: Promise<void> = Promise.resolve();
  private closed = false;
  private changedSinceOpen = false;
  private state: DraftKeeperState = { restoredAt: null, savedAt: null, failed: false };
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly db: StationDb,
    private readonly vault: Vault,
    private readonly author: Actor,
    private readonly where: DraftSlot,
    /** The form's values, read at write time. */
    private readonly read: () => unknown,
    private readonly delayMs = DRAFT_DELAY_MS,
  ) {}

  private context: () => Record<string, string | number> = () => ({});

  /** What reopens the form in the same place (a record's revision, the request it answers), read at write time. */
  setContext(context: () => Record<string, string | number>): void {
    this.context = context;
  }

  get id(): string {
    return draftIdOf(this.vault, this.author.id, this.where);
  }

  /** True when the form holds something not saved: typed since it opened, or restored from a draft. */
  get dirty(): boolean {
    return this.changedSinceOpen || this.state.restoredAt !== null;
  }

  getState(): DraftKeeperState {
    return this.state;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(patch: Partial<DraftKeeperState>) {
    this.state = { ...this.state, ...patch };
    for (const l of [...this.listeners]) l();
  }

  /** The author's earlier draft of this form, marked as restored (the caller puts the values back). */
  async restore<V>(): Promise<StoredDraft<V> | undefined> {
    const found = await loadDraft<V>(this.db, this.vault, this.author, this.where);
    if (found && !this.closed) this.set({ restoredAt: found.updatedAt });
    return found;
  }

  /** Called on every change of the form. */
  changed(): void {
    if (this.closed) return;
    this.changedSinceOpen = true;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.write();
    }, this.delayMs);
  }

  private write(): void {
    this.queue = this.queue.then(async () => {
      if (this.closed) return;
      try {
        const saved = await saveDraft(this.db, this.vault, this.author, this.where, this.read(), this.context());
        this.set({ savedAt: saved.updatedAt, failed: false });
      } catch {
        this.set({ failed: true });
      }
    });
  }

  /** Writes a change still waiting for its moment now (a lock, a sign-out, the form going away). */
  flush(): Promise<void> {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
      this.write();
    }
    return this.queue;
  }

  /** The draft goes; the form stays open and a later change starts a new draft. */
  discard(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.changedSinceOpen = false;
    this.set({ restoredAt: null, savedAt: null, failed: false });
    return this.remove();
  }

  /** The form was saved (or abandoned on purpose): the draft goes and nothing is written again. */
  close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.changedSinceOpen = false;
    this.set({ restoredAt: null });
    return this.remove();
  }

  private remove(): Promise<void> {
    this.queue = this.queue.then(() => deleteDraft(this.db, this.author, this.id).catch(() => undefined));
    return this.queue;
  }
}

// --- the open forms of this window --------------------------------------------------------

const open = new Set<FormDraftKeeper>();

export function registerKeeper(keeper: FormDraftKeeper): () => void {
  open.add(keeper);
  return () => open.delete(keeper);
}

/** Before the window locks or the user signs out: every open form's last change is written. */
export async function flushOpenDrafts(): Promise<void> {
  await Promise.all([...open].map((k) => k.flush().catch(() => undefined)));
}

/** The open forms holding something not saved. */
export function dirtyKeepers(): FormDraftKeeper[] {
  return [...open].filter((k) => k.dirty);
}
