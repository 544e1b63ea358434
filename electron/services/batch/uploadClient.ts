import { createDecipheriv } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { ServiceError } from '../errors';
import type { BatchLedgerEntry } from './ledger';
import type { SecretProtector } from './secretProtector';

/** Only these hosts may be reached over plain http: the machine itself (test servers, a local relay). */
const LOOPBACK = new Set(['127.0.0.1', '[::1]', 'localhost']);
/** A centre's answer is a small JSON document; anything larger is not one. */
const MAX_ANSWER_BYTES = 1024 * 1024;
/** A stalled upload gives up after this long and is tried again later. */
const REQUEST_TIMEOUT_MS = 15 * 60_000;

/**
 * The centre's upload address as main keeps it: https, or http only to this machine, with
 * no user name, password, query or fragment (nothing secret or ambiguous in a stored URL).
 * The trailing slash is dropped so the endpoints join without a double slash.
 */
export function normalCentreUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new ServiceError('bad_url', '上传地址无效：应为完整的网址，如 https://legalaid.example.cn');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
    throw new ServiceError('bad_url', '上传地址须以 https:// 开头（http:// 仅限本机地址，用于测试）');
  }
  if (url.username || url.password) throw new ServiceError('bad_url', '上传地址不能包含用户名或密码');
  if (url.search || url.hash) throw new ServiceError('bad_url', '上传地址不能包含查询参数或“#”片段');
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

export const batchesEndpoint = (base: string) => `${base}/api/v1/batches`;
export const headEndpoint = (base: string, stationCode: string) => `${base}/api/v1/stations/${encodeURIComponent(stationCode)}/head`;

export interface CentreHead {
  sequence: number;
  manifestHash: string;
}

/** What one upload came to, from the centre's answer (shared/spec/batch-format.md, "Upload and receipt"). */
export type UploadAnswer =
  | { kind: 'receipt'; status: 200 | 201; body: unknown }
  | { kind: 'conflict'; head: CentreHead | null }
  | { kind: 'refused'; reasons: string[] }
  /** Worth trying again later: the network, a 5xx, 408, 429. */
  | { kind: 'retry'; message: string }
  /** Not worth trying again by itself: another 4xx, a damaged copy, an answer that is no receipt. */
  | { kind: 'failed'; message: string };

/**
 * The batch's bytes as they were exported, streamed from the sealed copy the ledger keeps:
 * every try of a batch sends exactly these bytes, never a new export. The GCM tag is
 * checked at the end of the stream; a damaged copy fails the request (`damaged()`).
 */
export function sealedBatchStream(dataDir: string, entry: BatchLedgerEntry, protector: SecretProtector): { stream: Readable; damaged(): string | null } {
  if (!entry.archive) throw new ServiceError('no_copy', '该批次的记录是从备份恢复的，本机没有它的副本，无法上传');
  if (entry.archive.protection !== protector.kind) throw new ServiceError('key_protection', '该批次副本的保护方式与本机不符，无法上传');
  const key = protector.unprotect(Buffer.from(entry.archive.sealedKey, 'base64'));
  let problem: string | null = null;
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(entry.archive.iv, 'base64'));
  key.fill(0);
  decipher.setAuthTag(Buffer.from(entry.archive.tag, 'base64'));
  const source = createReadStream(join(dataDir, 'batches', entry.archive.file));
  source.on('error', (err) => {
    problem = (err as NodeJS.ErrnoException).code === 'ENOENT' ? '本机保存的批次副本已不存在，无法上传' : `本机保存的批次副本无法读取：${err.message}`;
    decipher.destroy(err);
  });
  decipher.on('error', () => (problem ??= '本机保存的批次副本已被改动，未上传'));
  return { stream: source.pipe(decipher), damaged: () => problem };
}

