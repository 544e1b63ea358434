import type { Manifest } from '../../../core/batch/format';
import type { SuiteId } from '../../../core/batch/formatV2';
import type { Expectation } from '../../../core/batch/verify';
import type { ImportStanding } from '../../../core/api/contract';
import type { KeyValueStore } from '../settings/keyValueStore';

/** One ingested batch, with what a receipt for it needs (absent for imports made before receipts). */
export interface RegisteredBatch {
  batchId: string;
  sequence: number;
  manifestSha256: string;
  formatVersion?: 1 | 2;
  suite?: SuiteId;
  /** H of the manifest under the batch's suite (SHA-256 for v1). */
  manifestHash?: string;
  fileName?: string;
  /** The folder the batch file was read from: where its receipt goes by default. */
  folder?: string;
  receivedAt?: string;
  records?: number;
}

/** A signing key of another station, for a suite other than the one it was first registered in. */
export interface RegisteredKey {
  publicKey: string;
  fingerprint: string;
  registeredAt: string;
  registeredBy: { id: string; name: string };
}

/** What this machine trusts of another station: its key and the head of its chain. */
export interface RegisteredStation {
  code: string;
  publicKey: string;
  fingerprint: string;
  registeredAt: string;
  registeredBy: { id: string; name: string };
  /**
   * The suite `publicKey` signs in: `intl-1` (v1 batches sign with the same Ed25519 key)
   * when absent. A station signs gm-1 batches with its own SM2 key, registered apart.
   */
  keySuite?: SuiteId;
  otherKeys?: Partial<Record<SuiteId, RegisteredKey>>;
  lastSequence: number;
  lastManifestSha256: string;
  /** SM3 of the head's manifest: what a gm-1 batch names (absent for heads recorded before v2 imports). */
  lastManifestSm3?: string;
  /** Every batch ingested from it. */
  batches: RegisteredBatch[];
}

/** The manifest fields the registry reads, of either version (v1 has no suite). */
export type ManifestLike = Pick<Manifest, 'station' | 'batchId' | 'sequence' | 'publicKey'> & { suite?: SuiteId };

/** What is recorded with an ingested batch beyond its manifest. */
export interface IngestedBatch {
  manifestSha256: string;
  manifestSm3: string;
  manifestHash: string;
  fingerprint: string;
  fileName: string;
  folder: string;
  records: number;
}

const KEY = 'importedStationKeys';

/** The key a station signs batches of this suite with, as registered here; null when none is. */
export function registeredKeyOf(station: RegisteredStation, suite: SuiteId | undefined): { publicKey: string; fingerprint: string } | null {
  const wanted = suite ?? 'intl-1';
  if ((station.keySuite ?? 'intl-1') === wanted) return { publicKey: station.publicKey, fingerprint: station.fingerprint };
  return station.otherKeys?.[wanted] ?? null;
}

/**
 * The trust anchors of imports, kept by the main process (like our own ledger): the key
 * registered per station and suite, and its chain head. The renderer cannot name a key or
 * a chain; main looks them up from the manifest it verified.
 */
export function createImportRegistry(store: KeyValueStore) {
  const all = (): Record<string, RegisteredStation> => (store.get(KEY) as Record<string, RegisteredStation> | undefined) ?? {};
  const get = (code: string): RegisteredStation | null => (Object.hasOwn(all(), code) ? all()[code]! : null);
  return {
    get,
    /** The ingested batch with this id, and its station. */
    batch(batchId: string): { station: RegisteredStation; batch: RegisteredBatch } | null {
      for (const station of Object.values(all())) {
        const batch = station.batches.find((b) => b.batchId === batchId);
        if (batch) return { station, batch };
      }
      return null;
    },
    /**
     * `new` also when the station is known but not its key of this batch's suite (its first
     * gm-1 batch): that key is registered only after its fingerprint is confirmed.
     */
    standing(manifest: ManifestLike, ownCode: string | null): ImportStanding {
      if (manifest.station.code === ownCode) return 'own';
      const station = get(manifest.station.code);
      if (!station || !registeredKeyOf(station, manifest.suite)) return 'new';
      return station.batches.some((b) => b.batchId === manifest.batchId) ? 'known' : 'next';
    },
    /** What the verifier must check for this standing. */
    expectation(manifest: ManifestLike, standing: ImportStanding, ownPublicKey: string): Expectation {
      if (standing === 'own') return { registeredPublicKey: ownPublicKey };
      const station = get(manifest.station.code);
      if (!station) return {};
      const chain = {
        previousManifestSha256: station.lastManifestSha256,
        ...(station.lastManifestSm3 ? { previousManifestSm3: station.lastManifestSm3 } : {}),
        previousSequence: station.lastSequence,
      };
      const key = registeredKeyOf(station, manifest.suite);
      // A known station's new key: the chain still has to continue.
      if (!key) return { chain };
      // A batch ingested before is checked as itself; a new one must continue the chain.
      if (standing === 'known') return { registeredPublicKey: key.publicKey };
      return { registeredPublicKey: key.publicKey, chain };
    },
    /** Records an ingested batch: registers a new station or key, or moves its chain head on. */
    record(manifest: ManifestLike, ingested: IngestedBatch, actor: { id: string; name: string }, at: string): RegisteredStation {
      const current = get(manifest.station.code);
      const fresh: RegisteredBatch = {
        batchId: manifest.batchId,
        sequence: manifest.sequence,
        manifestSha256: ingested.manifestSha256,
        formatVersion: manifest.suite ? 2 : 1,
        ...(manifest.suite ? { suite: manifest.suite } : {}),
        manifestHash: ingested.manifestHash,
        fileName: ingested.fileName,
        folder: ingested.folder,
        receivedAt: at,
        records: ingested.records,
      };
      const head = { lastSequence: manifest.sequence, lastManifestSha256: ingested.manifestSha256, lastManifestSm3: ingested.manifestSm3 };
      let next: RegisteredStation;
      if (current) {
        const known = current.batches.find((b) => b.batchId === fresh.batchId);
        // Ingested again: what it already had (the first receivedAt) stays; what it lacked is filled in.
        const batches = known ? current.batches.map((b) => (b === known ? { ...fresh, ...known } : b)) : [...current.batches, fresh];
        const suite = manifest.suite ?? 'intl-1';
        const addKey = !registeredKeyOf(current, manifest.suite)
          ? {
              otherKeys: {
                ...current.otherKeys,
                [suite]: { publicKey: manifest.publicKey, fingerprint: ingested.fingerprint, registeredAt: at, registeredBy: actor },
              },
            }
          : {};
        next = { ...current, ...addKey, batches, ...(manifest.sequence > current.lastSequence ? head : {}) };
      } else {
        next = {
          code: manifest.station.code,
          publicKey: manifest.publicKey,
          fingerprint: ingested.fingerprint,
          registeredAt: at,
          registeredBy: actor,
          ...(manifest.suite && manifest.suite !== 'intl-1' ? { keySuite: manifest.suite } : {}),
          ...head,
          batches: [fresh],
        };
      }
      store.set(KEY, { ...all(), [next.code]: next });
      return next;
    },
  };
}

export type ImportRegistry = ReturnType<typeof createImportRegistry>;
