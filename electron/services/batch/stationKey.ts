import { generateStationKey, publicKeyFingerprint, publicKeyOfSeed } from '../../../core/batch/keys';
import type { SuiteId } from '../../../core/batch/formatV2';
import { toRfc3339 } from '../../../core/time/rfc3339';
import type { StationKeyInfo } from '../../../core/api/contract';
import type { KeyValueStore } from '../settings/keyValueStore';
import { ServiceError } from '../errors';
import type { SecretProtector } from './secretProtector';
import { suiteOf } from './suites';

export type { StationKeyInfo };

interface StoredKey {
  publicKey: string;
  sealedSeed: string;
  protection: string;
  createdAt: string;
}

/**
 * One signing key per suite. intl-1 signs with the Ed25519 key v1 has always used (same
 * encoding), so a station that moves to v2 keeps its registered key; gm-1 has its own SM2 key.
 */
const KEYS: Record<SuiteId, string> = { 'intl-1': 'stationSigningKey', 'gm-1': 'stationSigningKeyGm1' };

/**
 * A signing key's fingerprint, H of its bytes in groups of four: what a station's settings
 * show for its own key, and what a station reads back when it first meets a centre's key.
 */
export function signingKeyFingerprint(suite: SuiteId, publicKey: string): string | null {
  if (suite === 'intl-1') return publicKeyFingerprint(publicKey);
  const s = suiteOf(suite);
  if (!s.signingKeyValid(publicKey)) return null;
  const h = s.hash();
  h.update(Buffer.from(publicKey, 'base64'));
  return h.digestHex().toUpperCase().match(/.{4}/g)!.join(' ');
}

const fingerprintOf = (suite: SuiteId, publicKey: string): string => signingKeyFingerprint(suite, publicKey)!;

/**
 * The station's signing key pairs, one per suite. A private key exists in plain only in
 * memory while a manifest is signed; at rest it is sealed by the protector.
 */
export function createStationKeys(store: KeyValueStore, protector: SecretProtector) {
  const stored = (suite: SuiteId): StoredKey | null => (store.get(KEYS[suite]) as StoredKey | undefined) ?? null;
  const info = (suite: SuiteId, k: StoredKey): StationKeyInfo => ({
    publicKey: k.publicKey,
    fingerprint: fingerprintOf(suite, k.publicKey),
    createdAt: k.createdAt,
    protection: k.protection,
  });
  const create = (suite: SuiteId): StoredKey => {
    const pair = suite === 'intl-1' ? (({ seed, publicKey }) => ({ privateKey: seed, publicKey }))(generateStationKey()) : suiteOf(suite).generateSigningKey();
    const next: StoredKey = {
      publicKey: pair.publicKey,
      sealedSeed: Buffer.from(protector.protect(pair.privateKey)).toString('base64'),
      protection: protector.kind,
      createdAt: toRfc3339(),
    };
    pair.privateKey.fill(0);
    store.set(KEYS[suite], next);
    return next;
  };
  const ensureSuite = (suite: SuiteId): StationKeyInfo => info(suite, stored(suite) ?? create(suite));
  const withPrivate = <T>(suite: SuiteId, use: (privateKey: Uint8Array, publicKey: string) => T): T => {
    const k = stored(suite);
    if (!k) throw new ServiceError('no_station_key', '本站的签名密钥尚未生成');
    if (k.protection !== protector.kind) throw new ServiceError('key_protection', '签名密钥的保护方式与本机不符，无法使用');
    let secret: Uint8Array;
    try {
      secret = protector.unprotect(Buffer.from(k.sealedSeed, 'base64'));
    } catch {
      throw new ServiceError('key_unreadable', '无法解开本站的签名密钥（系统密钥库不可用或已更换）');
    }
    try {
      const derived = suite === 'intl-1' ? publicKeyOfSeed(secret) : suiteOf(suite).signingPublicKeyOf(secret);
      if (derived !== k.publicKey) throw new ServiceError('key_damaged', '本站的签名密钥已损坏');
      return use(secret, k.publicKey);
    } finally {
      secret.fill(0);
    }
  };
  return {
    /** Creates both pairs on first use (at setup), then returns the same Ed25519 public key forever. */
    ensure(): StationKeyInfo {
      ensureSuite('gm-1');
      return ensureSuite('intl-1');
    },
    /** The signing key of one suite, created if an older installation has none yet. */
    ensureSuite,
    /** Runs `use` with the Ed25519 seed and wipes it afterwards. */
    withSeed<T>(use: (seed: Uint8Array, publicKey: string) => T): T {
      return withPrivate('intl-1', use);
    },
    /** Signs with the suite's key; the private key is unsealed for the call and wiped after it. */
    sign(suite: SuiteId, message: Uint8Array): { signature: Uint8Array; publicKey: string } {
      return withPrivate(suite, (privateKey, publicKey) => ({ signature: suiteOf(suite).sign(message, privateKey), publicKey }));
    },
  };
}

export type StationKeys = ReturnType<typeof createStationKeys>;
