import { createDecipheriv, createHash } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { readAll } from '../../../core/batch/archive';
import { MANIFEST } from '../../../core/batch/format';
import { ServiceError } from '../errors';
import type { BatchLedgerEntry } from './ledger';
import type { SecretProtector } from './secretProtector';
import { openZipArchive } from './zipArchive';

/**
 * SM3 of a past batch's manifest.json, for a gm-1 batch that follows it. Histories written
 * before format v2 lack it; it is then read from the batch's sealed copy, once.
 */
export async function previousManifestSm3(dataDir: string, entry: BatchLedgerEntry, protector: SecretProtector): Promise<string> {
  if (entry.manifestSm3) return entry.manifestSm3;
  if (!entry.archive) {
    throw new ServiceError('no_chain_hash', `第 ${entry.sequence} 号批次的清单不在本机（报送记录是从备份恢复的），无法以国密算法接续批次链`);
  }
  if (entry.archive.protection !== protector.kind) throw new ServiceError('key_protection', '上一批次副本的保护方式与本机不符，无法接续批次链');
  const tmp = join(dataDir, 'batches', `.${entry.batchId}.chain.partial`);
  mkdirSync(join(dataDir, 'batches'), { recursive: true });
  const key = protector.unprotect(Buffer.from(entry.archive.sealedKey, 'base64'));
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(entry.archive.iv, 'base64'));
    decipher.setAuthTag(Buffer.from(entry.archive.tag, 'base64'));
    await pipeline(createReadStream(join(dataDir, 'batches', entry.archive.file)), decipher, createWriteStream(tmp));
    const archive = await openZipArchive(tmp);
    try {
      const bytes = await readAll(archive, MANIFEST, 32 * 1024 * 1024);
      if (createHash('sha256').update(bytes).digest('hex') !== entry.manifestSha256) throw new Error('manifest differs from the ledger');
      return createHash('sm3').update(bytes).digest('hex');
    } finally {
      archive.close();
    }
  } catch (err) {
    if (err instanceof ServiceError) throw err;
    throw new ServiceError('copy_damaged', `无法读取上一批次的副本以接续批次链：${(err as Error).message}`);
  } finally {
    key.fill(0);
    rmSync(tmp, { force: true });
  }
}
