import { useEffect, useState, type ReactNode } from 'react';
import { Alert, Button, Card, Form, Input, Layout, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { db } from '../db';
import { useStation } from '../state/StationContext';
import { lockSession, passwordSchema, recoverWithCode, setNewPassword, signIn } from '../session/accounts';
import { ZodError } from 'zod';
import { zodRule } from '../ui/zodForm';
import { SessionContext, type Session } from '../session/SessionContext';
import { runDailyBackupIfDue } from '../backup/backupActions';
import { App } from 'antd';
import { sessionStore, useSessionState } from '../session/sessionStore';
import { idleLockMs } from '../session/idleLock';
import { flushOpenDrafts } from '../shared/formDraftKeeper';

/**
 * Nothing of the records is shown, or even decryptable, until someone signs in; the
 * window locks after a idle period and on Ctrl+L, and unlocking asks for the password.
 */
export function SessionGate({ children }: { children: ReactNode }) {
  const state = useSessionState();
  const { profile } = useStation();
  const { message, notification } = App.useApp();

  // Notices from before the session (setup, a restore) go too when the window locks.
  useEffect(() => {
    if (state.state === 'unlocked') return;
    message.destroy();
    notification.destroy();
  }, [state.state, message, notification]);

  useEffect(() => {
    if (state.state !== 'unlocked') return;
    const session = state.session;
    // An open form's last change is written while the key is still there (ui/formDraftKeeper.ts).
    const lock = () => void flushOpenDrafts().then(() => lockSession(db, session));
    const idleMs = idleLockMs();
    let timer = setTimeout(lock, idleMs);
    const activity = () => {
      clearTimeout(timer);
      timer = setTimeout(lock, idleMs);
    };
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && (e.key === 'l' || e.key === 'L')) {
        e.preventDefault();
        lock();
      } else activity();
    };
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('pointerdown', activity, true);
    window.addEventListener('wheel', activity, { passive: true, capture: true });
    return () => {
      clearTimeout(timer);
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('pointerdown', activity, true);
      window.removeEventListener('wheel', activity, true);
    };
  }, [state]);

  if (state.state === 'unlocked') {
    return (
      <SessionContext.Provider value={state.session}>
        {/*
          Notices belong to the session: they name clients and file paths, so they are held
          here and unmount with it when the window locks or the user signs out; the next
          person starts with none, and a save finishing after the lock shows nothing.
        */}
        {/* Bottom right: a notice that stays until closed (撤销) never covers 锁定 and 退出. */}
        <App style={{ height: '100%' }} notification={{ placement: 'bottomRight' }}>
          <DailyBackup session={state.session} />
          {children}
        </App>
      </SessionContext.Provider>
    );
  }
  return (
    <SignInScreen stationName={profile.name} lockedUser={state.state === 'locked' ? { username: state.username, displayName: state.displayName } : undefined} />
  );
}

function DailyBackup({ session }: { session: Session & { dataKey: Uint8Array } }) {
  const { profile, domain } = useStation();
  const { message } = App.useApp();
  useEffect(() => {
    runDailyBackupIfDue(db, session, { profile, domain })
      .then((path) => {
        if (path) void message.success(`已完成每日自动备份：${path}`);
      })
      .catch((err: unknown) => message.error(`每日自动备份失败：${err instanceof Error ? err.message : String(err)}`));
  }, [session, profile, domain, message]);
  return null;
}

type Pending = Session & { dataKey: Uint8Array };

