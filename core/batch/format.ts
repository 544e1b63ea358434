import { z } from 'zod';
import { stationKindCodes } from '../domain/station';
import { isRfc3339 } from '../time/rfc3339';

/**
 * The batch format, v1: shared/spec/batch-format.md. Everything the receiving side checks
 * is defined here once and used by the writer, the in-app verifier and the CLI.
 */
export const BATCH_FORMAT = 'duty-lawyer-station-batch';
export const BATCH_FORMAT_VERSION = 1;
/** Version of the record shapes in the `.jsonl` files (see records.ts). */
export const BATCH_SCHEMA_VERSION = 1;

export const MANIFEST = 'manifest.json';
export const SIGNATURE = 'manifest.sig';

/** Record types in the order their files are written. */
export const BATCH_RECORD_TYPES = ['consultations', 'mediations', 'shifts', 'documents'] as const;
export type BatchRecordType = (typeof BATCH_RECORD_TYPES)[number];

export const RECORD_TYPE_LABELS: Record<BatchRecordType, string> = {
  consultations: '法律帮助登记',
  mediations: '调解',
  shifts: '值班班次',
  documents: '法律文书',
};

export function recordFileOf(type: BatchRecordType): string {
  return `${type}.jsonl`;
}

export function recordTypeOfFile(path: string): BatchRecordType | null {
  return BATCH_RECORD_TYPES.find((t) => recordFileOf(t) === path) ?? null;
}

const HEX64 = /^[0-9a-f]{64}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const YMD = /^\d{4}-\d{2}-\d{2}$/;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export function isSha256Hex(value: string): boolean {
  return HEX64.test(value);
}

function isRealDate(ymd: string): boolean {
  if (!YMD.test(ymd)) return false;
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A calendar day as the manifest writes it (both format versions). */
export const ymd = z.string().refine(isRealDate, '应为 YYYY-MM-DD 格式的日期');

/** The station as the manifest names it (both format versions). */
export const manifestStationSchema = z.object({
  code: z.string().min(1),
  name: z.string(),
  kind: z.enum(stationKindCodes),
  regionCode: z.string().regex(/^\d{6}$/, '应为 6 位行政区划代码'),
});

/**
 * The period's order and the chain's first link, for either version's name of the
 * previous manifest's hash (`previousManifestSha256` in v1, `previousManifestHash` in v2).
 */
export function periodAndChainRules<K extends string>(previousKey: K) {
  return (m: { period: { from: string; to: string }; sequence: number } & Record<K, string | null>, ctx: z.RefinementCtx) => {
    if (m.period.from > m.period.to) ctx.addIssue({ code: 'custom', path: ['period'], message: '起始日期晚于截止日期' });
    if (m.sequence === 1 && m[previousKey] !== null) {
      ctx.addIssue({ code: 'custom', path: [previousKey], message: '第 1 个批次不应有上一批次的哈希' });
    }
    if (m.sequence > 1 && m[previousKey] === null) {
      ctx.addIssue({ code: 'custom', path: [previousKey], message: '缺少上一批次清单的哈希' });
    }
  };
}

export const manifestFileSchema = z.object({
  path: z.string().min(1),
  sha256: z.string().regex(HEX64, '应为小写十六进制 SHA-256'),
  bytes: z.number().int().min(0),
  records: z.number().int().min(0).optional(),
});

export const manifestSchema = z
  .object({
    format: z.literal(BATCH_FORMAT),
    formatVersion: z.literal(BATCH_FORMAT_VERSION),
    batchId: z.string().refine(isUuid, '应为 UUID'),
    sequence: z.number().int().min(1),
    previousManifestSha256: z.string().regex(HEX64, '应为小写十六进制 SHA-256').nullable(),
    station: manifestStationSchema,
    publicKey: z.string().min(1),
    createdAt: z.string().refine(isRfc3339, '应为带时区的 RFC 3339 时间'),
    period: z.object({ from: ymd, to: ymd }),
    appVersion: z.string(),
    schemaVersion: z.number().int().min(1),
    counts: z.record(z.string(), z.number().int().min(0)),
    files: z.array(manifestFileSchema),
  })
  .superRefine(periodAndChainRules('previousManifestSha256'));

export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestFile = z.infer<typeof manifestFileSchema>;
export type StationOfManifest = Manifest['station'];

/**
 * The manifest's bytes. Keys are written in the spec's order and indented, so a person
 * can read the file; the signature covers these exact bytes.
 */
export function serializeManifest(m: Manifest): Uint8Array {
  const ordered: Manifest = {
    format: m.format,
    formatVersion: m.formatVersion,
    batchId: m.batchId,
    sequence: m.sequence,
    previousManifestSha256: m.previousManifestSha256,
    station: { code: m.station.code, name: m.station.name, kind: m.station.kind, regionCode: m.station.regionCode },
    publicKey: m.publicKey,
    createdAt: m.createdAt,
    period: { from: m.period.from, to: m.period.to },
    appVersion: m.appVersion,
    schemaVersion: m.schemaVersion,
    counts: m.counts,
    files: m.files.map((f) => ({ path: f.path, sha256: f.sha256, bytes: f.bytes, ...(f.records === undefined ? {} : { records: f.records }) })),
  };
  return new TextEncoder().encode(`${JSON.stringify(ordered, null, 2)}\n`);
}

/** `<stationCode>_<sequence 6 digits>_<from>_<to>.dlbatch.zip`, dates as YYYYMMDD. */
export function batchFileName(m: Pick<Manifest, 'station' | 'sequence' | 'period'>): string {
  const compact = (d: string) => d.replaceAll('-', '');
  return `${m.station.code}_${String(m.sequence).padStart(6, '0')}_${compact(m.period.from)}_${compact(m.period.to)}.dlbatch.zip`;
}

const FILE_NAME = /^(.+)_(\d{6,})_(\d{8})_(\d{8})\.dlbatch\.zip$/;

export function parseBatchFileName(name: string): { stationCode: string; sequence: number; from: string; to: string } | null {
  const m = FILE_NAME.exec(name);
  if (!m) return null;
  const date = (s: string) => `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6)}`;
  return { stationCode: m[1]!, sequence: Number(m[2]), from: date(m[3]!), to: date(m[4]!) };
}

/** An entry name the spec allows: relative, `/`-separated, no `..`, nothing absolute. */
export function entryNameProblem(name: string): string | null {
  if (name === '') return '条目名为空';
  if (name.includes('\\')) return '条目名使用了反斜杠';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return '条目名是绝对路径';
  if (name.split('/').some((part) => part === '..')) return '条目名包含 ..';
  if (name.split('/').some((part) => part === '' || part === '.')) return '条目名包含空的或 . 路径段';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/.test(name)) return '条目名包含控制字符';
  return null;
}
