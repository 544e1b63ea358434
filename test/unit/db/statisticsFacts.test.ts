import { SEE_ALL } from '../viewers';
import { beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { StationDb } from '../../../renderer/src/db/database';
import { createConsultation, deleteConsultation, editConsultation, loadConsultations } from '../../../renderer/src/db/consultations';
import { consultationIndexBetween, FACTS_BUILT, factsBetween } from '../../../renderer/src/db/statFacts';
import { computeStatistics } from '../../../core/statistics/compute';
import { DEFAULT_ENUMERATIONS } from '../../../core/domain/enums';
import { consultationFactsOf } from '../../../renderer/src/db/recordFacts';
import { createMediation } from '../../../renderer/src/db/mediations';
import { saveNewDocument, saveNewVersion } from '../../../renderer/src/db/documents';
import { createHash } from 'node:crypto';
import type { Vault } from '../../../renderer/src/db/vault';
import { testVault } from './testVault';
import { contact } from '../core/contactFixture';
import { mediationFixture } from '../core/mediationFixture';

const lawyer = { id: 'lawyer-a', name: '张律师', role: 'lawyer' };
let db: StationDb;
let vault: Vault;
beforeEach(async () => {
  db = new StationDb('f', { indexedDB: new IDBFactory(), IDBKeyRange });
  vault = await testVault();
});

const sortById = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));

async function truth(from: string, to: string) {
  const rows = await db.consultations.toArray();
  const live = (
    await loadConsultations(
      db,
      vault,
      SEE_ALL,
      rows.map((r) => r.id),
    )
  ).filter((c) => !c.deleted && c.time.slice(0, 10) >= from && c.time.slice(0, 10) <= to);
  return sortById(live.map(consultationFactsOf));
}

