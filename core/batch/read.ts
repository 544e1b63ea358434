import { readAll, splitLines, type ArchiveView, type Sha256Factory } from './archive';
import { MANIFEST, recordTypeOfFile, type BatchRecordType, type Manifest } from './format';
import { plainNameOf, type ManifestV2 } from './formatV2';
import { parseRecordLine, type BatchRecord } from './records';
import { DecryptFailed, type SuiteVerifier } from './suite';

export type BatchItem = { kind: 'record'; type: BatchRecordType; record: BatchRecord } | { kind: 'file'; path: string; sha256: string; bytes: Uint8Array };

/**
 * Reads a verified batch for ingestion: record lines, then the other files. It hashes
 * everything again as it goes and throws if a byte differs from the manifest that was
 * verified, so a file changed between "verify" and "import" is never ingested.
 */
export async function* readBatchItems(archive: ArchiveView, verifiedManifestSha256: string, sha256: Sha256Factory): AsyncGenerator<BatchItem> {
  const manifestBytes = await readAll(archive, MANIFEST, 64 * 1024 * 1024);
  const mh = sha256();
  mh.update(manifestBytes);
  if (mh.digestHex() !== verifiedManifestSha256) throw new Error('批次文件在校验后被改动过');
  const manifest = JSON.parse(new TextDecoder().decode(manifestBytes)) as Manifest;
  const ordered = [...manifest.files].sort((a, b) => Number(!a.path.endsWith('.jsonl')) - Number(!b.path.endsWith('.jsonl')));
  for (const file of ordered) {
    const h = sha256();
    const type = recordTypeOfFile(file.path);
    if (file.path.endsWith('.jsonl')) {
      const hashed = async function* () {
        for await (const chunk of archive.read(file.path)) {
          h.update(chunk);
          yield chunk;
        }
      };
      const decoder = new TextDecoder('utf-8', { fatal: true });
      const pending: BatchRecord[] = [];
      for await (const line of splitLines(hashed())) pending.push(parseRecordLine(decoder.decode(line)) as BatchRecord);
      // Records are released only once their whole file has hashed right.
      if (h.digestHex() !== file.sha256) throw new Error(`${file.path} 在校验后被改动过`);
      if (type) for (const record of pending) yield { kind: 'record', type, record };
    } else {
      const bytes = await readAll(archive, file.path, 512 * 1024 * 1024);
      h.update(bytes);
      if (h.digestHex() !== file.sha256) throw new Error(`${file.path} 在校验后被改动过`);
      yield { kind: 'file', path: file.path, sha256: file.sha256, bytes };
    }
  }
}

/**
 * The same for a format v2 batch a centre holds a key of: every stored entry is decrypted
 * with the content key `contentKey` (unwrapped from the verified manifest), its tag or MAC,
 * stored hash and plaintext hash checked again, and only then are its records or bytes
 * released. A PDF comes out under its plaintext path with its SHA-256 (the key this station
 * stores PDFs by, whatever the suite's H is).
 */
export async function* readBatchItemsV2(
  archive: ArchiveView,
  verifiedManifestSha256: string,
  sha256: Sha256Factory,
  suite: SuiteVerifier,
  contentKey: Uint8Array,
): AsyncGenerator<BatchItem> {
  const manifestBytes = await readAll(archive, MANIFEST, 64 * 1024 * 1024);
  const mh = sha256();
  mh.update(manifestBytes);
  if (mh.digestHex() !== verifiedManifestSha256) throw new Error('批次文件在校验后被改动过');
  const manifest = JSON.parse(new TextDecoder().decode(manifestBytes)) as ManifestV2;
  const ordered = [...manifest.files].sort((a, b) => Number(!a.path.endsWith('.jsonl.enc')) - Number(!b.path.endsWith('.jsonl.enc')));
  for (const file of ordered) {
    const plainPath = plainNameOf(file.path);
    if (!plainPath) throw new Error(`${file.path} 不是加密的数据文件`);
    const stored = suite.hash();
    const plain = suite.hash();
    const plainSha = sha256();
    const decryptor = suite.decryptor(contentKey, file.path);
    // Plaintext before the tag is checked: hashed and held back, released only after `final`.
    const decrypted = async function* () {
      for await (const chunk of archive.read(file.path)) {
        stored.update(chunk);
        const out = decryptor.update(chunk);
        if (out.length) yield out;
      }
      const last = decryptor.final();
      if (last.length) yield last;
    };
    const hashed = async function* () {
      for await (const chunk of decrypted()) {
        plain.update(chunk);
        plainSha.update(chunk);
        yield chunk;
      }
    };
    const type = recordTypeOfFile(plainPath);
    const changed = () => stored.digestHex() !== file.hash || plain.digestHex() !== file.plainHash;
    try {
      if (plainPath.endsWith('.jsonl')) {
        const decoder = new TextDecoder('utf-8', { fatal: true });
        const pending: BatchRecord[] = [];
        for await (const line of splitLines(hashed())) pending.push(parseRecordLine(decoder.decode(line)) as BatchRecord);
        if (changed()) throw new Error(`${file.path} 在校验后被改动过`);
        if (type) for (const record of pending) yield { kind: 'record', type, record };
      } else {
        const parts: Uint8Array[] = [];
        let size = 0;
        for await (const chunk of hashed()) {
          size += chunk.length;
          if (size > 512 * 1024 * 1024) throw new Error(`${file.path} 过大`);
          parts.push(chunk);
        }
        if (changed()) throw new Error(`${file.path} 在校验后被改动过`);
        const bytes = new Uint8Array(size);
        let at = 0;
        for (const p of parts) {
          bytes.set(p, at);
          at += p.length;
        }
        yield { kind: 'file', path: plainPath, sha256: plainSha.digestHex(), bytes };
      }
    } catch (err) {
      if (err instanceof DecryptFailed) throw new Error(`${file.path} 在校验后被改动过（解密校验失败）`);
      throw err;
    }
  }
}
