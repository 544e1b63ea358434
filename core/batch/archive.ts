/**
 * The verifier's view of a ZIP archive. The main process implements it over yauzl; tests
 * implement it over bytes in memory. Core never touches files.
 */
export interface ArchiveView {
  /** Entry names in the order of the central directory, duplicates included. */
  readonly entries: readonly string[];
  /**
   * An entry's uncompressed bytes, in chunks. Throws when the data is damaged, and as soon
   * as more bytes come out than the entry declares: inflation stops at the declared size.
   */
  read(name: string): AsyncIterable<Uint8Array>;
  /** The uncompressed size the archive declares for an entry, known before anything is inflated. */
  declaredSize?(name: string): number | undefined;
  /** What is wrong with the archive's structure itself, found without inflating anything. */
  readonly structure?: readonly ArchiveFlaw[];
}

/**
 * A structural flaw: an entry whose bytes overlap another's (the same data counted many
 * times), a symbolic link, a local header naming another file than the central directory,
 * a name that is not UTF-8, or a compression ratio only a bomb has.
 */
export interface ArchiveFlaw {
  kind: 'overlap' | 'symlink' | 'name_mismatch' | 'not_utf8' | 'ratio';
  path: string;
  message: string;
}

/** The longest record line read; a longer one is refused without being joined up. */
export const MAX_LINE_BYTES = 1024 * 1024;

export class LineTooLong extends Error {
  constructor(readonly limit: number) {
    super(`line longer than ${limit} bytes`);
    this.name = 'LineTooLong';
  }
}

/** Why an archive could not be opened at all. */
export class ArchiveOpenError extends Error {
  constructor(
    readonly reason: 'not_zip' | 'truncated' | 'unreadable' | 'too_many_entries',
    detail: string,
  ) {
    super(detail);
    this.name = 'ArchiveOpenError';
  }
}

/** A streaming SHA-256; the main process passes Node's, which is several times faster. */
export interface Sha256Stream {
  update(chunk: Uint8Array): void;
  digestHex(): string;
}
export type Sha256Factory = () => Sha256Stream;

/**
 * Splits a byte stream into `\n`-terminated lines. The pieces of a line that straddles
 * chunks are kept apart and joined once, so a long line costs linear time; a line longer
 * than `maxLine` throws LineTooLong as soon as it is. A last line without `\n` is a line.
 */
export async function* splitLines(chunks: AsyncIterable<Uint8Array>, maxLine = MAX_LINE_BYTES): AsyncGenerator<Uint8Array> {
  let parts: Uint8Array[] = [];
  let pending = 0;
  const join = (last: Uint8Array): Uint8Array => {
    if (parts.length === 0) return last;
    const out = new Uint8Array(pending + last.length);
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    out.set(last, at);
    parts = [];
    pending = 0;
    return out;
  };
  for await (const chunk of chunks) {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(10, start);
      if (nl === -1) break;
      if (pending + nl - start > maxLine) throw new LineTooLong(maxLine);
      yield join(chunk.subarray(start, nl));
      start = nl + 1;
    }
    if (start < chunk.length) {
      pending += chunk.length - start;
      if (pending > maxLine) throw new LineTooLong(maxLine);
      parts.push(chunk.slice(start));
    }
  }
  if (pending > 0) yield join(new Uint8Array(0));
}

/** Reads a whole (small) entry. */
export async function readAll(archive: ArchiveView, name: string, limit: number): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of archive.read(name)) {
    size += chunk.length;
    if (size > limit) throw new Error(`${name} is larger than ${limit} bytes`);
    parts.push(chunk);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
