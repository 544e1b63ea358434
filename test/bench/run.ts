// `npm run bench`: every benchmark, printed as tables. Not a test: figures go to docs/PERFORMANCE.md.
import { cpus, totalmem } from 'node:os';
import { runConsultationBench, runStatisticsBench } from './consultations';
import { runDocumentBench } from './documents';
import { runBatchBench, runVerifierBench } from './batches';

const round = (figures: Record<string, number | string>) =>
  Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, typeof v === 'number' ? Math.round(v * 10) / 10 : v]));

console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}`);
const statistics = async () => {
  console.log('\n== statistics: a year over 100,000 consultations (IndexedDB in Chromium)');
  console.table(round(await runStatisticsBench()));
};
const consultations = async () => {
  console.log('\n== consultation log (IndexedDB in Chromium)');
  console.table(round(await runConsultationBench()));
};
if (process.argv.includes('--consultations-only')) {
  await consultations();
  process.exit(0);
}
if (process.argv.includes('--statistics-only')) {
  await statistics();
  process.exit(0);
}
console.log('\n== batch: export 100,000 consultations + 5,000 PDFs (main-process side, own process), then verify');
console.table(round(runBatchBench()));
console.log('\n== batch verifier: hostile archives up to ~100 MB, each in its own process (goal: < 2 s above the read, < 100 MB)');
console.table(Object.fromEntries(Object.entries(await runVerifierBench()).map(([k, v]) => [k, round(v)])));
if (process.argv.includes('--batches-only')) process.exit(0);
await statistics();
console.log('\n== documents: one-page 法律帮助记录表, pdfkit engine vs Chromium print-to-PDF');
console.table(round(await runDocumentBench()));
if (process.argv.includes('--documents-only')) process.exit(0);
await consultations();
