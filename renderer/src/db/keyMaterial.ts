import { scryptAsync } from '@noble/hashes/scrypt';
import { hmac } from '@noble/hashes/hmac';
import { sha256 } from '@noble/hashes/sha256';
import type { Sealed, Vault } from './vault';

/**
 * Key material of the station. One random data key (DK) protects every record; it is
 * stored only wrapped: once per account under a key derived from that account's password
 * (scrypt, memory-hard), and once under a key derived from the printed recovery code.
 * From the DK two keys are derived: an AES-GCM key that seals record contents and an
 * HMAC key that blinds index tokens.
 */

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/**
 * 2^17 × 8 × 128 B = 128 MiB per derivation (issue 18): each offline guess at a lost
 * laptop's wrapped key costs four times what 2^15 did. Wraps made under a lower N are
 * re-made under this one at their holder's next sign-in (accounts.signIn).
 */
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };

/**
 * The browser preview (the e2e harness, `npm run preview`) derives at 2^15: it holds test
 * stations only, and its sign-ins would otherwise take seconds each under load. Main says
 * which transport runs (app.info), so the desktop app always uses DEFAULT_SCRYPT.
 */
export const PREVIEW_SCRYPT: ScryptParams = { N: 2 ** 15, r: 8, p: 1 };

let target: ScryptParams = DEFAULT_SCRYPT;

/** The cost new wraps are made with, and that older wraps are raised to at sign-in. */
export function scryptTarget(): ScryptParams {
  return target;
}

export function setScryptTargetForTransport(transport: 'electron' | 'harness'): void {
  target = transport === 'harness' ? PREVIEW_SCRYPT : DEFAULT_SCRYPT;
}

/** A wrap weaker than `goal` in any parameter is re-made; a stronger one (a later version's) is left alone. */
export function isWeakerWrap(wrapped: Pick<WrappedKey, 'N' | 'r' | 'p'>, goal: ScryptParams): boolean {
  return wrapped.N * wrapped.r * wrapped.p < goal.N * goal.r * goal.p;
}

export interface WrappedKey {
  v: 1;
  kdf: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string;
  /** First half of the scrypt output: the password verifier (the second half is the wrapping key). */
  check: string;
  iv: string;
  ct: string;
}

export class WrongSecretError extends Error {
  constructor(message = '密码错误') {
    super(message);
    this.name = 'WrongSecretError';
  }
}

const enc = new TextEncoder();

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function fromBase64(value: string): Uint8Array<ArrayBuffer> {
  const s = atob(value);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

function base64url(bytes: Uint8Array): string {
  return toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

/**
 * scrypt's last step is PBKDF2, whose output blocks do not depend on how many are asked
 * for: the verifier and wrapping halves are what they were with 64 bytes, and the third
 * block, the session proof, costs nothing more. Main keeps only the proof's SHA-256
 * (docs/SECURITY.md, "Main checks roles"); the proof is never stored here.
 */
async function derive(secret: string, salt: Uint8Array, params: ScryptParams): Promise<{ check: Uint8Array; kek: CryptoKey; proof: string }> {
  const out = await scryptAsync(enc.encode(secret.normalize('NFC')), salt, { ...params, dkLen: 96 });
  try {
    const kek = await crypto.subtle.importKey('raw', out.slice(32, 64), 'AES-GCM', false, ['encrypt', 'decrypt']);
    return { check: out.slice(0, 32), kek, proof: toBase64(out.subarray(64, 96)) };
  } finally {
    out.fill(0);
  }
}

export function newDataKey(): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(32));
}

/** Thrown instead of wrapping or sealing under a key that a lock has already zeroed. */
export class KeyGoneError extends Error {
  constructor() {
    super('窗口已锁定，密钥已清除，本次操作未完成。请解锁后重试。');
    this.name = 'KeyGoneError';
  }
}

/**
 * A private copy of the data key for one operation. Locking zeroes the session's key array
 * in place (sessionStore), and an operation that awaits (scrypt, a database read) would
 * otherwise go on with 32 zero bytes: a backup anyone could open, a password change that
 * stores a zero key. Take the copy synchronously, before the first await, and zero it after.
 * A key that is already all zero is refused: no random 256-bit key is ever all zero.
 */
export function copyLiveKey(dataKey: Uint8Array): Uint8Array {
  if (dataKey.length !== 32 || dataKey.every((b) => b === 0)) throw new KeyGoneError();
  return dataKey.slice();
}

export async function wrapDataKey(dataKey: Uint8Array, secret: string, params: ScryptParams = scryptTarget()): Promise<WrappedKey> {
  return (await wrapDataKeyWithProof(dataKey, secret, params)).wrapped;
}

