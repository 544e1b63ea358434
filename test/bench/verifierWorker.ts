// One archive verified in a process of its own: the time to read the file once, the time
// to verify it, and the memory the verification took above the process's baseline.
import { createReadStream, readFileSync, statSync, writeFileSync } from 'node:fs';
import { verifyZipFile } from '../../electron/services/batch/zipArchive';

const path = process.argv[2]!;
const started = performance.now();
for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) void chunk;
const readMs = performance.now() - started;

global.gc?.();
/** Linux keeps the true peak (VmHWM), which a sampler misses during synchronous work; "5" resets it. */
const hwm = (): number | null => {
  try {
    return Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))![1]) * 1024;
  } catch {
    return null;
  }
};
try {
  writeFileSync('/proc/self/clear_refs', '5');
} catch {
  // not Linux: the sampler's figure stands
}
const baseline = process.memoryUsage();
let peakRss = baseline.rss;
let peakHeap = baseline.heapUsed;
const sample = () => {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
};
const sampler = setInterval(sample, 5);
const verifyStart = performance.now();
const report = await verifyZipFile(path);
const verifyMs = performance.now() - verifyStart;
sample();
clearInterval(sampler);
peakRss = Math.max(peakRss, hwm() ?? 0);
console.log(
  JSON.stringify({
    'archive MiB': statSync(path).size / 2 ** 20,
    'read s': readMs / 1000,
    'verify s': verifyMs / 1000,
    'RSS above baseline MiB': (peakRss - baseline.rss) / 2 ** 20,
    'heap above baseline MiB': (peakHeap - baseline.heapUsed) / 2 ** 20,
    verdict: report.ok ? 'valid' : [...new Set(report.problems.map((p) => p.code))].join(','),
    problems: report.problems.length,
  }),
);
