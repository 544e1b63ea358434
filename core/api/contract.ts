import { z } from 'zod';
import { stationProfileSchema, type StationProfile } from '../domain/station';
import { enumerationExtensionsSchema, type EnumerationExtensions } from '../domain/enums';
import { meansTestStandardSchema, type MeansTestStandard } from '../rules/meansTest';
import { documentValuesSchema } from '../documents/values';
import type { DocumentValues } from '../documents/template';
import { BATCH_RECORD_TYPES, type BatchRecordType } from '../batch/format';
import { SUITES, type SuiteId } from '../batch/formatV2';
import type { VerifyReport } from '../batch/verify';
import { receiptDocumentSchema, type ReceiptDocument } from '../batch/receipt';
import { isRfc3339 } from '../time/rfc3339';
import { ROLES, type Role } from '../access/permissions';
import { FINGERPRINT_PATTERN } from '../batch/keys';

/**
 * The one IPC contract between the renderer and the main process.
 *
 * Each entry names an input schema (parsed in the main process before any handler
 * runs) and, as a phantom type, the output. `createStationApi` derives the typed
 * `window.station` object from this table, and `electron/ipc` derives the handler
 * table from it, so a channel cannot exist on one side only.
 */
export interface Channel<I extends z.ZodType, O> {
  input: I;
  /** Phantom: never read at run time. */
  output?: O;
}

function channel<O>() {
  return <I extends z.ZodType>(input: I): Channel<I, O> => ({ input });
}

const none = z.undefined();

export interface AppInfo {
  version: string;
  /** 'electron' in the app, 'harness' behind the browser preview and e2e tests. */
  transport: 'electron' | 'harness';
  platform: string;
  dataDir: string;
}

/** Province- and city-specific rules, kept in settings so no code change is needed. */
export interface DomainSettings {
  /** Null until the supervisor enters the city's standard. */
  meansTestStandard: MeansTestStandard | null;
  enumerationExtensions: EnumerationExtensions;
}

export interface BackupAuto {
  folder: string | null;
  keep: number;
  lastAt: string | null;
}

export interface RenderedDocument {
  /** The PDF, base64 (both transports carry JSON). */
  pdf: string;
  pages: number;
  sha256: string;
  /** Characters no embedded font can draw: the lawyer is warned before saving. */
  missingCharacters: string[];
  /** The values as printed (trimmed, empty list items dropped). */
  values: DocumentValues;
}

/** The station's signing key as the settings page shows it. */
export interface StationKeyInfo {
  publicKey: string;
  fingerprint: string;
  createdAt: string;
  protection: string;
}

const person = z.strictObject({ id: z.string().min(1).max(64), name: z.string().max(100) });
const timestamp = z.string().max(40).refine(isRfc3339, '应为带时区的 RFC 3339 时间');
const ymdDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '应为 YYYY-MM-DD 格式的日期');
const hex64 = z.string().regex(/^[0-9a-f]{64}$/, '应为小写十六进制 SHA-256');
const keyFingerprint = z.string().regex(FINGERPRINT_PATTERN, '指纹格式无效');

/**
 * A centre's signed receipt as the station keeps it with the batch it answers: the document
 * exactly as the centre signed it (so it can be checked again), the name the supervisor gave
 * the centre's signing key when he confirmed its fingerprint, and how it came back.
 */
export const keptReceiptSchema = z.strictObject({
  document: receiptDocumentSchema,
  centre: z.string().min(1).max(200),
  fingerprint: keyFingerprint,
  via: z.enum(['file', 'upload']),
});
export type KeptReceipt = z.infer<typeof keptReceiptSchema>;

/**
 * One batch of the station's own history, as the history page shows it and as a backup
 * carries it. Strict: a restored history sets the chain the next export continues, so an
 * unknown field, a wrong type or an out-of-range value refuses the whole restore.
 */
