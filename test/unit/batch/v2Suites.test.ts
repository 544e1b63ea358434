import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { sm2 } from 'sm-crypto-v2';
import { decodeSignatureDer, encodeSignatureDer } from '../../../core/batch/der';
import { fromBase64, toBase64 } from '../../../core/batch/keys';
import { DecryptFailed } from '../../../core/batch/suite';
import { SM2_USER_ID, SUITE_IMPLEMENTATIONS, suiteOf } from '../../../electron/services/batch/suites';
import { SUITES } from '../../../core/batch/formatV2';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const bytes = (h: string) => new Uint8Array(Buffer.from(h, 'hex'));

/** GB/T 32918 example on the recommended curve (also GM/T 0003.5): the key pair, message, nonce. */
const D = '3945208f7b2144b13f36e38ac6d39f95889393692860b51a42fb81ef4df7c5b8';
const P = '04' + '09f9df311e5421a150dd7d161e4bc5c672179fad1833fc076bb08ff356f35020' + 'ccea490ce26775a52dc6ea718cc1aa600aed05fbf35e084a6632f6072da9ad13';
const K = BigInt('0x59276e27d506861a16680f3ad9c02dccef3cc1fa3cdbe4ce6d54b80deac1bc21');

function decrypt(suiteId: (typeof SUITES)[number], key: Uint8Array, path: string, stored: Uint8Array, chunk = 7): Uint8Array {
  const d = suiteOf(suiteId).decryptor(key, path);
  const out: Uint8Array[] = [];
  for (let i = 0; i < stored.length; i += chunk) out.push(d.update(stored.subarray(i, i + chunk)));
  out.push(d.final());
  return Buffer.concat(out);
}

function encrypt(suiteId: (typeof SUITES)[number], key: Uint8Array, path: string, plain: Uint8Array): Uint8Array {
  const { header, cipher } = suiteOf(suiteId).encryptor(key, path);
  return Buffer.concat([header, cipher.update(plain.subarray(0, 5)), cipher.update(plain.subarray(5)), cipher.final()]);
}

