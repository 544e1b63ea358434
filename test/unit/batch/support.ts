import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash, randomUUID } from 'node:crypto';
import yazl from 'yazl';
import yauzl from 'yauzl';
import { createBatchService, type BatchPorts, type BatchService } from '../../../electron/services/batch/batchService';
import { fileSecretProtector, type SecretProtector } from '../../../electron/services/batch/secretProtector';
import { memoryStore } from '../../../electron/services/settings/keyValueStore';
import { createStationKeys } from '../../../electron/services/batch/stationKey';
import { signManifest, toBase64 } from '../../../core/batch/keys';
import type { BatchRecordType, StationOfManifest } from '../../../core/batch/format';
import type { ExportTarget } from '../../../electron/services/batch/exportJob';

export const STATION = { code: 'LN0102-KSS01', name: '沈阳市和平区看守所法律援助工作站', kind: 'detention_center' as const, regionCode: '210102' };

export interface TestStation {
  service: BatchService;
  outDir: string;
  dataDir: string;
  /** Signs bytes with the station's own key (for building bad batches that are still signed). */
  sign(bytes: Uint8Array): string;
  setImportFile(path: string | null): void;
  /** The station's settings store (to age its history into a pre-v2 one). */
  store: ReturnType<typeof memoryStore>;
  protector: ReturnType<typeof fileSecretProtector>;
}

export function testStation(
  options: {
    exportTarget?: () => ExportTarget;
    station?: typeof STATION | StationOfManifest;
    ports?: Partial<BatchPorts>;
    store?: ReturnType<typeof memoryStore>;
    protector?: SecretProtector;
    onExported?: (batchId: string, actor: { id: string; name: string }) => void;
  } = {},
): TestStation {
  const dataDir = mkdtempSync(join(tmpdir(), 'batch-data-'));
  const outDir = mkdtempSync(join(tmpdir(), 'batch-out-'));
  const store = options.store ?? memoryStore();
  const protector = options.protector ?? fileSecretProtector(join(dataDir, 'secrets', 'k'));
  let importFile: string | null = null;
  const service = createBatchService({
    store,
    dataDir,
    appVersion: '0.1.0',
    protector,
    chooseFolder: async () => outDir,
    readChosenBackup: (path: string) => readFileSync(path),
    chooseBatchFile: async () => importFile,
    station: () => options.station ?? STATION,
    ...(options.exportTarget ? { exportTarget: options.exportTarget } : {}),
    ...options.ports,
    ...(options.onExported ? { onExported: options.onExported } : {}),
  });
  const keys = createStationKeys(store, protector);
  return {
    service,
    outDir,
    dataDir,
    sign: (bytes) => keys.withSeed((seed) => toBase64(signManifest(bytes, seed))),
    setImportFile: (p) => (importFile = p),
    store,
    protector,
  };
}

let clock = Date.parse('2026-11-20T01:00:00Z');
/** A consultation-shaped record changed at a known time. */
export function consultation(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  clock += 60_000;
  const at = new Date(clock);
  const local = new Date(at.getTime() + 8 * 3600_000).toISOString().replace('Z', '+08:00');
  return {
    id: randomUUID(),
    rev: 1,
    createdAt: local,
    updatedAt: local,
    deleted: false,
    clientName: '王小明',
    helpTypes: ['legal_consultation'],
    advice: '建议申请法律援助。',
    ...overrides,
  };
}

export function fakePdf(text: string): Buffer {
  return Buffer.from(`%PDF-1.7\n% ${text}\n%%EOF\n`, 'utf8');
}

export function documentLine(pdf: Buffer, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const base = consultation({ kind: 'help_record', number: '〔2026〕LN0102-KSS01值字第0001号', ...overrides });
  return { ...base, file: `documents/${base.id as string}.pdf`, sha256: createHash('sha256').update(pdf).digest('hex'), bytes: pdf.length };
}

/**
 * Exports through the real service, as the renderer does: records by type, then PDFs. With
 * the supervisor's explicit v1 choice, which only counts where no centre is registered.
 */
export async function exportBatch(
  station: TestStation,
  records: Partial<Record<BatchRecordType, Record<string, unknown>[]>>,
  pdfs: Map<string, Buffer> = new Map(),
) {
  const begun = await station.service.beginExport({ actor: { id: 'u1', name: '李主任' }, plaintext: true });
  if (!begun) throw new Error('no folder');
  for (const type of ['consultations', 'mediations', 'shifts', 'documents'] as const) {
    const list = records[type] ?? [];
    for (let i = 0; i < list.length; i += 500) {
      await station.service.appendRecords({ exportId: begun.exportId, type, records: list.slice(i, i + 500) });
    }
  }
  for (const [path, bytes] of pdfs) await station.service.appendFiles({ exportId: begun.exportId, files: [{ path, data: bytes.toString('base64') }] });
  return station.service.finishExport({ exportId: begun.exportId });
}

export type Entries = [string, Buffer][];

export function readZip(path: string): Promise<Entries> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, decodeStrings: false }, (err, zip) => {
      if (err) return reject(err);
      const out: Entries = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, s) => {
          if (e) return reject(e);
          const parts: Buffer[] = [];
          s.on('data', (c: Buffer) => parts.push(c));
          s.on('end', () => {
            out.push([(entry.fileName as unknown as Buffer).toString('utf8'), Buffer.concat(parts)]);
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(out));
      zip.readEntry();
    });
  });
}

export function writeZip(path: string, entries: Entries): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const [name, bytes] of entries) {
    // yazl refuses unsafe names itself; write those through a placeholder patched afterwards.
    zip.addBuffer(bytes, name.includes('..') ? name.replaceAll('..', '__') : name, { mtime: new Date(0) });
  }
  zip.end();
  const parts: Buffer[] = [];
  return new Promise((resolve) => {
    zip.outputStream.on('data', (c: Buffer) => parts.push(c));
    zip.outputStream.on('end', () => {
      let buf = Buffer.concat(parts);
      for (const [name] of entries) {
        if (name.includes('..')) buf = Buffer.from(buf.toString('latin1').replaceAll(name.replaceAll('..', '__'), name), 'latin1');
      }
      writeFileSync(path, buf);
      resolve();
    });
  });
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function fileBytes(path: string): Buffer {
  return readFileSync(path);
}
