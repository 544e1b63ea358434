import { useState } from 'react';
import { Alert, App, Button, Checkbox, Descriptions, Form, Input, Modal, Radio, Space } from 'antd';
import { ProgressNote } from '../ui/ProgressNote';
import dayjs from 'dayjs';
import type { StationProfile } from '../../../core/domain/station';
import { db } from '../db';
import { appendAudit } from '../db/repository';
import { fromBase64 } from '../db/keyMaterial';
import { backupKeyForMain, openBackup, readBackupHeader, restoreTables, type BackupHeader } from './backupFile';
import type { AccountRecord } from '../db/database';
import { restoredAccounts } from '../session/accounts';
import { reseedMain } from '../session/mainSession';

/** Restores a whole station from a backup file into this (fresh) installation. */
export function RestoreDialog({
  open,
  onClose,
  onRestored,
  currentStation = null,
}: {
  open: boolean;
  onClose(): void;
  onRestored(profile: StationProfile): void;
  /** Set when restoring over an installed station: another station's backup then needs explicit consent. */
  currentStation?: { code: string; name: string } | null;
}) {
  const [file, setFile] = useState<{ bytes: Uint8Array; header: BackupHeader; name: string; path: string } | null>(null);
  const [mode, setMode] = useState<'password' | 'recovery'>('password');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [step, setStep] = useState<string | null>(null);
  const [acceptOther, setAcceptOther] = useState(false);
  const [form] = Form.useForm<{ username: string; password: string; recoveryCode: string }>();
  const { message } = App.useApp();

  const choose = async () => {
    setError(null);
    try {
      const chosen = await window.station.backup.chooseFile();
      if (!chosen) return;
      const { data } = await window.station.backup.read({ path: chosen.path });
      const bytes = fromBase64(data);
      setFile({ bytes, header: readBackupHeader(bytes), name: chosen.name, path: chosen.path });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  const restore = async () => {
    // Enter pressed twice, or a click while it runs, must not restore twice over itself.
    if (!file || busy) return;
    const v = form.getFieldsValue();
    setBusy(true);
    setError(null);
    try {
      const secret = mode === 'password' ? { username: v.username ?? '', password: v.password ?? '' } : { recoveryCode: v.recoveryCode ?? '' };
      setStep('正在解密备份（第 1 / 3 步）');
      const { content, dataKey, proof } = await openBackup(
        file.bytes,
        secret,
        currentStation?.code ?? null,
        acceptOther ? file.header.station.code : undefined,
      );
      // Main opens the same file itself and takes the batch history only from it: first, so a
      // history it refuses leaves this machine as it was.
      setStep('正在核对报送记录（第 2 / 3 步）');
      if (content.batchLedger?.length) await window.station.batch.restoreLedger({ path: file.path, backupKey: backupKeyForMain(dataKey) });
      setStep('正在写入全部记录与设置（第 3 / 3 步）');
      await restoreTables(db, content);
      if (content.domain.meansTestStandard) await window.station.settings.saveMeansTestStandard(content.domain.meansTestStandard);
      await window.station.settings.saveEnumerationExtensions(content.domain.enumerationExtensions);
      const profile = await window.station.settings.saveProfile(content.profile);
      // Last: main then forgets every proof and takes the restored accounts (from a supervisor's session, or on a new machine).
      const restorer = mode === 'password' ? (v.username ?? '').trim() : null;
      await reseedMain(restoredAccounts((content.tables.accounts ?? []) as AccountRecord[], restorer, proof), mode === 'password' ? undefined : proof);
      await appendAudit(db, { id: '', name: mode === 'password' ? v.username : '恢复码', role: '' }, 'restore_backup', file.name);
      message.success('已从备份恢复，请登录');
      onRestored(profile);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
      setStep(null);
    }
  };

  return (
    <Modal title="从备份恢复" open={open} onCancel={onClose} footer={null} destroyOnHidden width={560}>
      {!file ? (
        <Button type="primary" onClick={() => void choose()}>
          选择备份文件…
        </Button>
      ) : (
        <>
          <Descriptions size="small" column={1} bordered data-testid="backup-header">
            <Descriptions.Item label="工作站">
              {file.header.station.name}（{file.header.station.code}）
            </Descriptions.Item>
            <Descriptions.Item label="备份时间">{dayjs(file.header.createdAt).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>
            <Descriptions.Item label="登记记录">{file.header.counts.consultations ?? 0} 条</Descriptions.Item>
          </Descriptions>
          {currentStation && (
            <Alert
              style={{ marginTop: 12 }}
              type="warning"
              showIcon
              title="恢复会用备份中的全部数据替换本机现有数据"
              description={
                file.header.station.code !== currentStation.code ? (
                  <Checkbox checked={acceptOther} onChange={(e) => setAcceptOther(e.target.checked)}>
                    这是其他工作站（{file.header.station.code}）的备份，我确认作为其他工作站的备份导入
                  </Checkbox>
                ) : undefined
              }
            />
          )}
          <Radio.Group
            style={{ margin: '16px 0' }}
            value={mode}
            onChange={(e) => setMode(e.target.value)}
            options={[
              { value: 'password', label: '用账户密码' },
              { value: 'recovery', label: '用恢复码' },
            ]}
          />
          <Form form={form} layout="vertical" name="restore" onFinish={() => void restore()}>
            {mode === 'password' ? (
              <>
                <Form.Item label="用户名" name="username">
                  <Input autoComplete="off" />
                </Form.Item>
                <Form.Item label="密码" name="password">
                  <Input.Password autoComplete="off" />
                </Form.Item>
              </>
            ) : (
              <Form.Item label="恢复码" name="recoveryCode">
                <Input placeholder="XXXX-XXXX-XXXX-XXXX-XXXX-XXXX" autoComplete="off" />
              </Form.Item>
            )}
            {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
            <Space>
              <Button type="primary" htmlType="submit" loading={busy}>
                恢复
              </Button>
              {step && <ProgressNote label={step} />}
            </Space>
          </Form>
        </>
      )}
      {!file && error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
    </Modal>
  );
}
