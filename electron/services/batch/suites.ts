import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
  type DecipherGCM,
  type KeyObject,
} from 'node:crypto';
import { sm2 } from 'sm-crypto-v2';
import { decodeSignatureDer, encodeSignatureDer } from '../../../core/batch/der';
import { keyIdOfHash, type RecipientEntry, type SuiteId } from '../../../core/batch/formatV2';
import { fromBase64, publicKeyOfSeed, signManifest, toBase64, verifyManifestSignature } from '../../../core/batch/keys';
import { DecryptFailed, type FileDecryptor, type HashStream, type SuiteRegistry, type SuiteVerifier } from '../../../core/batch/suite';

/**
 * The two algorithm suites of batch format v2 (shared/spec/batch-format.md, "Suites").
 * intl-1 is Node's OpenSSL (X25519, HKDF-SHA-256, AES-256-GCM) and @noble/curves' Ed25519
 * (as v1 signs). gm-1 is Node's OpenSSL for SM3, SM4-CTR and HMAC-SM3, and sm-crypto-v2 for
 * SM2, which OpenSSL 3 as Node ships it does not expose (see docs/ARCHITECTURE.md).
 */
export interface FileEncryptor {
  update(plain: Uint8Array): Uint8Array;
  /** The tag or MAC; the stored entry ends with it. */
  final(): Uint8Array;
}

export interface KeyPair {
  privateKey: Uint8Array;
  /** In the suite's encoding, base64. */
  publicKey: string;
}

export interface Suite extends SuiteVerifier {
  generateSigningKey(): KeyPair;
  signingPublicKeyOf(privateKey: Uint8Array): string;
  sign(message: Uint8Array, privateKey: Uint8Array): Uint8Array;
  generateRecipientKey(): KeyPair;
  /** Null when the bytes are not a private key of the suite. */
  recipientPublicKeyOf(privateKey: Uint8Array): string | null;
  /** The recipient entry for one centre: K wrapped to its key, keyId computed. */
  wrap(contentKey: Uint8Array, recipientPublicKey: string, batchId: string): RecipientEntry;
  /** Encrypts one stored entry: the returned header (nonce or IV) comes first. */
  encryptor(contentKey: Uint8Array, storedPath: string): { header: Uint8Array; cipher: FileEncryptor };
  keyIdOf(publicKeyBase64: string): string | null;
}

const utf8 = (s: string) => Buffer.from(s, 'utf8');

function nodeHash(algorithm: 'sha256' | 'sm3'): () => HashStream {
  return () => {
    const h = createHash(algorithm);
    return { update: (c) => void h.update(c), digestHex: () => h.digest('hex') };
  };
}

/**
 * Splits a stored entry as it streams into its header, body and trailing tag, handing
 * on body bytes as soon as they cannot be part of the tag.
 */
class Framing {
  private head: Buffer = Buffer.alloc(0);
  private tail: Buffer = Buffer.alloc(0);
  header: Buffer | null = null;

  constructor(
    private readonly headerBytes: number,
    private readonly tagBytes: number,
  ) {}

  push(chunk: Uint8Array): Buffer {
    let data = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (!this.header) {
      this.head = Buffer.concat([this.head, data]);
      if (this.head.length < this.headerBytes) return Buffer.alloc(0);
      this.header = Buffer.from(this.head.subarray(0, this.headerBytes));
      data = this.head.subarray(this.headerBytes);
      this.head = Buffer.alloc(0);
    }
    const all = this.tail.length ? Buffer.concat([this.tail, data]) : data;
    const cut = Math.max(0, all.length - this.tagBytes);
    this.tail = Buffer.from(all.subarray(cut));
    return all.subarray(0, cut);
  }

  /** The tag, once the whole entry has arrived. */
  end(): Buffer {
    if (!this.header || this.tail.length < this.tagBytes) throw new DecryptFailed('文件过短，不是加密后的文件');
    return this.tail;
  }
}

// ---------------------------------------------------------------- intl-1

const X25519_SPKI = Buffer.from('302a300506032b656e032100', 'hex');
const X25519_PKCS8 = Buffer.from('302e020100300506032b656e04220420', 'hex');
const WRAP_INFO = utf8('dlbatch v2 key wrap');

function x25519Public(raw: Uint8Array): KeyObject {
  return createPublicKey({ key: Buffer.concat([X25519_SPKI, raw]), format: 'der', type: 'spki' });
}

function x25519Private(raw: Uint8Array): KeyObject {
  return createPrivateKey({ key: Buffer.concat([X25519_PKCS8, raw]), format: 'der', type: 'pkcs8' });
}

