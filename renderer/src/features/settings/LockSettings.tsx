import { useState } from 'react';
import { App, Card, InputNumber, Space, Typography } from 'antd';
import { idleLockMs, setIdleLockMinutes } from '../../session/idleLock';

/** Per-computer: how long without input before the window locks. */
export function LockSettings() {
  const [minutes, setMinutes] = useState(() => Math.round(idleLockMs() / 60_000));
  const { message } = App.useApp();
  return (
    <Card title="自动锁定">
      <Space>
        <Typography.Text>无操作</Typography.Text>
        <InputNumber
          aria-label="自动锁定分钟数"
          min={1}
          max={60}
          precision={0}
          value={minutes}
          onChange={(v) => {
            if (!v) return;
            setMinutes(v);
            setIdleLockMinutes(v);
            message.success(`已设置为 ${v} 分钟后自动锁定（下次解锁后生效）`);
          }}
        />
        <Typography.Text>分钟后自动锁定；随时可按 Ctrl+L 锁定。</Typography.Text>
      </Space>
    </Card>
  );
}
