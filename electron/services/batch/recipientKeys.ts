import { parseKeyFileText, RECIPIENT_KEY_FORMAT, serializeKeyFile, type PrivateKeyFile, type PublicKeyFile } from '../../../core/batch/keyFile';
import { fromBase64, samePublicKey, toBase64 } from '../../../core/batch/keys';
import type { SuiteId } from '../../../core/batch/formatV2';
import type { RecipientSecret } from '../../../core/batch/suite';
import { suiteOf } from './suites';

/**
 * A receiving centre's key files (spec "Key files"), made and read with the suite's
 * algorithms: a file is accepted only when its key is a key of its suite, its keyId is
 * the one that key gives, and a private key yields exactly the public key beside it.
 */
export function createRecipientKeyFiles(suite: SuiteId, name: string): { publicFile: PublicKeyFile; privateFile: PrivateKeyFile } {
  const s = suiteOf(suite);
  const pair = s.generateRecipientKey();
  const publicFile: PublicKeyFile = { format: RECIPIENT_KEY_FORMAT, suite, name: name.trim(), publicKey: pair.publicKey, keyId: s.keyIdOf(pair.publicKey)! };
  const privateFile: PrivateKeyFile = { ...publicFile, privateKey: toBase64(pair.privateKey) };
  pair.privateKey.fill(0);
  return { publicFile, privateFile };
}

export { serializeKeyFile };

export type KeyFileResult<T> = { ok: true; value: T } | { ok: false; reason: string };

export function readRecipientPublicKey(text: string): KeyFileResult<PublicKeyFile> {
  const parsed = parseKeyFileText(text, 'public');
  if (!parsed.ok) return parsed;
  const file = parsed.file;
  const keyId = suiteOf(file.suite).keyIdOf(file.publicKey);
  if (!keyId) return { ok: false, reason: `密钥文件中的公钥不是套件 ${file.suite} 的加密公钥` };
  if (keyId !== file.keyId) return { ok: false, reason: `密钥文件的 keyId ${file.keyId} 与其公钥不符（应为 ${keyId}）` };
  return { ok: true, value: { format: file.format, suite: file.suite, name: file.name, publicKey: file.publicKey, keyId: file.keyId } };
}

export function readRecipientSecret(text: string): KeyFileResult<RecipientSecret> {
  const parsed = parseKeyFileText(text, 'private');
  if (!parsed.ok) return parsed;
  const file = parsed.file;
  const pub = readRecipientPublicKey(JSON.stringify({ format: file.format, suite: file.suite, name: file.name, publicKey: file.publicKey, keyId: file.keyId }));
  if (!pub.ok) return pub;
  const privateKey = fromBase64(file.privateKey)!;
  const derived = suiteOf(file.suite).recipientPublicKeyOf(privateKey);
  if (!derived) return { ok: false, reason: `密钥文件中的私钥不是套件 ${file.suite} 的 32 字节私钥` };
  if (!samePublicKey(derived, file.publicKey)) return { ok: false, reason: '密钥文件中的私钥与公钥不是一对' };
  return { ok: true, value: { suite: file.suite, name: file.name, keyId: file.keyId, publicKey: file.publicKey, privateKey } };
}

/** The fingerprint read aloud to confirm a centre's key by phone: H of the key bytes, hex in groups of four. */
export function recipientFingerprint(file: Pick<PublicKeyFile, 'suite' | 'publicKey'>): string | null {
  const s = suiteOf(file.suite);
  const raw = s.recipientKeyBytes(file.publicKey);
  if (!raw) return null;
  const h = s.hash();
  h.update(raw);
  return h.digestHex().toUpperCase().match(/.{4}/g)!.join(' ');
}
