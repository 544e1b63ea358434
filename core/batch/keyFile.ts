import { z } from 'zod';
import { SUITES, type SuiteId } from './formatV2';

/**
 * A receiving centre's key files (spec "Key files"): the public one goes to stations, the
 * private one stays with the centre. Shapes only; whether the numbers belong together is
 * checked with the suite's algorithms (see the main process's recipientKeys).
 */
export const RECIPIENT_KEY_FORMAT = 'dlbatch-recipient';

const base64 = z
  .string()
  .regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/, '应为 base64')
  .min(1);

export const publicKeyFileSchema = z.object({
  format: z.literal(RECIPIENT_KEY_FORMAT),
  suite: z.enum(SUITES),
  name: z.string().trim().min(1, '名称不能为空'),
  publicKey: base64,
  keyId: z.string().regex(/^[0-9a-f]{16}$/, 'keyId 应为 16 位小写十六进制'),
});

export const privateKeyFileSchema = publicKeyFileSchema.extend({ privateKey: base64 });

export type PublicKeyFile = z.infer<typeof publicKeyFileSchema>;
export type PrivateKeyFile = z.infer<typeof privateKeyFileSchema>;

export function serializeKeyFile(file: PublicKeyFile | PrivateKeyFile): string {
  const ordered: Record<string, string> = { format: RECIPIENT_KEY_FORMAT, suite: file.suite, name: file.name, publicKey: file.publicKey, keyId: file.keyId };
  if ('privateKey' in file) ordered.privateKey = file.privateKey;
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

/** Parses a key file's text; the Chinese reason when it is not one. */
export function parseKeyFileText<T extends 'public' | 'private'>(
  text: string,
  kind: T,
): { ok: true; file: T extends 'private' ? PrivateKeyFile : PublicKeyFile } | { ok: false; reason: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: '密钥文件不是有效的 JSON' };
  }
  const result = (kind === 'private' ? privateKeyFileSchema : publicKeyFileSchema).safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const where = issue.path.join('.') || '（整体）';
    return { ok: false, reason: `密钥文件字段 ${where} 不符合格式：${issue.message}` };
  }
  return { ok: true, file: result.data as T extends 'private' ? PrivateKeyFile : PublicKeyFile };
}

export type { SuiteId };
