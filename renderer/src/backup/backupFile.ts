import { z } from 'zod';
import type { BatchHistoryEntry } from '../../../core/api/contract';
import type { StationProfile } from '../../../core/domain/station';
import type { DomainSettings } from '../../../core/api/contract';
import { markTrashed, TRASHABLE, type StationDb } from '../db/database';
import { reindexConsultations } from '../db/searchIndex';
import { forgetCaches } from '../db/repository';
import { copyLiveKey, fromBase64, toBase64, unwrapDataKeyWithProof, normalizeRecoveryCode, type WrappedKey } from '../db/keyMaterial';
import { hmac } from '@noble/hashes/hmac';
import { sha256 } from '@noble/hashes/sha256';

/**
 * A backup is one file: a clear header saying whose it is and holding the already
 * wrapped data keys (one per account, one under the recovery code), and the whole
 * database plus settings sealed with AES-GCM under a key derived from the data key.
 * Restoring needs a password of an account in the backup, or the recovery code.
 */
export const BACKUP_FORMAT = 'duty-lawyer-station-backup';
// Every table: records, their outbox for batches, documents and their PDFs, imported
// stations. A backup made before a table existed restores it empty.
const TABLES = [
  'lawyers',
  'consultations',
  'accounts',
  'audit',
  'meta',
  'documents',
  'documentFiles',
  'mediations',
  'shifts',
  'dutyRoster',
  'statFacts',
  'outbox',
  'importedRecords',
  'importedStations',
  'revisions',
] as const;

/**
 * The scrypt parameters a backup may ask for. A foreign file chooses them, and scrypt
 * costs N·r·p: checked before any work, so a hostile p=10,000 (half an hour of CPU) or an
 * N of 2^30 (128 GiB) is refused at once. The range covers the app's own parameters
 * (N=2^15..2^17, r=8, p=1) with room to grow.
 */
export const SCRYPT_LIMITS = { minN: 2 ** 10, maxN: 2 ** 18, maxR: 16, maxP: 4, maxWork: 2 ** 18 * 8 } as const;
const SCRYPT_PARAMS_MESSAGE = '备份中的密钥派生参数超出允许范围，可能是伪造或损坏的备份，已拒绝';

const wrappedKeySchema = z
  .object({
    v: z.literal(1),
    kdf: z.literal('scrypt'),
    N: z.number().int().min(SCRYPT_LIMITS.minN).max(SCRYPT_LIMITS.maxN),
    r: z.number().int().min(1).max(SCRYPT_LIMITS.maxR),
    p: z.number().int().min(1).max(SCRYPT_LIMITS.maxP),
    salt: z.string().max(128),
    check: z.string().max(128),
    iv: z.string().max(64),
    ct: z.string().max(256),
  })
  .refine((k) => (k.N & (k.N - 1)) === 0 && k.N * k.r * k.p <= SCRYPT_LIMITS.maxWork, SCRYPT_PARAMS_MESSAGE);

const headerSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(1),
  station: z.object({ code: z.string(), name: z.string() }),
  createdAt: z.string(),
  schemaVersion: z.number(),
  counts: z.record(z.string(), z.number()),
  keys: z.object({
    accounts: z.array(z.object({ username: z.string(), wrappedKey: wrappedKeySchema })),
    recovery: wrappedKeySchema.nullable(),
  }),
  iv: z.string(),
});

export type BackupHeader = z.infer<typeof headerSchema>;

export interface BackupContent {
  profile: StationProfile;
  domain: DomainSettings;
  tables: Partial<Record<(typeof TABLES)[number], unknown[]>>;
  /** The station's batch history, so a restored station continues its chain (sequence, previous hash). */
  batchLedger?: BatchHistoryEntry[];
}

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

const enc = new TextEncoder();

function backupKeyBytes(dataKey: Uint8Array): Uint8Array {
  return hmac(sha256, dataKey, enc.encode('duty-lawyer-station/backup/v1'));
}

/** Derives the backup key synchronously from the bytes it is given (see copyLiveKey). */
async function backupKey(dataKey: Uint8Array): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', backupKeyBytes(dataKey) as Uint8Array<ArrayBuffer>, 'AES-GCM', false, ['encrypt', 'decrypt']);
}

/**
 * What main needs to open a backup itself (base64): it restores the batch history only
 * from a backup it verified. The key opens backups and nothing else.
 */
export function backupKeyForMain(dataKey: Uint8Array): string {
  return toBase64(backupKeyBytes(dataKey));
}

