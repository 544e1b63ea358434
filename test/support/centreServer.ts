import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { canonicalReceiptBytes, RECEIPT_FORMAT, receiptFileName, receiptSuiteOf, type BatchReceipt, type ReceiptDocument } from '../../core/batch/receipt';
import type { SuiteId } from '../../core/batch/formatV2';
import type { RecipientSecret } from '../../core/batch/suite';
import type { VerifyReport } from '../../core/batch/verify';
import { toRfc3339 } from '../../core/time/rfc3339';
import { suiteOf, type KeyPair } from '../../electron/services/batch/suites';
import { openZipArchive, verifyZipFile } from '../../electron/services/batch/zipArchive';
import { readAll } from '../../core/batch/archive';

/** What the centre keeps per station: the key it registered and the last batch it took in. */
interface StationHead {
  publicKey: string;
  sequence: number;
  /** SHA-256 and SM3 of the last manifest: the next batch names one of them, as its suite says. */
  manifestSha256: string;
  manifestSm3: string | null;
  /** The head as the spec's GET answers it: H under the last batch's suite. */
  manifestHash: string;
}

export interface CentreServer {
  /** `http://127.0.0.1:<port>`: the address a station's supervisor enters. */
  url: string;
  /** The centre's signing keys, one per suite: every receipt is signed with the batch's. */
  signingKeys: Record<SuiteId, KeyPair>;
  /** The next `n` uploads are answered 503 (the body is read first, as a busy proxy would). */
  failNext(n: number): void;
  /** Every body received, in order, refused ones included. */
  readonly bodies: Buffer[];
  /** Answers so far, in order. */
  readonly answers: number[];
  heads: Map<string, StationHead>;
  /**
   * A batch carried on a stick and imported at the centre: checked and taken in as an upload
   * is, and its receipt file written beside it. Throws unless the centre takes the batch.
   */
  ingestFile(batchPath: string): Promise<{ path: string; document: ReceiptDocument }>;
  close(): Promise<void>;
}

/** A receipt document for a verified batch, signed with `key` in the batch's receipt suite. */
export function signReceipt(report: VerifyReport, key: KeyPair, receivedAt = toRfc3339()): ReceiptDocument {
  const v2 = report.manifestV2 ?? null;
  const m = v2 ?? report.manifest!;
  const suite = receiptSuiteOf(v2 ? 2 : 1, v2?.suite);
  const receipt: BatchReceipt = {
    batchId: m.batchId,
    stationCode: m.station.code,
    sequence: m.sequence,
    manifestHash: v2 ? report.manifestHash! : report.manifestSha256!,
    receivedAt,
    // Without a recipient key a v2 batch's lines cannot be counted: the manifest's counts stand in.
    records: v2 && !report.decrypted ? Object.values(m.counts).reduce((a, b) => a + b, 0) : report.records,
  };
  const signature = Buffer.from(suiteOf(suite).sign(canonicalReceiptBytes(receipt), key.privateKey)).toString('base64');
  return { format: RECEIPT_FORMAT, suite, receipt, publicKey: key.publicKey, signature };
}

const receiptPathOf = (batchPath: string) => join(dirname(batchPath), receiptFileName(basename(batchPath)));

/** Both suites' signing keys of one centre. */
export function centreSigningKeys(): Record<SuiteId, KeyPair> {
  return { 'intl-1': suiteOf('intl-1').generateSigningKey(), 'gm-1': suiteOf('gm-1').generateSigningKey() };
}

/** Verifies a batch file as a centre would and writes its receipt file beside it (`<file>.receipt.json`). */
export async function writeReceiptFile(
  batchPath: string,
  keys: Record<SuiteId, KeyPair>,
  recipientKey?: RecipientSecret,
): Promise<{ path: string; document: ReceiptDocument }> {
  const report = await verifyZipFile(batchPath, { fileName: batchPath.split('/').pop()!, ...(recipientKey ? { recipientKey } : {}) });
  if (!report.ok) throw new Error(`batch does not verify: ${report.problems.map((p) => p.message).join('; ')}`);
  const suite = receiptSuiteOf(report.manifestV2 ? 2 : 1, report.manifestV2?.suite);
  const document = signReceipt(report, keys[suite]);
  const path = receiptPathOf(batchPath);
  writeFileSync(path, `${JSON.stringify(document, null, 2)}\n`);
  return { path, document };
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(new Error('too large'));
        req.destroy();
      } else parts.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(parts)));
    req.on('error', reject);
  });
}

