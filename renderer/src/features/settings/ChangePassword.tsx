import { App, Button, Card, Form, Input } from 'antd';
import { z } from 'zod';
import { db } from '../../db';
import { changePassword, passwordSchema } from '../../session/accounts';
import { sessionStore } from '../../session/sessionStore';
import { useSchemaForm } from '../../shared/useSchemaForm';
import { SubmitOnEnter } from '../../ui/SubmitOnEnter';
import { errorText } from '../../ui/errorText';

type Values = { oldPassword: string; newPassword: string; confirm: string };

const changeSchema = z
  .object({
    oldPassword: z.string({ error: '请输入原密码' }).min(1, '请输入原密码'),
    newPassword: passwordSchema,
    confirm: z.string().optional(),
  })
  .refine((v) => v.confirm === v.newPassword, { path: ['confirm'], message: '两次输入的密码不一致' });

export function ChangePassword() {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const pipeline = useSchemaForm(form, {
    check: (v: Values) => changeSchema.safeParse(v),
    save: async (v) => {
      const state = sessionStore.get();
      if (state.state !== 'unlocked') throw new Error('已锁定，请重新登录');
      await changePassword(db, state.session, v.oldPassword, v.newPassword);
      form.resetFields();
      message.success('密码已修改');
    },
    // The one failure a user can put right here is a wrong old password: shown at its field.
    describeFailure: (err) => ({ issues: [{ path: ['oldPassword'], message: errorText(err) }] }),
  });
  return (
    <Card
      title="修改我的密码"
      extra={
        <Button loading={pipeline.saving} onClick={() => void pipeline.submit()}>
          修改密码
        </Button>
      }
    >
      <Form form={form} layout="inline" name="change-password" onValuesChange={pipeline.changed} onFinish={() => void pipeline.submit()}>
        <Form.Item label="原密码" name="oldPassword" required>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item label="新密码" name="newPassword" required>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item label="确认新密码" name="confirm" required>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <SubmitOnEnter />
      </Form>
    </Card>
  );
}