export const batchHistoryEntrySchema = z.strictObject({
  batchId: z.uuid(),
  sequence: z.number().int().min(1).max(1_000_000),
  manifestSha256: hex64,
  previousManifestSha256: hex64.nullable(),
  /** SM3 of the manifest: what a gm-1 batch after this one names (absent in histories older than format v2). */
  manifestSm3: hex64.optional(),
  /** Format v2's suite; absent for a v1 batch. */
  suite: z.enum(SUITES).optional(),
  fileName: z.string().regex(/^[^/\\]{1,150}_\d{6,}_\d{8}_\d{8}\.dlbatch\.zip$/, '批次文件名无效'),
  folder: z.string().max(1000),
  bytes: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  period: z.strictObject({ from: ymdDate, to: ymdDate }),
  counts: z.strictObject(
    Object.fromEntries(BATCH_RECORD_TYPES.map((t) => [t, z.number().int().min(0).max(100_000_000)])) as Record<BatchRecordType, z.ZodNumber>,
  ),
  files: z.number().int().min(0).max(100_000_000),
  createdAt: timestamp,
  exportedBy: person,
  status: z.enum(['exported', 'delivered']),
  delivered: z.strictObject({ at: timestamp, by: person }).optional(),
  /** The centre's signed receipt, once one was checked and taken (upload or file). */
  receipt: keptReceiptSchema.optional(),
  reexports: z.array(z.strictObject({ at: timestamp, folder: z.string().max(1000), by: person })).max(1000),
  /** False for batches known from a backup: this machine has no copy to write again. */
  copyAvailable: z.boolean(),
});

export type BatchHistoryEntry = z.infer<typeof batchHistoryEntrySchema>;

export interface BatchExportResult {
  batchId: string;
  sequence: number;
  fileName: string;
  path: string;
  manifestSha256: string;
  period: { from: string; to: string };
  counts: Record<BatchRecordType, number>;
  bytes: number;
}

/** A half-written batch file an interrupted export left on a drive, found at start. */
export interface LeftoverPartial {
  path: string;
  startedAt: string;
  /** False when the drive or folder could not be reached: the file may still be there. */
  removed: boolean;
}

export interface JobProgress {
  phase: 'collecting' | 'writing' | 'verifying' | 'finishing' | 'done' | 'cancelled' | 'failed';
  done: number;
  total: number;
}

/** A batch file opened for import: main holds its one read (a sealed copy) under `token`. */
export interface BatchFileSummary {
  token: string;
  fileName: string;
}

/**
 * Where a verified batch stands against the stations this machine has registered, as
 * main decided it from the verified manifest: our own batch, a station never seen (its
 * key is registered once the supervisor confirms the fingerprint), a batch already
 * ingested, or the next batch of a registered station.
 */
export type ImportStanding = 'own' | 'new' | 'known' | 'next';

export interface BatchImportVerdict extends VerifyReport {
  standing: ImportStanding | null;
  /** Fingerprint of the verified manifest's key: what is shown, and what is registered. */
  fingerprint: string | null;
  /** A v2 batch: this centre's key it was decrypted with, or null when this station holds none of its recipients' keys. */
  recipient?: { keyId: string; name: string } | null;
  /** Why a batch that verified still cannot be imported here (a v2 batch for other centres), in Chinese. */
  importRefusal?: string | null;
}

/** One of this centre's own recipient keys (the private half stays sealed in main). */
export interface CentreKeyInfo {
  name: string;
  suite: SuiteId;
  publicKey: string;
  keyId: string;
  /** H of the key's bytes in groups of four: what a station reads back on the phone. */
  fingerprint: string;
  createdAt: string;
  createdBy: { id: string; name: string };
}

export interface BatchImportChunk {
  records: { type: string; record: Record<string, unknown> }[];
  files: { path: string; sha256: string; data: string }[];
  done: boolean;
}

export type { VerifyReport };

/** A receiving centre the station encrypts its batches to, as main registered it. */
export interface ReceivingCentre {
  name: string;
  suite: SuiteId;
  publicKey: string;
  keyId: string;
  /** H of the key's bytes in groups of four: what was read aloud on the phone. */
  fingerprint: string;
  registeredAt: string;
  registeredBy: { id: string; name: string };
}

/** The province's suite and the centres every export is encrypted to. */
export interface CentresState {
  suite: SuiteId;
  centres: ReceivingCentre[];
}

/** A centre's key file main has read and checked, held under `token` until it is confirmed. */
export interface CentreKeyCandidate {
  token: string;
  name: string;
  suite: SuiteId;
  keyId: string;
  fingerprint: string;
}

/** What beginExport chose: format v1 in the clear, or v2 under `suite` to the registered centres. */
export interface ExportBegun {
  exportId: string;
  sequence: number;
  folder: string;
  version: 1 | 2;
  suite: SuiteId | null;
  recipients: number;
}

/** A centre signing key whose receipts the station accepts, pinned after a phone check of its fingerprint. */
export interface PinnedReceiptKey {
  name: string;
  suite: SuiteId;
  publicKey: string;
  fingerprint: string;
  pinnedAt: string;
  pinnedBy: { id: string; name: string };
}

