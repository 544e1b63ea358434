import { useRef, useState } from 'react';
import { Alert, Button, Card, Input, Space, Table } from 'antd';
import { SearchSelect } from '../../ui/SearchSelect';
import { useLiveQuery } from 'dexie-react-hooks';
import dayjs from 'dayjs';
import { verifyChain, type ChainVerdict } from '../../../../core/audit/chain';
import { db } from '../../db';
import type { AuditAction, AuditEntry } from '../../db/database';
import { useAsyncAction } from '../../ui/useAsyncAction';
import { useSession } from '../../session/SessionContext';
import { describeAuditTarget, openAuditLabel } from '../../db/auditLabels';
import type { Vault } from '../../db/vault';

export const ACTION_LABELS: Record<AuditAction, string> = {
  create: '新建',
  update: '修改',
  delete: '删除',
  restore: '恢复',
  sign_in: '登录',
  sign_in_failed: '登录失败',
  sign_out: '退出',
  lock: '锁定',
  unlock: '解锁',
  print: '打印',
  export: '导出',
  import: '导入',
  backup: '备份',
  restore_backup: '从备份恢复',
  settings: '修改设置',
  app_error: '程序错误',
  reset_password: '重置密码',
  change_role: '修改角色',
  role_tampered: '角色记录被篡改',
  role_sealed: '确认账户角色',
  recovery_registered: '登记恢复码',
};

type Shown = AuditEntry & { target: string };

/** Labels are sealed (auditLabels.ts); entries never change, so each is opened once per session. */
async function withTargets(vault: Vault, entries: AuditEntry[], opened: Map<number, string>): Promise<Shown[]> {
  return Promise.all(
    entries.map(async (e) => {
      if (!e.recordType) return { ...e, target: '' };
      let target = opened.get(e.seq);
      if (target === undefined) {
        target = await openAuditLabel(vault, e).then(
          (label) => describeAuditTarget(e.recordType, label),
          // A label that no longer opens was changed; the chain check names the entry.
          () => `${describeAuditTarget(e.recordType, undefined)}（标签无法解密）`,
        );
        opened.set(e.seq, target);
      }
      return { ...e, target };
    }),
  );
}

/** The audit trail for supervisors: newest first, filterable, with a chain check. */
export function AuditLog() {
  const [action, setAction] = useState<AuditAction | undefined>();
  const [actor, setActor] = useState('');
  const [verdict, setVerdict] = useState<ChainVerdict | null>(null);
  const { vault } = useSession();
  const opened = useRef(new Map<number, string>());
  const entries = useLiveQuery(async () => {
    const all = await db.audit.orderBy('seq').reverse().limit(5000).toArray();
    return withTargets(
      vault,
      all.filter((e) => (!action || e.action === action) && (!actor || e.actorName.includes(actor))),
      opened.current,
    );
  }, [action, actor, vault]);

  const verify = useAsyncAction(async () => setVerdict(verifyChain(await db.audit.orderBy('seq').toArray())), '校验失败');

  return (
    <Card
      title="审计日志"
      extra={
        <Button loading={verify.busy} onClick={() => void verify.run()}>
          校验完整性
        </Button>
      }
    >
      {verdict && (
        <Alert
          style={{ marginBottom: 12 }}
          showIcon
          data-testid="audit-verdict"
          type={verdict.ok ? 'success' : 'error'}
          title={verdict.ok ? `审计日志完整：共 ${verdict.entries} 条，链接全部吻合` : `审计日志在第 ${verdict.brokenAt} 条处断开`}
          description={verdict.ok ? undefined : verdict.reason}
        />
      )}
      <Space style={{ marginBottom: 12 }}>
        <SearchSelect
          allowClear
          placeholder="操作"
          style={{ width: 140 }}
          value={action}
          onChange={setAction}
          options={Object.entries(ACTION_LABELS).map(([value, label]) => ({ value, label }))}
          aria-label="筛选：操作"
        />
        <Input allowClear placeholder="操作人" style={{ width: 160 }} value={actor} onChange={(e) => setActor(e.target.value)} aria-label="筛选：操作人" />
      </Space>
      <Table<Shown>
        rowKey="seq"
        size="small"
        data-testid="audit-log"
        loading={!entries}
        dataSource={entries ?? []}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        columns={[
          { title: '序号', dataIndex: 'seq', width: 70 },
          { title: '时间', dataIndex: 'at', render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm:ss') },
          { title: '操作人', dataIndex: 'actorName' },
          { title: '操作', dataIndex: 'action', render: (a: AuditAction) => ACTION_LABELS[a] ?? a },
          {
            title: '对象',
            render: (_, e) => [e.target ? `${e.target}${e.rev ? `（第 ${e.rev} 版）` : ''}` : '', e.detail ?? ''].filter(Boolean).join('：'),
          },
          { title: '涉及字段', render: (_, e) => e.fields.length },
        ]}
      />
    </Card>
  );
}
