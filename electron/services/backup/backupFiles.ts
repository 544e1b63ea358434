import { closeSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, statSync, writeFileSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { ServiceError } from '../errors';

/** Where a backup may be written or read: only folders and files the user chose in a dialog (or the configured daily folder). */
export interface BackupPorts {
  chooseFolder(): Promise<string | null>;
  chooseFile(): Promise<string | null>;
  /** The folder for automatic daily backups, if configured. */
  autoFolder(): string | null;
}

export const BACKUP_NAME = /^[A-Za-z0-9-]{1,32}_backup_\d{8}T\d{6}\.dlbackup$/;
const MAX_BACKUP_BYTES = 2 * 1024 ** 3;

function fsyncDir(dir: string) {
  try {
    const fd = openSync(dir, 'r');
    fsyncSync(fd);
    closeSync(fd);
  } catch {
    // Some platforms (Windows) cannot open a directory; the rename is still atomic there.
  }
}

/** Writes to a temporary name, flushes, then renames: a crash or full disk never leaves half a backup under the real name. */
export function writeFileAtomic(target: string, bytes: Uint8Array, what = '备份'): void {
  const temp = join(dirname(target), `.${basename(target)}.partial`);
  try {
    const fd = openSync(temp, 'w', 0o600);
    try {
      writeFileSync(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
    fsyncDir(dirname(target));
  } catch (err) {
    rmSync(temp, { force: true });
    throw new ServiceError(
      'write_failed',
      `${what}写入失败：${(err as NodeJS.ErrnoException).code === 'ENOSPC' ? '磁盘空间不足' : '无法写入所选位置'}，未留下不完整的文件`,
    );
  }
}

export function createBackupService(ports: BackupPorts) {
  const allowedFolders = new Set<string>();
  const allowedFiles = new Set<string>();
  /** The bytes of a backup file the user chose in the restore dialog; any other path is refused. */
  const readChosen = (file: string): Uint8Array => {
    const path = resolve(file);
    if (!allowedFiles.has(path)) throw new ServiceError('file_not_chosen', '请先选择要恢复的备份文件');
    if (statSync(path).size > MAX_BACKUP_BYTES) throw new ServiceError('too_large', '备份文件过大，无法读取');
    return readFileSync(path);
  };

  return {
    async chooseFolder(): Promise<string | null> {
      const folder = await ports.chooseFolder();
      if (folder) allowedFolders.add(resolve(folder));
      return folder ? resolve(folder) : null;
    },
    async chooseFile(): Promise<{ path: string; name: string; bytes: number } | null> {
      const file = await ports.chooseFile();
      if (!file) return null;
      const path = resolve(file);
      allowedFiles.add(path);
      return { path, name: basename(path), bytes: statSync(path).size };
    },
    write(input: { folder: string | null; fileName: string; data: string; keep?: number | undefined }): { path: string } {
      const folder = input.folder ? resolve(input.folder) : ports.autoFolder();
      if (!folder || (input.folder && !allowedFolders.has(folder))) throw new ServiceError('folder_not_chosen', '请先选择备份保存的位置');
      if (!BACKUP_NAME.test(input.fileName)) throw new ServiceError('bad_name', '备份文件名无效');
      const target = join(folder, input.fileName);
      writeFileAtomic(target, Buffer.from(input.data, 'base64'));
      if (input.keep) {
        const prefix = input.fileName.slice(0, input.fileName.indexOf('_backup_') + 8);
        const old = readdirSync(folder)
          .filter((n) => BACKUP_NAME.test(n) && n.startsWith(prefix))
          .sort()
          .reverse()
          .slice(input.keep);
        for (const name of old) rmSync(join(folder, name), { force: true });
      }
      return { path: target };
    },
    read(input: { path: string }): { data: string } {
      return { data: Buffer.from(readChosen(input.path)).toString('base64') };
    },
    readChosen,
  };
}

export type BackupService = ReturnType<typeof createBackupService>;
