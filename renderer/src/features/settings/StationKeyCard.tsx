import { useEffect, useState } from 'react';
import { Alert, Card, Descriptions, Typography } from 'antd';
import dayjs from 'dayjs';
import type { StationKeyInfo } from '../../../../core/api/contract';

const PROTECTION: Record<string, string> = {
  'safeStorage:os': '操作系统密钥库加密保存',
  'safeStorage:gnome_libsecret': '系统密钥环（libsecret）加密保存',
  'safeStorage:kwallet': '系统密钥环（KWallet）加密保存',
  'safeStorage:kwallet5': '系统密钥环（KWallet）加密保存',
  'safeStorage:kwallet6': '系统密钥环（KWallet）加密保存',
  'file-aes-gcm': '以单独的密钥文件加密保存',
};

/** The station's signing key: what the centre registers, read aloud group by group. */
export function StationKeyCard() {
  const [key, setKey] = useState<StationKeyInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void window.station.batch.stationKey().then(setKey, (err: unknown) => setError(err instanceof Error ? err.message : '无法读取签名密钥'));
  }, []);
  return (
    <Card title="数据报送签名密钥">
      {error && <Alert type="error" showIcon title={error} />}
      {key && (
        <Descriptions column={1} size="small">
          <Descriptions.Item label="公钥指纹">
            <Typography.Text copyable style={{ fontFamily: 'monospace' }} aria-label="公钥指纹">
              {key.fingerprint}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label="公钥（SPKI，base64）">
            <Typography.Text copyable style={{ fontFamily: 'monospace', fontSize: 12 }}>
              {key.publicKey}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label="生成时间">{dayjs(key.createdAt).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>
          <Descriptions.Item label="私钥保护">
            {key.protection === 'safeStorage:basic_text' ? (
              <Typography.Text type="warning">本机没有系统密钥环，私钥仅以固定密钥加密；请为系统配置密钥环</Typography.Text>
            ) : (
              (PROTECTION[key.protection] ?? key.protection)
            )}
          </Descriptions.Item>
        </Descriptions>
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        请将公钥指纹报法律援助中心登记。中心据此核验本站报送的每个批次；私钥从不离开本机，也不会写入批次或备份。
      </Typography.Paragraph>
    </Card>
  );
}
