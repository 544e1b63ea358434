import { describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { StationDb } from '../../../renderer/src/db/database';
import { consultationStore } from '../../../renderer/src/db/consultations';
import { mediationStore } from '../../../renderer/src/db/mediations';
import { shiftStore } from '../../../renderer/src/db/shifts';
import { documentStore } from '../../../renderer/src/db/documents';
import type { RecordCodec } from '../../../renderer/src/db/repository';
import { testVault } from './testVault';

const base = {
  id: '3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b',
  rev: 1,
  createdAt: '2026-11-20T09:00:00+08:00',
  updatedAt: '2026-11-20T09:00:00+08:00',
  deleted: false,
  ownerId: 'lawyer-a',
};
// A field a later version might add: whatever its name, it must not reach the disk readable.
const SECRET = '新增字段里的当事人隐私𠮷';

const records: Record<string, Record<string, unknown>> = {
  consultations: {
    time: '2026-11-20T09:00:00+08:00',
    lawyerId: 'lawyer-a',
    place: 'detention_center',
    clientRole: 'suspect',
    clientName: '李𠮷',
    idType: 'resident_id',
    specialGroups: [],
    caseType: 'criminal',
    helpTypes: [],
    question: '咨询取保候审',
    legalAidOutcome: 'none',
    aidMatters: [],
    disabilities: [],
    otherExemptions: [],
  },
  mediations: {
    date: '2026-11-20',
    lawyerIds: ['lawyer-a'],
    type: 'people',
    cause: '劳务费纠纷',
    parties: [{ name: '赵𠮷', role: 'applicant' }],
    place: '调解室',
    outcome: 'agreement',
    consultationIds: [],
  },
  shifts: { lawyerId: 'lawyer-a', place: 'detention_center', startedAt: '2026-11-20T08:30:00+08:00' },
  documents: {
    kind: 'helpRecord',
    number: '（2026）值援字第1号',
    year: 2026,
    sequence: 1,
    version: 1,
    rootId: base.id,
    sourceType: 'consultation',
    sourceId: 'c-1',
    lawyerId: 'lawyer-a',
    pdfSha256: 'a'.repeat(64),
    pdfBytes: 1000,
    pages: 1,
    values: { clientName: '李𠮷' },
    title: '值班律师法律帮助记录表',
    clientName: '李𠮷',
    caseNumber: '',
  },
};

describe('every sealed table keeps what it does not name in the clear sealed', () => {
  it.each(['consultations', 'mediations', 'shifts', 'documents'] as const)('%s: an unknown field is sealed and comes back on decode', async (type) => {
    const vault = await testVault();
    const db = new StationDb(`codec-${type}`, { indexedDB: new IDBFactory(), IDBKeyRange });
    const stores = { consultations: consultationStore, mediations: mediationStore, shifts: shiftStore, documents: documentStore };
    const codec = stores[type](db, vault).codec as unknown as RecordCodec<Record<string, unknown>, never>;
    const record = { ...base, ...records[type], futureField: SECRET };
    const row = await codec.encode(record as never);
    const stored = JSON.stringify(row);
    expect(stored).not.toContain(SECRET);
    expect(stored).not.toContain('𠮷');
    expect(stored).not.toContain('futureField');
    const back = (await codec.decode(row)) as Record<string, unknown>;
    expect(back.futureField).toBe(SECRET);
    expect(back).toMatchObject(records[type]!);
  });
});
