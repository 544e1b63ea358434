import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { newDataKey, vaultFromDataKey } from '../../../renderer/src/db/keyMaterial';

// Strings from all of Unicode except lone surrogates (which JSON cannot round-trip as
// text), with the rare characters names actually carry mixed in.
const text = fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: fc.constantFrom('𠮷', '䶮', '堃', '喆', '王', '·', 'A', '1', '\n') }));
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    text,
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    tie('array'),
    tie('object'),
  ),
  array: fc.array(tie('value'), { maxLength: 5 }),
  object: fc.dictionary(text, tie('value'), { maxKeys: 5 }),
})).object;

describe('sealing records (property)', () => {
  it('opens exactly what it sealed, for arbitrary records', async () => {
    const vault = await vaultFromDataKey(newDataKey());
    await fc.assert(
      fc.asyncProperty(fc.uuid(), json, async (id, record) => {
        const sealed = await vault.seal('consultations', id, record);
        expect(await vault.open('consultations', id, sealed)).toEqual(JSON.parse(JSON.stringify(record)));
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a ciphertext with any single byte changed', async () => {
    const vault = await vaultFromDataKey(newDataKey());
    const sealed = await vault.seal('consultations', 'r1', { clientName: '王𠮷', idNumber: '11010519491231002X' });
    const bytes = Buffer.from(sealed.ct, 'base64');
    await fc.assert(
      fc.asyncProperty(fc.nat(bytes.length - 1), fc.integer({ min: 1, max: 255 }), async (at, flip) => {
        const tampered = Buffer.from(bytes);
        tampered[at] = tampered[at]! ^ flip;
        await expect(vault.open('consultations', 'r1', { ...sealed, ct: tampered.toString('base64') })).rejects.toThrow();
      }),
      { numRuns: 50 },
    );
  });
});
