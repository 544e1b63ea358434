import { useMemo, useState } from 'react';
import { App, Badge, Button, DatePicker, Drawer, Empty, Space, Table, Tabs, Tag, Typography } from 'antd';
import { SearchSelect } from '../../ui/SearchSelect';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useLiveQuery } from 'dexie-react-hooks';
import { isPaymentOverdue, PARTY_ROLES } from '../../../../core/mediations/schema';
import { calendarDayOf } from '../../../../core/domain/calendar';
import { labelOf } from '../../../../core/domain/enums';
import { db } from '../../db';
import { listLawyers } from '../../db/lawyers';
import { getMediation, mediationsBetween, overdueMediations, type StoredMediation } from '../../db/mediations';
import { deleteDraft, type StoredDraft } from '../../db/drafts';
import { TrashList } from '../../shared/TrashList';
import { DraftBanner, useReopenDraft } from '../../shared/DraftBanner';
import { useConfirmLeave } from '../../shared/useFormDraft';
import { useStation } from '../../state/StationContext';
import { useSession } from '../../session/SessionContext';
import { can } from '../../../../core/access/permissions';
import { navigate, useRoute } from '../../state/router';
import { MediationForm } from './MediationForm';
import { MediationDetail } from './MediationDetail';
import { yuanText } from './money';

const DRAFT_KINDS = ['mediation'] as const;

type Editing = { mode: 'new' } | { mode: 'edit'; record: StoredMediation } | null;