/**
 * Where one batch's upload stands: on its way, waiting for the next try after a failure,
 * refused by the centre (422, or 409 with the centre's head), failed for good (no copy, a
 * 4xx), or accepted with a receipt whose centre key the supervisor has not confirmed yet.
 */
export interface UploadStatus {
  batchId: string;
  state: 'uploading' | 'waiting' | 'conflict' | 'refused' | 'failed' | 'confirm';
  attempts: number;
  /** When the next automatic try runs (state `waiting`). */
  nextAttemptAt: string | null;
  /** The last failure or refusal, in Chinese. */
  message: string | null;
  /** The centre's reasons for a 422. */
  reasons: string[];
  /** The centre's head for this station, from a 409. */
  centreHead: { sequence: number; manifestHash: string } | null;
}

export interface DeliveryState {
  /** The centre's upload address; null: batches travel on removable media only. */
  centreUrl: string | null;
  pinnedKeys: PinnedReceiptKey[];
  uploads: UploadStatus[];
}

/**
 * A receipt checked against its batch: taken (its key was pinned), waiting for the
 * supervisor to confirm an unknown centre key's fingerprint, or refused with every reason.
 */
export type ReceiptOutcome =
  | { outcome: 'accepted'; sequence: number; centre: string; receivedAt: string }
  | { outcome: 'confirm'; token: string; sequence: number; suite: SuiteId; fingerprint: string; receivedAt: string; suggestedName: string }
  | { outcome: 'refused'; sequence: number | null; problems: string[] };

export type { ReceiptDocument };

const actor = z.object({ id: z.string().min(1).max(64), name: z.string().max(100) });
const jobId = z.uuid();

const backupName = z.string().regex(/^[A-Za-z0-9-]{1,32}_backup_\d{8}T\d{6}\.dlbackup$/, '备份文件名无效');

const cell = z.union([z.string().max(200), z.number().finite()]);
/** The tables of core/statistics/tables.ts; bounded so a runaway payload stays out. */
const statisticsReport = z.object({
  fileName: z.string().min(1).max(200),
  title: z.string().min(1).max(100),
  subtitle: z.string().max(300),
  tables: z
    .array(
      z.object({
        title: z.string().min(1).max(60),
        columns: z.array(z.string().max(60)).min(1).max(60),
        rows: z.array(z.array(cell).max(60)).max(5000),
      }),
    )
    .max(30),
});

/** A session proof: the third 32-byte block of a password's (or the recovery code's) scrypt, base64. */
const proof = z.string().regex(/^[A-Za-z0-9+/]{43}=$/, '会话凭据无效');
const accountId = z.string().min(1).max(64);
const role = z.enum(ROLES, { error: '角色无效' });

