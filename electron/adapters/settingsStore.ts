import Store from 'electron-store';
import type { KeyValueStore } from '../services/settings/keyValueStore';

export function electronSettingsStore(): KeyValueStore {
  const store = new Store<Record<string, unknown>>({ name: 'settings', clearInvalidConfig: false });
  return {
    get: (key) => store.get(key),
    set: (key, value) => store.set(key, value),
    delete: (key) => store.delete(key),
  };
}
