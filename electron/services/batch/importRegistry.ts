import type { Manifest } from '../../../core/batch/format';
import type { Expectation } from '../../../core/batch/verify';
import type { ImportStanding } from '../../../core/api/contract';
import type { KeyValueStore } from '../settings/keyValueStore';

/** What this machine trusts of another station: its key and the head of its chain. */
export interface RegisteredStation {
  code: string;
  publicKey: string;
  fingerprint: string;
  registeredAt: string;
  registeredBy: { id: string; name: string };
  lastSequence: number;
  lastManifestSha256: string;
  /** Every batch ingested from it. */
  batches: { batchId: string; sequence: number; manifestSha256: string }[];
}

const KEY = 'importedStationKeys';

/**
 * The trust anchors of imports, kept by the main process (like our own ledger): the key
 * registered per station and its chain head. The renderer cannot name a key or a chain;
 * main looks them up from the manifest it verified.
 */
export function createImportRegistry(store: KeyValueStore) {
  const all = (): Record<string, RegisteredStation> => (store.get(KEY) as Record<string, RegisteredStation> | undefined) ?? {};
  const get = (code: string): RegisteredStation | null => (Object.hasOwn(all(), code) ? all()[code]! : null);
  return {
    get,
    standing(manifest: Manifest, ownCode: string | null): ImportStanding {
      if (manifest.station.code === ownCode) return 'own';
      const station = get(manifest.station.code);
      if (!station) return 'new';
      return station.batches.some((b) => b.batchId === manifest.batchId) ? 'known' : 'next';
    },
    /** What the verifier must check for this standing. */
    expectation(manifest: Manifest, standing: ImportStanding, ownPublicKey: string): Expectation {
      if (standing === 'own') return { registeredPublicKey: ownPublicKey };
      const station = get(manifest.station.code);
      if (!station) return {};
      // A batch ingested before is checked as itself; a new one must continue the chain.
      if (standing === 'known') return { registeredPublicKey: station.publicKey };
      return { registeredPublicKey: station.publicKey, chain: { previousManifestSha256: station.lastManifestSha256, previousSequence: station.lastSequence } };
    },
    /** Records an ingested batch: registers a new station, or moves its chain head on. */
    record(manifest: Manifest, manifestSha256: string, fingerprint: string, actor: { id: string; name: string }, at: string): RegisteredStation {
      const current = get(manifest.station.code);
      const batch = { batchId: manifest.batchId, sequence: manifest.sequence, manifestSha256 };
      const next: RegisteredStation = current
        ? {
            ...current,
            batches: current.batches.some((b) => b.batchId === batch.batchId) ? current.batches : [...current.batches, batch],
            ...(manifest.sequence > current.lastSequence ? { lastSequence: manifest.sequence, lastManifestSha256: manifestSha256 } : {}),
          }
        : {
            code: manifest.station.code,
            publicKey: manifest.publicKey,
            fingerprint,
            registeredAt: at,
            registeredBy: actor,
            lastSequence: manifest.sequence,
            lastManifestSha256: manifestSha256,
            batches: [batch],
          };
      store.set(KEY, { ...all(), [next.code]: next });
      return next;
    },
  };
}

export type ImportRegistry = ReturnType<typeof createImportRegistry>;
