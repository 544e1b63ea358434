import { beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { DEFAULT_ENUMERATIONS } from '../../../core/domain/enums';
import { createConsultationInputSchema } from '../../../core/consultations/schema';
import { StationDb } from '../../../renderer/src/db/database';
import { consultationStore, createConsultation, deleteConsultation, editConsultation, undeleteConsultation } from '../../../renderer/src/db/consultations';
import { historyWithValues } from '../../../renderer/src/db/history';
import type { Vault } from '../../../renderer/src/db/vault';
import { testVault } from './testVault';
import { contact } from '../core/contactFixture';

const lawyer = { id: 'lawyer-a', name: '张律师', role: 'lawyer' };
let db: StationDb;
let vault: Vault;
beforeEach(async () => {
  db = new StationDb('history', { indexedDB: new IDBFactory(), IDBKeyRange });
  vault = await testVault();
});

const form = (overrides: Record<string, unknown>) => createConsultationInputSchema(DEFAULT_ENUMERATIONS).parse(contact(overrides));

describe('edit history with old and new values (issue 20 item 17)', () => {
  it('shows what each edit changed, field by field, from the revisions kept sealed', async () => {
    const c = await createConsultation(db, vault, DEFAULT_ENUMERATIONS, contact({ phone: '13800138000' }), lawyer);
    const second = await editConsultation(db, vault, DEFAULT_ENUMERATIONS, c.id, form({ cause: '诈骗罪', phone: '13800138000' }), lawyer, 1);
    // The phone emptied in the third edit: a value that is gone shows as gone.
    await editConsultation(
      db,
      vault,
      DEFAULT_ENUMERATIONS,
      c.id,
      form({ cause: '诈骗罪', helpTypes: ['legal_consultation', 'procedure_advice'] }),
      lawyer,
      second.rev,
    );
    await deleteConsultation(db, vault, c.id, lawyer);
    await undeleteConsultation(db, vault, c.id, lawyer);

    const history = await historyWithValues(consultationStore(db, vault), c.id);
    expect(history.map((h) => h.action)).toEqual(['create', 'update', 'update', 'delete', 'restore']);
    expect(history[1]!.changes).toEqual([{ field: 'cause', before: '盗窃罪', after: '诈骗罪' }]);
    expect(history[2]!.changes).toEqual([
      { field: 'helpTypes', before: ['legal_consultation'], after: ['legal_consultation', 'procedure_advice'] },
      { field: 'phone', before: '13800138000' },
    ]);
    expect(history[0]!.changes).toBeUndefined();
  });

  it('keeps earlier revisions sealed, and names only the fields of edits made before revisions were kept', async () => {
    const c = await createConsultation(db, vault, DEFAULT_ENUMERATIONS, contact({ clientName: '王𠮷' }), lawyer);
    await editConsultation(db, vault, DEFAULT_ENUMERATIONS, c.id, form({ clientName: '王𠮷', cause: '诈骗罪' }), lawyer, 1);
    const kept = await db.revisions.toArray();
    expect(kept).toHaveLength(1);
    expect(JSON.stringify(kept)).not.toContain('王𠮷');
    expect(JSON.stringify(kept)).not.toContain('盗窃罪');

    await db.revisions.clear();
    const [, update] = await historyWithValues(consultationStore(db, vault), c.id);
    expect(update).toMatchObject({ action: 'update', fields: ['cause'] });
    expect(update!.changes).toBeUndefined();
  });
});