describe('SM3 (GB/T 32905-2016 examples)', () => {
  it('hashes "abc" and the 64-byte "abcd"×16 as the standard gives', () => {
    const h = (s: string) => {
      const x = suiteOf('gm-1').hash();
      x.update(Buffer.from(s));
      return x.digestHex();
    };
    expect(h('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    expect(h('abcd'.repeat(16))).toBe('debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732');
  });
});

describe('SM2 (GB/T 32918 examples)', () => {
  it('derives the example public key from the example private key', () => {
    expect(hex(fromBase64(suiteOf('gm-1').signingPublicKeyOf(bytes(D)))!)).toBe(P);
  });

  it('signs "message digest" with Z_A of user ID 1234567812345678 and the example nonce to the standard r, s', () => {
    const x1 = sm2.getPublicKeyFromPrivateKey(K.toString(16).padStart(64, '0')).slice(2, 66);
    const rs = sm2.doSignature(Buffer.from('message digest'), D, { hash: true, der: false, userId: SM2_USER_ID, pointPool: [{ k: K, x1: BigInt(`0x${x1}`) }] });
    expect(rs).toBe('f5a03b0648d2c4630eeac513e1bb81a15944da3827d5b74143ac7eaceee720b3' + 'b1b6aa29df212fd8763182bc0d421ca1bb9038fd1f7f42d4840b69c485bbc1aa');
    const der = encodeSignatureDer(BigInt(`0x${rs.slice(0, 64)}`), BigInt(`0x${rs.slice(64)}`));
    expect(hex(der)).toBe(
      '3046022100f5a03b0648d2c4630eeac513e1bb81a15944da3827d5b74143ac7eaceee720b3022100b1b6aa29df212fd8763182bc0d421ca1bb9038fd1f7f42d4840b69c485bbc1aa',
    );
    const gm = suiteOf('gm-1');
    expect(gm.verifySignature(Buffer.from('message digest'), der, toBase64(bytes(P)))).toBe(true);
    expect(gm.verifySignature(Buffer.from('message digesT'), der, toBase64(bytes(P)))).toBe(false);
  });

  it('signs over SM3(Z_A ‖ M) as the library computes it itself, for a manifest-sized message too', () => {
    const gm = suiteOf('gm-1');
    const point = hex(fromBase64(gm.signingPublicKeyOf(bytes(D)))!);
    for (const msg of [Buffer.from('message digest'), Buffer.from('{"files":[]}\n'.repeat(100_000))]) {
      const rs = decodeSignatureDer(gm.sign(msg, bytes(D)))!;
      const sigHex = rs.r.toString(16).padStart(64, '0') + rs.s.toString(16).padStart(64, '0');
      // The library's own Z_A and hash path, independent of the suite's.
      expect(sm2.doVerifySignature(msg, sigHex, point, { hash: true, der: false, userId: SM2_USER_ID })).toBe(true);
      expect(sm2.doVerifySignature(Buffer.concat([msg, Buffer.from(' ')]), sigHex, point, { hash: true, der: false, userId: SM2_USER_ID })).toBe(false);
    }
  });

  it('decrypts the standard C1‖C3‖C2 ciphertext of "encryption standard"', () => {
    const c =
      '04' +
      '04ebfc718e8d1798620432268e77feb6415e2ede0e073c0f4f640ecd2e149a73' +
      'e858f9d81e5430a57b36daab8f950a3c64e6ee6a63094d99283aff767e124df0' +
      '59983c18f809e262923c53aec295d30383b54e39d609d160afcb1908d0bd8766' +
      '21886ca989ca9c7d58087307ca93092d651efa';
    // The library takes C1 without its 04; the suite adds and strips it (see suites.ts).
    const plain = sm2.doDecrypt(c.slice(2), D, 1, { output: 'array' });
    expect(Buffer.from(plain).toString()).toBe('encryption standard');
  });

  it('refuses a DER signature with a superfluous leading zero or trailing bytes', () => {
    expect(decodeSignatureDer(bytes('30070202007f020101'))).toBeNull();
    expect(decodeSignatureDer(bytes('3006020181020101'))).toBeNull();
    expect(decodeSignatureDer(bytes('30060201010201010000'))).toBeNull();
    expect(decodeSignatureDer(bytes('3006020101020102'))).toEqual({ r: 1n, s: 2n });
  });
});

describe.each(SUITES)('suite %s', (id) => {
  const suite = SUITE_IMPLEMENTATIONS[id];

  it('signs and verifies; another key or message does not verify', () => {
    const a = suite.generateSigningKey();
    const b = suite.generateSigningKey();
    const msg = Buffer.from('{"manifest":1}\n');
    const sig = suite.sign(msg, a.privateKey);
    expect(suite.signingKeyValid(a.publicKey)).toBe(true);
    expect(suite.verifySignature(msg, sig, a.publicKey)).toBe(true);
    expect(suite.verifySignature(msg, sig, b.publicKey)).toBe(false);
    expect(suite.verifySignature(Buffer.from('{"manifest":2}\n'), sig, a.publicKey)).toBe(false);
    expect(suite.signingPublicKeyOf(a.privateKey)).toBe(a.publicKey);
  });

  it('wraps K for a centre; only that centre unwraps it, and only for that batch', () => {
    const a = suite.generateRecipientKey();
    const b = suite.generateRecipientKey();
    const k = new Uint8Array(32).map((_, i) => i + 1);
    const entry = suite.wrap(k, a.publicKey, 'batch-1');
    expect(entry.keyId).toBe(
      createHash(id === 'gm-1' ? 'sm3' : 'sha256')
        .update(fromBase64(a.publicKey)!)
        .digest('hex')
        .slice(0, 16),
    );
    expect(suite.wrappedKeyProblem(entry)).toBeNull();
    expect(suite.unwrap(entry, a.privateKey, 'batch-1')).toEqual(k);
    expect(suite.unwrap(entry, b.privateKey, 'batch-1')).toBeNull();
    if (id === 'intl-1') expect(suite.unwrap(entry, a.privateKey, 'batch-2')).toBeNull();
    expect(suite.recipientPublicKeyOf(a.privateKey)).toBe(a.publicKey);
  });

  it('encrypts a file; the stored bytes decrypt in any chunking, and a flipped bit or another path fails', () => {
    const k = new Uint8Array(32).fill(9);
    const plain = Buffer.from('{"id":"x"}\n'.repeat(1000));
    const stored = encrypt(id, k, 'consultations.jsonl.enc', plain);
    expect(stored.length).toBe(plain.length + suite.overhead);
    expect(Buffer.from(stored).includes(Buffer.from('"id"'))).toBe(false);
    for (const chunk of [1, 7, 4096, stored.length]) expect(Buffer.from(decrypt(id, k, 'consultations.jsonl.enc', stored, chunk))).toEqual(plain);
    const flipped = Uint8Array.from(stored);
    flipped[40]! ^= 1;
    expect(() => decrypt(id, k, 'consultations.jsonl.enc', flipped)).toThrow(DecryptFailed);
    expect(() => decrypt(id, k, 'mediations.jsonl.enc', stored)).toThrow(DecryptFailed);
    expect(() => decrypt(id, k, 'consultations.jsonl.enc', stored.subarray(0, 10))).toThrow(DecryptFailed);
  });
});
