import { SEE_ALL } from '../viewers';
import { beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { StationDb } from '../../../renderer/src/db/database';
import { createMediation, overdueMediations } from '../../../renderer/src/db/mediations';
import { mediationInputSchema } from '../../../core/mediations/schema';
import { DEFAULT_ENUMERATIONS } from '../../../core/domain/enums';
import type { Vault } from '../../../renderer/src/db/vault';
import { testVault } from './testVault';
import { mediationFixture } from '../core/mediationFixture';

const lawyer = { id: 'lawyer-a', name: '张律师', role: 'lawyer' };

let db: StationDb;
let vault: Vault;
beforeEach(async () => {
  db = new StationDb('phones', { indexedDB: new IDBFactory(), IDBKeyRange });
  vault = await testVault();
});

const parties = [
  { name: '赵𠮷', role: 'applicant', phone: '138 0400 1234' },
  { name: '沈阳某建筑劳务有限公司', role: 'respondent', phone: '（024）2345 6789' },
];

describe("the parties' phone numbers on a mediation", () => {
  it('the overdue follow-up list has every party’s number, sealed in the record, normalised', async () => {
    await createMediation(
      db,
      vault,
      DEFAULT_ENUMERATIONS,
      mediationFixture({ type: 'in_litigation', paymentDeadline: '2026-12-01', amountRecovered: '', parties }),
      lawyer,
    );
    const [late] = await overdueMediations(db, vault, SEE_ALL, '2026-12-02');
    expect(late!.parties.map((p) => p.phone)).toEqual(['13804001234', '024-23456789']);
    expect(JSON.stringify(await db.mediations.toArray())).not.toContain('13804001234');
  });

  it('a wrong number is refused at the party’s phone field, and none is needed', () => {
    const bad = mediationInputSchema(DEFAULT_ENUMERATIONS).safeParse(mediationFixture({ parties: [{ ...parties[0], phone: '12345' }, parties[1]] }));
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.path).toEqual(['parties', 0, 'phone']);
    expect(mediationInputSchema(DEFAULT_ENUMERATIONS).safeParse(mediationFixture()).success).toBe(true);
  });
});
