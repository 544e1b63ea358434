import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../harness/harness';

/** The page's API (test/bench/browser/consultationBench.ts, type-checked with the renderer). */
declare global {
  interface Window {
    bench: {
      seed(n: number): Promise<{ ms: number; indexEntries: number; postingRows: number }>;
      measure(): Promise<Record<string, number>>;
      checkGenerated(n: number): string[];
      seedForStatistics(n: number): Promise<{ seedMs: number; rebuildMs: number; buckets: number; mediations: number }>;
      measureStatistics(): Promise<Record<string, number>>;
      openForm(): Promise<void>;
      keystrokes(): { keys: number; medianMs: number; p95Ms: number };
      anchors(): Promise<{ anchorCountMs: number; anchorRead50Ms: number }>;
    };
  }
}

const ROOT = resolve(import.meta.dirname, '../..');
const ORIGIN = 'http://localhost:5392';

/**
 * Issue 3's benchmark: 100,000 consultations seeded in IndexedDB in Chromium through the
 * repository code (tokens, blind index, sealing), then the waits a lawyer notices.
 */
/**
 * Opens the bench bundle in Chromium and hands the page to `fn`: with a fresh profile, or
 * with `profile` (kept afterwards) when given.
 */
async function withBenchPage<T>(fn: (page: Page) => Promise<T>, kept?: string): Promise<T> {
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
  const profile = kept ?? mkdtempSync(join(tmpdir(), 'station-bench-'));
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
    if (!kept) rmSync(profile, { recursive: true, force: true });
  }
}

/** A fresh page load, as when the app is opened on a full database. */
async function reload(page: Page): Promise<void> {
  await page.reload();
  await page.waitForFunction(() => 'bench' in window);
}

/**
 * The seeded profile is kept in the temp folder and reused while the generator, the tokens
 * and the schema are unchanged: seeding 100,000 records takes minutes, measuring them
 * seconds. The repository's query code is not in the key, so it can be tuned against the
 * same data; after a change to what a record stores (its codec, its filter tokens), run
 * with BENCH_RESEED=1.
 */
export function seededProfileFor(records: number): string {
  const hash = createHash('sha256');
  for (const file of [
    'test/bench/browser/generate.ts',
    'core/search/tokens.ts',
    'core/search/postingBlocks.ts',
    'core/consultations/search.ts',
    'renderer/src/db/database.ts',
  ]) {
    hash.update(readFileSync(join(ROOT, file)));
  }
  return join(tmpdir(), 'station-bench-profiles', `consultations-${records}-${hash.digest('hex').slice(0, 12)}`);
}

export async function runConsultationBench(records = Number(process.env.BENCH_RECORDS ?? 100_000)): Promise<Record<string, number>> {
  const seeded = seededProfileFor(records);
  let seedFigures: Record<string, number> = {};
  if (process.env.BENCH_RESEED || !existsSync(join(seeded, 'ready.json'))) {
    rmSync(seeded, { recursive: true, force: true });
    mkdirSync(seeded, { recursive: true });
    seedFigures = await withBenchPage(async (page) => {
      const invalid = await page.evaluate(() => window.bench.checkGenerated(2000));
      if (invalid.length > 0) throw new Error(`generated records fail validation: ${invalid.slice(0, 3).join(' | ')}`);
      const s = await page.evaluate((n) => window.bench.seed(n), records);
      return { seedSeconds: Math.round(s.ms / 100) / 10, indexEntries: s.indexEntries, postingRows: s.postingRows };
    }, seeded);
    writeFileSync(join(seeded, 'ready.json'), JSON.stringify(seedFigures));
  } else {
    seedFigures = { ...(JSON.parse(readFileSync(join(seeded, 'ready.json'), 'utf8')) as Record<string, number>), reusedProfile: 1 };
  }
  // Measured in a browser started afresh on the seeded profile: a cold open of a full database.
  const work = mkdtempSync(join(tmpdir(), 'station-bench-run-'));
  cpSync(seeded, work, { recursive: true });
  try {
    const figures = await withBenchPage(async (page) => {
      // `--keystroke-only`: the two anchors and the typing figure, without the list and search runs.
      const measured = process.argv.includes('--keystroke-only')
        ? await page.evaluate(() => window.bench.anchors())
        : await page.evaluate(() => window.bench.measure());
      return { ...measured, ...(await typingFigures(page)) };
    }, work);
    return { ...seedFigures, ...figures };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Issue 20's keystroke figure: 200 keys pressed in the consultation form's 咨询事项 box,
 * through the browser's input pipeline, on the seeded database; from each key event to
 * the next frame. A short pause between keys, as a person types (about 8 keys a second).
 */
async function typingFigures(page: Page): Promise<Record<string, number>> {
  await page.evaluate(() => window.bench.openForm());
  const box = page.locator('[data-bench="question"]');
  await box.click();
  for (let i = 0; i < 200; i++)
    await page.keyboard.press(i % 10 === 9 ? 'Space' : String.fromCharCode(97 + (i % 26)), { delay: 0 }).then(() => page.waitForTimeout(120));
  await page.waitForFunction(() => window.bench.keystrokes().keys >= 200);
  const k = await page.evaluate(() => window.bench.keystrokes());
  return { keystrokeMedianMs: k.medianMs, keystrokeP95Ms: k.p95Ms };
}

/** Issue 5: the statistics of a year over `records` consultations. */
export async function runStatisticsBench(records = Number(process.env.BENCH_STAT_RECORDS ?? 100_000)): Promise<Record<string, number>> {
  return withBenchPage(async (page) => {
    const seeded = await page.evaluate((n) => window.bench.seedForStatistics(n), records);
    await reload(page);
    const figures = await page.evaluate(() => window.bench.measureStatistics());
    return {
      seedSeconds: Math.round(seeded.seedMs / 100) / 10,
      bucketRebuildSeconds: Math.round(seeded.rebuildMs / 100) / 10,
      buckets: seeded.buckets,
      mediations: seeded.mediations,
      ...figures,
    };
  });
}

if (process.argv[1]?.endsWith('consultations.ts')) {
  const figures = await runConsultationBench();
  console.table(Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, typeof v === 'number' ? Math.round(v * 10) / 10 : v])));
}
