import { createDecipheriv } from 'node:crypto';
import { createReadStream, createWriteStream, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ServiceError } from '../errors';
import type { BatchLedgerEntry } from './ledger';
import type { SecretProtector } from './secretProtector';
import { verifyZipFile } from './zipArchive';
import { fsyncDirectory, fsyncFile } from './fsSync';
import type { PartialJournal } from './partialJournal';

/**
 * Writes a past batch again, byte for byte, from the encrypted copy kept at export time
 * (the drive was lost, the centre asks again). The GCM tag proves the copy unchanged; the
 * written file is verified again before it gets its name.
 */
export async function reexportBatch(
  dataDir: string,
  entry: BatchLedgerEntry,
  folder: string,
  protector: SecretProtector,
  journal: PartialJournal,
): Promise<string> {
  if (!entry.archive) throw new ServiceError('no_copy', '该批次的记录是从备份恢复的，本机没有它的副本，无法重新导出；请使用当时导出的文件');
  if (entry.archive.protection !== protector.kind) throw new ServiceError('key_protection', '该批次副本的保护方式与本机不符，无法重新导出');
  const source = join(dataDir, 'batches', entry.archive.file);
  const partial = join(folder, `.${entry.batchId}.reexport.partial`);
  const target = join(folder, entry.fileName);
  let key: Uint8Array | null = null;
  const note = journal.begin(partial);
  try {
    key = protector.unprotect(Buffer.from(entry.archive.sealedKey, 'base64'));
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(entry.archive.iv, 'base64'));
    decipher.setAuthTag(Buffer.from(entry.archive.tag, 'base64'));
    try {
      await pipeline(createReadStream(source), decipher, createWriteStream(partial, { flags: 'w' }));
    } catch (err) {
      const missing = (err as NodeJS.ErrnoException).code === 'ENOENT' && !String((err as Error).message).includes(folder);
      throw new ServiceError(
        'copy_damaged',
        missing ? '本机保存的批次副本已不存在，无法重新导出' : `本机保存的批次副本无法读取或已被改动：${(err as Error).message}`,
      );
    }
    fsyncFile(partial);
    const report = await verifyZipFile(partial, { fileName: entry.fileName });
    if (!report.ok || report.manifestSha256 !== entry.manifestSha256) {
      throw new ServiceError('verify_failed', '重新写出的批次未通过校验');
    }
    renameSync(partial, target);
    fsyncDirectory(folder);
    return target;
  } catch (err) {
    rmSync(partial, { force: true });
    if (err instanceof ServiceError) throw err;
    throw new ServiceError('export_failed', `重新导出失败：${(err as Error).message}`);
  } finally {
    key?.fill(0);
    journal.end(note);
  }
}