function rawX25519Public(key: KeyObject): Buffer {
  const pub = key.type === 'public' ? key : createPublicKey(key);
  return (pub.export({ format: 'der', type: 'spki' }) as Buffer).subarray(X25519_SPKI.length);
}

function x25519KeyBytes(publicKeyBase64: string): Uint8Array | null {
  const raw = fromBase64(publicKeyBase64);
  if (!raw || raw.length !== 32) return null;
  try {
    x25519Public(raw);
    return raw;
  } catch {
    return null;
  }
}

function kek(shared: Buffer, ephemeralPublic: Uint8Array, recipientPublic: Uint8Array): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, Buffer.concat([ephemeralPublic, recipientPublic]), WRAP_INFO, 32));
}

const ZERO_NONCE = Buffer.alloc(12);

const intl1: Suite = {
  id: 'intl-1',
  hash: nodeHash('sha256'),
  overhead: 12 + 16,
  signatureShape: ' 64 字节 Ed25519 签名',
  signingKeyValid: (publicKey) => publicKeyOfSpkiValid(publicKey),
  verifySignature: (message, signature, publicKey) => signature.length === 64 && verifyManifestSignature(message, signature, publicKey),
  generateSigningKey() {
    const seed = randomBytes(32);
    return { privateKey: new Uint8Array(seed), publicKey: publicKeyOfSeed(seed) };
  },
  signingPublicKeyOf: (seed) => publicKeyOfSeed(seed),
  sign: (message, seed) => signManifest(message, seed),
  recipientKeyBytes: x25519KeyBytes,
  keyIdOf(publicKey) {
    const raw = x25519KeyBytes(publicKey);
    return raw && keyIdOfHash(createHash('sha256').update(raw).digest('hex'));
  },
  generateRecipientKey() {
    const { privateKey, publicKey } = generateKeyPairSync('x25519');
    const raw = (privateKey.export({ format: 'der', type: 'pkcs8' }) as Buffer).subarray(X25519_PKCS8.length);
    return { privateKey: new Uint8Array(raw), publicKey: toBase64(rawX25519Public(publicKey)) };
  },
  recipientPublicKeyOf(privateKey) {
    if (privateKey.length !== 32) return null;
    try {
      return toBase64(rawX25519Public(x25519Private(privateKey)));
    } catch {
      return null;
    }
  },
  wrappedKeyProblem(entry) {
    const e = entry.ephemeralPublicKey === undefined ? null : fromBase64(entry.ephemeralPublicKey);
    if (!e || e.length !== 32) return 'ephemeralPublicKey 应为 32 字节 X25519 公钥的 base64';
    if (fromBase64(entry.encryptedKey)?.length !== 48) return 'encryptedKey 应为 48 字节（32 字节密钥加 16 字节标签）';
    return null;
  },
  wrap(contentKey, recipientPublicKey, batchId) {
    const recipient = x25519KeyBytes(recipientPublicKey);
    if (!recipient) throw new Error('not an X25519 public key');
    const ephemeral = generateKeyPairSync('x25519');
    const ephemeralPublic = rawX25519Public(ephemeral.publicKey);
    const shared = diffieHellman({ privateKey: ephemeral.privateKey, publicKey: x25519Public(recipient) });
    const cipher = createCipheriv('aes-256-gcm', kek(shared, ephemeralPublic, recipient), ZERO_NONCE);
    cipher.setAAD(utf8(batchId));
    const encrypted = Buffer.concat([cipher.update(contentKey), cipher.final(), cipher.getAuthTag()]);
    return {
      keyId: intl1.keyIdOf(recipientPublicKey)!,
      publicKey: toBase64(recipient),
      ephemeralPublicKey: toBase64(ephemeralPublic),
      encryptedKey: toBase64(encrypted),
    };
  },
  unwrap(entry, privateKey, batchId) {
    const recipient = x25519KeyBytes(entry.publicKey);
    const ephemeral = entry.ephemeralPublicKey === undefined ? null : fromBase64(entry.ephemeralPublicKey);
    const encrypted = fromBase64(entry.encryptedKey);
    if (!recipient || !ephemeral || ephemeral.length !== 32 || !encrypted || encrypted.length !== 48) return null;
    try {
      const shared = diffieHellman({ privateKey: x25519Private(privateKey), publicKey: x25519Public(ephemeral) });
      const decipher = createDecipheriv('aes-256-gcm', kek(shared, ephemeral, recipient), ZERO_NONCE);
      decipher.setAAD(utf8(batchId));
      decipher.setAuthTag(encrypted.subarray(32));
      return new Uint8Array(Buffer.concat([decipher.update(encrypted.subarray(0, 32)), decipher.final()]));
    } catch {
      return null;
    }
  },
  encryptor(contentKey, storedPath) {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', contentKey, nonce);
    cipher.setAAD(utf8(storedPath));
    return { header: nonce, cipher: { update: (plain) => cipher.update(plain), final: () => Buffer.concat([cipher.final(), cipher.getAuthTag()]) } };
  },
  decryptor(contentKey, storedPath): FileDecryptor {
    const framing = new Framing(12, 16);
    let decipher: DecipherGCM | null = null;
    const body = (chunk: Uint8Array) => {
      const ready = framing.push(chunk);
      if (!framing.header) return ready;
      if (!decipher) {
        decipher = createDecipheriv('aes-256-gcm', contentKey, framing.header);
        decipher.setAAD(utf8(storedPath));
      }
      return ready.length ? decipher.update(ready) : Buffer.alloc(0);
    };
    return {
      update: body,
      final() {
        const tag = framing.end();
        try {
          decipher!.setAuthTag(tag);
          return decipher!.final();
        } catch {
          throw new DecryptFailed('AES-256-GCM 标签不符');
        }
      },
    };
  },
};

