import { useState } from 'react';
import { Alert, App, Button, Card, Form, Layout, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import type { StationProfile } from '../../../../core/domain/station';
import { stationProfileSchema } from '../../../../core/domain/station';
import { db } from '../../db';
import { listLawyers } from '../../db/lawyers';
import { StationProfileForm } from '../settings/StationProfileForm';
import { RosterEditor } from '../roster/RosterEditor';
import { parseForm } from '../../ui/zodForm';

/** First run: the station profile (settings) and the roster (IndexedDB). */
export function SetupPage({ onDone }: { onDone: (profile: StationProfile) => void }) {
  const [form] = Form.useForm<StationProfile>();
  const lawyerCount = useLiveQuery(async () => (await listLawyers(db)).length, [], 0);
  const [saving, setSaving] = useState(false);
  const [rosterError, setRosterError] = useState(false);
  const { message } = App.useApp();

  const finish = async () => {
    let fieldsOk = true;
    try {
      await form.validateFields();
    } catch {
      fieldsOk = false;
    }
    const profile = fieldsOk ? parseForm(form, stationProfileSchema, form.getFieldsValue()) : null;
    setRosterError(lawyerCount === 0);
    if (!profile || lawyerCount === 0) return;
    setSaving(true);
    try {
      onDone(await window.station.settings.saveProfile(profile));
      message.success('设置完成');
    } catch (err) {
      message.error(err instanceof Error ? err.message : '保存失败');
    } finally {
      setSaving(false);
    }
  };

  return (
    <Layout style={{ minHeight: '100%', padding: '32px 0' }}>
      <div style={{ maxWidth: 880, width: '100%', margin: '0 auto', padding: '0 16px' }}>
        <Typography.Title level={2}>欢迎使用值班律师工作站</Typography.Title>
        <Typography.Paragraph type="secondary">
          首次使用，请填写本工作站的基本信息和值班律师名册。这些信息用于登记、文书落款和数据报送，以后可在“设置”中修改。所有数据只保存在本机。
        </Typography.Paragraph>
        <Card title="一、工作站信息" style={{ marginBottom: 16 }}>
          <StationProfileForm form={form} />
        </Card>
        <Card title="二、值班律师名册" style={{ marginBottom: 16 }}>
          <RosterEditor />
          {rosterError && lawyerCount === 0 && (
            <Alert style={{ marginTop: 12 }} type="error" showIcon title="请至少添加一名值班律师" />
          )}
        </Card>
        <Button type="primary" size="large" loading={saving} onClick={finish}>
          完成设置
        </Button>
      </div>
    </Layout>
  );
}
