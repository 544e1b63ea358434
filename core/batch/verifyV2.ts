import { LineTooLong, MAX_LINE_BYTES, readAll, splitLines, type ArchiveView } from './archive';
import { entryNameProblem, MANIFEST, parseBatchFileName, recordTypeOfFile, SIGNATURE, type BatchRecordType } from './format';
import { isSuiteId, keyIdOfHash, manifestV2Schema, plainNameOf, SUITES, type ManifestFileV2, type ManifestV2 } from './formatV2';
import { fromBase64, samePublicKey } from './keys';
import { insidePeriod, recordLineProblem } from './records';
import { DecryptFailed, type FileDecryptor, type SuiteVerifier } from './suite';
import { LINE_PROBLEM_LIMIT, VerifyCancelled, type BatchProblem, type Expectation, type ProblemSink, type VerifyOptions } from './verifyTypes';

export interface V2Context {
  archive: ArchiveView;
  /** Entry names, as the archive lists them. */
  seen: ReadonlySet<string>;
  present(name: string): boolean;
  problems: ProblemSink;
  warnings: BatchProblem[];
  manifestBytes: Uint8Array;
  parsed: unknown;
  options: VerifyOptions;
  cancelled(): void;
}

export interface V2Result {
  manifest: ManifestV2 | null;
  manifestHash: string | null;
  decrypted: boolean;
  records: number;
}

function hexOf(suite: SuiteVerifier, bytes: Uint8Array): string {
  const h = suite.hash();
  h.update(bytes);
  return h.digestHex();
}

/**
 * Format v2 (spec "Format v2"): everything a courier can check without a key (suite,
 * recipients, signature, chain, stored hashes and sizes), and with a recipient's private
 * key the plaintext too: tags or MACs, plainHash, plainBytes, line counts and every v1
 * record rule. Bounded like v1: nothing is inflated past its declared size, no line longer
 * than MAX_LINE_BYTES is joined, and plaintext is only counted and hashed, never kept.
 */
