// `npm run bench`: every benchmark, printed as tables. Not a test: figures go to docs/PERFORMANCE.md.
import { cpus, totalmem } from 'node:os';
import { runConsultationBench, runStatisticsBench } from './consultations';
import { runDocumentBench } from './documents';
import { runBatchBench, runVerifierBench } from './batches';
import { runColdStartBench } from './coldStart';

const round = (figures: Record<string, number | string>) =>
  Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, typeof v === 'number' ? Math.round(v * 10) / 10 : v]));

console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}`);
const ANCHORS = ['anchorCountMs', 'anchorRead50Ms'] as const;

/**
 * Each timed figure (a key ending in Ms) as a multiple of the two anchors measured in the
 * same run: the raw count() over the table and the warm read of the newest 50 rows.
 */
function relativeToAnchors(figures: Record<string, number>): Record<string, { ms: number; 'x count()': number; 'x read 50': number }> {
  const [count, read50] = ANCHORS.map((a) => figures[a]);
  if (!count || !read50) return {};
  return Object.fromEntries(
    Object.entries(figures)
      .filter(([k]) => k.endsWith('Ms') && !(ANCHORS as readonly string[]).includes(k))
      .map(([k, v]) => [
        k,
        { ms: Math.round(v * 10) / 10, 'x count()': Math.round((v / count) * 100) / 100, 'x read 50': Math.round((v / read50) * 100) / 100 },
      ]),
  );
}

const printWithAnchors = (figures: Record<string, number>) => {
  console.table(round(figures));
  console.log(`anchors in this run: count() over the table ${figures.anchorCountMs?.toFixed(1)} ms, newest 50 rows ${figures.anchorRead50Ms?.toFixed(1)} ms`);
  console.table(relativeToAnchors(figures));
};
const statistics = async () => {
  console.log(`\n== statistics: a year over ${Number(process.env.BENCH_STAT_RECORDS ?? 100_000).toLocaleString('en')} consultations (IndexedDB in Chromium)`);
  printWithAnchors(await runStatisticsBench());
};
const consultations = async () => {
  console.log(
    `\n== consultation log, ${Number(process.env.BENCH_RECORDS ?? 100_000).toLocaleString('en')} records: list, search, save, keystroke in 咨询事项 (IndexedDB in Chromium)`,
  );
  printWithAnchors(await runConsultationBench());
};
const coldStart = async () => {
  console.log('\n== cold start: opening the app to the sign-in screen (built renderer in Chromium, set-up profile)');
  console.table(round(await runColdStartBench()));
};
const documents = async () => {
  console.log(
    '\n== documents: the two-page 法律帮助记录表 and the one-page 转交函, pdfkit engine (warm: fonts parsed, 30 renders) vs Chromium print-to-PDF (median of 10)',
  );
  console.table(round(await runDocumentBench()));
};
if (process.argv.includes('--documents-only')) {
  await documents();
  process.exit(0);
}
if (process.argv.includes('--cold-start-only')) {
  await coldStart();
  process.exit(0);
}
if (process.argv.includes('--consultations-only') || process.argv.includes('--keystroke-only')) {
  await consultations();
  process.exit(0);
}
if (process.argv.includes('--statistics-only')) {
  await statistics();
  process.exit(0);
}
console.log('\n== batch: export 100,000 consultations + 5,000 PDFs (main-process side, own process), then verify');
console.table(round(runBatchBench()));
console.log('\n== batch format v2: the same export encrypted to one centre, verified with its key (goal: within 1.5x of v1)');
for (const suite of ['intl-1', 'gm-1'] as const) console.table(round(runBatchBench(suite)));
console.log('\n== batch verifier: hostile archives up to ~100 MB, each in its own process (goal: < 2 s above the read, < 100 MB)');
console.table(Object.fromEntries(Object.entries(await runVerifierBench()).map(([k, v]) => [k, round(v)])));
if (process.argv.includes('--batches-only')) process.exit(0);
await statistics();
await documents();
await coldStart();
await consultations();
