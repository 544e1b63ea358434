// Runs in its own Node process so its memory is the export's alone: the main process's
// side of "export 100,000 consultations and 5,000 PDFs", fed in the chunks the renderer sends.
import { createCipheriv, createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBatchService } from '../../electron/services/batch/batchService';
import { fileSecretProtector } from '../../electron/services/batch/secretProtector';
import { memoryStore } from '../../electron/services/settings/keyValueStore';
import { verifyZipFile } from '../../electron/services/batch/zipArchive';
import { createRecipientKeyFiles, readRecipientSecret, serializeKeyFile } from '../../electron/services/batch/recipientKeys';
import { suiteOf } from '../../electron/services/batch/suites';
import { isSuiteId } from '../../core/batch/formatV2';

const CONSULTATIONS = Number(process.env.BENCH_CONSULTATIONS ?? 100_000);
const PDFS = Number(process.env.BENCH_PDFS ?? 5_000);
const PDF_BYTES = 55 * 1024; // a one-page document with its font subsets (docs/PERFORMANCE.md)
const CHUNK = 250; // records per IPC call, as renderer/src/db/batches.ts sends them
// Format v2 in this suite when set (encrypted to one centre, decrypted again by the verifier); v1 otherwise.
const SUITE = process.env.BENCH_SUITE || undefined;
if (SUITE !== undefined && !isSuiteId(SUITE)) throw new Error(`unknown BENCH_SUITE ${SUITE}`);
const centre = SUITE ? createRecipientKeyFiles(SUITE, '沈阳市法律援助中心') : null;

const dataDir = mkdtempSync(join(tmpdir(), 'bench-batch-'));
const outDir = mkdtempSync(join(tmpdir(), 'bench-usb-'));
const service = createBatchService({
  store: memoryStore(),
  dataDir,
  appVersion: '0.1.0',
  protector: fileSecretProtector(join(dataDir, 'k')),
  chooseFolder: async () => outDir,
  chooseBatchFile: async () => null,
  readChosenBackup: () => {
    throw new Error('the bench restores no backup');
  },
  station: () => ({ code: 'LN0102-KSS01', name: '沈阳市和平区看守所法律援助工作站', kind: 'detention_center', regionCode: '210102' }),
  ...(SUITE && centre ? { exportTarget: () => ({ version: 2 as const, suite: SUITE, recipients: [centre.publicFile.publicKey] }) } : {}),
});
const pdfHash = (bytes: Buffer): Record<string, string> => {
  if (!SUITE) return { sha256: createHash('sha256').update(bytes).digest('hex') };
  const h = suiteOf(SUITE).hash();
  h.update(bytes);
  return { hash: h.digestHex() };
};

const base = Date.parse('2026-11-01T08:00:00+08:00');
const stamp = (i: number) => new Date(base + i * 20_000 + 8 * 3600_000).toISOString().replace('Z', '+08:00');
function consultation(i: number) {
  const at = stamp(i);
  return {
    id: randomUUID(),
    rev: 1 + (i % 3),
    createdAt: at,
    updatedAt: at,
    deleted: i % 97 === 0,
    time: at,
    lawyerId: randomUUID(),
    ownerId: randomUUID(),
    place: 'detention_centre',
    clientRole: 'suspect',
    clientName: `王${'𠮷明华强'[i % 4]}${i}`,
    idType: 'resident_id',
    idNumber: '210102199003071233',
    gender: 'male',
    birthDate: '1990-03-07',
    phone: '13804001234',
    address: '辽宁省沈阳市和平区南京南街1号',
    specialGroups: i % 5 === 0 ? ['minor'] : [],
    caseType: 'criminal',
    criminalStage: 'investigation',
    caseNumber: `(2026)辽0102刑初${i}号`,
    cause: '盗窃罪',
    helpTypes: ['legal_consultation', 'procedure_explanation'],
    question: '家属询问被刑事拘留后能否申请取保候审，需要准备哪些材料，办案机关多长时间内答复。',
    advice: '可以由本人或近亲属向办案机关提出取保候审申请，说明理由并提供保证人或保证金；办案机关应在三日内作出决定，不同意的应告知理由。',
    legalAidOutcome: 'not_needed',
    durationMinutes: 15,
  };
}

let peak = process.memoryUsage().rss;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
const start = performance.now();
const begun = (await service.beginExport({ actor: { id: 'bench', name: 'bench' } }))!;
for (let i = 0; i < CONSULTATIONS; i += CHUNK) {
  const records = Array.from({ length: Math.min(CHUNK, CONSULTATIONS - i) }, (_, k) => consultation(i + k));
  await service.appendRecords({ exportId: begun.exportId, type: 'consultations', records });
}
// PDFs are made on demand from an AES-CTR keystream (incompressible, like real PDFs'
// compressed streams) so the bench holds none of them: the memory measured is the export's.
const KEY = randomBytes(16);
const ZEROS = Buffer.alloc(PDF_BYTES);
function pdfBytes(i: number): Buffer {
  const iv = Buffer.alloc(16);
  iv.writeUInt32BE(i, 12);
  const c = createCipheriv('aes-128-ctr', KEY, iv);
  return Buffer.concat([Buffer.from(`%PDF-1.7\n%${i}\n`), c.update(ZEROS), c.final()]);
}
const pdfIds = Array.from({ length: PDFS }, () => randomUUID());
for (let i = 0; i < PDFS; i += CHUNK) {
  const lines = pdfIds.slice(i, i + CHUNK).map((id, k) => ({
    id,
    rev: 1,
    updatedAt: stamp(i + k),
    deleted: false,
    kind: 'help_record',
    file: `documents/${id}.pdf`,
    ...pdfHash(pdfBytes(i + k)),
  }));
  await service.appendRecords({ exportId: begun.exportId, type: 'documents', records: lines });
}
for (let i = 0; i < PDFS; i += 8) {
  const files = pdfIds.slice(i, i + 8).map((id, k) => ({ path: `documents/${id}.pdf`, data: pdfBytes(i + k).toString('base64') }));
  await service.appendFiles({ exportId: begun.exportId, files });
}
const result = await service.finishExport({ exportId: begun.exportId });
const exportMs = performance.now() - start;
clearInterval(sampler);

const verifyStart = performance.now();
const secret = centre ? readRecipientSecret(serializeKeyFile(centre.privateFile)) : null;
if (secret && !secret.ok) throw new Error(secret.reason);
const report = await verifyZipFile(result.path, secret?.ok ? { recipientKey: secret.value } : {});
const verifyMs = performance.now() - verifyStart;
if (!report.ok) throw new Error(`bench batch did not verify: ${report.problems[0]?.message}`);

console.log(
  JSON.stringify({
    consultations: CONSULTATIONS,
    pdfs: PDFS,
    'archive MiB': statSync(result.path).size / 2 ** 20,
    'export s': exportMs / 1000,
    'peak RSS MiB': peak / 2 ** 20,
    'verify s': verifyMs / 1000,
  }),
);
rmSync(dataDir, { recursive: true, force: true });
rmSync(outDir, { recursive: true, force: true });