export const contract = {
  app: {
    info: channel<AppInfo>()(none),
  },
  backup: {
    chooseFolder: channel<string | null>()(none),
    chooseFile: channel<{ path: string; name: string; bytes: number } | null>()(none),
    write: channel<{ path: string }>()(
      z.object({ folder: z.string().nullable(), fileName: backupName, data: z.string().max(2 ** 31), keep: z.number().int().min(1).max(365).optional() }),
    ),
    read: channel<{ data: string }>()(z.object({ path: z.string().min(1) })),
    getAuto: channel<BackupAuto>()(none),
    setAuto: channel<BackupAuto>()(z.object({ folder: z.string().nullable(), keep: z.number().int().min(1).max(365) })),
    markAuto: channel<BackupAuto>()(z.object({ at: z.string() })),
  },
  batch: {
    stationKey: channel<StationKeyInfo>()(none),
    history: channel<BatchHistoryEntry[]>()(none),
    leftovers: channel<LeftoverPartial[]>()(none),
    /** `plaintext`: the supervisor's explicit choice of an unencrypted v1 batch, needed when no centre is registered. */
    beginExport: channel<ExportBegun | null>()(z.object({ actor, plaintext: z.boolean().optional() })),
    appendRecords: channel<{ count: number }>()(
      z.object({ exportId: jobId, type: z.enum(BATCH_RECORD_TYPES), records: z.array(z.record(z.string(), z.unknown())).max(5000) }),
    ),
    appendFiles: channel<void>()(
      z.object({
        exportId: jobId,
        files: z.array(z.object({ path: z.string().min(1).max(200), data: z.string().max(80_000_000) })).max(64),
      }),
    ),
    setExportTotal: channel<void>()(z.object({ exportId: jobId, total: z.number().int().min(0) })),
    finishExport: channel<BatchExportResult>()(z.object({ exportId: jobId })),
    cancelExport: channel<void>()(z.object({ exportId: jobId })),
    progress: channel<JobProgress>()(z.object({ jobId })),
    reexport: channel<{ path: string } | null>()(z.object({ batchId: jobId, actor })),
    markDelivered: channel<BatchHistoryEntry>()(z.object({ batchId: jobId, actor })),
    openImport: channel<BatchFileSummary | null>()(none),
    verifyImport: channel<BatchImportVerdict>()(z.object({ token: jobId })),
    readImport: channel<BatchImportChunk>()(z.object({ token: jobId, actor, confirmedFingerprint: z.string().max(100).optional() })),
    closeImport: channel<void>()(z.object({ token: jobId })),
    /** A centre's signed receipt for a batch it imported, written as `<batch file>.receipt.json` where the save dialog says. */
    writeReceipt: channel<{ path: string } | null>()(z.object({ batchId: jobId, actor })),
    /**
     * The history comes only out of a backup main opens itself: a file chosen in the restore
     * dialog, sealed under `backupKey` (derived from the data key; it opens backups only).
     */
    restoreLedger: channel<{ added: number }>()(
      z.object({ path: z.string().min(1).max(4096), backupKey: z.string().regex(/^[A-Za-z0-9+/]{43}=$/, '备份密钥无效') }),
    ),
  },
  /**
   * Receiving centres (issue 19): the registry main keeps and the province's suite.
   * Every channel here changes what batches are encrypted to: supervisors only.
   */
  centres: {
    state: channel<CentresState>()(none),
    /** Main shows the open dialog, reads and checks the key file; nothing is registered yet. */
    openKeyFile: channel<CentreKeyCandidate | null>()(none),
    /** Registers the opened key once the supervisor echoes its fingerprint, confirmed by phone. */
    register: channel<ReceivingCentre>()(z.object({ token: jobId, confirmedFingerprint: z.string().max(100), actor })),
    remove: channel<ReceivingCentre>()(z.object({ keyId: z.string().regex(/^[0-9a-f]{16}$/, 'keyId 无效'), actor })),
    setSuite: channel<CentresState>()(z.object({ suite: z.enum(SUITES), actor })),
  },
  /**
   * A receiving centre's own recipient keys (a station of kind 法律援助中心): made, listed and
   * exported by main; the private key leaves main only as the plain file on explicit request.
   */
  centreKeys: {
    list: channel<CentreKeyInfo[]>()(none),
    create: channel<CentreKeyInfo>()(z.object({ suite: z.enum(SUITES), name: z.string().trim().min(1, '请填写名称').max(200), actor })),
    exportPublic: channel<{ path: string } | null>()(z.object({ keyId: z.string().regex(/^[0-9a-f]{16}$/, 'keyId 无效') })),
    exportPrivate: channel<{ path: string } | null>()(
      z.object({ keyId: z.string().regex(/^[0-9a-f]{16}$/, 'keyId 无效'), acknowledgePlaintext: z.literal(true, { error: '导出明文私钥须先明确确认' }) }),
    ),
  },
  /**
   * Delivery (issue 19): receipts carried back on the stick, the centre's upload address, and
   * the upload queue main runs. Main reads every receipt file and makes every request itself.
   */
  delivery: {
    state: channel<DeliveryState>()(none),
    /** Main shows the open dialog, reads the receipt file once and checks it against its batch. */
    openReceipt: channel<ReceiptOutcome | null>()(z.object({ actor })),
    /** A receipt an upload brought back whose centre key is not pinned: shown for confirmation. */
    reviewUploadReceipt: channel<ReceiptOutcome>()(z.object({ batchId: jobId, actor })),
    /** Pins the centre key once the supervisor echoes its fingerprint, and takes the receipt. */
    confirmReceiptKey: channel<ReceiptOutcome>()(
      z.object({ token: jobId, confirmedFingerprint: z.string().max(100), name: z.string().trim().min(1, '请填写接收中心名称').max(200), actor }),
    ),
    setCentreUrl: channel<DeliveryState>()(z.object({ url: z.string().trim().max(500).nullable(), actor })),
    /** Uploads a batch now: the first time, or again after a failure or a refusal. */
    uploadNow: channel<UploadStatus>()(z.object({ batchId: jobId, actor })),
    /** `GET <url>/api/v1/stations/<code>/head`: the last batch the centre holds of this station. */
    centreHead: channel<{ sequence: number; manifestHash: string } | null>()(none),
  },
  documents: {
    render: channel<RenderedDocument>()(
      z.object({ kind: z.string().min(1).max(64), values: documentValuesSchema, docNumber: z.string().max(80), draft: z.boolean().optional() }),
    ),
    exportPdf: channel<{ path: string } | null>()(
      // 60 MB of base64 is far above any document; the limit keeps a runaway payload out.
      z.object({ fileName: z.string().min(1).max(200), pdf: z.string().min(8).max(80_000_000) }),
    ),
  },
  statistics: {
    exportXlsx: channel<{ path: string } | null>()(statisticsReport),
    exportPdf: channel<{ path: string; pages: number } | null>()(statisticsReport),
    renderPdf: channel<{ pdf: string; pages: number }>()(statisticsReport.omit({ fileName: true })),
  },
  /**
   * Main's own record of who is signed in (docs/SECURITY.md, "Main checks roles"): the role
   * main acts on comes from its registry, opened by the session proof of a password, never
   * from what the renderer says.
   */
  session: {
    begin: channel<{ role: Role }>()(z.strictObject({ accountId, proof })),
    end: channel<void>()(none),
    /** Whether main holds the recovery code's proof (a station upgraded or restored does not, until a supervisor registers it). */
    status: channel<{ recoveryRegistered: boolean }>()(none),
    /** The accounts as they stand, taken only while main knows none (upgrade, first run) or from a supervisor's session (a restore). */
    seed: channel<void>()(
      z.strictObject({
        accounts: z
          .array(z.strictObject({ id: accountId, role, proof: proof.optional() }))
          .min(1)
          .max(1000),
        recoveryProof: proof.optional(),
      }),
    ),
    /** Role and password of an account: a supervisor's session for anyone, an account's own session for its own password. */
    setAccount: channel<void>()(z.strictObject({ accountId, role: role.optional(), proof: proof.optional() })),
    /** A disabled account: no proof opens it in main until a supervisor resets its password. */
    dropAccount: channel<void>()(z.strictObject({ accountId })),
    /** The recovery code's proof stands for the station: it opens a supervisor's session and sets his new password. */
    recover: channel<{ role: Role }>()(z.strictObject({ accountId, recoveryProof: proof, proof })),
    setRecovery: channel<void>()(z.strictObject({ proof })),
  },
  settings: {
    getProfile: channel<StationProfile | null>()(none),
    saveProfile: channel<StationProfile>()(stationProfileSchema),
    getDomain: channel<DomainSettings>()(none),
    saveMeansTestStandard: channel<MeansTestStandard>()(meansTestStandardSchema),
    saveEnumerationExtensions: channel<EnumerationExtensions>()(enumerationExtensionsSchema),
  },
} as const;

