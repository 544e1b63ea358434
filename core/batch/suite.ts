import type { RecipientEntry, SuiteId } from './formatV2';

/**
 * The algorithms of a v2 suite as the verifier needs them. Core stays free of Node: the
 * main process implements these ports (electron/services/batch/suites.ts) and passes them in.
 */
export interface HashStream {
  update(chunk: Uint8Array): void;
  digestHex(): string;
}

/** Thrown by FileDecryptor.final when the GCM tag or the HMAC-SM3 does not match. */
export class DecryptFailed extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = 'DecryptFailed';
  }
}

/**
 * Decrypts one stored entry as its bytes arrive. It holds back the trailing tag or MAC,
 * so `update` returns plaintext that is not yet authenticated: callers may count and hash
 * it, never keep it, until `final` has returned.
 */
export interface FileDecryptor {
  update(chunk: Uint8Array): Uint8Array;
  final(): Uint8Array;
}

export interface SuiteVerifier {
  readonly id: SuiteId;
  /** The suite's H. */
  hash(): HashStream;
  /** Whether the manifest's `publicKey` is a signing key in the suite's encoding. */
  signingKeyValid(publicKeyBase64: string): boolean;
  /** Whether `signature` (decoded from manifest.sig) is the key's signature of exactly `message`. */
  verifySignature(message: Uint8Array, signature: Uint8Array, publicKeyBase64: string): boolean;
  /** A signature's shape in Chinese, for the message when it does not even parse. */
  readonly signatureShape: string;
  /** The recipient public key's bytes, or null when they are not a key of this suite. */
  recipientKeyBytes(publicKeyBase64: string): Uint8Array | null;
  /** What is wrong with a recipient entry's wrapped-key fields (their shape only), or null. */
  wrappedKeyProblem(entry: RecipientEntry): string | null;
  /** The content key K, or null when the entry does not unwrap with this private key. */
  unwrap(entry: RecipientEntry, privateKey: Uint8Array, batchId: string): Uint8Array | null;
  decryptor(contentKey: Uint8Array, storedPath: string): FileDecryptor;
  /** Bytes a stored entry has beyond its plaintext (nonce or IV plus tag or MAC). */
  readonly overhead: number;
}

export type SuiteRegistry = Readonly<Record<SuiteId, SuiteVerifier>>;

/** A receiving centre's private key, read from its key file and checked against its public key. */
export interface RecipientSecret {
  suite: SuiteId;
  name: string;
  keyId: string;
  publicKey: string;
  privateKey: Uint8Array;
}
