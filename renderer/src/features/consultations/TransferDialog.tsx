import { App, Form, Input, Modal, Typography } from 'antd';
import dayjs from 'dayjs';
import { TRANSFER_MARK_LIMITS, transferMarkSchema, type TransferMark } from '../../../../core/consultations/transferMark';
import { transferClockOf, transferDeadline } from '../../../../core/consultations/transferDeadline';
import { toRfc3339 } from '../../../../core/time/rfc3339';
import { db } from '../../db';
import { markTransferred, undoTransfer, type StoredConsultation } from '../../db/consultations';
import { useSession } from '../../session/SessionContext';
import { useSchemaForm } from '../../shared/useSchemaForm';
import { SubmitOnEnter } from '../../ui/SubmitOnEnter';
import { errorText } from '../../ui/errorText';
import { showUndoNotice } from '../../ui/undoNotice';

/** The last agency a station handed applications to: most stations send all to one centre. */
const LAST_RECIPIENT = 'station.transferRecipient';

/**
 * 标记已转交 (法律援助法 第三十九条): asks to whom the application was handed (the agency and
 * the person who took it), records it with the time and the account, and offers to take it
 * back at once (its author may also do so later in his shift, from the record).
 */
export function TransferDialog({ record, onClose, onDone }: { record: StoredConsultation | null; onClose(): void; onDone?(record: StoredConsultation): void }) {
  const session = useSession();
  const { notification } = App.useApp();
  const [form] = Form.useForm<TransferMark>();
  const clock = record ? transferClockOf(record) : undefined;

  const pipeline = useSchemaForm(form, {
    check: (v: TransferMark) => transferMarkSchema.safeParse(v),
    save: async (values) => {
      if (!record) return;
      const at = toRfc3339(new Date());
      const saved = await markTransferred(db, session.vault, record.id, values, session.actor, at);
      localStorage.setItem(LAST_RECIPIENT, saved.transferRecipient ?? '');
      const late = clock && transferDeadline(clock.receivedAt, 0, at).overdue;
      const key = `transfer-${record.id}`;
      showUndoNotice(notification, {
        key,
        type: late ? 'warning' : 'success',
        title: `已记录 ${record.clientName} 的申请已转交${late ? '（超过 24 小时）' : ''}`,
        undo: async () =>
          void (await undoTransfer(db, session.vault, record.id, { ...session.actor, ...(session.lawyerId ? { lawyerId: session.lawyerId } : {}) })),
        undone: '已撤销转交',
      });
      onDone?.(saved);
      onClose();
    },
    describeFailure: (err) => `标记转交失败：${errorText(err)}`,
  });

  return (
    <Modal
      title="标记已转交"
      open={record !== null}
      onCancel={onClose}
      onOk={() => void pipeline.submit()}
      okText="确认转交"
      cancelText="取消"
      confirmLoading={pipeline.saving}
      destroyOnHidden
    >
      {record && clock && (
        <Typography.Paragraph type="secondary">
          {record.clientName} 的法律援助申请，{dayjs(clock.receivedAt).format('MM-DD HH:mm')} 收到，应于{' '}
          {dayjs(transferDeadline(clock.receivedAt, 0).dueAt).format('MM-DD HH:mm')} 前转交法律援助机构（法律援助法第三十九条）。转交时间记为现在。
        </Typography.Paragraph>
      )}
      {/* Filled as the form mounts, never after: a value set once the dialog has opened would wipe what the user began to type. */}
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ transferRecipient: localStorage.getItem(LAST_RECIPIENT) ?? '', transferReceiver: '' }}
        onValuesChange={pipeline.changed}
        onFinish={() => void pipeline.submit()}
      >
        <Form.Item label="接收机构" name="transferRecipient" required>
          <Input autoFocus maxLength={TRANSFER_MARK_LIMITS.recipient * 2} placeholder="如：沈阳市和平区法律援助中心" />
        </Form.Item>
        <Form.Item label="接收人" name="transferReceiver" required>
          <Input maxLength={TRANSFER_MARK_LIMITS.receiver * 2} placeholder="接收申请的工作人员姓名" />
        </Form.Item>
        <SubmitOnEnter />
      </Form>
    </Modal>
  );
}
