import type { AppInfo } from '../../core/api/contract';
import { createSettingsService, type SettingsService } from './settings/settingsService';
import type { KeyValueStore } from './settings/keyValueStore';

/** Everything that differs between the Electron app and the Node harness. */
export interface Ports {
  settingsStore: KeyValueStore;
  dataDir: string;
  appVersion: string;
  transport: AppInfo['transport'];
}

export interface Services {
  appInfo(): AppInfo;
  settings: SettingsService;
}

export function createServices(ports: Ports): Services {
  return {
    appInfo: () => ({
      version: ports.appVersion,
      transport: ports.transport,
      platform: process.platform,
      dataDir: ports.dataDir,
    }),
    settings: createSettingsService(ports.settingsStore),
  };
}
