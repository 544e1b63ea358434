import { describe, expect, it } from 'vitest';
import { DEFAULT_ENUMERATIONS } from '../../../core/domain/enums';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StationDb } from '../../../renderer/src/db/database';
import { createConsultation, deleteConsultation, editConsultation } from '../../../renderer/src/db/consultations';
import { exportPendingBatch, pendingSummary } from '../../../renderer/src/db/batches';
import { importedRecordsOf, ingestVerified } from '../../../renderer/src/db/imports';
import { createStationApi } from '../../../core/api/client';
import { createDispatcher } from '../../../electron/ipc/dispatch';
import { createHandlers } from '../../../electron/ipc/handlers';
import { createServices } from '../../../electron/services';
import { memoryStore } from '../../../electron/services/settings/keyValueStore';
import { fileSecretProtector } from '../../../electron/services/batch/secretProtector';
import { readZip } from '../batch/support';
import { createMediation } from '../../../renderer/src/db/mediations';
import { testVault } from './testVault';
import { importedDocumentPdf, saveNewDocument } from '../../../renderer/src/db/documents';
import { registerCentre, removeCentre, setStationSuite } from '../../../renderer/src/db/centres';
import { createCentreKey, exportCentrePublicKey, writeBatchReceipt } from '../../../renderer/src/db/centreKeys';
import { SUITES } from '../../../core/batch/formatV2';
import { centre } from '../batch/v2Support';
import { verifyV2File } from '../batch/v2Support';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { contact } from '../core/contactFixture';

const supervisor = { id: 'sup-1', name: '李主任', role: 'supervisor' };
const lawyer = { id: 'lawyer-a', name: '张律师', role: 'lawyer' };