export type Contract = typeof contract;
export type Namespace = keyof Contract;

export type ChannelName = {
  [N in Namespace]: `${N & string}.${keyof Contract[N] & string}`;
}[Namespace];

type InputOf<C> = C extends Channel<infer I, unknown> ? z.input<I> : never;
type OutputOf<C> = C extends Channel<z.ZodType, infer O> ? O : never;

/** A method takes no argument when its input schema accepts only `undefined`. */
type Method<C> = [InputOf<C>] extends [undefined] ? () => Promise<OutputOf<C>> : (input: InputOf<C>) => Promise<OutputOf<C>>;

export type StationApi = {
  [N in Namespace]: { [M in keyof Contract[N]]: Method<Contract[N][M]> };
};

/** What crosses the transport: never a thrown error, always one of these. */
export type Envelope<T = unknown> =
  | { ok: true; value: T }
  | { ok: false; error: { code: string; message: string; issues?: { path: (string | number)[]; message: string }[] } };

export function channelNames(): ChannelName[] {
  const names: string[] = [];
  for (const [ns, methods] of Object.entries(contract)) {
    for (const method of Object.keys(methods)) names.push(`${ns}.${method}`);
  }
  return names as ChannelName[];
}

export function channelInput(name: ChannelName): z.ZodType {
  const [ns, method] = name.split('.') as [Namespace, string];
  const entry = (contract[ns] as Record<string, Channel<z.ZodType, unknown>>)[method];
  if (!entry) throw new Error(`unknown channel ${name}`);
  return entry.input;
}

export function isChannelName(value: unknown): value is ChannelName {
  return typeof value === 'string' && (channelNames() as string[]).includes(value);
}
