import type { DraftRow, StationDb } from './database';
import type { Vault } from './vault';
import type { Actor } from './repository';
import { toRfc3339 } from '../../../core/time/rfc3339';

export type DraftKind = DraftRow['kind'];

/**
 * Where an open form is: its kind, and within the kind what tells two open forms apart
 * (`new`, `edit:<id>`, a document's kind and source). Sealed inside the draft and blinded
 * in its id, so the id says nothing of the client.
 */
export interface DraftSlot {
  kind: DraftKind;
  slot: string;
  /** The record the form edits. */
  recordId?: string;
}

export interface StoredDraft<V = unknown> extends DraftSlot {
  id: string;
  authorId: string;
  updatedAt: string;
  /** The form's values (dates as tagged strings, see ui/formDraftValues.ts). */
  values: V;
  /** What the form needs to reopen in the same place (a route, a record's revision). */
  context: Record<string, string | number>;
}

interface SealedDraft {
  slot: string;
  values: unknown;
  context: Record<string, string | number>;
}

const TYPE = 'drafts';

export function draftIdOf(vault: Vault, authorId: string, where: DraftSlot): string {
  return `${authorId}:${where.kind}:${vault.blind(`draft/${where.kind}/${where.slot}`)}`;
}

/** Writes (or overwrites) the author's draft of one open form, sealed under the data key. */
export async function saveDraft<V>(
  db: StationDb,
  vault: Vault,
  author: Actor,
  where: DraftSlot,
  values: V,
  context: Record<string, string | number> = {},
): Promise<StoredDraft<V>> {
  const id = draftIdOf(vault, author.id, where);
  const updatedAt = toRfc3339();
  const sealed = await vault.seal(TYPE, id, { slot: where.slot, values, context } satisfies SealedDraft);
  const row: DraftRow = { id, authorId: author.id, kind: where.kind, updatedAt, sealed, ...(where.recordId ? { recordId: where.recordId } : {}) };
  await db.drafts.put(row);
  return { ...where, id, authorId: author.id, updatedAt, values, context };
}

async function openRow<V>(vault: Vault, row: DraftRow): Promise<StoredDraft<V> | undefined> {
  try {
    const inner = await vault.open<SealedDraft>(TYPE, row.id, row.sealed);
    return {
      id: row.id,
      authorId: row.authorId,
      kind: row.kind,
      slot: inner.slot,
      updatedAt: row.updatedAt,
      values: inner.values as V,
      context: inner.context,
      ...(row.recordId ? { recordId: row.recordId } : {}),
    };
  } catch {
    // Sealed under another station's key (a restored backup) or damaged: nothing to offer.
    return undefined;
  }
}

/** The author's draft of one form, if there is one. Another account's draft is never read. */
export async function loadDraft<V>(db: StationDb, vault: Vault, author: Actor, where: DraftSlot): Promise<StoredDraft<V> | undefined> {
  const row = await db.drafts.get(draftIdOf(vault, author.id, where));
  if (!row || row.authorId !== author.id) return undefined;
  return openRow<V>(vault, row);
}

/** The author's drafts of the given kinds, newest first. */
export async function listDrafts(db: StationDb, vault: Vault, author: Actor, kinds: readonly DraftKind[]): Promise<StoredDraft[]> {
  const rows = await db.drafts.where('authorId').equals(author.id).toArray();
  const mine = rows.filter((r) => kinds.includes(r.kind)).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  const opened = await Promise.all(mine.map((r) => openRow(vault, r)));
  return opened.filter((d): d is StoredDraft => d !== undefined);
}

/** Removes the author's draft (saved or discarded); another account's draft is left alone. */
export async function deleteDraft(db: StationDb, author: Actor, id: string): Promise<void> {
  // A delete by the author index, not by key after a read: Dexie's live queries (the draft
  // banner lists by author) then learn of it even when they start as it commits.
  await db.drafts
    .where('authorId')
    .equals(author.id)
    .filter((r) => r.id === id)
    .delete();
}
