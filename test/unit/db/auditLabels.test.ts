import { beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { DEFAULT_ENUMERATIONS } from '../../../core/domain/enums';
import { chainEntry, verifyChain } from '../../../core/audit/chain';
import { StationDb, type AuditEntry } from '../../../renderer/src/db/database';
import { createConsultation, deleteConsultation } from '../../../renderer/src/db/consultations';
import { documentAuditLabel, saveNewDocument } from '../../../renderer/src/db/documents';
import { createMediation } from '../../../renderer/src/db/mediations';
import { appendAudit } from '../../../renderer/src/db/repository';
import { describeAuditTarget, openAuditLabel } from '../../../renderer/src/db/auditLabels';
import type { Vault } from '../../../renderer/src/db/vault';
import { testVault } from './testVault';
import { contact } from '../core/contactFixture';
import { mediationFixture } from '../core/mediationFixture';

/**
 * Issue 18 item 7: an audit entry says what it touched (咨询记录：王𠮷, 法律文书：法律意见书
 * 〔2026〕…号，王𠮷) so that a supervisor can tell; the words name a person, so they are
 * sealed like the record, and the hash chain holds for entries with and without them.
 */
const lawyer = { id: 'lawyer-a', name: '张律师', role: 'lawyer' };

let db: StationDb;
let vault: Vault;
beforeEach(async () => {
  db = new StationDb('a', { indexedDB: new IDBFactory(), IDBKeyRange });
  vault = await testVault();
});

async function described(entry: AuditEntry): Promise<string> {
  return describeAuditTarget(entry.recordType, await openAuditLabel(vault, entry));
}

describe('audit labels', () => {
  it("names the consultation's person, sealed: the stored entry holds no name", async () => {
    const c = await createConsultation(db, vault, DEFAULT_ENUMERATIONS, contact({ clientName: '王𠮷' }), lawyer);
    await deleteConsultation(db, vault, c.id, lawyer);
    const entries = await db.audit.orderBy('seq').toArray();
    expect(entries.map((e) => e.action)).toEqual(['create', 'delete']);
    for (const e of entries) {
      expect(await described(e)).toBe('咨询记录：王𠮷');
      expect(JSON.stringify(e)).not.toContain('王𠮷');
      expect(JSON.stringify(e)).not.toContain(Buffer.from('王𠮷').toString('base64'));
    }
    expect(verifyChain(entries)).toEqual({ ok: true, entries: 2 });
  });

  it('names a document by title, number and client, also when it is printed', async () => {
    const bytes = Buffer.from('%PDF-1.7\n意见');
    const saved = await saveNewDocument(
      db,
      vault,
      {
        kind: 'legal_opinion',
        title: '法律意见书',
        values: { facts: '意见' },
        clientName: '李四',
        caseNumber: '',
        sourceType: 'none',
        sourceId: '',
        lawyerId: 'lawyer-a',
        pages: 1,
        pdf: bytes.toString('base64'),
        pdfSha256: createHash('sha256').update(bytes).digest('hex'),
      },
      { year: 2026, sequence: 1, stationCode: 'LN0102-KSS01' },
      lawyer,
    );
    await appendAudit(
      db,
      lawyer,
      'print',
      `${saved.number} 第 1 版`,
      { type: 'documents', id: saved.id, rev: saved.rev },
      await documentAuditLabel(vault, saved),
    );
    const entries = await db.audit.orderBy('seq').toArray();
    for (const e of entries) expect(await described(e)).toBe(`法律文书：法律意见书 ${saved.number}，李四`);
    expect(JSON.stringify(entries)).not.toContain('李四');
  });

  it('names a mediation by its parties', async () => {
    const m = await createMediation(
      db,
      vault,
      DEFAULT_ENUMERATIONS,
      mediationFixture({ type: 'in_litigation', paymentDeadline: '2026-12-01', amountRecovered: '' }),
      lawyer,
    );
    const [entry] = await db.audit.toArray();
    expect(await described(entry!)).toContain(m.parties.map((p) => p.name).join('、'));
    expect(await described(entry!)).toMatch(/^调解记录：/);
  });

  it('keeps the chain verifying across entries written before labels and after, and catches a changed label', async () => {
    // An entry as an older version wrote it: no label, hashed without one.
    const old = chainEntry(undefined, {
      at: '2026-11-01T08:00:00.000+08:00',
      actorId: 'lawyer-a',
      actorName: '张律师',
      actorRole: 'lawyer',
      action: 'create',
      recordType: 'consultations',
      recordId: 'old-1',
      rev: 1,
      fields: ['clientName'],
    });
    await db.audit.add(old as AuditEntry);
    await createConsultation(db, vault, DEFAULT_ENUMERATIONS, contact(), lawyer);
    const entries = await db.audit.orderBy('seq').toArray();
    expect(entries[0]).not.toHaveProperty('label');
    expect(await described(entries[0]!)).toBe('咨询记录');
    expect(entries[1]!.label).toBeDefined();
    expect(verifyChain(entries)).toEqual({ ok: true, entries: 2 });

    // A label swapped for another entry's, or dropped, breaks the chain at that entry.
    const other = await createConsultation(db, vault, DEFAULT_ENUMERATIONS, contact({ clientName: '赵六' }), lawyer);
    const all = await db.audit.orderBy('seq').toArray();
    const swapped = all.map((e) => (e.seq === 2 ? { ...e, label: all[2]!.label! } : e));
    expect(verifyChain(swapped)).toMatchObject({ ok: false, brokenAt: 2 });
    const { label: _dropped, ...unlabelled } = all[2]!;
    expect(verifyChain([all[0]!, all[1]!, unlabelled as AuditEntry])).toMatchObject({ ok: false, brokenAt: 3 });
    // Moved onto another record's entry, a label does not open either (bound to its record).
    await expect(openAuditLabel(vault, { ...all[1]!, recordId: other.id })).rejects.toThrow();
  });
});
