import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Card, Popconfirm, Radio, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import type { CentreKeyCandidate, CentresState, ReceivingCentre } from '../../../../core/api/contract';
import { SUITE_LABELS, SUITES, type SuiteId } from '../../../../core/batch/formatV2';
import { db } from '../../db';
import { registerCentre, removeCentre, setStationSuite } from '../../db/centres';
import { useSession } from '../../session/SessionContext';
import { AsyncButton } from '../../ui/AsyncButton';
import { errorText } from '../../ui/errorText';

/**
 * The province's algorithm suite and the receiving centres every batch is encrypted to.
 * A centre's key is registered only after its fingerprint was read back by phone.
 */
export function CentresCard() {
  const session = useSession();
  const { message, modal } = App.useApp();
  const [state, setState] = useState<CentresState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    void window.station.centres.state().then(
      (s) => {
        setState(s);
        setError(null);
      },
      (err: unknown) => setError(errorText(err)),
    );
  }, []);
  useEffect(reload, [reload]);

  const confirmCandidate = (candidate: CentreKeyCandidate) =>
    modal.confirm({
      title: `登记接收中心“${candidate.name}”`,
      width: 560,
      content: (
        <Space orientation="vertical">
          <Typography.Text>
            请打电话给该中心，逐组核对下面的公钥指纹，一致后再登记。登记后，本站导出的批次都将加密给该中心，只有持有对应私钥的中心能够读取。
          </Typography.Text>
          <Typography.Text>算法套件：{SUITE_LABELS[candidate.suite]}</Typography.Text>
          <Typography.Text strong style={{ fontFamily: 'monospace' }} aria-label="接收中心公钥指纹">
            {candidate.fingerprint}
          </Typography.Text>
        </Space>
      ),
      okText: '指纹一致，登记',
      cancelText: '取消',
      onOk: async () => {
        try {
          const centre = await registerCentre(db, window.station.centres, session.actor, candidate.token, candidate.fingerprint);
          message.success(`已登记接收中心：${centre.name}`);
        } catch (err) {
          message.error(`登记失败：${errorText(err)}`);
        }
        reload();
      },
    });

  const add = async () => {
    const candidate = await window.station.centres.openKeyFile();
    if (candidate) confirmCandidate(candidate);
  };

  const remove = async (centre: ReceivingCentre) => {
    try {
      await removeCentre(db, window.station.centres, session.actor, centre.keyId);
      message.success(`已移除接收中心：${centre.name}`);
    } catch (err) {
      message.error(`移除失败：${errorText(err)}`);
    }
    reload();
  };

  const changeSuite = async (suite: SuiteId) => {
    try {
      setState(await setStationSuite(db, window.station.centres, session.actor, suite));
      message.success(`算法套件已改为${SUITE_LABELS[suite]}`);
    } catch (err) {
      message.error(`未更改：${errorText(err)}`);
    }
  };

  return (
    <Card
      title="接收中心与批次加密"
      extra={
        <AsyncButton action={add} failure="无法登记">
          登记接收中心…
        </AsyncButton>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {state && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <Typography.Text>本省的算法套件：</Typography.Text>
            <Radio.Group value={state.suite} onChange={(e) => void changeSuite(e.target.value as SuiteId)} aria-label="算法套件">
              {SUITES.map((s) => (
                <Radio key={s} value={s}>
                  {SUITE_LABELS[s]}
                </Radio>
              ))}
            </Radio.Group>
          </Space>
          <Table<ReceivingCentre>
            aria-label="接收中心"
            size="small"
            rowKey="keyId"
            pagination={false}
            dataSource={state.centres}
            locale={{ emptyText: '尚未登记接收中心：导出的批次不加密，须在导出时明确选择' }}
            columns={[
              { title: '名称', dataIndex: 'name' },
              {
                title: '公钥指纹',
                dataIndex: 'fingerprint',
                render: (f: string) => <Typography.Text style={{ fontFamily: 'monospace', fontSize: 12 }}>{f}</Typography.Text>,
              },
              { title: '登记', render: (_, c) => `${dayjs(c.registeredAt).format('YYYY-MM-DD HH:mm')} ${c.registeredBy.name}` },
              {
                title: '',
                width: 80,
                render: (_, c) => (
                  <Popconfirm title={`移除“${c.name}”？此后的批次不再加密给该中心。`} okText="移除" cancelText="取消" onConfirm={() => remove(c)}>
                    <Button size="small" danger>
                      移除
                    </Button>
                  </Popconfirm>
                ),
              },
            ]}
          />
        </Space>
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        登记了接收中心后，导出的批次（格式
        v2）把全部记录和文书加密给每个已登记的中心；丢失的移动存储设备不会泄露当事人信息。接收中心的公钥文件由中心的软件导出；更改算法套件前须先移除已登记的中心。
      </Typography.Paragraph>
    </Card>
  );
}
