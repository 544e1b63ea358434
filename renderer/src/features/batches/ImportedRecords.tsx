import { useEffect, useMemo, useState } from 'react';
import { App, Card, Descriptions, Drawer, Empty, Space, Table, Tag, Typography } from 'antd';
import { SearchSelect } from '../../ui/SearchSelect';
import { useLiveQuery } from 'dexie-react-hooks';
import dayjs from 'dayjs';
import { RECORD_TYPE_LABELS, type BatchRecordType } from '../../../../core/batch/format';
import { documentKindLabel } from '../../../../core/documents/templates';
import { db } from '../../db';
import { importedRecordsOf, type ImportedRecordView } from '../../db/imports';
import { importedDocumentPdf } from '../../db/documents';
import { useSession } from '../../session/SessionContext';
import { useStation } from '../../state/StationContext';
import { importedFields } from './importedFields';
import { PdfPreview } from '../../shared/PdfPreview';
import type { ImportedStation } from '../../db/database';
import { writeBatchReceipt } from '../../db/centreKeys';
import { AsyncButton } from '../../ui/AsyncButton';

/** The batches ingested from one station, each of which can have its signed receipt written (again). */
function ImportedBatches({ station }: { station: ImportedStation }) {
  const session = useSession();
  const { message } = App.useApp();
  const write = async (b: ImportedStation['batches'][number]) => {
    const written = await writeBatchReceipt(db, window.station.batch, session.actor, {
      batchId: b.batchId,
      stationName: station.name,
      stationCode: station.code,
      sequence: b.sequence,
    });
    if (written) message.success(`回执文件已写入：${written.path}`);
  };
  return (
    <Table<ImportedStation['batches'][number]>
      size="small"
      rowKey="batchId"
      aria-label="已导入的批次"
      style={{ marginBottom: 16 }}
      dataSource={[...station.batches].sort((a, b) => b.sequence - a.sequence)}
      pagination={{ pageSize: 5, hideOnSinglePage: true }}
      columns={[
        { title: '批次', render: (_, b) => `第 ${b.sequence} 号`, width: 90 },
        { title: '期间', render: (_, b) => `${b.period.from} 至 ${b.period.to}` },
        { title: '导入', render: (_, b) => dayjs(b.importedAt).format('YYYY-MM-DD HH:mm'), width: 150 },
        { title: '记录', dataIndex: 'records', width: 80 },
        {
          title: '',
          width: 130,
          render: (_, b) => (
            <AsyncButton size="small" action={() => write(b)} failure="回执文件未写入">
              写回执文件…
            </AsyncButton>
          ),
        },
      ]}
    />
  );
}

function summaryOf(r: ImportedRecordView): string {
  if (r.deleted) return '（已删除）';
  const rec = r.record;
  if (r.type === 'documents') return `${documentKindLabel(String(rec.kind ?? ''))} ${String(rec.number ?? '')} ${String(rec.clientName ?? '')}`;
  return [rec.clientName, rec.caseNumber, rec.cause].filter(Boolean).join(' · ') || r.id;
}

