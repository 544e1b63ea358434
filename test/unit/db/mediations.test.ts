import { SEE_ALL } from '../viewers';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_ENUMERATIONS, mergeEnumerations } from '../../../core/domain/enums';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { StationDb } from '../../../renderer/src/db/database';
import {
  createMediation,
  deleteMediation,
  editMediation,
  getMediation,
  markMediationPaid,
  mediationsBetween,
  overdueMediations,
} from '../../../renderer/src/db/mediations';
import { pendingSummary } from '../../../renderer/src/db/batches';
import type { Vault } from '../../../renderer/src/db/vault';
import { testVault } from './testVault';
import { mediationFixture } from '../core/mediationFixture';

const lawyer = { id: 'lawyer-a', name: '张律师', role: 'lawyer' };
const staff = { id: 'staff-1', name: '周干事', role: 'staff' };
const otherLawyer = { id: 'lawyer-b', name: '钱律师', role: 'lawyer' };
const supervisor = { id: 'sup-1', name: '李主任', role: 'supervisor' };

function mediation(overrides: Record<string, unknown> = {}) {
  return mediationFixture({ type: 'in_litigation', paymentDeadline: '2026-12-01', amountRecovered: '', ...overrides });
}

let db: StationDb;
let vault: Vault;
beforeEach(async () => {
  db = new StationDb('m', { indexedDB: new IDBFactory(), IDBKeyRange });
  vault = await testVault();
});

describe('mediation records', () => {
  it('keeps parties, terms and amounts sealed; only dates and links in the clear', async () => {
    const m = await createMediation(db, vault, DEFAULT_ENUMERATIONS, mediation(), lawyer);
    const row = (await db.mediations.get(m.id))!;
    expect(JSON.stringify(row)).not.toContain('赵𠮷');
    expect(JSON.stringify(row)).not.toContain('38500');
    expect(row).toMatchObject({ date: '2026-11-20', openDeadline: '2026-12-01', lawyerIds: ['lawyer-a'], ownerId: 'lawyer-a' });
  });

  it('lists agreements past their deadline until the payment is recorded', async () => {
    const late = await createMediation(db, vault, DEFAULT_ENUMERATIONS, mediation(), lawyer);
    await createMediation(db, vault, DEFAULT_ENUMERATIONS, mediation({ paymentDeadline: '2026-12-30' }), lawyer);
    await createMediation(
      db,
      vault,
      DEFAULT_ENUMERATIONS,
      mediation({ outcome: 'no_agreement', terms: '', amountAgreed: '', paymentMethod: '', paymentDeadline: '' }),
      lawyer,
    );
    expect((await overdueMediations(db, vault, SEE_ALL, '2026-12-01')).map((m) => m.id)).toEqual([]);
    expect((await overdueMediations(db, vault, SEE_ALL, '2026-12-02')).map((m) => m.id)).toEqual([late.id]);
    const paid = await markMediationPaid(db, vault, DEFAULT_ENUMERATIONS, late.id, '2026-12-03', lawyer);
    expect(paid.paidAt).toBe('2026-12-03');
    expect(paid.rev).toBe(2);
    expect(await overdueMediations(db, vault, SEE_ALL, '2026-12-10')).toEqual([]);
  });

  it('lists a period without tombstones, travels in the next batch, and refuses roles without the right', async () => {
    const a = await createMediation(db, vault, DEFAULT_ENUMERATIONS, mediation(), lawyer);
    const b = await createMediation(db, vault, DEFAULT_ENUMERATIONS, mediation({ date: '2026-11-21' }), lawyer);
    await deleteMediation(db, vault, a.id, lawyer);
    expect((await mediationsBetween(db, vault, SEE_ALL, '2026-11-01', '2026-11-30')).map((m) => m.id)).toEqual([b.id]);
    expect((await pendingSummary(db)).counts.mediations).toBe(2);
    await expect(createMediation(db, vault, DEFAULT_ENUMERATIONS, mediation(), staff)).rejects.toThrow();
  });

  it("saves a mediation of a type the province added, and marks it paid with the station's lists", async () => {
    const enums = mergeEnumerations(DEFAULT_ENUMERATIONS, { mediationTypes: [{ code: 'labour_union', label: '工会劳动争议调解' }] });
    const added = mediation({ type: 'labour_union' });
    const m = await createMediation(db, vault, enums, added, lawyer);
    expect(m.type).toBe('labour_union');
    const paid = await markMediationPaid(db, vault, enums, m.id, '2026-12-03', lawyer);
    expect(paid.paidAt).toBe('2026-12-03');
    // The default lists alone refuse the province's type: that is what the station's lists prevent.
    await expect(createMediation(db, vault, DEFAULT_ENUMERATIONS, added, lawyer)).rejects.toThrow('调解类型');
  });

  it('lets only its owner or a supervisor change a mediation, by the mediation rights, not the consultation ones', async () => {
    const m = await createMediation(db, vault, DEFAULT_ENUMERATIONS, mediation(), lawyer);
    const edited = mediation({ terms: '被告于十日内一次性支付' });
    for (const intruder of [otherLawyer, staff]) {
      await expect(editMediation(db, vault, DEFAULT_ENUMERATIONS, m.id, edited, intruder, 1)).rejects.toThrow(
        /只能修改或删除自己登记的记录|没有此项操作的权限/,
      );
      await expect(markMediationPaid(db, vault, DEFAULT_ENUMERATIONS, m.id, '2026-12-03', intruder)).rejects.toThrow(
        /只能修改或删除自己登记的记录|没有此项操作的权限/,
      );
      await expect(deleteMediation(db, vault, m.id, intruder)).rejects.toThrow(/只能修改或删除自己登记的记录|没有此项操作的权限/);
    }
    expect((await getMediation(db, vault, SEE_ALL, m.id))?.rev).toBe(1);
    // Staff may edit their own consultations; that right does not reach a mediation they own.
    const other = await createMediation(db, vault, DEFAULT_ENUMERATIONS, mediation(), lawyer);
    await db.mediations.update(other.id, { ownerId: staff.id });
    await expect(deleteMediation(db, vault, other.id, staff)).rejects.toThrow('没有此项操作的权限');

    const bySupervisor = await editMediation(db, vault, DEFAULT_ENUMERATIONS, m.id, edited, supervisor, 1);
    expect(bySupervisor.ownerId).toBe(lawyer.id);
    expect((await markMediationPaid(db, vault, DEFAULT_ENUMERATIONS, m.id, '2026-12-03', lawyer)).rev).toBe(3);
    await deleteMediation(db, vault, m.id, lawyer);
    expect((await getMediation(db, vault, SEE_ALL, m.id))?.deleted).toBe(true);
  });
});
