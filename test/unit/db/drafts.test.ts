import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import dayjs from 'dayjs';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { StationDb } from '../../../renderer/src/db/database';
import { deleteDraft, listDrafts, loadDraft, saveDraft } from '../../../renderer/src/db/drafts';
import { FormDraftKeeper, flushOpenDrafts, registerKeeper } from '../../../renderer/src/shared/formDraftKeeper';
import { decodeFormValues, encodeFormValues } from '../../../renderer/src/ui/formDraftValues';
import type { Vault } from '../../../renderer/src/db/vault';
import { testVault } from './testVault';

const lawyer = { id: 'acc-lawyer', name: '张律师', role: 'lawyer' };
const other = { id: 'acc-other', name: '李律师', role: 'lawyer' };
const NEW = { kind: 'consultation' as const, slot: 'new' };
const half = { clientName: '赵𠮷', idNumber: '210102201005011234', question: '取保候审的条件' };

let db: StationDb;
let vault: Vault;
beforeEach(async () => {
  db = new StationDb('drafts', { indexedDB: new IDBFactory(), IDBKeyRange });
  vault = await testVault();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('drafts of open forms', () => {
  it('keeps the client only sealed: the stored row names nobody and holds no ID number', async () => {
    await saveDraft(db, vault, lawyer, { kind: 'consultation', slot: 'edit:c-1', recordId: 'c-1' }, half, { rev: 3 });
    const rows = await db.drafts.toArray();
    expect(rows).toHaveLength(1);
    const stored = JSON.stringify(rows[0]);
    expect(stored).not.toContain('赵𠮷');
    expect(stored).not.toContain('210102201005011234');
    expect(stored).not.toContain('取保候审');
    expect(Object.keys(rows[0]!).sort()).toEqual(['authorId', 'id', 'kind', 'recordId', 'sealed', 'updatedAt']);
    expect(rows[0]).toMatchObject({ authorId: 'acc-lawyer', kind: 'consultation', recordId: 'c-1' });
    const back = await loadDraft(db, vault, lawyer, { kind: 'consultation', slot: 'edit:c-1' });
    expect(back?.values).toEqual(half);
    expect(back?.context).toEqual({ rev: 3 });
  });

  it("never shows one account's draft to another, nor lets another remove it", async () => {
    const mine = await saveDraft(db, vault, lawyer, NEW, half);
    expect(await loadDraft(db, vault, other, NEW)).toBeUndefined();
    expect(await listDrafts(db, vault, other, ['consultation'])).toEqual([]);
    await deleteDraft(db, other, mine.id);
    expect((await listDrafts(db, vault, lawyer, ['consultation'])).map((d) => d.values)).toEqual([half]);
    // A row moved under another author's id does not open: the seal is bound to its id.
    const row = (await db.drafts.get(mine.id))!;
    const theirs = mine.id.replace(lawyer.id, other.id);
    await db.drafts.put({ ...row, id: theirs, authorId: other.id });
    expect(await loadDraft(db, vault, other, NEW)).toBeUndefined();
  });

  it("lists the author's drafts of a page newest first, one per open form", async () => {
    await saveDraft(db, vault, lawyer, NEW, { clientName: '甲' });
    await new Promise((r) => setTimeout(r, 5));
    await saveDraft(db, vault, lawyer, { kind: 'detainee_request', slot: 'new' }, { clientName: '乙' });
    await saveDraft(db, vault, lawyer, { kind: 'mediation', slot: 'new' }, { cause: '丙' });
    await saveDraft(db, vault, lawyer, NEW, { clientName: '甲二' });
    const listed = await listDrafts(db, vault, lawyer, ['consultation', 'detainee_request']);
    expect(listed.map((d) => d.values)).toEqual([{ clientName: '甲二' }, { clientName: '乙' }]);
  });

  it('writes the open form a moment after typing stops, at once on a lock, and removes it on save', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let values: Record<string, unknown> = { clientName: '赵' };
    const keeper = new FormDraftKeeper(db, vault, lawyer, NEW, () => values);
    const unregister = registerKeeper(keeper);
    keeper.changed();
    values = { clientName: '赵𠮷' };
    keeper.changed();
    await vi.advanceTimersByTimeAsync(100);
    expect(await db.drafts.count()).toBe(0);
    await vi.advanceTimersByTimeAsync(500);
    await keeper.flush();
    expect((await loadDraft(db, vault, lawyer, NEW))?.values).toEqual({ clientName: '赵𠮷' });

    // A lock does not wait for the pause: the last key is written before the key is dropped.
    values = { clientName: '赵𠮷', question: '咨' };
    keeper.changed();
    await flushOpenDrafts();
    expect((await loadDraft(db, vault, lawyer, NEW))?.values).toEqual(values);

    // Saved while a write is still under way: the draft is gone and stays gone.
    values = { clientName: '赵𠮷', question: '咨询' };
    keeper.changed();
    void keeper.flush();
    await keeper.close();
    keeper.changed();
    await vi.advanceTimersByTimeAsync(1000);
    await keeper.flush();
    expect(await db.drafts.count()).toBe(0);
    unregister();
  });

  it('restores a draft with its dates as dates, and marks the form as holding unsaved content', async () => {
    const time = dayjs('2026-11-20T09:30:00+08:00');
    await saveDraft(db, vault, lawyer, NEW, encodeFormValues({ clientName: '赵𠮷', time, parties: [{ name: '甲', date: time }], empty: undefined }));
    const keeper = new FormDraftKeeper(db, vault, lawyer, NEW, () => ({}));
    expect(keeper.dirty).toBe(false);
    const found = await keeper.restore();
    expect(keeper.dirty).toBe(true);
    expect(keeper.getState().restoredAt).toBe(found?.updatedAt);
    const values = decodeFormValues(found?.values) as { time: dayjs.Dayjs; parties: { date: dayjs.Dayjs }[] };
    expect(dayjs.isDayjs(values.time) && values.time.valueOf()).toBe(time.valueOf());
    expect(dayjs.isDayjs(values.parties[0]!.date)).toBe(true);
    // 放弃草稿: gone, and the form starts clean.
    await keeper.discard();
    expect(keeper.dirty).toBe(false);
    expect(await db.drafts.count()).toBe(0);
  });
});
