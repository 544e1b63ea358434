import { open as openFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import yauzl from 'yauzl';
import { ArchiveOpenError, type ArchiveView, type Sha256Factory } from '../../../core/batch/archive';
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
  return {
    entries: names,
    async *read(name: string) {
      const entry = entries[names.indexOf(name)];
      if (!entry) throw new Error(`no entry ${name}`);
      const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
        zip.openReadStream(entry, (err, s) => (err ? reject(err) : resolve(s))),
      );
      for await (const chunk of stream) yield chunk as Buffer;
    },
    close: () => zip.close(),
  };
}

/** Verifies a batch file with every rule of the spec (Node's SHA-256), always closing it. */
export async function verifyZipFile(source: ZipSource, options: Omit<VerifyOptions, 'sha256'> = {}): Promise<VerifyReport> {
  let archive: ZipArchive | null = null;
  try {
    return await verifyBatch(async () => (archive = await openZipArchive(source)), { ...options, sha256: nodeSha256 });
  } finally {
    (archive as ZipArchive | null)?.close();
  }
}
