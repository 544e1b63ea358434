import { useState } from 'react';
import { App, Button, Card, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { BatchHistoryEntry, DeliveryState, ReceiptOutcome, UploadStatus } from '../../../../core/api/contract';
import { RECORD_TYPE_LABELS, type BatchRecordType } from '../../../../core/batch/format';
import { db } from '../../db';
import { importReceipt, uploadNow } from '../../db/delivery';
import { appendAudit } from '../../db/repository';
import { useSession } from '../../session/SessionContext';
import { AsyncButton } from '../../ui/AsyncButton';
import { useAsyncAction } from '../../ui/useAsyncAction';
import { ReceiptKeyDialog, type PendingReceipt } from './ReceiptKeyDialog';

function countsText(counts: Record<BatchRecordType, number>): string {
  return (Object.entries(counts) as [BatchRecordType, number][])
    .filter(([, n]) => n > 0)
    .map(([t, n]) => `${RECORD_TYPE_LABELS[t]} ${n}`)
    .join('，');
}

const time = (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm');

/** Where an upload stands, as a line under the batch's 未送达. */
function uploadText(u: UploadStatus): string {
  switch (u.state) {
    case 'uploading':
      return '正在上传到接收中心…';
    case 'waiting':
      return u.attempts === 0
        ? '等待上传到接收中心'
        : `第 ${u.attempts} 次上传未成功：${u.message ?? ''}；将于 ${dayjs(u.nextAttemptAt).format('HH:mm:ss')} 自动重试`;
    case 'confirm':
      return '接收中心已接收，回执的签名公钥待核对';
    default:
      return `上传未成功：${u.message ?? ''}`;
  }
}

/** The station's batches: sequence, period, counts, file, manifest hash, status; re-export and delivery. */
export function HistoryPanel({ history, delivery, onChanged }: { history: BatchHistoryEntry[] | null; delivery: DeliveryState | null; onChanged(): void }) {
  const session = useSession();
  const { message, modal } = App.useApp();
  const [pending, setPending] = useState<PendingReceipt | null>(null);
  const uploads = new Map((delivery?.uploads ?? []).map((u) => [u.batchId, u]));

  /** What main made of a receipt: taken, a centre key to confirm first, or refused with every reason. */
  const outcomeShown = (outcome: ReceiptOutcome | null) => {
    if (!outcome) return;
    if (outcome.outcome === 'accepted') {
      message.success(`批次第 ${outcome.sequence} 号已送达${outcome.centre}（回执已核对）`);
    } else if (outcome.outcome === 'confirm') {
      setPending(outcome);
    } else {
      modal.error({
        title: outcome.sequence ? `批次第 ${outcome.sequence} 号的回执未通过核对，未采用` : '回执未通过核对，未采用',
        width: 560,
        content: (
          <ul aria-label="回执问题" style={{ paddingLeft: 20, margin: 0 }}>
            {outcome.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        ),
        okText: '知道了',
      });
    }
    onChanged();
  };

  const openReceipt = async () => outcomeShown(await importReceipt(db, window.station.delivery, session.actor));

  const upload = useAsyncAction(async (entry: BatchHistoryEntry) => {
    await uploadNow(db, window.station.delivery, session.actor, entry.batchId, entry.sequence);
    onChanged();
  }, '无法上传');

  const review = useAsyncAction(async (entry: BatchHistoryEntry) => {
    outcomeShown(await window.station.delivery.reviewUploadReceipt({ batchId: entry.batchId, actor: { id: session.actor.id, name: session.actor.name } }));
  }, '无法核对回执');

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
    <Card
      title="报送记录"
      extra={
        <AsyncButton action={openReceipt} failure="无法导入回执">
          导入回执…
        </AsyncButton>
      }
    >
      <ReceiptKeyDialog
        pending={pending}
        onClose={(taken) => {
          setPending(null);
          if (taken) outcomeShown(taken);
        }}
      />
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
              <Space orientation="vertical" size={0} aria-label={`批次第 ${e.sequence} 号的状态`}>
                <span>{e.status === 'delivered' ? <Tag color="green">已送达</Tag> : <Tag color="orange">未送达</Tag>}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {e.exportedBy.name} 于 {time(e.createdAt)} 导出
                </Typography.Text>
                {e.receipt ? (
                  <Typography.Text style={{ fontSize: 12 }}>
                    {e.receipt.centre} 于 {time(e.receipt.document.receipt.receivedAt)} 接收（{e.receipt.via === 'upload' ? '上传' : '回执文件'}，签名已核对，
                    {e.receipt.document.receipt.records} 条记录）
                  </Typography.Text>
                ) : (
                  e.delivered && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {e.delivered.by.name} 于 {time(e.delivered.at)} 确认送达
                    </Typography.Text>
                  )
                )}
                {!e.receipt && uploads.has(e.batchId) && (
                  <Typography.Text
                    type={uploads.get(e.batchId)!.state === 'waiting' || uploads.get(e.batchId)!.state === 'uploading' ? 'secondary' : 'danger'}
                    style={{ fontSize: 12 }}
                  >
                    {uploadText(uploads.get(e.batchId)!)}
                  </Typography.Text>
                )}
                {!e.receipt &&
                  (uploads.get(e.batchId)?.reasons ?? []).map((r) => (
                    <Typography.Text key={r} type="danger" style={{ fontSize: 12 }}>
                      · {r}
                    </Typography.Text>
                  ))}
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
            width: 210,
            render: (_, e) => {
              const u = uploads.get(e.batchId);
              return (
                <Space wrap size={4}>
                  <Button
                    size="small"
                    onClick={() => void reexport.run(e)}
                    disabled={!e.copyAvailable || reexport.busy}
                    title={e.copyAvailable ? undefined : '从备份恢复的批次记录：本机没有该文件的副本'}
                  >
                    再次导出
                  </Button>
                  {!e.receipt && u?.state === 'confirm' && (
                    <Button size="small" type="primary" onClick={() => void review.run(e)} disabled={review.busy}>
                      核对回执签名…
                    </Button>
                  )}
                  {!e.receipt && delivery?.centreUrl && e.copyAvailable && u?.state !== 'confirm' && u?.state !== 'uploading' && (
                    <Button size="small" onClick={() => void upload.run(e)} disabled={upload.busy}>
                      {u ? '立即重试' : '上传到中心'}
                    </Button>
                  )}
                  {e.status !== 'delivered' && (
                    <Button size="small" onClick={() => deliver(e)}>
                      标记已送达
                    </Button>
                  )}
                </Space>
              );
            },
          },
        ]}
      />
    </Card>
  );
}
