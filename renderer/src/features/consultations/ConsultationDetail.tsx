import { useEffect, useState, type ReactNode } from 'react';
import { Alert, App, Button, Descriptions, Popconfirm, Space, Tag, Timeline, Typography } from 'antd';
import { RecordDocuments } from '../../shared/RecordDocuments';
import dayjs from 'dayjs';
import { labelOf } from '../../../../core/domain/enums';
import { REQUEST_KINDS } from '../../../../core/consultations/schema';
import { isRequestOnly } from '../../../../core/consultations/detaineeRequest';
import { transferClockOf, transferDeadline, describeRemaining } from '../../../../core/consultations/transferDeadline';
import { db } from '../../db';
import type { AuditEntry } from '../../db/database';
import { canUndoTransfer, deleteConsultation, getConsultation, undeleteConsultation, undoTransfer, type StoredConsultation, type VisibleConsultation } from '../../db/consultations';
import { historyOf } from '../../db/repository';
import { useStation } from '../../state/StationContext';
import { useSession } from '../../session/SessionContext';
import { AssessmentPanel } from './AssessmentPanel';
import { FIELD_LABELS } from '../../shared/formValues';
import { can, mayMarkTransfer } from '../../../../core/access/permissions';
import { TransferDialog } from './TransferDialog';
import { useAsyncAction } from '../../ui/useAsyncAction';
import { errorText } from '../../ui/errorText';
import { lawRulesItems } from './lawRulesItems';

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
  const { message } = App.useApp();
  const [record, setRecord] = useState<VisibleConsultation | null>(null);
  const [history, setHistory] = useState<AuditEntry[]>([]);
  const [openedAt, setOpenedAt] = useState(() => Date.now());
  // Bumped after a transfer is marked or taken back here, to read the record again.
  const [version, setVersion] = useState(0);
  const [marking, setMarking] = useState(false);
  const [mayUndo, setMayUndo] = useState(false);
  const actor = { ...session.actor, ...(session.lawyerId ? { lawyerId: session.lawyerId } : {}) };

  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    Promise.all([getConsultation(db, session.vault, session.actor, id), historyOf(db, 'consultations', id)])
      .then(async ([r, h]) => {
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

  const undo = useAsyncAction(async (recordId: string, key: string) => {
    await undeleteConsultation(db, session.vault, recordId, session.actor);
    message.open({ key, type: 'success', content: '已撤销删除' });
  }, '撤销删除失败');
  const removal = useAsyncAction(async () => {
    if (!record) return;
    await deleteConsultation(db, session.vault, record.id, session.actor);
    const key = `undo-${record.id}`;
    message.open({
      key,
      type: 'success',
      duration: 8,
      content: (
        <span>
          已删除 {record.clientName} 的登记{' '}
          <Button size="small" type="link" onClick={() => void undo.run(record.id, key)}>
            撤销
          </Button>
        </span>
      ),
    });
    onClosed();
  }, '删除失败');

  if (problem) return <Alert type="error" showIcon title={problem} />;
  if (!record) return null;
  const own = record.ownerId === session.actor.id;
  const mayEdit = can(session.actor.role, own ? 'consultation.edit_own' : 'consultation.edit_any');
  // A request no lawyer has handled yet: the duty lawyer logs his contact from it.
  const mayAnswer = Boolean(onAnswer) && !record.deleted && isRequestOnly(record) && can(session.actor.role, 'detainee_request.answer');
  const mayDelete = can(session.actor.role, own ? 'consultation.delete_own' : 'consultation.delete_any');
  const label = (list: Parameters<typeof labelOf>[0], code?: string) => (code ? labelOf(list, code) : '—');
  const list = (l: Parameters<typeof labelOf>[0], codes: string[]) => (codes.length ? codes.map((c) => labelOf(l, c)).join('、') : '—');
  // The request view (core/access/recordViews.ts): what it leaves out reads 无权查看, never as empty.
  const withheld = record.withheld === true;
  const shown = (content: ReactNode) => (withheld ? <Typography.Text type="secondary">无权查看</Typography.Text> : content);

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
          <Popconfirm title="删除这条登记？" description="删除后可在提示中撤销；记录会保留删除痕迹。" okText="删除" cancelText="取消" onConfirm={() => removal.run()}>
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
      <Descriptions bordered size="small" column={2} styles={{ label: { width: 104, whiteSpace: "nowrap" }, content: { wordBreak: "break-all" } }}>
        <Descriptions.Item label="接待时间">{dayjs(record.time).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>
        <Descriptions.Item label="值班律师">{(record.lawyerId && lawyerNames.get(record.lawyerId)) || '—'}</Descriptions.Item>
        <Descriptions.Item label="接待地点">{label(enums.consultationPlaces, record.place)}</Descriptions.Item>
        <Descriptions.Item label="来访人身份">{label(enums.clientRoles, record.clientRole)}</Descriptions.Item>
        <Descriptions.Item label="姓名">
          <span data-testid="detail-name">{record.clientName}</span>
        </Descriptions.Item>
        <Descriptions.Item label="证件">
          {label(enums.idTypes, record.idType)} {record.idNumber ?? ''}
        </Descriptions.Item>
        <Descriptions.Item label="性别">{label(enums.genders, record.gender)}</Descriptions.Item>
        <Descriptions.Item label="出生日期">{record.birthDate ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="民族">{label(enums.ethnicGroups, record.ethnicity)}</Descriptions.Item>
        <Descriptions.Item label="联系电话">{shown(record.phone ?? '—')}</Descriptions.Item>
        <Descriptions.Item label="住址" span={2}>
          {shown(record.address ?? '—')}
        </Descriptions.Item>
        <Descriptions.Item label="特殊群体" span={2}>
          {shown(record.specialGroups.length ? record.specialGroups.map((g) => <Tag key={g}>{labelOf(enums.specialGroups, g)}</Tag>) : '—')}
        </Descriptions.Item>
        <Descriptions.Item label="案件类型">{label(enums.caseTypes, record.caseType)}</Descriptions.Item>
        <Descriptions.Item label="诉讼阶段">{label(enums.criminalStages, record.criminalStage)}</Descriptions.Item>
        <Descriptions.Item label="案号">{record.caseNumber ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="案由/罪名">{record.cause ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="帮助类型" span={2}>
          {shown(list(enums.helpTypes, record.helpTypes))}
        </Descriptions.Item>
        <Descriptions.Item label="咨询事项" span={2}>
          {shown(<Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{record.question}</Typography.Paragraph>)}
        </Descriptions.Item>
        <Descriptions.Item label="解答意见" span={2}>
          {shown(<Typography.Paragraph data-testid="detail-advice" style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{record.advice ?? '—'}</Typography.Paragraph>)}
        </Descriptions.Item>
        <Descriptions.Item label="接待时长">{shown(record.durationMinutes ? `${record.durationMinutes} 分钟` : '—')}</Descriptions.Item>
        <Descriptions.Item label="跟进">{shown(record.followUpNeeded ? record.followUpNote : '无需跟进')}</Descriptions.Item>
        <Descriptions.Item label="法律援助">{label(enums.legalAidOutcomes, record.legalAidOutcome)}</Descriptions.Item>
        <Descriptions.Item label="理由">{shown(record.refusalReason ?? '—')}</Descriptions.Item>
        {!withheld && lawRulesItems(record, enums)}
        {record.requestKind && (
          <Descriptions.Item label="在押人员申请" span={2}>
            {labelOf(REQUEST_KINDS, record.requestKind ?? '')}，收到于 {dayjs(record.receivedAt).format('YYYY-MM-DD HH:mm')}
          </Descriptions.Item>
        )}
      </Descriptions>
      <div>
        <Typography.Title level={5}>修改记录</Typography.Title>
        <Timeline
          data-testid="history"
          items={history.map((h) => ({
            color: h.action === 'delete' ? 'red' : h.action === 'create' ? 'green' : 'blue',
            content: (
              <span>
                {dayjs(h.at).format('YYYY-MM-DD HH:mm:ss')} {h.actorName} {ACTIONS[h.action]}（第 {h.rev} 版）
                {h.action === 'update' && `：${h.fields.map((f) => FIELD_LABELS[f] ?? f).join('、')}`}
              </span>
            ),
          }))}
        />
      </div>
    </Space>
  );
}