/** Builds the backup file's bytes: a JSON header line, then the sealed body (base64). */
export async function createBackup(
  db: StationDb,
  dataKey: Uint8Array,
  settings: { profile: StationProfile; domain: DomainSettings; batchLedger?: BatchHistoryEntry[] },
  createdAt: string,
): Promise<{ bytes: Uint8Array; header: BackupHeader }> {
  // The key is derived before the first await: a lock during the dump zeroes the session's
  // key, and a backup sealed under zero bytes would open for anyone.
  const key = copyLiveKey(dataKey);
  const sealingKey = backupKey(key);
  key.fill(0);
  const tables = {} as Record<(typeof TABLES)[number], unknown[]>;
  await db.transaction(
    'r',
    TABLES.map((t) => db.table(t)),
    async () => {
      for (const t of TABLES) tables[t] = await db.table(t).toArray();
    },
  );
  const accounts = (tables.accounts as { username: string; wrappedKey: WrappedKey; deleted: boolean; disabled: boolean }[])
    .filter((a) => !a.deleted && !a.disabled)
    .map((a) => ({ username: a.username, wrappedKey: a.wrappedKey }));
  const keyring = (tables.meta as { key: string; value: { recoveryWrap?: WrappedKey } }[]).find((m) => m.key === 'keyring');
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    version: 1,
    station: { code: settings.profile.code, name: settings.profile.name },
    createdAt,
    schemaVersion: db.verno,
    counts: Object.fromEntries(TABLES.map((t) => [t, tables[t].length])),
    keys: { accounts, recovery: keyring?.value.recoveryWrap ?? null },
    iv: toBase64(iv),
  };
  const headerLine = JSON.stringify(header);
  const content: BackupContent = { ...settings, tables };
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: enc.encode(headerLine) },
    await sealingKey,
    enc.encode(JSON.stringify(content)),
  );
  const bytes = enc.encode(`${headerLine}\n${toBase64(new Uint8Array(sealed))}\n`);
  return { bytes, header };
}

function split(bytes: Uint8Array): { headerLine: string; body: string } {
  const text = new TextDecoder().decode(bytes);
  const nl = text.indexOf('\n');
  if (nl < 0) throw new BackupError('不是值班律师工作站的备份文件');
  return { headerLine: text.slice(0, nl), body: text.slice(nl + 1).trim() };
}

/** Reads what a backup says about itself, without any secret. */
export function readBackupHeader(bytes: Uint8Array): BackupHeader {
  const { headerLine } = split(bytes);
  let raw: unknown;
  try {
    raw = JSON.parse(headerLine);
  } catch {
    throw new BackupError('不是值班律师工作站的备份文件');
  }
  const parsed = headerSchema.safeParse(raw);
  if (!parsed.success) {
    const scrypt = parsed.error.issues.some((i) => i.message === SCRYPT_PARAMS_MESSAGE || ['N', 'r', 'p'].includes(String(i.path.at(-1))));
    throw new BackupError(scrypt ? SCRYPT_PARAMS_MESSAGE : '备份文件格式无法识别或已损坏');
  }
  return parsed.data;
}

/**
 * Opens a backup with a password (of one of its accounts) or the recovery code.
 * Refuses another station's backup unless `acceptStation` names it.
 */
export async function openBackup(
  bytes: Uint8Array,
  secret: { username: string; password: string } | { recoveryCode: string },
  expectedStationCode: string | null,
  acceptStation?: string,
): Promise<{ header: BackupHeader; content: BackupContent; dataKey: Uint8Array; proof: string }> {
  const header = readBackupHeader(bytes);
  if (expectedStationCode && header.station.code !== expectedStationCode && acceptStation !== header.station.code) {
    throw new BackupError(`这是工作站“${header.station.name}”（${header.station.code}）的备份，不是本站的；如确需导入，请明确选择“作为其他工作站的备份导入”`);
  }
  // The proof of the secret typed (keyMaterial): a restore gives it to main with the restored accounts.
  let dataKey: Uint8Array;
  let proof: string;
  if ('recoveryCode' in secret) {
    if (!header.keys.recovery) throw new BackupError('该备份不含恢复码信息');
    ({ dataKey, proof } = await unwrapDataKeyWithProof(header.keys.recovery as WrappedKey, normalizeRecoveryCode(secret.recoveryCode), '恢复码错误'));
  } else {
    const account = header.keys.accounts.find((a) => a.username === secret.username.trim());
    if (!account) throw new BackupError('备份中没有这个用户名');
    ({ dataKey, proof } = await unwrapDataKeyWithProof(account.wrappedKey as WrappedKey, secret.password, '用户名或密码错误'));
  }
  const { headerLine, body } = split(bytes);
  let plain: ArrayBuffer;
  try {
    plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64(header.iv), additionalData: enc.encode(headerLine) },
      await backupKey(dataKey),
      fromBase64(body),
    );
  } catch {
    throw new BackupError('备份文件已损坏或被改动，无法恢复');
  }
  return { header, content: JSON.parse(new TextDecoder().decode(plain)) as BackupContent, dataKey, proof };
}

/**
 * Replaces every table with the backup's, in one transaction: all or nothing. The search
 * postings are not in a backup (they are binary and derived); they are rebuilt from the
 * restored records' blinded tokens in the same transaction, and what was cached of the
 * old tables is forgotten. Drafts of unsaved forms (db/drafts.ts) are never backed up.
 */
export async function restoreTables(db: StationDb, content: BackupContent): Promise<void> {
  await db.transaction('rw', [...TABLES.map((t) => db.table(t)), db.postings, db.tailTokens, db.orderSnapshot, db.orderLog, db.drafts], async () => {
    for (const t of TABLES) {
      await db.table(t).clear();
      const rows = (content.tables[t] ?? []) as { deleted: boolean; updatedAt: string; trashedAt?: string }[];
      // A backup from before the 回收站 holds tombstones without their index value.
      if ((TRASHABLE as readonly string[]).includes(t)) rows.forEach(markTrashed);
      await db.table(t).bulkAdd(rows);
    }
    // Unsaved forms are not in a backup, and those here were typed over the records now replaced.
    await db.drafts.clear();
    await reindexConsultations(db);
  });
  forgetCaches(db);
}
