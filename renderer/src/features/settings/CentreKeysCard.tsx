import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Modal, Radio, Space, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { z } from 'zod';
import type { CentreKeyInfo } from '../../../../core/api/contract';
import { SUITE_LABELS, SUITES, type SuiteId } from '../../../../core/batch/formatV2';
import { db } from '../../db';
import { createCentreKey, exportCentrePrivateKey, exportCentrePublicKey } from '../../db/centreKeys';
import { useSession } from '../../session/SessionContext';
import { useStation } from '../../state/StationContext';
import { useSchemaForm } from '../../shared/useSchemaForm';
import { SubmitOnEnter } from '../../ui/SubmitOnEnter';
import { AsyncButton } from '../../ui/AsyncButton';
import { errorText } from '../../ui/errorText';

interface NewKey {
  name: string;
  suite: SuiteId;
}
const newKeySchema = z.object({ name: z.string().trim().min(1, '请填写名称').max(200, '名称过长'), suite: z.enum(SUITES) });

/**
 * A legal-aid centre's own recipient keys: the stations encrypt their batches to the public
 * key file exported here; the private key stays sealed in this installation and decrypts
 * the batches on import. Shown only on a station of kind 法律援助中心.
 */
export function CentreKeysCard() {
  const session = useSession();
  const { profile } = useStation();
  const { message, modal } = App.useApp();
  const [keys, setKeys] = useState<CentreKeyInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<NewKey>();
  const reload = useCallback(() => {
    void window.station.centreKeys.list().then(
      (list) => {
        setKeys(list);
        setError(null);
      },
      (err: unknown) => setError(errorText(err)),
    );
  }, []);
  useEffect(reload, [reload]);

  const creating = useSchemaForm(form, {
    check: (v: NewKey) => newKeySchema.safeParse(v),
    save: async ({ name, suite }) => {
      const key = await createCentreKey(db, window.station.centreKeys, session.actor, suite, name);
      message.success(`已生成接收密钥：${key.name}（keyId ${key.keyId}）`);
    },
    onSaved: () => {
      setOpen(false);
      reload();
    },
    describeFailure: (err) => `生成失败：${errorText(err)}`,
  });

  const exportPublic = async (key: CentreKeyInfo) => {
    const written = await exportCentrePublicKey(db, window.station.centreKeys, session.actor, key);
    if (written) message.success(`公钥文件已保存：${written.path}`);
  };

  const exportPrivate = (key: CentreKeyInfo) =>
    modal.confirm({
      title: '导出明文私钥？',
      width: 560,
      content: (
        <Space orientation="vertical">
          <Alert
            type="warning"
            showIcon
            title="明文私钥：任何拿到该文件的人都能读取加密给本中心的全部批次"
            description="仅供命令行校验工具（npm run batch -- verify --recipient-key）或其他厂商的软件使用。请保存到受控的位置，用后删除；切勿交给工作站，也不要随批次放在移动存储设备上。"
          />
          <Typography.Text>
            密钥：{key.name}（keyId {key.keyId}）
          </Typography.Text>
        </Space>
      ),
      okText: '我了解风险，导出明文私钥',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          const written = await exportCentrePrivateKey(db, window.station.centreKeys, session.actor, key);
          if (written) message.success(`明文私钥文件已保存：${written.path}`);
        } catch (err) {
          message.error(`导出失败：${errorText(err)}`);
        }
      },
    });

  return (
    <Card
      title="本中心的接收密钥"
      extra={
        <Button
          icon={<PlusOutlined />}
          onClick={() => {
            form.resetFields();
            setOpen(true);
          }}
        >
          生成接收密钥…
        </Button>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Table<CentreKeyInfo>
        aria-label="本中心的接收密钥"
        size="small"
        rowKey="keyId"
        pagination={false}
        loading={keys === null && !error}
        dataSource={keys ?? []}
        locale={{ emptyText: '尚未生成接收密钥：工作站无法把批次加密给本中心' }}
        columns={[
          { title: '名称', dataIndex: 'name', width: 170 },
          { title: '算法套件', dataIndex: 'suite', render: (s: SuiteId) => SUITE_LABELS[s] },
          {
            title: 'keyId',
            dataIndex: 'keyId',
            render: (k: string) => <Typography.Text style={{ fontFamily: 'monospace', fontSize: 12, whiteSpace: 'nowrap' }}>{k}</Typography.Text>,
          },
          {
            title: '公钥指纹',
            dataIndex: 'fingerprint',
            render: (f: string) => (
              <Typography.Text copyable style={{ fontFamily: 'monospace', fontSize: 12 }} aria-label="接收密钥指纹">
                {f}
              </Typography.Text>
            ),
          },
          { title: '生成', render: (_, k) => `${dayjs(k.createdAt).format('YYYY-MM-DD HH:mm')} ${k.createdBy.name}` },
          {
            title: '',
            width: 250,
            render: (_, k) => (
              <Space wrap>
                <AsyncButton size="small" action={() => exportPublic(k)} failure="导出失败">
                  导出公钥文件…
                </AsyncButton>
                <Button size="small" danger onClick={() => exportPrivate(k)}>
                  导出明文私钥…
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        把公钥文件交给各工作站登记（请电话核对公钥指纹）；工作站此后导出的批次只有本中心能够解密。私钥加密保存在本机，导入批次时自动使用，从不写入批次或备份。
      </Typography.Paragraph>
      <Modal
        title="生成本中心的接收密钥"
        open={open}
        onOk={() => void creating.submit()}
        confirmLoading={creating.saving}
        onCancel={() => setOpen(false)}
        okText="生成"
        cancelText="取消"
        destroyOnHidden
        forceRender
      >
        <Form<NewKey>
          form={form}
          layout="vertical"
          name="centre-key"
          initialValues={{ name: profile?.name ?? '', suite: 'intl-1' }}
          onValuesChange={creating.changed}
          onFinish={() => void creating.submit()}
        >
          <Form.Item label="名称" name="name" required extra="工作站登记时看到的名称，默认为本中心的名称">
            <Input />
          </Form.Item>
          <Form.Item label="算法套件" name="suite" required extra="与本省要求的算法一致；两种套件可各生成一个密钥">
            <Radio.Group aria-label="接收密钥的算法套件">
              {SUITES.map((s) => (
                <Radio key={s} value={s}>
                  {SUITE_LABELS[s]}
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
          <SubmitOnEnter />
        </Form>
      </Modal>
    </Card>
  );
}
