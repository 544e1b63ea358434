import type { CentreKeyInfo, StationApi } from '../../../core/api/contract';
import { SUITE_LABELS, type SuiteId } from '../../../core/batch/formatV2';
import { assertCan } from '../../../core/access/permissions';
import type { StationDb } from './database';
import { appendAudit, type Actor } from './repository';

/**
 * A receiving centre's own recipient keys and receipts, each written to the audit trail:
 * who made a key, who carried its private half out of main in the clear, who signed a receipt.
 */
export async function createCentreKey(db: StationDb, api: StationApi['centreKeys'], actor: Actor, suite: SuiteId, name: string): Promise<CentreKeyInfo> {
  assertCan(actor.role, 'settings.edit');
  const key = await api.create({ suite, name, actor: { id: actor.id, name: actor.name } });
  await appendAudit(db, actor, 'settings', `生成本中心的接收密钥：${key.name}（${SUITE_LABELS[key.suite]}，keyId ${key.keyId}，指纹 ${key.fingerprint}）`);
  return key;
}

export async function exportCentrePublicKey(db: StationDb, api: StationApi['centreKeys'], actor: Actor, key: CentreKeyInfo): Promise<{ path: string } | null> {
  assertCan(actor.role, 'settings.edit');
  const written = await api.exportPublic({ keyId: key.keyId });
  if (written) await appendAudit(db, actor, 'export', `导出本中心接收密钥的公钥文件：${key.name}（keyId ${key.keyId}）→ ${written.path}`);
  return written;
}

export async function exportCentrePrivateKey(db: StationDb, api: StationApi['centreKeys'], actor: Actor, key: CentreKeyInfo): Promise<{ path: string } | null> {
  assertCan(actor.role, 'settings.edit');
  const written = await api.exportPrivate({ keyId: key.keyId, acknowledgePlaintext: true });
  if (written) await appendAudit(db, actor, 'export', `导出本中心接收密钥的明文私钥文件：${key.name}（keyId ${key.keyId}）→ ${written.path}`);
  return written;
}

export async function writeBatchReceipt(
  db: StationDb,
  api: StationApi['batch'],
  actor: Actor,
  batch: { batchId: string; stationName: string; stationCode: string; sequence: number },
): Promise<{ path: string } | null> {
  assertCan(actor.role, 'batch.import');
  const written = await api.writeReceipt({ batchId: batch.batchId, actor: { id: actor.id, name: actor.name } });
  if (written) await appendAudit(db, actor, 'export', `写回执文件：${batch.stationName}（${batch.stationCode}）批次第 ${batch.sequence} 号 → ${written.path}`);
  return written;
}
