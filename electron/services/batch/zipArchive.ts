import { open as openFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import yauzl from 'yauzl';
import { ArchiveOpenError, type ArchiveFlaw, type ArchiveView, type Sha256Factory } from '../../../core/batch/archive';
import { nodeSuites } from './suites';
import { verifyBatch, type VerifyOptions, type VerifyReport } from '../../../core/batch/verify';

/** Node's SHA-256 behind core's port. */
export const nodeSha256: Sha256Factory = () => {
  const h = createHash('sha256');
  return { update: (c) => void h.update(c), digestHex: () => h.digest('hex') };
};

/** A ZIP to read: a file, or a reader over bytes the caller holds (an import's sealed copy). */
export type ZipSource = string | { reader: yauzl.RandomAccessReader; size: number };

// decodeStrings off: yauzl would refuse "../x" outright, but the verifier must name it.
const ZIP_OPTIONS = { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true } as const;

function openZip(source: ZipSource): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    const done = (err: Error | null, zip?: yauzl.ZipFile) => (err || !zip ? reject(err) : resolve(zip));
    if (typeof source === 'string') yauzl.open(source, ZIP_OPTIONS, done);
    else yauzl.fromRandomAccessReader(source.reader, source.size, ZIP_OPTIONS, done);
  });
}

const LOCAL_HEADER = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

async function startsLikeZip(source: ZipSource): Promise<boolean> {
  if (typeof source !== 'string') {
    const parts: Buffer[] = [];
    for await (const chunk of source.reader._readStreamForRange(0, Math.min(4, source.size))) parts.push(chunk as Buffer);
    return Buffer.concat(parts).equals(LOCAL_HEADER);
  }
  const fh = await openFile(source, 'r');
  try {
    const head = Buffer.alloc(4);
    await fh.read(head, 0, 4, 0);
    return head.equals(LOCAL_HEADER);
  } finally {
    await fh.close();
  }
}

export interface ZipArchive extends ArchiveView {
  close(): void;
}

/**
 * Opens a ZIP for the verifier: entry names are read raw (UTF-8) so unsafe ones can be
 * reported rather than thrown; a file that starts like a ZIP but has no end record is
 * reported as truncated.
 */
export async function openZipArchive(source: ZipSource): Promise<ZipArchive> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(source);
  } catch (err) {
    const looksZip = await startsLikeZip(source).catch(() => false);
    throw new ArchiveOpenError(looksZip ? 'truncated' : 'not_zip', String(err));
  }
  if (zip.entryCount > MAX_ENTRIES) {
    zip.close();
    throw new ArchiveOpenError('too_many_entries', `${zip.entryCount} entries`);
  }
  const entries: yauzl.Entry[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: yauzl.Entry) => {
        entries.push(entry);
        zip.readEntry();
      });
      zip.on('end', () => resolve());
      zip.on('error', reject);
      zip.readEntry();
    });
  } catch (err) {
    zip.close();
    throw new ArchiveOpenError('truncated', String(err));
  }
  const names = entries.map((e) => (e.fileName as unknown as Buffer).toString('utf8'));
  const byName = new Map<string, yauzl.Entry>();
  entries.forEach((e, i) => byName.has(names[i]!) || byName.set(names[i]!, e));
  let structure: ArchiveFlaw[];
  try {
    structure = await structuralFlaws(zip, entries, names);
  } catch (err) {
    zip.close();
    throw new ArchiveOpenError('truncated', String(err));
  }
  return {
    entries: names,
    structure,
    declaredSize: (name) => byName.get(name)?.uncompressedSize,
    async *read(name: string) {
      const entry = byName.get(name);
      if (!entry) throw new Error(`no entry ${name}`);
      const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) => zip.openReadStream(entry, (err, s) => (err ? reject(err) : resolve(s))));
      for await (const chunk of stream) yield chunk as Buffer;
    },
    close: () => zip.close(),
  };
}

/** More entries than any batch has (4 record files, one PDF per document, up to 100,000). */
const MAX_ENTRIES = 100_010;
/** Deflate above this ratio, on an entry of some size, is a bomb: records compress about 10:1. */
const MAX_RATIO = 100;
const RATIO_FLOOR = 1024 * 1024;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

/**
 * What is wrong with the archive's structure, read from the central directory and the
 * local headers only (nothing is inflated): overlapping entries, symbolic links, a local
 * name that differs from the central directory's, names that are not UTF-8, and bombs.
 */
async function structuralFlaws(zip: yauzl.ZipFile, entries: yauzl.Entry[], names: string[]): Promise<ArchiveFlaw[]> {
  const flaws: ArchiveFlaw[] = [];
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const spans: { start: number; end: number; path: string }[] = [];
  for (const [i, entry] of entries.entries()) {
    const path = names[i]!;
    const raw = entry.fileName as unknown as Buffer;
    try {
      utf8.decode(raw);
    } catch {
      flaws.push({ kind: 'not_utf8', path, message: `档案中有条目名不是有效的 UTF-8 编码（${raw.toString('hex').slice(0, 64)}）` });
    }
    if (((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK) {
      flaws.push({ kind: 'symlink', path, message: `档案中的条目“${path}”是符号链接` });
    }
    if (entry.uncompressedSize > RATIO_FLOOR && entry.uncompressedSize > MAX_RATIO * Math.max(1, entry.compressedSize)) {
      flaws.push({
        kind: 'ratio',
        path,
        message: `档案中的条目“${path}”压缩比异常（${entry.compressedSize} 字节解压为 ${entry.uncompressedSize} 字节），可能是压缩炸弹`,
      });
    }
    const local = await zip.readLocalFileHeaderPromise(entry);
    if (!Buffer.from(local.fileName).equals(raw)) {
      flaws.push({ kind: 'name_mismatch', path, message: `档案中条目“${path}”的本地文件头名称与中央目录不一致` });
    }
    const start = entry.relativeOffsetOfLocalHeader;
    spans.push({ start, end: start + 30 + local.fileNameLength + local.extraFieldLength + entry.compressedSize, path });
  }
  spans.sort((a, b) => a.start - b.start);
  for (let i = 1; i < spans.length; i++) {
    if (spans[i]!.start < spans[i - 1]!.end) {
      flaws.push({ kind: 'overlap', path: spans[i]!.path, message: `档案中的条目“${spans[i]!.path}”与“${spans[i - 1]!.path}”的数据重叠` });
    }
  }
  return flaws;
}

/** Verifies a batch file with every rule of the spec (Node's SHA-256), always closing it. */
export async function verifyZipFile(source: ZipSource, options: Omit<VerifyOptions, 'sha256'> = {}): Promise<VerifyReport> {
  let archive: ZipArchive | null = null;
  try {
    return await verifyBatch(async () => (archive = await openZipArchive(source)), { suites: nodeSuites, ...options, sha256: nodeSha256 });
  } finally {
    (archive as ZipArchive | null)?.close();
  }
}
