import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex } from '@noble/hashes/utils';
import { ArchiveOpenError, LineTooLong, MAX_LINE_BYTES, readAll, splitLines, type ArchiveView, type Sha256Factory } from './archive';
import { entryNameProblem, MANIFEST, manifestSchema, parseBatchFileName, recordTypeOfFile, SIGNATURE, type Manifest } from './format';
import type { SuiteId } from './formatV2';
import { fromBase64, samePublicKey, verifyManifestSignature } from './keys';
import { insidePeriod, recordLineProblem } from './records';
import {
  LINE_PROBLEM_LIMIT,
  MANIFEST_LIMIT,
  MAX_LISTED_FILES,
  PROBLEM_LIMIT,
  VerifyCancelled,
  type BatchProblem,
  type ChainExpectation,
  type Expectation,
  type ProblemCode,
  type VerifyOptions,
  type VerifyReport,
} from './verifyTypes';
import { verifyV2 } from './verifyV2';

/**
 * The verifier of shared/spec/batch-format.md, used by the app's "verify / import" screen,
 * by the export (which re-reads what it wrote) and by `npm run batch -- verify`. v1 is
 * checked here; a v2 manifest is handed to verifyV2.ts once its bytes are read.
 */
export type { BatchProblem, ChainExpectation, Expectation, ProblemCode, VerifyOptions, VerifyReport };

/** What a v1 and a v2 manifest share, as a screen or a registry needs it. */
export interface BatchHead {
  formatVersion: 1 | 2;
  /** Null for v1 (signed like intl-1, not encrypted). */
  suite: SuiteId | null;
  batchId: string;
  sequence: number;
  station: Manifest['station'];
  publicKey: string;
  period: Manifest['period'];
  counts: Manifest['counts'];
  /** H of manifest.json under the batch's suite (SHA-256 for v1): what a receipt names. */
  manifestHash: string;
}

/** The verified manifest of either version, or null when none parsed. */
export function batchHeadOf(report: Pick<VerifyReport, 'manifest' | 'manifestV2' | 'manifestSha256' | 'manifestHash'>): BatchHead | null {
  const m = report.manifest;
  if (m && report.manifestSha256) {
    return {
      formatVersion: 1,
      suite: null,
      batchId: m.batchId,
      sequence: m.sequence,
      station: m.station,
      publicKey: m.publicKey,
      period: m.period,
      counts: m.counts,
      manifestHash: report.manifestSha256,
    };
  }
  const v2 = report.manifestV2;
  if (v2 && report.manifestHash) {
    return {
      formatVersion: 2,
      suite: v2.suite,
      batchId: v2.batchId,
      sequence: v2.sequence,
      station: v2.station,
      publicKey: v2.publicKey,
      period: v2.period,
      counts: v2.counts,
      manifestHash: report.manifestHash,
    };
  }
  return null;
}
export { MAX_LISTED_FILES, PROBLEM_LIMIT, VerifyCancelled };

export function nobleSha256(): Sha256Factory {
  return () => {
    const h = sha256.create();
    return { update: (c) => void h.update(c), digestHex: () => bytesToHex(h.digest()) };
  };
}

/**
 * Bounded on any input: entries over the count limit, a structural flaw (overlap, link,
 * local/central name mismatch, non-UTF-8 name, bomb ratio) or a bad signature stop the
 * check before anything is inflated; no entry is inflated past the size the manifest
 * gives it; no line longer than MAX_LINE_BYTES is assembled; the problem list is capped.
 */
