import { z } from 'zod';
import { SUITES, type ManifestV2, type SuiteId } from '../../../core/batch/formatV2';
import { RECIPIENT_KEY_FORMAT, type PrivateKeyFile, type PublicKeyFile } from '../../../core/batch/keyFile';
import { FINGERPRINT_PATTERN, samePublicKey, toBase64 } from '../../../core/batch/keys';
import type { RecipientSecret } from '../../../core/batch/suite';
import type { CentreKeyInfo } from '../../../core/api/contract';
import { toRfc3339 } from '../../../core/time/rfc3339';
import { writeFileAtomic } from '../backup/backupFiles';
import { ServiceError } from '../errors';
import type { KeyValueStore } from '../settings/keyValueStore';
import { recipientFingerprint, serializeKeyFile } from './recipientKeys';
import type { SecretProtector } from './secretProtector';
import { suiteOf } from './suites';

const KEY = 'centreRecipientKeys';

const person = z.strictObject({ id: z.string().min(1).max(64), name: z.string().max(100) });

const storedKeySchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  suite: z.enum(SUITES),
  publicKey: z.string().min(1).max(200),
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  fingerprint: z.string().regex(FINGERPRINT_PATTERN),
  /** The 32-byte private key, sealed by the protector like the station's signing key. */
  sealedPrivateKey: z.string().min(1).max(1000),
  protection: z.string().min(1).max(64),
  createdAt: z.string().max(40),
  createdBy: person,
});
type StoredKey = z.infer<typeof storedKeySchema>;

/** Strict: what is stored here decides which batches this centre can read. */
const storedKeysSchema = z.array(storedKeySchema).max(64);

type Actor = { id: string; name: string };

export interface CentreKeysPorts {
  store: KeyValueStore;
  protector: SecretProtector;
  /** Whether this installation is a receiving centre (profile kind 法律援助中心). */
  isCentre(): boolean;
  /** The native save dialog for a key file; null when cancelled. */
  chooseSavePath(defaultName: string, title: string): Promise<string | null>;
}

const info = ({ sealedPrivateKey, protection, ...rest }: StoredKey): CentreKeyInfo => (void sealedPrivateKey, void protection, rest);

/**
 * A receiving centre's own recipient key pairs (spec "Key files"). The private key is sealed
 * at rest by the same protector as the station's signing key and opened only for one
 * verification, one import or the supervisor's explicit export of the plain key file.
 */
export function createCentreKeys(ports: CentreKeysPorts) {
  const all = (): StoredKey[] => {
    const raw = ports.store.get(KEY);
    if (raw === undefined) return [];
    const parsed = storedKeysSchema.safeParse(raw);
    if (!parsed.success) throw new ServiceError('centre_keys_damaged', '本中心的接收密钥记录已损坏');
    return parsed.data;
  };
  const find = (keyId: string): StoredKey => {
    const k = all().find((x) => x.keyId === keyId);
    if (!k) throw new ServiceError('no_centre_key', '找不到该接收密钥');
    return k;
  };
  /** The plain private key, checked against its public half; the caller wipes it. */
  const unseal = (k: StoredKey): Uint8Array => {
    if (k.protection !== ports.protector.kind) throw new ServiceError('key_protection', '接收密钥的保护方式与本机不符，无法使用');
    let secret: Uint8Array;
    try {
      secret = ports.protector.unprotect(Buffer.from(k.sealedPrivateKey, 'base64'));
    } catch {
      throw new ServiceError('key_unreadable', '无法解开本中心的接收密钥（系统密钥库不可用或已更换）');
    }
    const derived = suiteOf(k.suite).recipientPublicKeyOf(secret);
    if (!derived || !samePublicKey(derived, k.publicKey)) {
      secret.fill(0);
      throw new ServiceError('key_damaged', `本中心的接收密钥（keyId ${k.keyId}）已损坏`);
    }
    return secret;
  };
  const publicFile = (k: StoredKey): PublicKeyFile => ({ format: RECIPIENT_KEY_FORMAT, suite: k.suite, name: k.name, publicKey: k.publicKey, keyId: k.keyId });
  const save = async (defaultName: string, title: string, text: string): Promise<{ path: string } | null> => {
    const path = await ports.chooseSavePath(defaultName, title);
    if (!path) return null;
    writeFileAtomic(path, Buffer.from(text, 'utf8'), '密钥文件');
    return { path };
  };

  return {
    list: (): CentreKeyInfo[] => all().map(info),

    create(input: { suite: SuiteId; name: string; actor: Actor }): CentreKeyInfo {
      if (!ports.isCentre()) throw new ServiceError('not_a_centre', '只有类型为“法律援助中心”的工作站才能生成接收密钥');
      const name = input.name.trim();
      if (!name) throw new ServiceError('bad_name', '请填写接收密钥的名称');
      const s = suiteOf(input.suite);
      const pair = s.generateRecipientKey();
      try {
        const keyId = s.keyIdOf(pair.publicKey)!;
        const stored: StoredKey = {
          name,
          suite: input.suite,
          publicKey: pair.publicKey,
          keyId,
          fingerprint: recipientFingerprint({ suite: input.suite, publicKey: pair.publicKey })!,
          sealedPrivateKey: Buffer.from(ports.protector.protect(pair.privateKey)).toString('base64'),
          protection: ports.protector.kind,
          createdAt: toRfc3339(),
          createdBy: { id: input.actor.id, name: input.actor.name },
        };
        ports.store.set(KEY, storedKeysSchema.parse([...all(), stored]));
        return info(stored);
      } finally {
        pair.privateKey.fill(0);
      }
    },

    /** The public key file stations register (spec "Key files"). */
    exportPublic(input: { keyId: string }): Promise<{ path: string } | null> {
      const k = find(input.keyId);
      return save(`centre-${k.suite}-${k.keyId}.public.json`, '保存接收中心公钥文件', serializeKeyFile(publicFile(k)));
    },

    /** The plain private key file, for the command-line verifier and other makers' tools: only on an explicit request. */
    async exportPrivate(input: { keyId: string; acknowledgePlaintext: boolean }): Promise<{ path: string } | null> {
      if (input.acknowledgePlaintext !== true) throw new ServiceError('plaintext_not_chosen', '导出明文私钥须先明确确认');
      const k = find(input.keyId);
      const path = await ports.chooseSavePath(`centre-${k.suite}-${k.keyId}.private.json`, '保存接收中心私钥文件（明文）');
      if (!path) return null;
      const secret = unseal(k);
      try {
        const file: PrivateKeyFile = { ...publicFile(k), privateKey: toBase64(secret) };
        writeFileAtomic(path, Buffer.from(serializeKeyFile(file), 'utf8'), '密钥文件');
      } finally {
        secret.fill(0);
      }
      return { path };
    },

    /**
     * This centre's private key for a batch naming it among its recipients (by keyId, in the
     * batch's suite), unsealed for the caller, who wipes `privateKey` when done; undefined
     * when this centre holds no key of the batch.
     */
    secretFor(manifest: Pick<ManifestV2, 'suite' | 'recipients'>): RecipientSecret | undefined {
      const named = new Set(manifest.recipients.map((r) => r.keyId));
      const k = all().find((x) => x.suite === manifest.suite && named.has(x.keyId));
      if (!k) return undefined;
      return { suite: k.suite, name: k.name, keyId: k.keyId, publicKey: k.publicKey, privateKey: unseal(k) };
    },
  };
}

export type CentreKeys = ReturnType<typeof createCentreKeys>;
