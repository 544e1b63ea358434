// Runs Electronegativity over the main/preload sources and the page's CSP, and fails on
// any finding that docs/SECURITY.md does not justify (table "Electronegativity findings").
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
const stage = mkdtempSync(join(tmpdir(), 'electronegativity-'));
try {
  cpSync('electron', join(stage, 'electron'), { recursive: true });
  cpSync('renderer/index.html', join(stage, 'index.html'));
  // SARIF, not CSV: the CSV writer truncates the file with its header while it appends the
  // rows (two unordered writes), so a run now and then left a cut first row.
  const out = join(stage, 'findings.sarif');
  const bin = require.resolve('@doyensec/electronegativity/dist/index.js');
  const run = spawnSync(process.execPath, [bin, '-i', stage, '-r', '-v', 'false', '-e', electronVersion, '-o', out], { encoding: 'utf8' });
  if (run.status !== 0) {
    console.error(run.stdout, run.stderr);
    process.exit(1);
  }
  const sarif = JSON.parse(readFileSync(out, 'utf8'));
  const findings = sarif.runs[0].results.map((r) => ({
    check: r.ruleId,
    severity: r.level,
    file: String(r.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? 'N/A').replace(/^.*[\\/]/, ''),
  }));
  const justified = new Set(
    readFileSync('docs/SECURITY.md', 'utf8')
      .split('\n')
      .map((l) => /^\|\s*`([A-Z_]+)`\s*\|\s*`([^`]+)`\s*\|/.exec(l))
      .filter(Boolean)
      .map((m) => `${m[1]} ${m[2]}`),
  );
  const open = findings.filter((f) => !justified.has(`${f.check} ${f.file}`));
  for (const f of findings) console.log(`${open.includes(f) ? 'UNJUSTIFIED' : 'justified  '} ${f.severity.padEnd(7)} ${f.check} ${f.file}`);
  console.log(`electronegativity: ${findings.length} findings, ${open.length} unjustified`);
  process.exit(open.length ? 1 : 0);
} finally {
  rmSync(stage, { recursive: true, force: true });
}
