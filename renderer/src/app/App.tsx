import { useEffect, useState } from 'react';
import { Result, Spin } from 'antd';
import type { AppInfo } from '../../../core/api/contract';
import type { StationProfile } from '../../../core/domain/station';
import { SetupPage } from '../features/setup/SetupPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { Shell } from './Shell';
import { useRoute } from './router';
import { AreaPage } from './AreaPage';

type Boot = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; profile: StationProfile | null; appInfo: AppInfo };

export function App() {
  const [boot, setBoot] = useState<Boot>({ state: 'loading' });
  const { route } = useRoute();

  useEffect(() => {
    Promise.all([window.station.settings.getProfile(), window.station.app.info()])
      .then(([profile, appInfo]) => setBoot({ state: 'ready', profile, appInfo }))
      .catch((err: unknown) => setBoot({ state: 'failed', message: err instanceof Error ? err.message : String(err) }));
  }, []);

  if (boot.state === 'loading') {
    return <Spin size="large" fullscreen tip="正在启动…" />;
  }
  if (boot.state === 'failed') {
    return <Result status="error" title="无法启动值班律师工作站" subTitle={boot.message} />;
  }
  const setProfile = (profile: StationProfile) => setBoot({ ...boot, profile });
  if (!boot.profile) return <SetupPage onDone={setProfile} />;

  return (
    <Shell profile={boot.profile}>
      {route === 'settings' ? (
        <SettingsPage profile={boot.profile} appInfo={boot.appInfo} onProfileSaved={setProfile} />
      ) : (
        <AreaPage route={route} />
      )}
    </Shell>
  );
}
