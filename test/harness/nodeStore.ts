import Conf from 'conf';
import type { KeyValueStore } from '../../electron/services/settings/keyValueStore';

/** `conf` is the library under electron-store: same file format, no Electron needed. */
export function confSettingsStore(dir: string): KeyValueStore {
  const conf = new Conf<Record<string, unknown>>({ cwd: dir, configName: 'settings', projectName: 'duty-lawyer-station' });
  return {
    get: (key) => conf.get(key),
    set: (key, value) => conf.set(key, value),
    delete: (key) => conf.delete(key),
  };
}
