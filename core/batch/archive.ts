/**
 * The verifier's view of a ZIP archive. The main process implements it over yauzl; tests
 * implement it over bytes in memory. Core never touches files.
 */
export interface ArchiveView {
  /** Entry names in the order of the central directory, duplicates included. */
  readonly entries: readonly string[];
  /** An entry's uncompressed bytes, in chunks. Throws when the data is damaged. */
  read(name: string): AsyncIterable<Uint8Array>;
}

/** Why an archive could not be opened at all. */
export class ArchiveOpenError extends Error {
  constructor(
    readonly reason: 'not_zip' | 'truncated' | 'unreadable',
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
 * Splits a byte stream into `\n`-terminated lines without copying more than the one line
 * that straddles two chunks. A last line without `\n` is still a line.
 */
export async function* splitLines(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  let carry: Uint8Array | null = null;
  for await (const chunk of chunks) {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(10, start);
      if (nl === -1) break;
      const piece = chunk.subarray(start, nl);
      if (carry) {
        const joined = new Uint8Array(carry.length + piece.length);
        joined.set(carry);
        joined.set(piece, carry.length);
        carry = null;
        yield joined;
      } else {
        yield piece;
      }
      start = nl + 1;
    }
    if (start < chunk.length) {
      const rest = chunk.subarray(start);
      if (carry) {
        const joined: Uint8Array = new Uint8Array(carry.length + rest.length);
        joined.set(carry);
        joined.set(rest, carry.length);
        carry = joined;
      } else {
        carry = rest.slice();
      }
    }
  }
  if (carry && carry.length > 0) yield carry;
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
