import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBatchService } from '../../../electron/services/batch/batchService';
import { fileSecretProtector } from '../../../electron/services/batch/secretProtector';
import { memoryStore } from '../../../electron/services/settings/keyValueStore';
import { consultation, STATION } from './support';

function start(dataDir: string, store: ReturnType<typeof memoryStore>, stick: string) {
  return createBatchService({
    store,
    dataDir,
    appVersion: '0.1.0',
    protector: fileSecretProtector(join(dataDir, 'k')),
    chooseFolder: async () => stick,
    chooseBatchFile: async () => null,
    readChosenBackup: () => {
      throw new Error('no backup here');
    },
    station: () => STATION,
  });
}

const hidden = (dir: string) => readdirSync(dir).filter((n) => n.endsWith('.partial'));

/** The writer opens the file asynchronously: wait until it is on the stick. */
async function partialOn(dir: string): Promise<string> {
  for (let i = 0; i < 100 && hidden(dir).length === 0; i++) await new Promise((r) => setTimeout(r, 10));
  return hidden(dir)[0]!;
}

describe('an export interrupted by a crash', () => {
  it('leaves no half-written batch on the stick after the next start, and says where it was', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'crash-data-'));
    const stick = mkdtempSync(join(tmpdir(), 'crash-usb-'));
    const store = memoryStore();
    const before = start(dataDir, store, stick);
    const begun = (await before.beginExport({ actor: { id: 'u1', name: '李主任' } }))!;
    await before.appendRecords({ exportId: begun.exportId, type: 'consultations', records: [consultation({ clientName: '王小明' })] });
    const left = await partialOn(stick);
    expect(left).toMatch(/^\..+\.partial$/);
    // The process dies here: no finish, no cancel. The app starts again.
    const after = start(dataDir, store, stick);
    expect(hidden(stick)).toEqual([]);
    expect(after.leftovers()).toEqual([{ path: join(stick, left), startedAt: expect.any(String), removed: true }]);
    // Told once.
    expect(after.leftovers()).toEqual([]);
    expect(start(dataDir, store, stick).leftovers()).toEqual([]);
  });

  it('keeps telling while the stick is elsewhere, and removes the file once it is back', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'crash-data-'));
    const stick = mkdtempSync(join(tmpdir(), 'crash-usb-'));
    const store = memoryStore();
    const before = start(dataDir, store, stick);
    const begun = (await before.beginExport({ actor: { id: 'u1', name: '李主任' } }))!;
    await before.appendRecords({ exportId: begun.exportId, type: 'consultations', records: [consultation()] });
    const left = await partialOn(stick);
    const away = `${stick}-away`;
    const { renameSync } = await import('node:fs');
    renameSync(stick, away); // the stick was pulled out
    expect(start(dataDir, store, stick).leftovers()).toEqual([{ path: join(stick, left), startedAt: expect.any(String), removed: false }]);
    renameSync(away, stick); // and plugged in again
    expect(start(dataDir, store, stick).leftovers()).toMatchObject([{ removed: true }]);
    expect(existsSync(join(stick, left))).toBe(false);
    rmSync(stick, { recursive: true, force: true });
  });
});
