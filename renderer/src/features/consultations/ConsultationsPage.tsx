import { startTransition, useEffect, useMemo, useState } from 'react';
import { onIntent, takeIntent } from '../../ui/shortcutIntents';
import { App, Badge, Button, DatePicker, Drawer, Input, Space, Tabs, Typography } from 'antd';
import { SearchSelect } from '../../ui/SearchSelect';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../db';
import { listLawyers } from '../../db/lawyers';
import { getConsultation, queryConsultations, type ConsultationQuery, type StoredConsultation } from '../../db/consultations';
import { deleteDraft, type StoredDraft } from '../../db/drafts';
import { DraftBanner, useReopenDraft } from '../../shared/DraftBanner';
import { useConfirmLeave } from '../../shared/useFormDraft';
import { useStation } from '../../state/StationContext';
import { useSession } from '../../session/SessionContext';
import { navigate, useRoute } from '../../state/router';
import { ConsultationForm } from './ConsultationForm';
import { ConsultationDetail } from './ConsultationDetail';
import { ConsultationTable } from './ConsultationTable';
import { TransferQueue } from './TransferQueue';
import { TrashList } from '../../shared/TrashList';
import { DetaineeRequestForm } from './DetaineeRequestForm';
import { can } from '../../../../core/access/permissions';
import { useConsultationList } from './useConsultationList';
import { shiftsBetween } from '../../db/shifts';

const DRAFT_KINDS = ['consultation', 'detainee_request'] as const;

const describeDraft = (d: StoredDraft) => (d.kind === 'detainee_request' ? '在押人员申请登记' : d.recordId ? '修改登记' : '新登记');

type FormState =
  | { mode: 'new'; carry?: { lawyerId?: string; shiftId?: string; place?: string }; answering?: StoredConsultation; key: number }
  | { mode: 'edit'; record: StoredConsultation; key: number }
  | { mode: 'request'; key: number }
  | null;

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/**
 * True from the frame after `ready`, set in a transition. The filter bar (a date range and
 * seven selects) costs more to draw than the first screen of rows; drawn after it, the
 * rows show first and typing in the search box interrupts the drawing.
 */
function useShownAfter(ready: boolean): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!ready || shown) return;
    const frame = requestAnimationFrame(() => startTransition(() => setShown(true)));
    return () => cancelAnimationFrame(frame);
  }, [ready, shown]);
  return shown;
}

/** Plain boxes the size of the filters, so nothing moves when the real ones arrive. */
function FilterPlaceholders() {
  const box = (width: number, text: string) => (
    <div
      key={text}
      aria-hidden
      style={{
        width,
        height: 32,
        border: '1px solid #d9d9d9',
        borderRadius: 4,
        background: '#fff',
        color: '#bfbfbf',
        padding: '4px 11px',
        boxSizing: 'border-box',
      }}
    >
      {text}
    </div>
  );
  return (
    <>
      {box(262, '开始日期 → 结束日期')}
      {['值班律师', '案件类型', '帮助类型', '特殊群体', '法律援助', '班次'].map((t) => box(150, t))}
    </>
  );
}