async function readAnswer(res: Response): Promise<unknown> {
  if (!res.body) return null;
  const reader = res.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_ANSWER_BYTES) {
      await reader.cancel();
      return null;
    }
    parts.push(value);
  }
  try {
    return JSON.parse(Buffer.concat(parts).toString('utf8')) as unknown;
  } catch {
    return null;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The head a 409 names, as `{ head: {...} }` or at the top level; null when the centre holds nothing of the station. */
export function headOf(body: unknown): CentreHead | null {
  const h = isRecord(body) && isRecord(body.head) ? body.head : body;
  if (!isRecord(h)) return null;
  const { sequence, manifestHash } = h;
  if (typeof sequence !== 'number' || !Number.isInteger(sequence) || sequence < 0) return null;
  if (typeof manifestHash !== 'string' || !/^[0-9a-f]{64}$/.test(manifestHash)) return null;
  return { sequence, manifestHash };
}

/** The reasons a 422 lists, as strings or `{ message }`, under `problems`, `reasons` or `errors`; bounded. */
export function reasonsOf(body: unknown): string[] {
  if (!isRecord(body)) return [];
  const list = [body.problems, body.reasons, body.errors].find(Array.isArray) as unknown[] | undefined;
  if (!list) return typeof body.message === 'string' ? [body.message.slice(0, 500)] : [];
  return list
    .map((r) => (typeof r === 'string' ? r : isRecord(r) && typeof r.message === 'string' ? r.message : null))
    .filter((r): r is string => r !== null)
    .slice(0, 50)
    .map((r) => r.slice(0, 500));
}

function networkMessage(err: unknown): string {
  const e = err as Error & { cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return '上传超时';
  const code = e.cause?.code;
  if (code === 'ECONNREFUSED') return '无法连接接收中心（连接被拒绝）';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return '无法连接接收中心（找不到该地址）';
  if (code === 'ECONNRESET') return '与接收中心的连接中断';
  return `无法连接接收中心（${code ?? e.cause?.message ?? e.message}）`;
}

/** `POST <url>/api/v1/batches` with the batch's stored bytes; never follows a redirect elsewhere. */
export async function postBatch(base: string, body: { stream: Readable; damaged(): string | null }, fetcher: typeof fetch): Promise<UploadAnswer> {
  let res: Response;
  try {
    res = await fetcher(batchesEndpoint(base), {
      method: 'POST',
      headers: { 'content-type': 'application/zip', accept: 'application/json' },
      body: Readable.toWeb(body.stream) as ReadableStream<Uint8Array>,
      duplex: 'half',
      redirect: 'error',
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    } as RequestInit);
  } catch (err) {
    body.stream.destroy();
    const damaged = body.damaged();
    return damaged ? { kind: 'failed', message: damaged } : { kind: 'retry', message: networkMessage(err) };
  }
  const damaged = body.damaged();
  if (damaged) return { kind: 'failed', message: damaged };
  let answer: unknown;
  try {
    answer = await readAnswer(res);
  } catch (err) {
    return { kind: 'retry', message: networkMessage(err) };
  }
  const status = res.status;
  if (status === 200 || status === 201) return { kind: 'receipt', status, body: answer };
  if (status === 409) return { kind: 'conflict', head: headOf(answer) };
  if (status === 422) return { kind: 'refused', reasons: reasonsOf(answer) };
  if (status >= 500 || status === 408 || status === 429) return { kind: 'retry', message: `接收中心暂时无法处理（HTTP ${status}）` };
  const detail = reasonsOf(answer);
  return { kind: 'failed', message: `接收中心拒绝了上传（HTTP ${status}）${detail.length ? `：${detail.join('；')}` : ''}` };
}

/** `GET <url>/api/v1/stations/<code>/head`: null when the centre holds no batch of the station. */
export async function getHead(base: string, stationCode: string, fetcher: typeof fetch): Promise<CentreHead | null> {
  let res: Response;
  try {
    res = await fetcher(headEndpoint(base, stationCode), { headers: { accept: 'application/json' }, redirect: 'error', signal: AbortSignal.timeout(30_000) });
  } catch (err) {
    throw new ServiceError('centre_unreachable', networkMessage(err));
  }
  const body = await readAnswer(res).catch(() => null);
  if (res.status === 404) return null;
  if (!res.ok) throw new ServiceError('centre_unreachable', `接收中心未能答复（HTTP ${res.status}）`);
  const head = headOf(body);
  if (!head) throw new ServiceError('bad_answer', '接收中心的答复不是有效的批次链状态');
  return head;
}
