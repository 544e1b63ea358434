import type { DeliveryState, ReceiptOutcome, StationApi } from '../../../core/api/contract';
import { SUITE_LABELS } from '../../../core/batch/formatV2';
import { assertCan } from '../../../core/access/permissions';
import type { StationDb } from './database';
import { appendAudit, type Actor } from './repository';

const who = (actor: Actor) => ({ id: actor.id, name: actor.name });

/** What the audit trail says of a receipt taken: the batch, the centre, and when the centre received it. */
async function auditTaken(db: StationDb, actor: Actor, outcome: ReceiptOutcome, how: string): Promise<void> {
  if (outcome.outcome !== 'accepted') return;
  await appendAudit(db, actor, 'import', `${how}：批次第 ${outcome.sequence} 号已送达${outcome.centre}（中心接收于 ${outcome.receivedAt}）`);
}

/**
 * A receipt file carried back on the stick: main reads and checks it; a receipt it takes is
 * written to the audit trail here, with the batch and the centre.
 */
export async function importReceipt(db: StationDb, api: StationApi['delivery'], actor: Actor): Promise<ReceiptOutcome | null> {
  assertCan(actor.role, 'batch.export');
  const outcome = await api.openReceipt({ actor: who(actor) });
  if (outcome) await auditTaken(db, actor, outcome, '导入回执');
  return outcome;
}

/** Pins a centre's signing key after the supervisor read its fingerprint back by phone, and takes the receipt. */
export async function confirmReceiptKey(
  db: StationDb,
  api: StationApi['delivery'],
  actor: Actor,
  pending: Extract<ReceiptOutcome, { outcome: 'confirm' }>,
  name: string,
  confirmedFingerprint: string,
): Promise<ReceiptOutcome> {
  assertCan(actor.role, 'batch.export');
  const outcome = await api.confirmReceiptKey({ token: pending.token, confirmedFingerprint, name, actor: who(actor) });
  if (outcome.outcome === 'accepted') {
    await appendAudit(db, actor, 'settings', `确认接收中心回执签名公钥：${outcome.centre}（${SUITE_LABELS[pending.suite]}，指纹 ${pending.fingerprint}）`);
    await auditTaken(db, actor, outcome, '回执');
  }
  return outcome;
}

export async function setCentreUrl(db: StationDb, api: StationApi['delivery'], actor: Actor, url: string | null): Promise<DeliveryState> {
  assertCan(actor.role, 'settings.edit');
  const before = (await api.state()).centreUrl;
  const next = await api.setCentreUrl({ url, actor: who(actor) });
  if (before !== next.centreUrl) await appendAudit(db, actor, 'settings', `接收中心上传地址：${before ?? '（未设置）'} → ${next.centreUrl ?? '（未设置）'}`);
  return next;
}

export async function uploadNow(db: StationDb, api: StationApi['delivery'], actor: Actor, batchId: string, sequence: number): Promise<void> {
  assertCan(actor.role, 'batch.export');
  await api.uploadNow({ batchId, actor: who(actor) });
  await appendAudit(db, actor, 'export', `上传批次第 ${sequence} 号到接收中心`);
}
