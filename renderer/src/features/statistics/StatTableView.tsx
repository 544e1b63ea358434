import { Table } from 'antd';
import type { StatTable } from '../../../../core/statistics/tables';

/** One of the report's tables as the page shows it; the 合计 row stands out. */
export function StatTableView({ table }: { table: StatTable }) {
  const data = table.rows.map((r, i) => ({ key: i, ...Object.fromEntries(r.map((v, j) => [`c${j}`, v])) }));
  return (
    <Table
      size="small"
      bordered
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={data}
      aria-label={table.title}
      rowClassName={(r) => ((r as Record<string, unknown>).c0 === '合计' ? 'row-total' : '')}
      columns={table.columns.map((c, j) => ({
        title: c,
        dataIndex: `c${j}`,
        align: j === 0 ? ('left' as const) : ('right' as const),
        fixed: j === 0 ? ('left' as const) : undefined,
      }))}
    />
  );
}
