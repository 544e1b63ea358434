import { useState } from 'react';
import { App, Button, DatePicker, Descriptions, Modal, Popconfirm, Space, Tag, Typography } from 'antd';
import { FileAddOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useLiveQuery } from 'dexie-react-hooks';
import { isPaymentOverdue, PARTY_ROLES, PAYMENT_METHODS } from '../../../../core/mediations/schema';
import { calendarDayOf } from '../../../../core/domain/calendar';
import { labelOf } from '../../../../core/domain/enums';
import { mediationAgreementRefusal } from '../../../../core/documents/templates/mediationAgreement';
import { db } from '../../db';
import { deleteMediation, getMediation, markMediationPaid, undeleteMediation, type StoredMediation } from '../../db/mediations';
import { showUndoNotice } from '../../ui/undoNotice';
import { loadConsultations } from '../../db/consultations';
import { queryDocuments } from '../../db/documents';
import { useStation } from '../../state/StationContext';
import { useSession } from '../../session/SessionContext';
import { navigate } from '../../state/router';
import { yuanText } from './money';
import { judicialConfirmationApplies } from '../../../../core/documents/templates/judicialConfirmationApplication';
import { useAsyncAction } from '../../ui/useAsyncAction';

/** One mediation: its facts, the payment follow-up, and the 调解协议书 drafted from it. */
export function MediationDetail({
  id,
  nameOf,
  onEdit,
  onClosed,
}: {
  id: string;
  nameOf(id: string): string;
  onEdit(m: StoredMediation): void;
  onClosed(): void;
}) {
  const { enums } = useStation();
  const session = useSession();
  const { message, notification } = App.useApp();
  const m = useLiveQuery(() => getMediation(db, session.vault, session.actor, id), [id, session.vault]);
  const contacts = useLiveQuery(async () => (m ? loadConsultations(db, session.vault, session.actor, m.consultationIds) : []), [m, session.vault], []);
  const docs = useLiveQuery(() => queryDocuments(db, session.vault, session.actor, { sourceId: id }), [id, session.vault], []);
  const [paying, setPaying] = useState<Dayjs | null>(null);
  const removal = useAsyncAction(async () => {
    if (!m) return;
    await deleteMediation(db, session.vault, m.id, session.actor);
    showUndoNotice(notification, {
      key: `undo-${m.id}`,
      title: `已删除调解记录（${m.cause ?? m.parties.map((p) => p.name).join('、')}），可在回收站找回`,
      undo: async () => void (await undeleteMediation(db, session.vault, m.id, session.actor)),
      undone: '已撤销删除',
    });
    onClosed();
  }, '删除失败');
  if (!m) return null;
  const overdue = isPaymentOverdue(m, calendarDayOf(new Date()));
  const noAgreement = mediationAgreementRefusal(m.type);

  const markPaid = async () => {
    if (!paying) return;
    try {
      await markMediationPaid(db, session.vault, enums, m.id, paying.format('YYYY-MM-DD'), session.actor);
      message.success('已记录履行');
      setPaying(null);
    } catch (err) {
      message.error(err instanceof Error && 'issues' in err ? '实际履行日期不能早于调解日期' : err instanceof Error ? err.message : '保存失败');
    }
  };

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="mediation-detail">
      {m.deleted && <Tag color="red">已删除</Tag>}
      <Descriptions bordered size="small" column={2}>
        <Descriptions.Item label="调解类型">{labelOf(enums.mediationTypes, m.type)}</Descriptions.Item>
        <Descriptions.Item label="日期">{m.date}</Descriptions.Item>
        <Descriptions.Item label="案号">{m.caseNumber || '—'}</Descriptions.Item>
        <Descriptions.Item label="案由">{m.cause}</Descriptions.Item>
        <Descriptions.Item label="地点" span={2}>
          {m.place}
        </Descriptions.Item>
        <Descriptions.Item label="当事人" span={2}>
          {m.parties.map((p, i) => (
            <div key={i}>
              {labelOf(PARTY_ROLES, p.role)}：{p.name}
              {p.phone ? `\u3000电话 ${p.phone}` : ''}
              {p.representative ? `（代理人：${p.representative}）` : ''}
            </div>
          ))}
        </Descriptions.Item>
        <Descriptions.Item label="值班律师" span={2}>
          {m.lawyerIds.map(nameOf).join('、')}
        </Descriptions.Item>
        <Descriptions.Item label="调解结果">{labelOf(enums.mediationOutcomes, m.outcome)}</Descriptions.Item>
        <Descriptions.Item label="转为法律援助案件">{m.becameLegalAidCase ? '是' : '否'}</Descriptions.Item>
        {m.terms && (
          <Descriptions.Item label="协议内容" span={2}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{m.terms}</Typography.Paragraph>
          </Descriptions.Item>
        )}
        <Descriptions.Item label="协议金额">{yuanText(m.amountAgreed, '元')}</Descriptions.Item>
        <Descriptions.Item label="挽回经济损失">{yuanText(m.amountRecovered, '元')}</Descriptions.Item>
        <Descriptions.Item label="履行方式">{m.paymentMethod ? labelOf(PAYMENT_METHODS, m.paymentMethod) : '—'}</Descriptions.Item>
        <Descriptions.Item label="履行期限">
          {m.paymentDeadline ?? '—'} {overdue && <Tag color="red">逾期未履行</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label="实际履行">{m.paidAt ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="来自登记">
          {(contacts ?? []).length === 0
            ? '—'
            : contacts!.map((c) => (
                <Typography.Link key={c.id} onClick={() => navigate('consultations', { open: c.id })} style={{ marginRight: 8 }}>
                  {c.clientName}
                </Typography.Link>
              ))}
        </Descriptions.Item>
        {m.note && (
          <Descriptions.Item label="备注" span={2}>
            {m.note}
          </Descriptions.Item>
        )}
      </Descriptions>
      {!m.deleted && (
        <Space wrap>
          {noAgreement ? (
            <Typography.Text type="secondary">{noAgreement}</Typography.Text>
          ) : (
            <Button type="primary" icon={<FileAddOutlined />} onClick={() => navigate('documents', { draft: 'mediation_agreement', mediation: m.id })}>
              起草调解协议书
            </Button>
          )}
          {judicialConfirmationApplies(m) && (
            <Button icon={<FileAddOutlined />} onClick={() => navigate('documents', { draft: 'judicial_confirmation_application', mediation: m.id })}>
              起草司法确认申请书
            </Button>
          )}
          {m.outcome !== 'no_agreement' && m.amountAgreed && !m.paidAt && <Button onClick={() => setPaying(dayjs())}>记录已履行</Button>}
          <Button onClick={() => onEdit(m)}>修改</Button>
          <Popconfirm
            title="删除这条调解记录？"
            description="记录会保留删除痕迹，并在下一批次中报送删除。"
            okText="删除"
            cancelText="取消"
            onConfirm={() => removal.run()}
          >
            <Button danger loading={removal.busy}>
              删除
            </Button>
          </Popconfirm>
        </Space>
      )}
      {(docs ?? []).length > 0 && (
        <Space orientation="vertical" size={2}>
          <Typography.Text strong>相关文书</Typography.Text>
          {docs!.map((d) => (
            <Typography.Link key={d.id} onClick={() => navigate('documents', { open: d.id })}>
              {d.title} · {d.number}
            </Typography.Link>
          ))}
        </Space>
      )}
      <Modal
        open={paying !== null}
        title="记录已履行"
        okText="保存"
        cancelText="取消"
        onOk={() => void markPaid()}
        onCancel={() => setPaying(null)}
        destroyOnHidden
      >
        <Space>
          <span>实际履行日期</span>
          <DatePicker value={paying} onChange={setPaying} allowClear={false} aria-label="实际履行日期" />
        </Space>
      </Modal>
    </Space>
  );
}