export async function verifyV2(ctx: V2Context): Promise<V2Result> {
  const { problems, options } = ctx;
  const none: V2Result = { manifest: null, manifestHash: null, decrypted: false, records: 0 };
  const raw = ctx.parsed as { suite?: unknown; recipients?: unknown };

  // 1. Suite and recipients: without them nothing else means anything.
  if (!isSuiteId(raw.suite) || !options.suites) {
    const named = typeof raw.suite === 'string' ? `“${raw.suite}”` : '（缺失）';
    problems.push({ code: 'unknown_suite', path: MANIFEST, message: `未知的算法套件 ${named}，只接受 ${SUITES.join('、')}` });
    return none;
  }
  const suite = options.suites[raw.suite];
  if (Array.isArray(raw.recipients) && raw.recipients.length === 0) {
    problems.push({ code: 'no_recipients', path: MANIFEST, message: '清单的接收方（recipients）为空：批次没有加密给任何法律援助中心' });
    return none;
  }
  const result = manifestV2Schema.safeParse(ctx.parsed);
  if (!result.success) {
    for (const issue of result.error.issues.slice(0, LINE_PROBLEM_LIMIT)) {
      const where = issue.path.join('.') || '（整体）';
      problems.push({ code: 'manifest_invalid', path: MANIFEST, message: `清单字段 ${where} 不符合格式：${issue.message}` });
    }
    return none;
  }
  const manifest = result.data;
  const manifestHash = hexOf(suite, ctx.manifestBytes);
  const expected: Expectation = options.expectV2
    ? options.expectV2(manifest)
    : {
        ...(options.registeredPublicKey !== undefined ? { registeredPublicKey: options.registeredPublicKey } : {}),
        ...(options.chain ? { chain: options.chain } : {}),
      };

  // 2. Signature, in the suite's encoding.
  if (ctx.present(SIGNATURE)) {
    let signature: Uint8Array | null = null;
    try {
      signature = fromBase64(new TextDecoder().decode(await readAll(ctx.archive, SIGNATURE, 4096)));
    } catch {
      signature = null;
    }
    if (!suite.signingKeyValid(manifest.publicKey)) {
      problems.push({ code: 'bad_signature', path: MANIFEST, message: `清单中的公钥不是套件 ${manifest.suite} 的签名公钥` });
    } else if (!signature) {
      problems.push({ code: 'bad_signature', path: SIGNATURE, message: `签名文件 manifest.sig 不是${suite.signatureShape}的 base64 编码` });
    } else if (!suite.verifySignature(ctx.manifestBytes, signature, manifest.publicKey)) {
      problems.push({ code: 'bad_signature', path: SIGNATURE, message: '签名验证失败：清单被改动过，或不是用批次中的公钥签名的' });
    }
  }
  if (expected.registeredPublicKey !== undefined && !samePublicKey(expected.registeredPublicKey, manifest.publicKey)) {
    problems.push({ code: 'key_mismatch', message: `批次的公钥与为工作站 ${manifest.station.code} 登记的公钥不一致` });
  }

  // 3. Chain: the previous manifest's H under this batch's suite, whatever its own version was.
  if (expected.chain) {
    const { previousSequence } = expected.chain;
    const previous = manifest.suite === 'gm-1' ? expected.chain.previousManifestSm3 : expected.chain.previousManifestSha256;
    if (previous === undefined) {
      problems.push({ code: 'chain_broken', message: `无法核对批次链：没有上一批次清单的 ${manifest.suite === 'gm-1' ? 'SM3' : 'SHA-256'} 哈希` });
    } else if (manifest.previousManifestHash !== previous.toLowerCase()) {
      problems.push({ code: 'chain_broken', message: `批次链不连续：本批次（第 ${manifest.sequence} 号）声明的上一批次清单哈希与已接收的上一批次不符` });
    }
    if (previousSequence !== undefined && manifest.sequence !== previousSequence + 1) {
      problems.push({
        code: 'chain_broken',
        message: `批次序号不连续：已接收到第 ${previousSequence} 号，本批次为第 ${manifest.sequence} 号，应为第 ${previousSequence + 1} 号`,
      });
    }
  }
  if (options.fileName !== undefined) {
    const name = parseBatchFileName(options.fileName);
    const fits =
      name &&
      name.stationCode === manifest.station.code &&
      name.sequence === manifest.sequence &&
      name.from === manifest.period.from &&
      name.to === manifest.period.to;
    if (!fits) ctx.warnings.push({ code: 'manifest_invalid', message: `文件名“${options.fileName}”与清单中的工作站、序号或期间不一致` });
  }
  // Content signed by someone else is not worth a byte of inflation.
  if (problems.has(['bad_signature', 'key_mismatch'])) return { manifest, manifestHash, decrypted: false, records: 0 };

  // 4. Recipients, as far as they can be checked without a key.
  const keyIds = new Set<string>();
  for (const [i, entry] of manifest.recipients.entries()) {
    const where = `recipients[${i}]`;
    const bytes = suite.recipientKeyBytes(entry.publicKey);
    if (!bytes) {
      problems.push({ code: 'manifest_invalid', path: MANIFEST, message: `接收方 ${where} 的公钥不是套件 ${manifest.suite} 的加密公钥` });
    } else if (keyIdOfHash(hexOf(suite, bytes)) !== entry.keyId) {
      problems.push({ code: 'manifest_invalid', path: MANIFEST, message: `接收方 ${where} 的 keyId 与其公钥不符` });
    }
    const wrapped = suite.wrappedKeyProblem(entry);
    if (wrapped) problems.push({ code: 'manifest_invalid', path: MANIFEST, message: `接收方 ${where}：${wrapped}` });
    if (keyIds.has(entry.keyId)) problems.push({ code: 'manifest_invalid', path: MANIFEST, message: `接收方 keyId ${entry.keyId} 重复出现` });
    keyIds.add(entry.keyId);
  }

  // 5. Files: listed ⇔ present, and every data file encrypted.
  const listed = new Map<string, ManifestFileV2>();
  for (const file of manifest.files) {
    if (entryNameProblem(file.path) || file.path === MANIFEST || file.path === SIGNATURE) {
      problems.push({ code: 'unsafe_entry', path: file.path, message: `清单列出了不允许的文件名“${file.path}”` });
      continue;
    }
    if (plainNameOf(file.path) === null) {
      problems.push({ code: 'plaintext_entry', path: file.path, message: `清单列出了未加密的数据文件“${file.path}”：格式 v2 的数据文件必须以 .enc 结尾` });
      continue;
    }
    if (listed.has(file.path)) problems.push({ code: 'duplicate_entry', path: file.path, message: `清单中的文件“${file.path}”重复列出` });
    listed.set(file.path, file);
    const isJsonl = plainNameOf(file.path)!.endsWith('.jsonl');
    if (isJsonl && file.records === undefined) problems.push({ code: 'manifest_invalid', path: file.path, message: `清单未记载“${file.path}”的记录行数` });
    if (file.bytes !== file.plainBytes + suite.overhead) {
      problems.push({
        code: 'size_mismatch',
        path: file.path,
        message: `文件“${file.path}”的存储大小 ${file.bytes} 字节与明文大小 ${file.plainBytes} 字节不相称（套件 ${manifest.suite} 每个文件多 ${suite.overhead} 字节）`,
      });
    }
  }
  for (const name of ctx.seen) {
    if (name === MANIFEST || name === SIGNATURE || entryNameProblem(name)) continue;
    if (plainNameOf(name) === null) {
      problems.push({ code: 'plaintext_entry', path: name, message: `档案中有未加密的数据文件“${name}”` });
    } else if (!listed.has(name)) {
      problems.push({ code: 'extra_file', path: name, message: `档案中有清单未列出的文件“${name}”` });
    }
  }
  for (const path of listed.keys()) {
    if (!ctx.seen.has(path)) problems.push({ code: 'missing_file', path, message: `清单列出的文件“${path}”在档案中不存在` });
  }

  // 6. The receiver's key: the content key K, when this batch was encrypted to it.
  let contentKey: Uint8Array | null = null;
  const secret = options.recipientKeyFor ? options.recipientKeyFor(manifest) : options.recipientKey;
  if (secret) {
    const entry = manifest.recipients.find((r) => r.keyId === secret.keyId);
    if (secret.suite !== manifest.suite) {
      problems.push({ code: 'not_recipient', message: `接收方密钥属于套件 ${secret.suite}，批次使用套件 ${manifest.suite}，无法解密` });
    } else if (!entry) {
      problems.push({ code: 'not_recipient', message: `本批次未加密给该接收方密钥（keyId ${secret.keyId}，${secret.name}），无法解密` });
    } else if (!samePublicKey(entry.publicKey, secret.publicKey)) {
      problems.push({ code: 'unwrap_failed', message: `接收方 keyId ${secret.keyId} 的公钥与该密钥不符，无法解开内容密钥` });
    } else {
      contentKey = suite.unwrap(entry, secret.privateKey, manifest.batchId);
      if (!contentKey) problems.push({ code: 'unwrap_failed', message: `用接收方密钥（keyId ${secret.keyId}）解不开本批次的内容密钥：批次已损坏或被改动` });
    }
  }

  // 7. Contents.
  const total = [...listed.values()].reduce((s, f) => s + f.bytes, 0);
  let done = 0;
  let records = 0;
  const documentRefs: { file: string; hash: string; line: number }[] = [];
  const linesPerType = new Map<BatchRecordType, number>();
  for (const file of listed.values()) {
    if (!ctx.seen.has(file.path)) continue;
    ctx.cancelled();
    const declared = ctx.archive.declaredSize?.(file.path);
    if (declared !== undefined && declared !== file.bytes) {
      problems.push({ code: 'size_mismatch', path: file.path, message: `文件“${file.path}”的大小为 ${declared} 字节，清单记载为 ${file.bytes} 字节` });
      continue;
    }
    const plainPath = plainNameOf(file.path)!;
    const type = recordTypeOfFile(plainPath);
    const isJsonl = plainPath.endsWith('.jsonl');
    const stored = suite.hash();
    let storedBytes = 0;
    const counting = async function* (source: AsyncIterable<Uint8Array>) {
      for await (const chunk of source) {
        ctx.cancelled();
        stored.update(chunk);
        storedBytes += chunk.length;
        done += chunk.length;
        options.onProgress?.(Math.min(done, total), total);
        yield chunk;
      }
    };
    if (!contentKey) {
      try {
        for await (const chunk of counting(ctx.archive.read(file.path))) void chunk;
      } catch (err) {
        if (err instanceof VerifyCancelled) throw err;
        problems.push({ code: 'unreadable_entry', path: file.path, message: `文件“${file.path}”已损坏，无法读取` });
        continue;
      }
      storedChecks(file, stored.digestHex(), storedBytes, problems);
      if (type && file.records !== undefined) linesPerType.set(type, file.records);
      continue;
    }

    // Decrypt in the same pass: plaintext is hashed and its lines checked, then dropped.
    const plain = suite.hash();
    let plainBytes = 0;
    let decryptor: FileDecryptor;
    try {
      decryptor = suite.decryptor(contentKey, file.path);
    } catch {
      problems.push({ code: 'decrypt_failed', path: file.path, message: `文件“${file.path}”无法解密` });
      continue;
    }
    const decrypting = async function* (source: AsyncIterable<Uint8Array>) {
      const emit = (out: Uint8Array) => {
        plain.update(out);
        plainBytes += out.length;
        return out;
      };
      for await (const chunk of source) {
        const out = decryptor.update(chunk);
        if (out.length) yield emit(out);
      }
      const last = decryptor.final();
      if (last.length) yield emit(last);
    };
    // Line findings count only once the tag or MAC has vouched for the plaintext.
    const found: BatchProblem[] = [];
    let lines = 0;
    let lineProblems = 0;
    const lineProblem = (p: BatchProblem) => {
      lineProblems++;
      if (lineProblems <= LINE_PROBLEM_LIMIT) found.push(p);
    };
    const refs: { file: string; hash: string; line: number }[] = [];
    let fileRecords = 0;
    const decoder = new TextDecoder('utf-8', { fatal: true });
    try {
      const source = decrypting(counting(ctx.archive.read(file.path)));
      if (isJsonl) {
        for await (const rawLine of splitLines(source)) {
          lines++;
          let value: unknown;
          try {
            const text = decoder.decode(rawLine);
            if (text.trim() === '') throw new Error('blank');
            value = JSON.parse(text);
          } catch {
            lineProblem({ code: 'invalid_line', path: plainPath, line: lines, message: `${plainPath} 第 ${lines} 行不是有效的 JSON` });
            continue;
          }
          const wrong = recordLineProblem(type, value, 2);
          if (wrong) {
            lineProblem({ code: 'missing_field', path: plainPath, line: lines, message: `${plainPath} 第 ${lines} 行：${wrong.message}` });
            continue;
          }
          const rec = value as { updatedAt: string; deleted: boolean; file?: string; hash?: string };
          if (!insidePeriod(rec.updatedAt, manifest.period)) {
            lineProblem({
              code: 'outside_period',
              path: plainPath,
              line: lines,
              message: `${plainPath} 第 ${lines} 行的修改时间 ${rec.updatedAt} 不在批次期间 ${manifest.period.from} 至 ${manifest.period.to} 内`,
            });
            continue;
          }
          if (type === 'documents' && !rec.deleted) refs.push({ file: rec.file!, hash: rec.hash!, line: lines });
          fileRecords++;
        }
      } else {
        for await (const chunk of source) void chunk;
      }
    } catch (err) {
      if (err instanceof VerifyCancelled) throw err;
      if (err instanceof DecryptFailed) {
        problems.push({ code: 'decrypt_failed', path: file.path, message: `文件“${file.path}”解密校验失败（${err.message}）：内容被改动或损坏` });
        // The whole entry was read before the tag was checked: its stored hash and size are known.
        storedChecks(file, stored.digestHex(), storedBytes, problems);
      } else if (err instanceof LineTooLong) {
        problems.push({
          code: 'invalid_line',
          path: plainPath,
          line: lines + 1,
          message: `${plainPath} 第 ${lines + 1} 行超过 ${MAX_LINE_BYTES / 1024 / 1024} MB，已停止检查该文件`,
        });
      } else {
        problems.push({ code: 'unreadable_entry', path: file.path, message: `文件“${file.path}”已损坏，无法读取` });
      }
      continue;
    }
    storedChecks(file, stored.digestHex(), storedBytes, problems);
    for (const p of found) problems.push(p);
    if (lineProblems > LINE_PROBLEM_LIMIT)
      problems.push({ code: 'invalid_line', path: plainPath, message: `${plainPath} 另有 ${lineProblems - LINE_PROBLEM_LIMIT} 行存在问题` });
    if (plain.digestHex() !== file.plainHash) {
      problems.push({ code: 'plain_hash_mismatch', path: file.path, message: `文件“${file.path}”解密后的哈希与清单的 plainHash 不符` });
    }
    if (plainBytes !== file.plainBytes) {
      problems.push({ code: 'size_mismatch', path: file.path, message: `文件“${file.path}”解密后为 ${plainBytes} 字节，清单记载为 ${file.plainBytes} 字节` });
    }
    if (isJsonl) {
      if (file.records !== undefined && file.records !== lines) {
        problems.push({ code: 'line_count_mismatch', path: file.path, message: `文件“${file.path}”解密后有 ${lines} 行，清单记载为 ${file.records} 行` });
      }
      if (type) linesPerType.set(type, lines);
    }
    records += fileRecords;
    documentRefs.push(...refs);
  }

  // 8. Counts, and (decrypted) the documents' PDFs.
  for (const [type, count] of Object.entries(manifest.counts)) {
    const stored = `${type}.jsonl.enc`;
    if (listed.has(stored) && !linesPerType.has(type as BatchRecordType)) continue; // reported above
    const actual = linesPerType.get(type as BatchRecordType) ?? 0;
    if (count !== actual) problems.push({ code: 'count_mismatch', path: stored, message: `清单中 ${type} 的记录数为 ${count}，而“${stored}”有 ${actual} 行` });
  }
  for (const type of linesPerType.keys()) {
    if (!(type in manifest.counts)) problems.push({ code: 'count_mismatch', path: `${type}.jsonl.enc`, message: `清单的记录数中缺少 ${type}` });
  }
  for (const ref of documentRefs) {
    const file = listed.get(`${ref.file}.enc`);
    if (!file) {
      problems.push({
        code: 'document_file',
        path: 'documents.jsonl',
        line: ref.line,
        message: `documents.jsonl 第 ${ref.line} 行引用的文件“${ref.file}”未在清单中列出`,
      });
    } else if (file.plainHash !== ref.hash) {
      problems.push({
        code: 'document_file',
        path: 'documents.jsonl',
        line: ref.line,
        message: `documents.jsonl 第 ${ref.line} 行记载的 PDF 哈希与文件“${ref.file}”不符`,
      });
    }
  }
  return { manifest, manifestHash, decrypted: contentKey !== null, records: contentKey ? records : 0 };
}

function storedChecks(file: ManifestFileV2, digest: string, bytes: number, problems: ProblemSink): void {
  if (digest !== file.hash) problems.push({ code: 'hash_mismatch', path: file.path, message: `文件“${file.path}”的哈希与清单不符（内容被改动或损坏）` });
  if (bytes !== file.bytes)
    problems.push({ code: 'size_mismatch', path: file.path, message: `文件“${file.path}”的大小为 ${bytes} 字节，清单记载为 ${file.bytes} 字节` });
}
