import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Form, Input } from 'antd';
import { z } from 'zod';
import { db } from '../../db';
import { registerRecoveryCode } from '../../session/accounts';
import { mainKnowsRecovery } from '../../session/mainSession';
import { useSession } from '../../session/SessionContext';
import { SubmitOnEnter } from '../../ui/SubmitOnEnter';
import { useSchemaForm } from '../../shared/useSchemaForm';
import { errorText } from '../../ui/errorText';

const schema = z.object({ recoveryCode: z.string({ error: '请输入恢复码' }).trim().min(1, '请输入恢复码') });

/**
 * Shown to a supervisor only while main holds no proof of the recovery code (a station
 * upgraded from an earlier version, or just restored): until it is registered, a recovery
 * cannot give main a new password for an account whose password main already verified.
 */
export function RecoveryCodeCard() {
  const session = useSession();
  const [missing, setMissing] = useState(false);
  const [form] = Form.useForm<{ recoveryCode: string }>();
  const { message } = App.useApp();

  useEffect(() => {
    let live = true;
    void mainKnowsRecovery()
      .then((known) => live && setMissing(known === false))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);

  const registering = useSchemaForm(form, {
    check: (v: { recoveryCode: string }) => schema.safeParse(v),
    save: async ({ recoveryCode }) => {
      await registerRecoveryCode(db, session, recoveryCode);
      message.success('已登记恢复码');
    },
    onSaved: () => setMissing(false),
    // A mistyped code is the failure a supervisor can put right here: shown at its field.
    describeFailure: (err) => ({ issues: [{ path: ['recoveryCode'], message: errorText(err) }] }),
  });

  if (!missing) return null;
  return (
    <Card title="登记恢复码">
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        title="本站的恢复码尚未登记"
        description="升级或从备份恢复后，请输入打印保存的恢复码登记一次。登记前，若负责人忘记密码并使用恢复码登录，需要负责人权限的功能（设置、数据报送、统计导出）将不可用。"
      />
      <Form form={form} layout="inline" name="recovery-register" onValuesChange={registering.changed} onFinish={() => void registering.submit()}>
        <Form.Item name="recoveryCode" label="恢复码" required>
          <Input.Password autoComplete="off" style={{ width: 320 }} />
        </Form.Item>
        <Button type="primary" loading={registering.saving} onClick={() => void registering.submit()}>
          登记
        </Button>
        <SubmitOnEnter />
      </Form>
    </Card>
  );
}
