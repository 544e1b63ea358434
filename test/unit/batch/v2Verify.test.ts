import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { SUITES, type ManifestV2 } from '../../../core/batch/formatV2';
import { consultation, exportBatch, fakePdf, testStation } from './support';
import { centre, forge, v2DocumentLine, verifyV2File, writeV2 } from './v2Support';

const codes = (r: { problems: { code: string }[] }) => r.problems.map((p) => p.code);

describe.each(SUITES)('format v2, suite %s', (suite) => {
  const city = centre(suite, '沈阳市法律援助中心');
  const province = centre(suite, '辽宁省法律援助中心');
  const other = centre(suite, '大连市法律援助中心');

  it('round-trips 100,000 records and PDFs: checkable without a key, readable in full with one, no client data in the clear', async () => {
    const pdf = fakePdf('起诉状 王小明 210102199001011234');
    const doc = v2DocumentLine(suite, pdf);
    const records = Array.from({ length: 100_000 }, () => consultation({ clientName: '王小明', idNumber: '210102199001011234' }));
    const w = await writeV2(
      suite,
      [city.publicKey, province.publicKey],
      { consultations: records, documents: [doc] },
      { pdfs: new Map([[doc.file as string, pdf]]) },
    );

    const bare = await verifyV2File(w.path);
    expect(bare.problems).toEqual([]);
    expect(bare.ok).toBe(true);
    expect(bare.decrypted).toBe(false);
    expect(bare.manifestV2?.suite).toBe(suite);

    for (const c of [city, province]) {
      const full = await verifyV2File(w.path, { recipientKey: c.secret });
      expect(full.problems).toEqual([]);
      expect(full.decrypted).toBe(true);
      expect(full.records).toBe(100_001);
    }

    const bytes = readFileSync(w.path);
    for (const secret of ['王小明', '210102199001011234']) {
      expect(bytes.includes(Buffer.from(secret, 'utf8'))).toBe(false);
      expect(bytes.includes(Buffer.from(Buffer.from(secret, 'utf8').toString('base64').slice(0, 16)))).toBe(false);
    }
    expect(w.manifest.files.map((f) => f.path).sort()).toEqual(['consultations.jsonl.enc', 'documents.jsonl.enc', `${doc.file as string}.enc`].sort());
  }, 240_000);

  it('a batch for the city centre cannot be read with another centre’s key', async () => {
    const w = await writeV2(suite, [city.publicKey], { consultations: [consultation()] });
    const report = await verifyV2File(w.path, { recipientKey: other.secret });
    expect(report.ok).toBe(false);
    expect(codes(report)).toContain('not_recipient');
    expect(report.decrypted).toBe(false);
  });

  it('a key of the other suite is refused by name', async () => {
    const foreign = centre(suite === 'gm-1' ? 'intl-1' : 'gm-1', '他省中心');
    const w = await writeV2(suite, [city.publicKey], { consultations: [consultation()] });
    expect(codes(await verifyV2File(w.path, { recipientKey: foreign.secret }))).toEqual(['not_recipient']);
  });

  it('continues a chain that crosses from v1 to v2, under the v2 suite’s hash', async () => {
    const station = testStation();
    const v1 = await exportBatch(station, { consultations: [consultation()] });
    const { readZip } = await import('./support');
    const v1Manifest = (await readZip(v1.path)).find(([n]) => n === 'manifest.json')![1];
    const h = createHash(suite === 'gm-1' ? 'sm3' : 'sha256')
      .update(v1Manifest)
      .digest('hex');
    const w = await writeV2(suite, [city.publicKey], { consultations: [consultation()] }, { sequence: 2, previousManifestHash: h });
    const chain = { previousManifestSha256: v1.manifestSha256, previousManifestSm3: createHash('sm3').update(v1Manifest).digest('hex'), previousSequence: 1 };
    expect((await verifyV2File(w.path, { chain, recipientKey: city.secret })).problems).toEqual([]);

    // The next v2 batch names the first one's H; a v1-style SHA-256 under gm-1 would not do.
    const next = await writeV2(
      suite,
      [city.publicKey],
      { consultations: [consultation()] },
      { sequence: 3, previousManifestHash: w.manifestHash, signer: w.signer },
    );
    const nextChain = { previousManifestSha256: w.manifestHash, previousManifestSm3: w.manifestHash, previousSequence: 2 };
    expect((await verifyV2File(next.path, { chain: nextChain, registeredPublicKey: w.signer.publicKey })).ok).toBe(true);
    const broken = await verifyV2File(next.path, { chain: { ...nextChain, previousManifestSha256: 'a'.repeat(64), previousManifestSm3: 'a'.repeat(64) } });
    expect(codes(broken)).toEqual(['chain_broken']);
    if (suite === 'gm-1') {
      const v1Style = await writeV2(suite, [city.publicKey], { consultations: [consultation()] }, { sequence: 2, previousManifestHash: v1.manifestSha256 });
      expect(codes(await verifyV2File(v1Style.path, { chain }))).toEqual(['chain_broken']);
    }
  });

  describe('rejections the spec lists', () => {
    const base = () => writeV2(suite, [city.publicKey, province.publicKey], { consultations: [consultation(), consultation()] });

    it('an unknown suite', async () => {
      const w = await base();
      const path = await forge(w, city, { manifest: (m) => void ((m as { suite: string }).suite = 'rsa-1') });
      expect(codes(await verifyV2File(path))).toEqual(['unknown_suite']);
    });

    it('an empty recipients list', async () => {
      const w = await base();
      const path = await forge(w, city, { manifest: (m) => void (m.recipients = []) });
      expect(codes(await verifyV2File(path))).toEqual(['no_recipients']);
    });

    it('a plaintext data entry, listed or not', async () => {
      const w = await base();
      const plain = Buffer.from(`${JSON.stringify(consultation())}\n`);
      const unlisted = await forge(w, city, { entries: (e) => [...e, ['shifts.jsonl', plain]] });
      expect(codes(await verifyV2File(unlisted))).toContain('plaintext_entry');
      const listed = await forge(w, city, {
        manifest: (m) =>
          void m.files.push({
            path: 'shifts.jsonl',
            hash: 'a'.repeat(64),
            bytes: plain.length,
            plainHash: 'a'.repeat(64),
            plainBytes: plain.length,
            records: 1,
          }),
        entries: (e) => [...e, ['shifts.jsonl', plain]],
      });
      expect(codes(await verifyV2File(listed))).toContain('plaintext_entry');
    });

    it('a failed tag or MAC, even when the manifest was signed over the changed bytes', async () => {
      const w = await base();
      const flip = (b: Buffer) => {
        const c = Buffer.from(b);
        c[20]! ^= 1;
        return c;
      };
      let changed: Buffer | null = null;
      const path = await forge(w, city, {
        entries: (e) => e.map(([n, b]) => (n === 'consultations.jsonl.enc' ? [n, (changed = flip(b))] : [n, b])),
      });
      // The forger re-signs after the flip: hash the changed bytes into a second forgery.
      const w2 = { ...w, path };
      const resigned = await forge(w2, city, {
        manifest: (m) => {
          const f = m.files.find((x) => x.path === 'consultations.jsonl.enc')!;
          f.hash = createHash(suite === 'gm-1' ? 'sm3' : 'sha256')
            .update(changed!)
            .digest('hex');
        },
      });
      const keyless = await verifyV2File(resigned);
      expect(keyless.ok).toBe(true); // without a key, nothing can tell
      const report = await verifyV2File(resigned, { recipientKey: city.secret });
      expect(codes(report)).toEqual(['decrypt_failed']);
      expect(report.problems[0]!.message).toContain(suite === 'gm-1' ? 'HMAC-SM3' : 'GCM');
    });

    it('a plainHash that differs', async () => {
      const w = await base();
      const path = await forge(w, city, { manifest: (m) => void (m.files[0]!.plainHash = 'b'.repeat(64)) });
      expect((await verifyV2File(path)).ok).toBe(true);
      expect(codes(await verifyV2File(path, { recipientKey: city.secret }))).toEqual(['plain_hash_mismatch']);
    });

    it('a recipient entry that does not unwrap for the receiver named by its keyId', async () => {
      const w = await base();
      const path = await forge(w, city, {
        manifest: (m) => {
          const mine = m.recipients.find((r) => r.keyId === city.secret.keyId)!;
          mine.encryptedKey = m.recipients.find((r) => r.keyId === province.secret.keyId)!.encryptedKey;
          if (suite === 'intl-1') mine.ephemeralPublicKey = m.recipients.find((r) => r.keyId === province.secret.keyId)!.ephemeralPublicKey!;
        },
      });
      expect(codes(await verifyV2File(path, { recipientKey: city.secret }))).toEqual(['unwrap_failed']);
      expect((await verifyV2File(path, { recipientKey: province.secret })).ok).toBe(true);
    });

    it('more recipients than any batch has, before a single key is checked', async () => {
      const w = await base();
      const path = await forge(w, city, { manifest: (m) => void (m.recipients = Array.from({ length: 65 }, () => m.recipients[0]!)) });
      expect(codes(await verifyV2File(path))).toEqual(['manifest_invalid']);
    });

    it('a recipient whose keyId is not its key’s', async () => {
      const w = await base();
      const path = await forge(w, city, { manifest: (m) => void (m.recipients[1]!.keyId = '0'.repeat(16)) });
      expect(codes(await verifyV2File(path))).toEqual(['manifest_invalid']);
    });

    it('a stored byte changed after signing, a missing or an extra file, a broken signature', async () => {
      const w = await base();
      const changed = await forge(w, city, {
        manifest: (m: ManifestV2) => void m,
        entries: (e) =>
          e.map(([n, b]) => (n === 'consultations.jsonl.enc' ? [n, Buffer.concat([b.subarray(0, 30), Buffer.from([b[30]! ^ 1]), b.subarray(31)])] : [n, b])),
      });
      expect(codes(await verifyV2File(changed))).toEqual(['hash_mismatch']);
      const missing = await forge(w, city, { entries: (e) => e.filter(([n]) => n !== 'consultations.jsonl.enc') });
      expect(codes(await verifyV2File(missing))).toContain('missing_file');
      const extra = await forge(w, city, { entries: (e) => [...e, ['notes.txt.enc', Buffer.from('x')]] });
      expect(codes(await verifyV2File(extra))).toEqual(['extra_file']);
      const unsigned = await forge(w, city, {
        entries: (e) =>
          e.map(([n, b]) =>
            n === 'manifest.json'
              ? [
                  n,
                  Buffer.from(
                    b
                      .toString('utf8')
                      .replace('"sequence": 1', '"sequence": 2')
                      .replace('"previousManifestHash": null', `"previousManifestHash": "${'c'.repeat(64)}"`),
                  ),
                ]
              : [n, b],
          ),
      });
      expect(codes(await verifyV2File(unsigned))).toEqual(['bad_signature']);
    });

    it('every v1 record rule on the plaintext: a line outside the period, not JSON, without a field; line counts', async () => {
      const w = await base();
      const outside = await forge(w, city, {
        plainPath: 'consultations.jsonl',
        plaintext: (old) => Buffer.concat([old, Buffer.from(`${JSON.stringify(consultation({ updatedAt: '2020-01-01T08:00:00+08:00' }))}\n`)]),
        manifest: (m) => void (m.counts.consultations = 3),
      });
      expect(codes(await verifyV2File(outside, { recipientKey: city.secret }))).toEqual(['outside_period']);
      const junk = await forge(w, city, {
        plainPath: 'consultations.jsonl',
        plaintext: (old) => Buffer.concat([old, Buffer.from('{not json\n{"id":"x"}\n')]),
        manifest: (m) => void (m.counts.consultations = 4),
      });
      expect(codes(await verifyV2File(junk, { recipientKey: city.secret })).sort()).toEqual(['invalid_line', 'missing_field']);
      const long = await forge(w, city, {
        plainPath: 'consultations.jsonl',
        plaintext: (old) => Buffer.concat([old, Buffer.from(`${JSON.stringify(consultation({ advice: 'x'.repeat(1100 * 1024) }))}\n`)]),
        manifest: (m) => void (m.counts.consultations = 3),
      });
      const tooLong = await verifyV2File(long, { recipientKey: city.secret });
      expect(codes(tooLong)).toEqual(['invalid_line']);
      expect(tooLong.problems[0]!.message).toContain('第 3 行超过 1 MB');
      const lines = await forge(w, city, { manifest: (m) => void (m.files[0]!.records = 5) });
      const report = await verifyV2File(lines, { recipientKey: city.secret });
      expect(codes(report)).toContain('line_count_mismatch');
    });
  });
});
