import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chainEntry, GENESIS_HASH, verifyChain, type ChainedEntry } from '../../../core/audit/chain';

function chain(n: number): ChainedEntry[] {
  const out: ChainedEntry[] = [];
  for (let i = 0; i < n; i++) {
    out.push(
      chainEntry(out[i - 1], {
        at: `2026-11-23T09:${String(i).padStart(2, '0')}:00.000+08:00`,
        actorId: `u${i % 3}`,
        actorName: ['张律师', '李律师', '王𠮷'][i % 3]!,
        actorRole: 'lawyer',
        action: i % 2 ? 'update' : 'create',
        recordType: 'consultations',
        recordId: `r${i}`,
        rev: 1 + (i % 2),
        fields: ['advice'],
      }),
    );
  }
  return out;
}

describe('audit hash chain', () => {
  it('links each entry to the one before, from the genesis hash', () => {
    const entries = chain(5);
    expect(entries[0]!.prevHash).toBe(GENESIS_HASH);
    expect(entries[3]!.prevHash).toBe(entries[2]!.hash);
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(verifyChain(entries)).toEqual({ ok: true, entries: 5 });
  });

  it('reports an altered entry at its own position', () => {
    const entries = chain(6);
    entries[3] = { ...entries[3]!, actorName: '别人' };
    expect(verifyChain(entries)).toMatchObject({ ok: false, brokenAt: 4, reason: '第 4 条记录的内容被修改过' });
  });

  it('reports a removed entry as the first missing sequence number', () => {
    const entries = chain(6);
    entries.splice(2, 1);
    expect(verifyChain(entries)).toMatchObject({ ok: false, brokenAt: 3 });
  });

  it('reports a forged entry whose hash was recomputed at the link after it', () => {
    const entries = chain(6);
    const forged = { ...entries[2]!, action: 'delete' };
    const { hash: _h, ...body } = forged;
    entries[2] = chainEntry(entries[1], { ...body, seq: undefined, prevHash: undefined } as never);
    expect(entries[2]!.seq).toBe(3);
    expect(verifyChain(entries)).toMatchObject({ ok: false, brokenAt: 4 });
  });

  it('reports a swapped pair of entries', () => {
    const entries = chain(6);
    [entries[1], entries[2]] = [entries[2]!, entries[1]!];
    expect(verifyChain(entries)).toMatchObject({ ok: false, brokenAt: 2 });
  });

  it('finds any single altered field anywhere in a chain (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 20 }), fc.nat(), fc.string({ minLength: 1 }), (n, at, text) => {
        const entries = chain(n);
        const i = at % n;
        if (entries[i]!.recordId === text) return;
        entries[i] = { ...entries[i]!, recordId: text };
        const verdict = verifyChain(entries);
        expect(verdict).toMatchObject({ ok: false, brokenAt: i + 1 });
      }),
    );
  });
});
