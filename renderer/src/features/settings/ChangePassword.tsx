import { useState } from 'react';
import { App, Button, Card, Form, Input } from 'antd';
import { db } from '../../db';
import { changePassword, passwordSchema } from '../../session/accounts';
import { sessionStore } from '../../session/sessionStore';
import { zodRule } from '../../ui/zodForm';

export function ChangePassword() {
  const [form] = Form.useForm<{ oldPassword: string; newPassword: string; confirm: string }>();
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  const save = async () => {
    let v: { oldPassword: string; newPassword: string };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const state = sessionStore.get();
    if (state.state !== 'unlocked') return;
    setSaving(true);
    try {
      await changePassword(db, state.session, v.oldPassword, v.newPassword);
      form.resetFields();
      message.success('密码已修改');
    } catch (err) {
      form.setFields([{ name: 'oldPassword', errors: [err instanceof Error ? err.message : String(err)] }]);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card title="修改我的密码" extra={<Button loading={saving} onClick={save}>修改密码</Button>}>
      <Form form={form} layout="inline" name="change-password">
        <Form.Item label="原密码" name="oldPassword" rules={[{ required: true, message: '请输入原密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item label="新密码" name="newPassword" rules={[zodRule(passwordSchema)]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label="确认新密码"
          name="confirm"
          dependencies={['newPassword']}
          rules={[({ getFieldValue }) => ({ validator: async (_, value) => { if (value !== getFieldValue('newPassword')) throw new Error('两次输入的密码不一致'); } })]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Card>
  );
}
