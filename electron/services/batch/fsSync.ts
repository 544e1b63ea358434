import { closeSync, fsyncSync, openSync } from 'node:fs';

/** Flushes a closed file's data to the device. */
export function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Flushes a directory entry (a rename); some platforms cannot open directories. */
export function fsyncDirectory(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Windows: the rename is durable without it.
  }
}
