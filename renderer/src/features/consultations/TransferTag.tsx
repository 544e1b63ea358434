import { Tag } from 'antd';
import { transferClockOf, transferDeadline, type TransferSubject } from '../../../../core/consultations/transferDeadline';

/**
 * Where a record stands on its Art. 39 clock, in the list: 待转交 / 转交超时 while it waits,
 * 已转交 once marked (never 待转交 again). Null for a record that runs no clock.
 */
export function TransferTag({ record, now }: { record: TransferSubject; now: number }) {
  const clock = transferClockOf(record);
  if (!clock) return null;
  const d = transferDeadline(clock.receivedAt, now, clock.transferredAt);
  if (d.transferred) return <Tag color={d.overdue ? 'gold' : 'green'}>{d.overdue ? '已转交（超时）' : '已转交'}</Tag>;
  return <Tag color={d.overdue ? 'red' : 'orange'}>{d.overdue ? '转交超时' : '待转交'}</Tag>;
}
