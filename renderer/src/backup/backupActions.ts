import dayjs from 'dayjs';
import type { StationProfile } from '../../../core/domain/station';
import type { DomainSettings } from '../../../core/api/contract';
import { toRfc3339 } from '../../../core/time/rfc3339';
import type { StationDb } from '../db/database';
import { appendAudit } from '../db/repository';
import type { Session } from '../session/SessionContext';
import { toBase64 } from '../db/keyMaterial';
import { createBackup } from './backupFile';

const DAY_MS = 24 * 3600_000;

export function backupFileName(stationCode: string, at: Date): string {
  return `${stationCode}_backup_${dayjs(at).format('YYYYMMDD[T]HHmmss')}.dlbackup`;
}

/** The stages of a backup, in order, as the progress beside the button names them. */
export const BACKUP_STEPS = ['正在读取并加密全部记录', '正在写入备份文件', '正在记录审计日志'] as const;

/** Writes a backup to `folder` (null: the configured daily folder), keeping the newest `keep`. */
export async function writeBackup(
  db: StationDb,
  session: Session & { dataKey: Uint8Array },
  settings: { profile: StationProfile; domain: DomainSettings },
  folder: string | null,
  keep?: number,
  onStep?: (step: number) => void,
): Promise<string> {
  const now = new Date();
  onStep?.(0);
  const batchLedger = await window.station.batch.history();
  const { bytes } = await createBackup(db, session.dataKey, { ...settings, batchLedger }, toRfc3339(now));
  onStep?.(1);
  const { path } = await window.station.backup.write({
    folder,
    fileName: backupFileName(settings.profile.code, now),
    data: toBase64(bytes),
    ...(keep ? { keep } : {}),
  });
  onStep?.(2);
  await appendAudit(db, session.actor, 'backup', path);
  return path;
}

/** Runs the daily backup when one is configured and the last is a day old; failures are reported, never thrown. */
export async function runDailyBackupIfDue(
  db: StationDb,
  session: Session & { dataKey: Uint8Array },
  settings: { profile: StationProfile; domain: DomainSettings },
): Promise<string | null> {
  const auto = await window.station.backup.getAuto();
  if (!auto.folder) return null;
  if (auto.lastAt && Date.now() - Date.parse(auto.lastAt) < DAY_MS) return null;
  const path = await writeBackup(db, session, settings, null, auto.keep);
  await window.station.backup.markAuto({ at: toRfc3339() });
  return path;
}
