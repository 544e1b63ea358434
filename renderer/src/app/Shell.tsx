import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { clearIntents, postIntent } from '../ui/shortcutIntents';
import { UnhandledErrorReporter } from '../ui/UnhandledErrorReporter';
import { flushOpenDrafts } from '../shared/formDraftKeeper';
import { useConfirmLeave } from '../shared/useFormDraft';
import { recordAppError } from './appErrors';
import { App, Button, Layout, Menu, Space, Tag, Typography } from 'antd';
import {
  AuditOutlined,
  BarChartOutlined,
  CloudUploadOutlined,
  FileTextOutlined,
  ScheduleOutlined,
  SettingOutlined,
  TeamOutlined,
  LockOutlined,
  LogoutOutlined,
} from '@ant-design/icons';
import { useSession } from '../session/SessionContext';
import { lockSession, signOut } from '../session/accounts';
import { db } from '../db';
import { can, ROLE_LABELS, type Action } from '../../../core/access/permissions';
import { stationKindLabel, type StationProfile } from '../../../core/domain/station';
import { DEFAULT_ROUTE, navigate, useRoute, type Route } from '../state/router';

export const NAV_ITEMS: { key: Route; label: string; icon: ReactNode; needs?: Action }[] = [
  { key: 'consultations', label: '咨询登记', icon: <AuditOutlined /> },
  { key: 'documents', label: '法律文书', icon: <FileTextOutlined /> },
  { key: 'mediations', label: '调解', icon: <TeamOutlined />, needs: 'mediation.view_own' },
  { key: 'shifts', label: '值班', icon: <ScheduleOutlined /> },
  { key: 'batches', label: '数据报送', icon: <CloudUploadOutlined />, needs: 'batch.export' },
  { key: 'statistics', label: '统计', icon: <BarChartOutlined />, needs: 'statistics.view' },
  { key: 'settings', label: '设置', icon: <SettingOutlined /> },
];

export function Shell({ profile, children }: { profile: StationProfile; children: ReactNode }) {
  const { route } = useRoute();
  const session = useSession();
  const title = NAV_ITEMS.find((i) => i.key === route)?.label ?? '';
  const [collapsed, setCollapsed] = useState(() => window.innerWidth < 1200);
  const record = useCallback((text: string) => void recordAppError(session.actor, text), [session.actor]);
  const mayCreate = can(session.actor.role, 'consultation.create');
  const confirmLeave = useConfirmLeave();
  const mayAnswer = can(session.actor.role, 'detainee_request.answer');
  const { notification } = App.useApp();
  useEffect(() => {
    // Alt+N from any page opens a new contact. Heard here, not by the contacts page, so a press
    // made while that page's chunk is loading, or right after its menu item was clicked and
    // before the route changed, still opens the form once the page is there.
    if (!mayCreate) return;
    const onKey = (e: KeyboardEvent) => {
      if (!(e.altKey && (e.key === 'n' || e.key === 'N'))) return;
      e.preventDefault();
      if (route === 'consultations') return postIntent('new-contact');
      // Leaving a page with a changed form asks first, as the menu does.
      confirmLeave(() => {
        postIntent('new-contact');
        navigate('consultations');
      });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [route, mayCreate, confirmLeave]);
  useEffect(() => clearIntents, []);
  useEffect(() => {
    // Needs the data key, so it runs at sign-in, not as a schema upgrade; once per database.
    // Fetched with the contacts page's chunk, not in the sign-in screen's.
    import('../db/consultations')
      .then(async ({ reconcilePendingTransferTokens, reconcileOpenMeetingTokens, reconcileRequestViewTokens, queryConsultations }) => {
        await reconcilePendingTransferTokens(db, session.vault);
        await reconcileOpenMeetingTokens(db, session.vault);
        // Opens every contact once per database (so that staff lists need not): not awaited.
        void reconcileRequestViewTokens(db, session.vault).catch((err: unknown) => void recordAppError(session.actor, err));
        if (!mayAnswer) return;
        // A lawyer signing in learns first of the detainees waiting to meet one (issue 20 item 19).
        const waiting = (await queryConsultations(db, session.vault, session.actor, { openMeeting: true })).ids.length;
        if (waiting === 0) return;
        notification.info({
          key: 'open-requests',
          title: `有 ${waiting} 条约见申请待接待`,
          description: '看守所工作人员登记的在押人员约见值班律师申请，尚无值班律师接待。',
          duration: 0,
          actions: (
            <Button
              type="primary"
              size="small"
              onClick={() => {
                notification.destroy('open-requests');
                navigate('shifts');
              }}
            >
              查看
            </Button>
          ),
        });
      })
      .catch((err: unknown) => void recordAppError(session.actor, err));
    // Once per sign-in: the vault changes with it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [session.vault, session.actor]);
  return (
    <Layout style={{ height: '100%' }}>
      <UnhandledErrorReporter record={record} />
      {/* Collapsed by itself below 1200 px (a station laptop's 1024 or 1366), and by the user at any width. */}
      <Layout.Sider width={208} theme="dark" breakpoint="xl" collapsedWidth={64} collapsible collapsed={collapsed} onCollapse={setCollapsed}>
        <div style={{ color: '#fff', padding: '18px 16px', fontSize: 16, fontWeight: 600, letterSpacing: 1, whiteSpace: 'nowrap', overflow: 'hidden' }}>
          {collapsed ? '值班' : '值班律师工作站'}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[route]}
          items={NAV_ITEMS.filter((i) => !i.needs || can(session.actor.role, i.needs)).map((i) => ({ key: i.key, icon: i.icon, label: i.label }))}
          onClick={({ key }) => confirmLeave(() => navigate(key as Route))}
          aria-label="主导航"
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: '0 24px',
            display: 'flex',
            alignItems: 'center',
            gap: 12,
            borderBottom: '1px solid #f0f0f0',
            whiteSpace: 'nowrap',
          }}
        >
          {/* On a narrow screen the station's name and code give way (with …) to the user and the buttons. */}
          <Typography.Text strong style={{ fontSize: 16, minWidth: 0, flex: '0 1 auto' }} ellipsis={{ tooltip: profile.name }} data-testid="station-name">
            {profile.name}
          </Typography.Text>
          <Tag color="blue" style={{ flex: 'none' }}>
            {stationKindLabel(profile.kind)}
          </Tag>
          <Typography.Text type="secondary" style={{ minWidth: 0, flex: '0 100 auto' }} ellipsis>
            编码 {profile.code} · 区划 {profile.regionCode}
          </Typography.Text>
          <Space style={{ marginLeft: 'auto', flex: 'none' }}>
            <Typography.Text data-testid="current-user">
              {session.actor.name}（{ROLE_LABELS[session.actor.role as keyof typeof ROLE_LABELS] ?? session.actor.role}）
            </Typography.Text>
            <Button icon={<LockOutlined />} onClick={() => void flushOpenDrafts().then(() => lockSession(db, session))} title="Ctrl+L">
              锁定
            </Button>
            <Button
              icon={<LogoutOutlined />}
              onClick={() =>
                // An open form stays as its author's draft, offered back at the next sign-in;
                // the next person starts on the first page, not on whatever was open.
                void flushOpenDrafts().then(() => {
                  navigate(DEFAULT_ROUTE);
                  return signOut(db, session);
                })
              }
            >
              退出
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 24, overflow: 'auto' }}>
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            {title}
          </Typography.Title>
          {children}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