function SignInScreen({ stationName, lockedUser }: { stationName: string; lockedUser?: { username: string; displayName: string } }) {
  const [form] = Form.useForm<{ username: string; password: string }>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [mode, setMode] = useState<'password' | 'recovery'>('password');
  // Signed in with a password a supervisor reset: a new one is chosen before anything shows.
  const [mustChange, setMustChange] = useState<Pending | null>(null);

  const submit = async (values: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      const session = await signIn(db, lockedUser?.username ?? values.username, values.password, Date.now(), { unlock: Boolean(lockedUser) });
      if (session.mustChangePassword) setMustChange(session);
      else sessionStore.unlock(session);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      form.setFieldValue('password', '');
    } finally {
      setBusy(false);
    }
  };

  const title = mustChange ? '设置新密码' : mode === 'recovery' ? '使用恢复码' : lockedUser ? '已锁定' : '登录';
  return (
    <Layout style={{ minHeight: '100%', alignItems: 'center', justifyContent: 'center' }}>
      <Card style={{ width: 420 }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {title}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{stationName}</Typography.Paragraph>
        {mustChange ? (
          <NewPasswordForm
            intro={`${mustChange.actor.name}，您的密码已由工作站负责人重置，请设置自己的新密码后继续。`}
            save={async (password) => {
              await setNewPassword(db, mustChange, password);
              sessionStore.unlock(mustChange);
            }}
            onCancel={() => {
              mustChange.dataKey.fill(0);
              setMustChange(null);
              form.setFieldValue('password', '');
            }}
          />
        ) : mode === 'recovery' ? (
          <RecoveryForm defaultUsername={lockedUser?.username} onCancel={() => setMode('password')} />
        ) : (
          <>
            {lockedUser && (
              <Typography.Paragraph>
                {lockedUser.displayName}（{lockedUser.username}），请输入密码解锁。
              </Typography.Paragraph>
            )}
            <Form form={form} layout="vertical" name="sign-in" onFinish={submit} requiredMark={false}>
              {!lockedUser && (
                <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]}>
                  <Input prefix={<UserOutlined />} autoFocus autoComplete="username" />
                </Form.Item>
              )}
              <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
                <Input.Password prefix={<LockOutlined />} autoFocus={Boolean(lockedUser)} autoComplete="current-password" />
              </Form.Item>
              {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
              <Button type="primary" htmlType="submit" block loading={busy}>
                {lockedUser ? '解锁' : '登录'}
              </Button>
              {lockedUser && (
                <Button type="link" block onClick={() => sessionStore.signOut()}>
                  切换用户
                </Button>
              )}
              <Button type="link" block onClick={() => setMode('recovery')}>
                忘记密码？使用恢复码
              </Button>
            </Form>
          </>
        )}
      </Card>
    </Layout>
  );
}

/** The printed recovery code (from setup) opens the station for a supervisor, who sets a new password. */
function RecoveryForm({ defaultUsername, onCancel }: { defaultUsername?: string; onCancel(): void }) {
  const [form] = Form.useForm<{ username: string; recoveryCode: string; password: string; confirm: string }>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (v: { username: string; recoveryCode: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      sessionStore.unlock(await recoverWithCode(db, v.username, v.recoveryCode, v.password));
    } catch (err) {
      setError(err instanceof ZodError ? (err.issues[0]?.message ?? '新密码不符合要求') : err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form form={form} layout="vertical" name="recovery" onFinish={submit} requiredMark={false} initialValues={{ username: defaultUsername }}>
      <Typography.Paragraph>使用首次设置时打印的恢复码登录工作站负责人账户，并为该账户设置新密码。</Typography.Paragraph>
      <Form.Item label="负责人用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]}>
        <Input prefix={<UserOutlined />} autoFocus autoComplete="username" />
      </Form.Item>
      <Form.Item label="恢复码" name="recoveryCode" rules={[{ required: true, message: '请输入恢复码' }]}>
        <Input placeholder="XXXX-XXXX-XXXX-XXXX-XXXX-XXXX" autoComplete="off" spellCheck={false} />
      </Form.Item>
      <NewPasswordFields />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Button type="primary" htmlType="submit" block loading={busy}>
        登录并设置新密码
      </Button>
      <Button type="link" block onClick={onCancel}>
        返回密码登录
      </Button>
    </Form>
  );
}

function NewPasswordFields() {
  return (
    <>
      <Form.Item label="新密码" name="password" rules={[zodRule(passwordSchema)]} extra="至少 10 位，至少 4 个不同的字符">
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label="确认新密码"
        name="confirm"
        dependencies={['password']}
        rules={[
          ({ getFieldValue }) => ({
            validator: async (_, value) => {
              if (value !== getFieldValue('password')) throw new Error('两次输入的密码不一致');
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}

function NewPasswordForm({ intro, save, onCancel }: { intro: string; save(password: string): Promise<void>; onCancel(): void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (v: { password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await save(v.password);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form layout="vertical" name="new-password" onFinish={submit} requiredMark={false}>
      <Typography.Paragraph>{intro}</Typography.Paragraph>
      <NewPasswordFields />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Button type="primary" htmlType="submit" block loading={busy}>
        保存新密码并进入
      </Button>
      <Button type="link" block onClick={onCancel}>
        取消
      </Button>
    </Form>
  );
}
