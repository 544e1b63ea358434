import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackupService, writeFileAtomic } from '../../../electron/services/backup/backupFiles';

const data = (s: string) => Buffer.from(s).toString('base64');

describe('backup file service', () => {
  it('writes only into a folder the user chose, atomically, and keeps the newest N', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'bk-'));
    const service = createBackupService({ chooseFolder: async () => folder, chooseFile: async () => null, autoFolder: () => null });
    expect(() => service.write({ folder, fileName: 'ST-1_backup_20261120T080000.dlbackup', data: data('x') })).toThrow('请先选择备份保存的位置');
    await service.chooseFolder();
    for (const day of ['20', '21', '22', '23']) {
      service.write({ folder, fileName: `ST-1_backup_202611${day}T080000.dlbackup`, data: data(day), keep: 2 });
    }
    expect(readdirSync(folder).sort()).toEqual(['ST-1_backup_20261122T080000.dlbackup', 'ST-1_backup_20261123T080000.dlbackup']);
    expect(readFileSync(join(folder, 'ST-1_backup_20261123T080000.dlbackup'), 'utf8')).toBe('23');
    expect(() => service.write({ folder, fileName: '../evil.dlbackup', data: data('x') })).toThrow('备份文件名无效');
  });

  it('leaves nothing behind when the write fails', () => {
    const folder = mkdtempSync(join(tmpdir(), 'bk-'));
    mkdirSync(join(folder, 'taken.dlbackup'));
    expect(() => writeFileAtomic(join(folder, 'taken.dlbackup'), Buffer.from('x'))).toThrow('未留下不完整的文件');
    expect(readdirSync(folder)).toEqual(['taken.dlbackup']);
  });

  it('reads only a file the user chose', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'bk-'));
    const file = join(folder, 'ST-1_backup_20261120T080000.dlbackup');
    writeFileSync(file, 'hello');
    const service = createBackupService({ chooseFolder: async () => null, chooseFile: async () => file, autoFolder: () => null });
    expect(() => service.read({ path: file })).toThrow('请先选择要恢复的备份文件');
    expect(await service.chooseFile()).toMatchObject({ name: 'ST-1_backup_20261120T080000.dlbackup', bytes: 5 });
    expect(Buffer.from(service.read({ path: file }).data, 'base64').toString()).toBe('hello');
  });
});
