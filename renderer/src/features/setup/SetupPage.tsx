import { useState } from 'react';
import { Alert, App, Button, Card, Col, Form, Input, Layout, Modal, Radio, Row, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import type { StationProfile } from '../../../../core/domain/station';
import { stationProfileSchema } from '../../../../core/domain/station';
import { db } from '../../db';
import { listLawyers } from '../../db/lawyers';
import { StationProfileForm } from '../../shared/StationProfileForm';
import { RosterEditor } from '../../shared/RosterEditor';
import { parseForm, zodRule } from '../../ui/zodForm';
import { accountInputSchema, createFirstSupervisor, hasAccounts, passwordSchema } from '../../session/accounts';
import { sessionStore } from '../../session/sessionStore';
import { RestoreDialog } from '../../backup/RestoreDialog';
import { setStationSuite } from '../../db/centres';
import { SUITE_LABELS, SUITES, type SuiteId } from '../../../../core/batch/formatV2';

interface AdminValues {
  username: string;
  displayName: string;
  password: string;
  confirm: string;
}

/** First run: the station profile (settings) and the roster (IndexedDB). */
export function SetupPage({ onDone }: { onDone: (profile: StationProfile) => void }) {
  const [form] = Form.useForm<StationProfile>();
  const [adminForm] = Form.useForm<AdminValues>();
  const [recoveryCode, setRecoveryCode] = useState<string | null>(null);
  const [savedProfile, setSavedProfile] = useState<StationProfile | null>(null);
  const [restoring, setRestoring] = useState(false);
  const [suite, setSuite] = useState<SuiteId>('intl-1');
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
    let adminOk = true;
    try {
      await adminForm.validateFields();
    } catch {
      adminOk = false;
    }
    setRosterError(lawyerCount === 0);
    if (!profile || lawyerCount === 0 || !adminOk) return;
    setSaving(true);
    try {
      // The data key is created with the first supervisor; a retry after a crash between
      // the two steps finds the account and only saves the profile.
      let code: string | null = null;
      let supervisor: Parameters<typeof setStationSuite>[2] | null = null;
      if (!(await hasAccounts(db))) {
        const admin = adminForm.getFieldsValue();
        const created = await createFirstSupervisor(db, admin);
        sessionStore.unlock(created.session);
        code = created.recoveryCode;
        supervisor = created.session.actor;
      }
      const saved = await window.station.settings.saveProfile(profile);
      // Set by the supervisor just created, so the audit trail says who chose it. A retry after
      // a crash keeps what main has; the settings page changes it until a centre is registered.
      if (supervisor) await setStationSuite(db, window.station.centres, supervisor, suite);
      // The signing key pair is made now, so the fingerprint can be registered before the first batch.
      await window.station.batch.stationKey();
      if (code) {
        setRecoveryCode(code);
        setSavedProfile(saved);
      } else onDone(saved);
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
          已有备份（例如更换电脑）？
          <Button type="link" onClick={() => setRestoring(true)} style={{ padding: 0 }}>
            从备份恢复…
          </Button>
        </Typography.Paragraph>
        <RestoreDialog open={restoring} onClose={() => setRestoring(false)} onRestored={onDone} />
        <Card title="一、工作站信息" style={{ marginBottom: 16 }}>
          <StationProfileForm form={form} />
        </Card>
        <Card title="二、值班律师名册" style={{ marginBottom: 16 }}>
          <RosterEditor />
          {rosterError && lawyerCount === 0 && <Alert style={{ marginTop: 12 }} type="error" showIcon title="请至少添加一名值班律师" />}
        </Card>
        <Card title="三、工作站负责人账户" style={{ marginBottom: 16 }}>
          <Typography.Paragraph type="secondary">登记内容在本机加密保存。负责人账户用于登录、管理名册和其他账户；请牢记密码。</Typography.Paragraph>
          <Form<AdminValues> form={adminForm} layout="vertical" name="admin" requiredMark>
            <Row gutter={16}>
              <Col span={12}>
                <Form.Item label="负责人姓名" name="displayName" required rules={[zodRule(accountInputSchema.shape.displayName)]}>
                  <Input maxLength={30} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item label="用户名" name="username" required rules={[zodRule(accountInputSchema.shape.username)]}>
                  <Input maxLength={32} autoComplete="off" />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item label="密码" name="password" required rules={[zodRule(passwordSchema)]} extra="至少 10 位">
                  <Input.Password autoComplete="new-password" />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item
                  label="确认密码"
                  name="confirm"
                  required
                  dependencies={['password']}
                  rules={[
                    ({ getFieldValue }) => ({
                      validator: async (_, value) => {
                        if (value !== getFieldValue('password')) throw new Error('两次输入的密码不一致');
                      },
                    }),
                  ]}
                >
                  <Input.Password autoComplete="new-password" />
                </Form.Item>
              </Col>
            </Row>
          </Form>
        </Card>
        <Card title="四、数据报送算法套件" style={{ marginBottom: 16 }}>
          <Typography.Paragraph type="secondary">
            报送的批次按本省要求的算法签名和加密。本省要求商用密码（国密）时请选择国密算法；不确定时可保留默认，登记接收中心之前可在“设置”中更改。
          </Typography.Paragraph>
          <Radio.Group value={suite} onChange={(e) => setSuite(e.target.value as SuiteId)} aria-label="算法套件">
            {SUITES.map((s) => (
              <Radio key={s} value={s}>
                {SUITE_LABELS[s]}
              </Radio>
            ))}
          </Radio.Group>
        </Card>
        <Button type="primary" size="large" loading={saving} onClick={finish}>
          完成设置
        </Button>
        <Modal
          open={recoveryCode !== null && savedProfile !== null}
          title="请打印并妥善保管恢复码"
          closable={false}
          maskClosable={false}
          keyboard={false}
          footer={[
            <Button key="print" onClick={() => window.print()}>
              打印
            </Button>,
            <Button
              key="ok"
              type="primary"
              onClick={() => {
                message.success('设置完成');
                onDone(savedProfile!);
              }}
            >
              我已妥善保存恢复码
            </Button>,
          ]}
        >
          <Typography.Paragraph>
            如果所有密码都遗失，工作站负责人可以凭此恢复码重新设置密码、找回本机数据。恢复码只显示这一次，不会保存在电脑上。
          </Typography.Paragraph>
          <Typography.Paragraph
            copyable
            data-testid="recovery-code"
            style={{ fontFamily: 'monospace', fontSize: 22, letterSpacing: 2, textAlign: 'center', padding: 12, border: '1px dashed #999' }}
          >
            {recoveryCode}
          </Typography.Paragraph>
        </Modal>
      </div>
    </Layout>
  );
}
