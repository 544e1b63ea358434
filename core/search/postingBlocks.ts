/**
 * Postings of a search index, kept per token and per block of documents. Every indexed
 * record has a small, stable document number (`doc`); a block holds 4,096 consecutive
 * numbers, so one posting row ([token, block]) answers "which of these 4,096 records hold
 * the token" whether the token is rare (a handful of offsets) or common (a bitmap).
 *
 * Why blocks rather than one index entry per (token, record): reading a posting list of
 * thousands of entries one key at a time costs IndexedDB 10–20 µs a key, and writes carry
 * ~100 entries a record into an index that slows as it grows (docs/PERFORMANCE.md). Here a
 * lookup reads at most one row per block (25 rows at 100,000 records) and a save rewrites
 * one small row per token it adds or drops.
 */

export const BLOCK_SIZE = 4096;
const BLOCK_SHIFT = 12;
/** A block's bitmap in bytes; a sparse list longer than this many bytes becomes a bitmap. */
const BITMAP_BYTES = BLOCK_SIZE / 8;
const MAX_SPARSE = BITMAP_BYTES / 2;

/** One block of one token's postings: sorted offsets while few, a bitmap when many. */
export interface PostingBlock {
  count: number;
  offsets?: Uint16Array;
  bits?: Uint8Array;
}

export const blockOf = (doc: number): number => doc >>> BLOCK_SHIFT;
export const offsetOf = (doc: number): number => doc & (BLOCK_SIZE - 1);
export const docOf = (block: number, offset: number): number => block * BLOCK_SIZE + offset;

function hasOffset(block: PostingBlock, offset: number): boolean {
  if (block.bits) return (block.bits[offset >>> 3]! & (1 << (offset & 7))) !== 0;
  const list = block.offsets!;
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid] === offset) return true;
    if (list[mid]! < offset) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

function toBitmap(offsets: ArrayLike<number>): Uint8Array {
  const bits = new Uint8Array(BITMAP_BYTES);
  for (let i = 0; i < offsets.length; i++) bits[offsets[i]! >>> 3]! |= 1 << (offsets[i]! & 7);
  return bits;
}

/** The offsets of a block, ascending. */
export function blockOffsets(block: PostingBlock): number[] {
  if (block.offsets) return [...block.offsets];
  const out: number[] = [];
  const bits = block.bits!;
  for (let byte = 0; byte < bits.length; byte++) {
    let b = bits[byte]!;
    while (b !== 0) {
      const low = b & -b;
      out.push(byte * 8 + 31 - Math.clz32(low));
      b ^= low;
    }
  }
  return out;
}

/** A block from offsets in any order (duplicates ignored). */
export function blockFrom(offsets: Iterable<number>): PostingBlock {
  const sorted = [...new Set(offsets)].sort((a, b) => a - b);
  if (sorted.length > MAX_SPARSE) return { count: sorted.length, bits: toBitmap(sorted) };
  return { count: sorted.length, offsets: Uint16Array.from(sorted) };
}

/** The block with `offset` added; the same block when it is already there. */
export function withOffset(block: PostingBlock | undefined, offset: number): PostingBlock {
  if (!block) return { count: 1, offsets: Uint16Array.of(offset) };
  if (hasOffset(block, offset)) return block;
  if (block.bits) {
    const bits = block.bits.slice();
    bits[offset >>> 3]! |= 1 << (offset & 7);
    return { count: block.count + 1, bits };
  }
  return blockFrom([...block.offsets!, offset]);
}

/** The block without `offset`, or null when nothing is left in it. */
export function withoutOffset(block: PostingBlock, offset: number): PostingBlock | null {
  if (!hasOffset(block, offset)) return block;
  if (block.count <= 1) return null;
  if (block.bits) {
    const bits = block.bits.slice();
    bits[offset >>> 3]! &= ~(1 << (offset & 7));
    // Stay a bitmap until well below the switch, so a token near the limit does not flip on every save.
    if (block.count - 1 > MAX_SPARSE / 2) return { count: block.count - 1, bits };
    return blockFrom(blockOffsets({ count: block.count - 1, bits }));
  }
  return { count: block.count - 1, offsets: block.offsets!.filter((o) => o !== offset) };
}

/**
 * The documents present in every one of `lists` (each a token's blocks by block number),
 * ascending. An empty `lists` has no answer: callers decide what "no token" means.
 */
export function intersectBlocks(lists: readonly ReadonlyMap<number, PostingBlock>[]): number[] {
  if (lists.length === 0) return [];
  const sorted = [...lists].sort((a, b) => a.size - b.size);
  const out: number[] = [];
  const words = new Uint32Array(BITMAP_BYTES / 4);
  for (const [block, first] of sorted[0]!) {
    const others = sorted.slice(1).map((l) => l.get(block));
    if (others.some((b) => b === undefined)) continue;
    if (others.length === 0 || first.offsets) {
      // Sparse first: test each of its offsets in the others (the usual case of a rare token).
      for (const offset of blockOffsets(first)) {
        if (others.every((b) => hasOffset(b!, offset))) out.push(docOf(block, offset));
      }
      continue;
    }
    words.set(new Uint32Array(first.bits!.buffer.slice(first.bits!.byteOffset, first.bits!.byteOffset + BITMAP_BYTES)));
    for (const b of others) {
      const bits = b!.bits ?? toBitmap(b!.offsets!);
      const w = new Uint32Array(bits.buffer.slice(bits.byteOffset, bits.byteOffset + BITMAP_BYTES));
      for (let i = 0; i < words.length; i++) words[i]! &= w[i]!;
    }
    for (const offset of blockOffsets({ count: 0, bits: new Uint8Array(words.buffer) })) out.push(docOf(block, offset));
  }
  return out.sort((a, b) => a - b);
}

/** What the index holds of one record. */
export interface IndexedDoc {
  doc: number;
  tokens: readonly string[];
}

/** A token's block as stored: the posting row's key and value. */
export interface PostingEntry extends PostingBlock {
  token: string;
  block: number;
}

/**
 * Every posting row for a set of documents, built in one pass (a rebuild, a restore, an
 * upgrade). Documents may come in any order; only the offsets are kept per token and
 * block, so the tokens of a document can be dropped once added (100,000 records hold ten
 * million tokens).
 */
export class PostingsBuilder {
  private readonly byBlock = new Map<number, Map<string, number[]>>();

  add(doc: number, tokens: Iterable<string>): void {
    const block = blockOf(doc);
    let tokensOfBlock = this.byBlock.get(block);
    if (!tokensOfBlock) this.byBlock.set(block, (tokensOfBlock = new Map()));
    const offset = offsetOf(doc);
    for (const token of tokens) {
      const list = tokensOfBlock.get(token);
      if (list) list.push(offset);
      else tokensOfBlock.set(token, [offset]);
    }
  }

  /** The rows, block by block; a block's memory is released once its rows are out. */
  *entries(): Generator<PostingEntry> {
    for (const block of [...this.byBlock.keys()].sort((a, b) => a - b)) {
      for (const [token, offsets] of this.byBlock.get(block)!) yield { token, block, ...blockFrom(offsets) };
      this.byBlock.delete(block);
    }
  }
}

export function buildPostings(docs: Iterable<IndexedDoc>): Generator<PostingEntry> {
  const builder = new PostingsBuilder();
  for (const { doc, tokens } of docs) builder.add(doc, tokens);
  return builder.entries();
}
