import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_ENUMERATIONS } from '../../../core/domain/enums';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { StationDb } from '../../../renderer/src/db/database';
import { annotateShift, endShift, openShifts, ShiftAlreadyOpenError, shiftsBetween, startShift } from '../../../renderer/src/db/shifts';
import { createConsultation } from '../../../renderer/src/db/consultations';
import { createMediation } from '../../../renderer/src/db/mediations';
import { pendingSummary } from '../../../renderer/src/db/batches';
import type { Vault } from '../../../renderer/src/db/vault';
import { historyOf } from '../../../renderer/src/db/repository';
import { toRfc3339 } from '../../../core/time/rfc3339';
import { testVault } from './testVault';
import { contact } from '../core/contactFixture';
import { mediationFixture } from '../core/mediationFixture';

const lawyerA = { id: 'acct-a', name: '张律师', role: 'lawyer', lawyerId: 'lawyer-a' };
const lawyerB = { id: 'acct-b', name: '李律师', role: 'lawyer', lawyerId: 'lawyer-b' };
const supervisor = { id: 'acct-s', name: '王主任', role: 'supervisor' };
const staff = { id: 'acct-st', name: '周干事', role: 'staff' };

let db: StationDb;
let vault: Vault;
beforeEach(async () => {
  db = new StationDb('s', { indexedDB: new IDBFactory(), IDBKeyRange });
  vault = await testVault();
});

const hourAgo = () => toRfc3339(new Date(Date.now() - 3_600_000));
const start = (actor: typeof lawyerA | typeof supervisor, lawyerId = 'lawyer-a') =>
  startShift(db, vault, { lawyerId, place: 'court_service_centre', startedAt: hourAgo() }, actor, DEFAULT_ENUMERATIONS);

describe('shifts', () => {
  it('puts what a lawyer logs while signed in into the shift, and nothing after the sign-out', async () => {
    const shift = await start(lawyerA);
    const during = await createConsultation(db, vault, DEFAULT_ENUMERATIONS, contact({ time: toRfc3339() }), lawyerA);
    const other = await createConsultation(db, vault, DEFAULT_ENUMERATIONS, contact({ time: toRfc3339(), lawyerId: 'lawyer-b' }), lawyerB);
    const mediation = await createMediation(db, vault, DEFAULT_ENUMERATIONS, mediationFixture({ lawyerIds: ['lawyer-b', 'lawyer-a'] }), lawyerA);
    expect(during.shiftId).toBe(shift.id);
    expect(other.shiftId).toBeUndefined();
    expect(mediation.shiftId).toBe(shift.id);

    const ended = await endShift(
      db,
      vault,
      shift.id,
      { endedAt: toRfc3339(), handoverNotes: '交接：刘某材料待补' },
      async () => ({ consultations: 1 }) as never,
      lawyerA,
    );
    expect(ended).toMatchObject({ rev: 2, handoverNotes: '交接：刘某材料待补', log: { consultations: 1 } });
    const after = await createConsultation(db, vault, DEFAULT_ENUMERATIONS, contact({ time: toRfc3339() }), lawyerA);
    expect(after.shiftId).toBeUndefined();
    expect(await openShifts(db, vault)).toEqual([]);
  });

  it('keeps one open shift per lawyer, lets only the lawyer or the supervisor sign', async () => {
    const first = await start(lawyerA);
    await expect(start(lawyerA)).rejects.toBeInstanceOf(ShiftAlreadyOpenError);
    await expect(start(lawyerA, 'lawyer-b')).rejects.toThrow('只能为本人签到、签退');
    await expect(
      startShift(db, vault, { lawyerId: 'lawyer-a', place: 'court_service_centre', startedAt: hourAgo() }, staff, DEFAULT_ENUMERATIONS),
    ).rejects.toThrow();
    const forB = await start(supervisor, 'lawyer-b');
    expect((await openShifts(db, vault)).map((s) => s.id)).toEqual([first.id, forB.id]);
    await expect(endShift(db, vault, forB.id, { endedAt: toRfc3339() }, async () => ({}) as never, lawyerA)).rejects.toThrow('只能为本人签到、签退');
    await endShift(db, vault, forB.id, { endedAt: toRfc3339() }, async () => ({}) as never, supervisor);
    await expect(endShift(db, vault, forB.id, { endedAt: toRfc3339() }, async () => ({}) as never, supervisor)).rejects.toThrow('该班次已签退');
  });

  it("never changes a frozen log; the shift's lawyer or a supervisor writes notes beside it (issue 20 item 5)", async () => {
    const shift = await start(lawyerA);
    await expect(annotateShift(db, vault, shift.id, '漏记一人次', lawyerA)).rejects.toThrow('签退后才能为值班日志添加说明');
    await endShift(db, vault, shift.id, { endedAt: toRfc3339() }, async () => ({ consultations: 3 }) as never, lawyerA);
    await expect(annotateShift(db, vault, shift.id, '  ', lawyerA)).rejects.toThrow('请填写说明');
    await expect(annotateShift(db, vault, shift.id, '不是我的班次', lawyerB)).rejects.toThrow('只能为本人签到、签退');
    await annotateShift(db, vault, shift.id, '15时接待的刘某漏记，已补登', lawyerA);
    const noted = await annotateShift(db, vault, shift.id, '已核实', supervisor);
    expect(noted.log).toEqual({ consultations: 3 });
    expect(noted.annotations?.map((a) => [a.byName, a.text])).toEqual([
      ['张律师', '15时接待的刘某漏记，已补登'],
      ['王主任', '已核实'],
    ]);
    expect((await historyOf(db, 'shifts', shift.id)).at(-1)).toMatchObject({ action: 'update', actorId: supervisor.id, fields: ['annotations'] });
  });

  it('seals the place and notes, lists by day, and travels in the next batch', async () => {
    const shift = await start(lawyerA);
    await endShift(db, vault, shift.id, { endedAt: toRfc3339(), handoverNotes: '刘某材料待补' }, async () => ({}) as never, lawyerA);
    const row = (await db.shifts.get(shift.id))!;
    expect(JSON.stringify(row)).not.toContain('刘某');
    expect(row.openLawyerId).toBeUndefined();
    const day = shift.startedAt.slice(0, 10);
    expect((await shiftsBetween(db, vault, day, day)).map((s) => s.id)).toEqual([shift.id]);
    expect((await pendingSummary(db)).counts.shifts).toBe(1);
  });
});
