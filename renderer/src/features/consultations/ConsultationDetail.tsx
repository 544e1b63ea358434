import { useEffect, useState } from 'react';
import { Alert, App, Button, Descriptions, Popconfirm, Space, Tag, Timeline, Typography } from 'antd';
import { RecordDocuments } from '../../shared/RecordDocuments';
import dayjs from 'dayjs';
import { isRequestOnly } from '../../../../core/consultations/detaineeRequest';
import { transferClockOf, transferDeadline, describeRemaining } from '../../../../core/consultations/transferDeadline';
import { db } from '../../db';
import type { AuditEntry } from '../../db/database';
import {
  canUndoTransfer,
  consultationStore,
  deleteConsultation,
  getConsultation,
  undeleteConsultation,
  undoTransfer,
  type StoredConsultation,
  type VisibleConsultation,
} from '../../db/consultations';
import { historyWithValues, type HistoryEntry } from '../../db/history';
import { HistoryChanges } from './HistoryChanges';
import { REQUEST_VIEW_FIELDS } from '../../../../core/access/recordViews';
import { useStation } from '../../state/StationContext';
import { useSession } from '../../session/SessionContext';
import { AssessmentPanel } from './AssessmentPanel';
import { FIELD_LABELS } from '../../shared/formValues';
import { can, mayMarkTransfer } from '../../../../core/access/permissions';
import { TransferDialog } from './TransferDialog';
import { useAsyncAction } from '../../ui/useAsyncAction';
import { errorText } from '../../ui/errorText';
import { detailRows } from './detailRows';
import { showUndoNotice } from '../../ui/undoNotice';

const ACTIONS: Partial<Record<AuditEntry['action'], string>> = { create: '登记', update: '修改', delete: '删除', restore: '恢复', print: '打印' };

