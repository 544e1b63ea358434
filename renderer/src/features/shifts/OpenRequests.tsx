import { Button, Card, Empty, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../db';
import { loadConsultations, queryConsultations, type StoredConsultation } from '../../db/consultations';
import { useSession } from '../../session/SessionContext';
import { navigate } from '../../state/router';
import { useStation } from '../../state/StationContext';
import { labelOf } from '../../../../core/domain/enums';

/** The open 约见 requests, oldest first; live, so a request staff log appears at once. */
export function useOpenRequests(): StoredConsultation[] | undefined {
  const session = useSession();
  return useLiveQuery(async () => {
    const { ids } = await queryConsultations(db, session.vault, session.actor, { openMeeting: true });
    const records = await loadConsultations(db, session.vault, session.actor, ids);
    return records.sort((a, b) => Date.parse(a.receivedAt ?? a.time) - Date.parse(b.receivedAt ?? b.time));
  }, [session.vault, session.actor]);
}

/**
 * 待接待的约见申请 (issue 20 item 19): the detainees who asked detention-centre staff to
 * meet a duty lawyer and whom no lawyer has met yet. 接待 starts the lawyer's contact with
 * the person and the case filled in; 查看 opens the request.
 */
export function OpenRequests({ open, lawyerNames }: { open: StoredConsultation[] | undefined; lawyerNames: (id: string) => string }) {
  const { enums } = useStation();
  const count = open?.length ?? 0;
  return (
    <Card title={`待接待的约见申请${count ? `（${count}）` : ''}`} size="small" data-testid="open-requests">
      {open && count === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有待接待的约见申请" />
      ) : (
        <Table<StoredConsultation>
          size="small"
          rowKey="id"
          loading={!open}
          pagination={false}
          dataSource={open ?? []}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: '姓名', dataIndex: 'clientName', width: 120 },
            { title: '收到时间', width: 140, render: (_, r) => dayjs(r.receivedAt ?? r.time).format('MM-DD HH:mm') },
            { title: '已等候', width: 110, render: (_, r) => waited(Date.parse(r.receivedAt ?? r.time)) },
            { title: '诉讼阶段', width: 110, render: (_, r) => (r.criminalStage ? labelOf(enums.criminalStages, r.criminalStage) : '—') },
            { title: '案由/罪名', dataIndex: 'cause', render: (v?: string) => v ?? '—' },
            {
              title: '指定律师',
              width: 110,
              render: (_, r) => (r.lawyerId ? lawyerNames(r.lawyerId) : <Typography.Text type="secondary">未指定</Typography.Text>),
            },
            {
              title: '操作',
              width: 130,
              fixed: 'right',
              render: (_, r) => (
                <Space size={0}>
                  <Button size="small" type="link" onClick={() => navigate('consultations', { answer: r.id })}>
                    接待
                  </Button>
                  <Button size="small" type="link" onClick={() => navigate('consultations', { open: r.id })}>
                    查看
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}

function waited(since: number): string {
  const minutes = Math.max(0, Math.floor((Date.now() - since) / 60_000));
  if (minutes < 60) return `${minutes} 分钟`;
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? `${hours} 小时 ${minutes % 60} 分` : `${Math.floor(hours / 24)} 天`;
}
