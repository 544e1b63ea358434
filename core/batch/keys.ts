import { ed25519 } from '@noble/curves/ed25519';
import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex } from '@noble/hashes/utils';

/**
 * Ed25519 keys as the batch format carries them: the public key as SPKI DER (RFC 8410),
 * base64. An Ed25519 SPKI is a fixed 12-byte prefix followed by the 32-byte key.
 */
const SPKI_PREFIX = Uint8Array.from([0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00]);

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** Strict base64 (whitespace around it tolerated); null when it is not base64. */
export function fromBase64(text: string): Uint8Array | null {
  const t = text.trim();
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(t)) return null;
  const bin = atob(t);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function spkiFromRawPublicKey(raw: Uint8Array): Uint8Array {
  if (raw.length !== 32) throw new Error('Ed25519 public key must be 32 bytes');
  const out = new Uint8Array(SPKI_PREFIX.length + 32);
  out.set(SPKI_PREFIX);
  out.set(raw, SPKI_PREFIX.length);
  return out;
}

/** The raw 32-byte key of an Ed25519 SPKI, or null when it is not one. */
export function rawPublicKeyFromSpki(spki: Uint8Array): Uint8Array | null {
  if (spki.length !== SPKI_PREFIX.length + 32) return null;
  for (let i = 0; i < SPKI_PREFIX.length; i++) if (spki[i] !== SPKI_PREFIX[i]) return null;
  return spki.slice(SPKI_PREFIX.length);
}

export interface StationKeyPair {
  /** 32-byte Ed25519 seed: the private key. */
  seed: Uint8Array;
  /** SPKI DER, base64: what manifests carry. */
  publicKey: string;
}

export function generateStationKey(): StationKeyPair {
  const seed = ed25519.utils.randomPrivateKey();
  return { seed, publicKey: toBase64(spkiFromRawPublicKey(ed25519.getPublicKey(seed))) };
}

export function publicKeyOfSeed(seed: Uint8Array): string {
  return toBase64(spkiFromRawPublicKey(ed25519.getPublicKey(seed)));
}

export function signManifest(manifestBytes: Uint8Array, seed: Uint8Array): Uint8Array {
  return ed25519.sign(manifestBytes, seed);
}

/** Whether `signature` (raw 64 bytes) is the station's signature of these exact bytes. */
export function verifyManifestSignature(manifestBytes: Uint8Array, signature: Uint8Array, publicKeyBase64: string): boolean {
  const spki = fromBase64(publicKeyBase64);
  const raw = spki && rawPublicKeyFromSpki(spki);
  if (!raw || signature.length !== 64) return false;
  try {
    return ed25519.verify(signature, manifestBytes, raw, { zip215: false });
  } catch {
    return false;
  }
}

/** A fingerprint as shown and stored: 64 upper-case hex digits in sixteen groups of four. */
export const FINGERPRINT_PATTERN = /^[0-9A-F]{4}( [0-9A-F]{4}){15}$/;

/**
 * What the centre registers and a person compares by reading it aloud: SHA-256 of the
 * SPKI, hex in groups of four. Null when the key is not an Ed25519 SPKI.
 */
export function publicKeyFingerprint(publicKeyBase64: string): string | null {
  const spki = fromBase64(publicKeyBase64);
  if (!spki || !rawPublicKeyFromSpki(spki)) return null;
  return bytesToHex(sha256(spki)).toUpperCase().match(/.{4}/g)!.join(' ');
}

/** Keys are compared by their bytes, so base64 spelled with whitespace still matches. */
export function samePublicKey(a: string, b: string): boolean {
  const x = fromBase64(a);
  const y = fromBase64(b);
  return !!x && !!y && x.length === y.length && x.every((v, i) => v === y[i]);
}
