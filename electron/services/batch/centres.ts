import { randomUUID } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { z } from 'zod';
import { SUITE_LABELS, SUITES, type SuiteId } from '../../../core/batch/formatV2';
import type { CentreKeyCandidate, CentresState, ReceivingCentre } from '../../../core/api/contract';
import { toRfc3339 } from '../../../core/time/rfc3339';
import { ServiceError } from '../errors';
import type { KeyValueStore } from '../settings/keyValueStore';
import type { ExportTarget } from './exportJob';
import { readRecipientPublicKey, recipientFingerprint } from './recipientKeys';
import { FINGERPRINT_PATTERN } from '../../../core/batch/keys';

const KEY = 'receivingCentres';
/** A key file is a few hundred bytes; anything far larger is not one. */
const MAX_KEY_FILE_BYTES = 64 * 1024;
/** The province's suite until a supervisor chooses one: the one every station already signs with. */
const DEFAULT_SUITE: SuiteId = 'intl-1';

const person = z.strictObject({ id: z.string().min(1).max(64), name: z.string().max(100) });

const centreSchema = z.strictObject({
  name: z.string().min(1).max(200),
  suite: z.enum(SUITES),
  publicKey: z.string().min(1).max(200),
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  fingerprint: z.string().regex(FINGERPRINT_PATTERN),
  registeredAt: z.string().max(40),
  registeredBy: person,
});

/** Strict: what is stored here decides whom every batch is readable by. */
const stateSchema = z.strictObject({
  suite: z.enum(SUITES),
  centres: z.array(centreSchema).max(64),
});

type Actor = { id: string; name: string };

export interface CentresPorts {
  store: KeyValueStore;
  /** The native open dialog for a centre's public key file. */
  chooseKeyFile(): Promise<string | null>;
}

/** Spaces and case do not matter when a supervisor types the fingerprint back. */
const normalFingerprint = (f: string) => f.replace(/\s+/g, '').toUpperCase();

/**
 * The receiving centres' registry and the province's suite, kept by main (like the
 * import registry): the renderer can name neither a key nor a suite for an export, only
 * ask main to register a key file main itself read from a file the supervisor chose.
 */
export function createCentres(ports: CentresPorts) {
  const pending = new Map<string, ReceivingCentre>();

  const state = (): CentresState => {
    const raw = ports.store.get(KEY);
    if (raw === undefined) return { suite: DEFAULT_SUITE, centres: [] };
    const parsed = stateSchema.safeParse(raw);
    // A damaged registry must not silently fall back to "no centre" (and so to plaintext).
    if (!parsed.success) throw new ServiceError('centres_damaged', '接收中心登记信息已损坏，请重新登记接收中心');
    return parsed.data;
  };
  const save = (next: CentresState): CentresState => {
    const parsed = stateSchema.parse(next);
    ports.store.set(KEY, parsed);
    return parsed;
  };

  /** Checks a key file's text against the station's suite and the registry; the centre it would register. */
  const candidateOf = (text: string): Omit<ReceivingCentre, 'registeredAt' | 'registeredBy'> => {
    const read = readRecipientPublicKey(text);
    if (!read.ok) throw new ServiceError('bad_key_file', read.reason);
    const file = read.value;
    const current = state();
    if (file.suite !== current.suite) {
      throw new ServiceError(
        'suite_mismatch',
        `该密钥文件使用${SUITE_LABELS[file.suite]}，本站设置的算法套件是${SUITE_LABELS[current.suite]}。请向中心索取对应套件的密钥文件，或先更改本站的算法套件`,
      );
    }
    if (current.centres.some((c) => c.keyId === file.keyId)) throw new ServiceError('centre_known', `该密钥已登记（${file.name}）`);
    const fingerprint = recipientFingerprint(file);
    if (!fingerprint) throw new ServiceError('bad_key_file', '密钥文件中的公钥无效');
    return { name: file.name, suite: file.suite, publicKey: file.publicKey, keyId: file.keyId, fingerprint };
  };

  return {
    state,

    /** Reads and checks the chosen file; the supervisor confirms its fingerprint before anything is kept. */
    async openKeyFile(): Promise<CentreKeyCandidate | null> {
      const path = await ports.chooseKeyFile();
      if (!path) return null;
      let text: string;
      try {
        if (statSync(path).size > MAX_KEY_FILE_BYTES) throw new ServiceError('bad_key_file', '所选文件不是接收中心的公钥文件（文件过大）');
        text = readFileSync(path, 'utf8');
      } catch (err) {
        if (err instanceof ServiceError) throw err;
        throw new ServiceError('key_file_unreadable', `无法读取所选文件：${(err as Error).message}`);
      }
      const candidate = candidateOf(text);
      const token = randomUUID();
      pending.set(token, { ...candidate, registeredAt: '', registeredBy: { id: '', name: '' } });
      return { token, name: candidate.name, suite: candidate.suite, keyId: candidate.keyId, fingerprint: candidate.fingerprint };
    },

    register(input: { token: string; confirmedFingerprint: string; actor: Actor }): ReceivingCentre {
      const opened = pending.get(input.token);
      if (!opened) throw new ServiceError('no_key_file', '该密钥文件已关闭，请重新选择');
      if (normalFingerprint(input.confirmedFingerprint) !== normalFingerprint(opened.fingerprint)) {
        throw new ServiceError('fingerprint_mismatch', '确认的指纹与密钥文件的指纹不一致，未登记');
      }
      pending.delete(input.token);
      // Checked again: the suite or the registry may have changed since the file was opened.
      const checked = candidateOf(
        JSON.stringify({ format: 'dlbatch-recipient', suite: opened.suite, name: opened.name, publicKey: opened.publicKey, keyId: opened.keyId }),
      );
      const centre: ReceivingCentre = { ...checked, registeredAt: toRfc3339(), registeredBy: { id: input.actor.id, name: input.actor.name } };
      const current = state();
      save({ ...current, centres: [...current.centres, centre] });
      return centre;
    },

    remove(input: { keyId: string; actor: Actor }): ReceivingCentre {
      const current = state();
      const centre = current.centres.find((c) => c.keyId === input.keyId);
      if (!centre) throw new ServiceError('no_centre', '找不到该接收中心');
      save({ ...current, centres: current.centres.filter((c) => c.keyId !== input.keyId) });
      return centre;
    },

    /**
     * A centre's key belongs to one suite, so the suite changes only with no centre registered:
     * the supervisor removes the old keys and registers the centres' keys of the new suite.
     */
    setSuite(input: { suite: SuiteId; actor: Actor }): CentresState {
      const current = state();
      if (current.suite === input.suite) return current;
      if (current.centres.length > 0) {
        throw new ServiceError(
          'centres_registered',
          `已登记的接收中心使用${SUITE_LABELS[current.suite]}的密钥；更改算法套件前，请先移除这些接收中心，再登记新套件的密钥`,
        );
      }
      return save({ ...current, suite: input.suite });
    },

    /** v2 to every registered centre, or null when none is: then only an explicit v1 choice exports. */
    exportTarget(): ExportTarget | null {
      const { suite, centres } = state();
      return centres.length === 0 ? null : { version: 2, suite, recipients: centres.map((c) => c.publicKey) };
    },
  };
}

export type Centres = ReturnType<typeof createCentres>;
