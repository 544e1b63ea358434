import { useState } from 'react';
import { App, Input, Modal, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReceiptOutcome } from '../../../../core/api/contract';
import { SUITE_LABELS } from '../../../../core/batch/formatV2';
import { db } from '../../db';
import { confirmReceiptKey } from '../../db/delivery';
import { useSession } from '../../session/SessionContext';
import { errorText } from '../../ui/errorText';

export type PendingReceipt = Extract<ReceiptOutcome, { outcome: 'confirm' }>;

/**
 * The first receipt signed by a centre key this station has not met: the key's fingerprint
 * is read back to the centre by phone (as a centre's encryption key is when it is
 * registered), and the supervisor names the centre. Only then is the key pinned.
 */
export function ReceiptKeyDialog({ pending, onClose }: { pending: PendingReceipt | null; onClose(taken: ReceiptOutcome | null): void }) {
  const session = useSession();
  const { message } = App.useApp();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [shownFor, setShownFor] = useState<string | null>(null);
  // A new receipt starts from the name main suggests (the one registered centre, if only one).
  if (pending && shownFor !== pending.token) {
    setShownFor(pending.token);
    setName(pending.suggestedName);
  }

  const confirm = async () => {
    if (!pending) return;
    if (!name.trim()) {
      message.error('请填写接收中心名称');
      return;
    }
    setBusy(true);
    try {
      onClose(await confirmReceiptKey(db, window.station.delivery, session.actor, pending, name.trim(), pending.fingerprint));
    } catch (err) {
      message.error(`未确认：${errorText(err)}`);
      onClose(null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={pending !== null}
      title={pending ? `核对批次第 ${pending.sequence} 号回执的签名` : ''}
      width={600}
      okText="指纹一致，确认"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => void confirm()}
      onCancel={() => onClose(null)}
      destroyOnHidden
    >
      {pending && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text>
            这份回执由本站尚未登记的接收中心签名公钥签发（中心接收于 {dayjs(pending.receivedAt).format('YYYY-MM-DD HH:mm')}
            ）。请打电话给接收中心，逐组核对下面的签名公钥指纹，一致后再确认。确认后，该中心此后的回执将直接采用。
          </Typography.Text>
          <Typography.Text>算法套件：{SUITE_LABELS[pending.suite]}</Typography.Text>
          <Typography.Text strong style={{ fontFamily: 'monospace' }} aria-label="回执签名公钥指纹">
            {pending.fingerprint}
          </Typography.Text>
          <label>
            <Typography.Text>接收中心名称</Typography.Text>
            <Input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} aria-label="接收中心名称" onPressEnter={() => void confirm()} />
          </label>
        </Space>
      )}
    </Modal>
  );
}