describe('statistics facts kept in day buckets', () => {
  it("carry the place, the stage and a lawyer's own transfer (Art. 39 para. 2) through the summed buckets into the statistics", async () => {
    await createConsultation(
      db,
      vault,
      DEFAULT_ENUMERATIONS,
      contact({ time: '2026-11-02T09:00:00+08:00', legalAidOutcome: 'transferred', place: 'procuratorate', criminalStage: 'prosecution_review' }),
      lawyer,
    );
    await createConsultation(
      db,
      vault,
      DEFAULT_ENUMERATIONS,
      contact({
        time: '2026-11-02T10:00:00+08:00',
        caseType: 'civil',
        criminalStage: '',
        clientRole: 'party',
        helpTypes: ['legal_consultation'],
        place: 'court_service_centre',
      }),
      lawyer,
    );
    const period = await factsBetween(db, vault, '2026-11-01', '2026-11-30');
    const r = computeStatistics({
      period: { from: '2026-11-01', to: '2026-11-30' },
      ...period,
      lawyers: [{ id: 'lawyer-a', name: '张律师' }],
      enums: DEFAULT_ENUMERATIONS,
      now: Date.parse('2026-11-30T12:00:00+08:00'),
    });
    // Never marked: still pending on 11-30, so overdue, and counted as transferred like a staff request.
    expect(r.total.legalAid).toMatchObject({ transferred: 1, overdueTransfers: 1 });
    expect(r.byStage.map((s) => [s.label, s.figures.consultations])).toEqual([
      ['审查起诉', 1],
      ['非刑事案件', 1],
    ]);
    expect(r.byPlace.map((s) => [s.label, s.figures.legalAid.transferred])).toEqual([
      ['法院诉讼服务中心', 0],
      ['检察院', 1],
    ]);
  });

  it('follow every create, edit (also to another day) and delete, sealed', async () => {
    const a = await createConsultation(
      db,
      vault,
      DEFAULT_ENUMERATIONS,
      contact({ time: '2026-11-02T09:00:00+08:00', specialGroups: ['migrant_worker'] }),
      lawyer,
    );
    const b = await createConsultation(db, vault, DEFAULT_ENUMERATIONS, contact({ time: '2026-11-02T10:00:00+08:00' }), lawyer);
    const c = await createConsultation(db, vault, DEFAULT_ENUMERATIONS, contact({ time: '2026-11-03T10:00:00+08:00', legalAidOutcome: 'applied' }), lawyer);
    await editConsultation(
      db,
      vault,
      DEFAULT_ENUMERATIONS,
      b.id,
      { ...contact({ time: '2026-11-05T10:00:00+08:00', helpTypes: ['legal_consultation', 'plea_signing_presence'] }) },
      lawyer,
      b.rev,
    );
    await deleteConsultation(db, vault, c.id, lawyer);
    const facts = sortById(await consultationIndexBetween(db, vault, '2026-11-01', '2026-11-30'));
    expect(facts).toEqual(await truth('2026-11-01', '2026-11-30'));
    expect(facts.map((f) => f.id).sort()).toEqual([a.id, b.id].sort());
    expect((await consultationIndexBetween(db, vault, '2026-11-05', '2026-11-05')).map((f) => f.helpTypes)).toEqual([
      ['legal_consultation', 'plea_signing_presence'],
    ]);
    expect(await consultationIndexBetween(db, vault, '2026-11-03', '2026-11-03')).toEqual([]);
    const raw = JSON.stringify(await db.statFacts.toArray());
    expect(raw).not.toContain('migrant_worker');
    expect(raw).not.toContain('lawyer-a');
  });

  it('are rebuilt from the records when the buckets were never built (an older database or backup)', async () => {
    for (let i = 0; i < 7; i++) await createConsultation(db, vault, DEFAULT_ENUMERATIONS, contact({ time: `2026-11-0${1 + (i % 3)}T09:00:00+08:00` }), lawyer);
    await db.statFacts.clear();
    await db.meta.delete(FACTS_BUILT);
    expect(sortById(await consultationIndexBetween(db, vault, '2026-11-01', '2026-11-30'))).toEqual(await truth('2026-11-01', '2026-11-30'));
    expect(await db.statFacts.count()).toBe(6);
    expect((await db.meta.get(FACTS_BUILT))?.value).toBe(true);
  });

  it('sum alike contacts of a day without changing any figure', async () => {
    for (let i = 0; i < 5; i++)
      await createConsultation(db, vault, DEFAULT_ENUMERATIONS, contact({ time: `2026-11-0${1 + (i % 2)}T09:0${i}:00+08:00` }), lawyer);
    await createConsultation(
      db,
      vault,
      DEFAULT_ENUMERATIONS,
      contact({ time: '2026-11-02T11:00:00+08:00', specialGroups: ['migrant_worker'], legalAidOutcome: 'applied' }),
      lawyer,
    );
    await createConsultation(
      db,
      vault,
      DEFAULT_ENUMERATIONS,
      contact({
        time: '2026-11-02T12:00:00+08:00',
        requestKind: 'legal_aid_application',
        receivedAt: '2026-11-01T12:00:00+08:00',
        legalAidOutcome: 'transferred',
      }),
      lawyer,
    );
    const summed = await factsBetween(db, vault, '2026-11-01', '2026-11-30');
    expect(summed.consultations.length).toBeLessThan(7);
    const input = {
      period: { from: '2026-11-01', to: '2026-11-30' },
      mediations: [],
      documents: [],
      lawyers: [{ id: 'lawyer-a', name: '张律师' }],
      enums: DEFAULT_ENUMERATIONS,
      now: Date.parse('2026-11-05T00:00:00+08:00'),
    };
    const fromSums = computeStatistics({ ...input, consultations: summed.consultations });
    const fromRecords = computeStatistics({ ...input, consultations: await truth('2026-11-01', '2026-11-30') });
    expect(fromSums).toEqual(fromRecords);
    expect(fromSums.total).toMatchObject({ consultations: 7, legalAid: { applied: 1, transferred: 1, overdueTransfers: 1 } });
  });

  it('count plea-leniency cases and statements witnessed, from the day sums as from the records', async () => {
    const plea = { criminalStage: 'prosecution_review', pleaLeniency: true };
    await createConsultation(db, vault, DEFAULT_ENUMERATIONS, contact({ time: '2026-11-04T09:00:00+08:00', ...plea }), lawyer);
    await createConsultation(
      db,
      vault,
      DEFAULT_ENUMERATIONS,
      contact({ time: '2026-11-04T10:00:00+08:00', ...plea, pledgeSigned: true, pledgeWitnessed: true }),
      lawyer,
    );
    await createConsultation(db, vault, DEFAULT_ENUMERATIONS, contact({ time: '2026-11-04T11:00:00+08:00' }), lawyer);
    const summed = await factsBetween(db, vault, '2026-11-01', '2026-11-30');
    const input = {
      period: { from: '2026-11-01', to: '2026-11-30' },
      mediations: [],
      documents: [],
      lawyers: [{ id: 'lawyer-a', name: '张律师' }],
      enums: DEFAULT_ENUMERATIONS,
      now: Date.parse('2026-11-05T00:00:00+08:00'),
    };
    const fromSums = computeStatistics({ ...input, consultations: summed.consultations });
    expect(fromSums.total).toMatchObject({ consultations: 3, pleaLeniencyCases: 2, pleaWitnessed: 1 });
    expect(fromSums).toEqual(computeStatistics({ ...input, consultations: await truth('2026-11-01', '2026-11-30') }));
  });

  it('lose nothing when records of the same day are saved at once', async () => {
    await Promise.all(
      Array.from({ length: 6 }, (_, i) => createConsultation(db, vault, DEFAULT_ENUMERATIONS, contact({ time: `2026-11-10T0${i}:00:00+08:00` }), lawyer)),
    );
    expect(await consultationIndexBetween(db, vault, '2026-11-10', '2026-11-10')).toHaveLength(6);
  });

  it('give a mediation the groups and case type of the contact it came from, even one before the period', async () => {
    const before = await createConsultation(
      db,
      vault,
      DEFAULT_ENUMERATIONS,
      contact({
        time: '2026-10-30T09:00:00+08:00',
        caseType: 'civil',
        clientRole: 'party',
        criminalStage: undefined,
        helpTypes: ['legal_consultation'],
        specialGroups: ['migrant_worker'],
      }),
      lawyer,
    );
    await createMediation(db, vault, DEFAULT_ENUMERATIONS, mediationFixture({ consultationIds: [before.id], date: '2026-11-20' }), lawyer);
    const facts = await factsBetween(db, vault, '2026-11-01', '2026-11-30');
    expect(facts.consultations).toEqual([]);
    expect(facts.mediations).toHaveLength(1);
    expect(facts.mediations[0]).toMatchObject({ specialGroups: ['migrant_worker'], caseType: 'civil', agreedFen: 3_850_000 });
  });

  it('count a document once, at its first version, under the groups of its contact; shift logs not at all', async () => {
    const c = await createConsultation(
      db,
      vault,
      DEFAULT_ENUMERATIONS,
      contact({ time: '2026-11-03T09:00:00+08:00', specialGroups: ['migrant_worker'] }),
      lawyer,
    );
    const pdf = Buffer.from('%PDF-1.7 x');
    const base = {
      kind: 'legal_aid_application',
      title: '法律援助申请表',
      values: {},
      clientName: '王𠮷',
      caseNumber: '',
      sourceType: 'consultation' as const,
      sourceId: c.id,
      lawyerId: 'lawyer-a',
      pages: 1,
      pdf: pdf.toString('base64'),
      pdfSha256: createHash('sha256').update(pdf).digest('hex'),
    };
    const first = await saveNewDocument(db, vault, base, { year: 2026, sequence: 1, stationCode: 'S1' }, lawyer);
    await saveNewVersion(db, vault, first, base, lawyer);
    // Shift logs are numbered in a register of their own: this is the first.
    await saveNewDocument(
      db,
      vault,
      { ...base, kind: 'shift_log', sourceType: 'shift', sourceId: 'shift-1' },
      { year: 2026, sequence: 1, stationCode: 'S1' },
      lawyer,
    );
    const day = first.createdAt.slice(0, 10);
    const facts = await factsBetween(db, vault, day, day);
    expect(facts.documents).toEqual([
      expect.objectContaining({ id: first.id, kind: 'legal_aid_application', specialGroups: ['migrant_worker'], caseType: 'criminal' }),
    ]);
  });
});
