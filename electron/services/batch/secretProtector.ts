import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeFileAtomic } from '../backup/backupFiles';

/**
 * Keeps small secrets (the station's signing key, archive keys) encrypted at rest. The app
 * implements it with Electron's safeStorage (the OS keychain / DPAPI / libsecret); the
 * harness, the bench and the tests with `fileSecretProtector`.
 */
export interface SecretProtector {
  /** Recorded beside each protected secret, so a secret is never opened with the wrong scheme. */
  readonly kind: string;
  protect(plain: Uint8Array): Uint8Array;
  unprotect(sealed: Uint8Array): Uint8Array;
}

/**
 * File-based protection for where there is no OS keychain: AES-256-GCM under a random key
 * kept in its own owner-only file, apart from the settings that hold the sealed secrets.
 */
export function fileSecretProtector(keyFile: string): SecretProtector {
  let key: Buffer | null = null;
  const load = (): Buffer => {
    if (key) return key;
    if (!existsSync(keyFile)) {
      mkdirSync(dirname(keyFile), { recursive: true });
      writeFileAtomic(keyFile, randomBytes(32), '密钥');
      chmodSync(keyFile, 0o600);
    }
    key = readFileSync(keyFile);
    if (key.length !== 32) throw new Error('secret key file is damaged');
    return key;
  };
  return {
    kind: 'file-aes-gcm',
    protect(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', load(), iv);
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    unprotect(sealed) {
      const buf = Buffer.from(sealed);
      const decipher = createDecipheriv('aes-256-gcm', load(), buf.subarray(0, 12));
      decipher.setAuthTag(buf.subarray(12, 28));
      return Buffer.concat([decipher.update(buf.subarray(28)), decipher.final()]);
    },
  };
}
