import { useState } from 'react';
import { App, Button, Card, Form, Input, Modal, Space, Switch, Table, Tag } from 'antd';
import { z } from 'zod';
import { PlusOutlined } from '@ant-design/icons';
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../db';
import type { AccountRecord, Role } from '../../db/database';
import { listLawyers } from '../../db/lawyers';
import {
  accountInputSchema,
  addAccount,
  changeRole,
  listAccounts,
  passwordSchema,
  resetPassword,
  setAccountDisabled,
  type AccountInput,
} from '../../session/accounts';
import { ROLE_LABELS } from '../../../../core/access/permissions';
import { sessionStore } from '../../session/sessionStore';
import { useSession } from '../../session/SessionContext';
import { SearchSelect } from '../../ui/SearchSelect';
import { SubmitOnEnter } from '../../ui/SubmitOnEnter';
import { useSchemaForm } from '../../shared/useSchemaForm';
import { useAsyncAction } from '../../ui/useAsyncAction';
import { errorText } from '../../ui/errorText';

type NewAccount = AccountInput & { password: string };

const newAccountSchema = accountInputSchema.extend({ password: passwordSchema });
const resetSchema = z.object({ password: passwordSchema });

/** Only the signed-in session may add accounts or reset passwords: its data key wraps theirs. */
function unlockedSession() {
  const state = sessionStore.get();
  if (state.state !== 'unlocked') throw new Error('已锁定，请重新登录');
  return state.session;
}

/** Supervisors manage who may sign in, and as what. */
export function AccountsEditor() {
  const session = useSession();
  const accounts = useLiveQuery(() => listAccounts(db), [], undefined);
  const lawyers = useLiveQuery(() => listLawyers(db), [], []);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<NewAccount>();
  const role = Form.useWatch('role', form);
  const { message } = App.useApp();
  const { modal } = App.useApp();
  const [resetting, setResetting] = useState<AccountRecord | null>(null);
  const [resetForm] = Form.useForm<{ password: string }>();
  const changingRole = useAsyncAction(async (id: string, role: Role) => {
    const state = sessionStore.get();
    if (state.state !== 'unlocked') return;
    await changeRole(db, state.session, id, role);
    message.success('已修改角色');
  }, '修改角色失败');
  const resettingPassword = useSchemaForm(resetForm, {
    check: (v: { password: string }) => resetSchema.safeParse(v),
    save: async ({ password }) => {
      if (!resetting) return;
      await resetPassword(db, unlockedSession(), resetting.id, password);
      message.success(`已重置 ${resetting.username} 的密码，请将临时密码告知本人；其下次登录时须设置新密码`);
    },
    onSaved: () => setResetting(null),
    describeFailure: (err) => `重置密码失败：${errorText(err)}`,
  });
  const toggling = useAsyncAction((id: string, disabled: boolean) => setAccountDisabled(db, session, id, disabled), '更改账户状态失败');

  const adding = useSchemaForm(form, {
    check: (v: NewAccount) => newAccountSchema.safeParse(v),
    save: async (values) => {
      await addAccount(db, unlockedSession(), values);
      message.success(`已添加账户 ${values.username}`);
    },
    onSaved: () => setOpen(false),
    describeFailure: (err) => `添加账户失败：${errorText(err)}`,
  });

  return (
    <Card
      title="账户与权限"
      extra={
        <Button
          icon={<PlusOutlined />}
          onClick={() => {
            form.resetFields();
            setOpen(true);
          }}
        >
          添加账户
        </Button>
      }
    >
      <Table<AccountRecord>
        rowKey="id"
        size="middle"
        pagination={false}
        loading={accounts === undefined}
        dataSource={accounts ?? []}
        data-testid="accounts"
        columns={[
          { title: '用户名', dataIndex: 'username' },
          { title: '姓名', dataIndex: 'displayName' },
          {
            title: '角色',
            dataIndex: 'role',
            render: (r: AccountRecord['role'], a) =>
              a.id === session.actor.id ? (
                <Tag color={r === 'supervisor' ? 'gold' : r === 'staff' ? 'purple' : 'blue'}>{ROLE_LABELS[r]}</Tag>
              ) : (
                <SearchSelect<Role>
                  size="small"
                  value={r}
                  style={{ width: 150 }}
                  aria-label={`${a.username} 的角色`}
                  disabled={changingRole.busy}
                  options={Object.entries(ROLE_LABELS).map(([value, label]) => ({ value: value as Role, label }))}
                  onChange={(next) =>
                    modal.confirm({
                      title: `将 ${a.displayName}（${a.username}）的角色改为${ROLE_LABELS[next]}？`,
                      content: '修改立即生效，并记入审计日志；该账户下次登录时按新角色使用。',
                      okText: '修改角色',
                      cancelText: '取消',
                      onOk: () => changingRole.run(a.id, next),
                    })
                  }
                />
              ),
          },
          {
            title: '启用',
            render: (_, a) => (
              <Switch checked={!a.disabled} disabled={a.id === session.actor.id} loading={toggling.busy} onChange={(on) => void toggling.run(a.id, !on)} />
            ),
          },
          {
            title: '操作',
            render: (_, a) =>
              a.id === session.actor.id ? null : (
                <Button
                  size="small"
                  onClick={() => {
                    resetForm.resetFields();
                    setResetting(a);
                  }}
                >
                  重置密码
                </Button>
              ),
          },
        ]}
      />
      <Modal
        title="添加账户"
        open={open}
        onOk={() => void adding.submit()}
        confirmLoading={adding.saving}
        onCancel={() => setOpen(false)}
        okText="保存"
        cancelText="取消"
        destroyOnHidden
        forceRender
      >
        <Form<NewAccount>
          form={form}
          layout="vertical"
          name="account"
          initialValues={{ role: 'lawyer' }}
          onValuesChange={adding.changed}
          onFinish={() => void adding.submit()}
        >
          <Space.Compact block>
            <Form.Item label="用户名" name="username" required style={{ width: '50%' }}>
              <Input autoComplete="off" />
            </Form.Item>
            <Form.Item label="姓名" name="displayName" required style={{ width: '50%' }}>
              <Input />
            </Form.Item>
          </Space.Compact>
          <Form.Item label="角色" name="role" required>
            <SearchSelect options={Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          {role === 'lawyer' && (
            <Form.Item label="对应名册中的律师" name="lawyerId" extra="登记时默认由该律师值班">
              <SearchSelect allowClear options={(lawyers ?? []).map((l) => ({ value: l.id, label: l.name }))} />
            </Form.Item>
          )}
          <Form.Item label="初始密码" name="password" required extra="至少 10 位；请告知本人并提醒其登录后修改">
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <SubmitOnEnter />
        </Form>
      </Modal>
      <Modal
        title={resetting ? `重置 ${resetting.displayName}（${resetting.username}）的密码` : '重置密码'}
        open={resetting !== null}
        onOk={() => void resettingPassword.submit()}
        confirmLoading={resettingPassword.saving}
        onCancel={() => setResetting(null)}
        okText="重置"
        cancelText="取消"
        destroyOnHidden
        forceRender
      >
        <Form
          form={resetForm}
          layout="vertical"
          name="reset-password"
          onValuesChange={resettingPassword.changed}
          onFinish={() => void resettingPassword.submit()}
        >
          <Form.Item label="临时密码" name="password" required extra="请当面告知本人；其下次登录时必须设置自己的新密码">
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <SubmitOnEnter />
        </Form>
      </Modal>
    </Card>
  );
}