function answer(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

/**
 * A receiving centre's upload endpoints as shared/spec/batch-format.md ("Upload and receipt")
 * fixes them, on 127.0.0.1 at a random port, for tests: each batch is verified with the real
 * verifier (decrypted too, given a recipient key), per-station heads are kept, and the answer
 * is 201 / 200 (the same batchId and manifest bytes again) with a signed receipt, 409 with the
 * head, or 422 with the reasons.
 */
export async function startCentreServer(options: { recipientKey?: RecipientSecret; signingKeys?: Record<SuiteId, KeyPair> } = {}): Promise<CentreServer> {
  const signingKeys = options.signingKeys ?? centreSigningKeys();
  const heads = new Map<string, StationHead>();
  /** batchId → what was accepted: the manifest's SHA-256 and the receipt given. */
  const accepted = new Map<string, { manifestSha256: string; receipt: ReceiptDocument }>();
  const bodies: Buffer[] = [];
  const answers: number[] = [];
  const work = mkdtempSync(join(tmpdir(), 'centre-server-'));
  let failures = 0;
  let serial = 0;

  const send = (res: ServerResponse, status: number, body: unknown) => {
    answers.push(status);
    answer(res, status, body);
  };

  const upload = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readBody(req, 512 * 1024 * 1024);
    bodies.push(body);
    if (failures > 0) {
      failures--;
      return send(res, 503, { message: '服务暂时不可用' });
    }
    if (req.headers['content-type'] !== 'application/zip') return send(res, 422, { problems: ['Content-Type 应为 application/zip'] });
    const [status, answer] = await take(body);
    send(res, status, answer);
  };

  /** Checks one batch and takes it in: the status and body the spec gives for it. */
  const take = async (body: Buffer): Promise<[number, unknown]> => {
    const file = join(work, `${++serial}.zip`);
    writeFileSync(file, body);
    try {
      // Verified without a chain: a chain that does not continue is a 409, not a 422.
      let head: StationHead | undefined;
      const expectation = (code: string) => {
        head = heads.get(code);
        return head ? { registeredPublicKey: head.publicKey } : {};
      };
      const report = await verifyZipFile(file, {
        expect: (m) => expectation(m.station.code),
        expectV2: (m) => expectation(m.station.code),
        ...(options.recipientKey ? { recipientKey: options.recipientKey } : {}),
      });
      const m = report.manifestV2 ?? report.manifest;
      if (!report.ok || !m) return [422, { problems: report.problems.map((p) => p.message) }];
      const before = accepted.get(m.batchId);
      if (before) {
        if (before.manifestSha256 === report.manifestSha256) return [200, before.receipt];
        return [422, { problems: ['该批次编号已以不同的清单接收过'] }];
      }
      const previous = report.manifestV2 ? report.manifestV2.previousManifestHash : report.manifest!.previousManifestSha256;
      const named = report.manifestV2?.suite === 'gm-1' ? head?.manifestSm3 : head?.manifestSha256;
      const continues = head ? m.sequence === head.sequence + 1 && previous === named : m.sequence === 1 && previous === null;
      if (!continues) return [409, { head: head ? { sequence: head.sequence, manifestHash: head.manifestHash } : null }];
      const manifestBytes = await manifestOf(file);
      heads.set(m.station.code, {
        publicKey: m.publicKey,
        sequence: m.sequence,
        manifestSha256: report.manifestSha256!,
        manifestSm3: sm3Hex(manifestBytes),
        manifestHash: report.manifestV2 ? report.manifestHash! : report.manifestSha256!,
      });
      const suite = receiptSuiteOf(report.manifestV2 ? 2 : 1, report.manifestV2?.suite);
      const receipt = signReceipt(report, signingKeys[suite]);
      accepted.set(m.batchId, { manifestSha256: report.manifestSha256!, receipt });
      return [201, receipt];
    } finally {
      rmSync(file, { force: true });
    }
  };

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const headPath = /^\/api\/v1\/stations\/([^/]+)\/head$/.exec(url.pathname);
    if (req.method === 'POST' && url.pathname === '/api/v1/batches') {
      upload(req, res).catch((err: Error) => send(res, 500, { message: err.message }));
    } else if (req.method === 'GET' && headPath) {
      const head = heads.get(decodeURIComponent(headPath[1]!));
      if (!head) answer(res, 404, { message: '没有该工作站的批次' });
      else answer(res, 200, { sequence: head.sequence, manifestHash: head.manifestHash });
    } else {
      answer(res, 404, { message: 'not found' });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    signingKeys,
    failNext: (n) => void (failures = n),
    bodies,
    answers,
    heads,
    async ingestFile(batchPath) {
      const [status, document] = await take(readFileSync(batchPath));
      if (status !== 201 && status !== 200) throw new Error(`centre refused the batch (${status}): ${JSON.stringify(document)}`);
      const path = receiptPathOf(batchPath);
      writeFileSync(path, `${JSON.stringify(document, null, 2)}\n`);
      return { path, document: document as ReceiptDocument };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
        rmSync(work, { recursive: true, force: true });
      }),
  };
}

async function manifestOf(file: string): Promise<Buffer> {
  const archive = await openZipArchive(file);
  try {
    return Buffer.from(await readAll(archive, 'manifest.json', 32 * 1024 * 1024));
  } finally {
    archive.close();
  }
}

const sm3Hex = (bytes: Uint8Array) => createHash('sm3').update(bytes).digest('hex');