function publicKeyOfSpkiValid(publicKey: string): boolean {
  // Any 32-byte string decodes as an Ed25519 point or fails verification; the SPKI prefix is what can be checked here.
  const spki = fromBase64(publicKey);
  return !!spki && spki.length === 44 && Buffer.from(spki.subarray(0, 12)).equals(Buffer.from('302a300506032b6570032100', 'hex'));
}

// ---------------------------------------------------------------- gm-1

/** The default user ID of GB/T 32918 / GM/T 0009, in the signer's Z_A. */
export const SM2_USER_ID = '1234567812345678';
const SM2_N = BigInt('0xFFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123');
const hexOf = (b: Uint8Array) => Buffer.from(b).toString('hex');
const scalarHex = (b: Uint8Array) => hexOf(b).padStart(64, '0');

function sm2PointHex(publicKeyBase64: string): string | null {
  const raw = fromBase64(publicKeyBase64);
  if (!raw || raw.length !== 65 || raw[0] !== 0x04) return null;
  const hex = hexOf(raw);
  try {
    return sm2.verifyPublicKey(hex) ? hex : null;
  } catch {
    return null;
  }
}

/** An SM2 private key d must lie in [1, n-2] (GB/T 32918.1): 1 + d has to be invertible. */
function sm2ScalarValid(privateKey: Uint8Array): boolean {
  if (privateKey.length !== 32) return false;
  const d = BigInt(`0x${hexOf(privateKey)}`);
  return d >= 1n && d <= SM2_N - 2n;
}

function sm2KeyPair(): KeyPair {
  for (;;) {
    const pair = sm2.generateKeyPairHex();
    const privateKey = new Uint8Array(Buffer.from(pair.privateKey, 'hex'));
    if (sm2ScalarValid(privateKey)) return { privateKey, publicKey: toBase64(Buffer.from(pair.publicKey, 'hex')) };
  }
}

function sm2PublicOf(privateKey: Uint8Array): string | null {
  if (!sm2ScalarValid(privateKey)) return null;
  return toBase64(Buffer.from(sm2.getPublicKeyFromPrivateKey(scalarHex(privateKey)), 'hex'));
}

/**
 * e = SM3(Z_A ‖ M) of GB/T 32918.2, hashed by Node's SM3. The library's `hash: true` turns
 * the message into a number array, then hex, then bytes again before a JavaScript SM3: for
 * a batch of 5,000 files (a 1.5 MB manifest) that was hundreds of MB of garbage at the
 * export's memory peak. Given e with `hash: false`, it signs and verifies the same e.
 */
function sm2Digest(message: Uint8Array, publicKeyHex: string): Uint8Array {
  return createHash('sm3').update(sm2.getZ(publicKeyHex, SM2_USER_ID)).update(message).digest();
}

function sm3KeyId(raw: Uint8Array): string {
  return keyIdOfHash(createHash('sm3').update(raw).digest('hex'));
}

