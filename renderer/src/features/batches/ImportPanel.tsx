import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Progress, Space, Typography } from 'antd';
import { FileSearchOutlined } from '@ant-design/icons';
import type { BatchFileSummary, BatchImportVerdict } from '../../../../core/api/contract';
import { RECORD_TYPE_LABELS, type BatchRecordType } from '../../../../core/batch/format';
import { SUITE_LABELS } from '../../../../core/batch/formatV2';
import { batchHeadOf } from '../../../../core/batch/verify';
import { writeBatchReceipt } from '../../db/centreKeys';
import { AsyncButton } from '../../ui/AsyncButton';
import { stationKindLabel } from '../../../../core/domain/station';
import { db } from '../../db';
import { ingestVerified } from '../../db/imports';
import { useSession } from '../../session/SessionContext';
import { can } from '../../../../core/access/permissions';

interface Checked {
  summary: BatchFileSummary;
  /** Main's verdict on its one read of the file: report, standing and the fingerprint it registers. */
  report: BatchImportVerdict;
}

/** Verify any batch file, and ingest other stations' verified batches. */
export function ImportPanel({ onImported }: { onImported(station: string): void }) {
  const session = useSession();
  const { message, modal } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [imported, setImported] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<string | null>(null);
  /** The batch being verified: closing it stops the verification. */
  const [verifying, setVerifying] = useState<string | null>(null);
  const mayImport = can(session.actor.role, 'batch.import');

  const open = async () => {
    const api = window.station.batch;
    if (checked) void api.closeImport({ token: checked.summary.token });
    setChecked(null);
    setImported(null);
    setReceipt(null);
    let summary: BatchFileSummary | null = null;
    try {
      summary = await api.openImport();
      if (!summary) return;
      setBusy('正在校验批次…');
      setVerifying(summary.token);
      setChecked({ summary, report: await api.verifyImport({ token: summary.token }) });
    } catch (err) {
      const text = err instanceof Error ? err.message : '无法读取该文件';
      if (/取消/.test(text)) message.info('已取消校验，未导入任何记录');
      else message.error(text);
    } finally {
      setVerifying(null);
      setBusy(null);
    }
  };

  const ingest = async () => {
    if (!checked) return;
    const { summary, report } = checked;
    const m = batchHeadOf(report)!;
    const go = async () => {
      setBusy('正在导入…');
      try {
        const outcome = await ingestVerified(db, session.vault, window.station.batch, session.actor, summary, report, {
          ...(report.standing === 'new' && report.fingerprint ? { confirmedFingerprint: report.fingerprint } : {}),
          onProgress: (n) => setBusy(`正在导入…已读取 ${n} 条记录`),
        });
        setImported(
          outcome.changed === 0
            ? `该批次的 ${outcome.records} 条记录均已在本机，未作任何更改。`
            : `已导入 ${outcome.changed} 条记录（共 ${outcome.records} 条，其余已是最新）${outcome.files ? `，文书 PDF ${outcome.files} 份` : ''}。`,
        );
        await window.station.batch.closeImport({ token: summary.token });
        onImported(m.station.code);
      } catch (err) {
        message.error(err instanceof Error ? err.message : '导入失败，未导入任何记录');
      } finally {
        setBusy(null);
      }
    };
    if (report.standing === 'new') {
      // A station already known here stands as new when it signs in another suite for the first time (its SM2 key).
      const known = await db.importedStations.get(m.station.code);
      modal.confirm({
        title: known ? `“${m.station.name}”首次使用${m.suite === 'gm-1' ? '国密' : '该'}签名密钥` : `首次导入“${m.station.name}”的批次`,
        width: 560,
        content: (
          <Space orientation="vertical">
            <Typography.Text>
              请与该工作站或法律援助中心登记的公钥指纹逐组核对，一致后再登记。登记后，该工作站此后的批次都必须使用同一密钥签名并按序号衔接。
            </Typography.Text>
            <Typography.Text strong style={{ fontFamily: 'monospace' }}>
              {report.fingerprint}
            </Typography.Text>
          </Space>
        ),
        okText: '指纹一致，登记并导入',
        cancelText: '取消',
        onOk: go,
      });
    } else {
      await go();
    }
  };

  const report = checked?.report;
  const m = report ? batchHeadOf(report) : null;
  const writeReceipt = async () => {
    if (!m) return;
    const written = await writeBatchReceipt(db, window.station.batch, session.actor, {
      batchId: m.batchId,
      stationName: m.station.name,
      stationCode: m.station.code,
      sequence: m.sequence,
    });
    if (written) setReceipt(written.path);
  };
  return (
    <Card
      title="校验 / 导入批次"
      extra={
        <Button icon={<FileSearchOutlined />} onClick={() => void open()} disabled={!!busy}>
          选择批次文件…
        </Button>
      }
    >
      {busy && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text>{busy}</Typography.Text>
          <Progress percent={100} status="active" showInfo={false} />
          {verifying && <Button onClick={() => void window.station.batch.closeImport({ token: verifying })}>取消校验</Button>}
        </Space>
      )}
      {!checked && !busy && (
        <Typography.Text type="secondary">可校验任何工作站导出的批次文件；通过校验的其他工作站批次可导入本机，以只读方式查看。</Typography.Text>
      )}
      {checked && report && (
        <Space orientation="vertical" style={{ width: '100%' }} size={12}>
          {report.ok ? (
            <Alert
              type="success"
              showIcon
              title={`校验通过：${checked.summary.fileName}`}
              description={
                m?.formatVersion === 2 && !report.decrypted
                  ? '签名、批次链和加密文件的哈希与大小均符合要求；未解密，记录内容未能核对。'
                  : `共 ${report.records} 条记录，签名、文件哈希、大小、行数和期间均符合要求${m?.formatVersion === 2 ? '（已用本中心的接收密钥解密核对）' : ''}。`
              }
            />
          ) : (
            <Alert
              type="error"
              showIcon
              title={`校验未通过，整个批次不能导入：${checked.summary.fileName}`}
              description={
                <ul style={{ margin: 0, paddingLeft: 18 }} aria-label="校验问题">
                  {report.problems.map((p, i) => (
                    <li key={i}>{p.message}</li>
                  ))}
                </ul>
              }
            />
          )}
          {report.warnings.map((w, i) => (
            <Alert key={i} type="warning" showIcon title={w.message} />
          ))}
          {m && (
            <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
              <Descriptions.Item label="工作站">
                {m.station.name}（{m.station.code}，{stationKindLabel(m.station.kind)}）
              </Descriptions.Item>
              <Descriptions.Item label="批次">
                第 {m.sequence} 号，{m.period.from} 至 {m.period.to}
              </Descriptions.Item>
              <Descriptions.Item label="记录">
                {(Object.entries(m.counts) as [BatchRecordType, number][]).map(([t, n]) => `${RECORD_TYPE_LABELS[t] ?? t} ${n}`).join('，')}
              </Descriptions.Item>
              <Descriptions.Item label="公钥指纹">
                <Typography.Text style={{ fontFamily: 'monospace', fontSize: 12 }}>{report.fingerprint ?? '（无效）'}</Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label="格式">{m.suite ? `格式 v2，加密（${SUITE_LABELS[m.suite]}）` : '格式 v1，未加密'}</Descriptions.Item>
              {m.formatVersion === 2 && (
                <Descriptions.Item label="解密密钥">
                  {report.recipient ? `${report.recipient.name}（keyId ${report.recipient.keyId}）` : '本机没有该批次接收方的私钥'}
                </Descriptions.Item>
              )}
            </Descriptions>
          )}
          {report.ok && report.importRefusal && (
            <Alert type="error" showIcon title={report.importRefusal} description="该批次加密给其他法律援助中心；请交由持有对应接收密钥的中心导入。" />
          )}
          {report.ok && report.standing === 'own' && <Alert type="info" showIcon title="这是本工作站导出的批次，无需导入。" />}
          {report.ok && report.standing === 'known' && !imported && <Alert type="info" showIcon title="该批次已导入过；再次导入不会改变任何数据。" />}
          {imported && <Alert type="success" showIcon title={imported} />}
          {imported && m && (
            <Space wrap>
              <AsyncButton action={writeReceipt} failure="回执文件未写入">
                写回执文件…
              </AsyncButton>
              <Typography.Text type="secondary">由本中心签名，供工作站导入后确认该批次已送达；默认保存在批次文件旁边。</Typography.Text>
            </Space>
          )}
          {receipt && <Alert type="success" showIcon title={`回执文件已写入：${receipt}`} />}
          {report.ok && !report.importRefusal && mayImport && report.standing && report.standing !== 'own' && !imported && (
            <Button type="primary" onClick={() => void ingest()} disabled={!!busy}>
              导入该批次
            </Button>
          )}
        </Space>
      )}
    </Card>
  );
}
