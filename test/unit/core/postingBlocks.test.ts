import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  BLOCK_SIZE,
  blockFrom,
  blockOf,
  blockOffsets,
  buildPostings,
  docOf,
  intersectBlocks,
  offsetOf,
  withOffset,
  withoutOffset,
  type PostingBlock,
} from '../../../core/search/postingBlocks';

const sorted = (values: Iterable<number>) => [...new Set(values)].sort((a, b) => a - b);

describe('posting blocks', () => {
  it('numbers documents into blocks of 4,096 and back', () => {
    expect(BLOCK_SIZE).toBe(4096);
    expect([blockOf(0), offsetOf(0)]).toEqual([0, 0]);
    expect([blockOf(4095), offsetOf(4095)]).toEqual([0, 4095]);
    expect([blockOf(4096), offsetOf(4096)]).toEqual([1, 0]);
    expect(docOf(blockOf(123_457), offsetOf(123_457))).toBe(123_457);
  });

  it('stays a short list for a rare token and becomes a bitmap for a common one', () => {
    const rare = blockFrom([7, 3, 3, 4000]);
    expect(rare.count).toBe(3);
    expect(rare.bits).toBeUndefined();
    expect(blockOffsets(rare)).toEqual([3, 7, 4000]);
    const common = blockFrom(Array.from({ length: 1000 }, (_, i) => i * 4));
    expect(common.offsets).toBeUndefined();
    expect(common.bits?.byteLength).toBe(512);
    expect(blockOffsets(common)).toHaveLength(1000);
  });

  it('adds and removes one document at a time exactly like a set, across the list/bitmap switch', () => {
    const op = fc.record({ add: fc.boolean(), offset: fc.integer({ min: 0, max: BLOCK_SIZE - 1 }) });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 900 }), fc.array(fc.integer({ min: 0, max: BLOCK_SIZE - 1 }), { maxLength: 400 }), (ops, start) => {
        const model = new Set(start);
        let block: PostingBlock | null = start.length > 0 ? blockFrom(start) : null;
        for (const { add, offset } of ops) {
          if (add) {
            model.add(offset);
            block = withOffset(block ?? undefined, offset);
          } else {
            model.delete(offset);
            if (block) block = withoutOffset(block, offset);
          }
          if (model.size === 0) expect(block).toBeNull();
        }
        expect(block ? blockOffsets(block) : []).toEqual(sorted(model));
        expect(block?.count ?? 0).toBe(model.size);
      }),
      { numRuns: 60 },
    );
  });

  it('intersects tokens’ postings block by block, whatever their representation', () => {
    const docs = fc.array(fc.integer({ min: 0, max: 3 * BLOCK_SIZE - 1 }), { maxLength: 3000 });
    fc.assert(
      fc.property(fc.array(docs, { minLength: 1, maxLength: 4 }), (lists) => {
        const asBlocks = lists.map((list) => {
          const byBlock = new Map<number, number[]>();
          for (const d of list) byBlock.set(blockOf(d), [...(byBlock.get(blockOf(d)) ?? []), offsetOf(d)]);
          return new Map([...byBlock].map(([b, offsets]) => [b, blockFrom(offsets)] as const));
        });
        const expected = sorted(lists[0]!).filter((d) => lists.every((l) => l.includes(d)));
        expect(intersectBlocks(asBlocks)).toEqual(expected);
      }),
      { numRuns: 40 },
    );
  });

  it('builds the same postings in one pass as saving the documents one by one', () => {
    const docs = [
      { doc: 0, tokens: ['a', 'b'] },
      { doc: 5000, tokens: ['a'] },
      { doc: 1, tokens: ['b', 'c'] },
      { doc: 4096, tokens: [] },
    ];
    const rows = [...buildPostings(docs)].map((r) => ({ key: `${r.token}@${r.block}`, offsets: blockOffsets(r) }));
    expect(rows.sort((x, y) => x.key.localeCompare(y.key))).toEqual([
      { key: 'a@0', offsets: [0] },
      { key: 'a@1', offsets: [5000 - 4096] },
      { key: 'b@0', offsets: [0, 1] },
      { key: 'c@0', offsets: [1] },
    ]);
  });
});
