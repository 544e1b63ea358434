import { useState } from 'react';
import { App, Button, List, Space, Typography } from 'antd';
import { GrowingTextArea } from '../../ui/GrowingTextArea';
import dayjs from 'dayjs';
import { ZodError } from 'zod';
import { SHIFT_ANNOTATION_MAX } from '../../../../core/shifts/schema';
import { can } from '../../../../core/access/permissions';
import { db } from '../../db';
import { annotateShift, type StoredShift } from '../../db/shifts';
import { useSession } from '../../session/SessionContext';
import { errorText } from '../../ui/errorText';

/**
 * 补充说明 beside a frozen shift log (issue 20 item 5): its figures are what the lawyer
 * signed off and never change; a correction is written here, with its author and time.
 */
export function ShiftAnnotations({ shift }: { shift: StoredShift }) {
  const session = useSession();
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const mayWrite = can(session.actor.role, 'shift.sign') && (session.actor.role === 'supervisor' || session.lawyerId === shift.lawyerId);
  const notes = shift.annotations ?? [];
  const add = async () => {
    setSaving(true);
    try {
      await annotateShift(db, session.vault, shift.id, text, { ...session.actor, ...(session.lawyerId ? { lawyerId: session.lawyerId } : {}) });
      setText('');
      setProblem(null);
      message.success('已添加说明');
    } catch (err) {
      if (err instanceof ZodError) setProblem(err.issues[0]?.message ?? '说明无效');
      else message.error(`添加说明失败：${errorText(err)}`);
    } finally {
      setSaving(false);
    }
  };
  if (notes.length === 0 && !mayWrite) return null;
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }} data-testid="shift-annotations">
      <Typography.Text strong>补充说明</Typography.Text>
      <Typography.Text type="secondary">值班日志的数字以签退时为准，不能修改；发现遗漏或错误，请在此说明。</Typography.Text>
      {notes.length > 0 && (
        <List
          size="small"
          bordered
          dataSource={notes}
          renderItem={(n) => (
            <List.Item>
              <Space orientation="vertical" size={0}>
                <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{n.text}</Typography.Text>
                <Typography.Text type="secondary">
                  {n.byName} · {dayjs(n.at).format('YYYY-MM-DD HH:mm')}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
      {mayWrite && (
        <>
          <GrowingTextArea
            aria-label="补充说明"
            value={text}
            status={problem ? 'error' : ''}
            onChange={(e) => {
              setText(e.target.value);
              setProblem(null);
            }}
            minRows={2}
            maxRows={6}
            maxLength={SHIFT_ANNOTATION_MAX}
            showCount
          />
          {problem && <Typography.Text type="danger">{problem}</Typography.Text>}
          <Button onClick={() => void add()} loading={saving} disabled={saving}>
            添加说明
          </Button>
        </>
      )}
    </Space>
  );
}
