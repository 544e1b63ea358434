import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BatchRecordType } from '../../../core/batch/format';
import type { ManifestV2, SuiteId } from '../../../core/batch/formatV2';
import { storedNameOf } from '../../../core/batch/formatV2';
import { toBase64 } from '../../../core/batch/keys';
import type { RecipientSecret } from '../../../core/batch/suite';
import type { VerifyOptions } from '../../../core/batch/verify';
import { createRecipientKeyFiles, readRecipientSecret, serializeKeyFile } from '../../../electron/services/batch/recipientKeys';
import { suiteOf, type KeyPair } from '../../../electron/services/batch/suites';
import { BatchV2Writer } from '../../../electron/services/batch/v2Writer';
import { verifyZipFile } from '../../../electron/services/batch/zipArchive';
import { consultation, readZip, STATION, writeZip, type Entries } from './support';

export interface Centre {
  name: string;
  publicKey: string;
  secret: RecipientSecret;
  publicText: string;
  privateText: string;
}

export function centre(suite: SuiteId, name: string): Centre {
  const { publicFile, privateFile } = createRecipientKeyFiles(suite, name);
  const privateText = serializeKeyFile(privateFile);
  const read = readRecipientSecret(privateText);
  if (!read.ok) throw new Error(read.reason);
  return { name, publicKey: publicFile.publicKey, secret: read.value, publicText: serializeKeyFile(publicFile), privateText };
}

export function v2DocumentLine(suite: SuiteId, pdf: Buffer): Record<string, unknown> {
  const base = consultation({ kind: 'help_record', number: '〔2026〕LN0102-KSS01值字第0001号' });
  const h = suiteOf(suite).hash();
  h.update(pdf);
  return { ...base, file: `documents/${base.id as string}.pdf`, hash: h.digestHex(), bytes: pdf.length };
}

export interface Written {
  path: string;
  dir: string;
  manifest: ManifestV2;
  manifestHash: string;
  signer: KeyPair;
}

export async function writeV2(
  suite: SuiteId,
  recipients: readonly string[],
  records: Partial<Record<BatchRecordType, Record<string, unknown>[]>>,
  options: { pdfs?: Map<string, Buffer>; sequence?: number; previousManifestHash?: string | null; signer?: KeyPair; dir?: string } = {},
): Promise<Written> {
  const s = suiteOf(suite);
  const signer = options.signer ?? s.generateSigningKey();
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'batch-v2-'));
  const tmp = join(dir, `.${Math.random().toString(36).slice(2)}.partial`);
  const writer = new BatchV2Writer(tmp, {
    suite,
    station: STATION,
    sequence: options.sequence ?? 1,
    previousManifestHash: options.previousManifestHash ?? null,
    recipients,
    appVersion: '0.1.0',
    publicKey: signer.publicKey,
    sign: (bytes) => s.sign(bytes, signer.privateKey),
  });
  for (const type of ['consultations', 'mediations', 'shifts', 'documents'] as const) {
    const list = records[type] ?? [];
    for (let i = 0; i < list.length; i += 500) await writer.appendRecords(type, list.slice(i, i + 500));
  }
  for (const [path, bytes] of options.pdfs ?? new Map<string, Buffer>()) await writer.appendFile(path, bytes);
  const result = await writer.finish();
  const path = join(dir, result.fileName);
  const { renameSync } = await import('node:fs');
  renameSync(tmp, path);
  return { path, dir, manifest: result.manifest, manifestHash: result.manifestHash, signer };
}

export function verifyV2File(path: string, options: Omit<VerifyOptions, 'sha256'> = {}) {
  return verifyZipFile(path, { fileName: path.split('/').pop()!, ...options });
}

/**
 * Rewrites a written batch as a forger holding the station's key and a centre's key would:
 * the plaintext of `plainPath` is replaced, encrypted again under the batch's K, the
 * manifest updated to match and signed again. Every check short of the record rules passes.
 */
export async function forge(
  written: Written,
  c: Centre,
  edit: { plainPath?: string; plaintext?: (old: Buffer) => Buffer; manifest?: (m: ManifestV2) => void; entries?: (e: Entries) => Entries },
): Promise<string> {
  const s = suiteOf(written.manifest.suite);
  const entries = await readZip(written.path);
  const manifest = JSON.parse(entries.find(([n]) => n === 'manifest.json')![1].toString('utf8')) as ManifestV2;
  if (edit.plainPath && edit.plaintext) {
    const stored = storedNameOf(edit.plainPath);
    const k = s.unwrap(manifest.recipients.find((r) => r.keyId === c.secret.keyId)!, c.secret.privateKey, manifest.batchId)!;
    const at = entries.findIndex(([n]) => n === stored);
    const d = s.decryptor(k, stored);
    const old = Buffer.concat([d.update(entries[at]![1]), d.final()]);
    const plain = edit.plaintext(old);
    const { header, cipher } = s.encryptor(k, stored);
    const bytes = Buffer.concat([header, cipher.update(plain), cipher.final()]);
    entries[at] = [stored, bytes];
    const file = manifest.files.find((f) => f.path === stored)!;
    const hash = (b: Uint8Array) => {
      const h = s.hash();
      h.update(b);
      return h.digestHex();
    };
    file.hash = hash(bytes);
    file.bytes = bytes.length;
    file.plainHash = hash(plain);
    file.plainBytes = plain.length;
    if (file.records !== undefined) file.records = plain.toString('utf8').split('\n').length - 1;
  }
  edit.manifest?.(manifest);
  // Written as parsed (key order kept, unknown keys too), so a forger can also break the shape.
  const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
  let out: Entries = entries.map(([n, b]) =>
    n === 'manifest.json' ? [n, manifestBytes] : n === 'manifest.sig' ? [n, Buffer.from(toBase64(s.sign(manifestBytes, written.signer.privateKey)))] : [n, b],
  );
  if (edit.entries) out = edit.entries(out);
  const path = join(written.dir, `forged-${Math.random().toString(36).slice(2)}-${written.path.split('/').pop()!}`);
  await writeZip(path, out);
  return path;
}
