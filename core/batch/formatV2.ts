import { z } from 'zod';
import { isRfc3339 } from '../time/rfc3339';
import { BATCH_FORMAT, isUuid, manifestStationSchema, periodAndChainRules, ymd } from './format';

/**
 * Format v2 of shared/spec/batch-format.md: the data files are encrypted to one or more
 * receiving centres under one of two algorithm suites. Shapes and pure rules only; the
 * algorithms themselves are behind the suite ports in suite.ts.
 */
export const BATCH_FORMAT_VERSION_2 = 2;

export const SUITES = ['intl-1', 'gm-1'] as const;
export type SuiteId = (typeof SUITES)[number];

export const SUITE_LABELS: Record<SuiteId, string> = {
  'intl-1': '国际算法（Ed25519 / X25519 / AES-256-GCM）',
  'gm-1': '国密算法（SM2 / SM3 / SM4）',
};

export function isSuiteId(value: unknown): value is SuiteId {
  return typeof value === 'string' && (SUITES as readonly string[]).includes(value);
}

/** More receiving centres than any batch is sent to; a longer list is refused before any key is checked. */
export const MAX_RECIPIENTS = 64;

/** Stored entries are the v1 names plus this suffix. */
export const ENCRYPTED_SUFFIX = '.enc';

const HEX64 = /^[0-9a-f]{64}$/;
const KEY_ID = /^[0-9a-f]{16}$/;
const hex = z.string().regex(HEX64, '应为 64 位小写十六进制哈希');
const base64 = z
  .string()
  .regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/, '应为 base64')
  .min(1);

export const manifestFileV2Schema = z.strictObject({
  path: z.string().min(1),
  hash: hex,
  bytes: z.number().int().min(0),
  plainHash: hex,
  plainBytes: z.number().int().min(0),
  records: z.number().int().min(0).optional(),
});

/** One receiving centre. `ephemeralPublicKey` exists in intl-1 only (checked in verifyV2). */
export const recipientEntrySchema = z.strictObject({
  keyId: z.string().regex(KEY_ID, 'keyId 应为 16 位小写十六进制'),
  publicKey: base64,
  ephemeralPublicKey: base64.optional(),
  encryptedKey: base64,
});

export const manifestV2Schema = z
  .strictObject({
    format: z.literal(BATCH_FORMAT),
    formatVersion: z.literal(BATCH_FORMAT_VERSION_2),
    suite: z.enum(SUITES),
    batchId: z.string().refine(isUuid, '应为 UUID'),
    sequence: z.number().int().min(1),
    previousManifestHash: hex.nullable(),
    station: manifestStationSchema,
    publicKey: base64,
    createdAt: z.string().refine(isRfc3339, '应为带时区的 RFC 3339 时间'),
    period: z.object({ from: ymd, to: ymd }),
    appVersion: z.string(),
    schemaVersion: z.number().int().min(1),
    counts: z.record(z.string(), z.number().int().min(0)),
    files: z.array(manifestFileV2Schema),
    // Each entry costs a point check; no province has more centres than this.
    recipients: z.array(recipientEntrySchema).max(MAX_RECIPIENTS, `接收方最多 ${MAX_RECIPIENTS} 个`),
  })
  .superRefine(periodAndChainRules('previousManifestHash'));

export type ManifestV2 = z.infer<typeof manifestV2Schema>;
export type ManifestFileV2 = z.infer<typeof manifestFileV2Schema>;
export type RecipientEntry = z.infer<typeof recipientEntrySchema>;

/** The manifest's bytes, keys in the spec's order, indented for a person to read; signed as they are. */
export function serializeManifestV2(m: ManifestV2): Uint8Array {
  const ordered: ManifestV2 = {
    format: m.format,
    formatVersion: m.formatVersion,
    suite: m.suite,
    batchId: m.batchId,
    sequence: m.sequence,
    previousManifestHash: m.previousManifestHash,
    station: { code: m.station.code, name: m.station.name, kind: m.station.kind, regionCode: m.station.regionCode },
    publicKey: m.publicKey,
    createdAt: m.createdAt,
    period: { from: m.period.from, to: m.period.to },
    appVersion: m.appVersion,
    schemaVersion: m.schemaVersion,
    counts: m.counts,
    files: m.files.map((f) => ({
      path: f.path,
      hash: f.hash,
      bytes: f.bytes,
      plainHash: f.plainHash,
      plainBytes: f.plainBytes,
      ...(f.records === undefined ? {} : { records: f.records }),
    })),
    recipients: m.recipients.map((r) => ({
      keyId: r.keyId,
      publicKey: r.publicKey,
      ...(r.ephemeralPublicKey === undefined ? {} : { ephemeralPublicKey: r.ephemeralPublicKey }),
      encryptedKey: r.encryptedKey,
    })),
  };
  return new TextEncoder().encode(`${JSON.stringify(ordered, null, 2)}\n`);
}

/** The stored name of a data file: `consultations.jsonl` → `consultations.jsonl.enc`. */
export function storedNameOf(plainPath: string): string {
  return `${plainPath}${ENCRYPTED_SUFFIX}`;
}

/** The plaintext name of a stored entry, or null when the entry is not an encrypted one. */
export function plainNameOf(storedPath: string): string | null {
  return storedPath.endsWith(ENCRYPTED_SUFFIX) && storedPath.length > ENCRYPTED_SUFFIX.length ? storedPath.slice(0, -ENCRYPTED_SUFFIX.length) : null;
}

/** keyId: the first 16 hex characters of H of the public-key bytes, given H as hex. */
export function keyIdOfHash(hashHex: string): string {
  return hashHex.slice(0, 16);
}
