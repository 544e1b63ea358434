import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

/** Export of 100,000 consultations + 5,000 PDFs and its verification, in a process of its own (its peak RSS is the figure). */
export function runBatchBench(): Record<string, number> {
  const out = execFileSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'test/bench/batchWorker.ts')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  return JSON.parse(out.trim().split('\n').at(-1)!) as Record<string, number>;
}
