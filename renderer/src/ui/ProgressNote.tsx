import { Progress, Space, Typography } from 'antd';

/** What a long operation is doing now, and how far it is: shown beside its button while it runs. */
export function ProgressNote({ label, percent }: { label: string; percent?: number }) {
  return (
    <Space size={8} role="status" aria-live="polite" data-testid="progress-note">
      {percent !== undefined && <Progress type="circle" size={20} percent={percent} showInfo={false} aria-hidden />}
      <Typography.Text type="secondary">
        {label}
        {percent !== undefined ? `（${percent}%）` : ''}
      </Typography.Text>
    </Space>
  );
}
