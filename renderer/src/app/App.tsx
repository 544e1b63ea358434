import { Suspense, useEffect, useMemo, useState } from 'react';
import { Result, Spin } from 'antd';
import type { AppInfo, DomainSettings } from '../../../core/api/contract';
import type { StationProfile } from '../../../core/domain/station';
import { DEFAULT_ENUMERATIONS, mergeEnumerations } from '../../../core/domain/enums';
import { SessionGate } from './SessionGate';
import { NAV_ITEMS, Shell } from './Shell';
import { useSession } from '../session/SessionContext';
import { can } from '../../../core/access/permissions';
import { setScryptTargetForTransport } from '../db/keyMaterial';
import { endMainSession } from '../session/mainSession';
import { DEFAULT_ROUTE, navigate, useRoute, type Route } from '../state/router';
import { PageErrorBoundary } from '../ui/PageErrorBoundary';
import { recordAppError } from './appErrors';
import { StationContext, type StationContextValue } from '../state/StationContext';
import { StyleKeeper } from './StyleKeeper';
import { LeftoverExportsNotice } from '../features/batches/LeftoverExportsNotice';
import { lazyPage } from './lazyPage';
import { SetupPage } from '../features/setup/SetupPage';

// Each page is its own chunk, so the sign-in screen loads only the shell and the first-run
// setup: the pages (with pdf.js, the charts and the document forms) are fetched after it.
const ConsultationsPage = lazyPage(() => import('../features/consultations/ConsultationsPage'), 'ConsultationsPage');
const SettingsPage = lazyPage(() => import('../features/settings/SettingsPage'), 'SettingsPage');
const DocumentsPage = lazyPage(() => import('../features/documents/DocumentsPage'), 'DocumentsPage');
const BatchesPage = lazyPage(() => import('../features/batches/BatchesPage'), 'BatchesPage');
const ShiftsPage = lazyPage(() => import('../features/shifts/ShiftsPage'), 'ShiftsPage');
const MediationsPage = lazyPage(() => import('../features/mediations/MediationsPage'), 'MediationsPage');
const StatisticsPage = lazyPage(() => import('../features/statistics/StatisticsPage'), 'StatisticsPage');

type Boot =
  | { state: 'loading' }
  | { state: 'failed'; message: string }
  | { state: 'ready'; profile: StationProfile | null; appInfo: AppInfo; domain: DomainSettings };

export function App() {
  const [boot, setBoot] = useState<Boot>({ state: 'loading' });

  useEffect(() => {
    // A reloaded window starts signed out: main must not go on acting for the last account.
    endMainSession();
    Promise.all([window.station.settings.getProfile(), window.station.app.info(), window.station.settings.getDomain()])
      .then(([profile, appInfo, domain]) => {
        setScryptTargetForTransport(appInfo.transport);
        setBoot({ state: 'ready', profile, appInfo, domain });
      })
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

  // Fetched while the user types a password, the list first: opening a page then waits
  // for nothing, however busy the machine.
  useEffect(() => {
    if (boot.state === 'ready' && boot.profile) preloadPages();
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
      <Suspense fallback={<PageLoading />}>
        <RoutePage route={route} />
      </Suspense>
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

let preloaded = false;
function preloadPages() {
  if (preloaded) return;
  preloaded = true;
  const pages = [ConsultationsPage, ShiftsPage, MediationsPage, DocumentsPage, StatisticsPage, BatchesPage, SettingsPage];
  const next = () => {
    const page = pages.shift();
    if (!page) return;
    page.preload();
    setTimeout(next, 0);
  };
  // After the sign-in screen has painted, so the cold start is not slowed by what it does not show.
  requestAnimationFrame(() => setTimeout(next, 0));
}

function PageLoading() {
  return <Spin size="large" tip="正在打开…" style={{ display: 'block', margin: '96px auto' }} />;
}
