import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStationApi, StationApiError } from '../../../core/api/client';
import { createDispatcher } from '../../../electron/ipc/dispatch';
import { createHandlers } from '../../../electron/ipc/handlers';
import { createServices } from '../../../electron/services';
import { memoryStore } from '../../../electron/services/settings/keyValueStore';
import { confSettingsStore } from '../../harness/nodeStore';
import { fileSecretProtector } from '../../../electron/services/batch/secretProtector';

const profile = {
  code: 'LN0102-KSS01',
  name: '沈阳市和平区看守所法律援助工作站',
  kind: 'detention_center' as const,
  regionCode: '210102',
  address: '沈阳市和平区南京南街 1 号',
};

function apiOver(store = memoryStore()) {
  const dataDir = mkdtempSync(join(tmpdir(), 'ipc-'));
  const services = createServices({
    settingsStore: store,
    dataDir,
    appVersion: '9.9.9',
    transport: 'harness',
    dialogs: {
      chooseFolder: async () => null,
      chooseFile: async () => null,
      chooseSavePath: async () => null,
      chooseBatchFolder: async () => null,
      chooseBatchFile: async () => null,
      chooseKeyFile: async () => null,
      chooseReceiptFile: async () => null,
    },
    protector: fileSecretProtector(join(dataDir, 'secret.key')),
  });
  const dispatch = createDispatcher(createHandlers(services), services.session);
  return { api: createStationApi((channel, payload) => dispatch(channel, payload)), dispatch };
}

describe('the station API over the real handlers', () => {
  it('has no profile on a fresh machine, then keeps the one saved', async () => {
    const { api } = apiOver();
    expect(await api.settings.getProfile()).toBeNull();
    await api.settings.saveProfile({ ...profile, name: `  ${profile.name} ` });
    expect(await api.settings.getProfile()).toEqual(profile);
    expect((await api.app.info()).version).toBe('9.9.9');
  });

  it('refuses an invalid payload with a Chinese message and the field path', async () => {
    const { api } = apiOver();
    const err = await api.settings.saveProfile({ ...profile, regionCode: '99' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StationApiError);
    expect((err as StationApiError).message).toBe('行政区划代码应为 6 位数字');
    expect((err as StationApiError).issues[0]?.path).toEqual(['regionCode']);
    expect(await api.settings.getProfile()).toBeNull();
  });

  it('refuses unknown channels and payloads on argument-less channels', async () => {
    const { dispatch } = apiOver();
    expect(await dispatch('shell.openExternal', 'https://example.com')).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    expect(await dispatch('settings.getProfile', { sneaky: true })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('keeps the profile in a settings file that a new process reads back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'station-settings-'));
    await apiOver(confSettingsStore(dir)).api.settings.saveProfile(profile);
    expect(await apiOver(confSettingsStore(dir)).api.settings.getProfile()).toEqual(profile);
  });

  it('treats a damaged stored profile as absent instead of crashing', async () => {
    const { api } = apiOver(memoryStore({ stationProfile: { code: 'x', kind: 'castle' } }));
    expect(await api.settings.getProfile()).toBeNull();
  });
});
