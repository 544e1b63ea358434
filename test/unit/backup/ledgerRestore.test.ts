import { describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { StationDb } from '../../../renderer/src/db/database';
import { backupKeyForMain, createBackup } from '../../../renderer/src/backup/backupFile';
import { createStationApi } from '../../../core/api/client';
import type { BatchHistoryEntry } from '../../../core/api/contract';
import { createDispatcher } from '../../../electron/ipc/dispatch';
import { createHandlers } from '../../../electron/ipc/handlers';
import { createServices } from '../../../electron/services';
import { memoryStore } from '../../../electron/services/settings/keyValueStore';
import { fileSecretProtector } from '../../../electron/services/batch/secretProtector';
import { consultation, exportBatch, readZip, STATION, type TestStation } from '../batch/support';

const profile = { ...STATION, address: '南京南街 1 号' };
const domain = { meansTestStandard: null, enumerationExtensions: {} };

/** A station's real services behind the real dispatcher; the restore dialog answers `chosen`. */
async function station() {
  const dataDir = mkdtempSync(join(tmpdir(), 'restore-'));
  const outDir = mkdtempSync(join(tmpdir(), 'usb-'));
  let chosen: string | null = null;
  const services = createServices({
    settingsStore: memoryStore(),
    dataDir,
    appVersion: '0.1.0',
    transport: 'harness',
    dialogs: {
      chooseFolder: async () => null,
      chooseFile: async () => chosen,
      chooseSavePath: async () => null,
      chooseBatchFolder: async () => outDir,
      chooseBatchFile: async () => null,
      chooseKeyFile: async () => null,
      chooseReceiptFile: async () => null,
    },
    protector: fileSecretProtector(join(dataDir, 'k')),
  });
  const api = createStationApi(createDispatcher(createHandlers(services), services.session));
  await api.settings.saveProfile(profile);
  // Main acts for the supervisor only once his session proof opened its session.
  await api.session.seed({ accounts: [{ id: 'sup-1', role: 'supervisor' }] });
  await api.session.begin({ accountId: 'sup-1', proof: Buffer.alloc(32, 1).toString('base64') });
  return { api, services, asTest: { service: services.batch } as TestStation, choose: (p: string) => (chosen = p) };
}

/** A backup as the app writes it, carrying `batchLedger`, sealed under `dataKey`. */
async function backupFile(batchLedger: unknown[], dataKey: Uint8Array): Promise<string> {
  const db = new StationDb(`b-${randomUUID()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  const { bytes } = await createBackup(db, dataKey, { profile, domain, batchLedger: batchLedger as BatchHistoryEntry[] }, '2026-11-23T20:00:00.000+08:00');
  const path = join(mkdtempSync(join(tmpdir(), 'backup-')), 'LN0102-KSS01_backup_20261123T200000.dlbackup');
  writeFileSync(path, bytes);
  return path;
}

async function restore(s: Awaited<ReturnType<typeof station>>, path: string, dataKey: Uint8Array) {
  s.choose(path);
  await s.api.backup.chooseFile();
  return s.api.batch.restoreLedger({ path, backupKey: backupKeyForMain(dataKey) });
}

describe('the batch history restored from a backup', () => {
  it('continues the chain from a verified backup, and says the old files cannot be written again', async () => {
    const old = await station();
    const one = await exportBatch(old.asTest, { consultations: [consultation()] });
    const dataKey = crypto.getRandomValues(new Uint8Array(32));
    const path = await backupFile(await old.api.batch.history(), dataKey);
    const replacement = await station();
    await expect(restore(replacement, path, dataKey)).resolves.toEqual({ added: 1 });
    await expect(restore(replacement, path, dataKey)).resolves.toEqual({ added: 0 });
    expect((await replacement.api.batch.history())[0]).toMatchObject({ sequence: 1, copyAvailable: false });
    const two = await exportBatch(replacement.asTest, { consultations: [consultation()] });
    expect(two.sequence).toBe(2);
    const m = JSON.parse(new Map(await readZip(two.path)).get('manifest.json')!.toString());
    expect(m.previousManifestSha256).toBe(one.manifestSha256);
    await expect(replacement.api.batch.reexport({ batchId: one.batchId, actor: { id: 'u', name: '李' } })).rejects.toThrow('没有它的副本');
  });

  it('refuses junk and a history that would make the next batch number 1,000,001', async () => {
    const old = await station();
    await exportBatch(old.asTest, { consultations: [consultation()] });
    const [real] = await old.api.batch.history();
    const dataKey = crypto.getRandomValues(new Uint8Array(32));
    const target = await station();
    const hostile: [string, unknown[], string][] = [
      ['a jump to 1,000,000', [{ ...real, batchId: randomUUID(), sequence: 1_000_000, previousManifestSha256: real!.manifestSha256 }], '不能构成连续的批次链'],
      ['a gap', [real, { ...real, batchId: randomUUID(), sequence: 3, previousManifestSha256: real!.manifestSha256 }], '缺少第 2 号'],
      ['a fork', [real, { ...real, batchId: randomUUID() }], '不能构成连续的批次链'],
      ['an extra field', [{ ...real, nextSequence: 1_000_000 }], '不符合格式'],
      ['a wrong type', [{ ...real, sequence: '1' }], '不符合格式'],
      ['junk', ['junk'], '不符合格式'],
      ['a bad hash', [{ ...real, manifestSha256: 'zz' }], '不符合格式'],
    ];
    for (const [what, ledger, message] of hostile) {
      await expect(restore(target, await backupFile(ledger, dataKey), dataKey), what).rejects.toThrow(message);
    }
    expect(await target.api.batch.history()).toEqual([]);
    const next = await exportBatch(target.asTest, { consultations: [consultation()] });
    expect(next.sequence).toBe(1);
  });

  it('takes a history only from a backup main opened and verified itself', async () => {
    const old = await station();
    await exportBatch(old.asTest, { consultations: [consultation()] });
    const ledger = await old.api.batch.history();
    const dataKey = crypto.getRandomValues(new Uint8Array(32));
    const path = await backupFile(ledger, dataKey);
    const target = await station();
    // Loose entries straight from renderer code are not a restore.
    await expect(target.api.batch.restoreLedger({ entries: ledger } as never)).rejects.toThrow();
    // A file never chosen in the restore dialog.
    await expect(target.api.batch.restoreLedger({ path, backupKey: backupKeyForMain(dataKey) })).rejects.toThrow('请先选择');
    // A backup sealed under another key, or a key that does not open this one.
    await expect(restore(target, path, crypto.getRandomValues(new Uint8Array(32)))).rejects.toThrow('无法验证');
    await expect(restore(target, await backupFile(ledger, crypto.getRandomValues(new Uint8Array(32))), dataKey)).rejects.toThrow('无法验证');
    expect(await target.api.batch.history()).toEqual([]);
  });
});