/** A station: its own IndexedDB and the real main-process services behind the real dispatcher. */
async function station(code: string, kind: 'court' | 'legal_aid_centre' = 'court') {
  const dataDir = mkdtempSync(join(tmpdir(), 'station-'));
  const outDir = mkdtempSync(join(tmpdir(), 'usb-'));
  let importFile: string | null = null;
  let keyFile: string | null = null;
  const settingsStore = memoryStore();
  const services = createServices({
    settingsStore,
    dataDir,
    appVersion: '0.1.0',
    transport: 'harness',
    dialogs: {
      chooseFolder: async () => null,
      chooseFile: async () => null,
      chooseSavePath: async () => null,
      chooseBatchFolder: async () => outDir,
      chooseBatchFile: async () => importFile,
      chooseKeyFile: async () => keyFile,
      // The person accepts the default place (a receipt beside its batch), or the key files' folder.
      chooseJsonSavePath: async (defaultPath) => (defaultPath.includes('/') ? defaultPath : join(outDir, defaultPath)),
      chooseReceiptFile: async () => null,
    },
    protector: fileSecretProtector(join(dataDir, 'k')),
  });
  const api = createStationApi(createDispatcher(createHandlers(services), services.session));
  await api.settings.saveProfile({ code, name: `${code} 法律援助工作站`, kind, regionCode: '210102', address: '沈阳市和平区' });
  // Main acts for the supervisor only once his session proof opened its session.
  await api.session.seed({ accounts: [{ id: 'sup-1', role: 'supervisor' }] });
  await api.session.begin({ accountId: 'sup-1', proof: Buffer.alloc(32, 1).toString('base64') });
  const db = new StationDb(`db-${code}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  return { api, db, vault: await testVault(), outDir, settingsStore, pick: (p: string) => (importFile = p), pickKeyFile: (p: string) => (keyFile = p) };
}

async function linesOf(path: string, file: string) {
  const entry = (await readZip(path)).find(([n]) => n === file);
  return entry
    ? entry[1]
        .toString('utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>)
    : [];
}

describe('batches from the station database', () => {
  it('sends what changed since the last batch, tombstones included, and nothing twice', async () => {
    const s = await station('LN0102-FY01');
    const a = await createConsultation(s.db, s.vault, DEFAULT_ENUMERATIONS, contact(), lawyer);
    const b = await createConsultation(s.db, s.vault, DEFAULT_ENUMERATIONS, contact({ clientName: '赵六' }), lawyer);
    const c = await createConsultation(s.db, s.vault, DEFAULT_ENUMERATIONS, contact({ clientName: '钱七' }), lawyer);
    expect((await pendingSummary(s.db)).counts.consultations).toBe(3);

    const first = (await exportPendingBatch(s.db, s.vault, s.api.batch, supervisor, { plaintext: true }))!;
    expect(first.sequence).toBe(1);
    const sent = await linesOf(first.path, 'consultations.jsonl');
    expect(sent.map((l) => l.clientName).sort()).toEqual(['王𠮷', '赵六', '钱七'].sort());
    expect((await pendingSummary(s.db)).total).toBe(0);

    await editConsultation(s.db, s.vault, DEFAULT_ENUMERATIONS, a.id, { ...contact(), advice: '已代为提出取保候审申请' }, lawyer, 1);
    await deleteConsultation(s.db, s.vault, c.id, lawyer);
    const pending = await pendingSummary(s.db);
    expect(pending.counts.consultations).toBe(2);

    const second = (await exportPendingBatch(s.db, s.vault, s.api.batch, supervisor, { plaintext: true }))!;
    const lines = await linesOf(second.path, 'consultations.jsonl');
    expect(lines.map((l) => [l.id, l.rev]).sort()).toEqual(
      [
        [a.id, 2],
        [c.id, 2],
      ].sort(),
    );
    expect(lines.find((l) => l.id === a.id)!.advice).toBe('已代为提出取保候审申请');
    // A tombstone carries nothing personal.
    expect(Object.keys(lines.find((l) => l.id === c.id)!).sort()).toEqual(['deleted', 'id', 'rev', 'updatedAt']);
    expect(lines.some((l) => l.id === b.id)).toBe(false);
    const manifest = JSON.parse((await readZip(second.path)).find(([n]) => n === 'manifest.json')![1].toString());
    expect(manifest.previousManifestSha256).toBe(first.manifestSha256);

    // The audit trail names both exports.
    const exports = (await s.db.audit.toArray()).filter((e) => e.action === 'export');
    expect(exports.map((e) => e.detail)).toEqual([expect.stringContaining('第 1 号'), expect.stringContaining('第 2 号')]);
  });

  it('carries mediations in mediations.jsonl with their parties and amounts', async () => {
    const s = await station('LN0102-FY05');
    const m = await createMediation(
      s.db,
      s.vault,
      DEFAULT_ENUMERATIONS,
      {
        type: 'aid_mediation_link',
        cause: '劳务合同纠纷',
        parties: [
          { name: '赵𠮷', role: 'applicant' },
          { name: '钱某', role: 'respondent' },
        ],
        date: '2026-11-20',
        place: '和平区法律援助中心',
        lawyerIds: ['lawyer-a'],
        outcome: 'agreement',
        terms: '当场支付工资12,000元',
        amountAgreed: '12000',
        paymentMethod: 'on_the_spot',
        amountRecovered: '12000',
      },
      lawyer,
    );
    const batch = (await exportPendingBatch(s.db, s.vault, s.api.batch, supervisor, { plaintext: true }))!;
    expect(batch.counts).toMatchObject({ mediations: 1, consultations: 0 });
    const [line] = await linesOf(batch.path, 'mediations.jsonl');
    expect(line).toMatchObject({
      id: m.id,
      rev: 1,
      deleted: false,
      amountRecovered: '12000',
      parties: [
        { name: '赵𠮷', role: 'applicant' },
        { name: '钱某', role: 'respondent' },
      ],
    });
  });

  it('refuses export and import to an account without the batch rights, before main is asked', async () => {
    const s = await station('LN0102-FY05');
    await createConsultation(s.db, s.vault, DEFAULT_ENUMERATIONS, contact(), lawyer);
    let asked = 0;
    const counting = new Proxy(s.api.batch, { get: (t, k) => (asked++, Reflect.get(t, k)) });
    await expect(exportPendingBatch(s.db, s.vault, counting, lawyer)).rejects.toThrow('没有此项操作的权限');
    const summary = { token: 't', fileName: 'x.dlbatch', size: 1 } as unknown as Parameters<typeof ingestVerified>[4];
    const report = { ok: true, manifest: {}, manifestSha256: 'a' } as unknown as Parameters<typeof ingestVerified>[5];
    await expect(ingestVerified(s.db, s.vault, counting, { ...lawyer, role: 'staff' }, summary, report)).rejects.toThrow('没有此项操作的权限');
    expect(asked).toBe(0);
    expect((await pendingSummary(s.db)).counts.consultations).toBe(1);
  });

  it('keeps a revision made while the export ran pending for the next batch', async () => {
    const s = await station('LN0102-FY02');
    const a = await createConsultation(s.db, s.vault, DEFAULT_ENUMERATIONS, contact(), lawyer);
    await exportPendingBatch(s.db, s.vault, s.api.batch, supervisor, {
      plaintext: true,
      onStart: () => void editConsultation(s.db, s.vault, DEFAULT_ENUMERATIONS, a.id, { ...contact(), advice: '导出期间修改' }, lawyer, 1),
    });
    await new Promise((r) => setTimeout(r, 20));
    const outbox = await s.db.outbox.toArray();
    expect(outbox.map((e) => [e.id, e.rev])).toEqual([[a.id, 2]]);
  });

  it('a supervisor ingests another station’s batches: read-only, chained, idempotent', async () => {
    const court = await station('LN0102-FY03');
    const centre = await station('LN01-ZX');
    const a = await createConsultation(court.db, court.vault, DEFAULT_ENUMERATIONS, contact(), lawyer);
    const one = (await exportPendingBatch(court.db, court.vault, court.api.batch, supervisor, { plaintext: true }))!;
    await editConsultation(court.db, court.vault, DEFAULT_ENUMERATIONS, a.id, { ...contact(), advice: '第二次' }, lawyer, 1);
    const two = (await exportPendingBatch(court.db, court.vault, court.api.batch, supervisor, { plaintext: true }))!;

    const ingest = async (path: string) => {
      centre.pick(path);
      const summary = (await centre.api.batch.openImport())!;
      const report = await centre.api.batch.verifyImport({ token: summary.token });
      const confirmed = report.fingerprint ? { confirmedFingerprint: report.fingerprint } : {};
      const outcome = report.ok ? await ingestVerified(centre.db, centre.vault, centre.api.batch, supervisor, summary, report, confirmed) : null;
      await centre.api.batch.closeImport({ token: summary.token });
      return { standing: { kind: report.standing }, report, outcome };
    };

    // The first batch of an unknown station is accepted on its own terms and registers its key…
    const first = await ingest(one.path);
    expect(first.standing.kind).toBe('new');
    expect(first.outcome).toEqual({ records: 1, changed: 1, files: 0 });
    const again = await ingest(one.path);
    expect(again.standing.kind).toBe('known');
    expect(again.outcome).toEqual({ records: 1, changed: 0, files: 0 });
    const next = await ingest(two.path);
    expect(next.standing.kind).toBe('next');
    expect(next.outcome?.changed).toBe(1);
    const records = await importedRecordsOf(centre.db, centre.vault, 'LN0102-FY03');
    expect(records.map((r) => [r.rev, r.record.advice])).toEqual([[2, '第二次']]);
    const registered = await centre.db.importedStations.get('LN0102-FY03');
    expect(registered?.lastSequence).toBe(2);
    expect(registered?.lastManifestSha256).toBe(two.manifestSha256);

    // …but once the chain is known, a batch from a different chain is refused.
    const impostor = await station('LN0102-FY03');
    await createConsultation(impostor.db, impostor.vault, DEFAULT_ENUMERATIONS, contact(), lawyer);
    const fake = (await exportPendingBatch(impostor.db, impostor.vault, impostor.api.batch, supervisor, { plaintext: true }))!;
    const refused = await ingest(fake.path);
    expect(refused.report.ok).toBe(false);
    expect(refused.report.problems.map((p) => p.code)).toEqual(expect.arrayContaining(['key_mismatch', 'chain_broken']));
    expect((await importedRecordsOf(centre.db, centre.vault, 'LN0102-FY03')).length).toBe(1);

    // Our own batch is recognised as such.
    court.pick(one.path);
    const own = (await court.api.batch.openImport())!;
    expect((await court.api.batch.verifyImport({ token: own.token })).standing).toBe('own');
    await court.api.batch.closeImport({ token: own.token });
  });

  it('imports exactly the file it verified, even when the file is swapped on the stick between open, verify and import', async () => {
    const court = await station('LN0102-FY03');
    const centre = await station('LN01-ZX');
    await createConsultation(court.db, court.vault, DEFAULT_ENUMERATIONS, contact({ clientName: '真实当事人' }), lawyer);
    const one = (await exportPendingBatch(court.db, court.vault, court.api.batch, supervisor, { plaintext: true }))!;
    await createConsultation(court.db, court.vault, DEFAULT_ENUMERATIONS, contact({ clientName: '第二批' }), lawyer);
    const two = (await exportPendingBatch(court.db, court.vault, court.api.batch, supervisor, { plaintext: true }))!;
    // An impostor claims the registered court with his own key, and also sends as a new station.
    const impostor = await station('LN0102-FY03');
    await createConsultation(impostor.db, impostor.vault, DEFAULT_ENUMERATIONS, contact({ clientName: '冒名记录' }), lawyer);
    const fake = (await exportPendingBatch(impostor.db, impostor.vault, impostor.api.batch, supervisor, { plaintext: true }))!;
    const stranger = await station('LN0102-FY09');
    await createConsultation(stranger.db, stranger.vault, DEFAULT_ENUMERATIONS, contact({ clientName: '新站记录' }), lawyer);
    const strangers = (await exportPendingBatch(stranger.db, stranger.vault, stranger.api.batch, supervisor, { plaintext: true }))!;

    const run = async (path: string, swap: { afterOpen?: string; afterVerify?: string }) => {
      const onStick = join(mkdtempSync(join(tmpdir(), 'stick-')), 'batch.dlbatch.zip');
      copyFileSync(path, onStick);
      centre.pick(onStick);
      const summary = (await centre.api.batch.openImport())!;
      if (swap.afterOpen) copyFileSync(swap.afterOpen, onStick);
      const report = await centre.api.batch.verifyImport({ token: summary.token });
      if (swap.afterVerify) copyFileSync(swap.afterVerify, onStick);
      const shown = report.fingerprint;
      const outcome = report.ok
        ? await ingestVerified(centre.db, centre.vault, centre.api.batch, supervisor, summary, report, shown ? { confirmedFingerprint: shown } : {})
        : null;
      await centre.api.batch.closeImport({ token: summary.token });
      return { report, outcome, shown };
    };
    const registered = () => centre.settingsStore.get('importedStationKeys') as Record<string, { fingerprint: string; lastSequence: number }>;
    const names = async (code: string) => (await importedRecordsOf(centre.db, centre.vault, code)).map((r) => r.record.clientName);

    const real = await run(one.path, { afterVerify: fake.path });
    expect(real.report.standing).toBe('new');
    expect(await names('LN0102-FY03')).toEqual(['真实当事人']);
    expect(registered()['LN0102-FY03']!.fingerprint).toBe(real.shown);
    expect((await centre.db.importedStations.get('LN0102-FY03'))!.fingerprint).toBe(real.shown);

    // Opened as a new station's batch, swapped for the impostor's claim on the court before verifying.
    const swapped = await run(strangers.path, { afterOpen: fake.path });
    expect(swapped.report.manifest!.station.code).toBe('LN0102-FY09');
    expect(registered()['LN0102-FY09']!.fingerprint).toBe(swapped.shown);
    expect(await names('LN0102-FY09')).toEqual(['新站记录']);
    expect(await names('LN0102-FY03')).toEqual(['真实当事人']);
    expect(registered()['LN0102-FY03']!.fingerprint).toBe(real.shown);

    // The impostor's batch itself is refused, and the court's chain still continues.
    const refused = await run(fake.path, {});
    expect(refused.report.problems.map((p) => p.code)).toEqual(expect.arrayContaining(['key_mismatch']));
    const next = await run(two.path, {});
    expect(next.report.ok).toBe(true);
    expect(next.report.standing).toBe('next');
    expect((await names('LN0102-FY03')).sort()).toEqual(['真实当事人', '第二批'].sort());
    expect(registered()['LN0102-FY03']!.lastSequence).toBe(2);
  });

  it('registers a new station only with the fingerprint the supervisor confirmed', async () => {
    const court = await station('LN0102-FY04');
    const centre = await station('LN01-ZX');
    await createConsultation(court.db, court.vault, DEFAULT_ENUMERATIONS, contact(), lawyer);
    const one = (await exportPendingBatch(court.db, court.vault, court.api.batch, supervisor, { plaintext: true }))!;
    centre.pick(one.path);
    const summary = (await centre.api.batch.openImport())!;
    const report = await centre.api.batch.verifyImport({ token: summary.token });
    await expect(centre.api.batch.readImport({ token: summary.token, actor: supervisor })).rejects.toThrow('公钥指纹');
    await expect(centre.api.batch.readImport({ token: summary.token, actor: supervisor, confirmedFingerprint: '0000' })).rejects.toThrow('公钥指纹');
    const chunk = await centre.api.batch.readImport({ token: summary.token, actor: supervisor, confirmedFingerprint: report.fingerprint! });
    expect(chunk.done).toBe(true);
    expect(centre.settingsStore.get('importedStationKeys')).toHaveProperty(['LN0102-FY04', 'fingerprint'], report.fingerprint);
  });
});

describe.each(SUITES)('batches to registered receiving centres, suite %s', (suite) => {
  it("a supervisor registers a centre (audited with its fingerprint); the export is v2 with each PDF named by the suite's hash", async () => {
    const s = await station('LN0102-FY07');
    await setStationSuite(s.db, s.api.centres, supervisor, suite);
    const city = centre(suite, '沈阳市法律援助中心');
    const keyPath = join(mkdtempSync(join(tmpdir(), 'key-')), 'city.json');
    writeFileSync(keyPath, city.publicText);
    s.pickKeyFile(keyPath);
    const opened = (await s.api.centres.openKeyFile())!;
    await expect(registerCentre(s.db, s.api.centres, lawyer, opened.token, opened.fingerprint)).rejects.toThrow('没有此项操作的权限');
    await registerCentre(s.db, s.api.centres, supervisor, opened.token, opened.fingerprint);

    await createConsultation(s.db, s.vault, DEFAULT_ENUMERATIONS, contact({ clientName: '王𠮷' }), lawyer);
    const pdf = Buffer.from('%PDF-1.7\n% 王𠮷的法律意见书\n%%EOF\n');
    await saveNewDocument(
      s.db,
      s.vault,
      {
        kind: 'legal_opinion',
        title: '法律意见书',
        values: { facts: '意见' },
        clientName: '王𠮷',
        caseNumber: '',
        sourceType: 'none',
        sourceId: '',
        lawyerId: 'lawyer-a',
        pages: 1,
        pdf: pdf.toString('base64'),
        pdfSha256: createHash('sha256').update(pdf).digest('hex'),
      },
      { year: 2026, sequence: 1, stationCode: 'LN0102-FY07' },
      lawyer,
    );
    // No plaintext choice: with a centre registered none is needed.
    const batch = (await exportPendingBatch(s.db, s.vault, s.api.batch, supervisor))!;
    const report = await verifyV2File(batch.path, { recipientKey: city.secret });
    expect(report.problems).toEqual([]);
    expect(report.decrypted).toBe(true);
    expect(report.manifestV2!.suite).toBe(suite);
    expect(report.records).toBe(2);
    expect(report.manifestV2!.files.map((f) => f.path)).toEqual([
      'consultations.jsonl.enc',
      'documents.jsonl.enc',
      expect.stringMatching(/^documents\/.+\.pdf\.enc$/),
    ]);

    const audit = (await s.db.audit.toArray()).map((e) => e.detail ?? '');
    expect(audit).toContainEqual(
      `登记接收中心：沈阳市法律援助中心（${suite === 'gm-1' ? '国密算法（SM2 / SM3 / SM4）' : '国际算法（Ed25519 / X25519 / AES-256-GCM）'}，指纹 ${opened.fingerprint}）`,
    );
    expect(audit.find((d) => d.includes('第 1 号'))).toContain('加密给 1 个接收中心');

    await removeCentre(s.db, s.api.centres, supervisor, city.secret.keyId);
    expect((await s.db.audit.toArray()).at(-1)!.detail).toBe(`移除接收中心：沈阳市法律援助中心（指纹 ${opened.fingerprint}）`);
    await createConsultation(s.db, s.vault, DEFAULT_ENUMERATIONS, contact({ clientName: '赵六' }), lawyer);
    await expect(exportPendingBatch(s.db, s.vault, s.api.batch, supervisor)).rejects.toThrow('尚未登记接收中心，批次将不加密');
    expect((await pendingSummary(s.db)).total).toBe(1);
  }, 60_000);
});

describe.each(SUITES)('a legal-aid centre receives a station’s v2 batch, suite %s', (suite) => {
  it('creates its key (audited), imports the decrypted records and PDFs into its view, and writes an audited receipt', async () => {
    const centreStation = await station('LN01-FYZX', 'legal_aid_centre');
    const key = await createCentreKey(centreStation.db, centreStation.api.centreKeys, supervisor, suite, '沈阳市法律援助中心');
    await expect(createCentreKey(centreStation.db, centreStation.api.centreKeys, lawyer, suite, 'x')).rejects.toThrow('没有此项操作的权限');
    const pub = (await exportCentrePublicKey(centreStation.db, centreStation.api.centreKeys, supervisor, key))!;

    const court = await station('LN0102-FY11');
    await setStationSuite(court.db, court.api.centres, supervisor, suite);
    court.pickKeyFile(pub.path);
    const opened = (await court.api.centres.openKeyFile())!;
    expect(opened.fingerprint).toBe(key.fingerprint);
    await registerCentre(court.db, court.api.centres, supervisor, opened.token, opened.fingerprint);
    await createConsultation(court.db, court.vault, DEFAULT_ENUMERATIONS, contact({ clientName: '欧阳䶮' }), lawyer);
    const pdf = Buffer.from('%PDF-1.7\n% 欧阳䶮的法律意见书\n%%EOF\n');
    await saveNewDocument(
      court.db,
      court.vault,
      {
        kind: 'legal_opinion',
        title: '法律意见书',
        values: { facts: '意见' },
        clientName: '欧阳䶮',
        caseNumber: '',
        sourceType: 'none',
        sourceId: '',
        lawyerId: 'lawyer-a',
        pages: 1,
        pdf: pdf.toString('base64'),
        pdfSha256: createHash('sha256').update(pdf).digest('hex'),
      },
      { year: 2026, sequence: 1, stationCode: 'LN0102-FY11' },
      lawyer,
    );
    const batch = (await exportPendingBatch(court.db, court.vault, court.api.batch, supervisor))!;

    centreStation.pick(batch.path);
    const summary = (await centreStation.api.batch.openImport())!;
    const report = await centreStation.api.batch.verifyImport({ token: summary.token });
    expect(report).toMatchObject({ ok: true, decrypted: true, recipient: { keyId: key.keyId } });
    const outcome = await ingestVerified(centreStation.db, centreStation.vault, centreStation.api.batch, supervisor, summary, report, {
      confirmedFingerprint: report.fingerprint!,
    });
    expect(outcome).toMatchObject({ records: 2, changed: 2, files: 1 });
    const rows = await importedRecordsOf(centreStation.db, centreStation.vault, 'LN0102-FY11');
    expect(rows.map((r) => r.record.clientName).sort()).toEqual(['欧阳䶮', '欧阳䶮']);
    const doc = rows.find((r) => r.type === 'documents')!;
    // Whatever the suite names the PDF by, the centre opens it by the SHA-256 it stored it under.
    expect(Buffer.from(await importedDocumentPdf(centreStation.db, centreStation.vault, supervisor, doc.pdfSha256!), 'base64').equals(pdf)).toBe(true);

    const receipt = (await writeBatchReceipt(centreStation.db, centreStation.api.batch, supervisor, {
      batchId: batch.batchId,
      stationName: 'LN0102-FY11 法律援助工作站',
      stationCode: 'LN0102-FY11',
      sequence: 1,
    }))!;
    expect(receipt.path.endsWith(`${batch.fileName}.receipt.json`)).toBe(true);
    const audit = (await centreStation.db.audit.toArray()).map((e) => e.detail ?? '');
    expect(audit).toContainEqual(
      expect.stringMatching(new RegExp(`^生成本中心的接收密钥：沈阳市法律援助中心（.*keyId ${key.keyId}，指纹 ${key.fingerprint}）$`)),
    );
    expect(audit).toContainEqual(`导出本中心接收密钥的公钥文件：沈阳市法律援助中心（keyId ${key.keyId}）→ ${pub.path}`);
    expect(audit).toContainEqual(`写回执文件：LN0102-FY11 法律援助工作站（LN0102-FY11）批次第 1 号 → ${receipt.path}`);
    // A station that is not a centre cannot make keys, not even through main directly.
    await expect(court.api.centreKeys.create({ suite, name: 'x', actor: supervisor })).rejects.toThrow('法律援助中心');
  }, 60_000);
});
