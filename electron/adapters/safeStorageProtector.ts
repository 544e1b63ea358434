import { safeStorage } from 'electron';
import type { SecretProtector } from '../services/batch/secretProtector';

/**
 * The station's secrets sealed by the operating system: DPAPI on Windows, the Keychain on
 * macOS, libsecret / kwallet on Linux. Where Linux has no keyring Electron falls back to
 * a fixed key ('basic_text'); that is recorded as the protection kind so the settings
 * page can say so.
 */
export function safeStorageProtector(): SecretProtector {
  const backend = process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : 'os';
  return {
    kind: `safeStorage:${backend}`,
    protect(plain) {
      if (!safeStorage.isEncryptionAvailable()) throw new Error('safeStorage is not available');
      return safeStorage.encryptString(Buffer.from(plain).toString('base64'));
    },
    unprotect(sealed) {
      return Buffer.from(safeStorage.decryptString(Buffer.from(sealed)), 'base64');
    },
  };
}
