import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../harness/harness';

/** The page's API (test/bench/browser/consultationBench.ts, type-checked with the renderer). */
declare global {
  interface Window {
    bench: {
      seed(n: number): Promise<{ ms: number; indexEntries: number }>;
      measure(): Promise<Record<string, number>>;
      checkGenerated(n: number): string[];
      seedForStatistics(n: number): Promise<{ seedMs: number; rebuildMs: number; buckets: number; mediations: number }>;
      measureStatistics(): Promise<Record<string, number>>;
    };
  }
}

const ROOT = resolve(import.meta.dirname, '../..');
const ORIGIN = 'http://localhost:5392';

/**
 * Issue 3's benchmark: 100,000 consultations seeded in IndexedDB in Chromium through the
 * repository code (tokens, blind index, sealing), then the waits a lawyer notices.
 */
/** Opens the bench bundle in Chromium with a fresh profile and hands the page to `fn`. */
async function withBenchPage<T>(fn: (page: Page) => Promise<T>): Promise<T> {
  const bundle = await build({
    entryPoints: [join(ROOT, 'test/bench/browser/consultationBench.ts')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    minify: true,
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const profile = mkdtempSync(join(tmpdir(), 'station-bench-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
  try {
    await context.route('**/*', (route) => route.abort());
    await context.route(`${ORIGIN}/**`, (route) =>
      route.request().url().endsWith('/bench.js')
        ? route.fulfill({ body: bundle.outputFiles[0]!.text, contentType: 'text/javascript' })
        : route.fulfill({ body: '<!doctype html><meta charset="utf-8"><script type="module" src="/bench.js"></script>', contentType: 'text/html' }),
    );
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (msg) => console.error(`  [bench] ${msg.text()}`));
    page.setDefaultTimeout(0);
    await page.goto(`${ORIGIN}/`);
    await page.waitForFunction(() => 'bench' in window);
    return await fn(page);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/** A fresh page load, as when the app is opened on a full database. */
async function reload(page: Page): Promise<void> {
  await page.reload();
  await page.waitForFunction(() => 'bench' in window);
}

export async function runConsultationBench(records = Number(process.env.BENCH_RECORDS ?? 100_000)): Promise<Record<string, number>> {
  return withBenchPage(async (page) => {
    const invalid = await page.evaluate(() => window.bench.checkGenerated(2000));
    if (invalid.length > 0) throw new Error(`generated records fail validation: ${invalid.slice(0, 3).join(' | ')}`);
    const seeded = await page.evaluate((n) => window.bench.seed(n), records);
    await reload(page);
    const figures = await page.evaluate(() => window.bench.measure());
    return { seedSeconds: Math.round(seeded.ms / 100) / 10, indexEntries: seeded.indexEntries, ...figures };
  });
}

/** Issue 5: the statistics of a year over `records` consultations. */
export async function runStatisticsBench(records = Number(process.env.BENCH_STAT_RECORDS ?? 100_000)): Promise<Record<string, number>> {
  return withBenchPage(async (page) => {
    const seeded = await page.evaluate((n) => window.bench.seedForStatistics(n), records);
    await reload(page);
    const figures = await page.evaluate(() => window.bench.measureStatistics());
    return { seedSeconds: Math.round(seeded.seedMs / 100) / 10, bucketRebuildSeconds: Math.round(seeded.rebuildMs / 100) / 10, buckets: seeded.buckets, mediations: seeded.mediations, ...figures };
  });
}

if (process.argv[1]?.endsWith('consultations.ts')) {
  const figures = await runConsultationBench();
  console.table(Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, typeof v === 'number' ? Math.round(v * 10) / 10 : v])));
}