const gm1: Suite = {
  id: 'gm-1',
  hash: nodeHash('sm3'),
  overhead: 16 + 32,
  signatureShape: ' DER 编码的 SM2 签名',
  signingKeyValid: (publicKey) => sm2PointHex(publicKey) !== null,
  verifySignature(message, signature, publicKey) {
    const point = sm2PointHex(publicKey);
    const rs = decodeSignatureDer(signature);
    if (!point || !rs || rs.r < 1n || rs.r >= SM2_N || rs.s < 1n || rs.s >= SM2_N) return false;
    const hex = rs.r.toString(16).padStart(64, '0') + rs.s.toString(16).padStart(64, '0');
    try {
      return sm2.doVerifySignature(sm2Digest(message, point), hex, point, { hash: false, der: false });
    } catch {
      return false;
    }
  },
  generateSigningKey: sm2KeyPair,
  signingPublicKeyOf(privateKey) {
    const pub = sm2PublicOf(privateKey);
    if (!pub) throw new Error('not an SM2 private key');
    return pub;
  },
  sign(message, privateKey) {
    const publicKey = hexOf(fromBase64(gm1.signingPublicKeyOf(privateKey))!);
    const rs = sm2.doSignature(sm2Digest(message, publicKey), scalarHex(privateKey), { hash: false, der: false });
    return encodeSignatureDer(BigInt(`0x${rs.slice(0, 64)}`), BigInt(`0x${rs.slice(64)}`));
  },
  recipientKeyBytes(publicKey) {
    const hex = sm2PointHex(publicKey);
    return hex ? new Uint8Array(Buffer.from(hex, 'hex')) : null;
  },
  keyIdOf(publicKey) {
    const raw = gm1.recipientKeyBytes(publicKey);
    return raw && sm3KeyId(raw);
  },
  generateRecipientKey: sm2KeyPair,
  recipientPublicKeyOf: sm2PublicOf,
  wrappedKeyProblem(entry) {
    if (entry.ephemeralPublicKey !== undefined) return '套件 gm-1 的接收方不应有 ephemeralPublicKey';
    const c = fromBase64(entry.encryptedKey);
    if (!c || c.length !== 65 + 32 + 32 || c[0] !== 0x04) return 'encryptedKey 应为 129 字节的 SM2 密文 C1‖C3‖C2（C1 以 04 开头）';
    return null;
  },
  wrap(contentKey, recipientPublicKey) {
    const point = sm2PointHex(recipientPublicKey);
    if (!point) throw new Error('not an SM2 public key');
    // The library writes C1 as X‖Y; the spec's C1 is the uncompressed point 04‖X‖Y.
    const c1c3c2 = `04${sm2.doEncrypt(contentKey, point, 1)}`;
    return { keyId: sm3KeyId(Buffer.from(point, 'hex')), publicKey: toBase64(Buffer.from(point, 'hex')), encryptedKey: toBase64(Buffer.from(c1c3c2, 'hex')) };
  },
  unwrap(entry, privateKey) {
    const c = fromBase64(entry.encryptedKey);
    if (!c || c.length !== 129 || c[0] !== 0x04 || !sm2ScalarValid(privateKey)) return null;
    try {
      const k = sm2.doDecrypt(hexOf(c.subarray(1)), scalarHex(privateKey), 1, { output: 'array' });
      // A failed C3 check comes back empty; K is always 32 bytes.
      return k.length === 32 ? new Uint8Array(k) : null;
    } catch {
      return null;
    }
  },
  encryptor(contentKey, storedPath) {
    const iv = randomBytes(16);
    const cipher = createCipheriv('sm4-ctr', contentKey.subarray(0, 16), iv);
    const mac = createHmac('sm3', contentKey.subarray(16, 32)).update(utf8(storedPath)).update(Buffer.of(0)).update(iv);
    return {
      header: iv,
      cipher: {
        update(plain) {
          const out = cipher.update(plain);
          mac.update(out);
          return out;
        },
        final() {
          const rest = cipher.final();
          mac.update(rest);
          return Buffer.concat([rest, mac.digest()]);
        },
      },
    };
  },
  decryptor(contentKey, storedPath): FileDecryptor {
    const framing = new Framing(16, 32);
    let decipher: ReturnType<typeof createDecipheriv> | null = null;
    let mac: ReturnType<typeof createHmac> | null = null;
    return {
      update(chunk) {
        const ready = framing.push(chunk);
        if (!framing.header) return ready;
        if (!decipher) {
          decipher = createDecipheriv('sm4-ctr', contentKey.subarray(0, 16), framing.header);
          mac = createHmac('sm3', contentKey.subarray(16, 32)).update(utf8(storedPath)).update(Buffer.of(0)).update(framing.header);
        }
        if (!ready.length) return ready;
        mac!.update(ready);
        return decipher.update(ready);
      },
      final() {
        const tag = framing.end();
        const expected = mac!.digest();
        if (!timingSafeEqual(expected, tag)) throw new DecryptFailed('HMAC-SM3 不符');
        return decipher!.final();
      },
    };
  },
};

export const SUITE_IMPLEMENTATIONS: Readonly<Record<SuiteId, Suite>> = { 'intl-1': intl1, 'gm-1': gm1 };
export const nodeSuites: SuiteRegistry = SUITE_IMPLEMENTATIONS;

export function suiteOf(id: SuiteId): Suite {
  return SUITE_IMPLEMENTATIONS[id];
}
