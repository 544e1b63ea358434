import { SEE_ALL } from '../viewers';
import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { StationDb } from '../../../renderer/src/db/database';
import type { Vault } from '../../../renderer/src/db/vault';
import {
  documentPdf,
  importedDocumentPdf,
  NumberTakenError,
  peekNextSequence,
  queryDocuments,
  saveNewDocument,
  saveNewVersion,
  versionsOf,
  type NewDocument,
} from '../../../renderer/src/db/documents';
import { historyOf } from '../../../renderer/src/db/repository';
import { testVault } from './testVault';

const lawyer = { id: 'lawyer-a', name: '张律师', role: 'lawyer' };
const otherLawyer = { id: 'lawyer-b', name: '钱律师', role: 'lawyer' };
const staff = { id: 'staff-1', name: '周干事', role: 'staff' };
const supervisor = { id: 'sup-1', name: '李主任', role: 'supervisor' };

function pdfOf(text: string) {
  const bytes = Buffer.from(`%PDF-1.7\n${text}`);
  return { pdf: bytes.toString('base64'), pdfSha256: createHash('sha256').update(bytes).digest('hex') };
}

function doc(text: string, overrides: Partial<NewDocument> = {}): NewDocument {
  return {
    kind: 'civil_complaint',
    title: '民事起诉状',
    values: { plaintiff: '王𠮷', facts: text },
    clientName: '王𠮷',
    caseNumber: '（2026）辽0102民初5号',
    sourceType: 'consultation',
    sourceId: 'c1',
    lawyerId: 'lawyer-a',
    pages: 1,
    ...pdfOf(text),
    ...overrides,
  };
}

let db: StationDb;
let vault: Vault;
beforeEach(async () => {
  db = new StationDb('t', { indexedDB: new IDBFactory(), IDBKeyRange });
  vault = await testVault();
});

const numbering = (sequence: number) => ({ year: 2026, sequence, stationCode: 'LN0102-KSS01' });

