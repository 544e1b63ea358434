import { App, Button, Empty, Popconfirm, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../db';
import { listTrash, restoreFromTrash, TRASH_LIMIT, type TrashItem, type TrashType } from '../db/trash';
import { useSession } from '../session/SessionContext';
import { errorText } from '../ui/errorText';

const NOUN: Record<TrashType, string> = { consultations: '登记', mediations: '调解记录' };

/**
 * 回收站 (issue 20 item 17): deleted records the signed-in account may bring back, newest
 * deletion first. A restored record returns to its list as it was, with a 恢复 line in its
 * history; a deletion is never final, because it must travel in the next batch.
 */
export function TrashList({ type }: { type: TrashType }) {
  const session = useSession();
  const { message } = App.useApp();
  const items = useLiveQuery(() => listTrash(db, session.vault, type, session.actor), [type, session.vault, session.actor]);
  const restore = async (item: TrashItem) => {
    try {
      await restoreFromTrash(db, session.vault, item, session.actor);
      message.success(`已恢复${NOUN[type]}：${item.title}`);
    } catch (err) {
      message.error(`恢复失败：${errorText(err)}`);
    }
  };
  if (items && items.length === 0) return <Empty description={`回收站中没有已删除的${NOUN[type]}`} />;
  return (
    <>
      <Typography.Paragraph type="secondary">
        {session.actor.role === 'supervisor' ? '列出所有已删除的' : '列出您删除或您登记后被删除的'}
        {NOUN[type]}，恢复后回到列表，修改记录中留有恢复痕迹。{items && items.length >= TRASH_LIMIT ? `只列出最近删除的 ${TRASH_LIMIT} 条。` : ''}
      </Typography.Paragraph>
      <Table<TrashItem>
        data-testid="trash"
        size="small"
        rowKey="id"
        loading={!items}
        dataSource={items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: type === 'consultations' ? '姓名' : '当事人', dataIndex: 'title', width: 160, ellipsis: true },
          {
            title: type === 'consultations' ? '接待时间' : '调解日期',
            width: 140,
            render: (_, r) => dayjs(r.when).format(type === 'consultations' ? 'YYYY-MM-DD HH:mm' : 'YYYY-MM-DD'),
          },
          { title: type === 'consultations' ? '咨询事项' : '案由', dataIndex: 'summary', ellipsis: true },
          { title: '删除时间', width: 140, render: (_, r) => dayjs(r.deletedAt).format('YYYY-MM-DD HH:mm') },
          { title: '删除人', dataIndex: 'deletedBy', width: 110 },
          {
            title: '操作',
            width: 80,
            fixed: 'right',
            render: (_, r) => (
              <Popconfirm title={`恢复这条${NOUN[type]}？`} okText="恢复" cancelText="取消" onConfirm={() => restore(r)}>
                <Button size="small" type="link">
                  恢复
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </>
  );
}
