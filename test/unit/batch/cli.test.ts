import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { writeFileSync } from 'node:fs';
import { consultation, exportBatch, testStation } from './support';

const ROOT = resolve(import.meta.dirname, '../../..');

function cli(args: string[]): { code: number; stdout: string; stderr: string } {
  try {
    const stdout = execFileSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'electron/cli/batch.ts'), ...args], { encoding: 'utf8', stdio: 'pipe' });
    return { code: 0, stdout, stderr: '' };
  } catch (err) {
    const e = err as { status: number; stdout: string; stderr: string };
    return { code: e.status, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run batch -- verify', () => {
  it('exits 0 for a valid batch, non-zero with the reasons otherwise', async () => {
    const station = testStation();
    const one = await exportBatch(station, { consultations: [consultation()] });
    const two = await exportBatch(station, { consultations: [consultation()] });
    const key = station.service.stationKey().publicKey;

    const ok = cli(['verify', two.path, '--previous', one.manifestSha256, '--previous-sequence', '1', '--public-key', key]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('校验通过');
    expect(ok.stdout).toContain(two.manifestSha256);

    const chain = cli(['verify', two.path, '--previous', 'b'.repeat(64)]);
    expect(chain.code).toBe(1);
    expect(chain.stderr).toContain('[chain_broken]');

    const other = testStation();
    const wrongKey = cli(['verify', two.path, '--public-key', other.service.stationKey().publicKey]);
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.stderr).toContain('[key_mismatch]');

    const junk = join(station.outDir, 'junk.zip');
    writeFileSync(junk, 'not a zip');
    const bad = cli(['verify', junk, '--json']);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout).problems[0].code).toBe('not_zip');

    expect(cli(['verify']).code).toBe(2);
  }, 60_000);
});