describe('document repository', () => {
  it('numbers documents per year in order, seals the values, and keeps the PDF under its hash', async () => {
    expect(await peekNextSequence(db, 2026, 'civil_complaint')).toBe(1);
    const first = await saveNewDocument(db, vault, doc('事实一'), numbering(1), lawyer);
    const second = await saveNewDocument(db, vault, doc('事实二'), numbering(2), lawyer);
    expect(first.number).toBe('〔2026〕LN0102-KSS01值字第0001号');
    expect(second.number).toBe('〔2026〕LN0102-KSS01值字第0002号');
    expect(await peekNextSequence(db, 2026, 'civil_complaint')).toBe(3);
    expect(await peekNextSequence(db, 2027, 'civil_complaint')).toBe(1);

    const raw = JSON.stringify(await db.documents.get(first.id)) + JSON.stringify(await db.documentFiles.toArray());
    for (const secret of ['王', '𠮷', '事实一', '辽0102']) expect(raw).not.toContain(secret);
    expect(Buffer.from(await documentPdf(db, vault, lawyer, first), 'base64').toString()).toBe('%PDF-1.7\n事实一');
    expect((await historyOf(db, 'documents', first.id)).map((e) => e.action)).toEqual(['create']);
  });

  it('numbers shift logs in a register of their own, so printing one leaves no gap in the legal papers’ 值字 numbers', async () => {
    const shiftLog = (text: string) => doc(text, { kind: 'shift_log', title: '值班日志', sourceType: 'shift', sourceId: 's1', clientName: '', caseNumber: '' });
    const opinion = await saveNewDocument(db, vault, doc('意见'), numbering(1), lawyer);
    expect(await peekNextSequence(db, 2026, 'shift_log')).toBe(1);
    const log = await saveNewDocument(db, vault, shiftLog('日志一'), numbering(1), lawyer);
    expect(log.number).toBe('〔2026〕LN0102-KSS01日志字第0001号');
    // The next legal paper follows the last legal paper, not the shift log.
    expect(await peekNextSequence(db, 2026, 'civil_complaint')).toBe(2);
    const next = await saveNewDocument(db, vault, doc('起诉状'), numbering(2), lawyer);
    expect([opinion.number, next.number]).toEqual(['〔2026〕LN0102-KSS01值字第0001号', '〔2026〕LN0102-KSS01值字第0002号']);
    expect(await peekNextSequence(db, 2026, 'shift_log')).toBe(2);
    // A shift log cannot take a number its own register already gave.
    await expect(saveNewDocument(db, vault, shiftLog('日志二'), numbering(1), lawyer)).rejects.toBeInstanceOf(NumberTakenError);
  });

  it('refuses a number another window took meanwhile and leaves nothing behind', async () => {
    await saveNewDocument(db, vault, doc('甲'), numbering(1), lawyer);
    await expect(saveNewDocument(db, vault, doc('乙'), numbering(1), lawyer)).rejects.toBeInstanceOf(NumberTakenError);
    expect(await db.documents.count()).toBe(1);
    expect(await db.documentFiles.count()).toBe(1);
  });

  it('an edit is a new version with the same number; the first version is unchanged', async () => {
    const v1 = await saveNewDocument(db, vault, doc('原稿'), numbering(1), lawyer);
    const v2 = await saveNewVersion(db, vault, v1, doc('修改稿'), lawyer);
    expect(v2).toMatchObject({ number: v1.number, version: 2, rootId: v1.id });
    const versions = await versionsOf(db, vault, SEE_ALL, v1.id);
    expect(versions.map((v) => [v.version, v.values.facts])).toEqual([
      [2, '修改稿'],
      [1, '原稿'],
    ]);
    expect(Buffer.from(await documentPdf(db, vault, lawyer, v1), 'base64').toString()).toBe('%PDF-1.7\n原稿');
    await expect(saveNewVersion(db, vault, v1, doc('旧版本上再改'), lawyer)).rejects.toThrow('已有更新的版本');
    // The list shows the latest version only.
    expect((await queryDocuments(db, vault, SEE_ALL)).map((d) => d.version)).toEqual([2]);
  });

  it('lets only the author or a supervisor save a new version, whatever owner the caller claims', async () => {
    const v1 = await saveNewDocument(db, vault, doc('原稿'), numbering(1), lawyer);
    await expect(saveNewVersion(db, vault, v1, doc('别人改的'), otherLawyer)).rejects.toThrow('只能修改自己起草的文书');
    await expect(saveNewVersion(db, vault, { ...v1, ownerId: staff.id }, doc('冒称作者'), staff)).rejects.toThrow('只能修改自己起草的文书');
    expect((await versionsOf(db, vault, SEE_ALL, v1.id)).map((v) => v.version)).toEqual([1]);
    const v2 = await saveNewVersion(db, vault, v1, doc('负责人修改'), supervisor);
    expect(v2.version).toBe(2);
    // Staff draft the transfer letter; a role outside the table drafts nothing.
    expect((await saveNewDocument(db, vault, doc('转交函'), numbering(2), staff)).ownerId).toBe(staff.id);
    await expect(saveNewDocument(db, vault, doc('x'), numbering(3), { id: 'x', name: '某人', role: 'visitor' })).rejects.toThrow('没有此项操作的权限');
  });

  it('finds documents by client name, number and case number, and filters by source', async () => {
    await saveNewDocument(db, vault, doc('一'), numbering(1), lawyer);
    await saveNewDocument(
      db,
      vault,
      doc('二', { clientName: '李四', caseNumber: '', sourceId: 'c2', kind: 'legal_opinion', title: '法律意见书' }),
      numbering(2),
      lawyer,
    );
    expect((await queryDocuments(db, vault, SEE_ALL, { text: '𠮷' })).map((d) => d.clientName)).toEqual(['王𠮷']);
    expect((await queryDocuments(db, vault, SEE_ALL, { text: '0002' })).map((d) => d.clientName)).toEqual(['李四']);
    expect((await queryDocuments(db, vault, SEE_ALL, { text: '民初5' })).map((d) => d.clientName)).toEqual(['王𠮷']);
    expect((await queryDocuments(db, vault, SEE_ALL, { sourceId: 'c2' })).map((d) => d.kind)).toEqual(['legal_opinion']);
    expect((await queryDocuments(db, vault, SEE_ALL, { kind: 'civil_complaint' })).length).toBe(1);
  });

  it('gives a document’s PDF only to those who may read the document, whatever hash or owner the caller passes', async () => {
    const lawyers = await saveNewDocument(db, vault, doc('律师的意见'), numbering(1), lawyer);
    const letter = await saveNewDocument(db, vault, doc('转交函'), numbering(2), staff);
    // Staff read only what they drafted: not the lawyer's document, not even by a copy that names them as owner.
    await expect(documentPdf(db, vault, staff, lawyers)).rejects.toThrow('当前账户无权查看这份文书');
    await expect(documentPdf(db, vault, staff, { ...lawyers, ownerId: staff.id } as typeof lawyers)).rejects.toThrow('当前账户无权查看这份文书');
    // Nor through the PDF of his own document swapped for the lawyer's hash: the stored row names the PDF.
    expect(Buffer.from(await documentPdf(db, vault, staff, { ...letter, pdfSha256: lawyers.pdfSha256 } as typeof letter), 'base64').toString()).toBe(
      '%PDF-1.7\n转交函',
    );
    await expect(importedDocumentPdf(db, vault, staff, lawyers.pdfSha256)).rejects.toThrow('当前账户没有此项操作的权限');
    expect(Buffer.from(await documentPdf(db, vault, otherLawyer, lawyers), 'base64').toString()).toBe('%PDF-1.7\n律师的意见');
    expect(Buffer.from(await documentPdf(db, vault, supervisor, letter), 'base64').toString()).toBe('%PDF-1.7\n转交函');
    expect(Buffer.from(await importedDocumentPdf(db, vault, supervisor, lawyers.pdfSha256), 'base64').toString()).toBe('%PDF-1.7\n律师的意见');
  });

  it('detects a PDF that no longer matches its recorded hash', async () => {
    const saved = await saveNewDocument(db, vault, doc('原文'), numbering(1), lawyer);
    const other = pdfOf('篡改');
    await db.documentFiles.put({ sha256: saved.pdfSha256, sealed: await vault.seal('documentFiles', saved.pdfSha256, { pdf: other.pdf }) });
    await expect(documentPdf(db, vault, lawyer, saved)).rejects.toThrow('校验值不符');
  });
});
