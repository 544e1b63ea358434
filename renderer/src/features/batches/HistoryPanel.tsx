import { App, Button, Card, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { BatchHistoryEntry } from '../../../../core/api/contract';
import { RECORD_TYPE_LABELS, type BatchRecordType } from '../../../../core/batch/format';
import { db } from '../../db';
import { appendAudit } from '../../db/repository';
import { useSession } from '../../session/SessionContext';
import { useAsyncAction } from '../../ui/useAsyncAction';

function countsText(counts: Record<BatchRecordType, number>): string {
  return (Object.entries(counts) as [BatchRecordType, number][])
    .filter(([, n]) => n > 0)
    .map(([t, n]) => `${RECORD_TYPE_LABELS[t]} ${n}`)
    .join('，');
}

/** The station's batches: sequence, period, counts, file, manifest hash, status; re-export and delivery. */
export function HistoryPanel({ history, onChanged }: { history: BatchHistoryEntry[] | null; onChanged(): void }) {
  const session = useSession();
  const { message, modal } = App.useApp();

  const reexport = useAsyncAction(async (entry: BatchHistoryEntry) => {
    const result = await window.station.batch.reexport({ batchId: entry.batchId, actor: { id: session.actor.id, name: session.actor.name } });
    if (!result) return;
    await appendAudit(db, session.actor, 'export', `再次导出批次第 ${entry.sequence} 号：${result.path}`);
    message.success(`已再次导出（与原文件逐字节相同）：${result.path}`);
    onChanged();
  }, '再次导出失败');

  const deliver = (entry: BatchHistoryEntry) =>
    modal.confirm({
      title: `确认批次第 ${entry.sequence} 号已送达法律援助中心？`,
      content: '标记后记录送达人和时间，可在此处查看。',
      okText: '标记为已送达',
      cancelText: '取消',
      onOk: async () => {
        await window.station.batch.markDelivered({ batchId: entry.batchId, actor: { id: session.actor.id, name: session.actor.name } });
        await appendAudit(db, session.actor, 'settings', `批次第 ${entry.sequence} 号标记为已送达`);
        onChanged();
      },
    });

  return (
    <Card title="报送记录">
      <Table<BatchHistoryEntry>
        rowKey="batchId"
        size="small"
        loading={history === null}
        dataSource={history ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: '尚未导出过批次' }}
        aria-label="报送记录"
        columns={[
          { title: '序号', dataIndex: 'sequence', width: 70 },
          { title: '期间', render: (_, e) => `${e.period.from} 至 ${e.period.to}`, width: 200 },
          { title: '记录', render: (_, e) => countsText(e.counts) },
          {
            title: '文件',
            render: (_, e) => (
              <Space orientation="vertical" size={0}>
                <Typography.Text>{e.fileName}</Typography.Text>
                <Typography.Text type="secondary" copyable={{ text: e.manifestSha256 }} style={{ fontSize: 12 }}>
                  清单 SHA-256 {e.manifestSha256.slice(0, 16)}…
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: '状态',
            render: (_, e) => (
              <Space orientation="vertical" size={0}>
                {e.status === 'delivered' ? <Tag color="green">已送达</Tag> : <Tag color="blue">已导出</Tag>}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {e.exportedBy.name} 于 {dayjs(e.createdAt).format('YYYY-MM-DD HH:mm')} 导出
                </Typography.Text>
                {e.delivered && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {e.delivered.by.name} 于 {dayjs(e.delivered.at).format('YYYY-MM-DD HH:mm')} 确认送达
                  </Typography.Text>
                )}
                {e.reexports.length > 0 && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    再次导出 {e.reexports.length} 次
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: '操作',
            width: 190,
            render: (_, e) => (
              <Space>
                <Button size="small" onClick={() => void reexport.run(e)} disabled={!e.copyAvailable || reexport.busy} title={e.copyAvailable ? undefined : '从备份恢复的批次记录：本机没有该文件的副本'}>
                  再次导出
                </Button>
                {e.status !== 'delivered' && (
                  <Button size="small" onClick={() => deliver(e)}>
                    标记已送达
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