/** 调解: the mediations the duty lawyers joined, filtered, and the agreements not paid on time. */
export function MediationsPage() {
  const { enums } = useStation();
  const session = useSession();
  const { params } = useRoute();
  const today = calendarDayOf(new Date());
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs().startOf('month').subtract(2, 'month'), dayjs()]);
  const [filters, setFilters] = useState<{ type?: string; outcome?: string; lawyerId?: string }>({});
  const [editing, setEditing] = useState<Editing>(null);
  const { message } = App.useApp();
  const confirmLeave = useConfirmLeave();
  // Esc, the close button and 取消 ask first when the form holds something not saved.
  const closeForm = () => confirmLeave(() => setEditing(null));
  // A form that was open when the window locked or reloaded opens again as it was.
  const reopenDraft = (d: StoredDraft) =>
    void (async () => {
      if (!d.recordId) return setEditing({ mode: 'new' });
      const record = await getMediation(db, session.vault, session.actor, d.recordId);
      if (!record) {
        await deleteDraft(db, session.actor, d.id);
        void message.warning('草稿所修改的调解记录已被删除，草稿已丢弃');
        return;
      }
      // Saved against the revision it started from: a change made meanwhile is reported, not overwritten.
      setEditing({ mode: 'edit', record: typeof d.context.rev === 'number' ? { ...record, rev: d.context.rev } : record });
    })();
  useReopenDraft(DRAFT_KINDS, reopenDraft);
  const openId = params.get('open');
  const from = range[0].format('YYYY-MM-DD');
  const to = range[1].format('YYYY-MM-DD');
  const all = useLiveQuery(() => mediationsBetween(db, session.vault, session.actor, from, to), [session.vault, from, to]);
  const overdue = useLiveQuery(() => overdueMediations(db, session.vault, session.actor, today), [session.vault, today], []);
  const lawyers = useLiveQuery(() => listLawyers(db), [], []);
  const nameOf = useMemo(() => (id: string) => lawyers?.find((l) => l.id === id)?.name ?? '（已移出名册）', [lawyers]);
  const shown = (all ?? []).filter(
    (m) =>
      (!filters.type || m.type === filters.type) &&
      (!filters.outcome || m.outcome === filters.outcome) &&
      (!filters.lawyerId || m.lawyerIds.includes(filters.lawyerId)),
  );
  const mayRecord = can(session.actor.role, 'mediation.create');
  const open = (id: string) => navigate('mediations', { open: id });
  const opts = (l: readonly { code: string; label: string }[]) => l.map((e) => ({ value: e.code, label: e.label }));
  const filter = (key: keyof typeof filters, placeholder: string, options: { value: string; label: string }[]) => (
    <SearchSelect
      allowClear
      placeholder={placeholder}
      style={{ width: 150 }}
      value={filters[key]}
      options={options}
      aria-label={`筛选：${placeholder}`}
      onChange={(v?: string) => setFilters((f) => ({ ...f, [key]: v }))}
    />
  );

  const columns = [
    { title: '日期', dataIndex: 'date', width: 110 },
    { title: '类型', dataIndex: 'type', render: (t: string) => labelOf(enums.mediationTypes, t), width: 100 },
    { title: '案由', dataIndex: 'cause' },
    { title: '当事人', render: (_: unknown, m: StoredMediation) => m.parties.map((p) => `${labelOf(PARTY_ROLES, p.role)} ${p.name}`).join('；') },
    { title: '值班律师', render: (_: unknown, m: StoredMediation) => m.lawyerIds.map(nameOf).join('、') },
    {
      title: '结果',
      render: (_: unknown, m: StoredMediation) => (
        <Space size={4}>
          <Tag color={m.outcome === 'no_agreement' ? 'default' : 'green'}>{labelOf(enums.mediationOutcomes, m.outcome)}</Tag>
          {isPaymentOverdue(m, today) && <Tag color="red">逾期未履行</Tag>}
        </Space>
      ),
    },
    { title: '协议金额（元）', dataIndex: 'amountAgreed', align: 'right' as const, render: (a?: string) => yuanText(a) },
  ];

  return (
    <>
      {editing === null && <DraftBanner kinds={DRAFT_KINDS} describe={(d) => (d.recordId ? '修改调解记录' : '记录调解')} onContinue={reopenDraft} />}
      <Tabs
        tabBarExtraContent={
          mayRecord && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'new' })}>
              记录调解
            </Button>
          )
        }
        items={[
          {
            key: 'list',
            label: '调解记录',
            children: (
              <Space orientation="vertical" style={{ width: '100%' }} size={12}>
                <Space wrap>
                  <DatePicker.RangePicker aria-label="调解日期" value={range} allowClear={false} onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])} />
                  {filter('type', '调解类型', opts(enums.mediationTypes))}
                  {filter('outcome', '调解结果', opts(enums.mediationOutcomes))}
                  {filter(
                    'lawyerId',
                    '值班律师',
                    (lawyers ?? []).map((l) => ({ value: l.id, label: l.name })),
                  )}
                  <Typography.Text type="secondary" data-testid="mediation-count">
                    共 {shown.length} 件
                  </Typography.Text>
                </Space>
                <Table<StoredMediation>
                  rowKey="id"
                  size="middle"
                  loading={!all}
                  dataSource={shown}
                  columns={columns}
                  pagination={{ pageSize: 50, showSizeChanger: false }}
                  locale={{ emptyText: <Empty description="这段时间没有调解记录" /> }}
                  onRow={(m) => ({ onClick: () => open(m.id), style: { cursor: 'pointer' } })}
                />
              </Space>
            ),
          },
          {
            key: 'overdue',
            label: (
              <Badge count={overdue?.length ?? 0} size="small" offset={[8, -2]}>
                逾期未履行
              </Badge>
            ),
            children: (
              <Table<StoredMediation>
                rowKey="id"
                size="middle"
                dataSource={overdue ?? []}
                pagination={false}
                data-testid="overdue-mediations"
                locale={{ emptyText: <Empty description="没有逾期未履行的调解协议" /> }}
                onRow={(m) => ({ onClick: () => open(m.id), style: { cursor: 'pointer' } })}
                columns={[
                  { title: '履行期限', dataIndex: 'paymentDeadline', width: 110 },
                  { title: '逾期', render: (_: unknown, m) => <Tag color="red">{dayjs(today).diff(dayjs(m.paymentDeadline), 'day')} 天</Tag>, width: 90 },
                  {
                    title: '当事人及电话',
                    render: (_: unknown, m: StoredMediation) => (
                      <Space orientation="vertical" size={0}>
                        {m.parties.map((p, i) => (
                          <span key={i}>
                            {labelOf(PARTY_ROLES, p.role)} {p.name}{' '}
                            {p.phone ? (
                              <Typography.Text data-testid="party-phone">{p.phone}</Typography.Text>
                            ) : (
                              <Typography.Text type="secondary">未留电话</Typography.Text>
                            )}
                          </span>
                        ))}
                      </Space>
                    ),
                  },
                  ...columns.filter((c) => c.title !== '结果' && c.title !== '当事人'),
                ]}
              />
            ),
          },
          ...(can(session.actor.role, 'mediation.delete_own') || can(session.actor.role, 'mediation.delete_any')
            ? [{ key: 'trash', label: '回收站', children: <TrashList type="mediations" /> }]
            : []),
        ]}
      />
      <Drawer
        title={editing?.mode === 'edit' ? '修改调解记录' : '记录调解'}
        open={editing !== null}
        onClose={closeForm}
        size={960}
        destroyOnHidden
        maskClosable={false}
      >
        {editing && (
          <MediationForm
            editing={editing.mode === 'edit' ? editing.record : undefined}
            onCancel={closeForm}
            onSaved={(m) => {
              setEditing(null);
              open(m.id);
            }}
          />
        )}
      </Drawer>
      <Drawer title="调解详情" open={openId !== null} onClose={() => navigate('mediations')} size={820} destroyOnHidden>
        {openId && (
          <MediationDetail
            key={openId}
            id={openId}
            nameOf={nameOf}
            onClosed={() => navigate('mediations')}
            onEdit={(record) => {
              navigate('mediations');
              setEditing({ mode: 'edit', record });
            }}
          />
        )}
      </Drawer>
    </>
  );
}
