import type { AppInfo } from '../../core/api/contract';
import { createSettingsService, type SettingsService } from './settings/settingsService';
import type { KeyValueStore } from './settings/keyValueStore';
import { createBackupService, type BackupService } from './backup/backupFiles';
import type { BackupAuto } from '../../core/api/contract';
import { ServiceError } from './errors';
import { createDocumentService, type DocumentService } from './documents/documentService';
import { createPdfExport, type PdfExport } from './documents/pdfExport';
import { resolveFontFiles } from './pdf/fonts';
import { createBatchService, type BatchService } from './batch/batchService';
import { createCentres, type Centres } from './batch/centres';
import { createCentreKeys, type CentreKeys } from './batch/centreKeys';
import { createDelivery, type Delivery } from './batch/delivery';
import { createLedger } from './batch/ledger';
import type { SecretProtector } from './batch/secretProtector';
import { createStatisticsExport, type StatisticsExport } from './statistics/statisticsExport';
import { createMainSession, type MainSession } from './session/mainSession';

/** Everything that differs between the Electron app and the Node harness. */
export interface Ports {
  settingsStore: KeyValueStore;
  dataDir: string;
  appVersion: string;
  transport: AppInfo['transport'];
  dialogs: {
    chooseFolder(): Promise<string | null>;
    chooseFile(): Promise<string | null>;
    chooseSavePath(defaultName: string, kind?: 'pdf' | 'xlsx'): Promise<string | null>;
    chooseBatchFolder(): Promise<string | null>;
    chooseBatchFile(): Promise<string | null>;
    /** A receiving centre's public key file. */
    chooseKeyFile(): Promise<string | null>;
    /**
     * The save dialog for a small JSON file (a centre's key file, a receipt), opened at
     * `defaultPath` (a file name, or a full path such as beside the batch on the stick).
     */
    chooseJsonSavePath?(defaultPath: string, title: string): Promise<string | null>;
    /** A centre's receipt file (`<batch file>.receipt.json`) carried back on the stick. */
    chooseReceiptFile(): Promise<string | null>;
  };
  /** Protects the station's signing key at rest: safeStorage in the app, a key file elsewhere. */
  protector: SecretProtector;
  /** Where the packaged app keeps its fonts (process.resourcesPath); absent in development. */
  resourcesDir?: string;
  /** Uploads: the app uses Node's fetch and the spec's backoff; tests shorten the delays. */
  delivery?: { fetch?: typeof fetch; retryDelaysMs?: readonly number[] };
}

export interface Services {
  appInfo(): AppInfo;
  settings: SettingsService;
  backup: BackupService & {
    getAuto(): BackupAuto;
    setAuto(input: { folder: string | null; keep: number }): BackupAuto;
    markAuto(input: { at: string }): BackupAuto;
  };
  documents: DocumentService & PdfExport;
  batch: BatchService;
  centres: Centres;
  centreKeys: CentreKeys;
  delivery: Delivery;
  statistics: StatisticsExport;
  session: MainSession;
}

const AUTO_KEY = 'backupAuto';

export function createServices(ports: Ports): Services {
  const getAuto = (): BackupAuto => {
    const raw = ports.settingsStore.get(AUTO_KEY) as Partial<BackupAuto> | undefined;
    return { folder: raw?.folder ?? null, keep: raw?.keep ?? 7, lastAt: raw?.lastAt ?? null };
  };
  const chosen = new Set<string>();
  const files = createBackupService({
    chooseFolder: async () => {
      const folder = await ports.dialogs.chooseFolder();
      if (folder) chosen.add(folder);
      return folder;
    },
    chooseFile: () => ports.dialogs.chooseFile(),
    autoFolder: () => getAuto().folder,
  });
  const documents = createDocumentService(resolveFontFiles(ports.resourcesDir));
  const settings = createSettingsService(ports.settingsStore);
  const centres = createCentres({ store: ports.settingsStore, chooseKeyFile: () => ports.dialogs.chooseKeyFile() });
  const chooseJson = async (defaultPath: string, title: string) =>
    ports.dialogs.chooseJsonSavePath ? ports.dialogs.chooseJsonSavePath(defaultPath, title) : null;
  const centreKeys = createCentreKeys({
    store: ports.settingsStore,
    protector: ports.protector,
    isCentre: () => settings.getProfile()?.kind === 'legal_aid_centre',
    chooseSavePath: chooseJson,
  });
  const delivery = createDelivery({
    store: ports.settingsStore,
    ledger: createLedger(ports.settingsStore),
    dataDir: ports.dataDir,
    protector: ports.protector,
    chooseReceiptFile: () => ports.dialogs.chooseReceiptFile(),
    stationCode: () => settings.getProfile()?.code ?? null,
    centreNames: () => {
      try {
        return centres.state().centres.map((c) => c.name);
      } catch {
        return [];
      }
    },
    ...ports.delivery,
  });
  const batch = createBatchService({
    store: ports.settingsStore,
    dataDir: ports.dataDir,
    appVersion: ports.appVersion,
    protector: ports.protector,
    chooseFolder: () => ports.dialogs.chooseBatchFolder(),
    chooseBatchFile: () => ports.dialogs.chooseBatchFile(),
    readChosenBackup: (path) => files.readChosen(path),
    station: () => {
      const p = settings.getProfile();
      return p ? { code: p.code, name: p.name, kind: p.kind, regionCode: p.regionCode } : null;
    },
    exportTarget: () => centres.exportTarget(),
    recipientKey: (manifest) => centreKeys.secretFor(manifest),
    chooseReceiptPath: (defaultPath) => chooseJson(defaultPath, '保存回执文件'),
    onExported: (batchId, actor) => delivery.exported(batchId, actor),
  });
  delivery.resume();
  return {
    session: createMainSession(ports.settingsStore, () => settings.getProfile() !== null),
    batch,
    centres,
    centreKeys,
    delivery,
    documents: { ...documents, ...createPdfExport(ports.dialogs) },
    statistics: createStatisticsExport(documents, (name, kind) => ports.dialogs.chooseSavePath(name, kind)),
    appInfo: () => ({
      version: ports.appVersion,
      transport: ports.transport,
      platform: process.platform,
      dataDir: ports.dataDir,
    }),
    settings,
    backup: {
      ...files,
      getAuto,
      setAuto(input) {
        if (input.folder && !chosen.has(input.folder)) throw new ServiceError('folder_not_chosen', '请先选择备份保存的位置');
        const next = { ...getAuto(), folder: input.folder, keep: input.keep };
        ports.settingsStore.set(AUTO_KEY, next);
        return next;
      },
      markAuto(input) {
        const next = { ...getAuto(), lastAt: input.at };
        ports.settingsStore.set(AUTO_KEY, next);
        return next;
      },
    },
  };
}
