import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readRecipientPublicKey, readRecipientSecret } from '../../../electron/services/batch/recipientKeys';
import { consultation } from './support';
import { centre, forge, writeV2 } from './v2Support';

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

describe('npm run batch -- keygen / verify with format v2', () => {
  it('a centre makes its key pair; a batch sent to it verifies with and without the private key; another centre’s key is refused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'keys-'));
    const made = cli(['keygen', '--suite', 'gm-1', '--name', '沈阳市法律援助中心', '--out', join(dir, 'shenyang')]);
    expect(made.code).toBe(0);
    expect(made.stdout).toContain('keyId');
    const pub = readRecipientPublicKey(readFileSync(join(dir, 'shenyang.public.json'), 'utf8'));
    expect(pub.ok).toBe(true);
    expect(readRecipientSecret(readFileSync(join(dir, 'shenyang.private.json'), 'utf8')).ok).toBe(true);
    expect(statSync(join(dir, 'shenyang.private.json')).mode & 0o077).toBe(0);
    expect(readFileSync(join(dir, 'shenyang.public.json'), 'utf8')).not.toContain('privateKey');
    // Never over an existing key.
    expect(cli(['keygen', '--suite', 'gm-1', '--name', '又一个', '--out', join(dir, 'shenyang')]).code).toBe(2);

    const w = await writeV2('gm-1', [pub.ok ? pub.value.publicKey : ''], { consultations: [consultation(), consultation()] });
    const bare = cli(['verify', w.path]);
    expect(bare.code).toBe(0);
    expect(bare.stdout).toContain('算法套件 gm-1');
    expect(bare.stdout).toContain('未解密');

    const full = cli(['verify', w.path, '--recipient-key', join(dir, 'shenyang.private.json')]);
    expect(full.code).toBe(0);
    expect(full.stdout).toContain('校验通过：2 条记录（已解密核对）');

    const other = centre('gm-1', '大连市法律援助中心');
    writeFileSync(join(dir, 'dalian.private.json'), other.privateText);
    const refused = cli(['verify', w.path, '--recipient-key', join(dir, 'dalian.private.json')]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('[not_recipient]');
    expect(refused.stderr).toContain('本批次未加密给该接收方密钥');

    const chain = cli(['verify', w.path, '--previous', 'a'.repeat(64)]);
    expect(chain.code).toBe(1);
    expect(chain.stderr).toContain('[chain_broken]');

    writeFileSync(join(dir, 'bad.private.json'), other.privateText.replace(other.secret.keyId, '0'.repeat(16)));
    const badKey = cli(['verify', w.path, '--recipient-key', join(dir, 'bad.private.json')]);
    expect(badKey.code).toBe(2);
    expect(badKey.stderr).toContain('keyId');
  }, 60_000);

  it('exits 1 with the reason when a tag fails under the centre’s key', async () => {
    const c = centre('intl-1', '辽宁省法律援助中心');
    const w = await writeV2('intl-1', [c.publicKey], { consultations: [consultation()] });
    const dir = mkdtempSync(join(tmpdir(), 'keys-'));
    writeFileSync(join(dir, 'p.private.json'), c.privateText);
    const path = await forge(w, c, { manifest: (m) => void (m.files[0]!.plainHash = 'f'.repeat(64)) });
    const r = cli(['verify', path, '--recipient-key', join(dir, 'p.private.json'), '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).problems.map((p: { code: string }) => p.code)).toEqual(['plain_hash_mismatch']);
  }, 60_000);
});
