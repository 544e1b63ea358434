import { App, Button, Card, Descriptions, Form, Space } from 'antd';
import { stationProfileSchema, type StationProfile } from '../../../../core/domain/station';
import { useStation } from '../../state/StationContext';
import { MeansTestSettings } from './MeansTestSettings';
import { AccountsEditor } from './AccountsEditor';
import { RecoveryCodeCard } from './RecoveryCodeCard';
import { ChangePassword } from './ChangePassword';
import { AuditLog } from './AuditLog';
import { LockSettings } from './LockSettings';
import { BackupCard } from './BackupCard';
import { StationKeyCard } from './StationKeyCard';
import { CentresCard } from './CentresCard';
import { CentreKeysCard } from './CentreKeysCard';
import { DeliveryCard } from './DeliveryCard';
import { useSession } from '../../session/SessionContext';
import { can } from '../../../../core/access/permissions';
import { StationProfileForm } from '../../shared/StationProfileForm';
import { RosterEditor } from '../../shared/RosterEditor';
import { useSchemaForm } from '../../shared/useSchemaForm';
import { errorText } from '../../ui/errorText';

export function SettingsPage() {
  const { profile, appInfo, setProfile: onProfileSaved } = useStation();
  const session = useSession();
  const admin = can(session.actor.role, 'settings.edit');
  const [form] = Form.useForm<StationProfile>();
  const { message } = App.useApp();
  const profileForm = useSchemaForm(form, {
    check: (v: StationProfile) => stationProfileSchema.safeParse(v),
    save: async (parsed) => {
      onProfileSaved(await window.station.settings.saveProfile(parsed));
      message.success('工作站信息已保存');
    },
    describeFailure: (err) => `保存失败：${errorText(err)}`,
  });

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {admin && (
        <>
          <Card
            title="工作站信息"
            extra={
              <Button type="primary" loading={profileForm.saving} onClick={() => void profileForm.submit()}>
                保存
              </Button>
            }
          >
            <StationProfileForm form={form} initial={profile} />
          </Card>
          <Card title="值班律师名册">
            <RosterEditor />
          </Card>
          <MeansTestSettings />
          <AccountsEditor />
          <RecoveryCodeCard />
          <BackupCard />
          <CentresCard />
          {profile?.kind === 'legal_aid_centre' && <CentreKeysCard />}
          <DeliveryCard />
        </>
      )}
      {can(session.actor.role, 'batch.export') && <StationKeyCard />}
      <ChangePassword />
      <LockSettings />
      {can(session.actor.role, 'audit.view') && <AuditLog />}
      {appInfo && (
        <Card title="关于">
          <Descriptions column={1} size="small">
            <Descriptions.Item label="版本">{appInfo.version}</Descriptions.Item>
            <Descriptions.Item label="运行方式">{appInfo.transport === 'electron' ? '桌面应用' : '浏览器预览'}</Descriptions.Item>
            <Descriptions.Item label="数据目录">{appInfo.dataDir}</Descriptions.Item>
          </Descriptions>
        </Card>
      )}
    </Space>
  );
}
