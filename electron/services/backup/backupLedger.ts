import { createDecipheriv } from 'node:crypto';
import { z } from 'zod';
import { batchHistoryEntrySchema, type BatchHistoryEntry } from '../../../core/api/contract';
import { ServiceError } from '../errors';

const headerSchema = z.object({ format: z.literal('duty-lawyer-station-backup'), version: z.literal(1), iv: z.string().regex(/^[A-Za-z0-9+/]{16}$/) });
const contentSchema = z.object({ batchLedger: z.array(batchHistoryEntrySchema).max(100_000).optional() });

const UNVERIFIED = '该备份无法验证（不是本站软件写出的备份，或已被改动），未恢复报送记录';

/**
 * The batch history inside a backup file, read by main itself: the body must open under
 * the backup key with the header line as associated data (AES-256-GCM, as
 * renderer/src/backup/backupFile.ts seals it), so a history no backup of this data key
 * carried is refused, and every entry must pass the strict schema.
 */
export function ledgerOfBackup(file: Uint8Array, backupKey: Uint8Array): BatchHistoryEntry[] {
  const bytes = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  const nl = bytes.indexOf(0x0a);
  if (nl < 0 || nl > 1024 * 1024) throw new ServiceError('backup_unverified', UNVERIFIED);
  const headerLine = bytes.subarray(0, nl);
  let iv: Buffer;
  try {
    iv = Buffer.from(headerSchema.parse(JSON.parse(headerLine.toString('utf8'))).iv, 'base64');
  } catch {
    throw new ServiceError('backup_unverified', UNVERIFIED);
  }
  const body = Buffer.from(
    bytes
      .subarray(nl + 1)
      .toString('latin1')
      .trim(),
    'base64',
  );
  if (body.length < 16) throw new ServiceError('backup_unverified', UNVERIFIED);
  let plain: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-gcm', backupKey, iv);
    decipher.setAAD(headerLine);
    decipher.setAuthTag(body.subarray(body.length - 16));
    plain = Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]);
  } catch {
    throw new ServiceError('backup_unverified', UNVERIFIED);
  }
  const parsed = contentSchema.safeParse(JSON.parse(plain.toString('utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ServiceError('bad_ledger', `备份中的报送记录不符合格式（${issue?.path.join('.') ?? ''}：${issue?.message ?? ''}），未恢复`);
  }
  return parsed.data.batchLedger ?? [];
}
