import type { CentresState, ReceivingCentre, StationApi } from '../../../core/api/contract';
import { SUITE_LABELS, type SuiteId } from '../../../core/batch/formatV2';
import { assertCan } from '../../../core/access/permissions';
import type { StationDb } from './database';
import { appendAudit, type Actor } from './repository';

/**
 * Changes to the receiving centres, each written to the audit trail with the centre's name
 * and fingerprint: who a station's batches can be read by is a supervisor's decision on record.
 */
export async function registerCentre(
  db: StationDb,
  api: StationApi['centres'],
  actor: Actor,
  token: string,
  confirmedFingerprint: string,
): Promise<ReceivingCentre> {
  assertCan(actor.role, 'settings.edit');
  const centre = await api.register({ token, confirmedFingerprint, actor: { id: actor.id, name: actor.name } });
  await appendAudit(db, actor, 'settings', `登记接收中心：${centre.name}（${SUITE_LABELS[centre.suite]}，指纹 ${centre.fingerprint}）`);
  return centre;
}

export async function removeCentre(db: StationDb, api: StationApi['centres'], actor: Actor, keyId: string): Promise<ReceivingCentre> {
  assertCan(actor.role, 'settings.edit');
  const centre = await api.remove({ keyId, actor: { id: actor.id, name: actor.name } });
  await appendAudit(db, actor, 'settings', `移除接收中心：${centre.name}（指纹 ${centre.fingerprint}）`);
  return centre;
}

export async function setStationSuite(db: StationDb, api: StationApi['centres'], actor: Actor, suite: SuiteId): Promise<CentresState> {
  assertCan(actor.role, 'settings.edit');
  const before = await api.state();
  const next = await api.setSuite({ suite, actor: { id: actor.id, name: actor.name } });
  if (before.suite !== next.suite) await appendAudit(db, actor, 'settings', `数据报送算法套件：${SUITE_LABELS[before.suite]} → ${SUITE_LABELS[next.suite]}`);
  return next;
}
