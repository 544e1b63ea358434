import { useEffect, useState } from 'react';
import { Alert, Modal, Space, Typography } from 'antd';
import type { LeftoverPartial } from '../../../../core/api/contract';

/**
 * Told once at start: an export interrupted by a crash left a half-written batch file
 * (other people's records) on a drive. Main removed it where it could; the person learns
 * where it was, and where it may still be.
 */
export function LeftoverExportsNotice() {
  const [found, setFound] = useState<LeftoverPartial[]>([]);
  useEffect(() => {
    let live = true;
    window.station.batch
      .leftovers()
      .then((list) => live && setFound(list))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  if (found.length === 0) return null;
  return (
    <Modal
      open
      title="上次导出批次时程序意外中断"
      onOk={() => setFound([])}
      onCancel={() => setFound([])}
      cancelButtonProps={{ style: { display: 'none' } }}
      okText="知道了"
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text>导出中断时在以下位置留下了未完成的批次文件，其中含有当事人信息：</Typography.Text>
        {found.map((f) =>
          f.removed ? (
            <Alert key={f.path} type="success" showIcon title="已删除" description={<Typography.Text code>{f.path}</Typography.Text>} />
          ) : (
            <Alert
              key={f.path}
              type="warning"
              showIcon
              title="未能删除：该U盘或文件夹当前无法访问"
              description={
                <>
                  <Typography.Text code>{f.path}</Typography.Text>
                  <div>请插入该U盘后重新启动本程序，程序会自动删除；或手动删除该隐藏文件。</div>
                </>
              }
            />
          ),
        )}
      </Space>
    </Modal>
  );
}
