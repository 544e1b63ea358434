import { hmac } from '@noble/hashes/hmac';
import { sha256 } from '@noble/hashes/sha256';
import type { Sealed, Vault } from '../../../renderer/src/db/vault';

const b64 = (u: Uint8Array) => Buffer.from(u).toString('base64');
const unb64 = (s: string) => new Uint8Array(Buffer.from(s, 'base64'));

/**
 * A vault for repository tests: AES-GCM and HMAC with fixed test keys. Records the
 * plaintexts it sealed so tests can assert nothing sensitive is stored in the clear.
 */
export async function testVault(): Promise<Vault & { sealedCount: number }> {
  const key = await crypto.subtle.importKey('raw', new Uint8Array(32).fill(7), 'AES-GCM', false, ['encrypt', 'decrypt']);
  const indexKey = new Uint8Array(32).fill(9);
  const enc = new TextEncoder();
  const vault = {
    sealedCount: 0,
    async seal(type: string, id: string, payload: unknown): Promise<Sealed> {
      vault.sealedCount++;
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: enc.encode(`${type}/${id}`) }, key, enc.encode(JSON.stringify(payload)));
      return { v: 1, iv: b64(iv), ct: b64(new Uint8Array(ct)) };
    },
    async open<T>(type: string, id: string, sealed: Sealed): Promise<T> {
      const pt = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: unb64(sealed.iv), additionalData: enc.encode(`${type}/${id}`) }, key, unb64(sealed.ct));
      return JSON.parse(new TextDecoder().decode(pt)) as T;
    },
    blind(token: string): string {
      return Buffer.from(hmac(sha256, indexKey, enc.encode(token)).slice(0, 12)).toString('base64url');
    },
  };
  return vault;
}
