// Prints one closing line over both runners: "tests: N passed, N failed, N skipped".
// A missing report (the runner never ran) counts as a failure.
import { existsSync, readFileSync } from 'node:fs';

const [unitFile, e2eFile] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;
const missing = [];

if (unitFile && existsSync(unitFile)) {
  const r = JSON.parse(readFileSync(unitFile, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + (r.numTodoTests ?? 0);
  console.log(`unit (vitest): ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`);
} else missing.push('unit');

if (e2eFile && existsSync(e2eFile)) {
  const s = JSON.parse(readFileSync(e2eFile, 'utf8')).stats;
  const p = s.expected + s.flaky;
  passed += p;
  failed += s.unexpected;
  skipped += s.skipped;
  console.log(`e2e (playwright): ${p} passed, ${s.unexpected} failed, ${s.skipped} skipped`);
} else missing.push('e2e');

if (missing.length) {
  console.log(`not run: ${missing.join(', ')}`);
  failed += missing.length;
}
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
