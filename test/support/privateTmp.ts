import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Global setup for Vitest and Playwright: the run's temporary files (profiles, sticks,
 * batches, keys, PDFs) go into one folder of its own, removed when the run ends, pass or
 * fail. Workers and the browsers they start inherit TMPDIR, so `os.tmpdir()` and
 * `mkdtemp` everywhere in the tests land there without each test cleaning up; before, every
 * run left some two thousand folders in /tmp.
 */
export default function usePrivateTmp(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'dls-test-run-'));
  const before = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    rmSync(root, { recursive: true, force: true, maxRetries: 3 });
  };
}
