// Cold start: from opening the app's page to the sign-in screen a person can use, on a
// profile that has finished setup. Each run is a new Chromium process on the same
// profile, so no code or style is cached in memory; the HTTP cache is kept, as it would
// be on the station laptop (Electron reads the bundle from the app's own files).
import { mkdtempSync, rmSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchHarness } from '../harness/harness';
import { completeSetup } from '../e2e/support/setup';

const ROOT = resolve(import.meta.dirname, '../..');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Bytes of JavaScript the built renderer ships, and of the entry chunk alone. */
function bundleSizes(): { totalKiB: number; entryKiB: number; chunks: number } {
  const dir = join(ROOT, 'out/renderer/assets');
  const js = readdirSync(dir).filter((f) => f.endsWith('.js'));
  const sizes = js.map((f) => ({ f, size: statSync(join(dir, f)).size }));
  const entry = sizes.filter((s) => s.f.startsWith('index')).reduce((a, s) => a + s.size, 0);
  return { totalKiB: sizes.reduce((a, s) => a + s.size, 0) / 1024, entryKiB: entry / 1024, chunks: js.length };
}

const IN_PAGE_WAIT_FOR_SIGN_IN = `new Promise((done) => {
  const check = () => {
    const ready = [...document.querySelectorAll('button')].some((b) => (b.textContent || '').replace(/\\s/g, '') === '登录');
    if (!ready) return void requestAnimationFrame(check);
    const scripts = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.js'));
    done({
      now: performance.now(),
      scriptEnd: Math.max(0, ...scripts.map((s) => s.responseEnd)),
      bytes: scripts.reduce((a, s) => a + (s.decodedBodySize || 0), 0),
    });
  };
  check();
})`;

export async function runColdStartBench(runs = Number(process.env.BENCH_COLD_RUNS ?? 7)): Promise<Record<string, number>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'station-cold-'));
  try {
    const first = await launchHarness({ dataDir });
    await completeSetup(first.page);
    await first.close();

    const toSignIn: number[] = [];
    const scriptMs: number[] = [];
    const jsKiB: number[] = [];
    for (let i = 0; i < runs; i++) {
      const h = await launchHarness({ dataDir });
      try {
        // launchHarness returns at the page's load event; the page's own clock (navigation
        // start = 0) then tells, frame by frame, when the sign-in button is there, so
        // neither Chromium's process start nor Playwright's polling is counted.
        // A string, not a function: tsx would wrap a named arrow in a helper the page lacks.
        const t = (await h.page.evaluate(IN_PAGE_WAIT_FOR_SIGN_IN)) as { now: number; scriptEnd: number; bytes: number };
        toSignIn.push(t.now);
        scriptMs.push(t.scriptEnd);
        jsKiB.push(t.bytes / 1024);
      } finally {
        await h.close();
      }
    }
    const sizes = bundleSizes();
    return {
      runs,
      'navigation to sign-in screen, median (ms)': median(toSignIn),
      'navigation to sign-in screen, max (ms)': Math.max(...toSignIn),
      'last script loaded, median (ms)': median(scriptMs),
      'JS loaded before sign-in (KiB)': median(jsKiB),
      'renderer JS in all (KiB)': sizes.totalKiB,
      'entry chunk (KiB)': sizes.entryKiB,
      'JS chunks': sizes.chunks,
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