/** Other stations' records, as ingested: read-only, each marked with its station. */
export function ImportedRecords({ focus }: { focus: string | null }) {
  const session = useSession();
  const { enums } = useStation();
  const stations = useLiveQuery(() => db.importedStations.toArray(), []);
  const [station, setStation] = useState<string | null>(null);
  const [type, setType] = useState<BatchRecordType | 'all'>('all');
  const [rows, setRows] = useState<ImportedRecordView[] | null>(null);
  const [open, setOpen] = useState<ImportedRecordView | null>(null);
  const [pdf, setPdf] = useState<{ sha: string; data: string } | null>(null);
  // Every import appends to its station's batch list: that is the signal to read again.
  const changes = (stations ?? []).map((s) => `${s.code}:${s.batches.length}`).join();
  const chosen = focus ?? station ?? stations?.[0]?.code ?? null;
  const stationName = useMemo(() => new Map((stations ?? []).map((s) => [s.code, s.name])), [stations]);

  useEffect(() => {
    if (!chosen) return;
    let live = true;
    void importedRecordsOf(db, session.vault, chosen, type === 'all' ? undefined : type).then((list) => live && setRows(list));
    return () => {
      live = false;
    };
  }, [chosen, type, session.vault, changes]);

  const openSha = open?.type === 'documents' && !open.deleted ? String(open.pdfSha256 ?? open.record.sha256 ?? '') : '';
  useEffect(() => {
    if (!openSha) return;
    let live = true;
    void importedDocumentPdf(db, session.vault, session.actor, openSha)
      .then((data) => live && setPdf({ sha: openSha, data }))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [openSha, session.vault, session.actor]);
  const shownPdf = pdf && pdf.sha === openSha ? pdf.data : null;

  if (!stations || stations.length === 0) return null;
  const chosenStation = stations.find((x) => x.code === chosen) ?? null;
  return (
    <Card
      title="已导入的其他工作站记录（只读）"
      extra={
        <Space>
          <SearchSelect
            aria-label="工作站"
            style={{ minWidth: 260 }}
            value={chosen}
            onChange={setStation}
            options={stations.map((s) => ({ value: s.code, label: `${s.name}（${s.code}）` }))}
          />
          <SearchSelect
            aria-label="记录类型"
            style={{ width: 140 }}
            value={type}
            onChange={setType}
            options={[
              { value: 'all', label: '全部类型' },
              ...(Object.keys(RECORD_TYPE_LABELS) as BatchRecordType[]).map((t) => ({ value: t, label: RECORD_TYPE_LABELS[t] })),
            ]}
          />
        </Space>
      }
    >
      {chosen && (
        <Typography.Paragraph type="secondary">
          {(() => {
            const s = stations.find((x) => x.code === chosen);
            return s
              ? `已接收至第 ${s.lastSequence} 号批次；公钥指纹 ${s.fingerprint}（${s.registeredBy} 于 ${dayjs(s.registeredAt).format('YYYY-MM-DD')} 登记）`
              : '';
          })()}
        </Typography.Paragraph>
      )}
      {chosenStation && <ImportedBatches station={chosenStation} />}
      <Table<ImportedRecordView>
        size="small"
        rowKey={(r) => `${r.type}:${r.id}`}
        loading={rows === null}
        dataSource={rows ?? []}
        aria-label="已导入记录"
        locale={{ emptyText: <Empty description="没有记录" /> }}
        onRow={(r) => ({ onClick: () => setOpen(r), style: { cursor: 'pointer' } })}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: '工作站', render: (_, r) => <Tag>{stationName.get(r.station) ?? r.station}</Tag>, width: 220 },
          { title: '类型', render: (_, r) => RECORD_TYPE_LABELS[r.type as BatchRecordType] ?? r.type, width: 120 },
          { title: '内容', render: (_, r) => summaryOf(r) },
          { title: '版本', dataIndex: 'rev', width: 70 },
          { title: '修改时间', render: (_, r) => dayjs(r.updatedAt).format('YYYY-MM-DD HH:mm'), width: 150 },
        ]}
      />
      <Drawer
        open={!!open}
        onClose={() => setOpen(null)}
        size="large"
        title={open ? `${RECORD_TYPE_LABELS[open.type as BatchRecordType] ?? open.type}（只读）` : ''}
        destroyOnHidden
      >
        {open && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Tag color="purple">来自 {stationName.get(open.station) ?? open.station}</Tag>
            {open.deleted && <Tag color="red">该记录已被原工作站删除</Tag>}
            <Descriptions column={1} size="small" bordered>
              {importedFields(open.record, enums).map((f) => (
                <Descriptions.Item key={f.key} label={f.label}>
                  {f.text}
                </Descriptions.Item>
              ))}
              <Descriptions.Item label="版本">{open.rev}</Descriptions.Item>
              <Descriptions.Item label="最后修改">{dayjs(open.updatedAt).format('YYYY-MM-DD HH:mm:ss')}</Descriptions.Item>
            </Descriptions>
            {shownPdf && <PdfPreview pdf={shownPdf} />}
          </Space>
        )}
      </Drawer>
    </Card>
  );
}