export function ConsultationsPage() {
  const { enums } = useStation();
  const session = useSession();
  const lawyers = useLiveQuery(() => listLawyers(db), [], []);
  const lawyerNames = useMemo(() => new Map((lawyers ?? []).map((l) => [l.id, l.name])), [lawyers]);
  const [text, setText] = useState('');
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [filters, setFilters] = useState<Omit<ConsultationQuery, 'text' | 'from' | 'to'>>({});
  const [form, setForm] = useState<FormState>(null);
  const { params } = useRoute();
  // Other pages link to a record with #/consultations?open=<id>.
  const [detailId, setDetailId] = useState<string | null>(() => params.get('open'));
  const [tab, setTab] = useState('list');
  const { message } = App.useApp();
  const confirmLeave = useConfirmLeave();
  // Esc, the close button and 取消 ask first when the form holds something not saved.
  const closeForm = () => confirmLeave(() => setForm(null));

  // A form that was open when the window locked or reloaded opens again as it was.
  const reopenDraft = (d: StoredDraft) =>
    void (async () => {
      if (d.kind === 'detainee_request') return setForm({ mode: 'request', key: Date.now() });
      if (d.recordId) {
        const record = await getConsultation(db, session.vault, session.actor, d.recordId);
        if (!record) {
          await deleteDraft(db, session.actor, d.id);
          void message.warning('草稿所修改的登记已被删除，草稿已丢弃');
          return;
        }
        // Saved against the revision it started from: a change made meanwhile is reported, not overwritten.
        return setForm({ mode: 'edit', record: typeof d.context.rev === 'number' ? { ...record, rev: d.context.rev } : record, key: Date.now() });
      }
      const answering = typeof d.context.answering === 'string' ? await getConsultation(db, session.vault, session.actor, d.context.answering) : undefined;
      setForm({ mode: 'new', ...(answering ? { answering } : {}), key: Date.now() });
    })();
  useReopenDraft(DRAFT_KINDS, reopenDraft);
  // #/consultations?answer=<id>: the shift page's 接待 starts the lawyer's contact from a
  // detainee's request at once, filled with the person and the case.
  const answerId = params.get('answer');
  useEffect(() => {
    if (!answerId) return;
    let live = true;
    void getConsultation(db, session.vault, session.actor, answerId)
      .then((request) => {
        if (!live) return;
        // Once: the link is spent, and a request met meanwhile is not answered twice.
        navigate('consultations');
        if (request && !request.answeredAt) setForm({ mode: 'new', answering: request, key: Date.now() });
        else void message.warning('这条约见申请已有值班律师接待');
      })
      .catch(() => live && void message.error('找不到这条申请，可能已被删除'));
    return () => {
      live = false;
    };
  }, [answerId, session.vault, session.actor, message]);

  const debouncedText = useDebounced(text, 150);
  const query = useMemo<ConsultationQuery>(() => {
    const q: ConsultationQuery = { ...filters };
    if (debouncedText.trim()) q.text = debouncedText.trim();
    if (range?.[0]) q.from = range[0].format('YYYY-MM-DD');
    if (range?.[1]) q.to = range[1].format('YYYY-MM-DD');
    return q;
  }, [filters, debouncedText, range]);
  const list = useConsultationList(session.vault, session.actor, query);
  const filtersShown = useShownAfter(list.total !== null);
  // Shift filter: the shifts of the last 30 days, newest first, named by lawyer and time.
  const recentShifts = useLiveQuery(
    () => shiftsBetween(db, session.vault, dayjs().subtract(30, 'day').format('YYYY-MM-DD'), dayjs().format('YYYY-MM-DD')),
    [session.vault],
    [],
  );
  const shiftOptions = (recentShifts ?? []).map((sh) => ({
    value: sh.id,
    label: `${lawyerNames.get(sh.lawyerId) ?? '（已移出名册）'} ${dayjs(sh.startedAt).format('MM-DD HH:mm')}–${sh.endedAt ? dayjs(sh.endedAt).format('HH:mm') : '值班中'}`,
  }));
  const mayLogRequest = can(session.actor.role, 'detainee_request.create');
  const mayDeleteAny = can(session.actor.role, 'consultation.delete_any');
  // Detention-centre staff mostly log requests: that button comes first for them.
  const staffFirst = session.actor.role === 'staff';
  const pendingCount = useLiveQuery(
    async () => (await queryConsultations(db, session.vault, session.actor, { pendingTransfer: true })).ids.length,
    [session.vault],
    0,
  );

  useEffect(() => {
    // Alt+N is heard by the shell, so a press made while this page was loading opens the form too.
    const take = () => {
      if (takeIntent('new-contact')) confirmLeave(() => setForm({ mode: 'new', key: Date.now() }));
    };
    take();
    return onIntent(take);
  }, [confirmLeave]);

  const setFilter = (key: keyof typeof filters) => (value: string | undefined) =>
    setFilters((f) => {
      const next = { ...f };
      if (value) (next as Record<string, unknown>)[key] = value;
      else delete (next as Record<string, unknown>)[key];
      return next;
    });
  const opts = (l: readonly { code: string; label: string }[]) => l.map((e) => ({ value: e.code, label: e.label }));
  const filterSelect = (key: keyof typeof filters, placeholder: string, options: { value: string; label: string }[]) => (
    <SearchSelect
      allowClear
      placeholder={placeholder}
      style={{ width: 150 }}
      value={filters[key] as string | undefined}
      onChange={setFilter(key)}
      options={options}
      aria-label={`筛选：${placeholder}`}
    />
  );

  return (
    <>
      {form === null && <DraftBanner kinds={DRAFT_KINDS} describe={describeDraft} onContinue={reopenDraft} />}
      <Tabs
        activeKey={tab}
        onChange={setTab}
        tabBarExtraContent={
          <Space>
            {mayLogRequest && (
              <Button type={staffFirst ? 'primary' : 'default'} icon={<PlusOutlined />} onClick={() => setForm({ mode: 'request', key: Date.now() })}>
                登记在押人员申请
              </Button>
            )}
            {can(session.actor.role, 'consultation.create') && (
              <Button type={staffFirst ? 'default' : 'primary'} icon={<PlusOutlined />} onClick={() => setForm({ mode: 'new', key: Date.now() })} title="Alt+N">
                新登记
              </Button>
            )}
          </Space>
        }
        items={[
          {
            key: 'list',
            label: '登记列表',
            children: (
              <Space orientation="vertical" style={{ width: '100%' }} size={12}>
                <Input.Search
                  allowClear
                  size="large"
                  placeholder="搜索姓名、证件号码、电话、案号或咨询内容"
                  value={text}
                  onChange={(e) => setText(e.target.value)}
                  aria-label="搜索登记"
                  autoComplete="off"
                  status={list.problem ? 'warning' : ''}
                />
                <Space wrap>
                  {filtersShown ? (
                    <>
                      <DatePicker.RangePicker value={range} onChange={(v) => setRange(v)} allowEmpty={[true, true]} aria-label="日期范围" />
                      {filterSelect(
                        'lawyerId',
                        '值班律师',
                        (lawyers ?? []).map((l) => ({ value: l.id, label: l.name })),
                      )}
                      {filterSelect('caseType', '案件类型', opts(enums.caseTypes))}
                      {filterSelect('helpType', '帮助类型', opts(enums.helpTypes))}
                      {filterSelect('specialGroup', '特殊群体', opts(enums.specialGroups))}
                      {filterSelect('outcome', '法律援助', opts(enums.legalAidOutcomes))}
                      {filterSelect('shiftId', '班次', shiftOptions)}
                    </>
                  ) : (
                    <FilterPlaceholders />
                  )}
                  <Typography.Text type="secondary" data-testid="result-count">
                    {list.total === null ? '正在查询…' : `共 ${list.total} 条`}
                    {list.problem ? `（${list.problem}）` : ''}
                  </Typography.Text>
                </Space>
                <ConsultationTable list={list} lawyerNames={lawyerNames} onOpen={setDetailId} />
              </Space>
            ),
          },
          {
            key: 'transfers',
            label: (
              <Badge count={pendingCount} size="small" offset={[8, -2]}>
                待转交申请
              </Badge>
            ),
            children: <TransferQueue onOpen={setDetailId} />,
          },
          ...(mayDeleteAny || can(session.actor.role, 'consultation.delete_own')
            ? [{ key: 'trash', label: '回收站', children: <TrashList type="consultations" /> }]
            : []),
        ]}
      />
      {/* The form puts the caret in its first field; the drawer's own focus on open would take it away again. */}
      <Drawer title="登记在押人员申请" open={form?.mode === 'request'} onClose={closeForm} size={720} destroyOnHidden maskClosable={false} autoFocus={false}>
        {form?.mode === 'request' && (
          <DetaineeRequestForm
            key={form.key}
            onCancel={closeForm}
            onSaved={(record) => {
              setForm(null);
              if (record.requestKind === 'legal_aid_application') setTab('transfers');
            }}
          />
        )}
      </Drawer>
      <Drawer
        title={form?.mode === 'edit' ? '修改登记' : '新登记'}
        open={form !== null && form.mode !== 'request'}
        onClose={closeForm}
        size={1100}
        destroyOnHidden
        maskClosable={false}
        autoFocus={form?.mode !== 'new'}
      >
        {form && form.mode !== 'request' && (
          <ConsultationForm
            key={form.key}
            editing={form.mode === 'edit' ? form.record : undefined}
            carry={form.mode === 'new' ? form.carry : undefined}
            answering={form.mode === 'new' ? form.answering : undefined}
            onCancel={closeForm}
            onOpenRecord={(id) => setDetailId(id)}
            onSaved={(record, next) => {
              if (next === 'new') setForm({ mode: 'new', key: Date.now(), carry: { lawyerId: record.lawyerId, shiftId: record.shiftId, place: record.place } });
              else {
                setForm(null);
                if (form.mode === 'edit') setDetailId(record.id);
              }
            }}
          />
        )}
      </Drawer>
      {/*
        Closed because a form took over (接待此申请, 编辑), the detail must not hand the focus back to
        the row it was opened from when its closing animation ends: that would take the caret out
        of the form's first field after the form had put it there.
      */}
      <Drawer
        title="登记详情"
        open={detailId !== null}
        onClose={() => setDetailId(null)}
        size={960}
        destroyOnHidden
        focusable={{ focusTriggerAfterClose: form === null }}
      >
        {detailId && (
          <ConsultationDetail
            key={detailId}
            id={detailId}
            lawyerNames={lawyerNames}
            onClosed={() => setDetailId(null)}
            onEdit={(record) => {
              setDetailId(null);
              setForm({ mode: 'edit', record, key: Date.now() });
            }}
            onAnswer={(request) => {
              setDetailId(null);
              setForm({ mode: 'new', answering: request, key: Date.now() });
            }}
          />
        )}
      </Drawer>
    </>
  );
}
