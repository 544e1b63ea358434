import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Descriptions, Modal, Progress, Space, Typography } from 'antd';
import { CloudUploadOutlined } from '@ant-design/icons';
import { useLiveQuery } from 'dexie-react-hooks';
import { BATCH_RECORD_TYPES, RECORD_TYPE_LABELS } from '../../../../core/batch/format';
import type { BatchExportResult, CentresState, JobProgress } from '../../../../core/api/contract';
import { SUITE_LABELS } from '../../../../core/batch/formatV2';
import { db } from '../../db';
import { ExportCancelled, exportPendingBatch, pendingSummary, type ExportStep } from '../../db/batches';
import { useSession } from '../../session/SessionContext';

const PHASES: Record<JobProgress['phase'], string> = {
  collecting: '正在收集记录',
  writing: '正在写入批次文件',
  verifying: '正在重新读取并校验',
  finishing: '正在完成',
  done: '已完成',
  cancelled: '已取消',
  failed: '失败',
};

type Running = { step: ExportStep | null; job: JobProgress | null; cancelling: boolean };

/** What has not been sent yet, and the export with progress and cancel. */
export function ExportPanel({ onExported }: { onExported(result: BatchExportResult): void }) {
  const session = useSession();
  const { message, modal } = App.useApp();
  const outboxCount = useLiveQuery(() => db.outbox.count(), []);
  const pending = useLiveQuery(() => pendingSummary(db), [outboxCount]);
  const [running, setRunning] = useState<Running | null>(null);
  const [centres, setCentres] = useState<CentresState | null>(null);
  const [plaintext, setPlaintext] = useState(false);
  useEffect(() => {
    void window.station.centres.state().then(setCentres, () => setCentres(null));
  }, []);
  const encrypted = !!centres && centres.centres.length > 0;
  const cancelled = useRef(false);
  const exportId = useRef<string | null>(null);
  const exporting = useRef(false);

  const start = async () => {
    // A second click while an export runs starts nothing: one batch, one sequence number.
    if (exporting.current) return;
    exporting.current = true;
    cancelled.current = false;
    setRunning({ step: null, job: null, cancelling: false });
    let timer: ReturnType<typeof setInterval> | undefined;
    try {
      const result = await exportPendingBatch(db, session.vault, window.station.batch, session.actor, {
        plaintext: !encrypted && plaintext,
        onStart(id) {
          exportId.current = id;
          timer = setInterval(() => {
            void window.station.batch
              .progress({ jobId: id })
              .then((job) => setRunning((r) => (r ? { ...r, job } : r)))
              .catch(() => undefined);
          }, 250);
        },
        onStep: (step) => setRunning((r) => (r ? { ...r, step } : r)),
        cancelled: () => cancelled.current,
      });
      if (!result) return;
      setPlaintext(false);
      onExported(result);
      modal.success({
        title: `批次第 ${result.sequence} 号已导出并校验通过`,
        content: (
          <Space orientation="vertical">
            <Typography.Text>文件：{result.path}</Typography.Text>
            <Typography.Text>
              期间 {result.period.from} 至 {result.period.to}，共 {Object.values(result.counts).reduce((a, b) => a + b, 0)} 条记录
            </Typography.Text>
            <Typography.Text type="secondary" copyable={{ text: result.manifestSha256 }}>
              清单 SHA-256：{result.manifestSha256.slice(0, 16)}…
            </Typography.Text>
          </Space>
        ),
      });
    } catch (err) {
      if (err instanceof ExportCancelled) message.info(err.message);
      else message.error(err instanceof Error ? err.message : '导出失败');
    } finally {
      clearInterval(timer);
      exportId.current = null;
      exporting.current = false;
      setRunning(null);
    }
  };

  const cancel = () => {
    cancelled.current = true;
    setRunning((r) => (r ? { ...r, cancelling: true } : r));
    if (exportId.current) void window.station.batch.cancelExport({ exportId: exportId.current });
  };

  const percent = (() => {
    const job = running?.job;
    if (job && job.phase !== 'collecting' && job.total > 0) return Math.floor((job.done / job.total) * 100);
    const step = running?.step;
    return step && step.total > 0 ? Math.floor((step.done / step.total) * 100) : 0;
  })();
  const stage =
    running?.job && running.job.phase !== 'collecting' ? PHASES[running.job.phase] : running?.step?.stage === 'pdfs' ? '正在加入文书 PDF' : PHASES.collecting;
  const lateStage = running?.job?.phase === 'finishing';

  return (
    <Card
      title="待报送"
      extra={
        <Button
          type="primary"
          icon={<CloudUploadOutlined />}
          disabled={!pending || pending.total === 0 || running !== null || !centres || (!encrypted && !plaintext)}
          onClick={() => void start()}
        >
          导出批次…
        </Button>
      }
    >
      {pending && pending.total === 0 ? (
        <Typography.Text type="secondary">自上一批次以来没有新的或修改过的记录。</Typography.Text>
      ) : (
        <Descriptions size="small" column={{ xs: 1, sm: 2, md: 5 }} aria-label="待报送记录">
          {BATCH_RECORD_TYPES.map((t) => (
            <Descriptions.Item key={t} label={RECORD_TYPE_LABELS[t]}>
              {pending?.counts[t] ?? '…'} 条
            </Descriptions.Item>
          ))}
          <Descriptions.Item label="期间">{pending?.period ? `${pending.period.from} 至 ${pending.period.to}` : '—'}</Descriptions.Item>
        </Descriptions>
      )}
      {centres &&
        (encrypted ? (
          <Alert
            style={{ marginTop: 12 }}
            type="success"
            showIcon
            title={`批次将加密给 ${centres.centres.length} 个接收中心：${centres.centres.map((c) => c.name).join('、')}（${SUITE_LABELS[centres.suite]}）`}
          />
        ) : (
          <Alert
            style={{ marginTop: 12 }}
            type="warning"
            showIcon
            title="尚未登记接收中心：批次将不加密"
            description={
              <Space orientation="vertical">
                <Typography.Text>
                  未加密的批次以明文保存当事人的姓名、证件号码和案件情况，移动存储设备一旦遗失即会泄露。请先在“设置”中登记接收中心；确需导出未加密的批次时，请勾选下面一项。
                </Typography.Text>
                <Checkbox checked={plaintext} onChange={(e) => setPlaintext(e.target.checked)}>
                  我了解风险，导出未加密的批次（格式 v1）
                </Checkbox>
              </Space>
            }
          />
        ))}
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        批次包含自上一批次以来新增、修改和删除的全部记录，以及期间制作的文书
        PDF，并以本站密钥签名。文件写完后会重新读取校验，通过后才标记为已报送；取消或失败不会留下任何文件。
      </Typography.Paragraph>
      <Modal open={!!running} title="导出批次" closable={false} maskClosable={false} footer={null} destroyOnHidden>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text>{running?.cancelling ? '正在取消…' : stage}</Typography.Text>
          <Progress percent={percent} status={running?.cancelling ? 'exception' : 'active'} aria-label="导出进度" />
          <Button danger onClick={cancel} disabled={running?.cancelling || lateStage}>
            取消导出
          </Button>
        </Space>
      </Modal>
    </Card>
  );
}
