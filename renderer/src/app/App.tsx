import { useEffect, useMemo, useState } from 'react';
import { Result, Spin } from 'antd';
import type { AppInfo, DomainSettings } from '../../../core/api/contract';
import type { StationProfile } from '../../../core/domain/station';
import { DEFAULT_ENUMERATIONS, mergeEnumerations } from '../../../core/domain/enums';
import { SetupPage } from '../features/setup/SetupPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { ConsultationsPage } from '../features/consultations/ConsultationsPage';
import { SessionGate } from '../session/SessionGate';
import { NAV_ITEMS, Shell } from './Shell';
import { useSession } from '../session/SessionContext';
import { can } from '../session/permissions';
import { DEFAULT_ROUTE, navigate, useRoute, type Route } from './router';
import { PageErrorBoundary } from '../ui/PageErrorBoundary';
import { recordAppError } from './appErrors';
import { BatchesPage } from '../features/batches/BatchesPage';
import { DocumentsPage } from '../features/documents/DocumentsPage';
import { ShiftsPage } from '../features/shifts/ShiftsPage';
import { MediationsPage } from '../features/mediations/MediationsPage';
import { StatisticsPage } from '../features/statistics/StatisticsPage';
import { StationContext, type StationContextValue } from './StationContext';
import { StyleKeeper } from './StyleKeeper';
import { LeftoverExportsNotice } from '../features/batches/LeftoverExportsNotice';

type Boot =
  | { state: 'loading' }
  | { state: 'failed'; message: string }
  | { state: 'ready'; profile: StationProfile | null; appInfo: AppInfo; domain: DomainSettings };

export function App() {
  const [boot, setBoot] = useState<Boot>({ state: 'loading' });

  useEffect(() => {
    Promise.all([window.station.settings.getProfile(), window.station.app.info(), window.station.settings.getDomain()])
      .then(([profile, appInfo, domain]) => setBoot({ state: 'ready', profile, appInfo, domain }))
      .catch((err: unknown) => setBoot({ state: 'failed', message: err instanceof Error ? err.message : String(err) }));
  }, []);

  const context = useMemo<StationContextValue | null>(() => {
    if (boot.state !== 'ready' || !boot.profile) return null;
    return {
      profile: boot.profile,
      appInfo: boot.appInfo,
      domain: boot.domain,
      enums: mergeEnumerations(DEFAULT_ENUMERATIONS, boot.domain.enumerationExtensions),
      setProfile: (profile) => setBoot({ ...boot, profile }),
      setDomain: (domain) => setBoot({ ...boot, domain }),
    };
  }, [boot]);

  if (boot.state === 'loading') return <Spin size="large" fullscreen tip="正在启动…" />;
  if (boot.state === 'failed') return <Result status="error" title="无法启动值班律师工作站" subTitle={boot.message} />;
  if (!boot.profile || !context) return <SetupPage onDone={(profile) => setBoot({ ...boot, profile })} />;

  return (
    <StationContext.Provider value={context}>
      <StyleKeeper />
      <LeftoverExportsNotice />
      <SessionGate>
        <Shell profile={context.profile}>
          <Page />
        </Shell>
      </SessionGate>
    </StationContext.Provider>
  );
}

function Page() {
  const { route } = useRoute();
  const session = useSession();
  // A typed or bookmarked address does not open what the menu hides from this role.
  const needs = NAV_ITEMS.find((i) => i.key === route)?.needs;
  if (needs && !can(session.actor.role, needs)) return <Result status="403" title="没有权限" subTitle="当前账户不能查看此页面，请使用左侧菜单中的功能。" />;
  return (
    // Keyed by the page: opening another page starts it afresh, whatever failed here.
    <PageErrorBoundary key={route} onBack={() => navigate(DEFAULT_ROUTE)} onError={(err) => void recordAppError(session.actor, err)}>
      <RoutePage route={route} />
    </PageErrorBoundary>
  );
}

function RoutePage({ route }: { route: Route }) {
  switch (route) {
    case 'consultations':
      return <ConsultationsPage />;
    case 'settings':
      return <SettingsPage />;
    case 'documents':
      return <DocumentsPage />;
    case 'batches':
      return <BatchesPage />;
    case 'shifts':
      return <ShiftsPage />;
    case 'mediations':
      return <MediationsPage />;
    case 'statistics':
      return <StatisticsPage />;
  }
}
