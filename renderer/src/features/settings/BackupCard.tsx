import { useEffect, useState } from 'react';
import { App, Button, Card, InputNumber, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import type { BackupAuto } from '../../../../core/api/contract';
import { db } from '../../db';
import { useStation } from '../../state/StationContext';
import { sessionStore } from '../../session/sessionStore';
import { BACKUP_STEPS, writeBackup } from '../../backup/backupActions';
import { useAsyncAction } from '../../ui/useAsyncAction';
import { ProgressNote } from '../../ui/ProgressNote';
import { errorText } from '../../ui/errorText';
import { RestoreDialog } from '../../backup/RestoreDialog';

/** On-demand backup to a chosen folder, and the daily automatic backup. */
export function BackupCard() {
  const { profile, domain } = useStation();
  const { message } = App.useApp();
  const [auto, setAuto] = useState<BackupAuto | null>(null);
  const [step, setStep] = useState<number | null>(null);
  const [last, setLast] = useState<string | null>(null);
  const [restoring, setRestoring] = useState(false);

  useEffect(() => {
    window.station.backup
      .getAuto()
      .then(setAuto)
      .catch((err: unknown) => message.error(`无法读取自动备份设置：${errorText(err)}`));
  }, [message]);

  const backupNow = useAsyncAction(async () => {
    const state = sessionStore.get();
    if (state.state !== 'unlocked') return;
    const folder = await window.station.backup.chooseFolder();
    if (!folder) return;
    setStep(0);
    try {
      const path = await writeBackup(db, state.session, { profile, domain }, folder, undefined, setStep);
      setLast(path);
      message.success('备份完成');
    } finally {
      setStep(null);
    }
  }, '备份失败');

  const chooseAutoFolder = useAsyncAction(async () => {
    const folder = await window.station.backup.chooseFolder();
    if (!folder) return;
    setAuto(await window.station.backup.setAuto({ folder, keep: auto?.keep ?? 7 }));
    message.success('已设置每日自动备份');
  }, '设置自动备份失败');
  const setAutoBackup = useAsyncAction(
    async (next: { folder: string | null; keep: number }) => setAuto(await window.station.backup.setAuto(next)),
    '设置自动备份失败',
  );

  return (
    <Card title="备份与恢复">
      <Typography.Paragraph type="secondary">
        备份文件包含全部登记、名册、账户、审计日志和设置，整体加密；恢复时需要备份中任一账户的密码或恢复码。建议保存到移动硬盘等另一个存储设备。
      </Typography.Paragraph>
      <Space orientation="vertical">
        <Space>
          <Button type="primary" loading={backupNow.busy} onClick={() => void backupNow.run()}>
            立即备份…
          </Button>
          <Button onClick={() => setRestoring(true)} disabled={backupNow.busy}>
            从备份恢复…
          </Button>
          {step !== null && (
            <ProgressNote
              label={`${BACKUP_STEPS[step]}（第 ${step + 1} / ${BACKUP_STEPS.length} 步）`}
              percent={Math.floor((step / BACKUP_STEPS.length) * 100)}
            />
          )}
          {last && step === null && <Typography.Text data-testid="backup-path">已保存到 {last}</Typography.Text>}
        </Space>
        <RestoreDialog
          open={restoring}
          currentStation={{ code: profile.code, name: profile.name }}
          onClose={() => setRestoring(false)}
          onRestored={() => {
            // Everything was replaced: start again from the sign-in screen with the restored accounts.
            sessionStore.signOut();
            window.location.reload();
          }}
        />
        <Space wrap>
          <Typography.Text>每日自动备份：{auto?.folder ?? '未设置'}</Typography.Text>
          <Button loading={chooseAutoFolder.busy} onClick={() => void chooseAutoFolder.run()}>
            选择文件夹…
          </Button>
          {auto?.folder && (
            <>
              <Typography.Text>保留最近</Typography.Text>
              <InputNumber
                aria-label="保留备份份数"
                min={1}
                max={365}
                value={auto.keep}
                onChange={(v) => v && void setAutoBackup.run({ folder: auto.folder, keep: v })}
              />
              <Typography.Text>份</Typography.Text>
              <Button loading={setAutoBackup.busy} onClick={() => void setAutoBackup.run({ folder: null, keep: auto.keep })}>
                停用
              </Button>
            </>
          )}
          {auto?.lastAt && <Typography.Text type="secondary">上次自动备份：{dayjs(auto.lastAt).format('YYYY-MM-DD HH:mm')}</Typography.Text>}
        </Space>
      </Space>
    </Card>
  );
}
