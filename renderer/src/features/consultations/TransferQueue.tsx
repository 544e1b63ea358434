import { useEffect, useState } from 'react';
import { Button, Empty, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useLiveQuery } from 'dexie-react-hooks';
import { describeRemaining, transferClockOf, transferDeadline } from '../../../../core/consultations/transferDeadline';
import { db } from '../../db';
import { loadConsultations, queryConsultations, type StoredConsultation } from '../../db/consultations';
import { useSession } from '../../session/SessionContext';
import { mayMarkTransfer } from '../../../../core/access/permissions';
import { TransferDialog } from './TransferDialog';

type Pending = StoredConsultation & { clock: { receivedAt: string; source: 'staff' | 'lawyer' } };

/**
 * Legal-aid applications not yet passed to the legal-aid centre, soonest deadline first,
 * with the 24-hour countdown (Art. 39); overdue ones stand out. Both paragraphs join it: a
 * detainee's application that staff logged and a duty lawyer's own contact that took one.
 */
export function TransferQueue({ onOpen }: { onOpen(id: string): void }) {
  const session = useSession();
  const [marking, setMarking] = useState<StoredConsultation | null>(null);
  const [tick, setTick] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setTick(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);

  const queue = useLiveQuery(async () => {
    const { ids } = await queryConsultations(db, session.vault, session.actor, { pendingTransfer: true });
    const records = await loadConsultations(db, session.vault, session.actor, ids);
    const list = records
      .flatMap((r): Pending[] => {
        const clock = transferClockOf(r);
        return clock ? [{ ...r, clock }] : [];
      })
      .sort((a, b) => Date.parse(a.clock.receivedAt) - Date.parse(b.clock.receivedAt));
    return { list, readAt: Date.now() };
  }, [session.vault]);
  const pending = queue?.list;
  // The clock ticks every 30 s; a list read since then is counted from when it was read.
  const now = Math.max(tick, queue?.readAt ?? 0);

  if (pending && pending.length === 0) return <Empty description="没有待转交的法律援助申请" />;
  return (
    <>
      <TransferDialog record={marking} onClose={() => setMarking(null)} />
      <Table<Pending>
        rowKey="id"
        data-testid="transfer-queue"
        loading={!pending}
        dataSource={pending ?? []}
        pagination={false}
        rowClassName={(c) => (transferDeadline(c.clock.receivedAt, now).overdue ? 'row-overdue' : '')}
        onRow={(c) => ({ onDoubleClick: () => onOpen(c.id) })}
        columns={[
          { title: '申请人', dataIndex: 'clientName', render: (name: string, c) => <a onClick={() => onOpen(c.id)}>{name}</a> },
          { title: '来源', render: (_, c) => (c.clock.source === 'staff' ? '看守所登记' : '值班律师接待') },
          { title: '收到申请', render: (_, c) => dayjs(c.clock.receivedAt).format('MM-DD HH:mm') },
          { title: '转交期限', render: (_, c) => dayjs(transferDeadline(c.clock.receivedAt, now).dueAt).format('MM-DD HH:mm') },
          {
            title: '剩余时间',
            render: (_, c) => {
              const d = transferDeadline(c.clock.receivedAt, now);
              const color = d.overdue ? 'red' : d.remainingMs < 4 * 3600_000 ? 'orange' : 'green';
              return <Tag color={color}>{describeRemaining(d.remainingMs)}</Tag>;
            },
          },
          {
            title: '操作',
            render: (_: unknown, c: Pending) =>
              mayMarkTransfer(session.actor, c) ? (
                <Button size="small" onClick={() => setMarking(c)}>
                  标记已转交
                </Button>
              ) : null,
          },
        ]}
      />
    </>
  );
}