export async function verifyBatch(open: () => Promise<ArchiveView>, options: VerifyOptions = {}): Promise<VerifyReport> {
  const listedProblems: BatchProblem[] = [];
  let unlisted = 0;
  // Every finding goes through here: past the limit they are only counted.
  const problems = {
    push(p: BatchProblem) {
      if (listedProblems.length < PROBLEM_LIMIT) listedProblems.push(p);
      else unlisted++;
    },
    get length() {
      return listedProblems.length + unlisted;
    },
    has(codes: readonly ProblemCode[]) {
      return listedProblems.some((p) => codes.includes(p.code));
    },
  };
  const warnings: BatchProblem[] = [];
  const report = (manifest: Manifest | null, manifestSha256: string | null, records: number): VerifyReport => ({
    ok: problems.length === 0,
    manifest,
    manifestSha256,
    problems: unlisted ? [...listedProblems, { code: 'too_many_problems', message: `另有 ${unlisted} 个问题未列出` }] : listedProblems,
    warnings,
    records,
  });
  const cancelled = () => {
    if (options.cancelled?.()) throw new VerifyCancelled();
  };
  const hashFactory = options.sha256 ?? nobleSha256();

  let archive: ArchiveView;
  try {
    archive = await open();
  } catch (err) {
    if (err instanceof ArchiveOpenError && err.reason === 'truncated') {
      problems.push({ code: 'truncated', message: '批次文件不完整（可能复制或下载时中断），无法读取' });
    } else if (err instanceof ArchiveOpenError && err.reason === 'too_many_entries') {
      problems.push({ code: 'too_large', message: '档案中的条目数量远超任何批次，已拒绝（未读取内容）' });
    } else {
      problems.push({ code: 'not_zip', message: '该文件不是 ZIP 格式的批次文件' });
    }
    return report(null, null, 0);
  }

  // 1. Entry names.
  const seen = new Set<string>();
  for (const name of archive.entries) {
    const unsafe = entryNameProblem(name);
    if (unsafe) problems.push({ code: 'unsafe_entry', path: name, message: `档案中有不安全的条目“${name}”：${unsafe}` });
    if (seen.has(name)) problems.push({ code: 'duplicate_entry', path: name, message: `档案中的条目“${name}”重复出现` });
    seen.add(name);
  }
  const present = (name: string) => seen.has(name) && !entryNameProblem(name);
  // A flawed structure is refused before anything is inflated.
  for (const flaw of archive.structure ?? []) {
    problems.push({ code: flaw.kind === 'ratio' ? 'too_large' : 'unsafe_entry', path: flaw.path, message: flaw.message });
  }
  if (archive.structure?.length) return report(null, null, 0);

  // 2. Manifest and signature.
  if (!present(MANIFEST)) problems.push({ code: 'missing_manifest', path: MANIFEST, message: '缺少清单文件 manifest.json' });
  if (!present(SIGNATURE)) problems.push({ code: 'missing_signature', path: SIGNATURE, message: '缺少签名文件 manifest.sig' });
  if (!present(MANIFEST)) return report(null, null, 0);

  if ((archive.declaredSize?.(MANIFEST) ?? 0) > MANIFEST_LIMIT) {
    problems.push({ code: 'too_large', path: MANIFEST, message: `清单文件 manifest.json 超过 ${MANIFEST_LIMIT / 1024 / 1024} MB，已拒绝` });
    return report(null, null, 0);
  }
  let manifestBytes: Uint8Array;
  try {
    manifestBytes = await readAll(archive, MANIFEST, MANIFEST_LIMIT);
  } catch {
    problems.push({ code: 'unreadable_entry', path: MANIFEST, message: '清单文件 manifest.json 已损坏，无法读取' });
    return report(null, null, 0);
  }
  options.onManifestBytes?.(manifestBytes);
  const manifestHash = hashFactory();
  manifestHash.update(manifestBytes);
  const manifestSha256 = manifestHash.digestHex();

  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(manifestBytes));
  } catch {
    problems.push({ code: 'manifest_invalid', path: MANIFEST, message: '清单文件 manifest.json 不是有效的 UTF-8 JSON' });
    return report(null, manifestSha256, 0);
  }
  const listedCount = (parsed as { files?: unknown } | null)?.files;
  if (Array.isArray(listedCount) && listedCount.length > MAX_LISTED_FILES) {
    problems.push({ code: 'too_large', path: MANIFEST, message: `清单列出了 ${listedCount.length} 个文件，超过上限 ${MAX_LISTED_FILES}，已拒绝` });
    return report(null, manifestSha256, 0);
  }
  if ((parsed as { formatVersion?: unknown } | null)?.formatVersion === 2) {
    const v2 = await verifyV2({ archive, seen, present, problems, warnings, manifestBytes, parsed, options, cancelled });
    return { ...report(null, manifestSha256, v2.records), manifestV2: v2.manifest, manifestHash: v2.manifestHash, decrypted: v2.decrypted };
  }
  const result = manifestSchema.safeParse(parsed);
  if (!result.success) {
    for (const issue of result.error.issues.slice(0, LINE_PROBLEM_LIMIT)) {
      const where = issue.path.join('.') || '（整体）';
      problems.push({ code: 'manifest_invalid', path: MANIFEST, message: `清单字段 ${where} 不符合格式：${issue.message}` });
    }
    return report(null, manifestSha256, 0);
  }
  const manifest = result.data;
  const expected: Expectation = options.expect
    ? options.expect(manifest)
    : {
        ...(options.registeredPublicKey !== undefined ? { registeredPublicKey: options.registeredPublicKey } : {}),
        ...(options.chain ? { chain: options.chain } : {}),
      };

  if (present(SIGNATURE)) {
    let signature: Uint8Array | null = null;
    try {
      signature = fromBase64(new TextDecoder().decode(await readAll(archive, SIGNATURE, 4096)));
    } catch {
      signature = null;
    }
    if (!signature || signature.length !== 64) {
      problems.push({ code: 'bad_signature', path: SIGNATURE, message: '签名文件 manifest.sig 不是 64 字节 Ed25519 签名的 base64 编码' });
    } else if (!verifyManifestSignature(manifestBytes, signature, manifest.publicKey)) {
      problems.push({ code: 'bad_signature', path: SIGNATURE, message: '签名验证失败：清单被改动过，或不是用批次中的公钥签名的' });
    }
  }
  if (expected.registeredPublicKey !== undefined && !samePublicKey(expected.registeredPublicKey, manifest.publicKey)) {
    problems.push({ code: 'key_mismatch', message: `批次的公钥与为工作站 ${manifest.station.code} 登记的公钥不一致` });
  }

  // 3. Chain.
  if (expected.chain) {
    const { previousManifestSha256, previousSequence } = expected.chain;
    if (manifest.previousManifestSha256 !== previousManifestSha256.toLowerCase()) {
      problems.push({
        code: 'chain_broken',
        message: `批次链不连续：本批次（第 ${manifest.sequence} 号）声明的上一批次清单哈希与已接收的上一批次不符`,
      });
    }
    if (previousSequence !== undefined && manifest.sequence !== previousSequence + 1) {
      problems.push({
        code: 'chain_broken',
        message: `批次序号不连续：已接收到第 ${previousSequence} 号，本批次为第 ${manifest.sequence} 号，应为第 ${previousSequence + 1} 号`,
      });
    }
  }

  // Content signed by someone else is not worth a byte of inflation.
  const untrusted = listedProblems.some((p) => p.code === 'bad_signature' || p.code === 'key_mismatch');

  if (options.fileName !== undefined) {
    const name = parseBatchFileName(options.fileName);
    const fits =
      name &&
      name.stationCode === manifest.station.code &&
      name.sequence === manifest.sequence &&
      name.from === manifest.period.from &&
      name.to === manifest.period.to;
    if (!fits) warnings.push({ code: 'manifest_invalid', message: `文件名“${options.fileName}”与清单中的工作站、序号或期间不一致` });
  }

  if (untrusted) return report(manifest, manifestSha256, 0);

  // 4. Files: listed ⇔ present.
  const listed = new Map<string, Manifest['files'][number]>();
  for (const file of manifest.files) {
    const unsafe = entryNameProblem(file.path);
    if (unsafe || file.path === MANIFEST || file.path === SIGNATURE) {
      problems.push({ code: 'unsafe_entry', path: file.path, message: `清单列出了不允许的文件名“${file.path}”` });
      continue;
    }
    if (listed.has(file.path)) problems.push({ code: 'duplicate_entry', path: file.path, message: `清单中的文件“${file.path}”重复列出` });
    listed.set(file.path, file);
  }
  for (const name of seen) {
    if (name !== MANIFEST && name !== SIGNATURE && !listed.has(name) && !entryNameProblem(name)) {
      problems.push({ code: 'extra_file', path: name, message: `档案中有清单未列出的文件“${name}”` });
    }
  }
  for (const path of listed.keys()) {
    if (!seen.has(path)) problems.push({ code: 'missing_file', path, message: `清单列出的文件“${path}”在档案中不存在` });
  }

  // 5. Contents: hash, size, and for record files every line.
  const total = [...listed.values()].reduce((s, f) => s + f.bytes, 0);
  let done = 0;
  let records = 0;
  const documentRefs: { file: string; sha256: string; line: number }[] = [];
  const linesPerType = new Map<string, number>();
  for (const file of listed.values()) {
    if (!seen.has(file.path)) continue;
    cancelled();
    const declared = archive.declaredSize?.(file.path);
    if (declared !== undefined && declared !== file.bytes) {
      // Not inflated at all: the archive itself says the size is not the manifest's.
      problems.push({ code: 'size_mismatch', path: file.path, message: `文件“${file.path}”的大小为 ${declared} 字节，清单记载为 ${file.bytes} 字节` });
      continue;
    }
    const hash = hashFactory();
    let bytes = 0;
    const counting = async function* (source: AsyncIterable<Uint8Array>) {
      for await (const chunk of source) {
        cancelled();
        hash.update(chunk);
        bytes += chunk.length;
        done += chunk.length;
        options.onProgress?.(Math.min(done, total), total);
        yield chunk;
      }
    };
    const isJsonl = file.path.endsWith('.jsonl');
    const type = recordTypeOfFile(file.path);
    let lines = 0;
    let lineProblems = 0;
    const lineProblem = (p: BatchProblem) => {
      lineProblems++;
      if (lineProblems <= LINE_PROBLEM_LIMIT) problems.push(p);
    };
    const decoder = new TextDecoder('utf-8', { fatal: true });
    try {
      if (isJsonl) {
        for await (const raw of splitLines(counting(archive.read(file.path)))) {
          lines++;
          let value: unknown;
          try {
            const text = decoder.decode(raw);
            if (text.trim() === '') throw new Error('blank');
            value = JSON.parse(text);
          } catch {
            lineProblem({ code: 'invalid_line', path: file.path, line: lines, message: `${file.path} 第 ${lines} 行不是有效的 JSON` });
            continue;
          }
          const wrong = recordLineProblem(type, value);
          if (wrong) {
            lineProblem({ code: 'missing_field', path: file.path, line: lines, message: `${file.path} 第 ${lines} 行：${wrong.message}` });
            continue;
          }
          const rec = value as { updatedAt: string; deleted: boolean; file?: string; sha256?: string };
          if (!insidePeriod(rec.updatedAt, manifest.period)) {
            lineProblem({
              code: 'outside_period',
              path: file.path,
              line: lines,
              message: `${file.path} 第 ${lines} 行的修改时间 ${rec.updatedAt} 不在批次期间 ${manifest.period.from} 至 ${manifest.period.to} 内`,
            });
            continue;
          }
          if (type === 'documents' && !rec.deleted) documentRefs.push({ file: rec.file!, sha256: rec.sha256!, line: lines });
          records++;
        }
      } else {
        for await (const chunk of counting(archive.read(file.path))) void chunk;
      }
    } catch (err) {
      if (err instanceof VerifyCancelled) throw err;
      if (err instanceof LineTooLong) {
        problems.push({
          code: 'invalid_line',
          path: file.path,
          line: lines + 1,
          message: `${file.path} 第 ${lines + 1} 行超过 ${MAX_LINE_BYTES / 1024 / 1024} MB，已停止检查该文件`,
        });
      } else {
        problems.push({ code: 'unreadable_entry', path: file.path, message: `文件“${file.path}”已损坏，无法读取` });
      }
      continue;
    }
    if (lineProblems > LINE_PROBLEM_LIMIT) {
      problems.push({ code: 'invalid_line', path: file.path, message: `${file.path} 另有 ${lineProblems - LINE_PROBLEM_LIMIT} 行存在问题` });
    }
    const digest = hash.digestHex();
    if (digest !== file.sha256)
      problems.push({ code: 'hash_mismatch', path: file.path, message: `文件“${file.path}”的 SHA-256 与清单不符（内容被改动或损坏）` });
    if (bytes !== file.bytes)
      problems.push({ code: 'size_mismatch', path: file.path, message: `文件“${file.path}”的大小为 ${bytes} 字节，清单记载为 ${file.bytes} 字节` });
    if (isJsonl) {
      if (file.records === undefined) {
        problems.push({ code: 'manifest_invalid', path: file.path, message: `清单未记载“${file.path}”的记录行数` });
      } else if (file.records !== lines) {
        problems.push({ code: 'line_count_mismatch', path: file.path, message: `文件“${file.path}”有 ${lines} 行，清单记载为 ${file.records} 行` });
      }
      if (type) linesPerType.set(type, lines);
    }
  }

  // 6. Counts and the documents' PDFs.
  for (const [type, count] of Object.entries(manifest.counts)) {
    const file = `${type}.jsonl`;
    if (listed.has(file) && !linesPerType.has(type)) continue; // missing or unreadable: reported above
    const actual = linesPerType.get(type) ?? 0;
    if (count !== actual) problems.push({ code: 'count_mismatch', path: file, message: `清单中 ${type} 的记录数为 ${count}，而“${file}”有 ${actual} 行` });
  }
  for (const type of linesPerType.keys()) {
    if (!(type in manifest.counts)) problems.push({ code: 'count_mismatch', path: `${type}.jsonl`, message: `清单的记录数中缺少 ${type}` });
  }
  for (const ref of documentRefs) {
    const file = listed.get(ref.file);
    if (!file) {
      problems.push({
        code: 'document_file',
        path: 'documents.jsonl',
        line: ref.line,
        message: `documents.jsonl 第 ${ref.line} 行引用的文件“${ref.file}”未在清单中列出`,
      });
    } else if (file.sha256 !== ref.sha256) {
      problems.push({
        code: 'document_file',
        path: 'documents.jsonl',
        line: ref.line,
        message: `documents.jsonl 第 ${ref.line} 行记载的 PDF 哈希与文件“${ref.file}”不符`,
      });
    }
  }
  return report(manifest, manifestSha256, records);
}
