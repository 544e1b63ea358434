import { generateStationKey, publicKeyFingerprint, publicKeyOfSeed } from '../../../core/batch/keys';
import { toRfc3339 } from '../../../core/time/rfc3339';
import type { StationKeyInfo } from '../../../core/api/contract';
import type { KeyValueStore } from '../settings/keyValueStore';
import { ServiceError } from '../errors';
import type { SecretProtector } from './secretProtector';

export type { StationKeyInfo };

interface StoredKey {
  publicKey: string;
  sealedSeed: string;
  protection: string;
  createdAt: string;
}

const KEY = 'stationSigningKey';

/**
 * The station's Ed25519 key pair. The private key (its 32-byte seed) exists in plain
 * only in memory while a manifest is signed; at rest it is sealed by the protector.
 */
export function createStationKeys(store: KeyValueStore, protector: SecretProtector) {
  const stored = (): StoredKey | null => (store.get(KEY) as StoredKey | undefined) ?? null;
  const info = (k: StoredKey): StationKeyInfo => ({
    publicKey: k.publicKey,
    fingerprint: publicKeyFingerprint(k.publicKey)!,
    createdAt: k.createdAt,
    protection: k.protection,
  });
  return {
    /** Creates the pair on first use (at setup), then returns the same public key forever. */
    ensure(): StationKeyInfo {
      const existing = stored();
      if (existing) return info(existing);
      const pair = generateStationKey();
      const next: StoredKey = {
        publicKey: pair.publicKey,
        sealedSeed: Buffer.from(protector.protect(pair.seed)).toString('base64'),
        protection: protector.kind,
        createdAt: toRfc3339(),
      };
      pair.seed.fill(0);
      store.set(KEY, next);
      return info(next);
    },
    /** Runs `use` with the seed and wipes it afterwards. */
    withSeed<T>(use: (seed: Uint8Array, publicKey: string) => T): T {
      const k = stored();
      if (!k) throw new ServiceError('no_station_key', '本站的签名密钥尚未生成');
      if (k.protection !== protector.kind) throw new ServiceError('key_protection', '签名密钥的保护方式与本机不符，无法使用');
      let seed: Uint8Array;
      try {
        seed = protector.unprotect(Buffer.from(k.sealedSeed, 'base64'));
      } catch {
        throw new ServiceError('key_unreadable', '无法解开本站的签名密钥（系统密钥库不可用或已更换）');
      }
      try {
        if (publicKeyOfSeed(seed) !== k.publicKey) throw new ServiceError('key_damaged', '本站的签名密钥已损坏');
        return use(seed, k.publicKey);
      } finally {
        seed.fill(0);
      }
    },
  };
}

export type StationKeys = ReturnType<typeof createStationKeys>;
