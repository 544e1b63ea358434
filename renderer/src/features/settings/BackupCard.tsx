import { useEffect, useState } from 'react';
import { App, Button, Card, InputNumber, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import type { BackupAuto } from '../../../../core/api/contract';
import { db } from '../../db';
import { useStation } from '../../app/StationContext';
import { sessionStore } from '../../session/sessionStore';
import { writeBackup } from '../../backup/backupActions';
import { RestoreDialog } from '../../backup/RestoreDialog';

/** On-demand backup to a chosen folder, and the daily automatic backup. */
export function BackupCard() {
  const { profile, domain } = useStation();
  const { message } = App.useApp();
  const [auto, setAuto] = useState<BackupAuto | null>(null);
  const [busy, setBusy] = useState(false);
  const [last, setLast] = useState<string | null>(null);
  const [restoring, setRestoring] = useState(false);

  useEffect(() => {
    void window.station.backup.getAuto().then(setAuto);
  }, []);

  const backupNow = async () => {
    const state = sessionStore.get();
    if (state.state !== 'unlocked') return;
    const folder = await window.station.backup.chooseFolder();
    if (!folder) return;
    setBusy(true);
    try {
      const path = await writeBackup(db, state.session, { profile, domain }, folder);
      setLast(path);
      message.success('备份完成');
    } catch (err) {
      message.error(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  const chooseAutoFolder = async () => {
    const folder = await window.station.backup.chooseFolder();
    if (!folder) return;
    setAuto(await window.station.backup.setAuto({ folder, keep: auto?.keep ?? 7 }));
    message.success('已设置每日自动备份');
  };

  return (
    <Card title="备份与恢复">
      <Typography.Paragraph type="secondary">
        备份文件包含全部登记、名册、账户、审计日志和设置，整体加密；恢复时需要备份中任一账户的密码或恢复码。建议保存到移动硬盘等另一个存储设备。
      </Typography.Paragraph>
      <Space orientation="vertical">
        <Space>
          <Button type="primary" loading={busy} onClick={() => void backupNow()}>
            立即备份…
          </Button>
          <Button onClick={() => setRestoring(true)}>从备份恢复…</Button>
          {last && <Typography.Text data-testid="backup-path">已保存到 {last}</Typography.Text>}
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
          <Button onClick={() => void chooseAutoFolder()}>选择文件夹…</Button>
          {auto?.folder && (
            <>
              <Typography.Text>保留最近</Typography.Text>
              <InputNumber
                aria-label="保留备份份数"
                min={1}
                max={365}
                value={auto.keep}
                onChange={async (v) => v && setAuto(await window.station.backup.setAuto({ folder: auto.folder, keep: v }))}
              />
              <Typography.Text>份</Typography.Text>
              <Button onClick={async () => setAuto(await window.station.backup.setAuto({ folder: null, keep: auto.keep }))}>停用</Button>
            </>
          )}
          {auto?.lastAt && <Typography.Text type="secondary">上次自动备份：{dayjs(auto.lastAt).format('YYYY-MM-DD HH:mm')}</Typography.Text>}
        </Space>
      </Space>
    </Card>
  );
}
