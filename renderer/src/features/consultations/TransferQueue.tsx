import { useEffect, useState } from 'react';
import { App, Button, Empty, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useLiveQuery } from 'dexie-react-hooks';
import { describeRemaining, transferDeadline } from '../../../../core/consultations/transferDeadline';
import { toRfc3339 } from '../../../../core/time/rfc3339';
import { db } from '../../db';
import { loadConsultations, markTransferred, queryConsultations, type StoredConsultation } from '../../db/consultations';
import { useSession } from '../../session/SessionContext';
import { can } from '../../session/permissions';

/**
 * Detainees' legal-aid applications not yet passed to the legal-aid centre, soonest
 * deadline first, with the 24-hour countdown (Art. 39); overdue ones stand out.
 */
export function TransferQueue({ onOpen }: { onOpen(id: string): void }) {
  const session = useSession();
  const { message } = App.useApp();
  const [tick, setTick] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setTick(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);

  const queue = useLiveQuery(async () => {
    const { ids } = await queryConsultations(db, session.vault, { pendingTransfer: true });
    const records = await loadConsultations(db, session.vault, ids);
    const list = records.filter((r) => r.receivedAt).sort((a, b) => Date.parse(a.receivedAt!) - Date.parse(b.receivedAt!));
    return { list, readAt: Date.now() };
  }, [session.vault]);
  const pending = queue?.list;
  // The clock ticks every 30 s; a list read since then is counted from when it was read.
  const now = Math.max(tick, queue?.readAt ?? 0);

  const onTransferred = async (c: StoredConsultation) => {
    await markTransferred(db, session.vault, c.id, session.actor, toRfc3339(new Date()));
    message.success(`已记录 ${c.clientName} 的申请已转交`);
  };

  if (pending && pending.length === 0) return <Empty description="没有待转交的法律援助申请" />;
  return (
    <Table<StoredConsultation>
      rowKey="id"
      data-testid="transfer-queue"
      loading={!pending}
      dataSource={pending ?? []}
      pagination={false}
      rowClassName={(c) => (transferDeadline(c.receivedAt!, now).overdue ? 'row-overdue' : '')}
      onRow={(c) => ({ onDoubleClick: () => onOpen(c.id) })}
      columns={[
        { title: '在押人员', dataIndex: 'clientName', render: (name: string, c) => <a onClick={() => onOpen(c.id)}>{name}</a> },
        { title: '收到申请', render: (_, c) => dayjs(c.receivedAt).format('MM-DD HH:mm') },
        { title: '转交期限', render: (_, c) => dayjs(transferDeadline(c.receivedAt!, now).dueAt).format('MM-DD HH:mm') },
        {
          title: '剩余时间',
          render: (_, c) => {
            const d = transferDeadline(c.receivedAt!, now);
            const color = d.overdue ? 'red' : d.remainingMs < 4 * 3600_000 ? 'orange' : 'green';
            return <Tag color={color}>{describeRemaining(d.remainingMs)}</Tag>;
          },
        },
        ...(can(session.actor.role, 'transfer.handle')
          ? [{ title: '操作', render: (_: unknown, c: StoredConsultation) => <Button size="small" onClick={() => void onTransferred(c)}>标记已转交</Button> }]
          : []),
      ]}
    />
  );
}
