import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Card, Input, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import type { DeliveryState, PinnedReceiptKey } from '../../../../core/api/contract';
import { SUITE_LABELS } from '../../../../core/batch/formatV2';
import { db } from '../../db';
import { setCentreUrl } from '../../db/delivery';
import { useSession } from '../../session/SessionContext';
import { AsyncButton } from '../../ui/AsyncButton';
import { errorText } from '../../ui/errorText';

/**
 * Online delivery: the receiving centre's upload address (main makes every request; the
 * renderer stays offline), the centre's head for this station, and the centre signing keys
 * whose receipts the station accepts.
 */
export function DeliveryCard() {
  const session = useSession();
  const { message } = App.useApp();
  const [state, setState] = useState<DeliveryState | null>(null);
  const [url, setUrl] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [head, setHead] = useState<string | null>(null);
  const reload = useCallback(() => {
    void window.station.delivery.state().then(
      (s) => {
        setState(s);
        setUrl(s.centreUrl ?? '');
        setError(null);
      },
      (err: unknown) => setError(errorText(err)),
    );
  }, []);
  useEffect(reload, [reload]);

  const save = async (next: string | null) => {
    try {
      const s = await setCentreUrl(db, window.station.delivery, session.actor, next);
      setState(s);
      setUrl(s.centreUrl ?? '');
      setHead(null);
      message.success(s.centreUrl ? `上传地址已保存：${s.centreUrl}` : '已清除上传地址：批次只通过移动存储设备报送');
    } catch (err) {
      message.error(`未保存：${errorText(err)}`);
    }
  };

  const askHead = async () => {
    const h = await window.station.delivery.centreHead();
    setHead(h ? `接收中心记录的本站最新批次：第 ${h.sequence} 号（清单哈希 ${h.manifestHash.slice(0, 16)}…）` : '接收中心尚无本站的批次');
  };

  return (
    <Card title="在线报送与回执">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text>接收中心的上传地址（设置后，每个导出的批次自动上传，未送达的批次可在“数据报送”中重试）：</Typography.Text>
        <Space.Compact style={{ width: '100%', maxWidth: 640 }}>
          <Input
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            placeholder="https://"
            aria-label="接收中心上传地址"
            onPressEnter={() => void save(url.trim() || null)}
          />
          <Button type="primary" onClick={() => void save(url.trim() || null)}>
            保存地址
          </Button>
          {state?.centreUrl && <Button onClick={() => void save(null)}>清除</Button>}
        </Space.Compact>
        {state?.centreUrl && (
          <Space wrap>
            <AsyncButton size="small" action={askHead} failure="无法查询">
              查询中心记录的本站批次
            </AsyncButton>
            {head && <Typography.Text>{head}</Typography.Text>}
          </Space>
        )}
        <Table<PinnedReceiptKey>
          aria-label="回执签名公钥"
          size="small"
          rowKey="publicKey"
          pagination={false}
          dataSource={state?.pinnedKeys ?? []}
          locale={{ emptyText: '尚未确认过接收中心的回执签名公钥：第一份回执到来时核对' }}
          columns={[
            { title: '接收中心', dataIndex: 'name' },
            { title: '算法', render: (_, k) => SUITE_LABELS[k.suite] },
            {
              title: '签名公钥指纹',
              dataIndex: 'fingerprint',
              render: (f: string) => <Typography.Text style={{ fontFamily: 'monospace', fontSize: 12 }}>{f}</Typography.Text>,
            },
            { title: '确认', render: (_, k) => `${dayjs(k.pinnedAt).format('YYYY-MM-DD HH:mm')} ${k.pinnedBy.name}` },
          ]}
        />
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        上传只发往这里设置的地址，由本机的主进程发送与导出时完全相同的批次文件；地址须以 https:// 开头（http://
        仅限本机地址，用于测试）。接收中心的回执经签名核对后才标记为已送达。
      </Typography.Paragraph>
    </Card>
  );
}
