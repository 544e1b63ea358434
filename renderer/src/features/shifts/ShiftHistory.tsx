import { useMemo, useState } from 'react';
import { Button, DatePicker, Descriptions, Drawer, Empty, List, Space, Table, Tag, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useLiveQuery } from 'dexie-react-hooks';
import { isOpenOvernight } from '../../../../core/shifts/schema';
import { calendarDayOf } from '../../../../core/domain/calendar';
import { formatYuan } from '../../../../core/money';
import { backfilledNote } from '../../../../core/documents/prefill';
import { labelOf } from '../../../../core/domain/enums';
import { describeRemaining, transferDeadline } from '../../../../core/consultations/transferDeadline';
import { db } from '../../db';
import { listLawyers } from '../../db/lawyers';
import { getShift, shiftsBetween, type StoredShift } from '../../db/shifts';
import { useStation } from '../../state/StationContext';
import { useSession } from '../../session/SessionContext';
import { navigate } from '../../state/router';
import { ShiftAnnotations } from './ShiftAnnotations';

function statusTag(s: StoredShift, today: string) {
  if (s.endedAt) return <Tag>已签退</Tag>;
  return isOpenOvernight(s, today) ? <Tag color="red">跨夜未签退</Tag> : <Tag color="green">值班中</Tag>;
}

/** Past and current shifts of a period, each with its frozen log. */
export function ShiftHistory({ openLogId, onCloseLog }: { openLogId: string | null; onCloseLog(): void }) {
  const { enums } = useStation();
  const session = useSession();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs().subtract(6, 'day'), dayjs()]);
  const from = range[0].format('YYYY-MM-DD');
  const to = range[1].format('YYYY-MM-DD');
  const shifts = useLiveQuery(() => shiftsBetween(db, session.vault, from, to), [session.vault, from, to]);
  const lawyers = useLiveQuery(() => listLawyers(db), [], []);
  const nameOf = useMemo(() => (id: string) => lawyers?.find((l) => l.id === id)?.name ?? '（已移出名册）', [lawyers]);
  const today = calendarDayOf(new Date());
  const [viewing, setViewing] = useState<string | null>(openLogId);

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Space>
        <DatePicker.RangePicker aria-label="值班日期" value={range} allowClear={false} onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])} />
        <Typography.Text type="secondary">共 {shifts?.length ?? 0} 个班次</Typography.Text>
      </Space>
      <Table<StoredShift>
        rowKey="id"
        size="middle"
        loading={!shifts}
        dataSource={shifts ?? []}
        pagination={{ pageSize: 30, showSizeChanger: false }}
        locale={{ emptyText: <Empty description="这段时间没有值班记录" /> }}
        onRow={(s) => ({ onClick: () => setViewing(s.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: '值班律师', dataIndex: 'lawyerId', render: (id: string) => nameOf(id) },
          { title: '地点', dataIndex: 'place', render: (p: string) => labelOf(enums.consultationPlaces, p) },
          { title: '签到', dataIndex: 'startedAt', render: (t: string) => dayjs(t).format('YYYY-MM-DD HH:mm') },
          { title: '签退', dataIndex: 'endedAt', render: (t?: string) => (t ? dayjs(t).format('YYYY-MM-DD HH:mm') : '—') },
          { title: '接待', render: (_, s) => (s.log ? `${s.log.consultations} 人次` : '—') },
          { title: '状态', render: (_, s) => statusTag(s, today) },
        ]}
      />
      <Drawer
        title="值班日志"
        open={viewing !== null}
        size={720}
        destroyOnHidden
        onClose={() => {
          setViewing(null);
          onCloseLog();
        }}
      >
        {viewing && <ShiftLogView id={viewing} nameOf={nameOf} />}
      </Drawer>
    </Space>
  );
}

function ShiftLogView({ id, nameOf }: { id: string; nameOf(id: string): string }) {
  const session = useSession();
  const { enums } = useStation();
  const shift = useLiveQuery(() => getShift(db, session.vault, id), [id, session.vault]);
  if (!shift) return null;
  const log = shift.log;
  const lines = (items: { label: string; count: number }[], unit: string) =>
    items.length === 0 ? '无' : items.map((l) => `${l.label} ${l.count} ${unit}`).join('；');
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="shift-log">
      <Descriptions column={2} size="small" bordered>
        <Descriptions.Item label="值班律师" span={2}>
          {log ? log.lawyers.join('、') : nameOf(shift.lawyerId)}
        </Descriptions.Item>
        <Descriptions.Item label="地点">{labelOf(enums.consultationPlaces, shift.place)}</Descriptions.Item>
        <Descriptions.Item label="时间">
          {dayjs(shift.startedAt).format('YYYY-MM-DD HH:mm')} 至 {shift.endedAt ? dayjs(shift.endedAt).format('YYYY-MM-DD HH:mm') : '（尚未签退）'}
        </Descriptions.Item>
        {log && (
          <>
            <Descriptions.Item label="接待人次">
              {log.consultations}
              {log.answeredRequests ? `（其中接待约见申请 ${log.answeredRequests} 人次）` : ''}
            </Descriptions.Item>
            <Descriptions.Item label="参与调解">
              {log.mediations.joined} 件，达成 {log.mediations.settled} 件{backfilledNote(log.backfilledMediations)}
            </Descriptions.Item>
            <Descriptions.Item label="按帮助类型" span={2}>
              {lines(log.helpTypes, '人次')}
            </Descriptions.Item>
            <Descriptions.Item label="特殊群体" span={2}>
              {lines(log.specialGroups, '人次')}
            </Descriptions.Item>
            <Descriptions.Item label="代写文书" span={2}>
              {lines(log.documents, '份')}
            </Descriptions.Item>
            <Descriptions.Item label="协议金额">{formatYuan(log.mediations.agreed)}</Descriptions.Item>
            <Descriptions.Item label="挽回经济损失">{formatYuan(log.mediations.recovered)}</Descriptions.Item>
            <Descriptions.Item label="交接事项" span={2}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{log.handoverNotes || '无'}</Typography.Paragraph>
            </Descriptions.Item>
          </>
        )}
      </Descriptions>
      {log && log.pendingTransfers.length > 0 && (
        <List
          size="small"
          bordered
          header="移交下一班的待转交申请"
          dataSource={log.pendingTransfers}
          renderItem={(p) => (
            <List.Item>
              {p.clientName} · 收到 {dayjs(p.receivedAt).format('MM-DD HH:mm')} · 期限 {dayjs(p.dueAt).format('MM-DD HH:mm')}{' '}
              {p.overdue ? (
                <Tag color="red">签退时已超时</Tag>
              ) : (
                <Tag>{describeRemaining(transferDeadline(p.receivedAt, Date.parse(shift.endedAt!)).remainingMs)}</Tag>
              )}
            </List.Item>
          )}
        />
      )}
      {log?.openRequests && log.openRequests.length > 0 && (
        <List
          size="small"
          bordered
          header="移交下一班的约见申请（尚无值班律师接待）"
          dataSource={log.openRequests}
          renderItem={(r) => (
            <List.Item>
              {r.clientName} · {dayjs(r.receivedAt).format('MM-DD HH:mm')} 申请约见值班律师
            </List.Item>
          )}
        />
      )}
      {log && <ShiftAnnotations shift={shift} />}
      {log ? (
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => navigate('documents', { draft: 'shift_log', shift: shift.id })}>
          生成值班日志 PDF
        </Button>
      ) : (
        <Typography.Text type="secondary">签退后生成值班日志。</Typography.Text>
      )}
    </Space>
  );
}
