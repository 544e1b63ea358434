import { describe, expect, it } from 'vitest';
import { SUITES } from '../../../core/batch/formatV2';
import {
  createRecipientKeyFiles,
  readRecipientPublicKey,
  readRecipientSecret,
  recipientFingerprint,
  serializeKeyFile,
} from '../../../electron/services/batch/recipientKeys';

describe.each(SUITES)('recipient key files, suite %s', (suite) => {
  it('are written in the contract’s plain form and read back', () => {
    const { publicFile, privateFile } = createRecipientKeyFiles(suite, '  沈阳市法律援助中心 ');
    const pub = JSON.parse(serializeKeyFile(publicFile)) as Record<string, string>;
    expect(Object.keys(pub)).toEqual(['format', 'suite', 'name', 'publicKey', 'keyId']);
    expect(pub.format).toBe('dlbatch-recipient');
    expect(pub.name).toBe('沈阳市法律援助中心');
    expect(Buffer.from(pub.publicKey!, 'base64').length).toBe(suite === 'gm-1' ? 65 : 32);
    const priv = JSON.parse(serializeKeyFile(privateFile)) as Record<string, string>;
    expect(Buffer.from(priv.privateKey!, 'base64').length).toBe(32);
    expect(readRecipientPublicKey(serializeKeyFile(publicFile))).toEqual({ ok: true, value: publicFile });
    const secret = readRecipientSecret(serializeKeyFile(privateFile));
    expect(secret.ok && secret.value.keyId).toBe(publicFile.keyId);
    expect(recipientFingerprint(publicFile)).toMatch(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/);
  });

  it('are refused, with the reason, when the keyId, the pair or the key do not hold', () => {
    const a = createRecipientKeyFiles(suite, '甲中心');
    const b = createRecipientKeyFiles(suite, '乙中心');
    const reason = (r: { ok: boolean; reason?: string }) => (r.ok ? null : r.reason);
    expect(reason(readRecipientPublicKey(serializeKeyFile({ ...a.publicFile, keyId: b.publicFile.keyId })))).toContain('keyId');
    expect(reason(readRecipientSecret(serializeKeyFile({ ...a.privateFile, privateKey: b.privateFile.privateKey })))).toBe('密钥文件中的私钥与公钥不是一对');
    expect(reason(readRecipientPublicKey(serializeKeyFile({ ...a.publicFile, publicKey: Buffer.alloc(20).toString('base64') })))).toContain('不是套件');
    expect(reason(readRecipientPublicKey('{'))).toBe('密钥文件不是有效的 JSON');
    expect(reason(readRecipientPublicKey(JSON.stringify({ ...a.publicFile, suite: 'rsa-1' })))).toContain('suite');
    expect(reason(readRecipientSecret(serializeKeyFile(a.publicFile)))).toContain('privateKey');
  });
});
