import { readAll, splitLines, type ArchiveView, type Sha256Factory } from './archive';
import { MANIFEST, recordTypeOfFile, type BatchRecordType, type Manifest } from './format';
import { parseRecordLine, type BatchRecord } from './records';

export type BatchItem =
  | { kind: 'record'; type: BatchRecordType; record: BatchRecord }
  | { kind: 'file'; path: string; sha256: string; bytes: Uint8Array };

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
