import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildHostileArchives } from './hostileArchives';

const ROOT = resolve(import.meta.dirname, '../..');

/** Export of 100,000 consultations + 5,000 PDFs and its verification, in a process of its own (its peak RSS is the figure). */
export function runBatchBench(suite?: 'intl-1' | 'gm-1'): Record<string, number> {
  const out = execFileSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'test/bench/batchWorker.ts')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...(suite ? { BENCH_SUITE: suite } : {}) },
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as Record<string, number>;
}

/**
 * The verifier on hostile archives of up to ~100 MB (issue 18): each verified in a
 * process of its own, after one plain read of the file. Goal: verified or refused in under
 * 2 s above the read time, under 100 MB of memory.
 */
export async function runVerifierBench(): Promise<Record<string, Record<string, number | string>>> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-hostile-'));
  try {
    const archives = await buildHostileArchives(dir);
    const rows: Record<string, Record<string, number | string>> = {};
    for (const [name, path] of Object.entries(archives)) {
      const out = execFileSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'test/bench/verifierWorker.ts'), path], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      rows[name] = JSON.parse(out.trim().split('\n').at(-1)!) as Record<string, number | string>;
    }
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