/** One record, its flags and its edit history (from the audit trail). */
export function ConsultationDetail({
  id,
  lawyerNames,
  onEdit,
  onClosed,
  onAnswer,
}: {
  id: string;
  lawyerNames: Map<string, string>;
  onEdit(record: StoredConsultation): void;
  onClosed(): void;
  /** A lawyer starts his contact from a detainee's request. */
  onAnswer?(record: StoredConsultation): void;
}) {
  const { enums } = useStation();
  const session = useSession();
  const { message, notification } = App.useApp();
  const [record, setRecord] = useState<VisibleConsultation | null>(null);
  const [history, setHistory] = useState<HistoryEntry[]>([]);
  const [openedAt, setOpenedAt] = useState(() => Date.now());
  // Bumped after a transfer is marked or taken back here, to read the record again.
  const [version, setVersion] = useState(0);
  const [marking, setMarking] = useState(false);
  const [mayUndo, setMayUndo] = useState(false);
  const actor = { ...session.actor, ...(session.lawyerId ? { lawyerId: session.lawyerId } : {}) };

  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    getConsultation(db, session.vault, session.actor, id)
      .then(async (r) => {
        // A reader of the request view sees the old and new values of its fields only.
        const kept = new Set<string>(REQUEST_VIEW_FIELDS);
        const h = await historyWithValues(consultationStore(db, session.vault), id, r?.withheld ? (field) => kept.has(field) : undefined);
        const undoable = r ? await canUndoTransfer(db, r, actor) : false;
        if (!live) return;
        setRecord(r ?? null);
        setHistory(h);
        setMayUndo(undoable);
        setOpenedAt(Date.now());
        if (!r) setProblem('找不到这条登记，可能已被删除');
      })
      .catch((err: unknown) => live && setProblem(`无法打开这条登记：${errorText(err)}`));
    return () => {
      live = false;
    };
    // The actor is the session's; it changes only with the session.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, session.vault, version]);

  const removal = useAsyncAction(async () => {
    if (!record) return;
    await deleteConsultation(db, session.vault, record.id, session.actor);
    showUndoNotice(notification, {
      key: `undo-${record.id}`,
      title: `已删除 ${record.clientName} 的登记，可在回收站找回`,
      undo: async () => void (await undeleteConsultation(db, session.vault, record.id, session.actor)),
      undone: '已撤销删除',
    });
    onClosed();
  }, '删除失败');

  if (problem) return <Alert type="error" showIcon title={problem} />;
  if (!record) return null;
  const own = record.ownerId === session.actor.id;
  const mayEdit = can(session.actor.role, own ? 'consultation.edit_own' : 'consultation.edit_any');
  // A request no lawyer has handled yet: the duty lawyer logs his contact from it.
  const mayAnswer = Boolean(onAnswer) && !record.deleted && isRequestOnly(record) && !record.answeredAt && can(session.actor.role, 'detainee_request.answer');
  const mayDelete = can(session.actor.role, own ? 'consultation.delete_own' : 'consultation.delete_any');
  // The request view (core/access/recordViews.ts): what it leaves out reads 无权查看, never as empty.
  const withheld = record.withheld === true;

  const clock = transferClockOf(record);
  const deadline = clock ? transferDeadline(clock.receivedAt, openedAt, clock.transferredAt) : null;
  const markedBy = [...history].reverse().find((h) => h.action === 'update' && h.fields.includes('transferredBy'))?.actorName;
  const takeBack = async () => {
    try {
      await undoTransfer(db, session.vault, record.id, actor);
      message.success('已撤销转交，申请回到待转交');
    } catch (err) {
      message.error(err instanceof Error ? err.message : '撤销失败');
    }
    setVersion((v) => v + 1);
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={16} data-testid="consultation-detail">
      <Space>
        {mayAnswer && (
          <Button type="primary" onClick={() => onAnswer?.(record)}>
            接待此申请
          </Button>
        )}
        {!record.deleted && mayMarkTransfer(session.actor, record) && (
          <Button type="primary" onClick={() => setMarking(true)}>
            标记已转交
          </Button>
        )}
        {!record.deleted && mayUndo && (
          <Popconfirm title="撤销这次转交登记？" description="申请将回到待转交，转交期限照旧计算。" okText="撤销转交" cancelText="取消" onConfirm={takeBack}>
            <Button>撤销转交</Button>
          </Popconfirm>
        )}
        {mayEdit && (
          <Button type={mayAnswer ? 'default' : 'primary'} onClick={() => onEdit(record)}>
            编辑
          </Button>
        )}
        {mayDelete && (
          <Popconfirm
            title="删除这条登记？"
            description="删除后可在提示中撤销，或在回收站找回；记录会保留删除痕迹。"
            okText="删除"
            cancelText="取消"
            onConfirm={() => removal.run()}
          >
            <Button danger loading={removal.busy}>
              删除
            </Button>
          </Popconfirm>
        )}
        <Typography.Text type="secondary">第 {record.rev} 版</Typography.Text>
      </Space>
      {withheld && (
        <Alert
          type="info"
          showIcon
          data-testid="withheld-notice"
          title="只显示申请人身份和申请、转交情况"
          description="咨询事项、解答意见等由值班律师记录的内容，看守所工作人员无权查看。"
        />
      )}
      {!record.deleted && <RecordDocuments consultationId={record.id} />}
      {!withheld && <AssessmentPanel draft={record} />}
      {deadline && (
        <Alert
          type={deadline.transferred ? (deadline.overdue ? 'warning' : 'success') : deadline.overdue ? 'error' : 'info'}
          showIcon
          title={
            deadline.transferred
              ? `已于 ${dayjs(record.transferredAt).format('YYYY-MM-DD HH:mm')} 转交${record.transferRecipient ?? ''}${deadline.overdue ? '（超过 24 小时）' : '（24 小时内）'}`
              : `应于 ${dayjs(deadline.dueAt).format('YYYY-MM-DD HH:mm')} 前转交：${describeRemaining(deadline.remainingMs)}`
          }
          description={
            deadline.transferred && (record.transferReceiver || markedBy)
              ? [record.transferReceiver && `接收人：${record.transferReceiver}`, markedBy && `登记人：${markedBy}`].filter(Boolean).join('　')
              : undefined
          }
        />
      )}
      <TransferDialog record={marking ? record : null} onClose={() => setMarking(false)} onDone={() => setVersion((v) => v + 1)} />
      <Descriptions bordered size="small" column={2} styles={{ label: { width: 104, whiteSpace: 'nowrap' }, content: { wordBreak: 'break-all' } }}>
        {detailRows(record, enums, (record.lawyerId && lawyerNames.get(record.lawyerId)) || '').map((row) => (
          <Descriptions.Item key={row.key} label={row.label} span={row.span ?? 1}>
            {row.withheld ? (
              <Typography.Text type="secondary">无权查看</Typography.Text>
            ) : row.tags ? (
              row.tags.map((t) => <Tag key={t}>{t}</Tag>)
            ) : row.prose ? (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{row.text}</Typography.Paragraph>
            ) : row.key === 'clientName' ? (
              <span data-testid="detail-name">{row.text}</span>
            ) : (
              row.text
            )}
          </Descriptions.Item>
        ))}
      </Descriptions>
      <div>
        <Typography.Title level={5}>修改记录</Typography.Title>
        <Timeline
          data-testid="history"
          items={history.map((h) => ({
            color: h.action === 'delete' ? 'red' : h.action === 'create' ? 'green' : 'blue',
            content: (
              <div>
                {dayjs(h.at).format('YYYY-MM-DD HH:mm:ss')} {h.actorName} {ACTIONS[h.action]}（第 {h.rev} 版）
                {h.action === 'update' && !h.changes && `：${h.fields.map((f) => FIELD_LABELS[f] ?? f).join('、')}`}
                {h.changes && <HistoryChanges changes={h.changes} />}
              </div>
            ),
          }))}
        />
      </div>
    </Space>
  );
}