/** A new wrap and the session proof of the same derivation: what main is told when a password is set. */
export async function wrapDataKeyWithProof(
  dataKey: Uint8Array,
  secret: string,
  params: ScryptParams = scryptTarget(),
): Promise<{ wrapped: WrappedKey; proof: string }> {
  const key = copyLiveKey(dataKey);
  try {
    const salt = crypto.getRandomValues(new Uint8Array(16));
    const { check, kek, proof } = await derive(secret, salt, params);
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const ct = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: enc.encode('dk/v1') }, kek, key as Uint8Array<ArrayBuffer>));
    return { wrapped: { v: 1, kdf: 'scrypt', ...params, salt: toBase64(salt), check: toBase64(check), iv: toBase64(iv), ct: toBase64(ct) }, proof };
  } finally {
    key.fill(0);
  }
}

/** Returns the data key, or throws WrongSecretError. */
export async function unwrapDataKey(wrapped: WrappedKey, secret: string, message?: string): Promise<Uint8Array> {
  return (await unwrapDataKeyWithProof(wrapped, secret, message)).dataKey;
}

/** The data key and the session proof main checks (docs/SECURITY.md); throws WrongSecretError. */
export async function unwrapDataKeyWithProof(wrapped: WrappedKey, secret: string, message?: string): Promise<{ dataKey: Uint8Array; proof: string }> {
  const { check, kek, proof } = await derive(secret, fromBase64(wrapped.salt), { N: wrapped.N, r: wrapped.r, p: wrapped.p });
  if (!constantTimeEqual(check, fromBase64(wrapped.check))) throw new WrongSecretError(message);
  try {
    const pt = new Uint8Array(
      await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(wrapped.iv), additionalData: enc.encode('dk/v1') }, kek, fromBase64(wrapped.ct)),
    );
    // A zero key can only come from a wrap taken while a lock zeroed the key (before that
    // was refused); opening records with it would fail, and sealing new ones would be open to all.
    if (pt.every((b) => b === 0)) throw new Error('zero key');
    return { dataKey: pt, proof };
  } catch {
    throw new WrongSecretError('密钥数据已损坏，无法解开');
  }
}

// --- account roles ------------------------------------------------------------------------

/**
 * Binds an account's role to its id and username under a key derived from the data key:
 * a role changed in the database without the data key (DevTools on the sign-in screen, an
 * edit of the profile's files) no longer matches. The inputs are JSON-encoded so that no
 * two (id, username, role) triples share a message.
 */
export function roleMac(dataKey: Uint8Array, account: { id: string; username: string; role: string }): string {
  const key = hmac(sha256, dataKey, enc.encode('duty-lawyer-station/account-role/v1'));
  try {
    return toBase64(hmac(sha256, key, enc.encode(JSON.stringify([account.id, account.username, account.role]))));
  } finally {
    key.fill(0);
  }
}

export function roleMacMatches(dataKey: Uint8Array, account: { id: string; username: string; role: string; roleMac?: string | undefined }): boolean {
  if (!account.roleMac) return false;
  try {
    return constantTimeEqual(fromBase64(roleMac(dataKey, account)), fromBase64(account.roleMac));
  } catch {
    return false;
  }
}

// --- recovery code -----------------------------------------------------------------------

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 24 Crockford base32 characters (120 bits) in groups of four, for printing. */
export function generateRecoveryCode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  const chars = [...bytes].map((b) => CROCKFORD[b & 31]).join('');
  return chars.match(/.{4}/g)!.join('-');
}

/** Reads a typed recovery code forgivingly: case, spaces and dashes ignored; I/L read as 1, O as 0. */
export function normalizeRecoveryCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
}

// --- the vault -----------------------------------------------------------------------------

/** Builds the vault (seal, open, blind) from a data key; nothing of the key leaves this closure. */
export async function vaultFromDataKey(dataKey: Uint8Array): Promise<Vault> {
  const aesBytes = hmac(sha256, dataKey, enc.encode('duty-lawyer-station/record-encryption/v1'));
  const indexKey = hmac(sha256, dataKey, enc.encode('duty-lawyer-station/search-index/v1'));
  const aes = await crypto.subtle.importKey('raw', aesBytes as Uint8Array<ArrayBuffer>, 'AES-GCM', false, ['encrypt', 'decrypt']);
  aesBytes.fill(0);
  const aad = (type: string, id: string) => enc.encode(`${type}/${id}/v1`);
  return {
    async seal(type, id, payload): Promise<Sealed> {
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad(type, id) }, aes, enc.encode(JSON.stringify(payload)));
      return { v: 1, iv: toBase64(iv), ct: toBase64(new Uint8Array(ct)) };
    },
    async open<T>(type: string, id: string, sealed: Sealed): Promise<T> {
      const pt = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(sealed.iv), additionalData: aad(type, id) }, aes, fromBase64(sealed.ct));
      return JSON.parse(new TextDecoder().decode(pt)) as T;
    },
    blind(token: string): string {
      // 96 bits: collisions among a station's tokens are negligible, and short keys keep the index small.
      return base64url(hmac(sha256, indexKey, enc.encode(token)).subarray(0, 12));
    },
  };
}
