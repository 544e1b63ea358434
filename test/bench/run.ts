// `npm run bench`: every benchmark, printed as tables. Not a test: figures go to docs/PERFORMANCE.md.
import { cpus, totalmem } from 'node:os';
import { runConsultationBench } from './consultations';

const round = (figures: Record<string, number | string>) =>
  Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, typeof v === 'number' ? Math.round(v * 10) / 10 : v]));

console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}`);
console.log('\n== consultation log (IndexedDB in Chromium)');
console.table(round(await runConsultationBench()));
