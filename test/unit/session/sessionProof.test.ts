import { describe, expect, it } from 'vitest';
import { scryptAsync } from '@noble/hashes/scrypt';
import { toBase64, unwrapDataKeyWithProof, wrapDataKeyWithProof, type WrappedKey } from '../../../renderer/src/db/keyMaterial';

const FAST = { N: 2 ** 10, r: 8, p: 1 };
const enc = new TextEncoder();

/** A wrap exactly as versions before the session proof made it: scrypt asked for 64 bytes. */
async function wrapOfEarlierVersion(dataKey: Uint8Array, password: string): Promise<WrappedKey> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const out = await scryptAsync(enc.encode(password), salt, { ...FAST, dkLen: 64 });
  const kek = await crypto.subtle.importKey('raw', out.slice(32, 64), 'AES-GCM', false, ['encrypt']);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ct = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: enc.encode('dk/v1') }, kek, dataKey as Uint8Array<ArrayBuffer>));
  return { v: 1, kdf: 'scrypt', ...FAST, salt: toBase64(salt), check: toBase64(out.slice(0, 32)), iv: toBase64(iv), ct: toBase64(ct) };
}

describe('the session proof', () => {
  it('opens every wrap an earlier version made, and is the third block of the same scrypt', async () => {
    const dataKey = crypto.getRandomValues(new Uint8Array(32));
    const wrapped = await wrapOfEarlierVersion(dataKey, 'Station#2026');
    const { dataKey: opened, proof } = await unwrapDataKeyWithProof(wrapped, 'Station#2026');
    expect(opened).toEqual(dataKey);
    const full = await scryptAsync(enc.encode('Station#2026'), Uint8Array.from(Buffer.from(wrapped.salt, 'base64')), { ...FAST, dkLen: 96 });
    expect(proof).toBe(toBase64(full.subarray(64, 96)));
    // Neither half on disk tells it: the verifier stored in the wrap is another block.
    expect(proof).not.toBe(wrapped.check);
  });

  it('is the same when the wrap is opened as when it was made, and differs with the password and the salt', async () => {
    const dataKey = crypto.getRandomValues(new Uint8Array(32));
    const made = await wrapDataKeyWithProof(dataKey, 'Station#2026', FAST);
    expect((await unwrapDataKeyWithProof(made.wrapped, 'Station#2026')).proof).toBe(made.proof);
    const again = await wrapDataKeyWithProof(dataKey, 'Station#2026', FAST);
    expect(again.proof).not.toBe(made.proof);
    const other = await wrapDataKeyWithProof(dataKey, 'Station#2027', FAST);
    expect(other.proof).not.toBe(made.proof);
    await expect(unwrapDataKeyWithProof(made.wrapped, 'Station#2027')).rejects.toThrow();
  });
});
